#!/usr/bin/env bash
# ./platform up --replicas N: N instances of every service, with nginx in front of them on the usual ports
# (8080 the gateways, 8081-8083 the services) as a cluster's Services would be: round robin, no sticky sessions,
# WebSockets and streams passed through. Each replica has its own ports, pid files and logs (ZWY_INSTANCE=r<n>):
# replica r of a service listens on ZWY_REPLICA_PORT_BASE + 20·r + the service's offset (actuator 50 above).
# The gateways reach the services through nginx, so any gateway may use any service instance.
[[ -n "${_ZWY_REPLICAS_SH:-}" ]] && return 0
_ZWY_REPLICAS_SH=1

ZWY_REPLICA_PORT_BASE="${ZWY_REPLICA_PORT_BASE:-9080}"
_replicas_file() { printf '%s/replicas' "$ZWY_RUN_DIR"; }
_replicas_nginx_dir() { printf '%s/replicas-nginx' "$ZWY_RUN_DIR"; }

# _replica SUBCOMMAND R: runs services.sh's SUBCOMMAND (services_up, services_down, services_status) for replica R
_replica() {
  local cmd=$1 r=$2
  (
    export ZWY_INSTANCE="r$r" ZWY_PORT_BASE=$((ZWY_REPLICA_PORT_BASE + 20 * r)) ZWY_TRUSTED_PROXIES=127.0.0.1
    _ZWY_SERVICES_SH=; source "$ZWY_REPO_ROOT/scripts/services.sh"
    # every gateway talks to the services through nginx (the Service of a cluster), not to its own replica's
    export ZWY_TENANT_SERVICE_URL="http://127.0.0.1:8081" ZWY_CASE_SERVICE_URL="http://127.0.0.1:8082" \
      ZWY_SEARCH_SERVICE_URL="http://127.0.0.1:8083"
    "$cmd"
  )
}

_replicas_nginx_conf() {
  local n=$1 d=$2 r upstreams='' name offset
  for name in gateway:0 tenant:1 case:2 search:3; do
    offset=${name##*:}; name=${name%%:*}
    upstreams+="  upstream $name {"$'\n'
    for ((r = 1; r <= n; r++)); do upstreams+="    server 127.0.0.1:$((ZWY_REPLICA_PORT_BASE + 20 * r + offset)) max_fails=1 fail_timeout=5s;"$'\n'; done
    upstreams+="    keepalive 16;"$'\n'"  }"$'\n'
  done
  cat <<CONF
worker_processes 1;
pid $d/nginx.pid;
error_log $d/error.log warn;
events { worker_connections 2048; }
http {
  access_log off;
  client_max_body_size 25m;
  client_body_temp_path $d/tmp/body;
  proxy_temp_path $d/tmp/proxy;
  fastcgi_temp_path $d/tmp/fastcgi;
  uwsgi_temp_path $d/tmp/uwsgi;
  scgi_temp_path $d/tmp/scgi;
  map \$http_upgrade \$connection_upgrade { default upgrade; '' ''; }
$upstreams
  # a replica that does not answer is skipped; a request already sent is not repeated (POSTs are not idempotent)
  proxy_next_upstream error timeout;
  proxy_http_version 1.1;
  proxy_set_header Host \$host;
  proxy_set_header Upgrade \$http_upgrade;
  proxy_set_header Connection \$connection_upgrade;
  proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
  # subscriptions (WebSocket) and the services' live streams stay open
  proxy_buffering off;
  proxy_read_timeout 1h;
  server { listen 127.0.0.1:8080; location / { proxy_pass http://gateway; } }
  server { listen 127.0.0.1:8081; location / { proxy_pass http://tenant; } }
  server { listen 127.0.0.1:8082; location / { proxy_pass http://case; } }
  server { listen 127.0.0.1:8083; location / { proxy_pass http://search; } }
}
CONF
}

replicas_up() {
  local n=$1 r d port
  [[ "$n" =~ ^[1-9]$ ]] || die "--replicas takes a number from 1 to 9"
  have nginx || apt_install nginx-light
  have nginx || die "nginx is missing and could not be installed (apt-get install nginx-light)"
  for port in 8080 8081 8082 8083; do
    [[ -z "$(pid_on_port "$port")" ]] || die "port $port is taken (pid $(pid_on_port "$port")): ./platform down first"
  done
  build_services
  # one replica after the other: the first start of an empty database loads the demo data once
  for ((r = 1; r <= n; r++)); do log "replica $r of $n"; _replica services_up "$r"; done
  d=$(_replicas_nginx_dir)
  rm -rf "$d"; install -d -m 0755 "$d" "$d/tmp"
  _replicas_nginx_conf "$n" "$d" >"$d/nginx.conf"
  nginx -p "$d" -c "$d/nginx.conf" -e "$d/error.log" || die "nginx did not start (log: $d/error.log)"
  echo "$n" >"$(_replicas_file)"
  ok "replicas: $n of every service, nginx on 127.0.0.1:8080-8083 in front of them"
}

replicas_down() {
  local n r d
  n=$(cat "$(_replicas_file)" 2>/dev/null) || return 0
  d=$(_replicas_nginx_dir)
  [[ -s "$d/nginx.pid" ]] && nginx -p "$d" -c "$d/nginx.conf" -e "$d/error.log" -s quit 2>/dev/null || true
  for ((r = n; r >= 1; r--)); do _replica services_down "$r"; done
  rm -f "$(_replicas_file)"
}

replicas_status() {
  local n r
  n=$(cat "$(_replicas_file)" 2>/dev/null) || return 0
  for ((r = 1; r <= n; r++)); do echo "replica $r:"; _replica services_status "$r"; done
  echo "nginx (in front): pid $(cat "$(_replicas_nginx_dir)/nginx.pid" 2>/dev/null || echo -)"
}
