# shellcheck shell=bash
# Local infrastructure for 政务云 (zwy): PostgreSQL, Redis, Elasticsearch, Keycloak.
# Source it (after or without scripts/lib.sh); do not execute it.
#
#   infra_up                   start whatever does not answer yet, wait until healthy
#   infra_down                 stop ES + Keycloak (+ PostgreSQL/Redis only if we started them)
#   infra_stop_started_by_us   stop only what this run (ZWY_RUN_ID) started
#   infra_status               one line per component
#   ensure_postgres ensure_redis ensure_db_roles ensure_elasticsearch ensure_keycloak
#   keycloak_sync_realms       (re)import keycloak/realms/*.json that changed
#
# All passwords here are LOCAL DEMO credentials.

# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [[ -n "${_ZWY_INFRA_SH:-}" ]]; then return 0; fi
_ZWY_INFRA_SH=1

# Identifies "the current run" for infra_stop_started_by_us (inherited by child shells).
ZWY_RUN_ID="${ZWY_RUN_ID:-$$.$(date +%s%N)}"
export ZWY_RUN_ID

# ---------------------------------------------------------------- settings
ZWY_PG_HOST="${ZWY_PG_HOST:-127.0.0.1}"
ZWY_PG_PORT="${ZWY_PG_PORT:-5432}"
ZWY_REDIS_HOST="${ZWY_REDIS_HOST:-127.0.0.1}"
ZWY_REDIS_PORT="${ZWY_REDIS_PORT:-6379}"

ZWY_ES_VERSION="${ZWY_ES_VERSION:-8.19.21}"
ZWY_ES_ARTIFACT="${ZWY_ES_ARTIFACT:-org.elasticsearch.distribution.integ-test-zip:elasticsearch:$ZWY_ES_VERSION:zip}"
ZWY_ES_HOME="${ZWY_ES_HOME:-$ZWY_HOME/elasticsearch}"
ZWY_ES_DATA="${ZWY_ES_DATA:-$ZWY_DATA_DIR/elasticsearch}"
ZWY_ES_LOGS="${ZWY_ES_LOGS:-$ZWY_LOG_DIR/elasticsearch}"
ZWY_ES_HOST="${ZWY_ES_HOST:-127.0.0.1}"
ZWY_ES_PORT="${ZWY_ES_PORT:-9200}"
ZWY_ES_TRANSPORT_PORT="${ZWY_ES_TRANSPORT_PORT:-9300}"
ZWY_ES_JAVA_OPTS="${ZWY_ES_JAVA_OPTS:--Xms768m -Xmx768m}"
ZWY_ES_TIMEOUT="${ZWY_ES_TIMEOUT:-180}"
ZWY_ES_URL="http://$ZWY_ES_HOST:$ZWY_ES_PORT"
# backups (./platform backup, scripts/backup.sh): Elasticsearch writes snapshots only below its path.repo
ZWY_BACKUP_ROOT="${ZWY_BACKUP_ROOT:-$ZWY_HOME/backups}"

ZWY_KC_VERSION="${ZWY_KC_VERSION:-26.5.6}"
ZWY_KC_ARTIFACT="${ZWY_KC_ARTIFACT:-org.keycloak:keycloak-quarkus-dist:$ZWY_KC_VERSION:zip}"
ZWY_KC_HOME="${ZWY_KC_HOME:-$ZWY_HOME/keycloak}"
ZWY_KC_HOST="${ZWY_KC_HOST:-127.0.0.1}"
ZWY_KC_PORT="${ZWY_KC_PORT:-8180}"
ZWY_KC_MGMT_PORT="${ZWY_KC_MGMT_PORT:-9180}"
ZWY_KC_URL="http://$ZWY_KC_HOST:$ZWY_KC_PORT"
ZWY_KC_HEAP="${ZWY_KC_HEAP:--Xms256m -Xmx512m}"
ZWY_KC_ADMIN_USER="${ZWY_KC_ADMIN_USER:-admin}"
# Keycloak's bootstrap administrator password: "admin" ONLY in the clearly marked local demo
# (ZWY_DEMO=true, which ./platform sets); anywhere else ZWY_KC_ADMIN_PASSWORD must be given.
if [[ -z "${ZWY_KC_ADMIN_PASSWORD:-}" && "${ZWY_DEMO:-}" == true ]]; then
  ZWY_KC_ADMIN_PASSWORD=admin  # local demo only
fi
ZWY_KC_ADMIN_PASSWORD="${ZWY_KC_ADMIN_PASSWORD:-}"
ZWY_KC_DB_NAME="${ZWY_KC_DB_NAME:-keycloak}"
ZWY_KC_DB_USER="${ZWY_KC_DB_USER:-keycloak}"
ZWY_KC_DB_PASSWORD="${ZWY_KC_DB_PASSWORD:-keycloak_demo}" # local demo only
ZWY_KC_REALM_DIR="${ZWY_KC_REALM_DIR:-$ZWY_REPO_ROOT/keycloak/realms}"
ZWY_KC_TIMEOUT="${ZWY_KC_TIMEOUT:-300}"
ZWY_KC_LOG="$ZWY_LOG_DIR/keycloak.log"

ZWY_DB_INIT_SQL="${ZWY_DB_INIT_SQL:-$ZWY_REPO_ROOT/scripts/db-init.sql}"

export ZWY_PG_HOST ZWY_PG_PORT ZWY_REDIS_HOST ZWY_REDIS_PORT ZWY_ES_URL ZWY_KC_URL

# ---------------------------------------------------------------- started-by-us markers
_mark_started() { printf '%s\n' "$ZWY_RUN_ID" >"$ZWY_RUN_DIR/started-by-us.$1"; }
_unmark_started() { rm -f "$ZWY_RUN_DIR/started-by-us.$1"; }
_started_by_us() { [[ -f "$ZWY_RUN_DIR/started-by-us.$1" ]]; }
_started_this_run() { [[ -f "$ZWY_RUN_DIR/started-by-us.$1" && "$(cat "$ZWY_RUN_DIR/started-by-us.$1")" == "$ZWY_RUN_ID" ]]; }

