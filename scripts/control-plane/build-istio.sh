#!/usr/bin/env bash
# Builds istiod (pilot-discovery) and istioctl from the Go module pinned in tools/istio (versions in tools/versions.env)
# into the git-ignored .bin/<component>-<ISTIO_RELEASE>-<ISTIO_GIT_REVISION>/. Skips a binary already present. Uses
# Go's default caches. Flags follow Istio's release build (Makefile.core.mk STANDARD_TAGS and RELEASE_LDFLAGS,
# common/scripts/report_build_info.sh).
# Usage: scripts/control-plane/build-istio.sh [pilot-discovery] [istioctl]   (no argument: both)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cp_need_go
[ -n "${ISTIO_RELEASE:-}" ] && [ -n "${ISTIO_GIT_REVISION:-}" ] ||
  cp_die "tools/versions.env has no ISTIO_RELEASE / ISTIO_GIT_REVISION (the # istio section)"
grep -q "istio.io/istio ${ISTIO_VERSION}" "$CP_REPO_ROOT/tools/istio/go.mod" ||
  cp_die "tools/istio/go.mod does not require istio.io/istio ${ISTIO_VERSION} (tools/versions.env ISTIO_VERSION)"

V="istio.io/istio/pkg/version"
LDFLAGS="-s -w -X ${V}.buildVersion=${ISTIO_RELEASE} -X ${V}.buildGitRevision=${ISTIO_GIT_REVISION} \
-X ${V}.buildStatus=Clean -X ${V}.buildTag=${ISTIO_RELEASE} -X ${V}.buildHub=docker.io/istio \
-X ${V}.buildOS=$(go env GOOS) -X ${V}.buildArch=$(go env GOARCH)"

build_one() {
  local component="$1" package
  case "$component" in
    pilot-discovery) package=istio.io/istio/pilot/cmd/pilot-discovery ;;
    istioctl) package=istio.io/istio/istioctl/cmd/istioctl ;;
    *) cp_die "unknown component '$component' (known: pilot-discovery, istioctl)" ;;
  esac
  local version="${ISTIO_RELEASE}-${ISTIO_GIT_REVISION}"
  local out="$CP_REPO_ROOT/.bin/$component-$version/$component"
  if [ -x "$out" ]; then
    echo "control-plane: $component $version already built ($out)"
    return 0
  fi
  mkdir -p "$(dirname "$out")"
  local start=$SECONDS
  echo "control-plane: building $component $version (first build downloads modules and compiles: tens of minutes)"
  (cd "$CP_REPO_ROOT/tools/istio" && CGO_ENABLED=0 go build -mod=readonly -trimpath -tags vtprotobuf,disable_pgv \
    -ldflags "$LDFLAGS" -o "$out.tmp" "$package") ||
    cp_die "building $component $version from tools/istio failed (see the go output above)"
  mv "$out.tmp" "$out"
  echo "control-plane: built $component $version in $((SECONDS - start)) s -> $out"
}

components=("$@")
[ ${#components[@]} -gt 0 ] || components=(pilot-discovery istioctl)
for c in "${components[@]}"; do build_one "$c"; done
