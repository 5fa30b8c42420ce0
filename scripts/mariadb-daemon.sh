# Sourced by galera-cluster.sh and mariadb-replica.sh: a mariadbd of the project's own, started by
# start-stop-daemon with a pid file of its own (so it is never mistaken for the shared server on 3306).

# The pid in the file; empty when there is none.
daemon_pid_in() { cat "$1" 2>/dev/null; }

# Alive and not a zombie waiting to be reaped (a killed server's process can linger as one for a moment).
daemon_alive() {
  local pid; pid=$(daemon_pid_in "$1") && [ -n "$pid" ] && [ -r "/proc/$pid/status" ] && ! grep -q '^State:[[:space:]]*Z' "/proc/$pid/status"
}

# SIGTERM, up to a minute for a clean shutdown, then SIGKILL.
daemon_stop() {
  daemon_alive "$1" || return 0
  kill "$(daemon_pid_in "$1")" 2>/dev/null || true
  for _ in $(seq 1 120); do daemon_alive "$1" || return 0; sleep 0.5; done
  kill -9 "$(daemon_pid_in "$1")" 2>/dev/null || true
}
