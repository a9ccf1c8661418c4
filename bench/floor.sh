#!/usr/bin/env bash
# Q1's floor: how far below L1 copydesk's stack is before any of copydesk's own code runs. The
# servers take turns on core 1 (autocannon on core 0, 10 connections), each warmed up 6 s, then
# measured 6 s; each turn prints req/s and the server's CPU ms per request (PostgreSQL is not
# pinned; on a shared machine CPU per request moves much less than req/s):
#   copydesk       dist/main.js answering bench/ab/q1.json (the SQL lane)
#   floor-prisma   bench/baselines/floor.ts: fastify + one statement through the Prisma client
#   floor-pg       the same with the statement sent through pg directly
#   l1             bench/baselines/l1.ts: node:http + pg (GET /q1)
#
#   DATABASE_URL=postgresql://.../copydesk_x TOKEN=cdk_<viewer> bench/floor.sh [ROUNDS]
#
# The database and token as for bench/ab.sh. Results: bench/results/q1-floor.md.
set -uo pipefail
rounds="${1:-2}"
: "${DATABASE_URL:?set DATABASE_URL to the corpus database}"; : "${TOKEN:?set TOKEN to a viewer token}"
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
port="${FLOOR_PORT:-4602}"
autocannon="$root/node_modules/.bin/autocannon"
slug="$(node -e 'console.log(JSON.parse(require("fs").readFileSync("bench/ab/q1.json","utf8")).variables.slug)')"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

turn() {  # name command...
  local name="$1"; shift
  (NODE_ENV=production RATE_LIMIT_PER_TOKEN=1000000000 RATE_LIMIT_PER_IP=1000000000 HOST=127.0.0.1 PORT="$port" POOL_SIZE=10 \
    taskset -c 1 "$@" >"$out/$name" 2>&1) &
  local server=$! url=""
  for _ in $(seq 1 150); do
    url="$(grep -o '"listening":"[^"]*"' "$out/$name" | cut -d'"' -f4)"
    [ -n "$url" ] && break
    curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && { url="http://127.0.0.1:$port"; break; }
    sleep 0.2
  done
  local pid; pid="$(pgrep -P "$server" | head -1)"; pid="${pid:-$server}"
  local args
  if [ "$name" = l1 ]; then args=(-H "authorization=Bearer $TOKEN" "$url/q1?slug=$slug")
  else args=(-m POST -H "content-type=application/json" -H "authorization=Bearer $TOKEN" -i bench/ab/q1.json "$url/graphql"); fi
  # Same answer before timing: every server's Q1 `data` must equal copydesk's (L1 sends `data` bare).
  if [ "$name" = l1 ]; then curl -s -H "authorization: Bearer $TOKEN" "$url/q1?slug=$slug" >"$out/$name.answer"
  else curl -s -X POST -H "content-type: application/json" -H "authorization: Bearer $TOKEN" --data @bench/ab/q1.json "$url/graphql" >"$out/$name.answer"; fi
  if ! node -e 'const [a, b] = process.argv.slice(1).map((f) => JSON.parse(require("fs").readFileSync(f, "utf8")));
    const data = (x) => ("data" in x ? x.data : x); process.exit(require("node:util").isDeepStrictEqual(data(a), data(b)) ? 0 : 1)' "$out/copydesk.answer" "$out/$name.answer"; then
    echo "round $round $name: its answer differs from copydesk's: $(cat "$out/$name.answer")" >&2
  fi
  taskset -c 0 "$autocannon" -c 10 -d 6 --reconnectRate 1000 "${args[@]}" >/dev/null 2>&1
  local before after counts
  before="$(awk '{print $14+$15}' "/proc/$pid/stat")"
  counts="$(taskset -c 0 "$autocannon" -c 10 -d 6 --reconnectRate 1000 -j "${args[@]}" 2>/dev/null | node -e 'const r=JSON.parse(require("fs").readFileSync(0,"utf8"));console.log(r.requests.total-r.non2xx, r.non2xx + r.errors)')"
  after="$(awk '{print $14+$15}' "/proc/$pid/stat")"
  # shellcheck disable=SC2086
  set -- $counts
  awk -v nm="$name" -v n="$1" -v bad="$2" -v a="$after" -v b="$before" -v r="$round" \
    'BEGIN{printf "round %d %-13s %6.0f req/s  %.3f ms server CPU per request%s\n", r, nm, n/6, (a-b)*10/n, (bad > 0 ? "  (" bad " failed answers)" : "")}'
  kill "$pid" "$server" 2>/dev/null; wait "$server" 2>/dev/null
}

for round in $(seq 1 "$rounds"); do
  turn copydesk node dist/main.js
  turn floor-prisma node --import tsx bench/baselines/floor.ts
  FLOOR_DRIVER=pg turn floor-pg node --import tsx bench/baselines/floor.ts
  turn l1 node --import tsx bench/baselines/l1.ts
done
