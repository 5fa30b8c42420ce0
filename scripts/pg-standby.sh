#!/usr/bin/env bash
# A streaming standby of the local PostgreSQL (127.0.0.1:5432) on 127.0.0.1:5433, for the replica tests.
#   scripts/pg-standby.sh start    make it (pg_basebackup -R) if missing, start it, wait until it streams
#   scripts/pg-standby.sh stop     stop it and drop its replication slot (so the primary keeps no WAL for it)
#   scripts/pg-standby.sh status   exit 0 when it runs and streams
# Idempotent. Runs as root (CI) or as postgres. The primary needs a replication line in pg_hba.conf; the script
# adds one for 127.0.0.1 (trust, like the other local lines) and reloads when it is missing.
set -euo pipefail

PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"
PRIMARY_PORT="${COVET_PG_PRIMARY_PORT:-5432}"
STANDBY_PORT="${COVET_PG_STANDBY_PORT:-5433}"
DATA="${COVET_PG_STANDBY_DATA:-/var/lib/postgresql/covet-standby}"
SLOT=covet_standby
HBA="${COVET_PG_PRIMARY_HBA:-/etc/postgresql/15/main/pg_hba.conf}"
LOG="$DATA.log"

log() { echo "[pg-standby] $*"; }

# Runs a command as postgres (the data directory must belong to it).
as_postgres() {
  if [ "$(id -un)" = postgres ]; then "$@"; else su postgres -s /bin/bash -c "$(printf '%q ' "$@")"; fi
}

primary_sql() { psql -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -d postgres -Atqc "$1"; }
standby_sql() { psql -h 127.0.0.1 -p "$STANDBY_PORT" -U postgres -d postgres -Atqc "$1"; }

streaming() {
  [ "$(primary_sql "SELECT count(*) FROM pg_stat_replication WHERE application_name = '$SLOT' AND state = 'streaming'" 2>/dev/null)" = 1 ] \
    && [ "$(standby_sql "SELECT pg_is_in_recovery()" 2>/dev/null)" = t ]
}

allow_replication() {
  if grep -Eq '^\s*host\s+replication\s+all\s+127\.0\.0\.1/32\s+trust' "$HBA"; then return; fi
  log "allowing replication connections from 127.0.0.1 in $HBA"
  printf '# covet: pg-standby.sh (streaming standby for the replica tests)\nhost    replication     all             127.0.0.1/32            trust\n' >> "$HBA"
  primary_sql "SELECT pg_reload_conf()" >/dev/null
}

# A slot whose standby is gone (a machine stopped without `stop`) would make the primary keep its WAL for ever:
# cap what a slot may hold; past the cap the slot is given up, and `start` makes a fresh copy.
cap_slot_wal() {
  if [ "$(primary_sql "SHOW max_slot_wal_keep_size")" = "-1" ]; then
    primary_sql "ALTER SYSTEM SET max_slot_wal_keep_size = '1GB'" >/dev/null
    primary_sql "SELECT pg_reload_conf()" >/dev/null
  fi
}

make_standby() {
  cap_slot_wal
  log "making the standby in $DATA (pg_basebackup -R, slot $SLOT)"
  as_postgres "$PGBIN/pg_ctl" -D "$DATA" stop -m fast >/dev/null 2>&1 || true
  rm -rf "$DATA"
  primary_sql "SELECT pg_drop_replication_slot('$SLOT') FROM pg_replication_slots WHERE slot_name = '$SLOT' AND NOT active" >/dev/null
  mkdir -p "$(dirname "$DATA")"
  as_postgres "$PGBIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$DATA" -R -X stream -C -S "$SLOT" \
    -d "application_name=$SLOT"
  chmod 700 "$DATA"
  # Debian keeps the primary's configuration in /etc, so the copy has none: give the standby its own.
  cat > "$DATA/postgresql.conf" <<EOF
port = $STANDBY_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '/var/run/postgresql'
hot_standby = on
hot_standby_feedback = on
shared_buffers = 32MB
primary_slot_name = '$SLOT'
EOF
  cat > "$DATA/pg_hba.conf" <<EOF
local   all   all                 trust
host    all   all   127.0.0.1/32  trust
EOF
  : > "$DATA/pg_ident.conf"
  chown postgres:postgres "$DATA/postgresql.conf" "$DATA/pg_hba.conf" "$DATA/pg_ident.conf"
}

# A test that died with the standby's replay paused would leave every later batch job waiting for it.
resume_replay() {
  if [ "$(standby_sql "SELECT pg_get_wal_replay_pause_state()")" != "not paused" ]; then
    log "resuming the standby's paused replay"
    standby_sql "SELECT pg_wal_replay_resume()" >/dev/null
  fi
}

start() {
  pg_isready -h 127.0.0.1 -p "$PRIMARY_PORT" -q || { log "the primary on port $PRIMARY_PORT is not running"; exit 1; }
  if streaming; then resume_replay; log "running on 127.0.0.1:$STANDBY_PORT"; return; fi
  allow_replication
  if [ ! -f "$DATA/standby.signal" ]; then make_standby; fi
  mkdir -p /var/run/postgresql && chown postgres:postgres /var/run/postgresql
  touch "$LOG" && chown postgres:postgres "$LOG"
  if ! pg_isready -h 127.0.0.1 -p "$STANDBY_PORT" -q; then
    as_postgres "$PGBIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start >/dev/null || true
  fi
  for _ in $(seq 1 60); do streaming && { resume_replay; log "running on 127.0.0.1:$STANDBY_PORT"; return; }; sleep 0.5; done
  # An old copy whose WAL the primary no longer has (or a broken one): make it again, once.
  log "the standby does not stream; making it again"
  make_standby
  as_postgres "$PGBIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 start >/dev/null
  for _ in $(seq 1 60); do streaming && { log "running on 127.0.0.1:$STANDBY_PORT"; return; }; sleep 0.5; done
  log "the standby did not start streaming; see $LOG"; exit 1
}

stop() {
  if [ -d "$DATA" ]; then as_postgres "$PGBIN/pg_ctl" -D "$DATA" -w stop -m fast >/dev/null 2>&1 || true; fi
  # A slot nobody reads makes the primary keep its WAL for ever: drop it; start makes a fresh copy then.
  if primary_sql "SELECT 1" >/dev/null 2>&1; then
    primary_sql "SELECT pg_drop_replication_slot('$SLOT') FROM pg_replication_slots WHERE slot_name = '$SLOT' AND NOT active" >/dev/null || true
  fi
  rm -f "$DATA/standby.signal"
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if streaming; then log "streaming on 127.0.0.1:$STANDBY_PORT"; else log "not running"; exit 1; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
