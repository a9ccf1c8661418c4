/**
 * Benchmark databases: a fresh PostgreSQL database (copydesk_bench_<ts>) or a fresh embedded data
 * directory, filled through copydesk's own CLI (migrate, example story, generated corpus) and
 * given a VIEWER and an EDITOR token by the project's token command.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { quoteIdentifier, withConnection, withDatabaseName } from "../../src/db/postgres-server.js";
import { runCommand } from "./processes.js";
import type { Tokens } from "./load.js";

/** A database ready for copydesk: the environment that points the server and CLI at it. */
export interface BenchTarget {
  readonly kind: "postgres" | "embedded";
  /** DATABASE_URL or DATA_DIR, for copydesk's server and CLI. */
  readonly env: Readonly<Record<string, string>>;
  readonly tokens: Tokens;
  readonly corpus: { readonly articles: number; readonly seconds: number; readonly summary: string };
  /** Drops the database or removes the data directory. */
  release(): Promise<void>;
}

/** Options of {@link prepareTarget}. */
export interface PrepareOptions {
  readonly kind: "postgres" | "embedded";
  /** A maintenance URL of the PostgreSQL server (databases are created through it). */
  readonly serverUrl: string;
  readonly articles: number;
  readonly root: string;
  /** Name suffix of the PostgreSQL database (default: a timestamp). */
  readonly label?: string;
}

/** Runs `node dist/cli.js ...args` against the target (one core: the load generator's is left alone). */
function cli(root: string, env: Readonly<Record<string, string>>, args: readonly string[]): Promise<string> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", ...env };
  if (!("DATABASE_URL" in env)) delete childEnv["DATABASE_URL"];
  return runCommand(["taskset", "-c", "1", "node", path.join(root, "dist/cli.js"), ...args], childEnv);
}

/** Creates the database, loads the example story and the corpus, and creates the tokens. */
export async function prepareTarget(options: PrepareOptions): Promise<BenchTarget> {
  let env: Record<string, string>;
  let release: () => Promise<void>;
  if (options.kind === "postgres") {
    const name = `copydesk_bench_${options.label ?? new Date().toISOString().replace(/\D/g, "").slice(0, 14)}`;
    await withConnection(options.serverUrl, (admin) => admin.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
    env = { DATABASE_URL: withDatabaseName(options.serverUrl, name) };
    release = async () => {
      await withConnection(options.serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`));
    };
  } else {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-bench-"));
    env = { DATA_DIR: dataDir };
    release = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  }
  try {
    await cli(options.root, env, ["seed"]);
    const started = performance.now();
    const summary = (await cli(options.root, env, ["generate-corpus", "--articles", String(options.articles)])).trim();
    const seconds = Math.round((performance.now() - started) / 100) / 10;
    const token = async (role: string) => {
      const out = (await cli(options.root, env, ["token", "create", "--role", role, "--name", `bench ${role}`])).trim().split("\n");
      const secret = out.at(-1);
      if (!secret?.startsWith("cdk_")) throw new Error(`token create printed no token:\n${out.join("\n")}`);
      return secret;
    };
    const tokens = { viewer: await token("viewer"), editor: await token("editor") };
    return { kind: options.kind, env, tokens, corpus: { articles: options.articles, seconds, summary }, release };
  } catch (error) {
    await release();
    throw error;
  }
}
