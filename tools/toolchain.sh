#!/usr/bin/env bash
# Runs a command with what the project needs in place, installing what is missing first:
#   bash tools/toolchain.sh <command> [args...]
# - Node 24 (.nvmrc): when the `node` on the PATH is older, node@24 from the npm registry is
#   installed into .cache/node once and put first on the PATH;
# - the npm packages: `npm install` when node_modules is missing or older than the lock file.
# `npm start` and `npm test` go through it, so on a fresh clone they are the only two commands.
# .ci/run sources it for the same two steps (`source tools/toolchain.sh --source-only`).
set -euo pipefail

TOOLCHAIN_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
REQUIRED_NODE_MAJOR=24

toolchain_say() { echo "[toolchain] $*" >&2; }
node_major() { node --version 2>/dev/null | sed -E 's/^v([0-9]+).*/\1/' || true; }

ensure_node() {
  local dir="$TOOLCHAIN_ROOT/.cache/node"
  if [ -x "$dir/node_modules/node/bin/node" ]; then export PATH="$dir/node_modules/node/bin:$PATH"; fi
  local major
  major="$(node_major)"
  if [ -n "$major" ] && [ "$major" -ge "$REQUIRED_NODE_MAJOR" ]; then return 0; fi
  if ! command -v npm >/dev/null 2>&1; then
    toolchain_say "no node or npm on the PATH: install Node.js ${REQUIRED_NODE_MAJOR} (or Debian's nodejs and npm) first"
    return 1
  fi
  toolchain_say "node $(node --version 2>/dev/null || echo none) is older than ${REQUIRED_NODE_MAJOR}: installing node@${REQUIRED_NODE_MAJOR} into .cache/node (once)"
  npm install --no-save --no-package-lock --no-audit --no-fund --prefix "$dir" "node@${REQUIRED_NODE_MAJOR}" >&2
  export PATH="$dir/node_modules/node/bin:$PATH"
  major="$(node_major)"
  if [ -z "$major" ] || [ "$major" -lt "$REQUIRED_NODE_MAJOR" ]; then
    toolchain_say "node is still $(node --version 2>/dev/null || echo missing)"
    return 1
  fi
}

ensure_packages() {
  local installed="$TOOLCHAIN_ROOT/node_modules/.package-lock.json"
  if [ -f "$installed" ] && [ ! "$TOOLCHAIN_ROOT/package-lock.json" -nt "$installed" ]; then return 0; fi
  toolchain_say "installing the npm packages (node_modules is missing or older than package-lock.json)"
  # Not `npm ci`: this registry serves only Linux builds of the packages with native binaries,
  # so the lock file cannot list the other platforms' optional ones and npm ci refuses it as
  # out of sync. npm install follows the lock file all the same.
  (cd "$TOOLCHAIN_ROOT" && npm install --no-audit --no-fund >&2)
}

if [ "${1:-}" = "--source-only" ]; then return 0 2>/dev/null || exit 0; fi
ensure_node
ensure_packages
exec "$@"
