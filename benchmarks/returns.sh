#!/usr/bin/env bash
# Returns benchmark (issue 4). Results and how to read them: docs/benchmarks.md.
#
#   benchmarks/returns.sh                  # full size: 20 contracts x (100,000 referrals, 1,000,000 activities,
#                                          #   50,000 group attendances) in one tenant
#   BENCH_CONTRACTS=2 BENCH_PEOPLE=10000 BENCH_ACTIVITIES=100000 BENCH_ATTENDANCES=5000 benchmarks/returns.sh
#                                          # a quick smoke run
#   BENCH_MODULE=carers-options benchmarks/returns.sh   # the same data under the carers-options return
#
# Needs a JDK and PostgreSQL's server binaries (Debian: apt-get install postgresql). Starts a throwaway PostgreSQL
# in target/benchmarks/pg-returns on port $BENCH_PG_PORT, then runs the tagged JUnit benchmark
# (platform/src/test/java/org/carespec/platform/benchmark/ReturnsBenchmark.java) against it. The data is generated
# on first use (about 20 minutes at full size on 2 cores) and kept for reruns; change the shape or delete the
# directory to start afresh. Nothing here is committed or run in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
home=${BENCH_HOME:-$root/target/benchmarks}
port=${BENCH_PG_PORT:-55434}
mkdir -p "$home"

# shellcheck source=lib/postgres.sh
. "$root/benchmarks/lib/postgres.sh"
start_postgres "$home/pg-returns" "$port" "contracts=${BENCH_CONTRACTS:-20} people=${BENCH_PEOPLE:-100000} activities=${BENCH_ACTIVITIES:-1000000} attendances=${BENCH_ATTENDANCES:-50000}"
"${psql[@]}" -d postgres -tc "select 1 from pg_database where datname = 'carespec'" | grep -q 1 \
  || "${psql[@]}" -d postgres -c "create database carespec"
"${psql[@]}" -d carespec -c "create extension if not exists pg_stat_statements"

# BENCH_MODULE=carers-options computes the same contracts' returns with that module's KPIs; the benchmark then
# runs from deploy/, whose class path holds every module (the platform's own tests hold none).
module=${BENCH_MODULE:-return-bench}
if [ "$module" = return-bench ]; then where=platform; else where=deploy; fi
./mvnw -B -q install -DskipTests
DATABASE_URL="jdbc:postgresql://localhost:$port/carespec" DATABASE_USER=bench DATABASE_PASSWORD=bench BENCH_MODULE=$module \
  ./mvnw -B -pl $where test -Dtest=ReturnsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -DdependenciesToScan=org.carespec:carespec-platform:test-jar:tests \
    -Dcarespec.test.excludedGroups=none -Dcarespec.test.redirectOutput=false "$@"
echo
cat $where/target/benchmarks/returns.txt
