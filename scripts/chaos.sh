# shellcheck shell=bash
# ./platform chaos (issue 13): under a steady load of citizen and staff operations through the gateway (harness
# benchmarks/…/ChaosBenchmark.java), kills and restarts one part after the other — a case-service instance, a
# gateway instance, Elasticsearch, Redis, Keycloak, the PostgreSQL cluster — then checks that nothing acknowledged
# was lost and every event was handled once per consumer group. Runs against `./platform up --replicas 2`
# (started if nothing runs). Figures → docs/benchmarks/chaos.md. Takes ~8 minutes. It stops and starts the shared
# PostgreSQL, Redis, Elasticsearch and Keycloak: nothing else (a test run) may use them meanwhile.
[[ -n "${_ZWY_CHAOS_SH:-}" ]] && return 0
_ZWY_CHAOS_SH=1

CHAOS_OUTAGE_SECONDS="${CHAOS_OUTAGE_SECONDS:-12}"   # how long each part stays down
CHAOS_SETTLE_SECONDS="${CHAOS_SETTLE_SECONDS:-25}"   # steady load after each restart, before the next fault

_chaos_announce() { printf '%s %s %s\n' "$(now_ms)" "$1" "$2" >>"$_chaos_phases"; log "chaos: $1 $2"; }

# _chaos_fault PART KILL-COMMAND START-COMMAND
_chaos_fault() {
  local part=$1 kill=$2 start=$3
  _chaos_announce "$part" down
  eval "$kill" || warn "chaos: taking $part down failed"
  sleep "$CHAOS_OUTAGE_SECONDS"
  _chaos_announce "$part" up
  eval "$start" || die "chaos: $part did not come back"
  sleep "$CHAOS_SETTLE_SECONDS"
}

_chaos_kill_replica() {  # _chaos_kill_replica SERVICE: SIGKILL replica 1's instance (no shutdown hook runs)
  local pid
  pid=$(pid_from_file "$ZWY_RUN_DIR/r1-$1.pid" 2>/dev/null) || { warn "chaos: no pid for r1-$1"; return 1; }
  kill -KILL "$pid"
}

cmd_chaos() {
  pick_jdk || exit 1
  require_maven
  infra_up
  local n
  n=$(cat "$(_replicas_file)" 2>/dev/null || echo 0)
  if (( n < 2 )); then
    [[ -z "$(pid_on_port 8080)" ]] || die "chaos: the platform runs without replicas; ./platform down first (chaos starts --replicas 2)"
    # the harness's pace stays under the per-caller limits; build once for the services and the harness
    replicas_up 2
  fi
  (mvn -B -q -DskipTests -pl benchmarks -am package) >"$ZWY_LOG_DIR/build-chaos.log" 2>&1 \
    || { show_log_tail "$ZWY_LOG_DIR/build-chaos.log" 60; die "chaos: build of the harness failed"; }
  _chaos_phases="$ZWY_RUN_DIR/chaos-phases"
  : >"$_chaos_phases"
  CHAOS_PHASE_FILE="$_chaos_phases" BENCH_GATEWAY=http://127.0.0.1:8080 BENCH_KEYCLOAK="$ZWY_KC_URL" \
    BENCH_CASE_DB=zwy_case BENCH_TENANT_DB=zwy_tenant BENCH_SEARCH_DB=zwy_search BENCH_REPORT=docs/benchmarks/chaos.md \
    "$JAVA_HOME/bin/java" -Xmx512m -jar "benchmarks/target/benchmarks-$ZWY_VERSION.jar" chaos &
  local harness=$!
  trap 'echo stop >>"$_chaos_phases"; wait '"$harness"' 2>/dev/null' EXIT
  sleep "$CHAOS_SETTLE_SECONDS"
  _chaos_fault case-service "_chaos_kill_replica case-service" "_replica services_up 1"
  _chaos_fault gateway "_chaos_kill_replica gateway" "_replica services_up 1"
  _chaos_fault elasticsearch _stop_elasticsearch ensure_elasticsearch
  _chaos_fault redis _stop_redis ensure_redis
  _chaos_fault keycloak _stop_keycloak ensure_keycloak
  _chaos_fault postgresql _stop_postgres ensure_postgres
  echo stop >>"$_chaos_phases"
  trap - EXIT
  wait "$harness" || die "chaos: the harness failed"
  ok "chaos: figures in docs/benchmarks/chaos.md"
}
