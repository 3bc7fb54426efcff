#!/usr/bin/env bash
# Installs the encrypted-room tests' client (matrix-js-sdk 43 with its Rust crypto, and a Node 22 runtime from npm's
# node package) into the cache, outside the repository; prints the folder. Run by .ci/run and, when missing, by the
# tests themselves.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
cache=${STEWARD_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/steward}
target="$cache/e2ee-client"
stamp="$target/.steward-$(sha256sum "$here/package.json" | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  command -v npm >/dev/null 2>&1 || {
    [ "$(id -u)" = 0 ] || { echo "install.sh: npm is needed (apt-get install npm)" >&2; exit 1; }
    { apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends npm; } >&2
  }
  mkdir -p "$target"
  exec 9>"$cache/e2ee-client.lock"
  flock 9
  if [ ! -f "$stamp" ]; then
    cp "$here/package.json" "$target/package.json"
    (cd "$target" && npm install --no-audit --no-fund --loglevel=error >&2)
    "$target/node_modules/.bin/node" --version >/dev/null
    touch "$stamp"
  fi
fi
echo "$target"
