# Sourced by the benchmark scripts: finds PostgreSQL's server binaries and starts a throwaway server.
#   start_postgres <data directory> <port> <dataset description>
# The data directory is created (initdb, benchmark settings) on first use and kept for reruns; when the dataset
# description differs from the one it was made for, it is deleted and made afresh. The server stops when the
# calling script exits. Sets: bin (server binaries), psql (a psql command line as the superuser "bench").

find_postgres() {
  bin=${PG_BIN:-}
  if [ -z "$bin" ]; then
    bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
  fi
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ] || [ ! -x "$bin/pgbench" ]; then
    echo "Need PostgreSQL server binaries and pgbench (Debian: apt-get install postgresql); set PG_BIN to their bin." >&2
    exit 2
  fi
}

start_postgres() {
  local data=$1 port=$2 want=$3
  local marker="$data.dataset"
  find_postgres
  # PostgreSQL refuses to run as root; on a root shell the server runs as the postgres account.
  as_server=()
  if [ "$(id -u)" = 0 ]; then
    as_server=(runuser -u "${BENCH_PG_OS_USER:-postgres}" --)
  fi
  if [ -d "$data" ] && [ "$(cat "$marker" 2>/dev/null)" != "$want" ]; then
    echo "Dataset shape changed ($want); starting a fresh database."
    rm -rf "$data"
  fi
  if [ ! -d "$data" ]; then
    mkdir -p "$data"
    [ ${#as_server[@]} -gt 0 ] && chown "${BENCH_PG_OS_USER:-postgres}" "$data" && chmod 700 "$data"
    "${as_server[@]}" "$bin/initdb" -D "$data" -U bench --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
    local mem_kb shared
    mem_kb=$(awk '/MemTotal/ {print $2}' /proc/meminfo)
    shared=$(( mem_kb / 4 / 1024 )); [ "$shared" -gt 4096 ] && shared=4096
    "${as_server[@]}" tee -a "$data/postgresql.conf" >/dev/null <<CONF
port = $port
listen_addresses = 'localhost'
unix_socket_directories = '$data'
max_connections = 100
shared_buffers = ${shared}MB
effective_cache_size = $(( mem_kb / 2 / 1024 ))MB
maintenance_work_mem = 512MB
work_mem = 16MB
max_wal_size = 8GB
checkpoint_timeout = 15min
shared_preload_libraries = 'pg_stat_statements'
CONF
    echo "$want" > "$marker"
  fi
  "${as_server[@]}" "$bin/pg_ctl" -D "$data" -l "$data/postgres.log" -w start >/dev/null
  pg_data=$data
  trap '"${as_server[@]}" "$bin/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null' EXIT
  psql=("$bin/psql" -h localhost -p "$port" -U bench -v ON_ERROR_STOP=1 -q)
  echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on $(nproc) cores, $(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 / 1024 )) GB; data in $data"
}
