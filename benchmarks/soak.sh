#!/usr/bin/env bash
# Soak and faults (issue 17): a documented command, not run in CI.
#
#   benchmarks/soak.sh [soak|fault|twins|flood|all]  # all is the default: the four, one after another
#
#   soak   100 practitioners (SOAK_CLIENTS) for 5 minutes (SOAK_SECONDS) of mixed casework through the API and page
#          views, against one platform; 0 unacceptable answers, and every acknowledged write is there afterwards
#          (read back by id through the API; counted through the API; compared as sets of ids with the database).
#          Each client signs in first (an API token and a page session) as a practitioner account of its own,
#          soak-practitioner-<i>@kirklees.demo in the demo's Kirklees Carers Options (made by admin@kirklees.demo on
#          the first run); the load's clock starts when all are signed in.
#   fault  the same load (SOAK_FAULT_SECONDS, 120) with PostgreSQL stopped SOAK_FAULT_AT (40) seconds into it for
#          SOAK_FAULT_DOWN (15) and started again: answers during the outage must be 503 problem+json (a 500, a
#          refused connection or no answer within 30 s is a failure), the same platform process must answer normally
#          again within SOAK_RECOVERY_SECONDS (30) of the database's return, and every create retried with its
#          Idempotency-Key must have made one row, never two.
#   twins  two platform processes (ports SOAK_PORT and SOAK_PORT_B) on the one database, under the load for
#          SOAK_TWINS_SECONDS (120): each client signs in on one and uses its token and page cookie on both. The
#          deadline watch (every 5 s here) has its work undone SOAK_TWINS_ROUNDS (3) times during the run (its rows
#          deleted, under its own advisory lock): each round must be redone by exactly one pass of one instance.
#          The audit sealer (every 2 s here) runs in both: no event sealed twice, the chain gapless and intact.
#   flood  a practitioner reads /api/v1/me ten times a second for SOAK_FLOOD_SECONDS (20), alone and then while
#          SOAK_FLOOD_CONNECTIONS (16) connections send wrong passwords for that practitioner's account to /login as
#          fast as they can (issue 17, finding 3): the two latencies side by side, and how the flood was answered
#          (429 before the password is checked, 401 after). Needs wrk.
#
# Needs a JDK 17+ and PostgreSQL's server binaries (Debian: apt-get install postgresql). It starts a throwaway
# PostgreSQL (benchmarks/lib/postgres.sh) in $BENCH_HOME/pg on port BENCH_PG_PORT (55438), builds
# deploy/target/carespec.jar if it is missing or older than the sources, and runs the platform from it with demo data
# (loaded once, on the first run, with the API's rate limit off, which is quicker).
# The load generator is benchmarks/soak/Soak.java (JDK only); its options are in `java benchmarks/soak/Soak.java
# --help`. Results: $BENCH_HOME/results/<time>/summary.txt, with each mode's Soak output (summary.txt, acked.tsv,
# failures.tsv, timeline.tsv) and the platform logs beside it. Exit status 0 only if every mode passed.
#
# Other settings: BENCH_HOME (target/benchmarks/soak), SOAK_THINK_MS (250, mean pause between a client's requests),
# SOAK_PAGE_SHARE (0.3), SOAK_DEMO_PASSWORD, SOAK_JAR (another platform jar, used as it is: no build), JAVA_OPTS
# (for the platform), CARESPEC_API_REQUESTS_PER_SECOND and
# CARESPEC_API_BURST (the platform's per-token limit during the runs; default as in production, 20 and 100).
# A quick look: SOAK_CLIENTS=20 SOAK_SECONDS=30 SOAK_FAULT_SECONDS=60 SOAK_FAULT_AT=20 SOAK_TWINS_SECONDS=60 \
#               BENCH_HOME=/tmp/soak-home benchmarks/soak.sh all
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
mode=${1:-all}
case "$mode" in soak|fault|twins|flood|all) ;; *) echo "usage: benchmarks/soak.sh [soak|fault|twins|flood|all]" >&2; exit 2 ;; esac

