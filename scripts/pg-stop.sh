#!/usr/bin/env bash
# Stops the server started by scripts/pg-start.sh and removes its data directory.
set -uo pipefail
STATE="${PG_STATE_FILE:-/tmp/aftersales-pg.current}"
DIR="$(cat "$STATE" 2>/dev/null || true)"
[ -n "$DIR" ] && [ -d "$DIR" ] || exit 0
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
RUN=()
[ "$(id -u)" = 0 ] && RUN=(runuser -u postgres --)
"${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null 2>&1
rm -rf "$DIR" "$STATE"
