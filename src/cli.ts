import { readFile } from "node:fs/promises";
import { ConfigError, loadConfig } from "./config.js";
import { openDatabase } from "./db/index.js";
import { extractArticle } from "./extraction/index.js";
import { parseTokenCommand, runTokenCommand, TOKEN_USAGE, TokenUsageError, type TokenCommand } from "./domain/auth/token-command.js";
import { EXPORT_USAGE, ExportUsageError, parseExportCommand, runExportCommand, type ExportCommand } from "./export/command.js";
import { generateCorpus, type CorpusOptions, type CorpusProgress } from "./seed/corpus.js";
import { seedExampleStory } from "./seed/example-story.js";
import { geocodeStoredPlaces, geocodeSummaryLine } from "./domain/ingest/geocode-places.js";
import { INGEST_USAGE, IngestUsageError, parseIngestCommand, runIngestCommand, summaryLine, type IngestCommand } from "./domain/ingest/command.js";
import { MAX_BODY_LENGTH } from "./domain/ingest/ingest.js";

const USAGE = `Usage: node dist/cli.js <command> [options]

Commands:
  migrate           apply pending migrations (what npm start does first)
  seed              load the example story unless it is already there
  generate-corpus   generate a deterministic corpus for tests and benchmarks (once per database)
      --articles N      articles (default 2000); the counts below scale with it
      --people N        people, about 15% unnamed sources (default articles / 10)
      --quotes N        quotes (default articles x 5)
      --incidents N     incidents (default articles / 2)
      --annotations N   annotations (default articles x 2.5)
      --seed S          seed (default 1): the same seed gives the same corpus, ids included
  geocode-places    give the places ingest stored without a position their kind, country and
                    coordinates from the gazetteer (once, after upgrading; ingest does it since)
  extract FILE      print what extraction finds in a text file, as JSON (no database)
      --published YYYY-MM-DD   publication day, for relative dates ("Friday", "last week")
${INGEST_USAGE}
${TOKEN_USAGE}
${EXPORT_USAGE}

All use the database npm start would use: DATABASE_URL, or the embedded one in DATA_DIR
(connecting to a running copydesk on that directory if there is one).
`;

const CORPUS_COUNTS = ["articles", "people", "quotes", "incidents", "annotations"] as const;

/** Thrown for a bad command line: USAGE is printed with it. */
class UsageError extends Error {}

/** Parses generate-corpus's options (--name value or --name=value). */
function parseCorpusOptions(args: readonly string[]): CorpusOptions {
  const options: { -readonly [K in keyof CorpusOptions]: CorpusOptions[K] } = {};
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new UsageError(`generate-corpus: unexpected argument ${JSON.stringify(arg)}`);
    const name = match[1] as string;
    const value = match[2] ?? args[++i];
    if (value === undefined) throw new UsageError(`generate-corpus: --${name} needs a value`);
    if (name === "seed") {
      // A number stays a number, so --seed 7 and the API's { seed: 7 } give the same corpus.
      options.seed = /^-?\d+$/.test(value) ? Number(value) : value;
    } else if ((CORPUS_COUNTS as readonly string[]).includes(name)) {
      if (!/^\d+$/.test(value)) throw new UsageError(`generate-corpus: --${name} must be a whole number, not ${JSON.stringify(value)}`);
      options[name as (typeof CORPUS_COUNTS)[number]] = Number(value);
    } else {
      throw new UsageError(`generate-corpus: unknown option --${name}`);
    }
  }
  return options;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `extract FILE [--published YYYY-MM-DD]`: runs the extraction pipeline on one file and prints its JSON. */
async function runExtract(args: readonly string[]): Promise<number> {
  let file: string | undefined;
  let publishedAt: string | undefined;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    const published = /^--published(?:=(.*))?$/.exec(arg);
    if (published) {
      publishedAt = published[1] ?? args[++i];
      if (publishedAt === undefined || !ISO_DAY.test(publishedAt)) throw new UsageError(`extract: --published needs a YYYY-MM-DD date, not ${JSON.stringify(publishedAt ?? "")}`);
    } else if (arg.startsWith("--")) {
      throw new UsageError(`extract: unknown option ${arg}`);
    } else if (file === undefined) {
      file = arg;
    } else {
      throw new UsageError(`extract: one file at a time (got ${JSON.stringify(file)} and ${JSON.stringify(arg)})`);
    }
  }
  if (file === undefined) throw new UsageError("extract: name the text file to extract from");
  const text = await readFile(file, "utf8");
  // The same limits as ingest: extraction of a huge or binary file would run for minutes and say nothing useful.
  if (text.length > MAX_BODY_LENGTH) throw new UsageError(`extract: ${file} has ${text.length} characters; an article may have at most ${MAX_BODY_LENGTH} (split it into stories)`);
  if (text.includes("\u0000")) throw new UsageError(`extract: ${file} contains NUL bytes: it looks like a binary file, not text`);
  if (text.trim() === "") throw new UsageError(`extract: ${file} is empty: there is nothing to extract`);
  process.stdout.write(`${JSON.stringify(extractArticle(text, { publishedAt: publishedAt ?? null }), null, 1)}\n`);
  return 0;
}

