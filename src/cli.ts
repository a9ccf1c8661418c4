import { ConfigError } from "./config.js";
import { UsageError, type Command } from "./cli/command.js";
import { EXPORT_USAGE, exportCommand } from "./cli/export.js";
import { EXTRACT_USAGE, extractCommand } from "./cli/extract.js";
import { GENERATE_CORPUS_USAGE, generateCorpusCommand } from "./cli/generate-corpus.js";
import { GEOCODE_PLACES_USAGE, geocodePlacesCommand } from "./cli/geocode-places.js";
import { INGEST_USAGE, ingestCommand } from "./cli/ingest.js";
import { MIGRATE_USAGE, migrateCommand } from "./cli/migrate.js";
import { SEED_USAGE, seedCommand } from "./cli/seed.js";
import { TOKEN_USAGE, tokenCommand } from "./cli/token.js";

const USAGE = `Usage: node dist/cli.js <command> [options]

Commands:
${MIGRATE_USAGE}
${SEED_USAGE}
${GENERATE_CORPUS_USAGE}
${GEOCODE_PLACES_USAGE}
${EXTRACT_USAGE}
${INGEST_USAGE}
${TOKEN_USAGE}
${EXPORT_USAGE}

All use the database npm start would use: DATABASE_URL, or the embedded one in DATA_DIR
(connecting to a running copydesk on that directory if there is one).
`;

/**
 * The commands, one file each in src/cli/. A command's module holds its usage and argument
 * parsing only, and loads what its work needs (the database layer, extraction's language models,
 * the exports) with import() when it runs: every run loads every command's module, and `token
 * list` or a usage error should not pay about 2 s of CPU for modules it never uses.
 */
const COMMANDS: Readonly<Record<string, Command>> = {
  migrate: migrateCommand,
  seed: seedCommand,
  "generate-corpus": generateCorpusCommand,
  "geocode-places": geocodePlacesCommand,
  extract: extractCommand,
  ingest: ingestCommand,
  token: tokenCommand,
  export: exportCommand,
};

/**
 * The copydesk command line: database chores that honour DATA_DIR and DATABASE_URL like the
 * server. Exit codes: 0 done, 1 failed, 2 a bad command line (with the usage) or configuration.
 */
async function run(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (command === undefined) {
    process.stderr.write(USAGE);
    return name === undefined || name === "help" || name === "--help" ? 0 : 2;
  }
  try {
    // The arguments are read before the database is opened: a typo costs no connection.
    const work = command(args);
    return await work();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    return 2;
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `copydesk: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error instanceof ConfigError ? 2 : 1);
  },
);
