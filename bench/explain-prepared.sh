#!/usr/bin/env bash
# How long PostgreSQL runs one statement the way copydesk's server runs it: as a named prepared
# statement, past the plan cache's first five custom plans (so with the plan the cache keeps).
# Load-robust in part: the buffers are exact, the times move with the machine's load.
#
#   DATABASE_URL=postgresql://.../copydesk_x bench/explain-prepared.sh STATEMENT.sql "'attack', 'armed_clash', ..." [N]
#
# STATEMENT.sql holds the text with its $1.. placeholders (from the server log with
# `ALTER DATABASE copydesk_x SET log_min_duration_statement = 0`; RESET it afterwards), the second
# argument the parameters as SQL literals. PREPARE_TYPES="(text, text)" declares the types of
# parameters the text does not use. Prints the plan cache's generic/custom counts, the median
# planning time and the min/median execution time of N runs, and the buffers of the statement.
set -euo pipefail
file="$1"; params="$2"; runs="${3:-20}"
: "${DATABASE_URL:?set DATABASE_URL to the database}"
{
  echo "PREPARE s${PREPARE_TYPES:-} AS $(sed -e 's/;[[:space:]]*$//' "$file");"
  for _ in $(seq 1 10); do echo "EXECUTE s($params);"; done
  for _ in $(seq 1 "$runs"); do echo "EXPLAIN (ANALYZE, TIMING OFF, BUFFERS) EXECUTE s($params);"; done
  echo "SELECT 'plans', generic_plans, custom_plans FROM pg_prepared_statements;"
} | psql -X -q -At "$DATABASE_URL" | awk -F'|' '
  /^plans/ { plans = "generic plans " $2 ", custom plans " $3 }
  /Planning Time/ { split($0, a, " "); planning[np++] = a[3] }
  /Execution Time/ { split($0, a, " "); execution[ne++] = a[3] }
  !top && /^(Result|Aggregate|Limit|Nested|Sort)/ { top = 1; want = 1; next }
  want && /Buffers/ { buffers = $0; want = 0 }
  function median(v, n,   i, j, t) { for (i = 0; i < n; i++) for (j = i + 1; j < n; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t } return v[int(n / 2)] }
  function least(v, n,   i, m) { m = v[0]; for (i = 1; i < n; i++) if (v[i] < m) m = v[i]; return m }
  END { gsub(/^ +/, "", buffers); printf "%s | planning median %.3f ms | execution min %.3f median %.3f ms (%d runs) | %s\n", plans, median(planning, np), least(execution, ne), median(execution, ne), ne, buffers }'
