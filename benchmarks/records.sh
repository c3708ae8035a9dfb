#!/usr/bin/env bash
# Records benchmark (issue 14). Results and how to read them: docs/benchmarks.md.
#
#   benchmarks/records.sh                      # one contract with 1,000,000 records of four types over three years
#   BENCH_RECORDS=100000 benchmarks/records.sh # a quick smoke run
#
# Needs a JDK and PostgreSQL's server binaries (Debian: apt-get install postgresql). Starts a throwaway PostgreSQL
# in target/benchmarks/pg-records on port $BENCH_PG_PORT, then runs the tagged JUnit benchmark
# (platform/src/test/java/org/carespec/platform/benchmark/RecordsBenchmark.java) against it. The data is generated
# on first use and kept for reruns; change its size or delete the directory to start afresh. Nothing here is
# committed or run in CI.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
home=${BENCH_HOME:-$root/target/benchmarks}
port=${BENCH_PG_PORT:-55435}
mkdir -p "$home"

# shellcheck source=lib/postgres.sh
. "$root/benchmarks/lib/postgres.sh"
start_postgres "$home/pg-records" "$port" "records=${BENCH_RECORDS:-1000000}"
"${psql[@]}" -d postgres -tc "select 1 from pg_database where datname = 'carespec'" | grep -q 1 \
  || "${psql[@]}" -d postgres -c "create database carespec"

./mvnw -B -q install -DskipTests -Dcarespec.mutation.skip=true
DATABASE_URL="jdbc:postgresql://localhost:$port/carespec" DATABASE_USER=bench DATABASE_PASSWORD=bench \
  ./mvnw -B -pl platform test -Dtest=RecordsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dcarespec.test.excludedGroups=none -Dcarespec.test.redirectOutput=false -Dcarespec.mutation.skip=true "$@"
echo
cat platform/target/benchmarks/records.txt
