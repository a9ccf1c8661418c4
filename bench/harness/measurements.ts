/**
 * Measurements that are not HTTP load on the read/write workloads: each runs once per database
 * kind after the load series and adds its own numbers to the results. Re-anchoring is here; ingest
 * throughput (stories/s) and subscription fan-out latency register here when those features
 * exist (see "Adding a measurement" in bench/README.md).
 */
import fs from "node:fs";
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
  /** Runs it (on core 1, like the servers) and returns its numbers. */
  run(environment: MeasurementEnvironment): Promise<Record<string, unknown>>;
}

/** Re-anchoring 500 annotations on a 5,000-word article after an edit: bench/reanchor.ts, whose JSON is read back. */
const reanchor: Measurement = {
  id: "reanchor",
  title: "re-anchoring 500 annotations after a realistic edit of a 5,000-word article",
  databases: ["postgres", "embedded"],
  async run(environment) {
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
    if (environment.serverUrl) env["DATABASE_URL"] = environment.serverUrl;
    else delete env["DATABASE_URL"];
    // Its own defaults (30 timed runs) even in quick mode: it takes seconds, and it rewrites the
    // committed bench/results/reanchor-<database>.json, which must stay a full run.
    await runCommand(["taskset", "-c", "1", "node", "--import", "tsx", path.join(environment.root, "bench/reanchor.ts")], env);
    const file = path.join(environment.root, "bench/results", `reanchor-${environment.database}.json`);
    const report = JSON.parse(fs.readFileSync(file, "utf8")) as { milliseconds: Record<string, number>; statementsPerRun: number; annotations: number; runs: number };
    return { runs: report.runs, annotations: report.annotations, statementsPerRun: report.statementsPerRun, milliseconds: report.milliseconds };
  },
};

/** Every measurement the harness runs after the load series. */
export const MEASUREMENTS: readonly Measurement[] = [reanchor];
