import { withDatabase, type Work } from "./command.js";

/** Usage line of `migrate`. */
export const MIGRATE_USAGE = "  migrate           apply pending migrations (what npm start does first)";

/** `migrate`: opening the database applies pending migrations; this says which. */
export function migrateCommand(): Work {
  return () =>
    withDatabase(async (database) => {
      const applied = database.appliedMigrations;
      process.stdout.write(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}\n` : "The database is up to date.\n");
      return 0;
    });
}
