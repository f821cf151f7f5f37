# shellcheck shell=bash
# Shared helpers for ./platform and scripts/infra.sh.  Source it; do not execute it.
# Safe under `set -euo pipefail`.  Everything here is local-demo tooling.

if [[ -n "${_ZWY_LIB_SH:-}" ]]; then return 0; fi
_ZWY_LIB_SH=1

ZWY_REPO_ROOT="${ZWY_REPO_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}"
# Runtime root: homes, data, logs and pids of the local processes.  Must NOT be inside
# the repository (the unprivileged user `zwy` may not be able to enter the clone).
ZWY_HOME="${ZWY_HOME:-/var/lib/zwy}"
ZWY_LOG_DIR="${ZWY_LOG_DIR:-$ZWY_HOME/logs}"
ZWY_RUN_DIR="${ZWY_RUN_DIR:-$ZWY_HOME/run}"
ZWY_DATA_DIR="${ZWY_DATA_DIR:-$ZWY_HOME/data}"
ZWY_STATE_DIR="${ZWY_STATE_DIR:-$ZWY_HOME/state}"
ZWY_DOWNLOAD_DIR="${ZWY_DOWNLOAD_DIR:-$ZWY_HOME/downloads}"
ZWY_SECRETS_DIR="${ZWY_SECRETS_DIR:-$ZWY_HOME/secrets}"
ZWY_USER="${ZWY_USER:-zwy}"
ZWY_MIN_JAVA="${ZWY_MIN_JAVA:-21}"
export ZWY_REPO_ROOT ZWY_HOME ZWY_LOG_DIR ZWY_RUN_DIR ZWY_DATA_DIR ZWY_STATE_DIR ZWY_DOWNLOAD_DIR ZWY_SECRETS_DIR ZWY_USER

# ---------------------------------------------------------------- messages
if [[ -t 1 && -z "${NO_COLOR:-}" ]]; then
  _zwy_c_ok=$'\e[32m' _zwy_c_warn=$'\e[33m' _zwy_c_err=$'\e[31m' _zwy_c_off=$'\e[0m'
else
  _zwy_c_ok='' _zwy_c_warn='' _zwy_c_err='' _zwy_c_off=''
fi
log()  { printf '%s\n' "$*"; }
ok()   { printf '%s%s%s\n' "$_zwy_c_ok" "$*" "$_zwy_c_off"; }
warn() { printf '%sWARN: %s%s\n' "$_zwy_c_warn" "$*" "$_zwy_c_off" >&2; }
err()  { printf '%sERROR: %s%s\n' "$_zwy_c_err" "$*" "$_zwy_c_off" >&2; }
die()  { err "$*"; exit 1; }

have() { command -v "$1" >/dev/null 2>&1; }

# now_ms: milliseconds since epoch (for timings)
now_ms() { date +%s%3N; }
# _secs_since T0_MS: elapsed seconds with one decimal, e.g. 14.2
_secs_since() { local d=$(( $(now_ms) - $1 )); printf '%d.%d' $((d / 1000)) $(((d % 1000) / 100)); }

# require_root: the infra scripts install packages, create a system user and run
# processes as that user, so they need root.
require_root() {
  [[ $(id -u) -eq 0 ]] || die "this needs root (install packages, create user '$ZWY_USER', start services as '$ZWY_USER'); re-run with sudo"
}

# ---------------------------------------------------------------- secrets of the local demo
# zwy_secret NAME: prints the local demo's secret NAME (Redis passwords, the events HMAC key),
# generated once at random into $ZWY_SECRETS_DIR (root only) and the same on every later run.
# A cluster gets its secrets from its own Secrets instead (helm/).
zwy_secret() {
  local f="$ZWY_SECRETS_DIR/$1"
  if [[ ! -s "$f" ]]; then
    install -d -m 0700 "$ZWY_SECRETS_DIR" || die "cannot create $ZWY_SECRETS_DIR"
    # 48 random bytes, letters and digits only (safe in redis-cli lines and environment variables)
    (umask 077 && head -c 48 /dev/urandom | base64 -w0 | tr -d '/+=' >"$f.$$" && mv "$f.$$" "$f") \
      || die "cannot write the secret $f"
  fi
  cat "$f"
}

