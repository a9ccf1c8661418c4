import { readFile } from "node:fs/promises";
import { MAX_BODY_LENGTH } from "../domain/articles/body.js";
import { readArgs, UsageError, type Work } from "./command.js";

/** Usage lines of `extract`. */
export const EXTRACT_USAGE = `  extract FILE      print what extraction finds in a text file, as JSON (no database)
      --published YYYY-MM-DD   publication day, for relative dates ("Friday", "last week")`;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** `extract FILE [--published YYYY-MM-DD]`: runs the extraction pipeline on one file and prints its JSON. */
export function extractCommand(args: readonly string[]): Work {
  const needsDay = (value: string | undefined) => `extract: --published needs a YYYY-MM-DD date, not ${JSON.stringify(value ?? "")}`;
  const { values, positionals } = readArgs(args, { published: "string" }, { command: "extract", positionals: true, missing: () => needsDay(undefined) });
  const publishedAt = values.published;
  if (publishedAt !== undefined && !ISO_DAY.test(publishedAt)) throw new UsageError(needsDay(publishedAt));
  const [file, second] = positionals;
  if (file === undefined) throw new UsageError("extract: name the text file to extract from");
  if (second !== undefined) throw new UsageError(`extract: one file at a time (got ${JSON.stringify(file)} and ${JSON.stringify(second)})`);
  return async () => {
    const text = await readFile(file, "utf8");
    // The same limits as ingest: extraction of a huge or binary file would run for minutes and say nothing useful.
    if (text.length > MAX_BODY_LENGTH) throw new UsageError(`extract: ${file} has ${text.length} characters; an article may have at most ${MAX_BODY_LENGTH} (split it into stories)`);
    if (text.includes("\u0000")) throw new UsageError(`extract: ${file} contains NUL bytes: it looks like a binary file, not text`);
    if (text.trim() === "") throw new UsageError(`extract: ${file} is empty: there is nothing to extract`);
    // The language models load only now, for a file worth extracting from (see src/cli.ts).
    const { extractArticle } = await import("../extraction/index.js");
    process.stdout.write(`${JSON.stringify(extractArticle(text, { publishedAt: publishedAt ?? null }), null, 1)}\n`);
    return 0;
  };
}
