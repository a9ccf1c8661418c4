import fs from "node:fs";
import type { Writable } from "node:stream";
import type { PrismaClient } from "../db/index.js";
import { DEFAULT_BATCH_SIZE } from "../domain/export/batch.js";
import type { ExportSelection } from "../domain/export/write.js";
import { readArgs, UsageError, withDatabase, type Work } from "./command.js";

/** The usage lines of the export command (part of the CLI's usage text). */
export const EXPORT_USAGE = `  export incidents --format csv|jsonl [--out FILE]
                    the public incident table with ACLED-style columns (event_id, event_date,
                    time_precision, event_type, ..., fatalities), as CSV or as JSON Lines
  export all --format jsonl [--out FILE]
                    every record of every entity type, one {"type", "data"} object a line,
                    for bulk loads (drafts, pending and deleted records included)
      --out FILE        write to FILE (replaced only once the export is complete) instead of stdout
      --batch-size N    records read per SQL statement (default ${DEFAULT_BATCH_SIZE})`;

/** A parsed export command. */
export interface ExportCommand extends ExportSelection {
  /** The file to write, or null for stdout. */
  readonly out: string | null;
}

const OPTIONS = { format: "string", out: "string", "batch-size": "string" } as const;

/** Parses `export <incidents|all> --format csv|jsonl [--out FILE] [--batch-size N]` (--name value or --name=value). */
export function parseExportCommand(args: readonly string[]): ExportCommand {
  const [what, ...rest] = args;
  if (what !== "incidents" && what !== "all") throw new UsageError(`export: say what to export, incidents or all (got ${JSON.stringify(what ?? "")})`);
  const { values } = readArgs(rest, OPTIONS, { command: "export", positionals: false, emptyIsMissing: true });
  const { format, out = null } = values;
  let batchSize = DEFAULT_BATCH_SIZE;
  const batch = values["batch-size"];
  if (batch !== undefined) {
    if (!/^\d+$/.test(batch) || Number(batch) < 1 || Number(batch) > 10_000) throw new UsageError(`export: --batch-size must be a whole number from 1 to 10000, not ${JSON.stringify(batch)}`);
    batchSize = Number(batch);
  }
  const formats = what === "incidents" ? ["csv", "jsonl"] : ["jsonl"];
  if (format === undefined || !formats.includes(format)) {
    throw new UsageError(`export ${what}: --format must be ${formats.join(" or ")}${format === undefined ? "" : `, not ${JSON.stringify(format)}`}`);
  }
  return { what, format: format as ExportCommand["format"], out, batchSize };
}

/**
 * Runs an export: to stdout, or to `--out FILE`, written beside it first and renamed once
 * complete, so a failed export never leaves a truncated file in its place. Returns the exit code.
 */
export async function runExportCommand(prisma: PrismaClient, command: ExportCommand, stdout: Writable, say: (line: string) => void): Promise<number> {
  const { writeExport } = await import("../domain/export/write.js");
  if (command.out === null) {
    // stdout stays open: the process may still write to it, and ending it is not ours to do.
    await writeExport(prisma, command, stdout, { end: false });
    return 0;
  }
  const partial = `${command.out}.partial`;
  try {
    const count = await writeExport(prisma, command, fs.createWriteStream(partial));
    fs.renameSync(partial, command.out);
    say(`Exported ${count} ${command.what === "incidents" ? "incidents" : "records"} to ${command.out}.`);
    return 0;
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

/** `export incidents|all ...`: to stdout, or to a file with one line saying how many records. */
export function exportCommand(args: readonly string[]): Work {
  const command = parseExportCommand(args);
  return () => withDatabase((database) => runExportCommand(database.prisma, command, process.stdout, (line) => process.stdout.write(`${line}\n`)));
}
