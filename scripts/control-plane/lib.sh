# Sourced by the control-plane scripts: repo root, pinned versions, and a fail-fast check for Go.
CP_REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# shellcheck disable=SC1091
. "$CP_REPO_ROOT/tools/versions.env"
cp_die() { echo "control-plane: $*" >&2; exit 1; }
cp_need_go() {
  command -v go >/dev/null 2>&1 ||
    cp_die "no 'go' on PATH: the real control plane is built from Go modules (Go >= 1.26 and a Go module proxy needed)"
}
