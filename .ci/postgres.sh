#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the adapter's tests, runs them, and stops it.
# Installs Debian's postgresql when missing. The cluster runs as an unprivileged user (root may
# not run postgres) on a free local port, in a temporary directory removed afterwards.
# Usage: .ci/postgres.sh COMMAND...   (COMMAND sees HELPDESK_PG_HOST/PORT/USER/DATABASE)
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
owner=postgres
id "$owner" >/dev/null 2>&1 || useradd --system --no-create-home "$owner"
data=$(mktemp -d /tmp/helpdesk-pg.XXXXXX)
chown "$owner" "$data"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
run_as() { if [ "$(id -u)" = 0 ]; then su "$owner" -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
run_as "$bin/initdb -D $data/cluster -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null"
run_as "$bin/pg_ctl -D $data/cluster -l $data/log -w -o '-p $port -k $data -c listen_addresses=127.0.0.1 -c fsync=on -c max_connections=200' start >/dev/null"
stop() { run_as "$bin/pg_ctl -D $data/cluster -m fast -w stop >/dev/null" || true; rm -rf "$data"; }
trap stop EXIT
export HELPDESK_PG_HOST=127.0.0.1 HELPDESK_PG_PORT=$port HELPDESK_PG_USER=postgres HELPDESK_PG_DATABASE=postgres
"$@"