# _launch NAME PIDFILE LOGFILE WORKDIR CMD...: start CMD detached (own session, stdin
# /dev/null, output appended to LOGFILE), write its pid to PIDFILE.  Returns at once.
_launch() {
  local name=$1 pidfile=$2 logfile=$3 workdir=$4
  shift 4
  rm -f "$pidfile"
  printf '===== %s starting %s (run %s) =====\n' "$(date '+%F %T')" "$name" "$ZWY_RUN_ID" >>"$logfile"
  # double fork: the service is not a child (job) of the calling shell, so a plain `wait`
  # in ./platform does not block on it and no job-control messages appear
  (
    (
      cd "$workdir" || exit 1
      # ES warns below 65535 open files; raise the soft limit as far as the hard limit allows
      ulimit -n 65535 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
      # bash -c writes its own pid (also right if setsid had to fork), then execs the command
      # shellcheck disable=SC2016
      exec setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pidfile" "$@" </dev/null >>"$logfile" 2>&1
    ) &
  )
  local i
  for ((i = 0; i < 50; i++)); do [[ -s "$pidfile" ]] && break; sleep 0.1; done
}

_tcp_open() { (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; }

# ================================================================ PostgreSQL
pg_answers() {
  if have pg_isready; then
    pg_isready -q -h "$ZWY_PG_HOST" -p "$ZWY_PG_PORT" -t 2
  else
    _tcp_open "$ZWY_PG_HOST" "$ZWY_PG_PORT"
  fi
}

_pg_version() { find /etc/postgresql -mindepth 1 -maxdepth 1 -type d -printf '%f\n' 2>/dev/null | sort -V | tail -n1; }

_pg_pid() {
  local v p
  v=$(_pg_version)
  p=$(pid_on_port "$ZWY_PG_PORT")
  if [[ -z "$p" && -n "$v" && -r "/var/lib/postgresql/$v/main/postmaster.pid" ]]; then
    p=$(head -n1 "/var/lib/postgresql/$v/main/postmaster.pid")
  fi
  printf '%s\n' "$p"
}

ensure_postgres() {
  if pg_answers; then
    log "postgres: already running on $ZWY_PG_HOST:$ZWY_PG_PORT"
    return 0
  fi
  require_root
  ensure_runtime_dirs
  if [[ -z "$(_pg_version)" ]] || ! have pg_ctlcluster; then
    apt_install postgresql
  fi
  local v
  v=$(_pg_version)
  [[ -n "$v" ]] || die "postgres: no cluster under /etc/postgresql after installing postgresql"
  if [[ ! -d "/etc/postgresql/$v/main" ]]; then
    pg_createcluster "$v" main >/dev/null || die "postgres: pg_createcluster $v main failed"
  fi
  local t0
  t0=$(now_ms)
  setsid -w pg_ctlcluster --skip-systemctl-redirect "$v" main start </dev/null >/dev/null 2>&1 || true
  local i
  for ((i = 0; i < 60; i++)); do pg_answers && break; sleep 0.5; done
  if ! pg_answers; then
    err "postgres: cluster $v/main did not come up on $ZWY_PG_HOST:$ZWY_PG_PORT"
    show_log_tail "/var/log/postgresql/postgresql-$v-main.log" 20
    return 1
  fi
  _mark_started postgres
  log "postgres: started cluster $v/main in $(_secs_since "$t0")s (pid $(_pg_pid))"
}

_stop_postgres() {
  local v
  v=$(_pg_version)
  [[ -n "$v" ]] || return 0
  pg_answers || { _unmark_started postgres; log "postgres: not running"; return 0; }
  setsid -w pg_ctlcluster --skip-systemctl-redirect "$v" main stop -m fast </dev/null >/dev/null 2>&1 \
    || { err "postgres: pg_ctlcluster $v main stop failed"; return 1; }
  _unmark_started postgres
  log "postgres: stopped"
}

# psql as the PostgreSQL superuser: peer auth over the local socket as OS user postgres,
# falling back to TCP as role postgres (works where 127.0.0.1 is trust).
_psql_super() {
  if id -u postgres >/dev/null 2>&1 && runuser -u postgres -- psql -X -q -d postgres -c 'select 1' >/dev/null 2>&1; then
    runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 "$@"
  else
    psql -X -q -v ON_ERROR_STOP=1 -h "$ZWY_PG_HOST" -p "$ZWY_PG_PORT" -U postgres "$@"
  fi
}

# ensure_db_roles: roles + databases + grants (scripts/db-init.sql), idempotent.
ensure_db_roles() {
  [[ -r "$ZWY_DB_INIT_SQL" ]] || die "db: $ZWY_DB_INIT_SQL not found"
  local out
  # feed the file on stdin: user postgres may not be able to read the repository
  if ! out=$(_psql_super -d postgres -f - <"$ZWY_DB_INIT_SQL" 2>&1); then
    err "db: $ZWY_DB_INIT_SQL failed"
    printf '%s\n' "$out" >&2
    return 1
  fi
  log "db: roles zwy_owner/zwy_app/keycloak and databases zwy_tenant/zwy_case/zwy_search/keycloak ensured"
}

# ================================================================ Redis
# Redis requires authentication: an ACL user per service (its own password, only the commands and
# keys it needs), zwy-admin for these scripts, zwy-test for test code; the default user is off.
# The passwords are generated once (zwy_secret). Redis may keep nothing on disk (it is started
# without a config file), so the users are applied again on every infra_up (idempotent).
_redis_pidfile="$ZWY_RUN_DIR/redis-$ZWY_REDIS_PORT.pid"
ZWY_REDIS_SERVICE_USERS=(tenant case search gateway test)

# redis_answers: something answers as Redis (PONG, or a refusal to an unauthenticated PING)
redis_answers() {
  if have redis-cli; then
    case "$(redis-cli -h "$ZWY_REDIS_HOST" -p "$ZWY_REDIS_PORT" ping 2>&1)" in PONG | NOAUTH* | *WRONGPASS*) return 0 ;; esac
    return 1
  else
    local r
    r=$( { exec 3<>"/dev/tcp/$ZWY_REDIS_HOST/$ZWY_REDIS_PORT" && printf 'PING\r\n' >&3 && timeout 2 head -c 7 <&3; } 2>/dev/null) || return 1
    [[ "$r" == "+PONG"* || "$r" == "-NOAUTH" ]]
  fi
}

# _redis_cli ARGS...: redis-cli as zwy-admin (the password travels in the environment, not argv)
_redis_cli() {
  REDISCLI_AUTH="$(zwy_secret redis-admin)" redis-cli --no-auth-warning --user zwy-admin \
    -h "$ZWY_REDIS_HOST" -p "$ZWY_REDIS_PORT" "$@"
}

# redis_delete_matching PATTERN: delete the keys matching PATTERN (as zwy-admin)
redis_delete_matching() {
  (
    export REDISCLI_AUTH; REDISCLI_AUTH="$(zwy_secret redis-admin)"
    local cli=(redis-cli --no-auth-warning --user zwy-admin -h "$ZWY_REDIS_HOST" -p "$ZWY_REDIS_PORT")
    "${cli[@]}" --scan --pattern "$1" | xargs -r "${cli[@]}" del
  )
}

