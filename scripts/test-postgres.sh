#!/usr/bin/env bash
# Start (or stop) a throw-away PostgreSQL server on a loopback port for one test run.
# Usage: scripts/test-postgres.sh start DIR PORT | stop DIR
# Prints nothing on success but the URL to use, so that a caller can capture it.
set -euo pipefail
action=$1 dir=$2 port=${3:-54329}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
# PostgreSQL refuses to run as root; the Debian package makes the 'postgres' user.
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
case "$action" in
  start)
    mkdir -p "$dir"
    chmod 0755 "$dir" "$(dirname "$dir")"
    [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
    as_pg "$bin/initdb" -D "$dir/data" -U scrutiny --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -o "-h 127.0.0.1 -p $port -k $dir -c fsync=off -c full_page_writes=off -c synchronous_commit=off" start >/dev/null
    as_pg "$bin/createdb" -h 127.0.0.1 -p "$port" -U scrutiny scrutiny
    echo "postgres://scrutiny@127.0.0.1:$port/scrutiny"
    ;;
  stop)
    as_pg "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true
    ;;
esac
