#!/usr/bin/env bash
# Web UI benchmark (issue 16): the caseload and a referral's page for 50 signed-in practitioners at once, over the
# casework benchmark's data. Results and how to read them: docs/benchmarks.md.
#
#   benchmarks/pages.sh                                              # full size, the casework data set
#   BENCH_HOME=/tmp/bench-small BENCH_PEOPLE=20000 BENCH_OTHER_TENANTS=1 benchmarks/pages.sh   # a quick run
#
# Needs a JDK, PostgreSQL's server binaries and wrk (Debian: apt-get install postgresql wrk). Starts (or reuses)
# the throwaway PostgreSQL of benchmarks/casework.sh in $BENCH_HOME/pg on port $BENCH_PG_PORT; the data is generated
# on first use and kept for reruns. Nothing here is committed or run in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
home=${BENCH_HOME:-$root/target/benchmarks}
port=${BENCH_PG_PORT:-55433}
people=${BENCH_PEOPLE:-1000000}
others=${BENCH_OTHER_TENANTS:-10}
mkdir -p "$home"

# shellcheck source=lib/postgres.sh
. "$root/benchmarks/lib/postgres.sh"
start_postgres "$home/pg" "$port" "people=$people others=$others providers=${BENCH_PROVIDERS:-10}"
"${psql[@]}" -d postgres -tc "select 1 from pg_database where datname = 'carespec'" | grep -q 1 \
  || "${psql[@]}" -d postgres -c "create database carespec"
"${psql[@]}" -d carespec -c "create extension if not exists pg_stat_statements"

./mvnw -B -q install -DskipTests -pl plugin-api,platform -am
DATABASE_URL="jdbc:postgresql://localhost:$port/carespec" DATABASE_USER=bench DATABASE_PASSWORD=bench \
  ./mvnw -B -pl platform test -Dtest=PagesBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dcarespec.test.excludedGroups=none -Dcarespec.test.redirectOutput=false "$@"
echo
cat platform/target/benchmarks/pages.txt
