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

if ! command -v "${WRK:-wrk}" >/dev/null; then
  echo "Need wrk for the load (Debian: apt-get install wrk); set WRK to its path." >&2
  exit 2
fi

# shellcheck source=lib/postgres.sh
. "$root/benchmarks/lib/postgres.sh"
start_postgres "$home/pg" "$port" "people=$people others=$others providers=${BENCH_PROVIDERS:-10}"
"${psql[@]}" -d postgres -tc "select 1 from pg_database where datname = 'carespec'" | grep -q 1 \
  || "${psql[@]}" -d postgres -c "create database carespec"
"${psql[@]}" -d carespec -c "create extension if not exists pg_stat_statements"
if ! "${psql[@]}" -d postgres -tc "select 1 from pg_database where datname = 'pgbench'" | grep -q 1; then
  "${psql[@]}" -d postgres -c "create database pgbench"
  "$bin/pgbench" -h localhost -p "$port" -U bench -i -s 16 -q pgbench
fi

./mvnw -B -q install -DskipTests -pl plugin-api,platform -am
DATABASE_URL="jdbc:postgresql://localhost:$port/carespec" DATABASE_USER=bench DATABASE_PASSWORD=bench \
PGBENCH="$bin/pgbench -h localhost -p $port -U bench pgbench" PGBENCH_REFERRAL="$bin/pgbench -h localhost -p $port" \
BENCH_REFERRAL_SQL="$root/benchmarks/pgbench/referral.sql" BENCH_WRK_SCRIPT="$root/benchmarks/wrk/referrals.lua" \
  ./mvnw -B -pl platform test -Dtest=CaseworkBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dcarespec.test.excludedGroups=none -Dcarespec.test.redirectOutput=false "$@"
echo
cat platform/target/benchmarks/casework.txt
