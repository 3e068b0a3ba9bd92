//go:build tools

// Package tools keeps the kube-apiserver command in this module's requirements; scripts/control-plane/build.sh
// builds it with `go build k8s.io/kubernetes/cmd/kube-apiserver`.
package tools

import _ "k8s.io/kubernetes/cmd/kube-apiserver"
