#!/usr/bin/env bash
# The README's test command: installs what it needs, then type-checks, lints and runs every test (Jest suites, the
# suites on a real etcd + kube-apiserver, the frontend dev app and the whole demo in a real browser, a fresh
# create-app app with the packed packages). Ends with one
# line summing every stage's counts.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

step() { printf '\n==> %s\n' "$*"; }

logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT
passed=0
failed=0
# Adds the counts of a stage's log: Jest's "Tests: [N failed, ]M passed" or a plain "N passed, N failed" line.
count() {
  local line p f
  line=$(grep -E '^Tests: ' "$1" | tail -1 || true)
  if [ -n "$line" ]; then
    p=$(sed -nE 's/.* ([0-9]+) passed.*/\1/p' <<<"$line")
    f=$(sed -nE 's/.* ([0-9]+) failed.*/\1/p' <<<"$line")
  else
    line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$1" | tail -1 || true)
    p=$(sed -nE 's/^([0-9]+) passed.*/\1/p' <<<"$line")
    f=$(sed -nE 's/.* ([0-9]+) failed.*/\1/p' <<<"$line")
  fi
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
}

step "install (yarn install --immutable)"
yarn install --immutable

step "CRDs of the pinned Istio and Gateway API modules (go mod download, cached)"
scripts/control-plane/crds.sh >/dev/null

step "type-check (tsc)"
yarn tsc

step "dependencies of the published packages match their imports"
node scripts/check-deps.js

step "API reports of the published packages are up to date (yarn build:api-reports to refresh)"
yarn build:api-reports --ci

step "lint"
yarn lint

step "format (Prettier)"
yarn prettier:check

step "unit and integration tests (on SQLite and on a throwaway PostgreSQL)"
# with-postgres.sh (installs Debian's postgresql when missing) runs one server around the whole Jest run and exports
# its URL: suites using TestDatabases run on SQLite and PostgreSQL, the replica test starts its backends on it.
CI=true ./scripts/with-postgres.sh corepack yarn backstage-cli repo test 2>&1 | tee "$logs/jest.log"
count "$logs/jest.log"

step "real control plane: etcd, kube-apiserver, istiod and istioctl from pinned Go modules (*.realcluster.test.ts)"
# Kept out of the Jest stage by each package's testPathIgnorePatterns (they need Go-built binaries and take
# minutes); run here per package, after building the binaries (skipped when .bin/ has them for their version).
scripts/control-plane/build.sh
scripts/control-plane/build-istio.sh
for pkg in testkit/real-cluster plugins/kf-mesh-common plugins/kf-mesh-backend packages/demo-fleet; do
  log="$logs/realcluster-$(basename "$pkg").log"
  (cd "$pkg" && CI=true yarn test:realcluster) 2>&1 | tee "$log"
  count "$log"
done

step "frontend plugin's dev app in a real browser (Debian Chromium via playwright-core)"
./scripts/ensure-chromium.sh
yarn workspace @kf-mesh/plugin-kf-mesh test:browser 2>&1 | tee "$logs/frontend-browser.log"
count "$logs/frontend-browser.log"

step "demo end to end in a real browser"
./scripts/e2e-demo.sh 2>&1 | tee "$logs/demo-browser.log"
count "$logs/demo-browser.log"

step "a fresh Backstage app (create-app) with the packed kf-mesh packages, in a real browser (scripts/fresh-app-check.sh)"
# CPU and network heavy (a whole app's install and build): niced; tsc already ran above.
KF_MESH_SKIP_TSC=1 nice -n 10 ./scripts/fresh-app-check.sh 2>&1 | tee "$logs/fresh-app.log"
count "$logs/fresh-app.log"

echo
echo "all stages: $passed passed, $failed failed"
