/**
 * `npm run bench`: copydesk under load next to its baselines (and, on the PostgreSQL server, the
 * PostGraphile peer of bench/peer/, installed on first use), on the generated corpus, on a real
 * PostgreSQL server and (smaller) on the embedded database. See bench/README.md for the method.
 *
 *   npm run bench                       # full: 3 runs x 8 s per series (12 to 16 min)
 *   npm run bench -- --quick            # a 2-minute check of the harness itself
 *   npm run bench -- --search-100k      # adds search p95 over 100,000 generated articles (+5 min)
 *   npm run bench -- --search-articles 20000 --only none   # the same on fewer articles, alone
 *   npm run bench -- --profile          # copydesk runs with --cpu-prof; a summary goes to results
 *   npm run bench -- --only postgres    # or embedded, or none (with --search-100k: search alone)
 *   npm run bench -- --workloads Q1,Q2  # only these workloads (see bench/harness/workloads.ts)
 *
 * Settings: BENCH_DURATION_S (8), BENCH_RUNS (3), BENCH_CONNECTIONS (10), BENCH_WARMUP_S (2),
 * BENCH_SERVER_URL (postgresql://postgres@127.0.0.1:5432/postgres: where databases are created).
 * The harness pins itself (and autocannon) to core 0 and every server to core 1.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import { compareEdit, compareRead, dataOf, findFixture, refreshVersion, refreshVersions, sendOnce } from "./answers.js";
import { runLoad, type LoadResult } from "./load.js";
import { MEASUREMENTS } from "./measurements.js";
import { createPeerViews, installPeer, peerCommand } from "./peer.js";
import { copydeskBanner, listeningLine, pinSelf, startServer, waitUntilIdle, type ServerProcess } from "./processes.js";
import { summarizeProfiles } from "./profile.js";
import { evaluateChecks, renderReadme, singleRequestStatements, type BenchResults, type DatabaseReport, type SearchAtScale, type TargetSummary } from "./report.js";
import { RequestLog } from "./request-log.js";
import { prepareTarget } from "./setup.js";
import { operations, q2Operation, workloads, type ArticleLease, type TargetName, type Workload } from "./workloads.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const RESULTS = path.join(ROOT, "bench/results");
const LOAD_CORE = 0;
const SERVER_CORE = 1;

const { values: flags } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    "search-100k": { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
    only: { type: "string" },
    workloads: { type: "string" },
    "copydesk-env": { type: "string", multiple: true },
    "search-articles": { type: "string" },
    articles: { type: "string" },
  },
});

function setting(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === "" ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number (got ${raw})`);
  return value;
}

const quick = flags.quick;
const settings = {
  durationSeconds: setting("BENCH_DURATION_S", quick ? 2 : 8),
  runs: setting("BENCH_RUNS", quick ? 1 : 3),
  connections: setting("BENCH_CONNECTIONS", 10),
  warmupSeconds: setting("BENCH_WARMUP_S", quick ? 1 : 2),
  serverUrl: process.env["BENCH_SERVER_URL"] ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  postgresArticles: flags.articles ? Number(flags.articles) : 2000,
  embeddedArticles: quick ? 200 : 500,
  /** Articles of the search-at-scale corpus (--search-100k; --search-articles N to measure generation on fewer). */
  searchArticles: flags["search-articles"] ? Number(flags["search-articles"]) : 100_000,
};

/** `--copydesk-env KEY=VALUE` (repeatable): settings to try on copydesk, such as LOG_LEVEL=warn or NODE_OPTIONS=--max-semi-space-size=64. */
const extraCopydeskEnv: Record<string, string> = Object.fromEntries(
  (flags["copydesk-env"] ?? []).map((pair) => {
    const at = pair.indexOf("=");
    if (at < 1) throw new Error(`--copydesk-env wants KEY=VALUE (got ${pair})`);
    return [pair.slice(0, at), pair.slice(at + 1)];
  }),
);

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return Math.round(value * 100) / 100;
}

