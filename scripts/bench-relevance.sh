# shellcheck shell=bash
# ./platform bench relevance — the relevance harness of the guide search (issue 10, ADR 0018).
# A tenant-service of its own (ports 29080+, databases zwy_relevance_*) loads the demo catalog; the
# harness (search-service's GuideRelevanceBenchmark) reads one tenant's guides from it, indexes them on
# the real Elasticsearch with the real mapping and with the standard analyzer, scores the judged
# queries on both and writes docs/benchmarks/search-relevance.md. Sourced by ./platform.

bench_relevance() {
  pick_jdk || exit 1
  require_maven
  infra_up
  export ZWY_INSTANCE=relevance ZWY_PORT_BASE=${ZWY_RELEVANCE_PORT_BASE:-29080} ZWY_TEST_DB_PREFIX=zwy_relevance ZWY_BIND_ADDRESS=127.0.0.1
  _ZWY_SERVICES_SH=; source scripts/services.sh
  export ZWY_TENANT_DB=zwy_relevance_tenant ZWY_CASE_DB=zwy_relevance_case ZWY_SEARCH_DB=zwy_relevance_search
  export ZWY_ES_INDEX_PREFIX=zwy-relevance ZWY_EVENTS_STREAM=zwy-bench:relevance:events ZWY_EVENTS_CONSUMER=relevance-1 ZWY_DEMO=true \
    ZWY_SERVICE_START_TIMEOUT=${ZWY_SERVICE_START_TIMEOUT:-420}
  # BENCH_KEEP=1: leave the tenant-service running; a next run reuses it (and only re-scores)
  if [[ -n "${BENCH_KEEP:-}" ]]; then trap - EXIT; else trap 'services_down; infra_stop_started_by_us' EXIT; fi
  if ! _svc_health "$TENANT_SERVICE_PORT"; then
    reset_test_databases
    _redis_cli del zwy-bench:relevance:events >/dev/null 2>&1 || true
  fi
  build_services
  _svc_start tenant-service "$TENANT_SERVICE_PORT"
  _svc_wait tenant-service "$TENANT_SERVICE_PORT"
  ZWY_RELEVANCE_TENANT_URL="http://127.0.0.1:$TENANT_SERVICE_PORT" ZWY_RELEVANCE_REPORT="$ZWY_REPO_ROOT/docs/benchmarks/search-relevance.md" \
    mvn -B -q -pl search-service test -Dtest=GuideRelevanceBenchmark -Dsurefire.failIfNoSpecifiedTests=false
}
