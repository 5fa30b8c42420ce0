#!/usr/bin/env bash
# A three-node MariaDB Galera cluster on loopback ports, for Covet's cluster tests.
#
#   scripts/galera-cluster.sh start        start (or create) the three nodes; idempotent
#   scripts/galera-cluster.sh stop         stop all nodes
#   scripts/galera-cluster.sh status       print each node's cluster size and state
#   scripts/galera-cluster.sh kill N       kill node N (1..3) with SIGKILL, as a crash would
#   scripts/galera-cluster.sh start-node N restart one node after a kill (it rejoins by IST/SST)
#   scripts/galera-cluster.sh urls         print the JDBC URLs, comma-separated
#
# Node N listens for SQL on 127.0.0.1:(4305+N), for Galera on 45N7, IST on 45N8 and SST on 44N4 (N=1..3 gives
# 4306..4308, 4517/4527/4537, ...). Data lives under $COVET_GALERA_DIR (default /var/lib/covet-galera); the
# user covet/covet is created with every privilege. Uses Debian's galera-4 and the installed MariaDB server;
# installs galera-4 and rsync (the state transfer method) with apt-get when they are missing.
set -euo pipefail

BASE="${COVET_GALERA_DIR:-/var/lib/covet-galera}"
RUN_DIR="$BASE/run"
PROVIDER=/usr/lib/galera/libgalera_smm.so
NODES=(1 2 3)

log() { echo "[galera] $*" >&2; }
# shellcheck source=mariadb-daemon.sh
. "$(dirname "${BASH_SOURCE[0]}")/mariadb-daemon.sh"

sql_port() { echo $((4305 + $1)); }
gcomm_port() { echo "45${1}7"; }
ist_port() { echo "45${1}8"; }
sst_port() { echo "44${1}4"; }
socket() { echo "$RUN_DIR/node$1.sock"; }
cluster_address() {
  local addresses=()
  for n in "${NODES[@]}"; do addresses+=("127.0.0.1:$(gcomm_port "$n")"); done
  (IFS=,; echo "gcomm://${addresses[*]}")
}