function quantile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? 0;
}

/** Benchmarks one database kind end to end. */
async function benchDatabase(kind: "postgres" | "embedded", runSettings: DatabaseReport["settings"], articles: number): Promise<DatabaseReport> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `copydesk-bench-${kind}-`));
  console.log(`\n== ${kind}: generating the corpus (${articles} articles)`);
  const target = await prepareTarget({ kind, serverUrl: settings.serverUrl, articles, root: ROOT });
  console.log(`   ${target.corpus.summary} (${target.corpus.seconds} s with the CLI's start-up)`);
  const servers: ServerProcess[] = [];
  const profileDir = path.join(workDir, "profiles");
  try {
    const copydeskEnv: NodeJS.ProcessEnv = {
      ...process.env,
      ...target.env,
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      PORT: "0",
      HOST: "127.0.0.1",
      // The limits are for abusive clients; the benchmark is one client that means to be fast.
      RATE_LIMIT_PER_TOKEN: "1000000000",
      RATE_LIMIT_PER_IP: "1000000000",
      ...extraCopydeskEnv,
    };
    if (!("DATABASE_URL" in target.env)) delete copydeskEnv["DATABASE_URL"];
    const copydesk = await startServer({
      name: "copydesk",
      core: SERVER_CORE,
      command: ["node", ...(flags.profile ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : []), path.join(ROOT, "dist/main.js")],
      env: copydeskEnv,
      logFile: path.join(workDir, "copydesk.log"),
      ready: copydeskBanner,
    });
    servers.push(copydesk);
    await sleep(1000);
    const idleRss = copydesk.rssMiB();
    const log = new RequestLog(copydesk.logFile);

    // L1 reads the same database: the PostgreSQL database, or the embedded server copydesk owns
    // (its URL is in DATA_DIR/server.json; one connection, as copydesk uses, see src/db/embedded.ts).
    const databaseUrl = target.env["DATABASE_URL"] ?? (JSON.parse(fs.readFileSync(path.join(target.env["DATA_DIR"] ?? "", "server.json"), "utf8")) as { url: string }).url;
    const baselineEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", DATABASE_URL: databaseUrl, POOL_SIZE: kind === "postgres" ? "10" : "1" };
    const l1 = await startServer({
      name: "L1",
      core: SERVER_CORE,
      command: ["node", "--import", "tsx", path.join(ROOT, "bench/baselines/l1.ts")],
      env: baselineEnv,
      logFile: path.join(workDir, "l1.log"),
      ready: listeningLine,
    });
    servers.push(l1);
    const l1Stats = async () => (await (await fetch(`${l1.url}/stats`)).json()) as { requests: number; statements: number };

    const fixture = await findFixture(copydesk.url, target.tokens, articles, runSettings.connections);
    const op = operations(fixture);
    const chosen = flags.workloads?.split(",").map((id) => id.trim().toUpperCase());
    const list = workloads(fixture).filter((workload) => !chosen || chosen.includes(workload.id));
    if (list.length === 0) throw new Error(`--workloads names none of ${workloads(fixture).map((workload) => workload.id).join(", ")}`);

    // The PostGraphile peer (bench/peer/) reads the PostgreSQL database through views that apply
    // the anonymous/VIEWER visibility, with its own Node 22, pinned like the other servers. Not on
    // the embedded database: that one serves copydesk's process and L1 over a single connection.
    let postgraphile: ServerProcess | null = null;
    if (kind === "postgres" && list.some((workload) => workload.targets.includes("PostGraphile"))) {
      await installPeer();
      await createPeerViews(databaseUrl);
      const { NODE_OPTIONS: _notForNode22, ...inherited } = process.env;
      postgraphile = await startServer({
        name: "PostGraphile",
        core: SERVER_CORE,
        command: peerCommand(),
        env: { ...inherited, NODE_ENV: "production", GRAPHILE_ENV: "production", DATABASE_URL: databaseUrl, POOL_SIZE: "10" },
        logFile: path.join(workDir, "postgraphile.log"),
        ready: listeningLine,
      });
      servers.push(postgraphile);
    }
    const targetsOf = (workload: Workload): TargetName[] => workload.targets.filter((name) => name !== "PostGraphile" || postgraphile !== null);

    // Same answer from copydesk and L1 (L2 and PostGraphile for Q2) before anything is timed.
    console.log(`   checking that copydesk, L1, L2${postgraphile ? " and PostGraphile" : ""} give the same JSON`);
    const correctness: DatabaseReport["correctness"] = {};
    const l0Bodies: Record<string, string> = {};
    for (const [key, operation] of Object.entries({ Q1: op.Q1, Q2: op.Q2, Q3p1: op.Q3p1, Q3p2: op.Q3p2, Q4: op.Q4 })) {
      await log.mark();
      const text = await compareRead(copydesk.url, l1.url, operation, target.tokens, postgraphile?.url ?? null);
      correctness[key] = { bytes: Buffer.byteLength(text), copydeskStatements: (await log.read()).statements, equalToL1: true };
      l0Bodies[`/${key}`] = text;
    }
    {
      await log.mark();
      const text = await compareEdit(copydesk.url, l1.url, op.M1, target.tokens, fixture.editable[0] as ArticleLease);
      correctness["M1"] = { bytes: Buffer.byteLength(text), copydeskStatements: (await log.read()).statements, equalToL1: true };
    }
    {
      await log.mark();
      const refused = await sendOnce(copydesk.url, "copydesk", op.malicious, target.tokens);
      const statements = (await log.read()).statements;
      if (refused.status !== 400) throw new Error(`the over-limit query was answered ${refused.status}: ${refused.text.slice(0, 300)}`);
      correctness["EVIL"] = { bytes: Buffer.byteLength(refused.text), copydeskStatements: statements, equalToL1: null };
    }
    const q2StatementsByPageSize: Record<string, number> = {};
    for (const first of [1, 20, 100]) {
      await log.mark();
      dataOf(`Q2 first ${first}`, await sendOnce(copydesk.url, "copydesk", q2Operation(first), target.tokens));
      q2StatementsByPageSize[String(first)] = (await log.read()).statements;
    }
    console.log(`   equal; Q2 statements by page size ${JSON.stringify(q2StatementsByPageSize)}`);

    const bodiesFile = path.join(workDir, "l0-bodies.json");
    fs.writeFileSync(bodiesFile, JSON.stringify(l0Bodies));
    const l0 = await startServer({
      name: "L0",
      core: SERVER_CORE,
      command: ["node", "--import", "tsx", path.join(ROOT, "bench/baselines/l0.ts")],
      env: { ...baselineEnv, L0_BODIES: bodiesFile },
      logFile: path.join(workDir, "l0.log"),
      ready: listeningLine,
    });
    servers.push(l0);
    const servedBy: Partial<Record<TargetName, ServerProcess>> = { copydesk, L1: l1, L2: l1, L0: l0, ...(postgraphile ? { PostGraphile: postgraphile } : {}) };
    const serverOf = (targetName: TargetName): ServerProcess => {
      const server = servedBy[targetName];
      if (!server) throw new Error(`no server runs ${targetName} on the ${kind} database`);
      return server;
    };
    const l0PathOf = (workload: Workload) => `/${workload.id}`;

    const series = async (workload: Workload, targetName: TargetName, seconds: number) => {
      if (workload.cycle.some((operation) => operation.write)) await refreshVersions(copydesk.url, target.tokens, fixture.editable);
      const result = await runLoad({
        url: serverOf(targetName).url,
        target: targetName,
        cycle: workload.cycle,
        tokens: target.tokens,
        leases: fixture.editable,
        l0Path: l0PathOf(workload),
        connections: runSettings.connections,
        durationSeconds: seconds,
        serverPid: serverOf(targetName).pid,
        // On the embedded database L1's queries run in copydesk's process: count both there.
        cpuPids: kind === "embedded" && (targetName === "L1" || targetName === "L2") ? [l1.pid, copydesk.pid] : [serverOf(targetName).pid],
        recoverLease: (lease) => refreshVersion(copydesk.url, target.tokens, lease),
      });
      await waitUntilIdle(servers.map((server) => server.pid));
      return result;
    };

    console.log(`   warm-up: ${runSettings.warmupSeconds} s per workload and target (discarded)`);
    for (const workload of list) for (const targetName of targetsOf(workload)) await series(workload, targetName, runSettings.warmupSeconds);

    type Sample = { load: LoadResult; statements: number | null; maxStatements: number | null; serverMs: readonly number[]; problems: string[] };
    const samples = new Map<string, Sample[]>();
    for (let run = 1; run <= runSettings.runs; run += 1) {
      console.log(`   run ${run}/${runSettings.runs}`);
      for (const workload of list) {
        for (const targetName of targetsOf(workload)) {
          await log.mark();
          const before = targetName === "L1" || targetName === "L2" ? await l1Stats() : null;
          const load = await series(workload, targetName, runSettings.durationSeconds);
          const problems: string[] = [];
          let statements: number | null = null;
          let maxStatements: number | null = null;
          let serverMs: readonly number[] = [];
          if (targetName === "copydesk") {
            // No request lines at all means request logging is off (LOG_LEVEL above info): unknown.
            const summary = await log.read();
            statements = summary.requests ? Math.round((summary.statements / summary.requests) * 100) / 100 : null;
            maxStatements = summary.requests ? summary.maxStatements : null;
            serverMs = summary.serverMs;
          } else if (before) {
            const after = await l1Stats();
            statements = Math.round(((after.statements - before.statements) / Math.max(1, after.requests - before.requests)) * 100) / 100;
          }
          const unexpected = Object.entries(load.statuses).filter(([status]) => Number(status) !== workload.expectStatus);
          if (unexpected.length) problems.push(`statuses ${JSON.stringify(load.statuses)}, expected ${workload.expectStatus}`);
          if (load.errors || load.timeouts) problems.push(`${load.errors} errors, ${load.timeouts} timeouts`);
          if (load.failedEdits) problems.push(`${load.failedEdits} edits failed, the first: ${load.firstFailedEdit}`);
          if (load.graphqlErrors) problems.push(`${load.graphqlErrors} answers with GraphQL errors (not counted as served), the first: ${load.firstGraphqlError}`);
          const key = `${workload.id}/${targetName}`;
          samples.set(key, [...(samples.get(key) ?? []), { load, statements, maxStatements, serverMs, problems }]);
          console.log(
            `     ${key.padEnd(14)} ${String(load.requestsPerSecond).padStart(6)} req/s  p50 ${load.latencyMs.p50} ms  p99 ${load.latencyMs.p99} ms  ${load.serverCpuMsPerRequest} CPU ms/req` +
              (statements === null ? "" : `  ${statements} SQL/req`) +
              (problems.length ? `  PROBLEMS: ${problems.join("; ")}` : ""),
          );
        }
      }
    }

    const report: DatabaseReport["workloads"] = {};
    let peakRss = idleRss;
    for (const workload of list) {
      const targets: Partial<Record<TargetName, TargetSummary>> = {};
      for (const targetName of targetsOf(workload)) {
        const runs = samples.get(`${workload.id}/${targetName}`) ?? [];
        const serverMs = runs.flatMap((sample) => sample.serverMs);
        const statements = runs.map((sample) => sample.statements).filter((value): value is number => value !== null);
        const peak = Math.max(...runs.map((sample) => sample.load.peakRssMiB));
        if (targetName === "copydesk") peakRss = Math.max(peakRss, peak);
        targets[targetName] = {
          requestsPerSecond: median(runs.map((sample) => sample.load.requestsPerSecond)),
          latencyMs: {
            p50: median(runs.map((sample) => sample.load.latencyMs.p50)),
            p95: median(runs.map((sample) => sample.load.latencyMs.p95)),
            p99: median(runs.map((sample) => sample.load.latencyMs.p99)),
          },
          statementsPerRequest: statements.length ? median(statements) : null,
          maxStatementsPerRequest: targetName === "copydesk" ? Math.max(...runs.map((sample) => sample.maxStatements ?? 0)) : null,
          serverMs: serverMs.length ? { p50: quantile(serverMs, 0.5), p99: quantile(serverMs, 0.99) } : null,
          peakRssMiB: peak,
          cpuMsPerRequest: median(runs.map((sample) => sample.load.serverCpuMsPerRequest)),
          problems: runs.flatMap((sample) => sample.problems),
          runs: runs.map((sample) => sample.load),
        };
      }
      const mine = targets.copydesk;
      const ratioTo = (baseline: TargetSummary | undefined) =>
        mine && baseline ? Math.round((mine.requestsPerSecond / Math.max(1, baseline.requestsPerSecond)) * 100) / 100 : null;
      const ratioToL1 = ratioTo(targets.L1);
      const ratioToL2 = ratioTo(targets.L2);
      const ratioToPostGraphile = ratioTo(targets.PostGraphile);
      const cpuRatioToL1 = mine && targets.L1 && mine.cpuMsPerRequest > 0 ? Math.round((targets.L1.cpuMsPerRequest / mine.cpuMsPerRequest) * 100) / 100 : null;
      const checks = evaluateChecks(workload.targetChecks, { targets, ratioToL1, ratioToL2, ratioToPostGraphile }, singleRequestStatements({ correctness, q2StatementsByPageSize }, workload.id));
      report[workload.id] = { title: workload.title, targets, ratioToL1, ratioToL2, ratioToPostGraphile, cpuRatioToL1, checks };
    }

    // Other measurements run with the servers stopped, so they have core 1 to themselves.
    for (const server of servers.splice(0).reverse()) await server.stop();
    const measurements: Record<string, unknown> = {};
    for (const measurement of MEASUREMENTS.filter((entry) => entry.databases.includes(kind))) {
      console.log(`   ${measurement.id}: ${measurement.title}`);
      measurements[measurement.id] = await measurement.run({ database: kind, serverUrl: kind === "postgres" ? settings.serverUrl : null, quick, root: ROOT });
    }
    const profile = flags.profile ? summarizeProfiles(profileDir) : null;
    return {
      database: kind,
      corpus: target.corpus,
      settings: runSettings,
      rssMiB: { idle: idleRss, peak: peakRss },
      correctness,
      q2StatementsByPageSize,
      workloads: report,
      measurements,
      profile,
    };
  } finally {
    for (const server of servers.reverse()) await server.stop();
    await target.release();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/** Search latency over 100,000 generated articles on PostgreSQL (copydesk only, 1 and 10 connections). */
async function searchAtScale(): Promise<SearchAtScale> {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-bench-search-"));
  console.log(`\n== postgres: search over ${settings.searchArticles} articles (generating the corpus takes minutes)`);
  const target = await prepareTarget({ kind: "postgres", serverUrl: settings.serverUrl, articles: settings.searchArticles, root: ROOT, label: `search_${Date.now()}` });
  console.log(`   ${target.corpus.summary} (${target.corpus.seconds} s)`);
  try {
    const copydesk = await startServer({
      name: "copydesk",
      core: SERVER_CORE,
      command: ["node", path.join(ROOT, "dist/main.js")],
      env: { ...process.env, ...target.env, NODE_ENV: "production", LOG_LEVEL: "info", PORT: "0", HOST: "127.0.0.1", RATE_LIMIT_PER_TOKEN: "1000000000", RATE_LIMIT_PER_IP: "1000000000" },
      logFile: path.join(workDir, "copydesk.log"),
      ready: copydeskBanner,
    });
    try {
      const search = operations({ slug: "", q3: { types: [], from: "", to: "", first: 1, page2Cursor: "" }, searchText: "dangerous escalation", editable: [] }).Q4;
      const results: Record<string, LoadResult> = {};
      const measuredAt = new Date().toISOString();
      for (const connections of [1, settings.connections]) {
        const load = (seconds: number) =>
          runLoad({
            url: copydesk.url,
            target: "copydesk",
            cycle: [search],
            tokens: target.tokens,
            leases: [],
            connections,
            durationSeconds: seconds,
            serverPid: copydesk.pid,
            cpuPids: [copydesk.pid],
            recoverLease: async () => undefined,
          });
        await load(settings.warmupSeconds);
        results[`${connections} connection${connections > 1 ? "s" : ""}`] = await load(settings.durationSeconds);
      }
      return { measuredAt, articles: settings.searchArticles, generationSeconds: target.corpus.seconds, query: "dangerous escalation", results };
    } finally {
      await copydesk.stop();
    }
  } finally {
    await target.release();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(ROOT, "dist/main.js"))) throw new Error("dist/main.js is missing: run npm run build first");
  await pinSelf(LOAD_CORE);
  const started = Date.now();
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "unknown", node: process.version, loadAverageAtStart: os.loadavg().map((value) => Math.round(value * 100) / 100) };
  console.log(`copydesk benchmark: ${machine.cpus} cores (${machine.cpuModel}), Node ${machine.node}, load average ${machine.loadAverageAtStart.join(" ")}`);
  const kinds = flags.only ? [flags.only] : ["postgres", "embedded"];
  for (const kind of kinds) if (!["postgres", "embedded", "none"].includes(kind)) throw new Error(`--only must be postgres, embedded or none (got ${kind})`);
  const databases: DatabaseReport[] = [];
  if (kinds.includes("postgres")) {
    databases.push(await benchDatabase("postgres", { durationSeconds: settings.durationSeconds, runs: settings.runs, connections: settings.connections, warmupSeconds: settings.warmupSeconds }, settings.postgresArticles));
  }
  if (kinds.includes("embedded")) {
    // The smaller run: a smaller corpus, one run of half the duration.
    databases.push(
      await benchDatabase("embedded", { durationSeconds: Math.max(1, Math.ceil(settings.durationSeconds / 2)), runs: 1, connections: settings.connections, warmupSeconds: settings.warmupSeconds }, settings.embeddedArticles),
    );
  }
  const search100k = flags["search-100k"] || flags["search-articles"] ? await searchAtScale() : null;
  fs.mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, quick ? "bench-quick.json" : "bench-latest.json");
  // A run of one part keeps the other from the previous results: `--only none --search-100k`
  // replaces only the search paragraph, a run without --search-100k keeps the last one (dated).
  const previous = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as BenchResults) : null;
  const fresh: BenchResults = {
    date: new Date().toISOString(),
    mode: quick ? "quick" : "full",
    machine: { ...machine, loadAverageAtEnd: os.loadavg().map((value) => Math.round(value * 100) / 100) },
    pinning: { loadGenerator: LOAD_CORE, servers: SERVER_CORE, postgres: "not pinned (system service)" },
    elapsedSeconds: Math.round((Date.now() - started) / 1000),
    databases,
    search100k: search100k ?? previous?.search100k ?? null,
  };
  const results: BenchResults = databases.length === 0 && previous ? { ...previous, search100k: fresh.search100k } : fresh;
  fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  const readme = path.join(ROOT, "bench/README.md");
  fs.writeFileSync(readme, renderReadme(fs.readFileSync(readme, "utf8"), results, path.relative(path.dirname(readme), file)));
  console.log(`\nDone in ${Math.round((Date.now() - started) / 1000)} s: ${path.relative(ROOT, file)} and the table in bench/README.md.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
