#!/usr/bin/env bash
# Builds istiod (pilot-discovery) and istioctl from the Go module pinned in tools/istio into
# .bin/<component>-<version>/ (git-ignored). Skips a binary already present. Uses Go's default caches.
# Flags follow istio's own release build (Makefile.core.mk: STANDARD_TAGS, RELEASE_LDFLAGS; report_build_info.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck source=/dev/null
. "$ROOT/tools/istio/VERSION.env"

command -v go >/dev/null || { echo "build-istio: 'go' not found on PATH (need Go >= 1.26 and a Go module proxy)" >&2; exit 1; }
GO_MINOR="$(go env GOVERSION | sed -E 's/^go1\.([0-9]+).*/\1/')"
[ "$GO_MINOR" -ge 26 ] || { echo "build-istio: Go $(go env GOVERSION) is too old; istio ${ISTIO_RELEASE} needs go1.26" >&2; exit 1; }
grep -q "istio.io/istio ${ISTIO_VERSION}" "$ROOT/tools/istio/go.mod" \
  || { echo "build-istio: tools/istio/go.mod does not pin istio.io/istio ${ISTIO_VERSION} (VERSION.env)" >&2; exit 1; }

V="istio.io/istio/pkg/version"
LDFLAGS="-s -w -X ${V}.buildVersion=${ISTIO_RELEASE} -X ${V}.buildGitRevision=${ISTIO_GIT_REVISION} \
-X ${V}.buildStatus=Clean -X ${V}.buildTag=${ISTIO_RELEASE} -X ${V}.buildHub=docker.io/istio \
-X ${V}.buildOS=$(go env GOOS) -X ${V}.buildArch=$(go env GOARCH)"

build() { # component, package
  local out="$ROOT/.bin/$1-${ISTIO_RELEASE}-${ISTIO_GIT_REVISION}/$1"
  if [ -x "$out" ]; then echo "build-istio: $1 present ($out)"; return; fi
  echo "build-istio: building $1 ${ISTIO_RELEASE}-${ISTIO_GIT_REVISION} ($2)"
  local start=$SECONDS
  (cd "$ROOT/tools/istio" && CGO_ENABLED=0 go build -mod=readonly -trimpath -tags vtprotobuf,disable_pgv \
    -ldflags "$LDFLAGS" -o "$out.tmp" "$2")
  mv "$out.tmp" "$out"
  echo "build-istio: $1 built in $((SECONDS - start)) s"
}

case "${1:-all}" in
  pilot-discovery) build pilot-discovery istio.io/istio/pilot/cmd/pilot-discovery ;;
  istioctl) build istioctl istio.io/istio/istioctl/cmd/istioctl ;;
  all)
    build pilot-discovery istio.io/istio/pilot/cmd/pilot-discovery
    build istioctl istio.io/istio/istioctl/cmd/istioctl ;;
  *) echo "build-istio: unknown component '$1' (pilot-discovery | istioctl | all)" >&2; exit 2 ;;
esac