# _redis_acl_rules USER: the ACL of a service user. Keys and channels: the platform's namespaces
# only. The gateway (exposed to the internet) gets no stream command at all and search-service, a
# pure consumer, cannot XADD: neither can publish an event (and without the HMAC key nobody else can
# make one that consumers apply). No user but zwy-admin may run admin or dangerous commands
# (INFO excepted: the Redis health indicator reads it).
_redis_acl_rules() {
  local base="~zwy:* ~zwy-test:* ~zwy-bench:* resetchannels &zwy:* +@all -@dangerous +info"
  case "$1" in
    gateway) printf '%s -@stream' "$base" ;;
    search) printf '%s -xadd' "$base" ;;
    *) printf '%s' "$base" ;;
  esac
}

# redis_configure_acl: create/refresh the users, then switch the open default user off.
redis_configure_acl() {
  have redis-cli || apt_install redis-tools
  # (redis-cli goes on as the default user when AUTH fails: ask who we are)
  if [[ "$(_redis_cli acl whoami 2>/dev/null)" != zwy-admin ]]; then
    # a fresh Redis: its default user is still open (nopass), use it once to create zwy-admin
    if [[ "$(redis-cli -h "$ZWY_REDIS_HOST" -p "$ZWY_REDIS_PORT" ping 2>/dev/null)" != PONG ]]; then
      err "redis: cannot authenticate as zwy-admin (password in $ZWY_SECRETS_DIR/redis-admin) on $ZWY_REDIS_HOST:$ZWY_REDIS_PORT, and its default user is closed"
      return 1
    fi
    printf 'ACL SETUSER zwy-admin reset on >%s ~* &* +@all\n' "$(zwy_secret redis-admin)" \
      | redis-cli -h "$ZWY_REDIS_HOST" -p "$ZWY_REDIS_PORT" >/dev/null || { err "redis: creating zwy-admin failed"; return 1; }
  fi
  local u out
  out=$(for u in "${ZWY_REDIS_SERVICE_USERS[@]}"; do
          printf 'ACL SETUSER zwy-%s reset on >%s %s\n' "$u" "$(zwy_secret "redis-$u")" "$(_redis_acl_rules "$u")"
        done
        printf 'ACL SETUSER default reset off\n'
      ) || return 1
  out=$(printf '%s\n' "$out" | _redis_cli 2>&1) || { err "redis: ACL setup failed: $out"; return 1; }
  if [[ "$out" != *OK* || "$out" == *ERR* ]]; then err "redis: ACL setup failed: $out"; return 1; fi
  log "redis: authentication required (users zwy-admin, ${ZWY_REDIS_SERVICE_USERS[*]/#/zwy-}; default user off)"
}

_redis_pid() {
  local p=''
  have redis-cli && p=$(_redis_cli info server 2>/dev/null | sed -n 's/^process_id:\([0-9]*\).*/\1/p')
  [[ -n "$p" ]] || p=$(pid_on_port "$ZWY_REDIS_PORT")
  printf '%s\n' "$p"
}

# the marker names the port: a private Redis (e.g. ZWY_REDIS_PORT=6390 for a test run) is not the shared one
_redis_marker() { if [[ "$ZWY_REDIS_PORT" == 6379 ]]; then echo redis; else echo "redis-$ZWY_REDIS_PORT"; fi; }

ensure_redis() {
  if redis_answers; then
    log "redis: already running on $ZWY_REDIS_HOST:$ZWY_REDIS_PORT"
    redis_configure_acl
    # a node started before the append-only file was on
    [[ "$(_redis_cli config get appendonly 2>/dev/null | tail -n1)" == yes ]] || _redis_cli config set appendonly yes >/dev/null
    return
  fi
  require_root
  ensure_runtime_dirs
  have redis-server || apt_install redis-server
  install -d -m 0750 /var/lib/redis /var/log/redis
  local t0
  t0=$(now_ms)
  # the append-only file (fsync every second, as a managed Redis is run): a restart keeps the event stream and its
  # consumer groups, so what was relayed but not yet consumed survives it (docs/operations.md)
  setsid -w redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$ZWY_REDIS_PORT" --save "" --appendonly yes --appendfsync everysec \
    --dir /var/lib/redis --logfile /var/log/redis/ci.log --pidfile "$_redis_pidfile" </dev/null >/dev/null 2>&1 || true
  local i
  for ((i = 0; i < 40; i++)); do redis_answers && break; sleep 0.25; done
  if ! redis_answers; then
    err "redis: did not come up on $ZWY_REDIS_HOST:$ZWY_REDIS_PORT"
    show_log_tail /var/log/redis/ci.log 20
    return 1
  fi
  _mark_started "$(_redis_marker)"
  log "redis: started in $(_secs_since "$t0")s (pid $(_redis_pid))"
  redis_configure_acl
}

_stop_redis() {
  local pid
  pid=$(_redis_pid)
  if [[ -z "$pid" ]]; then _unmark_started "$(_redis_marker)"; log "redis: not running"; return 0; fi
  if have redis-cli; then _redis_cli shutdown nosave >/dev/null 2>&1 || true; fi
  stop_pid redis "$pid" 20 || return 1
  _unmark_started "$(_redis_marker)"
  log "redis: stopped (pid $pid)"
}

# ================================================================ Elasticsearch
_es_pidfile="$ZWY_RUN_DIR/elasticsearch.pid"
_es_console="$ZWY_ES_LOGS/console.log"

es_answers() {
  local s
  s=$(curl -s -m 3 "$ZWY_ES_URL/_cluster/health" 2>/dev/null) || return 1
  [[ "$s" == *'"status":"green"'* || "$s" == *'"status":"yellow"'* ]]
}

_es_pid() {
  pid_from_file "$_es_pidfile" 2>/dev/null || pid_on_port "$ZWY_ES_PORT"
}

# unpack the distribution into ZWY_HOME/elasticsearch (once per version)
_es_install() {
  if [[ -f "$ZWY_ES_HOME/.zwy-version" && "$(cat "$ZWY_ES_HOME/.zwy-version")" == "$ZWY_ES_VERSION" ]]; then
    return 0
  fi
  local zip tmp
  zip=$(m2_artifact "$ZWY_ES_ARTIFACT") || return 1
  tmp=$(mktemp -d "$ZWY_HOME/.unpack.XXXXXX")
  unzip -q "$zip" -d "$tmp" || { rm -rf "$tmp"; err "elasticsearch: unzip $zip failed"; return 1; }
  rm -rf "$ZWY_ES_HOME"
  mv "$tmp"/elasticsearch-* "$ZWY_ES_HOME"
  rm -rf "$tmp"
  echo "$ZWY_ES_VERSION" >"$ZWY_ES_HOME/.zwy-version"
  chown -R "$ZWY_USER:$ZWY_USER" "$ZWY_ES_HOME"
  log "elasticsearch: installed $ZWY_ES_VERSION into $ZWY_ES_HOME"
}