home=${BENCH_HOME:-$root/target/benchmarks/soak}
port=${BENCH_PG_PORT:-55438}
port_a=${SOAK_PORT:-18081}
port_b=${SOAK_PORT_B:-18082}
clients=${SOAK_CLIENTS:-100}
seconds=${SOAK_SECONDS:-300}
fault_seconds=${SOAK_FAULT_SECONDS:-120}
fault_at=${SOAK_FAULT_AT:-40}
fault_down=${SOAK_FAULT_DOWN:-15}
recovery=${SOAK_RECOVERY_SECONDS:-30}
twins_seconds=${SOAK_TWINS_SECONDS:-120}
twins_rounds=${SOAK_TWINS_ROUNDS:-3}
think=${SOAK_THINK_MS:-250}
page_share=${SOAK_PAGE_SHARE:-0.3}
password=${SOAK_DEMO_PASSWORD:-soak-demo-password}
db=carespec
jar=${SOAK_JAR:-deploy/target/carespec.jar}
stamp=$(date +%Y%m%d-%H%M%S)
out=$home/results/$stamp
mkdir -p "$out"
summary=$out/summary.txt
failed=0

say() { echo "$*" | tee -a "$summary"; }

# ---------------------------------------------------------------- the jar
stale=""
if [ -f "$jar" ]; then
  stale=$(find pom.xml plugin-api platform modules deploy -type f -newer "$jar" -not -path '*/target/*' \
    \( -name '*.java' -o -name '*.xml' -o -name '*.sql' -o -name '*.json' -o -name '*.yml' -o -name '*.properties' \) \
    -print -quit)
fi
if [ -z "${SOAK_JAR:-}" ] && { [ ! -f "$jar" ] || [ -n "$stale" ]; }; then
  echo "Building $jar ..."
  ./mvnw -B -q package -DskipTests -Dcarespec.mutation.skip=true
fi

# ---------------------------------------------------------------- PostgreSQL
# shellcheck source=lib/postgres.sh
. "$root/benchmarks/lib/postgres.sh"
start_postgres "$home/pg" "$port" "soak"
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  "${as_server[@]}" "$bin/pg_ctl" -D "$pg_data" -m fast -w stop >/dev/null 2>&1 || true
}
trap cleanup EXIT
pg_ctl_cmd=$(printf '%q ' "${as_server[@]}" "$bin/pg_ctl" -D "$pg_data")
sql() { "${psql[@]}" -d "$db" -X -t -A "$@"; }
psql_cmd="$bin/psql -h localhost -p $port -U bench -d $db"

