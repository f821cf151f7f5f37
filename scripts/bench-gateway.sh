# shellcheck shell=bash
# `./platform bench gateway`: what the gateway adds to a request, next to what nginx adds.
# Sourced by ./platform (after lib.sh, infra.sh, services.sh). Starts its own instance of the four
# services (ports BENCH_PORT_BASE..+3, default 26080; databases zwy_gwbench_*) with the JVM settings
# of a production deployment, an nginx on BENCH_PORT_BASE+10 with keepalive upstreams to
# tenant-service and Keycloak, and measures each path with wrk (4 connections): first a warm-up
# pass over every path, then each path until its throughput has settled, then rounds of a short warm-up and a
# measured run per path. Paths that are compared
# run right after one another, because on a shared 2-core machine only ratios taken side by side
# mean anything. Figures: printed, and written between the markers of docs/benchmarks/gateway.md.
#
# Knobs: BENCH_PORT_BASE (26080), BENCH_DURATION (10s, measured run per path), BENCH_WARMUP (3s per
# path before its measured run), BENCH_WARMUP_PASS (5s per path in the first pass), BENCH_STEADY_PCT and
# BENCH_STEADY_MAX (until when a path is driven before it is measured: _bg_steady), BENCH_ROUNDS (3 measured
# rounds over all paths; the medians are reported), BENCH_CONNECTIONS (4), BENCH_PROFILE=1 (also record the gateway with JFR under load; summaries in the log dir),
# BENCH_NO_DOC=1 (do not touch docs/benchmarks/gateway.md), BENCH_LABEL (a word for the doc),
# BENCH_KEEP=1 (leave the services running afterwards; a next run reuses them as they are),
# BENCH_MEASURE=0 (with BENCH_PROFILE=1: only the profiles, no figures),
# BENCH_BASELINE_JAR=/path/gateway.jar (a second gateway, e.g. built from an earlier commit, on
# BENCH_PORT_BASE+5 in front of the same services; its paths run right before the current gateway's,
# so a change is measured before/after side by side instead of in two runs under different load),
# BENCH_BASELINE_ENV='NAME=value …' (extra environment of the baseline gateway, e.g. the same jar
# with other settings: BENCH_BASELINE_ENV="ZWY_TRACING_SAMPLING_PROBABILITY=1.0"),
# BENCH_PIN=1 (the proxies on a core of their own, as the Helm chart deploys the gateway beside services limited to
# one CPU each: the gateways and nginx on the last CPU, every other process of the machine, wrk included, on the
# others, for the measured part of the run; each process's own CPU set is put back at the end. ADR 0047, option 2).

# What production runs: the helm chart gives each service 512 MiB and -XX:MaxRAMPercentage=70
# (≈ 358 MiB heap) with G1; the JIT is the full tiered one (no TieredStopAtLevel).
BENCH_JVM_HEAP="${BENCH_JVM_HEAP:--Xms358m -Xmx358m}"
BENCH_JVM_OPTS="${BENCH_JVM_OPTS:--XX:+UseG1GC}"

_bg_nginx_dir=''

_bg_require_tools() {
  have nginx || apt_install nginx-light
  have nginx || apt_install nginx
  have wrk || apt_install wrk
  have nginx || die "nginx is missing and could not be installed (apt-get install nginx-light)"
  have wrk || die "wrk is missing and could not be installed (apt-get install wrk)"
}

