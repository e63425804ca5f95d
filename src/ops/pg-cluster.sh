#!/usr/bin/env bash
# Starts (or reuses) a private PostgreSQL + PostGIS cluster for this project and makes sure a database
# with the postgis extension exists in it. Never touches the system cluster or port 5432.
#
#   pg-cluster.sh start --dir DIR --port PORT --db NAME [--throwaway]
#   pg-cluster.sh stop  --dir DIR
#   pg-cluster.sh crash --dir DIR      (stops it as a power cut would: pg_ctl -m immediate; fault tests)
#   pg-cluster.sh status --dir DIR     (exit code 0 when the cluster runs)
#
# --throwaway (tests): fsync off, restart on the given port, and drop/recreate the database.
# Installs PostGIS from the distribution's packages when it is missing (as root, or through sudo).
set -euo pipefail

action=${1:-}; shift || true
dir=""; port=""; db=""; throwaway=false
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir=$2; shift 2 ;;
    --port) port=$2; shift 2 ;;
    --db) db=$2; shift 2 ;;
    --throwaway) throwaway=true; shift ;;
    *) echo "pg-cluster: unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -n "$dir" ] || { echo "pg-cluster: --dir is required" >&2; exit 2; }
[ "$port" != 5432 ] || { echo "pg-cluster: refusing port 5432 (the system cluster's)" >&2; exit 2; }
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
data="$dir/data"

log() { echo "pg-cluster: $*" >&2; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

# PostgreSQL refuses to run as root: run the server tools as the postgres user when we are root.
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

newest_server_major() {
  ls -d /usr/lib/postgresql/*/bin/postgres 2>/dev/null | sed -E 's#/usr/lib/postgresql/([0-9]+)/.*#\1#' | sort -n | tail -1
}

ensure_postgis() {
  local major; major=$(newest_server_major)
  if [ -n "$major" ] && [ -f "/usr/share/postgresql/$major/extension/postgis.control" ]; then
    return
  fi
  log "installing PostGIS from the distribution's packages (one time)"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq
  if [ -z "$major" ]; then
    # No server yet: take the distribution's default major version.
    as_root apt-get install -y -qq postgresql-common >/dev/null
    major=$(apt-cache depends postgresql 2>/dev/null | sed -nE 's/.*Depends: postgresql-([0-9]+)$/\1/p' | head -1)
  fi
  as_root apt-get install -y -qq "postgresql-$major-postgis-3" >/dev/null
}

bin_dir() { echo "/usr/lib/postgresql/$(newest_server_major)/bin"; }

running_port() {
  # Line 4 of postmaster.pid is the port of a running server.
  if as_pg "$(bin_dir)/pg_ctl" -D "$data" status >/dev/null 2>&1; then sed -n 4p "$data/postmaster.pid"; fi
}

stop_cluster() {
  if [ -f "$data/PG_VERSION" ] && [ -n "$(running_port)" ]; then
    as_pg "$(bin_dir)/pg_ctl" -D "$data" -m fast -w stop >/dev/null
  fi
}

start_cluster() {
  local bin; bin=$(bin_dir)
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$dir"
    runuser -u postgres -- test -w "$dir" || {
      log "the postgres user cannot reach $dir (a parent folder is closed to it); clone the project elsewhere"
      exit 1
    }
  fi
  if [ ! -f "$data/PG_VERSION" ]; then
    log "creating a private cluster in $data"
    as_pg "$bin/initdb" -D "$data" --no-sync -A trust -U postgres -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  local current; current=$(running_port)
  if [ -n "$current" ] && { $throwaway || [ "$current" != "$port" ]; }; then
    $throwaway || { log "cluster in $data already runs on port $current, not $port; stop it: $0 stop --dir $dir"; exit 1; }
    stop_cluster; current=""
  fi
  if [ -z "$current" ]; then
    local opts="-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c max_parallel_workers_per_gather=0 -c jit=off"
    $throwaway && opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    as_pg "$bin/pg_ctl" -D "$data" -l "$dir/postgres.log" -w -t 60 -o "$opts" start >/dev/null
    log "PostgreSQL running on 127.0.0.1:$port (log: $dir/postgres.log)"
  fi
}

psql_() { PGOPTIONS="-c client_min_messages=warning" as_pg "$(bin_dir)/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres "$@"; }

ensure_database() {
  if $throwaway; then psql_ -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"; fi
  if [ -z "$(psql_ -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" ]; then
    psql_ -d postgres -c "CREATE DATABASE \"$db\""
  fi
  psql_ -d "$db" -c "CREATE EXTENSION IF NOT EXISTS postgis" 2>&1 | grep -v 'already exists' >&2 || true
}

case "$action" in
  start)
    [ -n "$port" ] && [ -n "$db" ] || { echo "pg-cluster: start needs --port and --db" >&2; exit 2; }
    ensure_postgis
    start_cluster
    ensure_database
    ;;
  stop) stop_cluster ;;
  crash)
    # As a power cut would leave it, for fault tests: no checkpoint, no goodbye to clients (pg_ctl -m immediate).
    if [ -n "$(running_port)" ]; then as_pg "$(bin_dir)/pg_ctl" -D "$data" -m immediate -w stop >/dev/null; fi ;;
  status) [ -f "$data/PG_VERSION" ] && [ -n "$(running_port)" ] ;;
  *) echo "usage: $0 start --dir DIR --port PORT --db NAME [--throwaway] | stop|crash|status --dir DIR" >&2; exit 2 ;;
esac