/** The copydesk command line: database chores that honour DATA_DIR and DATABASE_URL like the server. */
async function run(argv: readonly string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command === "extract") {
    try {
      return await runExtract(args);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      process.stderr.write(`${error.message}\n\n${USAGE}`);
      return 2;
    }
  }
  if (command !== "migrate" && command !== "seed" && command !== "generate-corpus" && command !== "token" && command !== "ingest" && command !== "export" && command !== "geocode-places") {
    process.stderr.write(USAGE);
    return command === undefined || command === "help" || command === "--help" ? 0 : 2;
  }
  let corpusOptions: CorpusOptions = {};
  let tokenCommand: TokenCommand | undefined;
  let exportCommand: ExportCommand | undefined;
  let ingestCommand: IngestCommand | undefined;
  try {
    if (command === "generate-corpus") corpusOptions = parseCorpusOptions(args);
    if (command === "token") tokenCommand = parseTokenCommand(args);
    if (command === "export") exportCommand = parseExportCommand(args);
    if (command === "ingest") ingestCommand = parseIngestCommand(args);
  } catch (error) {
    if (!(error instanceof UsageError) && !(error instanceof TokenUsageError) && !(error instanceof ExportUsageError) && !(error instanceof IngestUsageError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  const database = await openDatabase(loadConfig().database, { allowBorrowed: true });
  try {
    if (tokenCommand) {
      return await runTokenCommand(database.prisma, tokenCommand, (line) => process.stdout.write(`${line}\n`));
    } else if (exportCommand) {
      return await runExportCommand(database.prisma, exportCommand, process.stdout, (line) => process.stdout.write(`${line}\n`));
    } else if (ingestCommand) {
      const summary = await runIngestCommand(database.prisma, ingestCommand, ingestCommand.progress || process.stderr.isTTY === true);
      for (const failure of summary.failures) process.stderr.write(`${failure.file}: ${failure.reason}\n`);
      process.stdout.write(`${summaryLine(summary)}\n`);
      return summary.failures.length > 0 ? 1 : 0;
    } else if (command === "geocode-places") {
      process.stdout.write(`${geocodeSummaryLine(await geocodeStoredPlaces(database.prisma))}\n`);
    } else if (command === "migrate") {
      const applied = database.appliedMigrations;
      process.stdout.write(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}\n` : "The database is up to date.\n");
    } else if (command === "seed") {
      const result = await seedExampleStory(database.prisma);
      process.stdout.write(result.created ? "Loaded the example story basra-consulate-2018.\n" : "The example story is already loaded.\n");
    } else {
      // Progress on a terminal only, so that scripts get the one summary line and nothing else.
      const onProgress = process.stderr.isTTY
        ? (p: CorpusProgress) => process.stderr.write(`\rGenerating the corpus: ${p.articlesWritten}/${p.articles} articles`)
        : undefined;
      const summary = await generateCorpus(database.prisma, { ...corpusOptions, onProgress });
      if (onProgress) process.stderr.write("\n");
      const c = summary.counts;
      const { reused } = summary;
      process.stdout.write(
        `Generated the corpus (seed ${JSON.stringify(summary.seed)}) in ${(summary.elapsedMs / 1000).toFixed(1)} s: ` +
          `${c.articles} articles, ${c.articleRevisions} revisions, ${c.quotes} quotes, ${c.quoteLinks} quote links, ` +
          `${c.people} people, ${c.personAliases} aliases, ${c.personRoles} roles, ${c.organizations} organizations, ` +
          `${c.places} places, ${c.incidents} incidents, ${c.incidentMentions} incident mentions, ` +
          `${c.entityMentions} entity mentions, ${c.annotations} annotations, ${c.corrections} corrections, ` +
          `${c.claimReviews} claim reviews, ${c.auditEvents} audit events, ${c.users} users` +
          (reused.organizations + reused.places > 0 ? ` (reused ${reused.organizations} organizations and ${reused.places} places already there)` : "") +
          ".\n",
      );
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
