# Sourced by the repo scripts: get Yarn through corepack from the npm registry already configured for npm
# (works unchanged on a laptop), and build native addons against the local Node headers.
export COREPACK_ENABLE_DOWNLOAD_PROMPT=0
if [ -z "${COREPACK_NPM_REGISTRY:-}" ]; then
  COREPACK_NPM_REGISTRY="$(npm config get registry 2>/dev/null | sed 's#/$##')"
  export COREPACK_NPM_REGISTRY
fi
if [ -z "${npm_config_nodedir:-}" ] && [ -f /usr/include/node/node.h ]; then
  export npm_config_nodedir=/usr
fi
yarn() { corepack yarn "$@"; }