_es_configure() {
  install -d -m 0750 -o "$ZWY_USER" -g "$ZWY_USER" "$ZWY_ES_DATA"
  install -d -m 0755 -o "$ZWY_USER" -g "$ZWY_USER" "$ZWY_ES_LOGS"
  install -d -m 0750 -o "$ZWY_USER" -g "$ZWY_USER" "$ZWY_BACKUP_ROOT"
  cat >"$ZWY_ES_HOME/config/elasticsearch.yml" <<EOF
# generated by scripts/infra.sh -- edits are overwritten on every start
cluster.name: zwy
node.name: zwy-es
path.data: $ZWY_ES_DATA
path.logs: $ZWY_ES_LOGS
path.repo: $ZWY_BACKUP_ROOT
network.host: $ZWY_ES_HOST
http.port: $ZWY_ES_PORT
transport.port: $ZWY_ES_TRANSPORT_PORT
discovery.type: single-node
xpack.security.enabled: false
cluster.routing.allocation.disk.threshold_enabled: false
action.destructive_requires_name: false
EOF
  # no GC log files (the distribution default keeps up to 32 x 64 MB); no heap pre-touch
  # (AlwaysPreTouch would make the whole heap resident right at startup)
  cat >"$ZWY_ES_HOME/config/jvm.options.d/zwy.options" <<EOF
-XX:-AlwaysPreTouch
-Xlog:disable
-Xlog:all=warning:stderr:utctime,level,tags
EOF
  chown "$ZWY_USER:$ZWY_USER" "$ZWY_ES_HOME/config/elasticsearch.yml" "$ZWY_ES_HOME/config/jvm.options.d/zwy.options"
}

# ---------------------------------------------------------------- the analysis plugin
# 政务云's Chinese analysis (module search-analysis, ADR 0018) is an Elasticsearch plugin: built
# into a zip by Maven, installed with bin/elasticsearch-plugin before ES starts. The zip is
# reproducible, so its SHA-256 says whether it changed: the hash installed is kept beside the
# distribution, the hash the running node loaded in the run directory.
ZWY_ES_PLUGIN_NAME=zwy-analysis
ZWY_ES_PLUGIN_ZIP="${ZWY_ES_PLUGIN_ZIP:-$ZWY_REPO_ROOT/search-analysis/target/search-analysis-0.1.0-SNAPSHOT-plugin.zip}"
_es_plugin_installed="$ZWY_ES_HOME/.zwy-analysis.sha256"
_es_plugin_loaded="$ZWY_RUN_DIR/elasticsearch.analysis.sha256"

# build_analysis_plugin: package the plugin zip when it is missing or older than its sources
build_analysis_plugin() {
  local mod="$ZWY_REPO_ROOT/search-analysis"
  if [[ -f "$ZWY_ES_PLUGIN_ZIP" && -z "$(find "$mod/src" "$mod/pom.xml" "$ZWY_REPO_ROOT/pom.xml" -newer "$ZWY_ES_PLUGIN_ZIP" -print -quit 2>/dev/null)" ]]; then
    return 0
  fi
  ensure_runtime_dirs
  local t0; t0=$(now_ms)
  log "build: the Elasticsearch analysis plugin (mvn -pl search-analysis package) ..."
  (cd "$ZWY_REPO_ROOT" && mvn -B -q -DskipTests -pl search-analysis package) >"$ZWY_LOG_DIR/build-analysis.log" 2>&1 \
    || { show_log_tail "$ZWY_LOG_DIR/build-analysis.log" 40; err "build of the analysis plugin failed (log: $ZWY_LOG_DIR/build-analysis.log)"; return 1; }
  log "build: analysis plugin built in $(_secs_since "$t0")s"
}

_es_plugin_hash() { sha256sum "$ZWY_ES_PLUGIN_ZIP" | cut -d' ' -f1; }

# _es_plugin_install JDK: (re)install the plugin into ZWY_ES_HOME when the zip differs from what is installed (ES stopped)
_es_plugin_install() {
  local jdk=$1 want
  build_analysis_plugin || return 1
  want=$(_es_plugin_hash)
  if [[ -d "$ZWY_ES_HOME/plugins/$ZWY_ES_PLUGIN_NAME" && "$(cat "$_es_plugin_installed" 2>/dev/null)" == "$want" ]]; then
    return 0
  fi
  if [[ -d "$ZWY_ES_HOME/plugins/$ZWY_ES_PLUGIN_NAME" ]]; then
    ES_JAVA_HOME="$jdk" "$ZWY_ES_HOME/bin/elasticsearch-plugin" remove "$ZWY_ES_PLUGIN_NAME" >>"$ZWY_LOG_DIR/build-analysis.log" 2>&1 \
      || rm -rf "${ZWY_ES_HOME:?}/plugins/$ZWY_ES_PLUGIN_NAME"
  fi
  ES_JAVA_HOME="$jdk" "$ZWY_ES_HOME/bin/elasticsearch-plugin" install --batch "file://$ZWY_ES_PLUGIN_ZIP" >>"$ZWY_LOG_DIR/build-analysis.log" 2>&1 \
    || { show_log_tail "$ZWY_LOG_DIR/build-analysis.log" 20; err "elasticsearch: installing the analysis plugin failed"; return 1; }
  # the node runs as ZWY_USER: the plugin's files are its own
  chown -R "$ZWY_USER:$ZWY_USER" "$ZWY_ES_HOME/plugins"
  echo "$want" >"$_es_plugin_installed"
  log "elasticsearch: analysis plugin $ZWY_ES_PLUGIN_NAME installed (sha256 ${want:0:12})"
}

# _es_plugin_stale: the running node lacks the analysis plugin, or loaded another build of it and
# ours is newer than that load (two work trees sharing one node do not restart it in turn: the
# newest build wins, an older one only warns)
_es_plugin_stale() {
  [[ -d "$ZWY_REPO_ROOT/search-analysis" ]] || return 1
  build_analysis_plugin || return 1
  # a node that answered its health check but is slow to list its plugins is busy, not stale: restarting a
  # shared node because of a timeout under load would fail every other run using it
  local plugins
  plugins=$(curl -fs -m 30 "$ZWY_ES_URL/_cat/plugins?h=component" 2>/dev/null) || return 1
  grep -qx "$ZWY_ES_PLUGIN_NAME" <<<"$plugins" || return 0
  local hash at
  read -r hash at <"$_es_plugin_loaded" 2>/dev/null || return 0
  [[ "$hash" == "$(_es_plugin_hash)" ]] && return 1
  if (( $(stat -c %Y "$ZWY_ES_PLUGIN_ZIP") > ${at:-0} )); then return 0; fi
  warn "elasticsearch: the running node has another, older-or-same-age build of the analysis plugin than $ZWY_ES_PLUGIN_ZIP; leaving it running"
  return 1
}

