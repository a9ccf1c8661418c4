import { readFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import cliProgress from "cli-progress";
import type { Actor } from "../core/actor.js";
import { DomainFailure } from "../core/failure.js";
import type { PrismaClient } from "../db/index.js";
import type { IngestOutcome } from "../domain/ingest/ingest.js";
import { readArgs, UsageError, withDatabase, type Work } from "./command.js";

// `npm run ingest -- FILE... [--published YYYY-MM-DD] [--outlet NAME] [--url URL]`: each file is
// one story, ingested as ingestArticle does it (no idempotency key: the body hash already makes a
// second run of the same files a no-op). A progress bar on a terminal, one summary line on stdout,
// one line per failed file on stderr, exit code 1 when any file failed.

/** Usage lines of the ingest command (part of the CLI's USAGE). */
export const INGEST_USAGE = `  ingest FILE...    ingest text files as DRAFT articles with machine suggestions (one story per file)
      --published YYYY-MM-DD   publication day of the stories, for relative dates
      --outlet NAME            outlet that published them
      --url URL                the story's URL (one file only): a changed text at that URL becomes a revision
      --progress               draw the progress bar even when stderr is not a terminal`;

/** A parsed ingest command line. */
export interface IngestCommand {
  readonly files: readonly string[];
  readonly publishedAt: Date | null;
  readonly outlet: string | null;
  readonly url: string | null;
  /** Draw the progress bar even when stderr is not a terminal. */
  readonly progress: boolean;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const OPTIONS = { published: "string", outlet: "string", url: "string", progress: "boolean" } as const;

/** Parses `ingest` arguments (--name value or --name=value). */
export function parseIngestCommand(args: readonly string[]): IngestCommand {
  const { values, positionals: files } = readArgs(args, OPTIONS, { command: "ingest", positionals: true, emptyIsMissing: true });
  if (files.length === 0) throw new UsageError("ingest: name at least one text file");
  const { published, outlet, url } = values;
  if (published !== undefined && (!ISO_DAY.test(published) || Number.isNaN(Date.parse(`${published}T00:00:00Z`)))) {
    throw new UsageError(`ingest: --published needs a YYYY-MM-DD date, not ${JSON.stringify(published)}`);
  }
  if (url !== undefined && files.length > 1) throw new UsageError("ingest: --url names one story; give one file with it");
  return {
    files,
    publishedAt: published ? new Date(`${published}T00:00:00Z`) : null,
    outlet: outlet ?? null,
    url: url ?? null,
    progress: values.progress === true,
  };
}

/** What the command did, for its summary line. */
export interface IngestSummary {
  readonly files: number;
  readonly outcomes: Readonly<Record<IngestOutcome, number>>;
  readonly suggestions: number;
  readonly failures: ReadonlyArray<{ readonly file: string; readonly reason: string }>;
  readonly seconds: number;
}

/** The one summary line. */
export function summaryLine(summary: IngestSummary): string {
  const rate = summary.seconds > 0 ? summary.files / summary.seconds : 0;
  return (
    `Ingested ${summary.files} file(s) in ${summary.seconds.toFixed(1)} s (${rate.toFixed(1)} stories/s): ` +
    `${summary.outcomes.CREATED} new article(s), ${summary.outcomes.REVISED} revision(s), ${summary.outcomes.UNCHANGED} unchanged, ` +
    `${summary.suggestions} suggestion(s), ${summary.failures.length} failed.`
  );
}

/** Why a file failed, in one line. */
function reasonOf(error: unknown): string {
  if (error instanceof DomainFailure) return error.reasons.map((item) => (item.field ? `${item.field}: ${item.message}` : item.message)).join(" ");
  if (error instanceof Error) return error.message.split("\n").filter(Boolean).at(-1) ?? error.name;
  return String(error);
}

/** The command line acts as an administrator without a user (its audit events have no actor). */
const CLI_VIEWER: Actor = { role: "ADMIN", userId: null, tokenId: null };

/** Runs the ingest command; `progress` draws a bar on stderr (a terminal, or --progress). Never throws for a bad file. */
export async function runIngestCommand(prisma: PrismaClient, command: IngestCommand, progress: boolean): Promise<IngestSummary> {
  const started = performance.now();
  const [{ ingestArticle }, { reviewableCount }] = await Promise.all([import("../domain/ingest/ingest.js"), import("../domain/ingest/store.js")]);
  const outcomes: Record<IngestOutcome, number> = { CREATED: 0, REVISED: 0, UNCHANGED: 0 };
  const failures: Array<{ file: string; reason: string }> = [];
  let suggestions = 0;
  const bar = progress ? new cliProgress.SingleBar({ format: "Ingesting [{bar}] {value}/{total} files | {eta_formatted} left", stream: process.stderr, noTTYOutput: !process.stderr.isTTY, notTTYSchedule: 1000 }, cliProgress.Presets.shades_classic) : null;
  bar?.start(command.files.length, 0);
  const requestId = `cli-ingest-${new Date().toISOString()}`;
  for (const file of command.files) {
    try {
      const text = await readFile(file, "utf8");
      const result = await ingestArticle({ prisma, viewer: CLI_VIEWER, requestId, live: null }, { text, outlet: command.outlet, publishedAt: command.publishedAt, url: command.url });
      outcomes[result.outcome] += 1;
      suggestions += reviewableCount(result.counts);
    } catch (error) {
      failures.push({ file, reason: reasonOf(error) });
    }
    bar?.increment();
  }
  bar?.stop();
  return { files: command.files.length, outcomes, suggestions, failures, seconds: (performance.now() - started) / 1000 };
}

/** `ingest FILE...`: the summary line on stdout, one line per failed file on stderr; exit code 1 when any failed. */
export function ingestCommand(args: readonly string[]): Work {
  const command = parseIngestCommand(args);
  return () =>
    withDatabase(async (database) => {
      const summary = await runIngestCommand(database.prisma, command, command.progress || process.stderr.isTTY === true);
      for (const failure of summary.failures) process.stderr.write(`${failure.file}: ${failure.reason}\n`);
      process.stdout.write(`${summaryLine(summary)}\n`);
      return summary.failures.length > 0 ? 1 : 0;
    });
}
