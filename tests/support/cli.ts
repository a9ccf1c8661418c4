import { execFile } from "node:child_process";
import path from "node:path";

// The built command line (node dist/cli.js ...) as the CLI tests run it: on a DATA_DIR of the
// test's own, never on the test run's DATABASE_URL, and spawned asynchronously, because a
// synchronous spawn would block this process while a PGlite it opened (which the CLI then
// borrows) has to answer the CLI's queries.

const root = path.resolve(import.meta.dirname, "../..");

/** The built CLI; tests skip when it is missing (no build). */
export const CLI_PATH = path.join(root, "dist", "cli.js");

/** What one CLI run printed and how it exited. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node dist/cli.js ...args` on `dataDir` and collects its output and exit code (never rejects). */
export function runCli(dataDir: string, args: readonly string[], options: { timeoutMs?: number } = {}): Promise<CliResult> {
  const { DATABASE_URL: _server, ...inherited } = process.env;
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI_PATH, ...args],
      {
        cwd: root,
        env: { ...inherited, DATA_DIR: dataDir, LOG_LEVEL: "warn", NODE_ENV: "development" },
        timeout: options.timeoutMs ?? 120_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}
