import { Prisma } from "./client.js";
import { column, defaultsOf, recordsJson, tableName, type ModelColumns, type Runner } from "./insert.js";
import { rowShape, type ModelName } from "./rows.js";

// One row read or updated by id in one raw statement, returned whole and shaped as Prisma's client
// returns it (rowShape). The editorial change ritual (src/core/change.ts) reads the row to change,
// then updates it on its version: through the model API that was three client calls (findFirst,
// updateMany, findUniqueOrThrow) at 0.4-0.7 ms of the client's CPU each, more than PostgreSQL
// spent on them (bench/results/ab-change-raw.md). Values travel as one JSON parameter read with
// json_populate_record against the table's own row type, as src/db/insert.ts writes rows, so
// PostgreSQL converts each to its column's type (uuids, enums, dates, lists, json).

/**
 * Column conditions of a row as Prisma's `where` spells the simplest ones: a column equal to a
 * value, or null. Anything else (a relation, an operator) has no form here.
 */
export type ColumnEqualities = Readonly<Record<string, string | number | boolean | Date | null>>;

/** True when `where` is only column equalities ({@link ColumnEqualities}), which {@link updateRowById} can state in SQL. */
export function isColumnEqualities(where: object): where is ColumnEqualities {
  return Object.values(where).every((value) => value === null || value instanceof Date || ["string", "number", "boolean"].includes(typeof value));
}

/** The SQL of `conditions` over the row aliased "t", their values read from the record aliased "w". */
function conditionsSql(conditions: ColumnEqualities): string {
  return Object.entries(conditions)
    .map(([name, value]) => (value === null ? `"t".${column(name)} IS NULL` : `"t".${column(name)} = "w".${column(name)}`))
    .join(" AND ");
}

/**
 * The row of `model` with this id, when it also meets `condition` (SQL over the row aliased "t",
 * such as a visibility rule), shaped as Prisma returns it; null otherwise. The id must be of the
 * column's type (PostgreSQL refuses a uuid column a text that is not one): check it before.
 */
export async function findRowById<M extends ModelName>(db: Runner, model: M, id: string, condition: Prisma.Sql): Promise<ModelColumns<M> | null> {
  const shape = rowShape(db, model);
  const conditions = { id };
  const sql = Prisma.sql`SELECT ${shape.jsonSql("t")} AS "row" FROM ${Prisma.raw(tableName(model))} AS "t", json_populate_record(NULL::${Prisma.raw(tableName(model))}, ${recordsJson(conditions)}::json) AS "w"
    WHERE ${Prisma.raw(conditionsSql(conditions))} AND ${condition}`;
  const [found] = await db.$queryRaw<{ row: Record<string, unknown> }[]>(sql);
  return found ? (shape.revive(found.row) as ModelColumns<M>) : null;
}

/** How {@link updateRowById} and {@link updateRowByIdWithAudit} update: whether `version` goes up by one. */
export interface UpdateOptions {
  readonly incrementVersion?: boolean;
}

/** `UPDATE <model> AS "t" SET ... WHERE <where>`, without its RETURNING. */
function updateStatement(db: Runner, model: ModelName, where: ColumnEqualities & { readonly id: string }, data: Readonly<Record<string, unknown>>, { incrementVersion }: UpdateOptions): Prisma.Sql {
  const shape = rowShape(db, model);
  const values: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(data)) {
    if (value === undefined) continue;
    if (!shape.has(name)) throw new Error(`${model} has no column ${name} to update.`);
    if (shape.isOperatorValue(name, value)) throw new Error(`${model}.${name} is given ${JSON.stringify(value)}, an operator updateRowById does not take; give the value.`);
    values[name] = value;
  }
  const { updatedAt } = defaultsOf(db, model);
  if (updatedAt && values[updatedAt] === undefined) values[updatedAt] = new Date();
  const assignments = Object.keys(values).map((name) => `${column(name)} = "s".${column(name)}`);
  if (incrementVersion) assignments.push(`"version" = "t"."version" + 1`);
  if (assignments.length === 0) throw new Error(`An update of ${model} sets no column.`);
  return Prisma.sql`UPDATE ${Prisma.raw(tableName(model))} AS "t" SET ${Prisma.raw(assignments.join(", "))}
    FROM json_populate_record(NULL::${Prisma.raw(tableName(model))}, ${recordsJson(values)}::json) AS "s",
         json_populate_record(NULL::${Prisma.raw(tableName(model))}, ${recordsJson(where)}::json) AS "w"
    WHERE ${Prisma.raw(conditionsSql(where))}`;
}