# _es_settings_stale: the running node was started with other static settings than _es_configure writes
# (today: path.repo, where backups go — a node from before backups existed lacks it)
_es_settings_stale() {
  local repo
  repo=$(curl -fs -m 30 "$ZWY_ES_URL/_nodes/_local/settings?filter_path=nodes.*.settings.path.repo" 2>/dev/null) || return 1
  [[ "$repo" != *"\"$ZWY_BACKUP_ROOT\""* ]]
}

# _es_start: launch ES if it does not answer; returns at once.  Sets _zwy_es_launched.
_zwy_es_launched=''
_zwy_es_t0=0
_zwy_es_keep_marker=none
_es_start() {
  _zwy_es_launched=''
  _zwy_es_keep_marker=none
  if es_answers; then
    if ! _es_plugin_stale && ! _es_settings_stale; then
      log "elasticsearch: already running on $ZWY_ES_URL (pid $(_es_pid))"
      return 0
    fi
    # a node without the current analysis plugin or settings: restart it. Whoever started
    # it still owns it (its started-by-us marker is kept), so this run does not stop it later.
    warn "elasticsearch: the running node lacks the current analysis plugin or settings (path.repo); restarting it"
    _zwy_es_keep_marker=$(cat "$ZWY_RUN_DIR/started-by-us.elasticsearch" 2>/dev/null || true)
    # the node that answers on ZWY_ES_PORT, whatever a pid file says
    local node; node=$(pid_on_port "$ZWY_ES_PORT")
    [[ -n "$node" ]] || { err "elasticsearch: no process listens on port $ZWY_ES_PORT"; return 1; }
    stop_pid elasticsearch "$node" 60 || return 1
    [[ "$(pid_from_file "$_es_pidfile" 2>/dev/null)" == "$node" ]] && rm -f "$_es_pidfile"
    log "elasticsearch: stopped (pid $node)"
  fi
  local stale
  stale=$(pid_from_file "$_es_pidfile" 2>/dev/null) && {
    warn "elasticsearch: pid $stale exists but $ZWY_ES_URL does not answer; waiting for it"
    _zwy_es_launched=existing; _zwy_es_t0=$(now_ms); return 0; }
  if [[ -n "$(pid_on_port "$ZWY_ES_PORT")" ]]; then
    err "elasticsearch: port $ZWY_ES_PORT is taken by pid $(pid_on_port "$ZWY_ES_PORT") which is not a healthy Elasticsearch"
    return 1
  fi
  require_root
  ensure_tools
  ensure_runtime_dirs
  local jdk
  jdk=$(find_jdk 21) || { pick_jdk 21; return 1; }
  _es_install || return 1
  _es_configure
  if [[ -d "$ZWY_REPO_ROOT/search-analysis" ]]; then
    _es_plugin_install "$jdk" || return 1
    echo "$(cat "$_es_plugin_installed") $(date +%s)" >"$_es_plugin_loaded"
  fi
  _zwy_es_t0=$(now_ms)
  : >>"$_es_console"; chown "$ZWY_USER:$ZWY_USER" "$_es_console"
  # -d: daemonize once the node is up; -p: the server process writes its pid
  # working dir = log dir: hs_err_pid*.log / heap dumps of the JVM land there
  _launch elasticsearch "$ZWY_RUN_DIR/elasticsearch-launcher.pid" "$_es_console" "$ZWY_ES_LOGS" \
    setpriv --reuid="$ZWY_USER" --regid="$ZWY_USER" --init-groups \
    env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$ZWY_HOME" LANG=C.UTF-8 \
    ES_JAVA_HOME="$jdk" ES_PATH_CONF="$ZWY_ES_HOME/config" ES_JAVA_OPTS="$ZWY_ES_JAVA_OPTS" \
    "$ZWY_ES_HOME/bin/elasticsearch" -d -p "$_es_pidfile"
  case "$_zwy_es_keep_marker" in
    none) _mark_started elasticsearch ;;        # started by this run
    '') _unmark_started elasticsearch ;;        # restarted for the plugin; nobody's run owned it
    *) printf '%s\n' "$_zwy_es_keep_marker" >"$ZWY_RUN_DIR/started-by-us.elasticsearch" ;;
  esac
  _zwy_es_launched=us
}

_es_wait() {
  [[ -n "$_zwy_es_launched" ]] || return 0
  local launcher i deadline=$(( $(date +%s) + ZWY_ES_TIMEOUT ))
  launcher=$(pid_from_file "$ZWY_RUN_DIR/elasticsearch-launcher.pid" 2>/dev/null || true)
  while ! es_answers; do
    if (( $(date +%s) >= deadline )); then
      err "elasticsearch: not healthy after ${ZWY_ES_TIMEOUT}s ($ZWY_ES_URL/_cluster/health)"
      _es_fail_logs; _es_kill_ours; return 1
    fi
    if [[ -n "$launcher" ]] && ! pid_alive "$launcher" && ! pid_from_file "$_es_pidfile" >/dev/null 2>&1; then
      err "elasticsearch: the process exited during startup"
      _es_fail_logs
      rm -f "$ZWY_RUN_DIR/elasticsearch-launcher.pid"; _unmark_started elasticsearch
      return 1
    fi
    sleep 0.5
  done
  log "elasticsearch: started on $ZWY_ES_URL in $(_secs_since "$_zwy_es_t0")s (pid $(_es_pid), heap ${ZWY_ES_JAVA_OPTS})"
  rm -f "$ZWY_RUN_DIR/elasticsearch-launcher.pid"
  _zwy_es_launched=''
}

_es_fail_logs() {
  show_log_tail "$_es_console" 40 since-start
}

_es_kill_ours() {
  local p
  p=$(pid_from_file "$_es_pidfile" 2>/dev/null) && stop_pid elasticsearch "$p" 30 || true
  p=$(pid_from_file "$ZWY_RUN_DIR/elasticsearch-launcher.pid" 2>/dev/null) && stop_pid elasticsearch-launcher "$p" 30 || true
  _unmark_started elasticsearch
}

ensure_elasticsearch() { _es_start && _es_wait; }

