import { readFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import cliProgress from "cli-progress";
import type { PrismaClient } from "../../db/index.js";
import { DomainFailure } from "../../core/failure.js";
import type { Actor } from "../../core/actor.js";
import { ingestArticle, type IngestOutcome } from "./ingest.js";
import { reviewableCount } from "./store.js";

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

/** A bad ingest command line (the CLI prints the usage with it). */
export class IngestUsageError extends Error {}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Parses `ingest` arguments (--name value or --name=value). */
export function parseIngestCommand(args: readonly string[]): IngestCommand {
  const files: string[] = [];
  const options: { published?: string; outlet?: string; url?: string } = {};
  let progress = false;
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] as string;
    if (arg === "--progress") {
      progress = true;
      continue;
    }
    const option = /^--(published|outlet|url)(?:=(.*))?$/.exec(arg);
    if (option) {
      const value = option[2] ?? args[++i];
      if (value === undefined || value === "") throw new IngestUsageError(`ingest: --${option[1]} needs a value`);
      options[option[1] as "published" | "outlet" | "url"] = value;
    } else if (arg.startsWith("--")) {
      throw new IngestUsageError(`ingest: unknown option ${arg}`);
    } else {
      files.push(arg);
    }
  }
  if (files.length === 0) throw new IngestUsageError("ingest: name at least one text file");
  if (options.published !== undefined && (!ISO_DAY.test(options.published) || Number.isNaN(Date.parse(`${options.published}T00:00:00Z`)))) {
    throw new IngestUsageError(`ingest: --published needs a YYYY-MM-DD date, not ${JSON.stringify(options.published)}`);
  }
  if (options.url !== undefined && files.length > 1) throw new IngestUsageError("ingest: --url names one story; give one file with it");
  return {
    files,
    publishedAt: options.published ? new Date(`${options.published}T00:00:00Z`) : null,
    outlet: options.outlet ?? null,
    url: options.url ?? null,
    progress,
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
