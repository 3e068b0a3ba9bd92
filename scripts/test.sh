#!/usr/bin/env bash
# The README's test command: installs what it needs, then type-checks, lints and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh

step() { printf '\n==> %s\n' "$*"; }

step "install (yarn install --immutable)"
yarn install --immutable

step "type-check (tsc)"
yarn tsc

step "lint"
yarn lint

step "unit and integration tests"
CI=true yarn backstage-cli repo test

step "frontend plugin's dev app in a real browser (Debian Chromium via playwright-core)"
./scripts/ensure-chromium.sh
yarn workspace @kf-mesh/plugin-kf-mesh test:browser

step "demo end to end in a real browser"
./scripts/e2e-demo.sh
