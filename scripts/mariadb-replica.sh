#!/usr/bin/env bash
# A MariaDB primary and one replica on loopback ports, for the replica-lag tests of BatchUpdate.
#
#   scripts/mariadb-replica.sh start      start (or create) the primary and its replica; idempotent
#   scripts/mariadb-replica.sh stop       stop both
#   scripts/mariadb-replica.sh status     print each server's state and the replica's Seconds_Behind_Master
#   scripts/mariadb-replica.sh urls       print the JDBC URLs: primary,replica
#   scripts/mariadb-replica.sh delay N    make the replica apply events N seconds late (MASTER_DELAY; 0 lifts it)
#
# The primary (server_id 1, log_bin) listens on 127.0.0.1:4406, the replica (server_id 2) on 4407 and replicates
# from it by GTID. Data lives under $COVET_MARIADB_REPLICA_DIR (default /var/lib/covet-mariadb-replica), made afresh
# when neither server runs. The user covet/covet is created on the primary with every privilege, and replicated.
# Uses the installed MariaDB server (/usr/sbin/mariadbd, run as user mysql); leaves the shared server on 3306 alone.
set -euo pipefail

BASE="${COVET_MARIADB_REPLICA_DIR:-/var/lib/covet-mariadb-replica}"
RUN_DIR="$BASE/run"
SERVERS=(1 2)

log() { echo "[mariadb-replica] $*" >&2; }
# shellcheck source=mariadb-daemon.sh
. "$(dirname "${BASH_SOURCE[0]}")/mariadb-daemon.sh"

port() { echo $((4405 + $1)); }
name() { if [ "$1" = 1 ]; then echo primary; else echo replica; fi; }
socket() { echo "$RUN_DIR/$(name "$1").sock"; }

write_config() {
  local n=$1 dir; dir="$BASE/$(name "$1")"
  mkdir -p "$dir" "$RUN_DIR"
  cat >"$BASE/$(name "$n").cnf" <<EOF
[mariadbd]
user = mysql
datadir = $dir/data
socket = $(socket "$n")
pid-file = $RUN_DIR/$(name "$n").pid
log-error = $dir/error.log
port = $(port "$n")
bind-address = 127.0.0.1
skip-name-resolve
innodb_buffer_pool_size = 64M
innodb_log_file_size = 32M
server_id = $n
log_bin = $dir/data/binlog
binlog_format = ROW
log_slave_updates = ON
EOF
  if [ "$n" = 2 ]; then
    # the replica takes writes only from replication; covet has every privilege, so read_only is advisory for it
    printf 'read_only = ON\nrelay_log = %s/data/relay\n' "$dir" >>"$BASE/$(name "$n").cnf"
  fi
  chown -R mysql:mysql "$BASE"
}

pid_file() { echo "$RUN_DIR/$(name "$1").daemon.pid"; }
running() { daemon_alive "$(pid_file "$1")"; }

server_sql() { mariadb --no-defaults -uroot --socket="$(socket "$1")" -N -B -e "$2"; }
# SHOW SLAVE STATUS as "Name: value" lines
replica_status() { mariadb --no-defaults -uroot --socket="$(socket 2)" -e "SHOW SLAVE STATUS\G" 2>/dev/null; }

wait_ready() {
  local n=$1
  for _ in $(seq 1 120); do
    server_sql "$n" "SELECT 1" >/dev/null 2>&1 && return 0
    running "$n" || { log "the $(name "$n") exited; see $BASE/$(name "$n")/error.log"; tail -20 "$BASE/$(name "$n")/error.log" >&2; return 1; }
    sleep 0.5
  done
  log "the $(name "$n") did not accept connections; see $BASE/$(name "$n")/error.log"; return 1
}

start_server() {
  local n=$1
  running "$n" && return 0
  write_config "$n"
  if [ ! -d "$BASE/$(name "$n")/data/mysql" ]; then
    mariadb-install-db --no-defaults --user=mysql --datadir="$BASE/$(name "$n")/data" --auth-root-authentication-method=socket \
      >"$BASE/$(name "$n")/install.log" 2>&1 || { log "mariadb-install-db failed for the $(name "$n")"; cat "$BASE/$(name "$n")/install.log" >&2; return 1; }
  fi
  log "starting the $(name "$n") on 127.0.0.1:$(port "$n")"
  start-stop-daemon --start --background --make-pidfile --pidfile "$(pid_file "$n")" --exec /usr/sbin/mariadbd -- --defaults-file="$BASE/$(name "$n").cnf"
  wait_ready "$n"
}

