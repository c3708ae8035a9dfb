#!/usr/bin/env bash
# Case-management benchmark (issue 3). Results and how to read them: docs/benchmarks.md.
#
#   benchmarks/casework.sh                 # full size: 1,000,000 people/referrals x 11 tenants
#   BENCH_PEOPLE=20000 BENCH_OTHER_TENANTS=1 benchmarks/casework.sh   # a quick smoke run
#
# Needs a JDK, PostgreSQL's server binaries with pgbench, and wrk (Debian: apt-get install postgresql wrk).
# Starts a throwaway PostgreSQL (Debian's server binaries, the same major version as production) in
# target/benchmarks/pg on port $BENCH_PG_PORT, initialises pgbench there, then runs the tagged JUnit benchmark
# (platform/src/test/java/org/carespec/platform/benchmark) against it. The data is generated on first use and
# kept in target/benchmarks/pg for reruns; delete that directory (or change BENCH_PEOPLE) to start afresh.
# Nothing here is committed or run in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
home=${BENCH_HOME:-$root/target/benchmarks}
port=${BENCH_PG_PORT:-55433}
people=${BENCH_PEOPLE:-1000000}
others=${BENCH_OTHER_TENANTS:-10}
mkdir -p "$home"

bin=${PG_BIN:-}
if [ -z "$bin" ]; then
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
fi
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ] || [ ! -x "$bin/pgbench" ]; then
  echo "Need PostgreSQL server binaries and pgbench (Debian: apt-get install postgresql); set PG_BIN to their bin." >&2
  exit 2
fi

if ! command -v "${WRK:-wrk}" >/dev/null; then
  echo "Need wrk for the load (Debian: apt-get install wrk); set WRK to its path." >&2
  exit 2
fi

data="$home/pg"
# PostgreSQL refuses to run as root; on a root shell the server runs as the postgres account.
as_server=()
if [ "$(id -u)" = 0 ]; then
  as_server=(runuser -u "${BENCH_PG_OS_USER:-postgres}" --)
fi
marker="$home/dataset"
want="people=$people others=$others providers=${BENCH_PROVIDERS:-10}"
if [ -d "$data" ] && [ "$(cat "$marker" 2>/dev/null)" != "$want" ]; then
  echo "Dataset shape changed ($want); starting a fresh database."
  rm -rf "$data"
fi
if [ ! -d "$data" ]; then
  mkdir -p "$data"
  [ ${#as_server[@]} -gt 0 ] && chown "${BENCH_PG_OS_USER:-postgres}" "$data" && chmod 700 "$data"
  "${as_server[@]}" "$bin/initdb" -D "$data" -U bench --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
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
trap '"${as_server[@]}" "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null' EXIT
psql=("$bin/psql" -h localhost -p "$port" -U bench -v ON_ERROR_STOP=1 -q)
"${psql[@]}" -d postgres -tc "select 1 from pg_database where datname = 'carespec'" | grep -q 1 \
  || "${psql[@]}" -d postgres -c "create database carespec"
"${psql[@]}" -d carespec -c "create extension if not exists pg_stat_statements"
if ! "${psql[@]}" -d postgres -tc "select 1 from pg_database where datname = 'pgbench'" | grep -q 1; then
  "${psql[@]}" -d postgres -c "create database pgbench"
  "$bin/pgbench" -h localhost -p "$port" -U bench -i -s 16 -q pgbench
fi

echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on $(nproc) cores, $(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 / 1024 )) GB; data in $data"
./mvnw -B -q install -DskipTests -pl plugin-api,platform -am
DATABASE_URL="jdbc:postgresql://localhost:$port/carespec" DATABASE_USER=bench DATABASE_PASSWORD=bench \
PGBENCH="$bin/pgbench -h localhost -p $port -U bench pgbench" BENCH_WRK_SCRIPT="$root/benchmarks/wrk/referrals.lua" \
  ./mvnw -B -pl platform test -Dtest=CaseworkBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dcarespec.test.excludedGroups=none -Dcarespec.test.redirectOutput=false "$@"
echo
cat platform/target/benchmarks/casework.txt
