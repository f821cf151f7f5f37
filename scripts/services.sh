#!/usr/bin/env bash
# 政务云 application services: build, start, stop, status (sourced by ./platform).
# Infrastructure (PostgreSQL, Redis, Elasticsearch, Keycloak) is scripts/infra.sh.
[[ -n "${_ZWY_SERVICES_SH:-}" ]] && return 0
_ZWY_SERVICES_SH=1

# A second instance (the benchmark's) runs beside the demo platform on other ports, with its own
# pid files and logs: ZWY_INSTANCE=bench ZWY_PORT_BASE=28080.
ZWY_PORT_BASE="${ZWY_PORT_BASE:-8080}"
ZWY_INSTANCE="${ZWY_INSTANCE:-}"
# name:port — started in this order (the gateway last: it fronts the others)
ZWY_SERVICES=(tenant-service:$((ZWY_PORT_BASE + 1)) case-service:$((ZWY_PORT_BASE + 2)) search-service:$((ZWY_PORT_BASE + 3)) gateway:$ZWY_PORT_BASE)
export GATEWAY_PORT=$ZWY_PORT_BASE TENANT_SERVICE_PORT=$((ZWY_PORT_BASE + 1)) CASE_SERVICE_PORT=$((ZWY_PORT_BASE + 2)) \
  SEARCH_SERVICE_PORT=$((ZWY_PORT_BASE + 3))
# actuator (health, metrics) of each service on its own port, 50 above the service's, on loopback
export GATEWAY_MANAGEMENT_PORT=$((ZWY_PORT_BASE + 50)) TENANT_SERVICE_MANAGEMENT_PORT=$((ZWY_PORT_BASE + 51)) \
  CASE_SERVICE_MANAGEMENT_PORT=$((ZWY_PORT_BASE + 52)) SEARCH_SERVICE_MANAGEMENT_PORT=$((ZWY_PORT_BASE + 53))
export ZWY_TENANT_SERVICE_URL="http://127.0.0.1:$TENANT_SERVICE_PORT" ZWY_CASE_SERVICE_URL="http://127.0.0.1:$CASE_SERVICE_PORT" \
  ZWY_SEARCH_SERVICE_URL="http://127.0.0.1:$SEARCH_SERVICE_PORT"
# the local demo: schema introspection for anonymous callers too (production default: staff only)
export ZWY_PUBLIC_INTROSPECTION="${ZWY_PUBLIC_INTROSPECTION:-true}"
ZWY_SERVICE_HEAP="${ZWY_SERVICE_HEAP:--Xms64m -Xmx256m}"
# JIT and GC of the service JVMs. The default trades peak throughput for start-up (a laptop demo,
# the system tests); the gateway benchmark sets what a production deployment runs with
# (ZWY_SERVICE_JVM_OPTS="-XX:+UseG1GC", full tiered JIT), or its figures would mislead.
ZWY_SERVICE_JVM_OPTS="${ZWY_SERVICE_JVM_OPTS:--XX:+UseSerialGC -XX:TieredStopAtLevel=1}"
ZWY_VERSION=0.1.0-SNAPSHOT

