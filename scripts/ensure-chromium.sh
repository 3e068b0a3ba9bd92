#!/usr/bin/env bash
# Makes sure Debian's Chromium is at /usr/bin/chromium for the real-browser tests.
# playwright-core drives it; nothing downloads a browser build of its own.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=sudo
  else
    echo "Chromium is missing and this user cannot install it: run 'apt-get install -y chromium' as root." >&2
    exit 1
  fi
else
  SUDO=
fi
echo "Installing Debian's chromium (needed by the browser tests)..."
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version