# _bg_nginx_start PORT: nginx on 127.0.0.1:PORT, /api/ → tenant-service, /realms/ → Keycloak,
# both as keepalive upstreams (what a production reverse proxy would be configured with).
_bg_nginx_start() {
  local port=$1 d
  d="$ZWY_RUN_DIR/gwbench-nginx"
  _bg_nginx_dir=$d
  rm -rf "$d"; install -d -m 0755 "$d" "$d/tmp"
  cat >"$d/nginx.conf" <<CONF
worker_processes auto;
pid $d/nginx.pid;
error_log $d/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $d/tmp/body;
  proxy_temp_path $d/tmp/proxy;
  fastcgi_temp_path $d/tmp/fastcgi;
  uwsgi_temp_path $d/tmp/uwsgi;
  scgi_temp_path $d/tmp/scgi;
  upstream tenantservice { server 127.0.0.1:$TENANT_SERVICE_PORT; keepalive 16; }
  upstream keycloak { server $ZWY_KC_HOST:$ZWY_KC_PORT; keepalive 16; }
  server {
    listen 127.0.0.1:$port;
    location /api/ {
      proxy_pass http://tenantservice;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
    location /realms/ {
      proxy_pass http://keycloak;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
CONF
  [[ -z "$(pid_on_port "$port")" ]] || die "nginx: port $port is taken by another process (pid $(pid_on_port "$port"))"
  nginx -p "$d" -c "$d/nginx.conf" -e "$d/error.log" || die "nginx did not start (log: $d/error.log)"
  local i
  for ((i = 0; i < 50; i++)); do _tcp_open 127.0.0.1 "$port" && break; sleep 0.1; done
  log "nginx: listening on 127.0.0.1:$port (pid $(cat "$d/nginx.pid"))"
}

_bg_baseline_start() {
  local port=$1 pidfile log
  pidfile="$ZWY_RUN_DIR/gwbench-baseline-gateway.pid"; log="$ZWY_LOG_DIR/gwbench-baseline-gateway.log"
  [[ -f "$BENCH_BASELINE_JAR" ]] || die "BENCH_BASELINE_JAR: no such file $BENCH_BASELINE_JAR"
  [[ -z "$(pid_on_port "$port")" ]] || die "baseline gateway: port $port is taken (pid $(pid_on_port "$port"))"
  # shellcheck disable=SC2086
  # the same demo profile and Redis user as the current gateway (scripts/services.sh)
  (export GATEWAY_PORT=$port GATEWAY_MANAGEMENT_PORT=$((port + 50)) SPRING_PROFILES_ACTIVE=demo ZWY_REDIS_USER=zwy-gateway \
      ZWY_REDIS_PASSWORD="$(zwy_secret redis-gateway)"
    [[ -z "${BENCH_BASELINE_ENV:-}" ]] || eval "export $BENCH_BASELINE_ENV"
    _launch gateway-baseline "$pidfile" "$log" "$ZWY_REPO_ROOT" "$JAVA_HOME/bin/java" \
    $ZWY_SERVICE_HEAP $ZWY_SERVICE_JVM_OPTS -Dfile.encoding=UTF-8 -jar "$BENCH_BASELINE_JAR")
  local i pid
  for ((i = 0; i < ZWY_SERVICE_START_TIMEOUT * 2; i++)); do
    _svc_health "$port" && { log "baseline gateway: ready on :$port ($BENCH_BASELINE_JAR)"; return 0; }
    pid=$(pid_from_file "$pidfile" 2>/dev/null || true)
    [[ -n "$pid" ]] || { show_log_tail "$log" 40 since-start; die "baseline gateway exited during start-up"; }
    sleep 0.5
  done
  die "baseline gateway did not become ready on :$port"
}

# The baseline gateway's pid, if it runs.
_bg_baseline_pid() {
  pid_from_file "$ZWY_RUN_DIR/gwbench-baseline-gateway.pid" 2>/dev/null
}

_bg_baseline_stop() {
  local pid
  pid=$(_bg_baseline_pid) || return 0
  stop_pid gateway-baseline "$pid" 30 || true
}

# BENCH_PIN=1: every process's CPU set before pinning (pid → mask), put back by _bg_unpin.
declare -gA _bg_masks=()
_bg_pin_note=''

# _bg_pin: the gateways and nginx on the last CPU, every other process (this shell, so wrk too) on the others.
_bg_pin() {
  local n last rest p mask proxies=()
  n=$(nproc --all); (( n >= 2 )) || die "BENCH_PIN=1 needs at least 2 CPUs (this machine has $n)"
  have taskset || die "BENCH_PIN=1 needs taskset (util-linux)"
  last=$((n - 1)); rest=0; (( n == 2 )) || rest="0-$((n - 2))"
  proxies+=("$(pid_on_port "$GATEWAY_PORT")")
  [[ -z "${BENCH_BASELINE_JAR:-}" ]] || proxies+=("$(_bg_baseline_pid || true)")
  if [[ -s "$_bg_nginx_dir/nginx.pid" ]]; then
    p=$(cat "$_bg_nginx_dir/nginx.pid"); proxies+=("$p"); mapfile -t -O "${#proxies[@]}" proxies < <(pgrep -P "$p")
  fi
  for p in /proc/[0-9]*; do
    p=${p#/proc/}
    mask=$(taskset -p "$p" 2>/dev/null | awk '{print $NF}') || continue
    [[ -n "$mask" ]] || continue
    # kernel threads and processes that may not be moved keep their CPUs
    taskset -a -p -c "$rest" "$p" >/dev/null 2>&1 && _bg_masks[$p]=$mask
  done
  for p in "${proxies[@]}"; do
    [[ -n "$p" ]] && taskset -a -p -c "$last" "$p" >/dev/null || die "BENCH_PIN=1: could not pin pid '$p' to CPU $last"
  done
  _bg_pin_note="- pinned (\`BENCH_PIN=1\`, ADR 0047): the gateway$([[ -z "${BENCH_BASELINE_JAR:-}" ]] || echo 's') and nginx on CPU $last; every other process of the machine (the services, PostgreSQL, Redis, Keycloak, wrk) on CPU $rest"$'\n'
  log "pinned: gateway(s) and nginx (pids ${proxies[*]}) on CPU $last, ${#_bg_masks[@]} other processes on CPU $rest"
}

# Puts every process pinned by _bg_pin back on the CPUs it had.
_bg_unpin() {
  local p
  for p in "${!_bg_masks[@]}"; do taskset -a -p "${_bg_masks[$p]}" "$p" >/dev/null 2>&1 || true; done
  (( ${#_bg_masks[@]} == 0 )) || log "unpinned: ${#_bg_masks[@]} processes back on their CPUs"
  _bg_masks=()
}

_bg_nginx_stop() {
  [[ -n "$_bg_nginx_dir" && -s "$_bg_nginx_dir/nginx.pid" ]] || return 0
  nginx -p "$_bg_nginx_dir" -c "$_bg_nginx_dir/nginx.conf" -e "$_bg_nginx_dir/error.log" -s quit 2>/dev/null || true
  _bg_nginx_dir=''
}

# _bg_ms VALUE: wrk's latency ("812.00us", "1.23ms", "1.02s") in milliseconds.
_bg_ms() {
  awk -v v="$1" 'BEGIN {
    n = v + 0
    if (v ~ /us$/) n = n / 1000; else if (v ~ /ms$/) n = n; else if (v ~ /m$/) n = n * 60000; else if (v ~ /s$/) n = n * 1000
    printf "%.2f", n }'
}

# Results, by path key: requests/s, p50 ms, p99 ms, failed requests, label.
declare -gA _bg_rps=() _bg_p50=() _bg_p99=() _bg_fail=() _bg_label=() _bg_runs=() _bg_steady_runs=()
declare -ga _bg_order=()
# path definitions: key → "METHOD URL [BODY]"
declare -gA _bg_url=() _bg_body=() _bg_token=()

# _bg_path KEY LABEL URL [BODY] [USER]: a path to measure (BODY: GraphQL POST body; USER: a staff
# account whose token every request carries — fetched anew before each run, staff tokens live 5 minutes).
_bg_path() {
  _bg_order+=("$1"); _bg_label[$1]=$2; _bg_url[$1]=$3; _bg_body[$1]=${4:-}; _bg_token[$1]=${5:-}
}

# _bg_bearer KEY: a fresh access token for the path's account, or nothing.
_bg_bearer() {
  [[ -n "${_bg_token[$1]}" ]] || return 0
  _bg_token_for "${_bg_token[$1]}" || die "no token for ${_bg_token[$1]} from Keycloak"
}

# _bg_wrk KEY DURATION: run wrk on one path; prints wrk's output.
_bg_wrk() {
  local key=$1 dur=$2 token
  local args=(-t2 "-c${BENCH_CONNECTIONS:-4}" "-d$dur" --latency --timeout 5s)
  token=$(_bg_bearer "$key")
  if [[ -n "${_bg_body[$key]}" ]]; then
    GRAPHQL_BODY="${_bg_body[$key]}" GRAPHQL_TOKEN="$token" \
      wrk "${args[@]}" -s "$ZWY_REPO_ROOT/benchmarks/graphql-post.lua" "${_bg_url[$key]}"
  elif [[ -n "$token" ]]; then
    wrk "${args[@]}" -H "Authorization: Bearer $token" "${_bg_url[$key]}"
  else
    wrk "${args[@]}" "${_bg_url[$key]}"
  fi
}

# _bg_check KEY: one request must succeed before a path is measured (a benchmark of errors is worthless).
_bg_check() {
  local key=$1 out code token
  local args=(-sS -m 10 -o "$ZWY_RUN_DIR/gwbench-check.out" -w '%{http_code}')
  token=$(_bg_bearer "$key")
  [[ -n "$token" ]] && args+=(-H "Authorization: Bearer $token")
  if [[ -n "${_bg_body[$key]}" ]]; then
    args+=(-H 'Content-Type: application/json' -d "${_bg_body[$key]}")
  fi
  code=$(curl "${args[@]}" "${_bg_url[$key]}") || code=000
  out=$(head -c 400 "$ZWY_RUN_DIR/gwbench-check.out" 2>/dev/null || true)
  if [[ "$code" != 200 ]] || [[ -n "${_bg_body[$key]}" && "$out" == *'"errors"'* ]]; then
    die "${_bg_label[$key]}: ${_bg_url[$key]} answered $code: $out"
  fi
}

# _bg_measure KEY: one measured run of a path (after a short warm-up); appends its figures to the
# path's list of rounds (_bg_runs), from which _bg_median_of takes the figures reported.
_bg_measure() {
  local key=$1 out rps p50 p99
  _bg_wrk "$key" "${BENCH_WARMUP:-3s}" >/dev/null
  out=$(_bg_wrk "$key" "${BENCH_DURATION:-10s}")
  printf '%s\n' "$out" >>"$ZWY_LOG_DIR/gwbench-wrk.log"
  rps=$(awk '/^Requests\/sec:/{printf "%.0f", $2}' <<<"$out")
  p50=$(_bg_ms "$(awk '$1=="50%"{print $2}' <<<"$out")")
  p99=$(_bg_ms "$(awk '$1=="99%"{print $2}' <<<"$out")")
  local non2xx gql sockerr
  non2xx=$(awk '/Non-2xx or 3xx responses:/{print $NF}' <<<"$out")
  gql=$(awk '/^graphql_failed:/{print $2}' <<<"$out")
  sockerr=$(awk -F'[ ,]+' '/Socket errors:/{print $5+$7+$9+$11}' <<<"$out")
  _bg_fail[$key]=$(( ${_bg_fail[$key]:-0} + ${gql:-${non2xx:-0}} + ${sockerr:-0} ))
  _bg_runs[$key]+="$rps $p50 $p99"$'\n'
  printf '  %-58s %7s req/s  p50 %7s ms  p99 %7s ms  failed %s\n' "${_bg_label[$key]}" "$rps" "$p50" "$p99" "${_bg_fail[$key]}"
}

# _bg_median_of KEY: the figures reported for a path are the medians of its rounds, each figure on
# its own (one round disturbed by the shared machine does not decide the result).
_bg_median_of() {
  local key=$1
  _bg_rps[$key]=$(_bg_median 1 <<<"${_bg_runs[$key]}")
  _bg_p50[$key]=$(_bg_median 2 <<<"${_bg_runs[$key]}")
  _bg_p99[$key]=$(_bg_median 3 <<<"${_bg_runs[$key]}")
}

# _bg_median COLUMN: the median of one column of the lines on stdin (the lower middle one for an even count).
_bg_median() {
  awk -v c="$1" 'NF {print $c}' | sort -g | awk '{v[NR] = $1} END {if (NR) print v[int((NR + 1) / 2)]}'
}

# _bg_steady KEY: drives a path in 5 s runs until its throughput has settled: the last run within BENCH_STEADY_PCT
# (default 8 %) of the run six before it (30 s earlier), or BENCH_STEADY_MAX runs (default 36, 3 min). Two runs in a
# row are not enough: the gateway's JVM needs minutes of load before C2 has compiled its deep reactive call paths,
# and it speeds up by a few percent per run while doing so (measured after 5 s of warm-up it served the one-field
# read at half the rate it reached after three minutes, docs/benchmarks/gateway.md, 2026-12-04). A production
# gateway runs warm.
_bg_steady() {
  local key=$1 i rps pct=${BENCH_STEADY_PCT:-8} trail='' before max=${BENCH_STEADY_MAX:-36}
  local -a seen=()
  for ((i = 1; i <= max; i++)); do
    rps=$(_bg_wrk "$key" 5s | awk '/^Requests\/sec:/{printf "%.0f", $2}')
    rps=${rps:-0}
    trail+=" $rps"; seen+=("$rps")
    if ((i > 6)); then
      before=${seen[$((i - 7))]}
      if ((before > 0 && rps > 0)) && (( (rps > before ? rps - before : before - rps) * 100 <= pct * before )); then break; fi
    fi
  done
  _bg_steady_runs[$key]=$((i > max ? max : i))
  printf '  %-58s steady after %3d × 5 s (req/s:%s)\n' "${_bg_label[$key]}" "${_bg_steady_runs[$key]}" "$trail"
}

# _bg_steady_summary: how long the gateway's paths took to settle, e.g. "hall 9 × 5 s, items 7 × 5 s".
_bg_steady_summary() {
  local key out=''
  for key in "${_bg_order[@]}"; do
    [[ "$key" == *.gateway || "$key" == *.apq ]] || continue
    out+="${out:+, }${key%%.*}"; [[ "$key" == *.apq ]] && out+=" (APQ)"
    out+=" ${_bg_steady_runs[$key]:-?} × 5 s"
  done
  printf '%s' "$out"
}

# _bg_token_for USER: an access token of the staff realm (password grant of demo-cli, local demo only).
_bg_token_for() {
  curl -fsS -m 10 -d grant_type=password -d client_id=demo-cli -d "username=$1" -d password=demo \
    "$ZWY_KC_URL/realms/staff/protocol/openid-connect/token" | jq -r .access_token
}

# _bg_json QUERY [EXTENSIONS_JSON]: a GraphQL POST body.
_bg_json() {
  if [[ -n "${2:-}" ]]; then jq -cn --arg q "$1" --argjson e "$2" '{query: $q, extensions: $e}'
  else jq -cn --arg q "$1" '{query: $q}'; fi
}

# _bg_apq_supported GATEWAY_URL: the gateway understands Apollo's automatic persisted queries.
_bg_apq_supported() {
  local r
  r=$(curl -sS -m 10 -H 'Content-Type: application/json' \
    -d '{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"0000000000000000000000000000000000000000000000000000000000000000"}}}' \
    "$1/graphql" 2>/dev/null) || return 1
  [[ "$r" == *PersistedQueryNotFound* ]]
}

# _bg_profile NAME KEY SECONDS: JFR of the gateway while wrk drives one path; CPU samples summarised.
_bg_profile() {
  local name=$1 key=$2 secs=$3 pid f
  pid=$(pid_from_file "$(_svc_pidfile gateway)") || { warn "no gateway pid: no profile"; return 0; }
  f="$ZWY_LOG_DIR/gwbench-$name.jfr"
  rm -f "$f"
  jcmd "$pid" JFR.start name="gwbench-$name" settings=profile duration="${secs}s" filename="$f" >/dev/null
  _bg_wrk "$key" "${secs}s" >/dev/null
  sleep 2
  local i
  for ((i = 0; i < 30; i++)); do [[ -s "$f" ]] && break; sleep 1; done
  [[ -s "$f" ]] || { warn "JFR recording $f missing"; return 0; }
  {
    echo "# gateway CPU profile while wrk drives: ${_bg_label[$key]} (${secs}s, JFR settings=profile)"
    echo
    echo "## CPU samples by library (of the leaf-most frame outside the JDK)"
    _bg_profile_groups "$f"
    echo
    jfr view --width 160 hot-methods "$f" 2>/dev/null | head -40
  } >"$ZWY_LOG_DIR/gwbench-$name-profile.txt"
  log "  profile: $ZWY_LOG_DIR/gwbench-$name-profile.txt (recording $f)"
}

_bg_profiles() {
  log "profiling the gateway with JFR ..."
  _bg_profile graphql-hall hall.gateway 20
  _bg_profile graphql-token token.gateway 20
  _bg_profile realms realms.gateway 15
}

# _bg_profile_groups JFR: CPU samples by the library of their leaf-most frame outside the JDK (a
# sample in HashMap.get called from Micrometer counts for Micrometer), so the shares add up to 100 %.
_bg_profile_groups() {
  jfr print --events jdk.ExecutionSample --stack-depth 256 "$1" | awk '
    BEGIN {
      n = split("graphql parse=graphql.parser,graphql.org.antlr|graphql validation=graphql.validation|" \
        "graphql execution and instrumentation=graphql.|spring graphql=org.springframework.graphql|" \
        "observation, metrics, tracing (micrometer, brave)=io.micrometer,brave.|JSON (jackson)=tools.jackson,com.fasterxml|" \
        "spring security, JWT (nimbus)=org.springframework.security,com.nimbusds|redis (rate limiter)=io.lettuce,org.springframework.data.redis|" \
        "spring cloud gateway=org.springframework.cloud.gateway|webclient=org.springframework.web.reactive.function.client|" \
        "spring web, http=org.springframework.web,org.springframework.http|spring core, util=org.springframework.core,org.springframework.util|" \
        "reactor netty=reactor.netty|netty=io.netty|reactor core, context=reactor.|zwy code=cn.zwy|logging=ch.qos.logback,org.slf4j", groups, "|")
    }
    function flush() { if (inside) { count[cat == "" ? "JDK only" : cat]++ } }
    /^jdk.ExecutionSample/ { flush(); inside = 1; cat = ""; done = 0; total++; next }
    /^[ \t]+[a-zA-Z_$][a-zA-Z0-9_$.]*\(/ {
      if (done) next
      frame = $1
      if (frame ~ /^(java|jdk|sun)\./) next
      done = 1; cat = "other"
      for (g = 1; g <= n && cat == "other"; g++) {
        name = groups[g]; sub(/=.*/, "", name); pkgs = groups[g]; sub(/^[^=]*=/, "", pkgs)
        m = split(pkgs, p, ",")
        for (k = 1; k <= m; k++) if (index(frame, p[k]) == 1) { cat = name; break }
      }
    }
    END {
      flush()
      printf "samples: %d\n", total
      for (c in count) printf "  %5.1f %%  %s\n", 100 * count[c] / total, c | "sort -rn"
    }'
}

# _bg_ratio A B: A/B with two decimals, or n/a when B is not meaningfully above zero.
_bg_ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0.05) print "n/a"; else printf "%.2f", a / b }'; }
_bg_sub() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a - b }'; }
_bg_pct() { awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0) print "n/a"; else printf "%.0f %%", 100 * a / b }'; }

# _bg_report: the table and the ratios, as Markdown.
_bg_report() {
  local key direct
  echo "| path | requests/s | p50 | p99 | p50 added to the direct call | failed |"
  echo "|---|---|---|---|---|---|"
  for key in "${_bg_order[@]}"; do
    direct=${key%%.*}.direct
    local added='—'
    [[ "$key" != "$direct" && -n "${_bg_p50[$direct]:-}" ]] && added="$(_bg_sub "${_bg_p50[$key]}" "${_bg_p50[$direct]}") ms"
    printf '| %s | %s | %s ms | %s ms | %s | %s |\n' "${_bg_label[$key]}" "${_bg_rps[$key]}" "${_bg_p50[$key]}" \
      "${_bg_p99[$key]}" "$added" "${_bg_fail[$key]}"
  done
  echo
  echo "| compared side by side | p50 through the gateway − through nginx | gateway's added p50 ÷ nginx's | gateway's throughput ÷ nginx's | gateway's throughput ÷ direct | goal |"
  echo "|---|---|---|---|---|---|"
  local g goal gw
  local gws=(gateway); [[ -n "${_bg_p50[hall.baseline]:-}" ]] && gws=(baseline gateway)
  local v
  for g in realms hall items token; do for v in "${gws[@]}"; do
    [[ -n "${_bg_p50[$g.direct]:-}" ]] || continue
    gw=$g.$v
    case $g in
      realms) goal="added p50 ≤ 1.5× nginx's, throughput ≥ 70 % of nginx's" ;;
      hall) goal="one-field read: throughput ≥ 60 % of direct, added p50 ≤ 3 ms" ;;
      *) goal="—" ;;
    esac
    printf '| %s | %s ms | %s | %s | %s | %s |\n' "${_bg_label[$gw]}" "$(_bg_sub "${_bg_p50[$gw]}" "${_bg_p50[$g.nginx]}")" \
      "$(_bg_ratio "$(_bg_sub "${_bg_p50[$gw]}" "${_bg_p50[$g.direct]}")" "$(_bg_sub "${_bg_p50[$g.nginx]}" "${_bg_p50[$g.direct]}")")" \
      "$(_bg_pct "${_bg_rps[$gw]}" "${_bg_rps[$g.nginx]}")" "$(_bg_pct "${_bg_rps[$gw]}" "${_bg_rps[$g.direct]}")" "$goal"
  done; done
  if [[ -n "${_bg_p50[hall.apq]:-}" ]]; then
    printf '| %s | %s ms | %s | %s | %s | |\n' "${_bg_label[hall.apq]}" "$(_bg_sub "${_bg_p50[hall.apq]}" "${_bg_p50[hall.nginx]}")" \
      "$(_bg_ratio "$(_bg_sub "${_bg_p50[hall.apq]}" "${_bg_p50[hall.direct]}")" "$(_bg_sub "${_bg_p50[hall.nginx]}" "${_bg_p50[hall.direct]}")")" \
      "$(_bg_pct "${_bg_rps[hall.apq]}" "${_bg_rps[hall.nginx]}")" "$(_bg_pct "${_bg_rps[hall.apq]}" "${_bg_rps[hall.direct]}")"
  fi
}

