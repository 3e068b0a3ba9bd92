//go:build tools

// Package tools keeps etcd's server command in this module's requirements; scripts/control-plane/build.sh builds it
// with `go build go.etcd.io/etcd/server/v3` (as a dependency, etcd's own ../ replace lines do not apply).
package tools

import _ "go.etcd.io/etcd/server/v3"