_svc_jar() { printf '%s/%s/target/%s-%s.jar' "$ZWY_REPO_ROOT" "$1" "$1" "$ZWY_VERSION"; }
_svc_pidfile() { printf '%s/%s%s.pid' "$ZWY_RUN_DIR" "${ZWY_INSTANCE:+$ZWY_INSTANCE-}" "$1"; }
_svc_log() { printf '%s/%s%s.log' "$ZWY_LOG_DIR" "${ZWY_INSTANCE:+$ZWY_INSTANCE-}" "$1"; }
# _svc_health PORT: readiness of the service on PORT, asked on its management port (PORT + 50)
_svc_health() { curl -fsS -m 2 "http://127.0.0.1:$(($1 + 50))/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; }

# build_services: package the jars when any source is newer than them (or they are missing).
build_services() {
  local stale='' s name
  for s in "${ZWY_SERVICES[@]}"; do
    name=${s%%:*}
    if [[ ! -f "$(_svc_jar "$name")" ]] || [[ -n "$(find "$ZWY_REPO_ROOT" \( -path '*/target' -o -path '*/node_modules' -o -path '*/dist' \) -prune -o \
        \( -name '*.java' -o -name '*.xml' -o -name '*.yml' -o -name '*.sql' -o -name '*.graphqls' \
           -o -name '*.vue' -o -name '*.ts' -o -name 'package-lock.json' \) \
        -newer "$(_svc_jar "$name")" -print -quit)" ]]; then
      stale=1
    fi
  done
  if [[ -z "$stale" ]]; then log "build: jars are up to date"; return 0; fi
  local t0; t0=$(now_ms)
  log "build: packaging the services (mvn package, tests skipped) ..."
  (cd "$ZWY_REPO_ROOT" && mvn -B -q -DskipTests package) >"$ZWY_LOG_DIR/build.log" 2>&1 \
    || { show_log_tail "$ZWY_LOG_DIR/build.log" 60; die "build failed (log: $ZWY_LOG_DIR/build.log)"; }
  log "build: done in $(_secs_since "$t0")s"
}

_svc_start() {
  local name=$1 port=$2 pidfile log pid
  pidfile=$(_svc_pidfile "$name")
  log=$(_svc_log "$name")
  if _svc_health "$port"; then log "$name: already running on :$port"; return 0; fi
  pid=$(pid_from_file "$pidfile" 2>/dev/null || true)
  if pid_alive "$pid"; then log "$name: starting (pid $pid)"; return 0; fi
  [[ -z "$(pid_on_port "$port")" ]] || die "$name: port $port is taken by another process (pid $(pid_on_port "$port"))"
  local user=${name%-service} jar
  # the service runs from a copy of its jar: a build (the `mvn verify` of ./platform test, a benchmark's
  # build_services) rewrites target/*.jar, and a JVM whose jar is rewritten under it fails on its next
  # class load (tenant-service then answered nothing, ClassNotFoundException in its log)
  jar="$ZWY_RUN_DIR/${ZWY_INSTANCE:+$ZWY_INSTANCE-}$name.jar"
  cp "$(_svc_jar "$name")" "$jar.tmp" && mv -f "$jar.tmp" "$jar" || die "$name: cannot copy its jar to $jar"
  # the local demo: demo profile, and the generated secrets of this service (in its environment,
  # not on a command line): its own Redis user and the events HMAC key
  (
    export SPRING_PROFILES_ACTIVE=demo ZWY_REDIS_USER="zwy-$user" ZWY_REDIS_PASSWORD="$(zwy_secret "redis-$user")" \
      ZWY_EVENTS_HMAC_KEY="$(zwy_secret events-hmac-key)"
    # shellcheck disable=SC2086
    _launch "$name" "$pidfile" "$log" "$ZWY_REPO_ROOT" "$JAVA_HOME/bin/java" $ZWY_SERVICE_HEAP \
      $ZWY_SERVICE_JVM_OPTS -Dfile.encoding=UTF-8 -jar "$jar"
  )
}

_svc_wait() {
  local name=$1 port=$2 timeout=${3:-${ZWY_SERVICE_START_TIMEOUT:-120}} i pid
  for ((i = 0; i < timeout * 2; i++)); do
    _svc_health "$port" && return 0
    pid=$(pid_from_file "$(_svc_pidfile "$name")" 2>/dev/null || true)
    if [[ -n "$pid" ]] && ! pid_alive "$pid"; then
      show_log_tail "$(_svc_log "$name")" 60 since-start
      die "$name exited during startup (log: $(_svc_log "$name"))"
    fi
    sleep 0.5
  done
  show_log_tail "$(_svc_log "$name")" 60 since-start
  # a service started by an older version answers health on its API port, not on the management port
  die "$name did not become ready on :$port (health on :$((port + 50))) within ${timeout}s" \
    "$(curl -fsS -m 2 "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1 && echo "- it runs an older build: ./platform down, then ./platform up")"
}

# services_up: start every service not yet running and wait until each is ready.
services_up() {
  local s t0; t0=$(now_ms)
  for s in "${ZWY_SERVICES[@]:0:3}"; do _svc_start "${s%%:*}" "${s##*:}"; done
  for s in "${ZWY_SERVICES[@]:0:3}"; do _svc_wait "${s%%:*}" "${s##*:}"; done
  s=${ZWY_SERVICES[3]}; _svc_start "${s%%:*}" "${s##*:}"; _svc_wait "${s%%:*}" "${s##*:}"
  ok "services: ready in $(_secs_since "$t0")s"
}

services_down() {
  local s name pid i
  for ((i = ${#ZWY_SERVICES[@]} - 1; i >= 0; i--)); do
    s=${ZWY_SERVICES[i]}; name=${s%%:*}
    pid=$(pid_from_file "$(_svc_pidfile "$name")" 2>/dev/null || true)
    if pid_alive "$pid"; then stop_pid "$name" "$pid" 30; log "$name: stopped"; fi
    rm -f "$(_svc_pidfile "$name")"
  done
}

services_status() {
  local s name port pid state
  for s in "${ZWY_SERVICES[@]}"; do
    name=${s%%:*}; port=${s##*:}
    pid=$(pid_from_file "$(_svc_pidfile "$name")" 2>/dev/null || true)
    if _svc_health "$port"; then state="running (ready)"; elif pid_alive "$pid"; then state="running (not ready)"; else state="stopped"; fi
    printf '%-16s %-20s http://127.0.0.1:%s (management :%s)  pid %s%s\n' "$name" "$state" "$port" "$((port + 50))" "${pid:--}" \
      "$(pid_alive "$pid" && printf '  rss %sMiB' "$(rss_mb "$pid")")"
  done
}

# reset_test_databases: fresh, empty databases for a test run (same owner and grants as the
# platform's), so tests never see what an earlier run left. The demo platform's data is untouched.
reset_test_databases() {
  local db prefix=${ZWY_TEST_DB_PREFIX:-zwy_test}
  for db in "${prefix}_tenant" "${prefix}_case" "${prefix}_search"; do
    _psql_super -d postgres -c "drop database if exists $db with (force)" \
      -c "create database $db owner zwy_owner encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8' template template0" \
      -c "revoke connect, temporary on database $db from public" \
      -c "grant connect on database $db to zwy_app" >/dev/null
    _psql_super -d "$db" \
      -c "revoke create on schema public from public" \
      -c "grant usage, create on schema public to zwy_owner" \
      -c "grant usage on schema public to zwy_app" \
      -c "alter default privileges for role zwy_owner in schema public grant select, insert, update, delete on tables to zwy_app" \
      -c "alter default privileges for role zwy_owner in schema public grant usage, select on sequences to zwy_app" >/dev/null
  done
  log "db: fresh test databases ${prefix}_tenant, ${prefix}_case, ${prefix}_search"
}