/**
 * Sets `data` on the row of `model` that meets `where` (column equalities, the id among them),
 * increments `version` when `incrementVersion` is set and stamps an `@updatedAt` column as
 * Prisma's client does; returns the row as it is after the update, or null when no row met
 * `where`. `data` holds plain values as Prisma's updateMany takes them (Date for DateTime, lists,
 * JSON for Json columns), never an operator such as `{ increment: 1 }`.
 */
export async function updateRowById<M extends ModelName>(
  db: Runner,
  model: M,
  where: ColumnEqualities & { readonly id: string },
  data: Readonly<Record<string, unknown>>,
  options: UpdateOptions = {},
): Promise<ModelColumns<M> | null> {
  const shape = rowShape(db, model);
  const [updated] = await db.$queryRaw<{ row: Record<string, unknown> }[]>(Prisma.sql`${updateStatement(db, model, where, data, options)} RETURNING ${shape.jsonSql("t")} AS "row"`);
  return updated ? (shape.revive(updated.row) as ModelColumns<M>) : null;
}

/** An audit event's columns but its snapshots, which {@link updateRowByIdWithAudit} takes from the row before and after the update. */
export type AuditEventColumns = Omit<Prisma.AuditEventUncheckedCreateInput, "id" | "createdAt" | "before" | "after">;

/** The row {@link updateRowByIdWithAudit} updated, and what PostgreSQL drew for its audit event. */
export interface AuditedUpdate<Row> {
  readonly row: Row;
  readonly auditId: bigint;
  readonly auditCreatedAt: Date;
}

/**
 * {@link updateRowById} and the audit event of the change in one statement: the event's `before`
 * and `after` are the row's snapshots (rowShape's snapshotSql, equal to the one the process would
 * write) as the statement found it under `where` and as it updated it, and no event is written
 * when no row met `where` (null then). One statement is atomic without a transaction: the change
 * and its event commit together or not at all, in one round trip instead of BEGIN, UPDATE, INSERT
 * and COMMIT. `before` is taken here rather than sent: an article's holds its whole body, which
 * the process would serialize and send for PostgreSQL to parse again (bench/results/ab-change-before-in-sql.md).
 * Every sub-statement sees the same snapshot, so "b", reading the table at the row "u" updated,
 * finds it as it was before; with `version` in `where`, that is the row as the caller read it.
 */
export async function updateRowByIdWithAudit<M extends ModelName>(
  db: Runner,
  model: M,
  where: ColumnEqualities & { readonly id: string },
  data: Readonly<Record<string, unknown>>,
  options: UpdateOptions,
  event: AuditEventColumns,
): Promise<AuditedUpdate<ModelColumns<M>> | null> {
  const shape = rowShape(db, model);
  const table = Prisma.raw(tableName(model));
  const eventColumns = Object.keys(event).filter((name) => event[name as keyof AuditEventColumns] !== undefined);
  const sql = Prisma.sql`WITH "u" AS (${updateStatement(db, model, where, data, options)} RETURNING "t".*),
    "b" AS (SELECT (${shape.snapshotSql("o")})::jsonb AS "before" FROM ${table} AS "o" JOIN "u" ON "o"."id" = "u"."id"),
    "a" AS (
      INSERT INTO ${Prisma.raw(tableName("AuditEvent"))} (${Prisma.raw([...eventColumns, "before", "after"].map(column).join(", "))})
      SELECT ${Prisma.raw(eventColumns.map((name) => `"e".${column(name)}`).join(", "))}, "b"."before", (${shape.snapshotSql("u")})::jsonb
      FROM "u", "b", json_populate_record(NULL::${Prisma.raw(tableName("AuditEvent"))}, ${recordsJson(event)}::json) AS "e"
      RETURNING "id"::text AS "id", "createdAt"
    )
    SELECT ${shape.jsonSql("u")} AS "row", "a"."id" AS "auditId", "a"."createdAt" AS "auditCreatedAt" FROM "u", "a"`;
  const [updated] = await db.$queryRaw<{ row: Record<string, unknown>; auditId: string; auditCreatedAt: Date | string }[]>(sql);
  if (!updated) return null;
  return { row: shape.revive(updated.row) as ModelColumns<M>, auditId: BigInt(updated.auditId), auditCreatedAt: new Date(updated.auditCreatedAt) };
}
