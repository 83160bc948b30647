#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1 for tests and prints its URL on the last line.
# Usage: scripts/pg-start.sh [port]   (stop it with scripts/pg-stop.sh; PG_STATE_FILE names where
# the server's directory is remembered, so several can run side by side)
set -euo pipefail
PORT="${1:-55432}"
STATE="${PG_STATE_FILE:-/tmp/aftersales-pg.current}"
# Take the next free port if that one is in use (e.g. a developer's own server).
while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -x "$BIN/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }
DIR="$(mktemp -d /tmp/aftersales-pg.XXXXXX)"
# PostgreSQL refuses to run as root; use the postgres system user when we are root.
RUN=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$DIR"
  RUN=(runuser -u postgres --)
fi
"${RUN[@]}" "$BIN/initdb" -D "$DIR/data" -A trust -U postgres --encoding=UTF8 --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 \
  || "${RUN[@]}" "$BIN/initdb" -D "$DIR/data" -A trust -U postgres --encoding=UTF8 --locale=C >"$DIR/initdb.log" 2>&1
"${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=off -c max_connections=200" start >/dev/null
echo "$DIR" > "$STATE"
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
