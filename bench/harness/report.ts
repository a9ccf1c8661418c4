/**
 * The shape of bench/results/*.json and the table bench/README.md shows, rewritten between its
 * `<!-- bench:results -->` markers after every run.
 */
import type { LoadResult } from "./load.js";
import type { ProfileSummary } from "./profile.js";
import type { TargetCheck, TargetName } from "./workloads.js";

/** One target's medians over the runs of a workload. */
export interface TargetSummary {
  readonly requestsPerSecond: number;
  readonly latencyMs: { readonly p50: number; readonly p95: number; readonly p99: number };
  /** Median over runs of the mean per request: copydesk's request log, or L1's own counter; null for L0. */
  readonly statementsPerRequest: number | null;
  readonly maxStatementsPerRequest: number | null;
  /** copydesk's own p50/p99 duration from its request log, without the client's and the network's share. */
  readonly serverMs: { readonly p50: number; readonly p99: number } | null;
  readonly peakRssMiB: number;
  /** Median over runs of the server's CPU ms per request (steadier than req/s on a shared machine). */
  readonly cpuMsPerRequest: number;
  readonly problems: readonly string[];
  readonly runs: readonly LoadResult[];
}

/** One workload's results. */
export interface WorkloadReport {
  readonly title: string;
  readonly targets: Partial<Record<TargetName, TargetSummary>>;
  /** copydesk req/s divided by L1 req/s (medians). */
  readonly ratioToL1: number | null;
  /** copydesk req/s divided by L2 req/s (medians), for the workloads L2 serves; absent in older results. */
  readonly ratioToL2?: number | null;
  /** copydesk req/s divided by the PostGraphile peer's (medians), for the workloads the peer serves; absent in older results. */
  readonly ratioToPostGraphile?: number | null;
  /** L1's CPU ms per request divided by copydesk's: the req/s ratio a CPU-bound server core would reach. */
  readonly cpuRatioToL1: number | null;
  readonly checks: readonly { readonly label: string; readonly value: number | null; readonly pass: boolean }[];
}

/** Everything one database run found. */
export interface DatabaseReport {
  readonly database: "postgres" | "embedded";
  readonly corpus: { readonly articles: number; readonly seconds: number; readonly summary: string };
  readonly settings: { readonly durationSeconds: number; readonly runs: number; readonly connections: number; readonly warmupSeconds: number };
  /** copydesk's resident memory after start-up (idle) and the highest sample under load. */
  readonly rssMiB: { readonly idle: number; readonly peak: number };
  readonly correctness: Record<string, { readonly bytes: number; readonly copydeskStatements: number; readonly equalToL1: boolean | null }>;
  readonly q2StatementsByPageSize: Record<string, number>;
  readonly workloads: Record<string, WorkloadReport>;
  readonly measurements: Record<string, unknown>;
  readonly profile: ProfileSummary | null;
}

/** The whole results file. */
export interface BenchResults {
  readonly date: string;
  readonly mode: "quick" | "full";
  readonly machine: { readonly cpus: number; readonly cpuModel: string; readonly node: string; readonly loadAverageAtStart: readonly number[]; readonly loadAverageAtEnd: readonly number[] };
  /** Which core the load generator and the servers ran on. */
  readonly pinning: { readonly loadGenerator: number; readonly servers: number; readonly postgres: string };
  readonly elapsedSeconds: number;
  readonly databases: readonly DatabaseReport[];
  /** Search at scale (--search-100k); carried over from the previous results when not run again. */
  readonly search100k: SearchAtScale | null;
}

/**
 * SQL statements of one request of a workload, sent alone before timing: Q2 at page sizes 1, 20
 * and 100, Q3's two pages. Under load the mean can differ slightly (Prisma batches concurrent
 * token lookups; a token's lastUsedAt is written once a minute), so the statement target is
 * checked on these counts.
 */
export function singleRequestStatements(database: Pick<DatabaseReport, "correctness" | "q2StatementsByPageSize">, workloadId: string): number | null {
  const counts =
    workloadId === "Q2"
      ? Object.values(database.q2StatementsByPageSize)
      : workloadId === "Q3"
        ? [database.correctness["Q3p1"]?.copydeskStatements, database.correctness["Q3p2"]?.copydeskStatements]
        : [database.correctness[workloadId]?.copydeskStatements];
  const known = counts.filter((count): count is number => count !== undefined);
  return known.length ? Math.max(...known) : null;
}

/** The issue's targets of a workload, checked on copydesk's medians. */
export function evaluateChecks(
  checks: readonly TargetCheck[],
  workload: Pick<WorkloadReport, "targets" | "ratioToL1" | "ratioToL2" | "ratioToPostGraphile">,
  statements: number | null,
): WorkloadReport["checks"] {
  const mine = workload.targets.copydesk;
  return checks.map((check) => {
    const value =
      check.metric === "ratioToL1"
        ? workload.ratioToL1
        : check.metric === "ratioToL2"
          ? (workload.ratioToL2 ?? null)
          : check.metric === "ratioToPostGraphile"
          ? (workload.ratioToPostGraphile ?? null)
          : check.metric === "p99Ms"
          ? (mine?.latencyMs.p99 ?? null)
          : check.metric === "serverP99Ms"
            ? (mine?.serverMs?.p99 ?? null)
            : statements;
    const pass = value !== null && (check.min === undefined || value >= check.min) && (check.max === undefined || value <= check.max);
    return { label: check.label, value, pass };
  });
}

const START = "<!-- bench:results:start -->";
const END = "<!-- bench:results:end -->";

function cell(value: number | null | undefined, suffix = ""): string {
  return value === null || value === undefined ? "–" : `${value}${suffix}`;
}

