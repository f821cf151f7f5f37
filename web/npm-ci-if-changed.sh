#!/usr/bin/env bash
# npm ci when package-lock.json changed since the last install (or node_modules is missing): a
# fresh clone and CI install once; later builds skip the minute npm ci takes. Uses the system's
# npm; nothing here downloads a Node binary (ADR 0025).
set -euo pipefail
cd "$(dirname "$0")"
command -v npm >/dev/null || { echo "web: npm is missing (Node 20 and npm are required: apt-get install nodejs npm)" >&2; exit 1; }
stamp=node_modules/.zwy-lock.sha256
sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ -f "$stamp" && "$(cat "$stamp")" == "$sum" ]]; then exit 0; fi
npm ci --no-audit --no-fund --loglevel=error
echo "$sum" >"$stamp"
