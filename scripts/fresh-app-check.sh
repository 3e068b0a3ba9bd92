#!/usr/bin/env bash
# The install check: does kf-mesh work in a Backstage app made the way adopters make one?
#   1. builds and packs every published package under plugins/ (`backstage-cli package build`, `yarn pack`);
#   2. creates a fresh app with `npx @backstage/create-app` from the npm registry;
#   3. installs the packed tarballs into it as an adopter installs from npm, and wires them exactly as the README's
#      "Install into an existing Backstage app" section says (backend.add lines, `kfMesh.clusters`, the frontend
#      package with feature discovery);
#   4. type-checks the fresh app (`yarn tsc`), builds its frontend, starts its backend against a kube-sim on a free
#      port, and loads the fleet page (from the sidebar) and a profile's Mesh tab in Chromium
#      (packages/demo-fleet/src/e2e/freshAppBrowserTest.ts).
# Prints each phase's time and the browser test's `N passed, N failed` line; screenshots go to
# .artifacts/screenshots/fresh-app (and to $KF_MESH_SHOT_DIR when set). Never uses the demo's fixed ports.
#
# Environment: KF_MESH_FRESH_APP_DIR (work directory, kept; default a temp dir removed at exit),
# KF_MESH_CREATE_APP_VERSION (default below), KF_MESH_SKIP_TSC=1 (the repo's `yarn tsc` already ran, as in test.sh).
# Caching: both the repo and the fresh app install through Yarn's global cache (~/.yarn/berry: packages and registry
# metadata), so after the first run the fresh app's install downloads nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/env.sh
repo=$PWD

# The newest create-app on the npm registry (0.9.2, which writes Backstage release 1.55.0): no create-app of the release
# in kf-mesh's backstage.json is published there, so the app is then moved to that release with versions:bump, as
# adopters move theirs. (Left on 1.55.0 its backend does not start: without the yarn.lock seed its caret ranges pull
# newer plugins, e.g. signals-backend, than its backend-defaults 0.18 serves.)
create_app_version=${KF_MESH_CREATE_APP_VERSION:-0.9.2}

if [ -n "${KF_MESH_FRESH_APP_DIR:-}" ]; then
  work=$KF_MESH_FRESH_APP_DIR
  rm -rf "$work/app" "$work/packs" "$work/fleet"
  mkdir -p "$work"
else
  work=$(mktemp -d /tmp/kf-mesh-fresh-app.XXXXXX)
fi
logs=$repo/.artifacts/fresh-app
shots=("$repo/.artifacts/screenshots/fresh-app")
[ -n "${KF_MESH_SHOT_DIR:-}" ] && shots+=("$KF_MESH_SHOT_DIR")
mkdir -p "$logs"

pids=()
# Starts a command in the background in its own process group (so cleanup ends it with all its children, e.g. the
# backend under yarn and backstage-cli): start_bg <log> <dir> <command...>
start_bg() {
  local log=$1 dir=$2
  shift 2
  (cd "$dir" && exec setsid "$@") >"$log" 2>&1 &
  pids+=($!)
}
cleanup() {
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  if [ -z "${KF_MESH_FRESH_APP_DIR:-}" ]; then rm -rf "$work"; fi
}
trap cleanup EXIT

started=$(date +%s)
phase_started=$started
timings=()
phase_name=
phase() { # ends the running phase (prints its time) and starts the next
  local now
  now=$(date +%s)
  if [ -n "$phase_name" ]; then
    timings+=("$(printf '%5ss  %s' $((now - phase_started)) "$phase_name")")
    echo "    ($((now - phase_started)) s)"
  fi
  phase_name=$1
  phase_started=$now
  [ -n "$phase_name" ] && printf '\n==> %s\n' "$phase_name"
  return 0
}
# Runs a command with its output in $logs/<name>.log; shows the log's tail when it fails.
logged() {
  local name=$1
  shift
  if ! "$@" >"$logs/$name.log" 2>&1; then
    tail -60 "$logs/$name.log"
    echo "fresh-app-check: '$*' failed (full log: $logs/$name.log)" >&2
    return 1
  fi
}
wait_for() { # <description> <seconds> <command...>
  local what=$1 limit=$2
  shift 2
  for _ in $(seq 1 "$limit"); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  echo "timed out after ${limit}s waiting for $what" >&2
  return 1
}
free_port() { node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }

