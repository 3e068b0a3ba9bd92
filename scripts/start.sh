#!/usr/bin/env bash
# The README's demo command: installs what it needs, builds the app when its sources changed, starts the simulated
# Kubeflow fleet (two kube-sim clusters + a loopback GitHub) and the Backstage backend that serves the app.
# Stop with Ctrl-C. Set KF_MESH_DEMO_DETACH=1 to return once everything is ready (used by the browser test).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

LOG_DIR="${KF_MESH_DEMO_LOG_DIR:-$PWD/.artifacts/demo}"
mkdir -p "$LOG_DIR"
started=$(date +%s)

echo "==> install"
yarn install --immutable >"$LOG_DIR/install.log" 2>&1 || { tail -40 "$LOG_DIR/install.log"; exit 1; }
echo "==> CRDs of the pinned Istio and Gateway API modules (Go module cache)"
scripts/control-plane/crds.sh >"$LOG_DIR/crds.log" 2>&1 || { cat "$LOG_DIR/crds.log"; exit 1; }

app_stamp=packages/app/dist/index.html
if [ ! -f "$app_stamp" ] || [ -n "$(find packages/app/src packages/app/package.json plugins/kf-mesh/src plugins/kf-mesh-common/src yarn.lock -newer "$app_stamp" -print -quit)" ]; then
  echo "==> build the app (about 1-2 minutes)"
  yarn workspace app build >"$LOG_DIR/app-build.log" 2>&1 || { tail -40 "$LOG_DIR/app-build.log"; exit 1; }
else
  echo "==> app is up to date"
fi

pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
}

wait_for() { # <description> <seconds> <command...>
  local what=$1 limit=$2; shift 2
  for _ in $(seq 1 "$limit"); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "timed out after ${limit}s waiting for $what" >&2
  return 1
}

echo "==> start the demo fleet (2 kube-sim clusters, github-sim)"
node -r @swc-node/register packages/demo-fleet/src/main.ts packages/demo-fleet/.generated >"$LOG_DIR/fleet.log" 2>&1 &
pids+=($!)
if [ -z "${KF_MESH_DEMO_DETACH:-}" ]; then trap cleanup EXIT INT TERM; fi
wait_for "the demo fleet" 120 grep -q 'demo fleet ready' "$LOG_DIR/fleet.log" || { cat "$LOG_DIR/fleet.log"; cleanup; exit 1; }

echo "==> start Backstage"
# The same TypeScript loader `backstage-cli package start` uses, without its file watcher: a demo backend must not
# restart (and lose its in-memory database) when a source file changes.
(
  cd packages/backend
  transform=$(node -p "require.resolve('@backstage/cli-node/config/nodeTransform.cjs')")
  NODE_ENV=development exec node --enable-source-maps --require "$transform" src/index.ts
) >"$LOG_DIR/backend.log" 2>&1 &
pids+=($!)
wait_for "the backend" 300 curl -sf http://localhost:7007/.backstage/health/v1/readiness || { tail -60 "$LOG_DIR/backend.log"; cleanup; exit 1; }
wait_for "the app" 60 curl -sf http://localhost:7007/ || { tail -60 "$LOG_DIR/backend.log"; cleanup; exit 1; }

echo
echo "kf-mesh demo is ready after $(( $(date +%s) - started ))s:"
echo "  Backstage:            http://localhost:7007  (sign in as the profile owner or the platform engineer)"
echo "  Mesh fleet page:      http://localhost:7007/kf-mesh"
echo "  Recorded pull requests (github-sim): http://127.0.0.1:16560/"
echo "  Logs: $LOG_DIR"
if [ -n "${KF_MESH_DEMO_DETACH:-}" ]; then
  printf '%s\n' "${pids[@]}" >"$LOG_DIR/pids"
  exit 0
fi
echo "Press Ctrl-C to stop."
wait
