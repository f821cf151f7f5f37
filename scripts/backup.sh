# shellcheck shell=bash
# Backup and restore of a platform instance (issue 13, docs/operations.md "Backup and restore"):
#   ./platform backup  [DIR]              pg_dump -Fc of every database + an Elasticsearch snapshot of the
#                                         instance's indices, into DIR (default $ZWY_BACKUP_ROOT/<UTC time>)
#   ./platform restore DIR [--suffix S]   without --suffix: WIPES the databases and indices and restores them
#                                         (stop the services first); with --suffix S: restores beside them, into
#                                         databases <db>_S and indices under <prefix>-S (a restore drill)
# Which instance: the databases ZWY_TENANT_DB, ZWY_CASE_DB, ZWY_SEARCH_DB and ZWY_KC_DB_NAME and the index
# prefix ZWY_ES_INDEX_PREFIX, with the services' defaults (the test command sets its own). Redis is not backed
# up: it holds limits, the event stream and live fan-out, and the outboxes in PostgreSQL re-publish what a lost
# stream did not deliver (consumers are idempotent).
# Elasticsearch writes snapshots only under its path.repo (set to ZWY_BACKUP_ROOT by scripts/infra.sh), so DIR
# must lie there; the databases are dumped by the PostgreSQL superuser (row-level security would hide rows
# from any other role); the dumps are read and written by root and passed through a pipe (user postgres
# cannot enter DIR).

if [[ -n "${_ZWY_BACKUP_SH:-}" ]]; then return 0; fi
_ZWY_BACKUP_SH=1

_backup_databases() {
  printf '%s\n' "${ZWY_TENANT_DB:-zwy_tenant}" "${ZWY_CASE_DB:-zwy_case}" "${ZWY_SEARCH_DB:-zwy_search}" "$ZWY_KC_DB_NAME"
}
_backup_index_prefix() { printf '%s' "${ZWY_ES_INDEX_PREFIX:-zwy}"; }

# _pg_super TOOL ARGS...: a PostgreSQL client tool as the superuser (peer auth as OS user postgres, else TCP)
_pg_super() {
  local tool=$1; shift
  if id -u postgres >/dev/null 2>&1 && runuser -u postgres -- psql -X -q -d postgres -c 'select 1' >/dev/null 2>&1; then
    runuser -u postgres -- "$tool" "$@"
  else
    "$tool" -h "$ZWY_PG_HOST" -p "$ZWY_PG_PORT" -U postgres "$@"
  fi
}

# _es JSON-CALL: curl on Elasticsearch that fails on an HTTP error and prints the answer
_es() {
  local method=$1 path=$2 body=${3:-}
  if [[ -n "$body" ]]; then
    curl --fail-with-body -sS -m 600 -X "$method" -H 'Content-Type: application/json' "$ZWY_ES_URL$path" -d "$body"
  else
    curl --fail-with-body -sS -m 600 -X "$method" "$ZWY_ES_URL$path"
  fi
}

_backup_check_dir() {
  local dir=$1 root
  root=$(realpath -m "$ZWY_BACKUP_ROOT")
  [[ "$(realpath -m "$dir")/" == "$root/"* ]] \
    || die "backup: $dir is not under $ZWY_BACKUP_ROOT (Elasticsearch's path.repo); choose a folder there or set ZWY_BACKUP_ROOT"
}