ensure_packages() {
  local missing=()
  [ -f "$PROVIDER" ] || missing+=(galera-4)
  command -v rsync >/dev/null || missing+=(rsync)
  command -v mariadbd >/dev/null || [ -x /usr/sbin/mariadbd ] || missing+=(mariadb-server)
  [ ${#missing[@]} -eq 0 ] && return 0
  log "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q "${missing[@]}" >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q "${missing[@]}" >/dev/null 2>&1; } \
    || { log "could not install ${missing[*]}"; return 1; }
}

write_config() {
  local n=$1 dir="$BASE/node$1"
  mkdir -p "$dir" "$RUN_DIR"
  cat >"$BASE/node$n.cnf" <<EOF
[mariadbd]
user = mysql
datadir = $dir/data
socket = $(socket "$n")
pid-file = $RUN_DIR/node$n.pid
log-error = $dir/error.log
port = $(sql_port "$n")
bind-address = 127.0.0.1
skip-name-resolve
innodb_buffer_pool_size = 64M
innodb_log_file_size = 32M
binlog_format = ROW
default_storage_engine = InnoDB
innodb_autoinc_lock_mode = 2
wsrep_on = ON
wsrep_provider = $PROVIDER
wsrep_cluster_name = covet_test_cluster
wsrep_cluster_address = $(cluster_address)
wsrep_node_name = node$n
wsrep_node_address = 127.0.0.1:$(gcomm_port "$n")
wsrep_node_incoming_address = 127.0.0.1:$(sql_port "$n")
wsrep_provider_options = "gmcast.listen_addr=tcp://127.0.0.1:$(gcomm_port "$n");ist.recv_addr=127.0.0.1:$(ist_port "$n");gcache.size=64M;evs.inactive_timeout=PT6S;evs.suspect_timeout=PT3S"
wsrep_sst_method = rsync
wsrep_sst_receive_address = 127.0.0.1:$(sst_port "$n")
EOF
  chown -R mysql:mysql "$BASE"
}

pid_file() { echo "$RUN_DIR/node$1.daemon.pid"; }
daemon_pid() { daemon_pid_in "$(pid_file "$1")"; }
running() { daemon_alive "$(pid_file "$1")"; }

node_sql() { mariadb --no-defaults -uroot --socket="$(socket "$1")" -N -B -e "$2" 2>/dev/null; }

wait_synced() {
  local n=$1
  for _ in $(seq 1 240); do
    if [ "$(node_sql "$n" "SHOW STATUS LIKE 'wsrep_local_state_comment'" | cut -f2)" = "Synced" ]; then return 0; fi
    running "$n" || { log "node $n exited; see $BASE/node$n/error.log"; tail -20 "$BASE/node$n/error.log" >&2; return 1; }
    sleep 0.5
  done
  log "node $n did not reach Synced; see $BASE/node$n/error.log"; return 1
}

# Where a node killed with SIGKILL stopped (uuid:seqno), read from its InnoDB by mariadbd --wsrep-recover: started
# from there it rejoins by IST, replaying the writesets it missed from a donor's gcache, instead of copying the
# whole data directory by rsync SST (slower, and it runs rsync daemons beside the other servers). Empty when the
# node has no data or its grastate already knows its position.
recovered_position() {
  local n=$1 data="$BASE/node$1/data" out="$BASE/node$1/recover.log"
  [ -d "$data/mysql" ] || return 0
  grep -q '^seqno:[[:space:]]*-1' "$data/grastate.dat" 2>/dev/null || return 0
  rm -f "$out"
  /usr/sbin/mariadbd --defaults-file="$BASE/node$n.cnf" --wsrep-recover --log-error="$out" >/dev/null 2>&1 || return 0
  grep -o 'Recovered position: [0-9a-f-]*:[0-9-]*' "$out" 2>/dev/null | tail -1 | sed 's/^Recovered position: //' | grep -v ':-1$' || true
}

start_node() {
  local n=$1 bootstrap=${2:-}
  running "$n" && return 0
  write_config "$n"
  if [ ! -d "$BASE/node$n/data/mysql" ]; then
    mariadb-install-db --no-defaults --user=mysql --datadir="$BASE/node$n/data" --auth-root-authentication-method=socket \
      >"$BASE/node$n/install.log" 2>&1 || { log "mariadb-install-db failed for node $n"; cat "$BASE/node$n/install.log" >&2; return 1; }
  fi
  local extra=()
  if [ -n "$bootstrap" ]; then
    extra+=(--wsrep-new-cluster)
    # a cluster stopped all at once leaves every node unsafe to bootstrap: this node becomes the new primary
    [ -f "$BASE/node$n/data/grastate.dat" ] && sed -i 's/^safe_to_bootstrap: 0/safe_to_bootstrap: 1/' "$BASE/node$n/data/grastate.dat"
  fi
  local position=""
  if [ -z "$bootstrap" ]; then
    position=$(recovered_position "$n" || true)
    [ -n "$position" ] && extra+=("--wsrep_start_position=$position")
  fi
  log "starting node $n on 127.0.0.1:$(sql_port "$n")${bootstrap:+ (new cluster)}${position:+ from $position}"
  start-stop-daemon --start --background --make-pidfile --pidfile "$(pid_file "$n")" --exec /usr/sbin/mariadbd -- --defaults-file="$BASE/node$n.cnf" "${extra[@]}"
  wait_synced "$n"
}

cluster_size() { node_sql "$1" "SHOW STATUS LIKE 'wsrep_cluster_size'" | cut -f2; }

start() {
  ensure_packages
  local any_running=""
  for n in "${NODES[@]}"; do running "$n" && any_running=$n; done
  if [ -z "$any_running" ]; then
    # Nothing of the cluster runs: start a new one from empty data directories. Its databases are the tests' own,
    # and a cluster killed at once (a machine's stop) can leave nodes that disagree about which is safe to start from.
    rm -rf "$BASE"/node*/data
    start_node 1 bootstrap
  fi
  for n in "${NODES[@]}"; do start_node "$n"; done
  node_sql 1 "CREATE USER IF NOT EXISTS 'covet'@'%' IDENTIFIED BY 'covet'; CREATE USER IF NOT EXISTS 'covet'@'localhost' IDENTIFIED BY 'covet';
    GRANT ALL PRIVILEGES ON *.* TO 'covet'@'%' WITH GRANT OPTION; GRANT ALL PRIVILEGES ON *.* TO 'covet'@'localhost' WITH GRANT OPTION;
    CREATE DATABASE IF NOT EXISTS covet_test;"
  local size; size=$(cluster_size 1 || true)
  if [ "$size" != "${#NODES[@]}" ]; then log "the cluster has ${size:-no} nodes, not ${#NODES[@]}: see $BASE/node*/error.log"; exit 1; fi
  log "cluster size $size: $(urls)"
}

stop_node() { daemon_stop "$(pid_file "$1")"; }

stop() {
  # stop in reverse so node 1 is last and safe to bootstrap from next time
  for n in 3 2 1; do stop_node "$n"; done
}

kill_node() {
  running "$1" && kill -9 "$(daemon_pid "$1")"
  for _ in $(seq 1 40); do running "$1" || return 0; sleep 0.25; done
}

status() {
  for n in "${NODES[@]}"; do
    if running "$n"; then echo "node $n: $(node_sql "$n" "SHOW STATUS LIKE 'wsrep_local_state_comment'" | cut -f2), cluster size $(cluster_size "$n")"
    else echo "node $n: stopped"; fi
  done
}

urls() {
  local list=()
  for n in "${NODES[@]}"; do list+=("jdbc:mysql://127.0.0.1:$(sql_port "$n")/covet_test"); done
  (IFS=,; echo "${list[*]}")
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  kill) kill_node "${2:?node number}" ;;
  start-node) start_node "${2:?node number}" ;;
  urls) urls ;;
  *) echo "usage: $0 start|stop|status|kill N|start-node N|urls" >&2; exit 2 ;;
esac