# "Yes Yes" when both replication threads run
replica_threads() {
  replica_status | awk '/Slave_IO_Running:/ {io=$2} /Slave_SQL_Running:/ {sql=$2} END {print io, sql}'
}

start_replication() {
  if [ "$(replica_threads)" = "Yes Yes" ]; then return 0; fi
  if [ -z "$(server_sql 2 "SHOW SLAVE STATUS" 2>/dev/null)" ]; then
    log "pointing the replica at the primary"
    server_sql 1 "CREATE USER IF NOT EXISTS 'repl'@'127.0.0.1' IDENTIFIED BY 'repl'; GRANT REPLICATION SLAVE ON *.* TO 'repl'@'127.0.0.1';"
    server_sql 2 "CHANGE MASTER TO MASTER_HOST='127.0.0.1', MASTER_PORT=$(port 1), MASTER_USER='repl', MASTER_PASSWORD='repl',
      MASTER_USE_GTID=slave_pos, MASTER_CONNECT_RETRY=1"
  fi
  server_sql 2 "START SLAVE"
  for _ in $(seq 1 60); do
    [ "$(replica_threads)" = "Yes Yes" ] && return 0
    sleep 0.5
  done
  log "replication did not start: $(replica_status | grep -E 'Running:|Last_.*Error:' | tr -s ' ' | paste -sd ';')"
  return 1
}

# Waits (bounded) until the replica has applied everything the primary has written so far.
wait_caught_up() {
  local pos; pos=$(server_sql 1 "SELECT @@gtid_binlog_pos")
  [ -z "$pos" ] && return 0
  if [ "$(server_sql 2 "SELECT MASTER_GTID_WAIT('$pos', 60)")" != 0 ]; then
    log "the replica did not reach the primary's position $pos within 60 s"; return 1
  fi
}

start() {
  command -v mariadb-install-db >/dev/null && [ -x /usr/sbin/mariadbd ] || { log "needs the MariaDB server (apt-get install mariadb-server)"; exit 1; }
  if ! running 1 && ! running 2; then
    # Neither runs: start from empty data directories (the databases in them are the tests' own).
    rm -rf "$BASE"/primary/data "$BASE"/replica/data
  fi
  start_server 1
  start_server 2
  start_replication
  server_sql 1 "CREATE USER IF NOT EXISTS 'covet'@'%' IDENTIFIED BY 'covet'; CREATE USER IF NOT EXISTS 'covet'@'localhost' IDENTIFIED BY 'covet';
    GRANT ALL PRIVILEGES ON *.* TO 'covet'@'%' WITH GRANT OPTION; GRANT ALL PRIVILEGES ON *.* TO 'covet'@'localhost' WITH GRANT OPTION;
    CREATE DATABASE IF NOT EXISTS covet_test;"
  wait_caught_up
  log "replicating: $(urls)"
}

stop_server() { daemon_stop "$(pid_file "$1")"; }

stop() {
  stop_server 2
  stop_server 1
}

status() {
  running 1 && echo "primary: running on 127.0.0.1:$(port 1)" || echo "primary: stopped"
  if running 2; then
    local info; info=$(replica_status | awk -F': ' '/Slave_IO_Running:|Slave_SQL_Running:|Seconds_Behind_Master:|SQL_Delay:/ {gsub(/^ +/, "", $1); printf "%s=%s ", $1, $2}')
    echo "replica: running on 127.0.0.1:$(port 2), ${info:-not replicating}"
  else
    echo "replica: stopped"
  fi
  running 1 && running 2 && [ "$(replica_threads)" = "Yes Yes" ]
}

delay() {
  local seconds=$1
  [[ "$seconds" =~ ^[0-9]+$ ]] || { log "delay takes whole seconds, not '$seconds'"; exit 2; }
  running 2 || { log "the replica does not run: scripts/mariadb-replica.sh start"; exit 1; }
  server_sql 2 "STOP SLAVE; CHANGE MASTER TO MASTER_DELAY = $seconds; START SLAVE"
  log "the replica applies events $seconds s late"
}

urls() {
  echo "jdbc:mysql://127.0.0.1:$(port 1)/covet_test,jdbc:mysql://127.0.0.1:$(port 2)/covet_test"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  urls) urls ;;
  delay) delay "${2:?seconds}" ;;
  *) echo "usage: $0 start|stop|status|urls|delay N" >&2; exit 2 ;;
esac