cmd_backup() {
  local dir=${1:-$ZWY_BACKUP_ROOT/$(date -u +%Y%m%dT%H%M%SZ)} t0 db prefix snapshot
  t0=$(now_ms)
  require_root
  dir=$(realpath -m "$dir")
  _backup_check_dir "$dir"
  [[ ! -e "$dir/manifest" ]] || die "backup: $dir already holds a backup"
  pg_answers || die "backup: PostgreSQL does not answer on $ZWY_PG_HOST:$ZWY_PG_PORT"
  install -d -m 0750 -o "$ZWY_USER" -g "$ZWY_USER" "$ZWY_BACKUP_ROOT"
  # the dumps are for root; Elasticsearch (user $ZWY_USER) must only pass through to its snapshot folder
  install -d -m 0750 -g "$ZWY_USER" "$dir"
  install -d -m 0750 -o "$ZWY_USER" -g "$ZWY_USER" "$dir/elasticsearch"
  prefix=$(_backup_index_prefix)
  snapshot="backup-$(basename "$dir" | tr '[:upper:]' '[:lower:]' | tr -c 'a-z0-9_\n-' '-')"
  {
    echo "# 政务云 backup: ./platform restore $dir"
    echo "time $(date -u +%FT%TZ)"
    echo "index-prefix $prefix"
    echo "snapshot $snapshot"
  } >"$dir/manifest.tmp"
  while read -r db; do
    local owner
    owner=$(_pg_super psql -X -At -d postgres -c "select pg_get_userbyid(datdba) from pg_database where datname = '$db'")
    [[ -n "$owner" ]] || die "backup: database $db does not exist"
    # -Fc: compressed, restorable table by table; one consistent snapshot of the database per dump
    install -m 0600 /dev/null "$dir/$db.dump"
    _pg_super pg_dump -Fc -d "$db" >"$dir/$db.dump" || die "backup: pg_dump of $db failed"
    echo "database $db $owner $(stat -c %s "$dir/$db.dump") $(sha256sum "$dir/$db.dump" | cut -d' ' -f1)" >>"$dir/manifest.tmp"
    log "backup: $db ($(numfmt --to=iec "$(stat -c %s "$dir/$db.dump")"))"
  done < <(_backup_databases)
  # the indices (projections that could be rebuilt with ./platform reindex; the snapshot only makes recovery
  # fast) with their aliases, into a repository inside DIR
  local answer
  answer=$(_es PUT "/_snapshot/$snapshot" "{\"type\":\"fs\",\"settings\":{\"location\":\"$dir/elasticsearch\"}}") \
    || die "backup: Elasticsearch refused the snapshot repository $dir/elasticsearch (is its path.repo $ZWY_BACKUP_ROOT? ./platform up restarts it so): $answer"
  answer=$(_es PUT "/_snapshot/$snapshot/snapshot?wait_for_completion=true" \
    "{\"indices\":\"$prefix-*\",\"include_global_state\":false,\"ignore_unavailable\":true}") \
    || die "backup: Elasticsearch snapshot failed"
  grep -q '"state":"SUCCESS"' <<<"$answer" || die "backup: Elasticsearch snapshot did not succeed: $answer"
  _es DELETE "/_snapshot/$snapshot" >/dev/null || true
  echo "indices $(grep -o '"indices":\[[^]]*\]' <<<"$answer" | head -n1 | sed 's/"indices"://')" >>"$dir/manifest.tmp"
  # aliases by name, to recreate them beside renamed indices (is_write_index is "-" where not set)
  _es GET "/_cat/aliases/$prefix-*?h=alias,index,is_write_index" \
    | awk -v p="$prefix-" 'index($2, p) == 1 {print "alias", $1, $2, ($3 == "true" ? "true" : "false")}' >>"$dir/manifest.tmp"
  mv "$dir/manifest.tmp" "$dir/manifest"
  ok "backup: $dir in $(_secs_since "$t0")s"
}