# create-app and the app's scripts call a `yarn` executable (env.sh defines a shell function): corepack's shims.
mkdir -p "$work/bin"
corepack enable --install-directory "$work/bin" yarn
export PATH="$work/bin:$PATH"
# Outside a project (create-app's prerequisite check runs `yarn --version` in the current directory) corepack would
# look up the newest Yarn on the registry; the version it knows is enough there. Inside the app its packageManager
# field and bundled Yarn release decide.
export COREPACK_DEFAULT_TO_LATEST=0

phase "build and pack the published packages"
if [ -z "${KF_MESH_SKIP_TSC:-}" ]; then logged repo-tsc yarn tsc; fi
mkdir -p "$work/packs"
published=()
for manifest in plugins/*/package.json; do
  [ "$(node -p "require('./$manifest').private === true")" = true ] && continue
  dir=$(dirname "$manifest")
  name=$(node -p "require('./$manifest').name")
  (cd "$dir" && logged "build-$(basename "$dir")" yarn backstage-cli package build)
  (cd "$dir" && logged "pack-$(basename "$dir")" yarn pack --out "$work/packs/$(basename "$dir").tgz")
  published+=("$name=$work/packs/$(basename "$dir").tgz")
  echo "  $name: $(du -k "$work/packs/$(basename "$dir").tgz" | cut -f1) kB"
done

phase "create the app (npx @backstage/create-app@$create_app_version)"
# create-app fetches a yarn.lock seed from raw.githubusercontent.com, which this network does not reach; it has no
# flag or variable to skip that (see fetchYarnLockSeedTask in its dist/lib/tasks.cjs.js): the fetch fails (or is
# aborted after 3 s), create-app warns "Failed to fetch the yarn.lock seed file" and goes on with its template's
# lockfile. --skip-install: the install runs below, after the kf-mesh packages are added, as one install.
(cd "$work" && BACKSTAGE_APP_NAME=fresh-app logged create-app npx -y "@backstage/create-app@$create_app_version" --path app --skip-install)
app=$work/app
grep -q 'Failed to fetch the yarn.lock seed' "$logs/create-app.log" && echo "  (no yarn.lock seed: unreachable host, as expected here)"
echo "  app at $app, Backstage $(node -p "require('$app/backstage.json').version") (kf-mesh: $(node -p "require('./backstage.json').version"))"

phase "bump the app to kf-mesh's Backstage release (backstage-cli versions:bump)"
# What an adopter runs to move an app to a release. versions:bump reads the release manifest from
# versions.backstage.io, which this network does not reach; it also takes one from BACKSTAGE_MANIFEST_FILE, so the
# script writes that manifest from kf-mesh's own yarn.lock: the version of every @backstage package kf-mesh resolves
# at the release in its backstage.json (packages kf-mesh does not use keep the template's versions).
node - "$work/release-manifest.json" <<'EOF2'
const fs = require('fs');
const semver = require('semver');
const best = new Map();
for (const block of fs.readFileSync('yarn.lock', 'utf8').split(/\n\n/)) {
  const head = block.match(/^"?(@backstage\/[^@"]+)@npm:/);
  const version = block.match(/^  version: (.+)$/m);
  if (!head || !version) continue;
  const [name, v] = [head[1], version[1].trim()];
  if (!best.has(name) || semver.gt(v, best.get(name))) best.set(name, v);
}
const releaseVersion = require('./backstage.json').version;
const packages = [...best].map(([name, version]) => ({ name, version }));
fs.writeFileSync(process.argv[2], JSON.stringify({ releaseVersion, packages }, null, 2));
console.log(`  release ${releaseVersion}: ${packages.length} @backstage packages from kf-mesh's yarn.lock`);
EOF2
# The CLI of the release (kf-mesh's own, same version) runs before the app's one install, so it installs once.
(cd "$work/app" && BACKSTAGE_MANIFEST_FILE="$work/release-manifest.json" logged versions-bump \
  "$repo/node_modules/.bin/backstage-cli" versions:bump --skip-install --skip-migrate)
echo "  app now at Backstage $(node -p "require('$work/app/backstage.json').version"), $(grep -c '^bumping' "$logs/versions-bump.log" || true) dependencies bumped"

phase "add the kf-mesh packages and wire them as the README says"
# As `yarn --cwd packages/backend add @kf-mesh/plugin-kf-mesh-backend ...` would write them; the root resolutions
# stand in for the npm registry, pointing every @kf-mesh package (including the common package the others depend
# on) at its tarball.
node - "$app" "${published[@]}" <<'EOF'
const fs = require('fs');
const [app, ...published] = process.argv.slice(2);
const edit = (file, fn) => {
  const p = `${app}/${file}`;
  const json = JSON.parse(fs.readFileSync(p, 'utf8'));
  fn(json);
  fs.writeFileSync(p, `${JSON.stringify(json, null, 2)}\n`);
};
const tarballs = Object.fromEntries(published.map(p => p.split('=')));
const version = name => `^${JSON.parse(require('child_process').execFileSync('tar', ['-xOzf', tarballs[name], 'package/package.json'])).version}`;
edit('package.json', p => {
  p.resolutions = { ...p.resolutions };
  for (const [name, tgz] of Object.entries(tarballs)) p.resolutions[name] = `file:${tgz}`;
});
edit('packages/backend/package.json', p => {
  for (const name of ['@kf-mesh/plugin-kf-mesh-backend', '@kf-mesh/plugin-scaffolder-backend-module-kf-mesh'])
    p.dependencies[name] = version(name);
});
edit('packages/app/package.json', p => {
  p.dependencies['@kf-mesh/plugin-kf-mesh'] = version('@kf-mesh/plugin-kf-mesh');
});
EOF
# Backend: the README's lines (the template already adds the scaffolder's GitHub module).
node - "$app/packages/backend/src/index.ts" <<'EOF'
const fs = require('fs');
const file = process.argv[2];
let src = fs.readFileSync(file, 'utf8');
const lines = [
  "backend.add(import('@kf-mesh/plugin-kf-mesh-backend'));",
  "backend.add(import('@kf-mesh/plugin-scaffolder-backend-module-kf-mesh'));",
];
if (!src.includes("backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));"))
  lines.push("backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));");
if (!src.includes('backend.start();')) throw new Error(`${file}: no backend.start()`);
src = src.replace('backend.start();', `// kf-mesh\n${lines.join('\n')}\n\nbackend.start();`);
fs.writeFileSync(file, src);
EOF
# Frontend: nothing to write. The app has feature discovery (`app.packages: all`), so the package is the whole wiring.
grep -qE '^\s+packages: all' "$app/app-config.yaml" || { echo "fresh-app-check: the app has no 'app.packages: all'" >&2; exit 1; }

phase "install the fresh app (yarn install, Yarn's global cache)"
# Yarn caches packages, not native builds: compiling better-sqlite3 (the template's dev database) is most of a warm
# install. The repo has compiled that addon already for this same node; when the app resolves the same version, it
# skips the build of exactly that version (dependenciesMeta) and the repo's binary is copied in. Any other version
# builds as usual.
sqlite_dir=$repo/node_modules/better-sqlite3
sqlite_version=
if [ -f "$sqlite_dir/build/Release/better_sqlite3.node" ]; then
  sqlite_version=$(node -p "require('$sqlite_dir/package.json').version")
  node -e '
    const [file, version] = process.argv.slice(1);
    const p = JSON.parse(require("fs").readFileSync(file, "utf8"));
    p.dependenciesMeta = { ...p.dependenciesMeta, [`better-sqlite3@${version}`]: { built: false } };
    require("fs").writeFileSync(file, JSON.stringify(p, null, 2) + "\n");
  ' "$app/package.json" "$sqlite_version"
fi
# A fresh app has no lockfile yet: its first install writes one. Under CI=true Yarn defaults to immutable installs
# (YN0028 "the lockfile would have been modified"), so say it is not one.
(cd "$app" && YARN_ENABLE_IMMUTABLE_INSTALLS=false logged app-install yarn install)
if [ -n "$sqlite_version" ] && [ "$(node -p "require('$app/node_modules/better-sqlite3/package.json').version")" = "$sqlite_version" ]; then
  mkdir -p "$app/node_modules/better-sqlite3/build/Release"
  cp "$sqlite_dir/build/Release/better_sqlite3.node" "$app/node_modules/better-sqlite3/build/Release/"
  echo "  better-sqlite3 $sqlite_version: the repo's build reused"
fi
# The copies of the packages kf-mesh shares with the app (one version each is the goal).
for pkg in @backstage/frontend-plugin-api @backstage/plugin-catalog-react @backstage/plugin-catalog-node @backstage/plugin-scaffolder-node @backstage/backend-defaults; do
  echo "  $pkg: $(cd "$app" && find . -path "*/node_modules/$pkg/package.json" -not -path '*/dist/*' \
    -exec node -p 'require(require("path").resolve(process.argv[1])).version' {} \; | sort -u | paste -sd' ')"