# ---------------------------------------------------------------- the platform
# start_platform <name> <port> [-Dproperty=value ...]: starts it in the background, waits for its banner
start_platform() {
  local name=$1 http_port=$2; shift 2
  local log=$out/$name.log
  DATABASE_URL="jdbc:postgresql://localhost:$port/$db" DATABASE_USER=bench DATABASE_PASSWORD=bench \
  MICRONAUT_SERVER_PORT=$http_port CARESPEC_DATA_DIR="$home/platform" CARESPEC_DEMO_PASSWORD="$password" \
    java ${JAVA_OPTS:-} "$@" -jar "$jar" >"$log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  eval "pid_${name//-/_}=$pid"
  for _ in $(seq 1 240); do
    if grep -q "Carespec is running at" "$log"; then
      echo "platform $name (pid $pid) up on port $http_port"
      return 0
    fi
    if ! kill -0 "$pid" 2>/dev/null; then break; fi
    sleep 1
  done
  echo "platform $name did not start; the end of $log:" >&2
  tail -30 "$log" >&2
  exit 2
}

stop_platform() {
  local pid=$1
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  local keep=()
  for p in "${pids[@]}"; do [ "$p" != "$pid" ] && keep+=("$p"); done
  pids=("${keep[@]+"${keep[@]}"}")
}

# The demo data, loaded once: the Kirklees practitioner's contract with its sixty demo referrals.
demo_ready() {
  "${psql[@]}" -d postgres -X -t -A -c "select 1 from pg_database where datname = '$db'" | grep -q 1 || return 1
  [ "$(sql -c "select count(*) from referral r join contract c on c.tenant_id = r.tenant_id and c.id = r.contract_id
              where c.reference = 'DEMO/CARERS-OPTIONS'" 2>/dev/null || echo 0)" -ge 60 ]
}
if ! demo_ready; then
  echo "Loading the demo data into a fresh database (once; about a minute)"
  "${psql[@]}" -d postgres -c "drop database if exists $db" -c "create database $db"
  rm -rf "$home/platform"
  CARESPEC_API_REQUESTS_PER_SECOND=0 start_platform prepare "$port_a"
  stop_platform "$pid_prepare"
  if ! demo_ready; then
    echo "The demo cases did not load; see $out/prepare.log" >&2
    exit 2
  fi
fi

# token <email> <port>: an access token for a demo account
token() {
  curl -sf "http://localhost:$2/login" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"$password\"}" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}

# Checks shared by every mode once its load is over: the audit chain of each tenant, the sealing queue, the log.
after_load() {
  local label=$1 http_port=$2; shift 2
  sleep 12 # two seal intervals: the sealer empties the queue
  local t verify unsealed
  for t in dorset kirklees; do
    verify=$(curl -sf "http://localhost:$http_port/api/v1/audit/verify" -H "Authorization: Bearer $(token "admin@$t.demo" "$http_port")" || echo "no answer")
    say "  audit chain of $t: $verify"
    echo "$verify" | grep -q '"intact":true' || { say "  FAIL: the audit chain of $t is not intact"; failed=1; }
  done
  unsealed=$(sql -c "select count(*) from audit_unsealed")
  say "  audit events still waiting for the sealer: $unsealed"
  [ "$unsealed" = 0 ] || { say "  FAIL: the sealer left events unsealed"; failed=1; }
  local log leaks
  for log in "$@"; do
    say "  $(basename "$log"): $(grep -c ' ERROR ' "$log" || true) ERROR lines, $(grep -c ' WARN ' "$log" || true) WARN lines"
    # canaries (issue 17): the activity notes the clients wrote, the names they gave people and the password they
    # signed in with must be in no log line
    # (the start-up banner names the demo accounts' password on purpose: the run command's newcomer needs it)
    leaks=$(grep -v 'Demo accounts, password' "$log" | grep -c -e 'Soak call' -e 'Soak[0-9]\{12\}' -e "$password" || true)
    say "  $(basename "$log"): $leaks lines holding a note, a name or the password typed by the clients"
    [ "$leaks" = 0 ] || { say "  FAIL: what the clients typed is in $(basename "$log")"; failed=1; }
    grep ' ERROR ' "$log" | sed 's/^[0-9:.]* //; s/request id [0-9a-f-]*/request id …/; s/[0-9a-f]\{8\}-[0-9a-f-]\{27\}/<id>/g' \
      | sort | uniq -c | sort -rn | head -8 | sed 's/^/      /' | tee -a "$summary" || true
  done
}

run_soak() { # <label> <soak output dir> <Soak.java options...>
  local label=$1 dir=$2; shift 2
  set +e
  java benchmarks/soak/Soak.java --label "$label" --clients "$clients" --think-ms "$think" --page-share "$page_share" \
    --password "$password" --psql "$psql_cmd" --out "$dir" "$@" 2>&1 | tee "$dir.out"
  local rc=${PIPESTATUS[0]}
  set -e
  sed -n '/^== /,$p' "$dir/summary.txt" >>"$summary" 2>/dev/null || echo "(no summary: Soak exited $rc)" >>"$summary"
  return "$rc"
}

# ---------------------------------------------------------------- soak
mode_soak() {
  say ""
  say "=== soak: $clients clients, $seconds s, one platform ==="
  start_platform soak "$port_a"
  run_soak soak "$out/soak" --url "http://localhost:$port_a" --seconds "$seconds" || failed=1
  after_load soak "$port_a" "$out/soak.log"
  stop_platform "$pid_soak"
}

# ---------------------------------------------------------------- fault
mode_fault() {
  say ""
  say "=== fault: $clients clients, $fault_seconds s, PostgreSQL stopped at $fault_at s for $fault_down s ==="
  start_platform fault "$port_a"
  local pid=$pid_fault
  run_soak fault "$out/fault" --url "http://localhost:$port_a" --seconds "$fault_seconds" \
    --fault-at "$fault_at" --fault-down "$fault_down" --recovery-seconds "$recovery" \
    --fault-stop "$pg_ctl_cmd -m fast -w stop" --fault-start "$pg_ctl_cmd -l $pg_data/postgres.log -w start" || failed=1
  if kill -0 "$pid" 2>/dev/null && [ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port_a/health")" = 200 ]; then
    say "  the platform process that served the outage (pid $pid) is still up and healthy: not restarted"
  else
    say "  FAIL: the platform process $pid is gone or unhealthy after the outage"; failed=1
  fi
  after_load fault "$port_a" "$out/fault.log"
  stop_platform "$pid"
}

# ---------------------------------------------------------------- twins
watch_lines() { # the deadline watch's work lines of both instances: <instance> <time> <tenant> <opened> <raised> <resolved>
  local name
  for name in twin-a twin-b; do
    sed -n "s/^\([0-9:.]*\) .*Deadline watch, tenant \([0-9a-f-]*\): Pass\[returnsOpened=\([0-9]*\), alertsRaised=\([0-9]*\), alertsResolved=\([0-9]*\)\]/$name \1 \2 \3 \4 \5/p" "$out/$name.log"
  done | sort -k2
}

mode_twins() {
  say ""
  say "=== twins: two platforms on one database, $clients clients, $twins_seconds s ==="
  local fast=(-Dcarespec.deadlines.interval=5s -Dcarespec.deadlines.initial-delay=5s -Dcarespec.audit.seal-interval=2s)
  start_platform twin-a "$port_a" "${fast[@]}"
  start_platform twin-b "$port_b" "${fast[@]}"
  run_soak twins "$out/twins" --url "http://localhost:$port_a,http://localhost:$port_b" --seconds "$twins_seconds" &
  local soak_pid=$!
  # The deadline watch's rounds: its rows deleted under its own per-tenant advisory lock, so that no pass is half done
  local gap=$(( twins_seconds / (twins_rounds + 1) )) r
  for _ in $(seq 1 900); do # the rounds fall in the load, which starts once every client is signed in
    grep -q "clients signed in" "$out/twins.out" 2>/dev/null && break
    kill -0 "$soak_pid" 2>/dev/null || break
    sleep 1
  done
  for r in $(seq 1 "$twins_rounds"); do
    sleep "$gap"
    sql -c "begin; select count(pg_advisory_xact_lock(hashtext('deadline-watch:' || id::text))) from tenant;
            delete from deadline_alert; delete from return_opening; commit;" >/dev/null
    echo "twins: deadline watch round $r: its rows deleted at $(date +%T)"
  done
  local rc=0
  wait "$soak_pid" || rc=$?
  [ "$rc" = 0 ] || failed=1
  sleep 10 # a last pass of each

  say "  deadline watch: $twins_rounds rounds of work (all its rows deleted each time); the passes that did work:"
  watch_lines | sed 's/^/    /' | tee -a "$summary"
  local tenant slug opened alerts lines
  while read -r tenant slug; do
    opened=$(sql -c "select count(*) from return_opening where tenant_id = '$tenant'")
    alerts=$(sql -c "select count(*) from deadline_alert where tenant_id = '$tenant' and resolved_at is null")
    lines=$(watch_lines | awk -v t="$tenant" '$3 == t' | wc -l)
    local contracts; contracts=$(sql -c "select count(*) from contract where tenant_id = '$tenant'")
    if [ "$contracts" = 0 ]; then
      say "    $slug: no contracts, nothing to watch ($lines passes with work)"
      [ "$lines" = 0 ] || { say "    FAIL: work reported for a tenant with no contracts"; failed=1; }
      continue
    fi
    say "    $slug: $lines passes with work for $twins_rounds rounds; now $opened returns opened, $alerts open alerts"
    if [ "$lines" != "$twins_rounds" ]; then
      say "    FAIL: $slug's work was done in $lines passes, not once per round ($twins_rounds)"; failed=1
    fi
    if watch_lines | awk -v t="$tenant" -v o="$opened" -v a="$alerts" '$3 == t && ($4 != o || $5 != a) {bad=1} END {exit !bad}'; then
      say "    FAIL: a pass of $slug did part of a round (its counts differ from the rows: $opened opened, $alerts alerts)"; failed=1
    fi
  done < <(sql -F ' ' -c "select id, slug from tenant order by slug")
  local dup
  dup=$(sql -c "select (select count(*) from (select 1 from deadline_alert group by tenant_id, contract_id, kind, subject having count(*) > 1) d)
                    + (select count(*) from (select 1 from return_opening group by tenant_id, contract_id, period having count(*) > 1) o)")
  say "    duplicated alerts or openings in the database: $dup"
  [ "$dup" = 0 ] || failed=1

  say "  audit sealer: checkpoints logged by each instance during the run"
  local name
  for name in twin-a twin-b; do
    say "    $name: $(grep -c 'Audit chain checkpoint' "$out/$name.log" || true) checkpoints, $(grep -c 'Could not seal' "$out/$name.log" || true) failures"
  done
  local twice
  twice=$(cat "$out/twin-a.log" "$out/twin-b.log" | sed -n 's/.*Audit chain checkpoint: tenant \([0-9a-f-]*\) sealed through seq \([0-9]*\),.*/\1 \2/p' | sort | uniq -d | wc -l)
  say "    the same tenant and seq logged as sealed by more than one pass: $twice"
  [ "$twice" = 0 ] || failed=1
  local chain
  chain=$(sql -F ' ' -c "select t.slug, count(s.seq), coalesce(max(s.seq), 0), count(distinct s.event_id)
                        from tenant t left join audit_seal s on s.tenant_id = t.id group by t.slug order by t.slug")
  say "    audit_seal per tenant (rows, highest seq, distinct events): $(echo "$chain" | tr '\n' ';')"
  echo "$chain" | awk '$2 != $3 || $2 != $4 {bad=1} END {exit bad}' || { say "    FAIL: a gap or an event sealed twice"; failed=1; }
  after_load twins "$port_b" "$out/twin-a.log" "$out/twin-b.log"
  stop_platform "$pid_twin_a"
  stop_platform "$pid_twin_b"
}

# ---------------------------------------------------------------- flood
# me_latency <port> <token> <seconds>: GET /api/v1/me ten times a second, as a person's pages and scripts would (the
# API's per-token limit is 20 a second); prints "n=… not-200=… p50=… p95=… max=…" in milliseconds
me_latency() {
  local end=$((SECONDS + $3)) times=() bad=0 line code t
  while [ "$SECONDS" -lt "$end" ]; do
    line=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "http://localhost:$1/api/v1/me" \
      -H "Authorization: Bearer $2" -H 'Accept: application/json')
    code=${line% *}; t=${line#* }
    [ "$code" = 200 ] || bad=$((bad + 1))
    times+=("$t")
    sleep 0.1
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v bad="$bad" '{ v[NR] = $1 * 1000 } END {
    printf "n=%d not-200=%d p50=%.1f p95=%.1f max=%.1f ms\n", NR, bad, v[int(NR * 0.5) + 1], v[int(NR * 0.95) + 1], v[NR] }'
}

mode_flood() {
  local seconds=${SOAK_FLOOD_SECONDS:-20} connections=${SOAK_FLOOD_CONNECTIONS:-16}
  say ""
  say "=== flood: /api/v1/me ten times a second alone, then beside $connections connections of wrong passwords ==="
  start_platform flood "$port_a"
  local me quiet loud flood
  me=$(token "practitioner@kirklees.demo" "$port_a")
  me_latency "$port_a" "$me" 3 >/dev/null # warm up
  quiet=$(me_latency "$port_a" "$me" "$seconds")
  FLOOD_USER=practitioner@kirklees.demo wrk -t2 -c"$connections" -d"$((seconds + 4))s" \
    -s benchmarks/wrk/login-flood.lua "http://localhost:$port_a" >"$out/flood-wrk.txt" 2>&1 &
  local flood_pid=$!
  sleep 2
  loud=$(me_latency "$port_a" "$me" "$seconds")
  wait "$flood_pid" || true
  flood=$(grep FLOOD "$out/flood-wrk.txt" || echo "no FLOOD line: see $out/flood-wrk.txt")
  say "  /api/v1/me alone:           $quiet"
  say "  /api/v1/me under the flood: $loud"
  say "  the flood:                  $flood"
  echo "$quiet $loud" | grep -q "not-200=0 .*not-200=0" || { say "  FAIL: /api/v1/me was refused"; failed=1; }
  stop_platform "$pid_flood"
}

say "Carespec soak ($mode), $(date -Is), $(nproc) cores, $(git rev-parse --short HEAD 2>/dev/null || echo '?'); results in $out"
case "$mode" in
  soak) mode_soak ;;
  fault) mode_fault ;;
  twins) mode_twins ;;
  flood) mode_flood ;;
  all) mode_soak; mode_fault; mode_twins; mode_flood ;;
esac
say ""
if [ "$failed" = 0 ]; then say "ALL PASSED ($mode)"; else say "FAILED ($mode): see above and $out"; fi
exit "$failed"