# _bg_write_doc BLOCK: replace the generated block of docs/benchmarks/gateway.md (the analysis around it stays).
_bg_write_doc() {
  local doc="$ZWY_REPO_ROOT/docs/benchmarks/gateway.md" block=$1 begin='<!-- bench-gateway:begin -->' end='<!-- bench-gateway:end -->'
  mkdir -p "$(dirname "$doc")"
  if [[ ! -f "$doc" ]] || ! grep -qF "$begin" "$doc"; then
    printf '# Gateway benchmark\n\n%s\n%s\n\n' "$begin" "$end" >>"$doc"
  fi
  local tmp; tmp=$(mktemp)
  printf '%s\n' "$block" >"$tmp.block"
  awk -v b="$begin" -v e="$end" -v f="$tmp.block" '
    $0 == b { print; while ((getline line < f) > 0) print line; skip = 1; next }
    $0 == e { skip = 0 }
    !skip { print }' "$doc" >"$tmp"
  mv "$tmp" "$doc"; rm -f "$tmp.block"
  log "figures written to docs/benchmarks/gateway.md"
}

bench_gateway() {
  local t0; t0=$(now_ms)
  pick_jdk || exit 1
  require_maven
  ensure_tools
  _bg_require_tools
  infra_up
  local base=${BENCH_PORT_BASE:-26080} nginx_port
  nginx_port=$((base + 10))
  export ZWY_INSTANCE=gwbench ZWY_PORT_BASE=$base ZWY_TEST_DB_PREFIX=zwy_gwbench
  export ZWY_SERVICE_HEAP="$BENCH_JVM_HEAP"
  export ZWY_SERVICE_JVM_OPTS="$BENCH_JVM_OPTS${BENCH_PROFILE:+ -XX:FlightRecorderOptions=stackdepth=256}"
  _ZWY_SERVICES_SH=; source "$ZWY_REPO_ROOT/scripts/services.sh"
  if [[ -n "${BENCH_KEEP:-}" ]]; then trap '_bg_unpin; _bg_nginx_stop; _bg_baseline_stop' EXIT
  else trap '_bg_unpin; _bg_nginx_stop; _bg_baseline_stop; services_down; infra_stop_started_by_us' EXIT; fi
  # services of an earlier BENCH_KEEP run are reused with their data
  _svc_health "$TENANT_SERVICE_PORT" || reset_test_databases
  # four JVMs compiling at once on a busy 2-core machine can take minutes to start
  export ZWY_SERVICE_START_TIMEOUT=${ZWY_SERVICE_START_TIMEOUT:-420}
  export ZWY_TENANT_DB=zwy_gwbench_tenant ZWY_CASE_DB=zwy_gwbench_case ZWY_SEARCH_DB=zwy_gwbench_search
  # the operation limit and the cost bucket would cut a load test short: they are set out of reach, but
  # still counted (the Redis round trip of every operation is part of what is measured); everything
  # else is as deployed. Redis keys in the benchmark namespace the services' ACL users may use.
  export ZWY_ES_INDEX_PREFIX=zwy-gwbench ZWY_EVENTS_STREAM=zwy-bench:gw:events ZWY_EVENTS_CONSUMER=gwbench-1 ZWY_DEMO=true \
    ZWY_RATE_LIMIT_PER_MINUTE=100000000 ZWY_QUERY_COST_BUCKET=100000000 ZWY_QUERY_COST_RESTORE_PER_SECOND=1000000 \
    ZWY_RATE_LIMIT_KEY_PREFIX=zwy-bench:gw:rl:
  curl -fsS -m 10 -X DELETE "$ZWY_ES_URL/zwy-gwbench*" >/dev/null 2>&1 || true
  redis_delete_matching 'zwy-bench:gw:*' >/dev/null 2>&1 || true
  build_services
  services_up
  _bg_nginx_start "$nginx_port"
  local bl=''
  if [[ -n "${BENCH_BASELINE_JAR:-}" ]]; then
    _bg_baseline_start $((base + 5))
    bl="http://127.0.0.1:$((base + 5))"
  fi
  : >"$ZWY_LOG_DIR/gwbench-wrk.log"

  local gw="http://127.0.0.1:$GATEWAY_PORT" ts="http://127.0.0.1:$TENANT_SERVICE_PORT" ng="http://127.0.0.1:$nginx_port"
  local certs=/realms/staff/protocol/openid-connect/certs token
  local q_hall='{ hall(tenantCode:"441825") { name address phone } }'
  local q_items='{ items(tenantCode:"441825", filter:{toleratedMissing:true}, first:20) { edges { node { id name department promisedLimit { value unit } tags } } pageInfo { endCursor hasNextPage } } }'
  local q_token='{ hallChanges(tenantCode:"441825", first:5) { totalCount edges { node { changedBy changedAt } } } }'
  token=lianshan.admin
  _bg_path realms.direct "Keycloak certs, direct" "$ZWY_KC_URL$certs"
  _bg_path realms.nginx "Keycloak certs, through nginx" "$ng$certs"
  [[ -z "$bl" ]] || _bg_path realms.baseline "Keycloak certs, through the baseline gateway" "$bl$certs"
  _bg_path realms.gateway "Keycloak certs, through the gateway's /realms/** route" "$gw$certs"
  _bg_path hall.direct "tenant-service GET /api/tenants/441825/hall, direct" "$ts/api/tenants/441825/hall"
  _bg_path hall.nginx "the same through nginx" "$ng/api/tenants/441825/hall"
  [[ -z "$bl" ]] || _bg_path hall.baseline "GraphQL hall, baseline gateway" "$bl/graphql" "$(_bg_json "$q_hall")"
  _bg_path hall.gateway "GraphQL hall { name address phone } (one-field read)" "$gw/graphql" "$(_bg_json "$q_hall")"
  if _bg_apq_supported "$gw"; then
    local hash; hash=$(printf '%s' "$q_hall" | sha256sum | cut -d' ' -f1)
    # register the document once, then send only its hash (what the app and mini-program do)
    curl -fsS -m 10 -H 'Content-Type: application/json' \
      -d "$(_bg_json "$q_hall" "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"$hash\"}}")" "$gw/graphql" >/dev/null
    _bg_path hall.apq "the same by persisted-query hash (APQ)" "$gw/graphql" \
      "{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"$hash\"}}}"
  fi
  _bg_path items.direct "tenant-service GET /api/tenants/441825/items?first=20, direct" "$ts/api/tenants/441825/items?toleratedMissing=true&first=20"
  _bg_path items.nginx "the same through nginx" "$ng/api/tenants/441825/items?toleratedMissing=true&first=20"
  [[ -z "$bl" ]] || _bg_path items.baseline "GraphQL items(first: 20), baseline gateway" "$bl/graphql" "$(_bg_json "$q_items")"
  _bg_path items.gateway "GraphQL items(first: 20) (catalog list)" "$gw/graphql" "$(_bg_json "$q_items")"
  _bg_path token.direct "tenant-service GET …/hall-changes?first=5 with a staff token, direct" "$ts/api/tenants/441825/hall-changes?first=5" "" "$token"
  _bg_path token.nginx "the same through nginx" "$ng/api/tenants/441825/hall-changes?first=5" "" "$token"
  [[ -z "$bl" ]] || _bg_path token.baseline "GraphQL hallChanges with a staff token, baseline gateway" "$bl/graphql" "$(_bg_json "$q_token")" "$token"
  _bg_path token.gateway "GraphQL hallChanges(first: 5) with a staff token" "$gw/graphql" "$(_bg_json "$q_token")" "$token"

  local key
  for key in "${_bg_order[@]}"; do _bg_check "$key"; done
  [[ -z "${BENCH_PIN:-}" ]] || _bg_pin
  if [[ "${BENCH_MEASURE:-1}" == 0 ]]; then
    for key in hall.gateway token.gateway realms.gateway; do _bg_wrk "$key" 10s >/dev/null; done
    _bg_profiles
    return 0
  fi
  log "warm-up: ${BENCH_WARMUP_PASS:-5s} per path, then each path until its throughput is steady (the JIT compiles the hot paths of every JVM involved)"
  for key in "${_bg_order[@]}"; do _bg_wrk "$key" "${BENCH_WARMUP_PASS:-5s}" >/dev/null; done
  for key in "${_bg_order[@]}"; do _bg_steady "$key"; done
  local load_before round rounds=${BENCH_ROUNDS:-3}
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  log "measuring: $rounds rounds over every path, each ${BENCH_WARMUP:-3s} warm-up + ${BENCH_DURATION:-10s} measured per path, ${BENCH_CONNECTIONS:-4} connections"
  for ((round = 1; round <= rounds; round++)); do
    log "round $round of $rounds"
    for key in "${_bg_order[@]}"; do _bg_measure "$key"; done
  done
  for key in "${_bg_order[@]}"; do _bg_median_of "$key"; done
  local load_after; load_after=$(cut -d' ' -f1-3 /proc/loadavg)

  local table; table=$(_bg_report)
  local javav; javav=$("$JAVA_HOME/bin/java" -version 2>&1 | head -n1)
  local block baseline_note=''
  [[ -z "$bl" ]] || baseline_note="- baseline gateway: \`$BENCH_BASELINE_JAR\`${BENCH_BASELINE_ENV:+ with \`$BENCH_BASELINE_ENV\`} on port $((base + 5)), in front of the same services, each of its paths measured right before the current gateway's"$'\n'
  block=$(cat <<DOC
Run $(date -u '+%Y-%m-%d %H:%M UTC')${BENCH_LABEL:+ ($BENCH_LABEL)}, commit $(git -C "$ZWY_REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ZWY_REPO_ROOT" diff --quiet 2>/dev/null || echo ' with local changes'), with \`./platform bench gateway\`.

- machine: $(nproc --all) cores ($(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)), $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo); load average $load_before before the measured runs, $load_after after; shared with the demo platform and other work, so read the ratios, not the absolute figures
- JVM: $javav; every service started with \`$ZWY_SERVICE_HEAP $ZWY_SERVICE_JVM_OPTS\` (full tiered JIT)
- load: wrk, 2 threads, ${BENCH_CONNECTIONS:-4} connections; a ${BENCH_WARMUP_PASS:-5s} warm-up pass over every path, then each path driven in 5 s runs until one was within ${BENCH_STEADY_PCT:-8} % of the one 30 s before it (gateway paths: $(_bg_steady_summary)); then ${BENCH_ROUNDS:-3} rounds over every path, per path ${BENCH_WARMUP:-3s} warm-up and ${BENCH_DURATION:-10s} measured, compared paths one right after the other; each figure is the median of its rounds
$baseline_note$_bg_pin_note- nginx $(nginx -v 2>&1 | sed 's/.*nginx\///'): \`proxy_pass\` to keepalive upstreams, worker_processes auto, access log off

$table
DOC
)
  echo
  printf '%s\n' "$block"
  [[ -z "${BENCH_PROFILE:-}" ]] || _bg_profiles
  [[ -n "${BENCH_NO_DOC:-}" ]] || _bg_write_doc "$block"
  log "gateway benchmark done in $(_secs_since "$t0")s (wrk output: $ZWY_LOG_DIR/gwbench-wrk.log)"
}
