import type { CorpusOptions, CorpusProgress, CorpusSummary } from "../seed/corpus.js";
import { readArgs, UsageError, withDatabase, type Work } from "./command.js";

/** Usage lines of `generate-corpus` (part of the CLI's usage). */
export const GENERATE_CORPUS_USAGE = `  generate-corpus   generate a deterministic corpus for tests and benchmarks (once per database)
      --articles N      articles (default 2000); the counts below scale with it
      --people N        people, about 15% unnamed sources (default articles / 10)
      --quotes N        quotes (default articles x 5)
      --incidents N     incidents (default articles / 2)
      --annotations N   annotations (default articles x 2.5)
      --seed S          seed (default 1): the same seed gives the same corpus, ids included`;

const COUNTS = ["articles", "people", "quotes", "incidents", "annotations"] as const;
const OPTIONS = { articles: "string", people: "string", quotes: "string", incidents: "string", annotations: "string", seed: "string" } as const;

/** Parses generate-corpus's options (--name value or --name=value). */
export function parseCorpusOptions(args: readonly string[]): CorpusOptions {
  const { values } = readArgs(args, OPTIONS, { command: "generate-corpus", positionals: false });
  const options: { -readonly [K in keyof CorpusOptions]: CorpusOptions[K] } = {};
  for (const name of COUNTS) {
    const value = values[name];
    if (value === undefined) continue;
    if (!/^\d+$/.test(value)) throw new UsageError(`generate-corpus: --${name} must be a whole number, not ${JSON.stringify(value)}`);
    options[name] = Number(value);
  }
  // A number stays a number, so --seed 7 and the API's { seed: 7 } give the same corpus.
  if (values.seed !== undefined) options.seed = /^-?\d+$/.test(values.seed) ? Number(values.seed) : values.seed;
  return options;
}

/** The one summary line. */
function summaryLine(summary: CorpusSummary): string {
  const c = summary.counts;
  const { reused } = summary;
  return (
    `Generated the corpus (seed ${JSON.stringify(summary.seed)}) in ${(summary.elapsedMs / 1000).toFixed(1)} s: ` +
    `${c.articles} articles, ${c.articleRevisions} revisions, ${c.quotes} quotes, ${c.quoteLinks} quote links, ` +
    `${c.people} people, ${c.personAliases} aliases, ${c.personRoles} roles, ${c.organizations} organizations, ` +
    `${c.places} places, ${c.incidents} incidents, ${c.incidentMentions} incident mentions, ` +
    `${c.entityMentions} entity mentions, ${c.annotations} annotations, ${c.corrections} corrections, ` +
    `${c.claimReviews} claim reviews, ${c.auditEvents} audit events, ${c.users} users` +
    (reused.organizations + reused.places > 0 ? ` (reused ${reused.organizations} organizations and ${reused.places} places already there)` : "") +
    "."
  );
}

/** `generate-corpus [--articles N ...] [--seed S]`: a deterministic corpus, once per database. */
export function generateCorpusCommand(args: readonly string[]): Work {
  const options = parseCorpusOptions(args);
  return () =>
    withDatabase(async (database) => {
      // Progress on a terminal only, so that scripts get the one summary line and nothing else.
      const onProgress = process.stderr.isTTY
        ? (p: CorpusProgress) => process.stderr.write(`\rGenerating the corpus: ${p.articlesWritten}/${p.articles} articles`)
        : undefined;
      const { generateCorpus } = await import("../seed/corpus.js");
      const summary = await generateCorpus(database.prisma, { ...options, onProgress });
      if (onProgress) process.stderr.write("\n");
      process.stdout.write(`${summaryLine(summary)}\n`);
      return 0;
    });
}
