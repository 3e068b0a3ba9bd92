#!/usr/bin/env bash
# Builds the real control-plane binaries from the pinned Go modules (tools/versions.env, tools/<component>/go.mod)
# into the git-ignored .bin/<component>-<version>/<component>. Skips a binary that already exists for its version.
# Uses Go's default module and build caches, so a second machine-local build is warm.
# Usage: scripts/control-plane/build.sh [etcd] [kube-apiserver]   (no argument: both)
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cp_need_go

build_one() {
  local component="$1" module_dir package version
  case "$component" in
    etcd) module_dir=tools/etcd package=go.etcd.io/etcd/server/v3 version="$ETCD_VERSION" ;;
    kube-apiserver) module_dir=tools/kube package=k8s.io/kubernetes/cmd/kube-apiserver version="$KUBERNETES_VERSION" ;;
    *) cp_die "unknown component '$component' (known: etcd, kube-apiserver)" ;;
  esac
  local out_dir="$CP_REPO_ROOT/.bin/$component-$version"
  local out="$out_dir/$component"
  if [ -x "$out" ]; then
    echo "control-plane: $component $version already built ($out)"
    return 0
  fi
  mkdir -p "$out_dir"
  local start=$SECONDS
  echo "control-plane: building $component $version (first build downloads modules and compiles: minutes)"
  (cd "$CP_REPO_ROOT/$module_dir" && go build -trimpath -ldflags='-s -w' -o "$out.tmp" "$package") ||
    cp_die "building $component $version from $module_dir failed (see the go output above)"
  mv "$out.tmp" "$out"
  echo "control-plane: built $component $version in $((SECONDS - start)) s -> $out"
}

components=("$@")
[ ${#components[@]} -gt 0 ] || components=(etcd kube-apiserver)
for c in "${components[@]}"; do build_one "$c"; done
