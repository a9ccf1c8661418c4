#!/usr/bin/env bash
# A/B of two builds or two sets of node flags on one workload: the servers take turns on core 1
# (autocannon on core 0), and each turn prints req/s, the server's CPU ms per request and the CPU
# ms per request of the PostgreSQL backends serving DATABASE_URL's database (PostgreSQL is not
# pinned: on a shared machine req/s moves with the load, CPU per request much less).
#
#   DATABASE_URL=postgresql://.../copydesk_x TOKEN=cdk_... bench/ab.sh bench/ab/q2.json DIST_A DIST_B [ROUNDS]
#   FLAGS_B=--max-semi-space-size=64 ... bench/ab.sh bench/ab/q2.json dist dist
#   TOKEN=<an editor's> ... bench/ab.sh bench/ab/m1-edits.mjs DIST_A DIST_B   # M1: edits at the current version
#
# DIST_A/DIST_B are copies of dist/ inside the repository (cp -r dist dist-a after each build), so
# that they find node_modules. The database: `node dist/cli.js seed && node dist/cli.js
# generate-corpus` on DATABASE_URL, the token from `node dist/cli.js token create --role viewer`.
set -euo pipefail
file="$1"; dist_a="$2"; dist_b="$3"; rounds="${4:-2}"
: "${DATABASE_URL:?set DATABASE_URL to the corpus database}"; : "${TOKEN:?set TOKEN to a viewer token (an editor token for M1)}"
root="$(cd "$(dirname "$0")/.." && pwd)"
port="${AB_PORT:-4555}"
autocannon="$root/node_modules/.bin/autocannon"
# A new connection every 1000 requests, where copydesk closes one (MAX_REQUESTS_PER_SOCKET in
# src/server/http-app.ts): autocannon does not reconnect on `Connection: close` by itself.
load() {  # seconds [json]
  if [[ "$file" == *.mjs ]]; then taskset -c 0 node "$file" "http://127.0.0.1:$port/graphql" "$TOKEN" "$1" ${2:+--json}; return; fi
  taskset -c 0 "$autocannon" -c 10 -d "$1" --reconnectRate 1000 ${2:+-j} -m POST -H "content-type=application/json" -H "authorization=Bearer $TOKEN" -i "$file" "http://127.0.0.1:$port/graphql" 2>/dev/null
}
backend_ticks() {  # "pid ticks" of every backend connected to the database (this query's own aside)
  for backend in $(psql "$DATABASE_URL" -XAtc "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"); do
    [ -r "/proc/$backend/stat" ] && awk -v p="$backend" '{print p, $14+$15}' "/proc/$backend/stat"
  done
  return 0
}
for round in $(seq 1 "$rounds"); do
  for side in A B; do
    if [ "$side" = A ]; then dist="$dist_a"; flags="${FLAGS_A:-}"; else dist="$dist_b"; flags="${FLAGS_B:-}"; fi
    (cd "$root" && NODE_ENV=production RATE_LIMIT_PER_TOKEN=1000000000 RATE_LIMIT_PER_IP=1000000000 HOST=127.0.0.1 PORT="$port" \
      taskset -c 1 node $flags "$dist/main.js" >/dev/null 2>&1) &
    server=$!
    for _ in $(seq 1 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && break; sleep 0.2; done
    pid="$(pgrep -P "$server" -f main.js || echo "$server")"
    load 5 >/dev/null
    backends_before="$(backend_ticks)"
    before="$(awk '{print $14+$15}' "/proc/$pid/stat")"
    # Only 2xx answers count; a turn with any other answer says so instead of passing them off as served.
    requests="$(load 6 json | node -e 'const r=JSON.parse(require("fs").readFileSync(0,"utf8"));if(r.non2xx||r.errors)console.error(`${r.non2xx} non-2xx answers, ${r.errors} errors in this turn`);console.log(r.requests.total-r.non2xx)')"
    after="$(awk '{print $14+$15}' "/proc/$pid/stat")"
    # A backend opened during the turn counts from zero; one closed during it is lost (the pool keeps them).
    backends="$(printf '%s\n--\n%s\n' "$backends_before" "$(backend_ticks)" | awk '$0 == "--" {after = 1; next} NF == 2 && !after {b[$1] = $2} NF == 2 && after {t += $2 - b[$1]} END {print t + 0}')"
    awk -v s="$side" -v d="$dist $flags" -v n="$requests" -v a="$after" -v b="$before" -v pg="$backends" \
      'BEGIN{printf "round %d %s (%s): %.0f req/s, %.2f ms server CPU per request, %.2f ms PostgreSQL CPU per request\n", '"$round"', s, d, n/6, (a-b)*10/n, pg*10/n}'
    # Only this turn's server (its node process and the subshell that started it): a pattern would
    # also stop another session's server started from a directory of the same name.
    kill "$pid" "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true
  done
done
