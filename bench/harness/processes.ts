/**
 * Child processes of the benchmark: servers pinned to a core with taskset, their output in a log
 * file (never piped through the harness, which shares its core with the load generator), their
 * resident memory read from /proc, and one-shot commands such as the copydesk CLI.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";

/** How long a server may take to say it is listening (the embedded database starts in-process). */
const READY_TIMEOUT_MS = 120_000;

/** A running server child: where it listens, its pid, its log, and how to stop it. */
export interface ServerProcess {
  readonly name: string;
  readonly pid: number;
  readonly url: string;
  readonly logFile: string;
  /** Resident memory now, in MiB (VmRSS of /proc/<pid>/status). */
  rssMiB(): number;
  /** SIGTERM, then waits for the exit (SIGKILL after 15 s). */
  stop(): Promise<void>;
}

// Servers still running: killed when the harness exits, even after an uncaught error, so that a
// crashed run leaves no server behind on core 1.
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => process.exit(130));
}

/** Resident set size of a process in MiB, from /proc (0 once it is gone). */
export function residentMiB(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1] ?? 0);
    return Math.round((kb / 1024) * 10) / 10;
  } catch {
    return 0;
  }
}

/** Clock ticks per second of /proc/<pid>/stat times (USER_HZ: 100 on Linux). */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU time a process has used so far (user + system, ms, 10 ms resolution), from /proc/<pid>/stat.
 * CPU time per request is steadier than req/s on a shared machine: waiting for the CPU is not in it.
 */
export function cpuMs(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces) start at ") "; utime and stime are the 12th and 13th of them.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/**
 * Waits until none of `pids` uses CPU any more (under 2% of a core over 250 ms), at most
 * `timeoutMs`: a series ends with requests the server is still working through (autocannon
 * drops their connections, the server finishes them), which must not run into the next series.
 */
export async function waitUntilIdle(pids: readonly number[], timeoutMs = 15_000): Promise<void> {
  const total = () => pids.reduce((sum, pid) => sum + cpuMs(pid), 0);
  const deadline = Date.now() + timeoutMs;
  let before = total();
  while (Date.now() < deadline) {
    await sleep(250);
    const now = total();
    if (now - before <= 5) return;
    before = now;
  }
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
}

/**
 * Starts `command` pinned to `core` (taskset execs it, so the pid is the server's; null: not
 * pinned, as tests start servers), with stdout and stderr appended to `logFile`, and waits until
 * `ready` finds the listening URL in the log.
 */
export async function startServer(options: {
  readonly name: string;
  readonly core: number | null;
  readonly command: readonly string[];
  readonly env: NodeJS.ProcessEnv;
  readonly logFile: string;
  readonly ready: (log: string) => string | null;
}): Promise<ServerProcess> {
  const fd = fs.openSync(options.logFile, "a");
  const [program, ...args] = options.core === null ? options.command : ["taskset", "-c", String(options.core), ...options.command];
  const child = spawn(program as string, args, { env: options.env, stdio: ["ignore", fd, fd] });
  fs.closeSync(fd);
  const pid = child.pid;
  running.add(child);
  child.once("exit", () => running.delete(child));
  if (pid === undefined) throw new Error(`${options.name}: could not start ${options.command.join(" ")}`);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let url: string | null = null;
  while (url === null) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      const tail = fs.readFileSync(options.logFile, "utf8").slice(-3000);
      throw new Error(`${options.name} did not start (exit ${child.exitCode ?? "none, timed out"}); its log ends:\n${tail}`);
    }
    await sleep(100);
    url = options.ready(fs.readFileSync(options.logFile, "utf8"));
  }
  const listening = url;
  return {
    name: options.name,
    pid,
    url: listening,
    logFile: options.logFile,
    rssMiB: () => residentMiB(pid),
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited(child);
      clearTimeout(killer);
    },
  };
}

/** The `{"listening":"URL"}` line the baselines print. */
export function listeningLine(log: string): string | null {
  return /\{"listening":"([^"]+)"\}/.exec(log)?.[1] ?? null;
}

/** copydesk's banner line (src/main.ts) names the GraphQL URL. */
export function copydeskBanner(log: string): string | null {
  return /serving GraphQL at (\S+)\/graphql/.exec(log)?.[1] ?? null;
}

/** Runs a command to completion (asynchronously: an in-process database may be serving it) and returns its stdout; a non-zero exit throws with stderr. */
export function runCommand(command: readonly string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const [program, ...args] = command;
    const child = spawn(program as string, args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve(stdout) : reject(new Error(`${command.join(" ")} exited ${code}:\n${stderr.slice(-3000)}`))));
  });
}

/** Pins this process (every thread, including autocannon's sockets' event loop) to `core`. */
export async function pinSelf(core: number): Promise<void> {
  await runCommand(["taskset", "-a", "-p", "-c", String(core), String(process.pid)], process.env);
}
