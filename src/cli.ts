import { ConfigError, loadConfig } from "./config.js";
import { openDatabase } from "./db/index.js";
import { seedExampleStory } from "./seed/example-story.js";

const USAGE = `Usage: node dist/cli.js <command>

Commands:
  migrate   apply pending migrations (what npm start does first)
  seed      load the example story unless it is already there

Both use the database npm start would use: DATABASE_URL, or the embedded one in DATA_DIR
(connecting to a running copydesk on that directory if there is one).
`;

/** The copydesk command line: database chores that honour DATA_DIR and DATABASE_URL like the server. */
async function run(argv: readonly string[]): Promise<number> {
  const [command] = argv;
  if (command !== "migrate" && command !== "seed") {
    process.stderr.write(USAGE);
    return command === undefined || command === "help" || command === "--help" ? 0 : 2;
  }
  const database = await openDatabase(loadConfig().database, { allowBorrowed: true });
  try {
    if (command === "migrate") {
      const applied = database.appliedMigrations;
      process.stdout.write(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}\n` : "The database is up to date.\n");
    } else {
      const result = await seedExampleStory(database.prisma);
      process.stdout.write(result.created ? "Loaded the example story basra-consulate-2018.\n" : "The example story is already loaded.\n");
    }
    return 0;
  } finally {
    await database.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `copydesk: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof ConfigError ? 2 : 1);
  },
);