# ---------------------------------------------------------------- apt
_zwy_apt_updated=''
# apt_install PKG...: install Debian packages that are missing (apt-get update once per shell).
apt_install() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  require_root
  have apt-get || die "missing packages ${missing[*]} and no apt-get to install them"
  log "installing packages: ${missing[*]}"
  if [[ -z "$_zwy_apt_updated" ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || die "apt-get update failed"
    _zwy_apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
}

# ensure_tools: command-line tools the infra scripts use.
ensure_tools() {
  local pkgs=()
  have curl  || pkgs+=(curl ca-certificates)
  have unzip || pkgs+=(unzip)
  have jq    || pkgs+=(jq)
  have ss    || pkgs+=(iproute2)
  have setpriv || pkgs+=(util-linux)
  ((${#pkgs[@]})) && apt_install "${pkgs[@]}"
  return 0
}

# ---------------------------------------------------------------- JDK
# java_major JAVA_HOME: prints the feature version (17, 21, 25, ...) or nothing.
java_major() {
  local jh=$1 v=''
  [[ -x "$jh/bin/java" ]] || return 1
  if [[ -r "$jh/release" ]]; then
    v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$jh/release" | head -n1)
  fi
  if [[ -z "$v" ]]; then
    v=$("$jh/bin/java" -version 2>&1 | sed -n 's/.* version "\([^"]*\)".*/\1/p' | head -n1)
  fi
  [[ -n "$v" ]] || return 1
  v=${v#1.}            # 1.8.0 -> 8.0
  printf '%s\n' "${v%%[.+-]*}"
}

# find_jdk [MIN]: prints a JDK home with version >= MIN (default ZWY_MIN_JAVA=21):
# $JAVA_HOME if suitable, else /usr/lib/jvm/temurin-25-jdk-amd64, else the newest
# /usr/lib/jvm/* that qualifies.  No side effects.
find_jdk() {
  local min=${1:-$ZWY_MIN_JAVA} cand best='' bestv=0 v
  for cand in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
    [[ -n "$cand" ]] || continue
    v=$(java_major "$cand" 2>/dev/null) || continue
    if ((v >= min)); then printf '%s\n' "$cand"; return 0; fi
  done
  for cand in /usr/lib/jvm/*; do
    [[ -d "$cand" && ! -L "$cand" ]] || continue
    v=$(java_major "$cand" 2>/dev/null) || continue
    if ((v >= min && v > bestv)); then best=$cand; bestv=$v; fi
  done
  [[ -n "$best" ]] || return 1
  printf '%s\n' "$best"
}

# pick_jdk [MIN]: export JAVA_HOME and PATH for a JDK >= MIN (default 21), or fail clearly.
pick_jdk() {
  local min=${1:-$ZWY_MIN_JAVA} jh
  if ! jh=$(find_jdk "$min"); then
    err "no JDK >= $min found (JAVA_HOME='${JAVA_HOME:-}', looked at /usr/lib/jvm/temurin-25-jdk-amd64 and /usr/lib/jvm/*)."
    err "Keycloak 26 needs Java 21+; Debian 12 apt only ships openjdk-17. Install a Temurin 21/25 JDK (e.g. /usr/lib/jvm/temurin-25-jdk-amd64) or point JAVA_HOME at one."
    return 1
  fi
  export JAVA_HOME="$jh"
  case ":$PATH:" in
    "$jh/bin:"*) ;;
    *) export PATH="$jh/bin:$PATH" ;;
  esac
}

# ---------------------------------------------------------------- processes
# pid_alive PID
pid_alive() { [[ -n "${1:-}" ]] && kill -0 "$1" 2>/dev/null; }

# pid_from_file FILE: prints the pid if the file names a live process.
pid_from_file() {
  local f=$1 p
  [[ -r "$f" ]] || return 1
  p=$(tr -dc '0-9' <"$f")
  pid_alive "$p" || return 1
  printf '%s\n' "$p"
}

# pid_on_port PORT: pid of the process listening on 127.0.0.1/any TCP PORT (first one).
pid_on_port() {
  ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n1
}

# rss_mb PID: resident set size in MiB.
rss_mb() {
  local kb
  kb=$(awk '/^VmRSS:/{print $2}' "/proc/$1/status" 2>/dev/null) || return 1
  [[ -n "$kb" ]] && echo $((kb / 1024))
}

# stop_pid NAME PID [TIMEOUT]: SIGTERM, wait, then SIGKILL.
stop_pid() {
  local name=$1 pid=$2 timeout=${3:-60} i
  pid_alive "$pid" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < timeout * 5; i++)); do
    pid_alive "$pid" || return 0
    sleep 0.2
  done
  warn "$name (pid $pid) did not exit within ${timeout}s, sending SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 50; i++)); do
    pid_alive "$pid" || return 0
    sleep 0.2
  done
  err "$name (pid $pid) is still alive"
  return 1
}

# wait_port_free PORT [TIMEOUT]
wait_port_free() {
  local port=$1 timeout=${2:-30} i
  for ((i = 0; i < timeout * 5; i++)); do
    [[ -z "$(pid_on_port "$port")" ]] && return 0
    sleep 0.2
  done
  return 1
}

# show_log_tail FILE [N] [since-start]: print the last N lines of a log to stderr (for
# failures); with since-start only lines after the last "===== ... starting" banner.
show_log_tail() {
  local f=$1 n=${2:-40} since=${3:-}
  if [[ -r "$f" ]]; then
    printf -- '----- last %s lines of %s -----\n' "$n" "$f" >&2
    if [[ -n "$since" ]]; then
      awk '/^===== .* starting /{buf=""; next} {buf = buf $0 "\n"} END{printf "%s", buf}' "$f" | tail -n "$n" >&2
    else
      tail -n "$n" "$f" >&2
    fi
    printf -- '-----\n' >&2
  else
    printf 'no log file %s\n' "$f" >&2
  fi
}

# ---------------------------------------------------------------- maven artifacts
# m2_artifact GROUP:ARTIFACT:VERSION:TYPE[:CLASSIFIER]: prints a local path to the artifact,
# fetching it from Maven Central with `mvn dependency:copy` when it is not in ~/.m2.
m2_artifact() {
  local coords=$1 g a v t c='' repo path file
  IFS=: read -r g a v t c <<<"$coords"
  repo=${ZWY_M2_REPO:-$HOME/.m2/repository}
  file="$a-$v${c:+-$c}.$t"
  path="$repo/${g//.//}/$a/$v/$file"
  if [[ -s "$path" ]]; then printf '%s\n' "$path"; return 0; fi
  if [[ -s "$ZWY_DOWNLOAD_DIR/$file" ]]; then printf '%s\n' "$ZWY_DOWNLOAD_DIR/$file"; return 0; fi
  have mvn || apt_install maven
  mkdir -p "$ZWY_DOWNLOAD_DIR"
  log "downloading $coords (Maven Central) ..." >&2
  # run outside the repository: inside a multi-module project mvn would run the goal per module
  if ! (cd "$ZWY_DOWNLOAD_DIR" && mvn -q -B -Dstyle.color=never dependency:copy -Dartifact="$coords" -DoutputDirectory="$ZWY_DOWNLOAD_DIR" >&2); then
    err "could not download $coords with mvn dependency:copy"
    return 1
  fi
  [[ -s "$ZWY_DOWNLOAD_DIR/$file" ]] || { err "mvn did not produce $ZWY_DOWNLOAD_DIR/$file"; return 1; }
  printf '%s\n' "$ZWY_DOWNLOAD_DIR/$file"
}

# ---------------------------------------------------------------- runtime user / dirs
# ensure_runtime_user: system user that runs Elasticsearch and Keycloak (ES refuses root).
ensure_runtime_user() {
  if ! id -u "$ZWY_USER" >/dev/null 2>&1; then
    require_root
    useradd --system --home-dir "$ZWY_HOME" --no-create-home --shell /usr/sbin/nologin --user-group "$ZWY_USER" \
      || die "useradd $ZWY_USER failed"
    log "created system user $ZWY_USER"
  fi
}

# ensure_runtime_dirs: ZWY_HOME layout; everything the runtime user writes is owned by it.
ensure_runtime_dirs() {
  ensure_runtime_user
  install -d -m 0755 "$ZWY_HOME"
  local d
  for d in "$ZWY_LOG_DIR" "$ZWY_RUN_DIR" "$ZWY_DATA_DIR" "$ZWY_STATE_DIR" "$ZWY_DOWNLOAD_DIR"; do
    [[ -d "$d" ]] || install -d -m 0775 -o "$ZWY_USER" -g "$ZWY_USER" "$d"
  done
  # every ancestor of ZWY_HOME must be enterable by the runtime user
  local p=$ZWY_HOME
  while [[ "$p" != / && -n "$p" ]]; do
    if ! setpriv --reuid="$ZWY_USER" --regid="$ZWY_USER" --init-groups test -x "$p" 2>/dev/null; then
      die "user $ZWY_USER cannot enter $p; choose another ZWY_HOME (default /var/lib/zwy)"
    fi
    p=$(dirname "$p")
  done
}

# as_runtime_user CMD...: exec CMD as the runtime user (no fork: keeps the pid).
as_runtime_user() {
  exec setpriv --reuid="$ZWY_USER" --regid="$ZWY_USER" --init-groups \
    env -i PATH=/usr/local/bin:/usr/bin:/bin HOME="$ZWY_HOME" USER="$ZWY_USER" LOGNAME="$ZWY_USER" LANG=C.UTF-8 "$@"
}
