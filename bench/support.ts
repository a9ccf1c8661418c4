import { EMBEDDED_POOL_SIZE, startEmbeddedPostgres } from "../src/db/embedded.js";
import { openDatabase, type Database } from "../src/db/index.js";
import { quoteIdentifier, withConnection, withDatabaseName } from "../src/db/postgres-server.js";

/** A fresh, migrated database for one benchmark run, and how to throw it away. */
export interface BenchDatabase {
  readonly database: Database;
  readonly kind: "embedded" | "postgres";
  /** Closes the client and drops the database (or stops the in-memory PGlite). */
  release(): Promise<void>;
}

/**
 * Opens a fresh database for a benchmark: a new database on the DATABASE_URL server when it is
 * set (named after `label` and the process), else an in-memory embedded PGlite.
 */
export async function openBenchDatabase(label: string): Promise<BenchDatabase> {
  const serverUrl = process.env["DATABASE_URL"];
  if (serverUrl) {
    const name = `copydesk_bench_${label}_${process.pid}`;
    await withConnection(serverUrl, (admin) => admin.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
    const database = await openDatabase({ kind: "server", url: withDatabaseName(serverUrl, name) }, { maxConnections: 10 });
    return {
      database,
      kind: "postgres",
      async release() {
        await database.close();
        await withConnection(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`));
      },
    };
  }
  const embedded = await startEmbeddedPostgres();
  const database = await openDatabase({ kind: "server", url: embedded.url }, { maxConnections: EMBEDDED_POOL_SIZE });
  return {
    database,
    kind: "embedded",
    async release() {
      await database.close();
      await embedded.stop();
    },
  };
}

/** The value below which `fraction` of the sorted samples lie, in milliseconds to 2 decimals. */
export function percentile(sorted: readonly number[], fraction: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return Number((sorted[index] ?? 0).toFixed(2));
}
