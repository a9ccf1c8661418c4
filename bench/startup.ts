// Start-up time and idle memory of `npm start` (node dist/main.js). Each run starts the server on a
// fresh embedded database in a temporary DATA_DIR (so creating the database, migrating and seeding
// the example story are part of the start), times the launch until /readyz answers 200, then reads
// where its memory is once it has sat idle for IDLE_MS; then it stops the server and starts it
// again on the same DATA_DIR (a restart: the database exists, nothing to seed) and measures again.
// Prints the medians of RUNS runs for both starts.
//
//   npm run build && npx tsx bench/startup.ts [RUNS] [MAIN_JS ...]
//
// With several MAIN_JS (another checkout's dist/main.js, to compare a change with its base), the
// runs alternate between them so that both see the same machine load. The memory breakdown comes
// from bench/startup-probe.mjs, loaded into the server with --import: resident memory (anonymous
// and file-backed), V8's heap, memory outside it (external, of which ArrayBuffers), and the size of
// the WebAssembly memories (PGlite's Postgres).
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";

const RUNS = Number(process.argv[2] ?? 3);
const ENTRY_POINTS = process.argv.length > 3 ? process.argv.slice(3) : ["dist/main.js"];
const IDLE_MS = 3_000;
/** A bound against a server that never starts, not a speed requirement (a busy machine took over 120 s). */
const READY_TIMEOUT_MS = 600_000;
const PROBE = new URL("./startup-probe.mjs", import.meta.url).href;

/** What bench/startup-probe.mjs reports, in MiB. */
interface MemoryReport {
  readonly rssMiB: number;
  readonly rssAnonMiB: number;
  readonly rssFileMiB: number;
  readonly heapUsedMiB: number;
  readonly heapTotalMiB: number;
  readonly externalMiB: number;
  readonly arrayBuffersMiB: number;
  readonly wasmMemoryMiB: number;
  readonly wasmMemories: number;
}

interface RunResult {
  readonly readyMs: number;
  readonly memory: MemoryReport;
}

/** Asks the probe in the server for its memory report and waits for it. */
async function memoryOf(pid: number, reportFile: string): Promise<MemoryReport> {
  await writeFile(reportFile, "");
  process.kill(pid, "SIGUSR2");
  for (let attempt = 0; attempt < 500; attempt++) {
    const text = await readFile(reportFile, "utf8");
    if (text.endsWith("\n")) return JSON.parse(text) as MemoryReport;
    await delay(20);
  }
  throw new Error(`the server (pid ${pid}) did not write its memory report to ${reportFile}`);
}

/** The port the server printed in its banner ("serving GraphQL at http://127.0.0.1:PORT/graphql"). */
function portFrom(output: string): number | null {
  const m = /serving GraphQL at http:\/\/[^:]+:(\d+)\//.exec(output);
  return m ? Number(m[1]) : null;
}

/** Starts the server on dataDir, waits for /readyz, lets it idle, measures, stops it. */
async function oneStart(entryPoint: string, dataDir: string): Promise<RunResult> {
  const reportFile = path.join(dataDir, "memory-report.json");
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", PROBE, entryPoint], {
    env: { ...process.env, PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "error", DATABASE_URL: "", STARTUP_PROBE_FILE: reportFile },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  try {
    for (;;) {
      if (performance.now() - started > READY_TIMEOUT_MS) throw new Error(`${entryPoint} was not ready after ${READY_TIMEOUT_MS} ms:\n${output}`);
      if (child.exitCode !== null) throw new Error(`${entryPoint} exited with ${child.exitCode}:\n${output}`);
      const port = portFrom(output);
      if (port !== null) {
        const response = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null);
        if (response?.status === 200) break;
      }
      await delay(20);
    }
    const readyMs = performance.now() - started;
    await delay(IDLE_MS);
    return { readyMs, memory: await memoryOf(child.pid ?? 0, reportFile) };
  } finally {
    child.kill("SIGTERM");
    if (child.exitCode === null) await new Promise((resolve) => child.once("exit", resolve));
  }
}

/** A first start on a fresh DATA_DIR, then a restart on the same one. */
async function oneRun(entryPoint: string): Promise<{ first: RunResult; restart: RunResult }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "copydesk-startup-"));
  try {
    const first = await oneStart(entryPoint, dataDir);
    const restart = await oneStart(entryPoint, dataDir);
    return { first, restart };
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const runs = new Map<string, { first: RunResult; restart: RunResult }[]>(ENTRY_POINTS.map((entry) => [entry, []]));
const failures = new Map<string, string[]>(ENTRY_POINTS.map((entry) => [entry, []]));
for (let i = 0; i < RUNS; i++) {
  for (const entry of ENTRY_POINTS) {
    // A start that fails is reported and left out of the medians, not the end of the comparison.
    try {
      runs.get(entry)?.push(await oneRun(entry));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.get(entry)?.push(message.split("\n").filter((line) => line.trim() !== "").slice(0, 6).join(" / "));
      console.error(`run ${i + 1} of ${entry} failed: ${message}`);
    }
  }
}

const fixed = (value: number): string => value.toFixed(1);
const breakdown = (results: readonly RunResult[]): string => {
  const m = (pick: (memory: MemoryReport) => number): string => fixed(median(results.map((r) => pick(r.memory))));
  return `RSS ${m((x) => x.rssMiB)} MiB (anonymous ${m((x) => x.rssAnonMiB)}, file-backed ${m((x) => x.rssFileMiB)}); V8 heap used ${m((x) => x.heapUsedMiB)} of ${m((x) => x.heapTotalMiB)}; external ${m((x) => x.externalMiB)} (ArrayBuffers ${m((x) => x.arrayBuffersMiB)}); WebAssembly memory size ${m((x) => x.wasmMemoryMiB)} in ${m((x) => x.wasmMemories).replace(/\.0$/, "")}`;
};
for (const [entry, results] of runs) {
  for (const failure of failures.get(entry) ?? []) console.log(`${entry}: a run failed: ${failure}`);
  for (const kind of ["first", "restart"] as const) {
    const starts = results.map((r) => r[kind]);
    const label = kind === "first" ? "first start (fresh DATA_DIR)" : "restart (same DATA_DIR)";
    console.log(`${entry} ${label}: runs ${starts.map((r) => `${r.readyMs.toFixed(0)} ms / ${fixed(r.memory.rssMiB)} MiB`).join(", ")}`);
    console.log(`${entry} ${label}: median start-up to ready ${median(starts.map((r) => r.readyMs)).toFixed(0)} ms; medians: ${breakdown(starts)}`);
  }
}
