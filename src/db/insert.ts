import { v7 as uuidv7 } from "uuid";
import type { Prisma, PrismaClient } from "./client.js";
import { modelSchemaBlock, rowShape } from "./rows.js";

// Bulk INSERTs of rows shaped as Prisma's createMany takes them, written as one SQL statement that
// PostgreSQL reads from a single JSON parameter (json_populate_recordset against the table's own
// row type, so PostgreSQL converts every value to its column's type: uuids, enums, dates, lists).
//
// Why not createMany: Prisma's client spends 0.4-0.6 ms of CPU per row and per statement in
// validating, compiling and serializing a model query (1.7 ms for a three-row createMany against
// 0.24 ms for the same rows this way, on the same connection); ingest writes a story's rows into
// eight tables, which made the client, not PostgreSQL, the limit of ingest throughput
// (bench/results/ingest-raw-inserts.md). The SQL text depends only on the model and the columns
// given, so a call site sends the same text every time, which a server connection prepares once
// (statements.ts); the rows travel as one parameter whatever their number.
//
// What Prisma's client does on the way in is done here too: an `@default(uuid(7))` id is drawn in
// the process (time-ordered, as Prisma draws it) and an `@updatedAt` column is set to now. A column
// left out of every row takes its database default; one given for some rows only is NULL in the
// others (not its default, unlike createMany), so a call site gives its rows the same columns.

/** A model of the schema ("Quote"). */
type ModelName = Prisma.ModelName;

/** The rows `createMany` of a model takes. */
export type CreateManyRow<M extends ModelName> = Prisma.TypeMap["model"][M]["operations"]["createMany"]["args"]["data"] extends infer Data
  ? Data extends readonly (infer Row)[]
    ? Row
    : Data
  : never;

/** A model's columns as Prisma reads them. */
export type ModelColumns<M extends ModelName> = Prisma.TypeMap["model"][M]["payload"]["scalars"];

/** How a model's rows are completed before they are written: which column holds a uuid(7) id, which one is `@updatedAt`. */
interface ModelDefaults {
  readonly uuidId: string | null;
  readonly updatedAt: string | null;
}

const defaultsByModel = new Map<string, ModelDefaults>();

/** The id and updatedAt columns of `model`, read once from the client's copy of schema.prisma. */
export function defaultsOf(client: Runner, model: ModelName): ModelDefaults {
  const known = defaultsByModel.get(model);
  if (known) return known;
  const block = modelSchemaBlock(client, model);
  const uuidId = /^\s+(\w+)\s+String\s+@id\s+@default\(uuid\(7\)\)/m.exec(block)?.[1] ?? null;
  const updatedAt = /^\s+(\w+)\s+DateTime\??\s+@updatedAt/m.exec(block)?.[1] ?? null;
  const defaults = { uuidId, updatedAt };
  defaultsByModel.set(model, defaults);
  return defaults;
}

/** A transaction client, or the client itself: anything that runs raw SQL. */
export type Runner = Prisma.TransactionClient | PrismaClient;

/** A column name as SQL (the schema's names are plain identifiers, quoted for their case). */
export function column(name: string): string {
  if (!/^\w+$/.test(name)) throw new Error(`Not a column name: ${JSON.stringify(name)}.`);
  return `"${name}"`;
}

/** A model's table as SQL. */
export function tableName(model: ModelName): string {
  return `"public"."${model}"`;
}

/** Rows or a record as the JSON parameter json_populate_record(set) reads: big integers as decimal text (JSON numbers lose digits). */
export function recordsJson(values: unknown): string {
  return JSON.stringify(values, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
}

/** The INSERT of `rows` into `model`'s table, with the rows completed as Prisma's client completes them, and its one parameter. */
function insertStatement<M extends ModelName>(db: Runner, model: M, rows: readonly CreateManyRow<M>[], returning: string): { sql: string; json: string } {
  const { uuidId, updatedAt } = defaultsOf(db, model);
  const now = new Date();
  const complete = rows.map((row) => {
    const values: Record<string, unknown> = { ...(row as Record<string, unknown>) };
    if (uuidId && values[uuidId] === undefined) values[uuidId] = uuidv7();
    if (updatedAt && values[updatedAt] === undefined) values[updatedAt] = now;
    return values;
  });
  const names = [...new Set(complete.flatMap((row) => Object.keys(row).filter((name) => row[name] !== undefined)))].sort();
  const columns = names.map(column).join(", ");
  const table = tableName(model);
  const sql = `INSERT INTO ${table} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${table}, $1::json)${returning ? ` RETURNING ${returning}` : ""}`;
  return { sql, json: recordsJson(complete) };
}

/**
 * Inserts `rows` into `model`'s table in one statement and returns, for each row, the columns
 * named in `returning` (RETURNING promises no order: match the rows by a column) (text-like ones: ids, names, enums, which raw results carry as
 * strings). Values are as createMany takes them (Date for DateTime, string lists for `String[]`,
 * plain JSON for `Json`).
 */
export async function insertRows<M extends ModelName, K extends keyof ModelColumns<M> & string = never>(
  db: Runner,
  model: M,
  rows: readonly CreateManyRow<M>[],
  returning: readonly K[] = [],
): Promise<Pick<ModelColumns<M>, K>[]> {
  if (rows.length === 0) return [];
  const { sql, json } = insertStatement(db, model, rows, returning.map(column).join(", "));
  if (returning.length === 0) {
    await db.$executeRawUnsafe(sql, json);
    return [];
  }
  return db.$queryRawUnsafe<Pick<ModelColumns<M>, K>[]>(sql, json);
}

/**
 * {@link insertRows} returning each whole row as Prisma's createManyAndReturn returns it (dates as
 * Date, big integers as bigint), in no promised order.
 */
export async function insertWholeRows<M extends ModelName>(db: Runner, model: M, rows: readonly CreateManyRow<M>[]): Promise<ModelColumns<M>[]> {
  if (rows.length === 0) return [];
  const shape = rowShape(db, model);
  const { sql, json } = insertStatement(db, model, rows, `${shape.jsonSql(model).text} AS "row"`);
  const returned = await db.$queryRawUnsafe<{ row: Record<string, unknown> }[]>(sql, json);
  return returned.map(({ row }) => shape.revive(row) as ModelColumns<M>);
}
