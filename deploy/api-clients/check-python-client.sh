#!/usr/bin/env bash
# Generates a Python client from a running instance's OpenAPI document (openapi-generator, through this
# repository's Maven wrapper) and reads, as every demo account, every list and record that account may read.
# Any answer the generated client cannot deserialise fails the check.
#
#   deploy/api-clients/check-python-client.sh [http://localhost:8080] [demo password]
#
# Needs python3 with pydantic 2, urllib3 2, python-dateutil and typing-extensions (what the generated client
# imports). The password defaults to CARESPEC_DEMO_PASSWORD, else the one the run command kept in the data dir.
set -euo pipefail
cd "$(dirname "$0")/../.."
base="${1:-http://localhost:8080}"
password="${2:-${CARESPEC_DEMO_PASSWORD:-$(sed -n 's/^demo-password=//p' "${CARESPEC_DATA_DIR:-$HOME/.carespec}/secrets.properties" 2>/dev/null || true)}}"
out=deploy/target/python-client
mkdir -p "$out"
curl -sf "$base/swagger/carespec-1.yml" -o "$out/carespec-1.yml"
./mvnw -B -q -N org.openapitools:openapi-generator-maven-plugin:7.25.0:generate \
    -Dopenapi.generator.maven.plugin.inputSpec="$out/carespec-1.yml" \
    -Dopenapi.generator.maven.plugin.generatorName=python \
    -Dopenapi.generator.maven.plugin.output="$out/generated" \
    -Dopenapi.generator.maven.plugin.packageName=carespec_client \
    -Dopenapi.generator.maven.plugin.generateApiTests=false \
    -Dopenapi.generator.maven.plugin.generateModelTests=false
PYTHONPATH="$out/generated" python3 deploy/api-clients/read_everything.py "$base" "$password"
