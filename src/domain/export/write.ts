import { Readable, Transform, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";
import type { PrismaClient } from "../../db/index.js";
import { ACLED_COLUMNS, acledRows } from "./acled.js";
import { entityLines } from "./entities.js";

/** What to export, and how. */
export interface ExportSelection {
  /** The public incident table (ACLED-style columns), or every record of every entity type. */
  readonly what: "incidents" | "all";
  readonly format: "csv" | "jsonl";
  /** Records read per SQL statement. */
  readonly batchSize: number;
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
export async function writeExport(prisma: PrismaClient, selection: ExportSelection, output: Writable, { end = true } = {}): Promise<number> {
  const records = Readable.from(selection.what === "incidents" ? acledRows(prisma, selection.batchSize) : entityLines(prisma, selection.batchSize));
  const count = counter();
  const serialize = selection.format === "csv" ? stringify({ header: true, columns: [...ACLED_COLUMNS] }) : jsonLines();
  await pipeline(records, count, serialize, output, { end });
  return count.count;
}