/** The markdown tables of one results file. */
export function renderTables(results: BenchResults, file: string): string {
  const lines: string[] = [];
  lines.push(
    `Latest: ${results.date} (${results.mode} mode, ${results.elapsedSeconds} s), ${results.machine.cpus} cores (${results.machine.cpuModel}), Node ${results.machine.node}, ` +
      `load average ${results.machine.loadAverageAtStart.join(" / ")} at start and ${results.machine.loadAverageAtEnd.join(" / ")} at the end. Full numbers: [${file}](${file}).`,
    "",
  );
  for (const database of results.databases) {
    const s = database.settings;
    lines.push(
      `#### ${database.database === "postgres" ? "PostgreSQL server" : "Embedded PGlite"}: ${database.corpus.articles} articles; ${s.connections} connections, ${s.runs} run(s) of ${s.durationSeconds} s (median), ${s.warmupSeconds} s warm-up discarded`,
      "",
      "| workload | copydesk req/s | PostGraphile req/s | L1 req/s | L2 req/s | L0 req/s | copydesk/PostGraphile req/s | copydesk/L1 req/s | copydesk/L2 req/s | CPU ms/req (copydesk · L1) | copydesk/L1 by CPU | p50 ms | p99 ms | L1 p99 ms | SQL/req (copydesk · L1) | server p99 ms | targets |",
      "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---|---:|---|",
    );
    for (const [id, workload] of Object.entries(database.workloads)) {
      const mine = workload.targets.copydesk;
      const l1 = workload.targets.L1;
      const l2 = workload.targets.L2;
      const l0 = workload.targets.L0;
      const peer = workload.targets.PostGraphile;
      const checks = workload.checks.map((check) => `${check.pass ? "✅" : "❌"} ${check.label} (${cell(check.value)})`).join("<br>");
      const problems = Object.values(workload.targets).some((target) => target && target.problems.length) ? " ⚠️ see JSON" : "";
      lines.push(
        `| ${id}: ${workload.title} | ${cell(mine?.requestsPerSecond)} | ${cell(peer?.requestsPerSecond)} | ${cell(l1?.requestsPerSecond)} | ${cell(l2?.requestsPerSecond)} | ${cell(l0?.requestsPerSecond)} | ` +
          `${cell(workload.ratioToPostGraphile, "x")} | ${cell(workload.ratioToL1, "x")} | ${cell(workload.ratioToL2, "x")} | ` +
          `${cell(mine?.cpuMsPerRequest)} · ${cell(l1?.cpuMsPerRequest)} | ${cell(workload.cpuRatioToL1, "x")} | ` +
          `${cell(mine?.latencyMs.p50)} | ${cell(mine?.latencyMs.p99)} | ${cell(l1?.latencyMs.p99)} | ${cell(mine?.statementsPerRequest)} · ${cell(l1?.statementsPerRequest)} | ${cell(mine?.serverMs?.p99)} | ${checks || "–"}${problems} |`,
      );
    }
    // Each measurement carries a one-line summary; older results (without one) show their numbers.
    const measurements = Object.entries(database.measurements).map(([id, value]) =>
      typeof value === "object" && value !== null && "summary" in value && typeof value.summary === "string" ? value.summary : `${id} ${JSON.stringify(value)}`,
    );
    lines.push(
      "",
      `copydesk resident memory: ${database.rssMiB.idle} MiB idle, ${database.rssMiB.peak} MiB peak under load. ` +
        `Q2 SQL statements by page size: ${Object.entries(database.q2StatementsByPageSize).map(([size, count]) => `first ${size}: ${count}`).join(", ")}. ` +
        `Corpus generation: ${database.corpus.seconds} s.`,
      ...(measurements.length ? ["", "Other measurements:", "", ...measurements.map((line) => `- ${line}`)] : []),
      "",
    );
  }
  if (results.search100k) lines.push(renderSearchAtScale(results.search100k), "");
  return lines.join("\n");
}

/** Search latency over a large generated corpus, per connection count (copydesk only). */
export interface SearchAtScale {
  readonly measuredAt: string;
  readonly articles: number;
  readonly generationSeconds: number;
  readonly query: string;
  readonly results: Readonly<Record<string, { readonly requestsPerSecond: number; readonly latencyMs: { readonly p50: number; readonly p95: number; readonly p99: number }; readonly serverCpuMsPerRequest: number }>>;
}

/** The search-at-scale paragraph of the table (the target: p95 <= 50 ms). */
function renderSearchAtScale(search: SearchAtScale): string {
  const series = Object.entries(search.results).map(
    ([connections, result]) =>
      `${connections}: ${result.requestsPerSecond} req/s, p50 ${result.latencyMs.p50} ms, p95 ${result.latencyMs.p95} ms, p99 ${result.latencyMs.p99} ms, ${result.serverCpuMsPerRequest} ms server CPU per request`,
  );
  const single = Object.values(search.results)[0];
  const verdict = single ? `target p95 <= 50 ms ${single.latencyMs.p95 <= 50 ? "met" : "missed"} at one connection` : "no result";
  return (
    `Search over ${search.articles.toLocaleString("en-US")} generated articles on PostgreSQL (\`${search.query}\`, measured ${search.measuredAt.slice(0, 10)}, ` +
    `corpus generated in ${search.generationSeconds} s): ${series.join("; ")}. ${verdict[0]?.toUpperCase()}${verdict.slice(1)}.`
  );
}

/** bench/README.md with the tables between the markers replaced (appended when the markers are missing). */
export function renderReadme(readme: string, results: BenchResults, file: string): string {
  const block = `${START}\n${renderTables(results, file)}\n${END}`;
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return `${readme.trimEnd()}\n\n${block}\n`;
  return `${readme.slice(0, start)}${block}${readme.slice(end + END.length)}`;
}