cmd_restore() {
  local dir=${1:-} suffix='' t0
  [[ -n "$dir" ]] || die "usage: ./platform restore DIR [--suffix S]"
  shift
  if [[ "${1:-}" == --suffix ]]; then
    suffix=${2:-}
    [[ "$suffix" =~ ^[a-z0-9]+$ ]] || die "restore: --suffix takes lower-case letters and digits"
  fi
  t0=$(now_ms)
  require_root
  dir=$(realpath -m "$dir")
  _backup_check_dir "$dir"
  [[ -r "$dir/manifest" ]] || die "restore: $dir holds no complete backup (no manifest)"
  pg_answers || die "restore: PostgreSQL does not answer on $ZWY_PG_HOST:$ZWY_PG_PORT"
  local kind db owner size sum target
  while read -r kind db owner size sum; do
    [[ "$kind" == database ]] || continue
    [[ "$(sha256sum "$dir/$db.dump" | cut -d' ' -f1)" == "$sum" ]] || die "restore: $dir/$db.dump does not match its checksum"
    target=$db${suffix:+_$suffix}
    _pg_super psql -X -q -d postgres -c "drop database if exists \"$target\" with (force)" \
      || die "restore: could not drop $target"
    _pg_super psql -X -q -d postgres \
      -c "create database \"$target\" owner \"$owner\" encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8' template template0" \
      || die "restore: could not create $target"
    # the database's own grants and settings (who may connect), which pg_dump keeps with --create only
    _pg_super pg_restore --create --schema-only -f - <"$dir/$db.dump" \
      | grep -E "^(GRANT|REVOKE|ALTER DATABASE) .* DATABASE $db( |;)" \
      | sed -E "s/DATABASE $db( |;)/DATABASE \"$target\"\\1/" \
      | _pg_super psql -X -q -v ON_ERROR_STOP=1 -d postgres >/dev/null \
      || die "restore: the grants of $target failed"
    _pg_super pg_restore --exit-on-error -d "$target" <"$dir/$db.dump" || die "restore: pg_restore into $target failed"
    # a restored database has no statistics: case-service plans generically (ADR 0038), and a plan made without them
    # stays with its connection until the next ANALYZE, which autovacuum may not run soon (or at all: this box has it off)
    _pg_super psql -X -q -d "$target" -c analyze || die "restore: analyze of $target failed"
    log "restore: $db → $target"
  done <"$dir/manifest"
  local prefix snapshot
  prefix=$(awk '$1 == "index-prefix" {print $2}' "$dir/manifest")
  snapshot=$(awk '$1 == "snapshot" {print $2}' "$dir/manifest")
  _es PUT "/_snapshot/$snapshot" "{\"type\":\"fs\",\"settings\":{\"location\":\"$dir/elasticsearch\",\"readonly\":true}}" >/dev/null \
    || die "restore: Elasticsearch refused the snapshot repository $dir/elasticsearch"
  if [[ -z "$suffix" ]]; then
    _es DELETE "/$prefix-*?expand_wildcards=all" >/dev/null || true
    _es POST "/_snapshot/$snapshot/snapshot/_restore?wait_for_completion=true" \
      "{\"indices\":\"$prefix-*\",\"include_global_state\":false,\"include_aliases\":true}" >/dev/null \
      || die "restore: Elasticsearch restore failed"
  else
    # beside the live indices: renamed, and their aliases recreated under the new prefix (restoring the aliases
    # themselves would move the live ones)
    local renamed="$prefix-$suffix"
    _es DELETE "/$renamed-*?expand_wildcards=all" >/dev/null || true
    _es POST "/_snapshot/$snapshot/snapshot/_restore?wait_for_completion=true" \
      "{\"indices\":\"$prefix-*\",\"include_global_state\":false,\"include_aliases\":false,\"rename_pattern\":\"^$prefix-(.+)\$\",\"rename_replacement\":\"$renamed-\$1\"}" >/dev/null \
      || die "restore: Elasticsearch restore failed"
    local kind alias index write
    while read -r kind alias index write; do
      [[ "$kind" == alias ]] || continue
      _es POST /_aliases "{\"actions\":[{\"add\":{\"index\":\"$renamed-${index#"$prefix-"}\",\"alias\":\"$renamed-${alias#"$prefix-"}\",\"is_write_index\":${write:-false}}}]}" >/dev/null \
        || die "restore: alias $renamed-${alias#"$prefix-"} failed"
    done <"$dir/manifest"
  fi
  _es DELETE "/_snapshot/$snapshot" >/dev/null || true
  ok "restore: $dir${suffix:+ (as *_$suffix, $prefix-$suffix-*)} in $(_secs_since "$t0")s"
}
