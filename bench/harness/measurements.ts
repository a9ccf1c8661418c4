/**
 * Measurements that are not HTTP load on the read/write workloads: each runs once per database
 * kind after the load series and adds its own numbers to the results: re-anchoring, ingest
 * throughput and subscription fan-out (see "Adding a measurement" in bench/README.md).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { runCommand } from "./processes.js";

/** What a measurement gets: the database kind, the server URL for PostgreSQL, and how long it may take. */
export interface MeasurementEnvironment {
  readonly database: "postgres" | "embedded";
  /** The PostgreSQL server (a maintenance database URL) when `database` is postgres. */
  readonly serverUrl: string | null;
  readonly quick: boolean;
  /** The repository root. */
  readonly root: string;
}

/** One registered measurement. */
export interface Measurement {
  /** Short key in the results ("reanchor", "ingest", "subscriptions"). */
  readonly id: string;
  readonly title: string;
  readonly databases: readonly ("postgres" | "embedded")[];
  /** Runs it (on core 1, like the servers, unless it says otherwise) and returns its numbers and a one-line `summary` for the table. */
  run(environment: MeasurementEnvironment): Promise<Record<string, unknown> & { summary: string }>;
}

/** The environment of a bench script: production, on the server's maintenance URL (the script makes its own database) or embedded. */
function scriptEnv(environment: MeasurementEnvironment): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
  if (environment.serverUrl) env["DATABASE_URL"] = environment.serverUrl;
  else delete env["DATABASE_URL"];
  return env;
}

/** Runs `bench/<script>.ts args --out <temporary file>` and returns the JSON it wrote (the committed full-run results stay as they are). */
async function runScript<T>(environment: MeasurementEnvironment, command: readonly string[], script: string, args: readonly string[]): Promise<T> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), `copydesk-bench-${script}-`));
  const out = path.join(directory, "result.json");
  try {
    await runCommand([...command, "node", "--import", "tsx", path.join(environment.root, "bench", `${script}.ts`), ...args, "--out", out], scriptEnv(environment));
    return JSON.parse(fs.readFileSync(out, "utf8")) as T;
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

/** Re-anchoring 500 annotations on a 5,000-word article after an edit: bench/reanchor.ts, whose JSON is read back. */
const reanchor: Measurement = {
  id: "reanchor",
  title: "re-anchoring 500 annotations after a realistic edit of a 5,000-word article",
  databases: ["postgres", "embedded"],
  async run(environment) {
    // Its own defaults (30 timed runs) even in quick mode: it takes seconds, and it rewrites the
    // committed bench/results/reanchor-<database>.json, which must stay a full run.
    await runCommand(["taskset", "-c", "1", "node", "--import", "tsx", path.join(environment.root, "bench/reanchor.ts")], scriptEnv(environment));
    const file = path.join(environment.root, "bench/results", `reanchor-${environment.database}.json`);
    const report = JSON.parse(fs.readFileSync(file, "utf8")) as { milliseconds: Record<string, number>; statementsPerRun: number; annotations: number; runs: number };
    const { p50, p95 } = report.milliseconds;
    return {
      runs: report.runs,
      annotations: report.annotations,
      statementsPerRun: report.statementsPerRun,
      milliseconds: report.milliseconds,
      summary: `re-anchoring ${report.annotations} annotations p50 ${p50} ms, p95 ${p95} ms (${report.statementsPerRun} statements)`,
    };
  },
};

/** Ingest throughput: generated wire stories ingested one after the other (bench/ingest.ts), extraction included. */
const ingest: Measurement = {
  id: "ingest",
  title: "ingest throughput: generated wire stories ingested one after the other, extraction included",
  databases: ["postgres"],
  async run(environment) {
    const stories = environment.quick ? 30 : 200;
    const report = await runScript<{
      extraction: { storiesPerSecond: number };
      ingest: { storiesPerSecond: number; msPerStory: { p50: number; p95: number } };
      writes: { storiesPerSecond: number };
    }>(environment, ["taskset", "-c", "1"], "ingest", ["--stories", String(stories)]);
    return {
      stories,
      extractionStoriesPerSecond: report.extraction.storiesPerSecond,
      ingestStoriesPerSecond: report.ingest.storiesPerSecond,
      msPerStory: report.ingest.msPerStory,
      writesOnlyStoriesPerSecond: report.writes.storiesPerSecond,
      summary:
        `ingest ${report.ingest.storiesPerSecond} stories/s over ${stories} stories (p50 ${report.ingest.msPerStory.p50} ms, p95 ${report.ingest.msPerStory.p95} ms per story; ` +
        `extraction alone ${report.extraction.storiesPerSecond} stories/s, writes alone ${report.writes.storiesPerSecond} stories/s)`,
    };
  },
};

/**
 * Subscription fan-out: 500 WebSocket subscribers over 50 articles while createAnnotation runs
 * at 50/s (bench/subscriptions.ts). Not pinned: its subscribers run in a child process, which
 * gets the core the load generator has left.
 */
const subscriptions: Measurement = {
  id: "subscriptions",
  title: "subscription fan-out: 500 WebSocket subscribers over 50 articles, createAnnotation at 50/s",
  databases: ["postgres"],
  async run(environment) {
    const seconds = environment.quick ? 5 : 10;
    const report = await runScript<{
      mutations: { sent: number; failed: number };
      deliveries: { expected: number; received: number };
      deliveryAfterCommitMs: { p50: number; p99: number };
      memory: { heapPerConnectionKb: number };
    }>(environment, [], "subscriptions", ["--subscriptions", "500", "--articles", "50", "--rate", "50", "--seconds", String(seconds)]);
    return {
      seconds,
      mutations: report.mutations,
      deliveries: report.deliveries,
      deliveryAfterCommitMs: report.deliveryAfterCommitMs,
      heapPerConnectionKb: report.memory.heapPerConnectionKb,
      summary:
        `subscriptions: ${report.deliveries.received}/${report.deliveries.expected} events delivered to 500 subscribers, ` +
        `p50 ${report.deliveryAfterCommitMs.p50} ms / p99 ${report.deliveryAfterCommitMs.p99} ms after the mutation's answer, ` +
        `${report.memory.heapPerConnectionKb} KB heap per connection`,
    };
  },
};

/** Every measurement the harness runs after the load series. */
export const MEASUREMENTS: readonly Measurement[] = [reanchor, ingest, subscriptions];
