# shellcheck shell=bash
# `./platform bench comparison`: the supervision dashboards (M2, ADR 0024) over a province's ~120 counties.
# Sourced by ./platform (after lib.sh, infra.sh, services.sh). Starts its own instance of the four services
# (ports BENCH_PORT_BASE..+3, default 29580; databases zwy_cmpbench_*; stream zwy-bench:cmp:events, in the key space the services' Redis users may use) with the JVM
# settings of a production deployment; case-service bulk-loads BENCH_CASES synthetic cases (default 10,000,000)
# across BENCH_COUNTIES counties of province 44 into its comparison read model at start-up, through the rollup
# code every event goes through (SyntheticComparisonLoad), and logs how long it took; then the harness
# (benchmarks/…/ComparisonBenchmark.java) measures the dashboard queries through the gateway and the time a fresh
# event takes to show in the figures. Figures: printed, and written above the kept marker of
# docs/benchmarks/comparison.md.
#
# Knobs: BENCH_CASES (10000000), BENCH_COUNTIES (120), BENCH_ROUNDS (30 per query), BENCH_FRESH (5 fresh events),
# BENCH_PORT_BASE (29580), BENCH_KEEP=1 (leave the instance running; a next run reuses it with its data, no reload).

bench_comparison() {
  pick_jdk || exit 1
  require_maven
  infra_up
  export ZWY_INSTANCE=cmpbench ZWY_PORT_BASE=${BENCH_PORT_BASE:-29580} ZWY_TEST_DB_PREFIX=zwy_cmpbench ZWY_BIND_ADDRESS=127.0.0.1
  export ZWY_SERVICE_HEAP="${BENCH_JVM_HEAP:--Xms358m -Xmx358m}" ZWY_SERVICE_JVM_OPTS="${BENCH_JVM_OPTS:--XX:+UseG1GC}" \
    ZWY_SERVICE_START_TIMEOUT=${ZWY_SERVICE_START_TIMEOUT:-420}
  _ZWY_SERVICES_SH=; source scripts/services.sh
  export ZWY_TENANT_DB=zwy_cmpbench_tenant ZWY_CASE_DB=zwy_cmpbench_case ZWY_SEARCH_DB=zwy_cmpbench_search
  export ZWY_ES_INDEX_PREFIX=zwy-bench-cmp ZWY_EVENTS_STREAM=zwy-bench:cmp:events ZWY_EVENTS_CONSUMER=cmpbench-1 ZWY_DEMO=true \
    ZWY_RATE_LIMIT_PER_MINUTE=100000000 ZWY_QUERY_COST_BUCKET=100000000 ZWY_QUERY_COST_RESTORE_PER_SECOND=100000000 \
    ZWY_RATE_LIMIT_KEY_PREFIX=zwy-bench:cmp:rl:
  local cases=${BENCH_CASES:-10000000} log line t0
  if [[ -n "${BENCH_KEEP:-}" ]]; then trap - EXIT; else trap 'services_down; infra_stop_started_by_us' EXIT; fi
  log=$(_svc_log case-service)
  if ! _svc_health "$TENANT_SERVICE_PORT"; then
    reset_test_databases
    curl -fsS -m 10 -X DELETE "$ZWY_ES_URL/zwy-bench-cmp*" >/dev/null 2>&1 || true
    _redis_cli del zwy-bench:cmp:events >/dev/null 2>&1 || true
    (mvn -B -q -DskipTests package) >"$ZWY_LOG_DIR/build.log" 2>&1 || { show_log_tail "$ZWY_LOG_DIR/build.log" 60; die "build failed"; }
    # case-service loads the synthetic province once, in the background after it started
    export ZWY_COMPARISON_SYNTHETIC_LOAD_CASES=$cases ZWY_COMPARISON_SYNTHETIC_LOAD_COUNTIES=${BENCH_COUNTIES:-120}
    services_up
    unset ZWY_COMPARISON_SYNTHETIC_LOAD_CASES ZWY_COMPARISON_SYNTHETIC_LOAD_COUNTIES
    t0=$(now_ms)
    log "bench comparison: case-service loads $cases synthetic cases into its comparison read model (log: $log)"
    until grep -q 'comparison synthetic load: done' "$log"; do
      sleep 5
      grep -o 'comparison synthetic load: county .*' "$log" | tail -1 | cut -c1-160
      (( $(now_ms) - t0 < 4 * 3600 * 1000 )) || die "the synthetic load did not finish in 4 h"
    done
  fi
  line=$(grep -o 'comparison synthetic load: done: .*' "$log" | tail -1)
  log "bench comparison: ${line:-read model kept from the previous run}"
  BENCH_GATEWAY="http://127.0.0.1:$GATEWAY_PORT" BENCH_KEYCLOAK="$ZWY_KC_URL" BENCH_CASE_DB=zwy_cmpbench_case \
    BENCH_LOAD_LINE="bulk-loaded by case-service at start-up (${line#comparison synthetic load: })" \
    BENCH_JVM_DESC="$ZWY_SERVICE_HEAP $ZWY_SERVICE_JVM_OPTS" "$JAVA_HOME/bin/java" -jar benchmarks/target/benchmarks-$ZWY_VERSION.jar comparison
}