_stop_elasticsearch() {
  local pid
  pid=$(_es_pid || true)
  if [[ -z "$pid" ]]; then
    rm -f "$_es_pidfile"; _unmark_started elasticsearch
    log "elasticsearch: not running"; return 0
  fi
  stop_pid elasticsearch "$pid" 60 || return 1
  local lp
  lp=$(pid_from_file "$ZWY_RUN_DIR/elasticsearch-launcher.pid" 2>/dev/null) && stop_pid elasticsearch-launcher "$lp" 10
  rm -f "$_es_pidfile" "$ZWY_RUN_DIR/elasticsearch-launcher.pid"
  _unmark_started elasticsearch
  log "elasticsearch: stopped (pid $pid)"
}

# ================================================================ Keycloak
_kc_pidfile="$ZWY_RUN_DIR/keycloak.pid"                 # the Keycloak JVM (once ready)
_kc_launcher_pidfile="$ZWY_RUN_DIR/keycloak-launcher.pid" # kc.sh (parent of the JVM; build + start)
# build-time options (kc.sh build); a change triggers a re-build before the next start.
# (--cache is a RUN-time option in 26.x: without --cache=local at start, prod mode starts a
# JGroups/JDBC_PING cluster listening on all interfaces, ports 7800/57800.)
_kc_build_opts=(--db=postgres --health-enabled=true)

kc_answers() {
  curl -fs -m 3 "http://$ZWY_KC_HOST:$ZWY_KC_MGMT_PORT/health/ready" 2>/dev/null | grep -q '"status": *"UP"'
}

# pid of the Keycloak JVM (kc.sh runs java as a child and forwards signals to it)
_kc_pid() {
  local p
  p=$(pid_from_file "$_kc_pidfile" 2>/dev/null) || p=$(pid_on_port "$ZWY_KC_PORT")
  [[ -n "$p" ]] || p=$(pid_from_file "$_kc_launcher_pidfile" 2>/dev/null) || return 1
  printf '%s\n' "$p"
}

_kc_install() {
  if [[ -f "$ZWY_KC_HOME/.zwy-version" && "$(cat "$ZWY_KC_HOME/.zwy-version")" == "$ZWY_KC_VERSION" ]]; then
    return 0
  fi
  local zip tmp
  zip=$(m2_artifact "$ZWY_KC_ARTIFACT") || return 1
  tmp=$(mktemp -d "$ZWY_HOME/.unpack.XXXXXX")
  unzip -q "$zip" -d "$tmp" || { rm -rf "$tmp"; err "keycloak: unzip $zip failed"; return 1; }
  rm -rf "$ZWY_KC_HOME"
  mv "$tmp"/keycloak-* "$ZWY_KC_HOME"
  rm -rf "$tmp"
  echo "$ZWY_KC_VERSION" >"$ZWY_KC_HOME/.zwy-version"
  chown -R "$ZWY_USER:$ZWY_USER" "$ZWY_KC_HOME"
  log "keycloak: installed $ZWY_KC_VERSION into $ZWY_KC_HOME"
}

_zwy_kc_launched=''
_zwy_kc_t0=0
_kc_start() {
  _zwy_kc_launched=''
  if kc_answers; then
    log "keycloak: already running on $ZWY_KC_URL (pid $(_kc_pid))"
    return 0
  fi
  local stale
  stale=$(pid_from_file "$_kc_launcher_pidfile" 2>/dev/null) && {
    warn "keycloak: pid $stale exists but is not ready yet; waiting for it"
    _zwy_kc_launched=existing; _zwy_kc_t0=$(now_ms); return 0; }
  if [[ -n "$(pid_on_port "$ZWY_KC_PORT")" ]]; then
    err "keycloak: port $ZWY_KC_PORT is taken by pid $(pid_on_port "$ZWY_KC_PORT") which is not a ready Keycloak"
    return 1
  fi
  require_root
  _kc_require_admin_password || return 1
  ensure_tools
  ensure_runtime_dirs
  local jdk
  jdk=$(find_jdk 21) || { pick_jdk 21; return 1; }
  _kc_install || return 1
  : >>"$ZWY_KC_LOG"; chown "$ZWY_USER:$ZWY_USER" "$ZWY_KC_LOG"

  # build (first start, new version or changed build options) + start --optimized,
  # both inside the detached process so that ES and Keycloak start in parallel
  local fingerprint="$ZWY_KC_VERSION ${_kc_build_opts[*]}" script
  # shellcheck disable=SC2016
  script='set -e
if [ "$(cat "$KC_HOME/.zwy-build" 2>/dev/null)" != "$KC_FINGERPRINT" ]; then
  echo "--- kc.sh build $KC_BUILD_OPTS"
  "$KC_HOME/bin/kc.sh" build $KC_BUILD_OPTS
  echo "$KC_FINGERPRINT" >"$KC_HOME/.zwy-build"
fi
exec "$KC_HOME/bin/kc.sh" start --optimized "$@"'
  _zwy_kc_t0=$(now_ms)
  rm -f "$_kc_pidfile"
  _launch keycloak "$_kc_launcher_pidfile" "$ZWY_KC_LOG" "$ZWY_KC_HOME" \
    setpriv --reuid="$ZWY_USER" --regid="$ZWY_USER" --init-groups \
    env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$ZWY_HOME" LANG=C.UTF-8 \
    JAVA_HOME="$jdk" KC_HOME="$ZWY_KC_HOME" KC_FINGERPRINT="$fingerprint" KC_BUILD_OPTS="${_kc_build_opts[*]}" \
    JAVA_OPTS_KC_HEAP="$ZWY_KC_HEAP" \
    JAVA_OPTS_APPEND="--add-opens=java.base/java.lang=ALL-UNNAMED" \
    KC_DB_URL="jdbc:postgresql://$ZWY_PG_HOST:$ZWY_PG_PORT/$ZWY_KC_DB_NAME" \
    KC_DB_USERNAME="$ZWY_KC_DB_USER" KC_DB_PASSWORD="$ZWY_KC_DB_PASSWORD" \
    KC_BOOTSTRAP_ADMIN_USERNAME="$ZWY_KC_ADMIN_USER" KC_BOOTSTRAP_ADMIN_PASSWORD="$ZWY_KC_ADMIN_PASSWORD" \
    KC_LOG_CONSOLE_COLOR=false \
    bash -c "$script" kc-start \
    --http-enabled=true --http-host="$ZWY_KC_HOST" --http-port="$ZWY_KC_PORT" \
    --hostname="$ZWY_KC_URL" --http-management-port="$ZWY_KC_MGMT_PORT" --cache=local
  _mark_started keycloak
  _zwy_kc_launched=us
}

