#!/usr/bin/env bash
# Every test: unit and integration (real PostgreSQL and Redis; each run makes and removes its own
# database and Redis prefix). Makes sure the services are up first.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/services.sh
[ -d node_modules ] || bash scripts/install.sh
exec npx jest --maxWorkers="${JEST_WORKERS:-2}" "$@"
