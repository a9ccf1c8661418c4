import fs from "node:fs";
import { Readable, Transform, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";
import type { PrismaClient } from "../db/index.js";
import { ACLED_COLUMNS, acledRows, DEFAULT_BATCH_SIZE } from "./acled.js";
import { entityLines } from "./entities.js";

/** The usage lines of the export command (part of the CLI's usage text). */
export const EXPORT_USAGE = `  export incidents --format csv|jsonl [--out FILE]
                    the public incident table with ACLED-style columns (event_id, event_date,
                    time_precision, event_type, ..., fatalities), as CSV or as JSON Lines
  export all --format jsonl [--out FILE]
                    every record of every entity type, one {"type", "data"} object a line,
                    for bulk loads (drafts, pending and deleted records included)
      --out FILE        write to FILE (replaced only once the export is complete) instead of stdout
      --batch-size N    records read per SQL statement (default ${DEFAULT_BATCH_SIZE})`;

/** Thrown for a bad export command line. */
export class ExportUsageError extends Error {}

/** A parsed export command. */
export interface ExportCommand {
  readonly what: "incidents" | "all";
  readonly format: "csv" | "jsonl";
  readonly out: string | null;
  readonly batchSize: number;
}

/** Parses `export <incidents|all> --format csv|jsonl [--out FILE] [--batch-size N]` (--name value or --name=value). */
export function parseExportCommand(args: readonly string[]): ExportCommand {
  const [what, ...rest] = args;
  if (what !== "incidents" && what !== "all") throw new ExportUsageError(`export: say what to export, incidents or all (got ${JSON.stringify(what ?? "")})`);
  let format: string | undefined;
  let out: string | null = null;
  let batchSize = DEFAULT_BATCH_SIZE;
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i] as string;
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new ExportUsageError(`export: unexpected argument ${JSON.stringify(arg)}`);
    const name = match[1] as string;
    if (name !== "format" && name !== "out" && name !== "batch-size") throw new ExportUsageError(`export: unknown option --${name}`);
    const value = match[2] ?? rest[++i];
    if (value === undefined || value === "") throw new ExportUsageError(`export: --${name} needs a value`);
    if (name === "format") format = value;
    else if (name === "out") out = value;
    else {
      if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 10_000) throw new ExportUsageError(`export: --batch-size must be a whole number from 1 to 10000, not ${JSON.stringify(value)}`);
      batchSize = Number(value);
    }
  }
  const formats = what === "incidents" ? ["csv", "jsonl"] : ["jsonl"];
  if (format === undefined || !formats.includes(format)) {
    throw new ExportUsageError(`export ${what}: --format must be ${formats.join(" or ")}${format === undefined ? "" : `, not ${JSON.stringify(format)}`}`);
  }
  return { what, format: format as ExportCommand["format"], out, batchSize };
}

/** One JSON value per line. */
function jsonLines(): Transform {
  return new Transform({
    writableObjectMode: true,
    transform(record: unknown, _encoding, callback) {
      callback(null, `${JSON.stringify(record)}\n`);
    },
  });
}

/** Counts the records that pass through. */
function counter(): Transform & { count: number } {
  const stream = new Transform({
    objectMode: true,
    transform(record: unknown, _encoding, callback) {
      stream.count += 1;
      callback(null, record);
    },
  }) as Transform & { count: number };
  stream.count = 0;
  return stream;
}

/**
 * Streams the export to `output` (records are read in keyset batches and written as they come,
 * with backpressure, so memory stays flat) and returns how many records it wrote.
 */
export async function writeExport(prisma: PrismaClient, command: ExportCommand, output: Writable, { end = true } = {}): Promise<number> {
  const records = Readable.from(command.what === "incidents" ? acledRows(prisma, command.batchSize) : entityLines(prisma, command.batchSize));
  const count = counter();
  const serialize = command.format === "csv" ? stringify({ header: true, columns: [...ACLED_COLUMNS] }) : jsonLines();
  await pipeline(records, count, serialize, output, { end });
  return count.count;
}

/**
 * Runs an export: to stdout, or to `--out FILE`, written beside it first and renamed once
 * complete, so a failed export never leaves a truncated file in its place. Returns the exit code.
 */
export async function runExportCommand(prisma: PrismaClient, command: ExportCommand, stdout: Writable, say: (line: string) => void): Promise<number> {
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