_kc_wait() {
  [[ -n "$_zwy_kc_launched" ]] || return 0
  local deadline=$(( $(date +%s) + ZWY_KC_TIMEOUT ))
  while ! kc_answers; do
    if (( $(date +%s) >= deadline )); then
      err "keycloak: not ready after ${ZWY_KC_TIMEOUT}s (http://$ZWY_KC_HOST:$ZWY_KC_MGMT_PORT/health/ready)"
      show_log_tail "$ZWY_KC_LOG" 40 since-start; _kc_kill_ours; return 1
    fi
    if ! pid_from_file "$_kc_launcher_pidfile" >/dev/null 2>&1; then
      err "keycloak: the process exited during startup"
      show_log_tail "$ZWY_KC_LOG" 40 since-start; rm -f "$_kc_launcher_pidfile"; _unmark_started keycloak; return 1
    fi
    sleep 0.5
  done
  local jp
  jp=$(pid_on_port "$ZWY_KC_PORT")
  [[ -n "$jp" ]] && echo "$jp" >"$_kc_pidfile"
  log "keycloak: started on $ZWY_KC_URL in $(_secs_since "$_zwy_kc_t0")s (pid $(_kc_pid), health http://$ZWY_KC_HOST:$ZWY_KC_MGMT_PORT/health)"
  _zwy_kc_launched=''
}

_kc_kill_ours() {
  local p
  p=$(pid_from_file "$_kc_launcher_pidfile" 2>/dev/null) && stop_pid keycloak "$p" 30 || true
  rm -f "$_kc_launcher_pidfile" "$_kc_pidfile"
  _unmark_started keycloak
}

_kc_require_admin_password() {
  [[ -n "$ZWY_KC_ADMIN_PASSWORD" ]] && return 0
  err "keycloak: set ZWY_KC_ADMIN_PASSWORD (the bootstrap administrator's password); 'admin' is only used in the local demo (ZWY_DEMO=true)"
  return 1
}

# Brute-force protection of the master realm (the admin console's realm), which the realm files
# do not cover: temporary lockout with backoff, never permanent, so that guessing is slowed down
# and an attacker cannot lock the administrator out for good. Idempotent: PUT only on a difference.
_kc_brute_force='{"bruteForceProtected": true, "permanentLockout": false, "failureFactor": 10, "bruteForceStrategy": "MULTIPLE",
  "waitIncrementSeconds": 60, "maxFailureWaitSeconds": 900, "maxDeltaTimeSeconds": 43200,
  "quickLoginCheckMilliSeconds": 1000, "minimumQuickLoginWaitSeconds": 60}'
_kc_protect_master() {
  local token=$1 current resp
  current=$(curl -fs -m 20 -H "Authorization: Bearer $token" "$ZWY_KC_URL/admin/realms/master") || {
    err "keycloak: cannot read realm master"; return 1; }
  if jq -e --argjson want "$_kc_brute_force" '. as $r | all($want | to_entries[]; $r[.key] == .value)' <<<"$current" >/dev/null; then
    return 0
  fi
  resp=$(curl -s -m 20 -w '\n%{http_code}' -X PUT -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    --data-binary "$_kc_brute_force" "$ZWY_KC_URL/admin/realms/master")
  case "${resp##*$'\n'}" in 2*) log "keycloak: brute-force protection of realm master switched on (temporary lockout)"; return 0 ;; esac
  err "keycloak: protecting realm master failed (HTTP ${resp##*$'\n'}): ${resp%$'\n'*}"
  return 1
}

_kc_admin_token() {
  _kc_require_admin_password || return 1
  curl -fs -m 20 -d grant_type=password -d client_id=admin-cli \
    --data-urlencode "username=$ZWY_KC_ADMIN_USER" --data-urlencode "password=$ZWY_KC_ADMIN_PASSWORD" \
    "$ZWY_KC_URL/realms/master/protocol/openid-connect/token" | jq -r .access_token
}

# keycloak_sync_realms: import keycloak/realms/*.json whose content changed since the last
# import (sha256 under $ZWY_STATE_DIR) or whose realm is missing; an existing realm is
# updated in place (_kc_update_realm), never deleted.  Unchanged files cost one GET each.
# _kc_update_realm FILE REALM TOKEN: apply a realm file to an existing realm: its settings,
# its user profile, its realm roles (missing ones created, existing ones updated in place), and
# its clients and users (overwriting those the file names).  Realm roles are never deleted and
# re-created: partialImport's OVERWRITE does that, and it drops every account's mapping to the
# role, so an account the file does not name (one created at run time, or a demo account added
# to a newer realm file than the one imported) would lose its roles.
_kc_update_realm() {
  local f=$1 realm=$2 token=$3 resp profile
  _kc_call() { # METHOD PATH BODY-FILTER(jq)
    resp=$(jq -c "$3" "$f" | curl -s -m 120 -w '\n%{http_code}' -X "$1" -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' --data-binary @- "$ZWY_KC_URL/admin/realms/$realm$2")
    case "${resp##*$'\n'}" in 2*) return 0 ;; esac
    err "keycloak: updating realm $realm ($1 $2) failed (HTTP ${resp##*$'\n'}): ${resp%$'\n'*}"
    return 1
  }
  _kc_call PUT "" 'del(.users, .clients, .roles, .components, .groups)' || return 1
  profile=$(jq -r '.components["org.keycloak.userprofile.UserProfileProvider"][0].config["kc.user.profile.config"][0] // empty' "$f")
  if [[ -n "$profile" ]]; then
    _kc_call PUT "/users/profile" '.components["org.keycloak.userprofile.UserProfileProvider"][0].config["kc.user.profile.config"][0] | fromjson' || return 1
  fi
  _kc_call POST "/partialImport" '{ifResourceExists: "SKIP", roles: {realm: (.roles.realm // [])}}' || return 1
  local role
  while IFS= read -r role; do
    [[ -n "$role" ]] || continue
    _kc_call PUT "/roles/$(jq -rn --arg r "$role" '$r | @uri')" \
      ".roles.realm[] | select(.name == $(jq -n --arg r "$role" '$r')) | del(.id, .containerId)" || return 1
  done < <(jq -r '.roles.realm[]?.name' "$f")
  _kc_call POST "/partialImport" '{ifResourceExists: "OVERWRITE", roles: {client: (.roles.client // {})}, clients: .clients, users: .users}' || return 1
}