done

phase "type-check the fresh app (yarn tsc)"
(cd "$app" && logged app-tsc yarn tsc)

phase "build the fresh app's frontend (backstage-cli package build)"
(cd "$app" && logged app-build yarn workspace app build)

phase "start kube-sim (demo scenario, free port) and the fresh app's backend"
start_bg "$logs/fleet.log" "$repo" node -r @swc-node/register packages/demo-fleet/src/e2e/freshAppFleet.ts "$work/fleet"
wait_for "kube-sim" 60 grep -q 'fresh fleet ready' "$logs/fleet.log" || { cat "$logs/fleet.log"; exit 1; }
port=$(free_port)
for reserved in 7007 16551 16552 16560; do
  if [ "$port" = "$reserved" ]; then port=$(free_port); fi
done
cat >"$work/fleet/app-config.ports.yaml" <<EOF
app:
  baseUrl: http://localhost:$port
backend:
  baseUrl: http://localhost:$port
  listen:
    port: $port
    host: 127.0.0.1
  cors:
    origin: http://localhost:$port
EOF
start_bg "$logs/backend.log" "$app/packages/backend" corepack yarn backstage-cli package start \
  --config ../../app-config.yaml --config "$work/fleet/app-config.kf-mesh.yaml" --config "$work/fleet/app-config.ports.yaml"
wait_for "the backend" 300 curl -sf "http://localhost:$port/.backstage/health/v1/readiness" || { tail -60 "$logs/backend.log"; exit 1; }
wait_for "the app" 60 curl -sf "http://localhost:$port/" || { tail -60 "$logs/backend.log"; exit 1; }
echo "  backend and app at http://localhost:$port"

phase "fleet page and Mesh tab in Chromium"
./scripts/ensure-chromium.sh
set +e
node -r @swc-node/register packages/demo-fleet/src/e2e/freshAppBrowserTest.ts "http://localhost:$port" \
  "$work/fleet/fleet.json" "${shots[@]}" 2>&1 | tee "$logs/browser.log"
browser_rc=${PIPESTATUS[0]}
set -e
phase ""

echo
echo "fresh-app check, per phase:"
printf '%s\n' "${timings[@]}"
echo "total: $(($(date +%s) - started)) s; screenshots: ${shots[*]}"
exit "$browser_rc"
