#!/usr/bin/env bash
# Installs exactly what package-lock.json pins. `npm ci` refuses a lockfile that lacks optional packages
# for other platforms (@swc/core-darwin-*, msgpackr-extract-win32-*…) when the registry in use does not
# serve them; then `npm install` installs from the same lockfile (it skips what cannot be had).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! npm ci --no-audit --no-fund 2>/tmp/npm-ci.$$.log; then
  if grep -q "Missing: .* from lock file" /tmp/npm-ci.$$.log; then
    echo "install: npm ci refused the lockfile over platform-only optional packages; installing with npm install"
    npm install --no-audit --no-fund
  else
    cat /tmp/npm-ci.$$.log >&2; rm -f /tmp/npm-ci.$$.log; exit 1
  fi
fi
rm -f /tmp/npm-ci.$$.log
