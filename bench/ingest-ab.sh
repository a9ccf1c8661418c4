#!/usr/bin/env bash
# A/B of ingest throughput between two checkouts of copydesk: bench/ingest.ts of each takes turns
# on core 1, alternating A B A B ..., each turn on fresh databases of the DATABASE_URL server, and
# prints one line per turn with the load average (the machine may be shared: compare turns that
# ran next to each other, and the spread of each side).
#
#   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres bench/ingest-ab.sh CHECKOUT_A CHECKOUT_B [ROUNDS] [STORIES]
#
# A checkout is a directory with this repository's bench/ and src/ (a worktree, or `git archive
# <commit>` unpacked with src/generated/ copied and node_modules linked), which runs from source
# through tsx. Each turn's JSON goes to $AB_OUT (default a temporary directory) as <round>-<side>.json.
set -euo pipefail
a="$1"; b="$2"; rounds="${3:-3}"; stories="${4:-200}"
: "${DATABASE_URL:?set DATABASE_URL to a PostgreSQL server (each turn creates and drops its own databases)}"
out="${AB_OUT:-$(mktemp -d)}"
mkdir -p "$out"
for round in $(seq 1 "$rounds"); do
  for side in A B; do
    if [ "$side" = A ]; then dir="$a"; else dir="$b"; fi
    file="$out/$round-$side.json"
    load="$(cut -d' ' -f1-3 /proc/loadavg)"
    (cd "$dir" && NODE_ENV=production taskset -c 1 node --import tsx bench/ingest.ts --stories "$stories" --out "$file" >/dev/null)
    node -e '
      const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      const cpu = (pass) => `CPU/story node ${pass.cpuMsPerStory.node} ms + PostgreSQL ${pass.cpuMsPerStory.postgres ?? "-"} ms`;
      console.log(`round ${process.argv[2]} ${process.argv[3]} (${process.argv[4]}): end to end ${r.ingest.storiesPerSecond} stories/s (p50 ${r.ingest.msPerStory.p50} ms, ${cpu(r.ingest)}), ` +
        `writes only ${r.writes.storiesPerSecond} stories/s (p50 ${r.writes.msPerStory.p50} ms, ${cpu(r.writes)}), extraction alone ${r.extraction.storiesPerSecond} stories/s; ` +
        `${r.ingest.suggestions} suggestions; load ${process.argv[5]} before, ${r.machine.loadAverage.join(" ")} after`);
    ' "$file" "$round" "$side" "$dir" "$load"
  done
done
echo "JSON per turn in $out"
