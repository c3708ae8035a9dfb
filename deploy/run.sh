#!/usr/bin/env bash
# Runs Carespec on this machine: builds it first if the jar is missing or older than the sources, then starts
# deploy/target/carespec.jar. With DATABASE_URL unset it uses an embedded PostgreSQL with its data in
# CARESPEC_DATA_DIR (default ~/.carespec). Ctrl-C stops everything. See README.md for the settings.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=deploy/target/carespec.jar
stale=""
if [ -f "$jar" ]; then
  stale=$(find pom.xml plugin-api platform modules deploy -type f -newer "$jar" -not -path '*/target/*' \
    \( -name '*.java' -o -name '*.xml' -o -name '*.sql' -o -name '*.json' -o -name '*.yml' -o -name '*.properties' \) \
    -print -quit)
fi
if [ ! -f "$jar" ] || [ -n "$stale" ]; then
  echo "Building Carespec (first run, or sources changed)..."
  ./mvnw -q -B -DskipTests package
fi
exec java ${JAVA_OPTS:-} -jar "$jar" "$@"
