#!/usr/bin/env bash
# End-to-end test of the demo in a real browser: starts the demo (scripts/start.sh), drives Debian Chromium through
# playwright-core (packages/demo-fleet/src/e2e/demoBrowserTest.ts), then stops the demo. Screenshots go to
# .artifacts/screenshots/demo (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
./scripts/ensure-chromium.sh

export KF_MESH_DEMO_LOG_DIR="$PWD/.artifacts/demo"
stop_demo() {
  if [ -f "$KF_MESH_DEMO_LOG_DIR/pids" ]; then
    while read -r pid; do kill "$pid" 2>/dev/null || true; done <"$KF_MESH_DEMO_LOG_DIR/pids"
    rm -f "$KF_MESH_DEMO_LOG_DIR/pids"
  fi
}
trap stop_demo EXIT

for port in 7007 16551 16552 16560; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "port $port is already in use: stop the running demo first" >&2
    exit 1
  fi
done

KF_MESH_DEMO_DETACH=1 ./scripts/start.sh
# Every flow runs, even after one fails (each prints its own 'N passed, N failed' line); the script fails if any did.
status=0
node -r @swc-node/register packages/demo-fleet/src/e2e/demoBrowserTest.ts .artifacts/screenshots/demo || status=1
# issue #18: the newer mesh states on the fleet page and Mesh tabs
node -r @swc-node/register packages/demo-fleet/src/e2e/meshSemanticsBrowserTest.ts .artifacts/screenshots/demo-mesh-semantics || status=1
# The self-service onboarding (#17): the profile owner from the Mesh tab to the pull request, the platform engineer's
# Approvals, the fleet page's 403 explained. Screenshots go to .artifacts/screenshots/self-service.
node -r @swc-node/register packages/demo-fleet/src/e2e/selfServiceBrowserTest.ts .artifacts/screenshots/self-service || status=1
# Fleet migration waves (#19): select by filter, readiness summary, start, the wave on Approvals.
node -r @swc-node/register packages/demo-fleet/src/e2e/waveBrowserTest.ts .artifacts/screenshots/wave || status=1
exit $status
