#!/usr/bin/env bash
# Writes db/migrations/<timestamp>-<Name>.ts with the SQL that brings a database migrated to HEAD up to the
# entities. Works on a scratch database it creates and drops. Then add the class to db/migrations/index.ts.
#   npm run migration:generate -- AddSomething
set -euo pipefail
cd "$(dirname "$0")/.."
name="${1:?usage: npm run migration:generate -- <Name>}"
admin="${TEST_PG_ADMIN_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
scratch="agg_migration_gen_$$"
psql "$admin" -qc "CREATE DATABASE $scratch"
trap 'psql "$admin" -qc "DROP DATABASE IF EXISTS $scratch WITH (FORCE)"' EXIT
export DATABASE_URL="${admin%/*}/$scratch" TS_NODE_TRANSPILE_ONLY=1
run() { node -r ts-node/register -r tsconfig-paths/register node_modules/typeorm/cli.js "$@" -d db/data-source.ts; }
run migration:run >/dev/null
run migration:generate "db/migrations/$name" --pretty