keycloak_sync_realms() {
  ensure_tools
  local f realm sum hashfile code token='' done_list=() kept=0
  shopt -s nullglob
  local files=("$ZWY_KC_REALM_DIR"/*.json)
  shopt -u nullglob
  if ((${#files[@]} == 0)); then log "keycloak: no realm files in $ZWY_KC_REALM_DIR"; return 0; fi
  install -d -m 0755 "$ZWY_STATE_DIR"
  for f in "${files[@]}"; do
    realm=$(jq -r '.realm // empty' "$f") || { err "keycloak: $f is not valid JSON"; return 1; }
    [[ -n "$realm" ]] || { err "keycloak: $f has no .realm"; return 1; }
    sum=$(sha256sum "$f" | cut -d' ' -f1)
    hashfile="$ZWY_STATE_DIR/keycloak-realm.$realm.sha256"
    code=$(curl -s -o /dev/null -w '%{http_code}' -m 10 "$ZWY_KC_URL/realms/$realm")
    if [[ "$code" == 200 && -f "$hashfile" && "$(cat "$hashfile")" == "$sum" ]]; then
      kept=$((kept + 1)); continue
    fi
    if [[ -z "$token" ]]; then
      token=$(_kc_admin_token || true)
      if [[ -z "$token" || "$token" == null ]]; then
        err "keycloak: cannot get an admin token for $ZWY_KC_ADMIN_USER (realm master)"; return 1
      fi
    fi
    local resp
    if [[ "$code" == 200 ]]; then
      # update in place, never delete: accounts created at run time (staff administrators of
      # onboarded tenants) must survive an edit of the realm file
      _kc_update_realm "$f" "$realm" "$token" || { rm -f "$hashfile"; return 1; }
      echo "$sum" >"$hashfile"
      done_list+=("$realm")
      continue
    fi
    resp=$(curl -s -m 120 -w '\n%{http_code}' -X POST -H "Authorization: Bearer $token" \
      -H 'Content-Type: application/json' --data-binary "@$f" "$ZWY_KC_URL/admin/realms")
    if [[ "${resp##*$'\n'}" != 201 ]]; then
      err "keycloak: importing $f failed (HTTP ${resp##*$'\n'}): ${resp%$'\n'*}"
      rm -f "$hashfile"
      return 1
    fi
    echo "$sum" >"$hashfile"
    done_list+=("$realm")
  done
  if [[ -z "$token" ]]; then
    token=$(_kc_admin_token || true)
    if [[ -z "$token" || "$token" == null ]]; then
      err "keycloak: cannot get an admin token for $ZWY_KC_ADMIN_USER (realm master)"; return 1
    fi
  fi
  _kc_protect_master "$token" || return 1
  if ((${#done_list[@]})); then
    log "keycloak: imported realm(s) ${done_list[*]} from $ZWY_KC_REALM_DIR ($kept unchanged)"
  else
    log "keycloak: realms unchanged ($kept)"
  fi
}

ensure_keycloak() { _kc_start && _kc_wait && keycloak_sync_realms; }

_stop_keycloak() {
  local pid lp
  pid=$(_kc_pid || true)
  lp=$(pid_from_file "$_kc_launcher_pidfile" 2>/dev/null || true)
  if [[ -z "$pid" && -z "$lp" ]]; then
    rm -f "$_kc_pidfile" "$_kc_launcher_pidfile"; _unmark_started keycloak
    log "keycloak: not running"; return 0
  fi
  # TERM to the JVM (graceful shutdown); kc.sh then exits as well
  [[ -n "$pid" ]] && { stop_pid keycloak "$pid" 60 || return 1; }
  [[ -n "$lp" ]] && { stop_pid keycloak-launcher "$lp" 20 || return 1; }
  wait_port_free "$ZWY_KC_PORT" 20 || { local j; j=$(pid_on_port "$ZWY_KC_PORT"); [[ -n "$j" ]] && stop_pid keycloak-java "$j" 20; }
  rm -f "$_kc_pidfile" "$_kc_launcher_pidfile"
  _unmark_started keycloak
  log "keycloak: stopped (pid ${pid:-$lp})"
}

# ================================================================ aggregate
infra_up() {
  ensure_tools
  local t0
  t0=$(now_ms)
  ensure_postgres
  ensure_redis
  ensure_db_roles
  # ES and Keycloak start in parallel; then wait for both
  _es_start
  _kc_start
  local rc=0
  _es_wait || rc=1
  _kc_wait || rc=1
  if ((rc != 0)); then
    err "infra: startup failed (logs under $ZWY_LOG_DIR); stopping what this run started"
    infra_stop_started_by_us >&2 || true
    return 1
  fi
  keycloak_sync_realms
  log "infra: up in $(_secs_since "$t0")s"
}

infra_down() {
  local rc=0
  _stop_keycloak || rc=1
  _stop_elasticsearch || rc=1
  if _started_by_us "$(_redis_marker)"; then _stop_redis || rc=1; fi
  if _started_by_us postgres; then _stop_postgres || rc=1; fi
  return $rc
}

infra_stop_started_by_us() {
  local rc=0 any=''
  if _started_this_run keycloak; then any=1; _stop_keycloak || rc=1; fi
  if _started_this_run elasticsearch; then any=1; _stop_elasticsearch || rc=1; fi
  if _started_this_run "$(_redis_marker)"; then any=1; _stop_redis || rc=1; fi
  if _started_this_run postgres; then any=1; _stop_postgres || rc=1; fi
  [[ -n "$any" ]] || log "infra: nothing was started by this run"
  return $rc
}

infra_status() {
  local pid s
  _status_line() { printf '%-14s %-8s %-32s pid %s%s\n' "$1" "$2" "$3" "${4:--}" "$5"; }
  if pg_answers; then s=running; else s=stopped; fi
  pid=$( [[ $s == running ]] && _pg_pid || true)
  _status_line postgres "$s" "postgresql://$ZWY_PG_HOST:$ZWY_PG_PORT" "$pid" "$(_started_by_us postgres && echo ' (started by us)')"
  if redis_answers; then s=running; else s=stopped; fi
  pid=$( [[ $s == running ]] && _redis_pid || true)
  _status_line redis "$s" "redis://$ZWY_REDIS_HOST:$ZWY_REDIS_PORT" "$pid" "$(_started_by_us "$(_redis_marker)" && echo ' (started by us)')"
  pid=$(_es_pid || true)
  if es_answers; then s=running; elif [[ -n "$pid" ]]; then s=starting; else s=stopped; fi
  _status_line elasticsearch "$s" "$ZWY_ES_URL" "$pid" "$( [[ -n "$pid" ]] && echo " rss $(rss_mb "$pid")MB")"
  pid=$(_kc_pid || true)
  if kc_answers; then s=running; elif [[ -n "$pid" ]]; then s=starting; else s=stopped; fi
  _status_line keycloak "$s" "$ZWY_KC_URL" "$pid" "$( [[ -n "$pid" ]] && echo " rss $(rss_mb "$pid")MB")"
}
