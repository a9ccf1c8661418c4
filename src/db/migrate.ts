import path from "node:path";
import { fileURLToPath } from "node:url";
import { withConnection } from "./postgres-server.js";
import { openWasmSchemaEngine, readMigrationList } from "./schema-engine/wasm-engine.js";

/** prisma/migrations of this project: the one migration history, used by every database. */
export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../prisma/migrations");

/** The key of the server-wide advisory lock Prisma's schema engine takes around migrations. */
const PRISMA_MIGRATION_LOCK = 72707369;

/**
 * Waits until no one holds Prisma's migration lock. The engine gives up on the lock after 10 s,
 * and the lock is server-wide (one key for every database), so another copydesk starting up, a
 * `prisma migrate` command or a sibling database's migration can hold it longer than that. We
 * wait on our own connection, without a timeout, then let the engine take the lock at once.
 * (Retrying the engine instead would leave its abandoned lock request queued in PostgreSQL.)
 */
async function waitForMigrationLock(url: string): Promise<void> {
  await withConnection(url, async (client) => {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATION_LOCK]);
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATION_LOCK]);
  });
}

/**
 * Applies every pending migration from prisma/migrations, exactly as `prisma migrate deploy`
 * does (same engine, same _prisma_migrations bookkeeping), but in-process, so `npm start` and
 * the tests need no CLI and no native binary. Returns the names of the migrations applied.
 */
export async function applyMigrations(url: string, migrationsDir: string = MIGRATIONS_DIR): Promise<string[]> {
  await waitForMigrationLock(url);
  const engine = await openWasmSchemaEngine({ url });
  try {
    const output = await engine.applyMigrations({
      migrationsList: readMigrationList(migrationsDir),
      filters: { externalTables: [], externalEnums: [] },
    });
    return output.appliedMigrationNames;
  } finally {
    engine.free();
  }
}
