#!/usr/bin/env bash
# The whole suite, first on a SQLite file, then on a PostgreSQL server started for this run.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=$(mktemp -d /tmp/scrutiny-test.XXXXXX)
chmod 0755 "$scratch"
port=${SCRUTINY_TEST_PG_PORT:-$((54000 + RANDOM % 900))}
cleanup() { scripts/test-postgres.sh stop "$scratch/pg"; rm -rf "$scratch"; }
trap cleanup EXIT
# One pytest worker per core (xdist); each gets its own test database and live server.
workers=(-n "${SCRUTINY_TEST_WORKERS:-auto}" --durations=10)

echo "== tests on SQLite ($scratch/test.sqlite3)"
SCRUTINY_DATABASE_URL="sqlite:///$scratch/test.sqlite3" .venv/bin/pytest "${workers[@]}" "$@"

echo "== tests on PostgreSQL (127.0.0.1:$port)"
pg_url=$(scripts/test-postgres.sh start "$scratch/pg" "$port")
# Tests that never touch a database have run already; the second pass is the ones that do.
SCRUTINY_DATABASE_URL="$pg_url" .venv/bin/pytest -m "not no_database" -p no:cacheprovider "${workers[@]}" "$@"
