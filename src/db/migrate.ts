import path from "node:path";
import { fileURLToPath } from "node:url";
import { openWasmSchemaEngine, readMigrationList } from "./schema-engine/wasm-engine.js";

/** prisma/migrations of this project: the one migration history, used by every database. */
export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../prisma/migrations");

/**
 * Applies every pending migration from prisma/migrations, exactly as `prisma migrate deploy`
 * does (same engine, same _prisma_migrations bookkeeping), but in-process, so `npm start` and
 * the tests need no CLI and no native binary. Returns the names of the migrations applied.
 */
export async function applyMigrations(url: string, migrationsDir: string = MIGRATIONS_DIR): Promise<string[]> {
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
