// Start-up time and idle memory of `npm start` (node dist/main.js): each run starts the server on a
// fresh embedded database in a temporary DATA_DIR (so migrating and seeding the example story are
// part of the start), times the launch until /readyz answers 200, then reads the process's resident
// memory (VmRSS) once it has sat idle for IDLE_MS. Prints the median of RUNS runs.
//
//   npm run build && npx tsx bench/startup.ts [RUNS] [MAIN_JS ...]
//
// With several MAIN_JS (another checkout's dist/main.js, to compare a change with its base), the
// runs alternate between them so that both see the same machine load.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as delay } from "node:timers/promises";

const RUNS = Number(process.argv[2] ?? 3);
const ENTRY_POINTS = process.argv.length > 3 ? process.argv.slice(3) : ["dist/main.js"];
const IDLE_MS = 3_000;
const READY_TIMEOUT_MS = 120_000;

/** The resident set size of a process in MiB, from /proc (Linux). */
async function residentMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kib = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? Number.NaN);
  return kib / 1024;
}

/** The port the server printed in its banner ("serving GraphQL at http://127.0.0.1:PORT/graphql"). */
function portFrom(output: string): number | null {
  const m = /serving GraphQL at http:\/\/[^:]+:(\d+)\//.exec(output);
  return m ? Number(m[1]) : null;
}

async function oneRun(entryPoint: string): Promise<{ readyMs: number; idleMiB: number }> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "copydesk-startup-"));
  const started = performance.now();
  const child = spawn(process.execPath, [entryPoint], { env: { ...process.env, PORT: "0", DATA_DIR: dataDir, LOG_LEVEL: "error", DATABASE_URL: "" }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  try {
    for (;;) {
      if (performance.now() - started > READY_TIMEOUT_MS) throw new Error(`the server was not ready after ${READY_TIMEOUT_MS} ms:\n${output}`);
      if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${output}`);
      const port = portFrom(output);
      if (port !== null) {
        const response = await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null);
        if (response?.status === 200) break;
      }
      await delay(20);
    }
    const readyMs = performance.now() - started;
    await delay(IDLE_MS);
    const idleMiB = await residentMiB(child.pid ?? 0);
    return { readyMs, idleMiB };
  } finally {
    child.kill("SIGTERM");
    await new Promise((resolve) => child.once("exit", resolve));
    await rm(dataDir, { recursive: true, force: true });
  }
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const runs = new Map<string, { readyMs: number; idleMiB: number }[]>(ENTRY_POINTS.map((entry) => [entry, []]));
for (let i = 0; i < RUNS; i++) for (const entry of ENTRY_POINTS) runs.get(entry)?.push(await oneRun(entry));
for (const [entry, results] of runs) {
  console.log(`${entry}: runs ${results.map((r) => `${r.readyMs.toFixed(0)} ms / ${r.idleMiB.toFixed(1)} MiB`).join(", ")}`);
  console.log(`${entry}: median start-up to ready ${median(results.map((r) => r.readyMs)).toFixed(0)} ms; median idle RSS ${median(results.map((r) => r.idleMiB)).toFixed(1)} MiB`);
}
