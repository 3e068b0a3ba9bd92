#!/usr/bin/env bash
# Prints the CRD files of the pinned Istio and Gateway API modules (tools/versions.env), one absolute path a line,
# after `go mod download` has put the modules in Go's module cache (near-instant when cached).
# The one place that knows where the CRDs live inside those modules:
#   Istio: manifests/charts/base/files/crd-all.gen.yaml (the base chart's CRDs)
#   Gateway API: config/crd/<channel>/, the files its kustomization.yaml lists (may include the
#   safe-upgrades ValidatingAdmissionPolicy: readers keep only CustomResourceDefinition documents).
set -euo pipefail
. "$(dirname "$0")/lib.sh"
cp_need_go

module_dir() {
  local json dir
  json="$(cd "$CP_REPO_ROOT" && go mod download -json "$1@$2")" ||
    cp_die "go mod download $1@$2 failed (is the Go module proxy reachable?)"
  dir="$(sed -n 's/^\s*"Dir": "\(.*\)",\?$/\1/p' <<<"$json")"
  [ -d "$dir" ] || cp_die "go mod download $1@$2 gave no module directory"
  echo "$dir"
}

istio_dir="$(module_dir "$ISTIO_MODULE" "$ISTIO_VERSION")"
gateway_dir="$(module_dir "$GATEWAY_API_MODULE" "$GATEWAY_API_VERSION")"

istio_crds="$istio_dir/manifests/charts/base/files/crd-all.gen.yaml"
[ -f "$istio_crds" ] || cp_die "no Istio CRD file at $istio_crds"
echo "$istio_crds"

channel_dir="$gateway_dir/config/crd/$GATEWAY_API_CHANNEL"
[ -f "$channel_dir/kustomization.yaml" ] || cp_die "no Gateway API channel '$GATEWAY_API_CHANNEL' at $channel_dir"
sed -n 's/^- \(.*\.yaml\)$/\1/p' "$channel_dir/kustomization.yaml" | while read -r file; do
  [ -f "$channel_dir/$file" ] || cp_die "Gateway API kustomization lists a missing file: $channel_dir/$file"
  echo "$channel_dir/$file"
done
