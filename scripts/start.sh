#!/usr/bin/env bash
# Runs the whole product on this machine: dependencies, PostgreSQL and Redis, migrations, the simulators,
# API and worker, demo data; then prints the Swagger URL and the demo operators' credentials.
# Ctrl-C stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p .run

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then bash scripts/install.sh; fi
bash scripts/services.sh

# Secrets of this installation, made once and kept (the encryption key must survive restarts).
if [ ! -f .run/env ]; then
  umask 077
  {
    echo "ADMIN_TOKEN=$(node -e "process.stdout.write(require('crypto').randomBytes(24).toString('hex'))")"
    echo "SECRETS_KEY=$(node -e "process.stdout.write(require('crypto').randomBytes(32).toString('hex'))")"
  } > .run/env
fi
set -a; . ./.run/env; set +a
export PORT="${PORT:-3000}" HOST="${HOST:-127.0.0.1}"
export PUBLIC_BASE_URL="${PUBLIC_BASE_URL:-http://127.0.0.1:$PORT}"
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/aggregator}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379}"
export SIM_CASINO_PORT="${SIM_CASINO_PORT:-4001}"

db_name="${DATABASE_URL##*/}"
admin_url="${DATABASE_URL%/*}/postgres"
node -e "
const { Client } = require('pg');
(async () => {
  const c = new Client({ connectionString: process.argv[1] }); await c.connect();
  const r = await c.query('SELECT 1 FROM pg_database WHERE datname = \$1', [process.argv[2]]);
  if (r.rowCount === 0) await c.query('CREATE DATABASE \"' + process.argv[2] + '\"');
  await c.end();
})().catch((e) => { console.error(e.message); process.exit(1); });" "$admin_url" "$db_name"

npm run --silent build
npx typeorm migration:run -d dist/db/data-source.js >/dev/null
echo "migrations: up to date"

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

SIM_API_URL="http://127.0.0.1:$PORT" node dist/apps/sim/src/main.js > .run/sim.log 2>&1 & pids+=($!)
node --max-semi-space-size=64 dist/apps/api/src/main.js > .run/api.log 2>&1 & pids+=($!)
node dist/apps/worker/src/main.js > .run/worker.log 2>&1 & pids+=($!)

healthy() { node -e "fetch(process.argv[1]).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" "http://127.0.0.1:$PORT/health"; }
for _ in $(seq 1 120); do healthy && break; sleep 0.5; done
healthy || { echo "API did not come up; see .run/api.log" >&2; tail -20 .run/api.log >&2; exit 1; }

seeded=$(API_URL="http://127.0.0.1:$PORT" SIM_CASINO_URL="http://127.0.0.1:$SIM_CASINO_PORT/wallet" node dist/scripts/seed.js)
echo "demo rounds through every protocol (seamless demo casino, player demo-usd-1):"
API_URL="http://127.0.0.1:$PORT" node dist/scripts/demo-rounds.js

cat <<MSG

  Game aggregator is running.
    Swagger UI      $PUBLIC_BASE_URL/docs   (admin: Authorization: Bearer \$ADMIN_TOKEN)
    Admin token     $ADMIN_TOKEN   (also in .run/env)
    Health          $PUBLIC_BASE_URL/health    Metrics $PUBLIC_BASE_URL/metrics
    Reference casino http://127.0.0.1:$SIM_CASINO_PORT/wallet (control API under /control)
    Logs            .run/api.log .run/worker.log .run/sim.log
  Demo operators (sign operator-API calls with these; secrets are shown only here and in .run/demo-operators.json):
$(echo "$seeded" | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{for(const o of JSON.parse(s).operators)console.log('    '+o.name+'\n      X-Operator-Id '+o.id+'\n      secret        '+o.secret)})")

  Ctrl-C stops everything.
MSG
wait
