import { Prisma, type PrismaClient } from "./client.js";

/** A model of the Prisma schema, by name ("Article", "Quote"). */
export type ModelName = Prisma.ModelName;

/** One column of a model as Prisma's runtime data model describes it. */
interface RuntimeField {
  readonly name: string;
  readonly kind: string;
  readonly type: string;
}

/**
 * The parts of a generated client that describe its models at run time (not in Prisma's public
 * types): the fields with their types, and the schema's text, the one place that says which
 * fields are lists.
 */
interface WithRuntimeDataModel {
  readonly _runtimeDataModel?: { readonly models?: Readonly<Record<string, { readonly fields: readonly RuntimeField[] } | undefined>> };
  readonly _engineConfig?: { readonly inlineSchema?: string };
}

/**
 * The lines of `model`'s block in the client's copy of schema.prisma (`_engineConfig.inlineSchema`),
 * the one place that says what the runtime data model does not: which fields are lists, which
 * are `@updatedAt`, how an id is drawn.
 */
export function modelSchemaBlock(client: PrismaClient | Prisma.TransactionClient, model: ModelName): string {
  const schema = (client as unknown as WithRuntimeDataModel)._engineConfig?.inlineSchema;
  const block = schema === undefined ? undefined : new RegExp(`^model ${model} \\{\\n([\\s\\S]*?)^\\}`, "m").exec(schema)?.[1];
  if (block === undefined) throw new Error(`The Prisma client's schema has no model ${model}: has its runtime layout moved in a Prisma upgrade?`);
  return block;
}

/** The scalar list fields of a model's block (`aliases String[]`), which Prisma reads as [] when the column is NULL. */
function listFieldsOf(block: string): Set<string> {
  return new Set([...block.matchAll(/^\s+(\w+)\s+\w+\[\]/gm)].map((match) => match[1] ?? ""));
}

/**
 * How rows of one model travel through SQL-built JSON and come back shaped as Prisma returns
 * them: which columns, and how each JSON value becomes the field's value (dates as `Date`, big
 * integers as `bigint`).
 */
export interface RowShape {
  readonly model: ModelName;
  /** A `json_build_object(...)` of the row aliased `alias`, with the columns of this shape. */
  jsonSql(alias: string): Prisma.Sql;
  /**
   * A `json_build_object(...)` of the row aliased `alias` as the audit log keeps a row: the JSON
   * that `JSON.stringify` writes of the row Prisma returns (dates and timestamps as ISO 8601 in UTC
   * with milliseconds, big integers as text), so a snapshot PostgreSQL makes equals one made in
   * the process (tests/db/update.test.ts compares them).
   */
  snapshotSql(alias: string): Prisma.Sql;
  /** The row a JSON object made by {@link jsonSql} stands for, as Prisma would have returned it. */
  revive(json: Record<string, unknown>): Record<string, unknown>;
  /** Whether the shape has this column. */
  has(column: string): boolean;
  /** One column's value of the row aliased `alias`, in the form {@link reviveColumn} takes back. */
  columnSql(alias: string, column: string): string;
  /** One column's value, as a JSON value made by {@link columnSql}, as Prisma would have returned it. */
  reviveColumn(column: string, value: unknown): unknown;
  /** Whether `value`, given for `column` in an update, is one of Prisma's operators (`{ increment: 1 }`) rather than a value: an object for a column that is not Json. */
  isOperatorValue(column: string, value: unknown): boolean;
}

const shapes = new Map<string, RowShape>();

/**
 * The row shape of `model`: every scalar and enum column Prisma reads (not `Unsupported` ones such
 * as the tsvectors), less `omit`. Built from the generated client's runtime data model, so a
 * column added to the schema is planned and revived without a change here; a column type this
 * file does not know how to carry stops the read at once instead of returning a wrong value.
 */
export function rowShape(prisma: PrismaClient | Prisma.TransactionClient, model: ModelName, omit: readonly string[] = []): RowShape {
  const key = `${model}\u0000${omit.join(",")}`;
  const known = shapes.get(key);
  if (known) return known;
  const client = prisma as unknown as WithRuntimeDataModel;
  const fields = client._runtimeDataModel?.models?.[model]?.fields;
  if (!fields) throw new Error(`The Prisma client describes no model ${model}: has its runtime data model moved in a Prisma upgrade?`);
  const lists = listFieldsOf(modelSchemaBlock(prisma, model));
  const columns = fields.filter((field) => (field.kind === "scalar" || field.kind === "enum") && !omit.includes(field.name));
  for (const column of columns) {
    if (column.kind === "scalar" && !CARRIED_TYPES.has(column.type)) {
      throw new Error(`${model}.${column.name} is a ${column.type}, which the read planner cannot carry through JSON yet.`);
    }
  }
  const dates = columns.filter((column) => column.type === "DateTime").map((column) => column.name);
  const bigints = columns.filter((column) => column.type === "BigInt").map((column) => column.name);
  const byName = new Map(columns.map((column) => [column.name, column]));
  const dateSet = new Set(dates);
  const bigintSet = new Set(bigints);
  const shape: RowShape = {
    model,
    jsonSql(alias) {
      // json_build_object takes at most 100 arguments: 50 columns. The widest model has 31.
      return Prisma.raw(
        `json_build_object(${columns
          .map((column) => `'${column.name}', ${columnSql(alias, column, lists.has(column.name))}`)
          .join(", ")})`,
      );
    },
    snapshotSql(alias) {
      return Prisma.raw(
        `json_build_object(${columns
          .map((column) => `'${column.name}', ${column.type === "DateTime" ? isoTimestampSql(alias, column.name) : columnSql(alias, column, lists.has(column.name))}`)
          .join(", ")})`,
      );
    },
    revive(json) {
      for (const name of dates) json[name] = reviveDate(json[name]);
      for (const name of bigints) json[name] = reviveBigInt(json[name]);
      return json;
    },
    has: (column) => byName.has(column),
    columnSql(alias, name) {
      const column = byName.get(name);
      if (!column) throw new Error(`${model} has no column ${name} the read planner can carry.`);
      return columnSql(alias, column, lists.has(name));
    },
    reviveColumn(name, value) {
      if (dateSet.has(name)) return reviveDate(value);
      return bigintSet.has(name) ? reviveBigInt(value) : value;
    },
    isOperatorValue(name, value) {
      const isObject = typeof value === "object" && value !== null && !(value instanceof Date) && !Array.isArray(value);
      return isObject && byName.get(name)?.type !== "Json";
    },
  };
  if (columns.length > 50) throw new Error(`${model} has ${columns.length} columns; json_build_object takes 50.`);
  shapes.set(key, shape);
  return shape;
}

/** A timestamp or date as PostgreSQL writes it in JSON (UTC, no zone), as the Date Prisma reads. */
function reviveDate(value: unknown): unknown {
  return typeof value === "string" ? new Date(value.length === 10 ? `${value}T00:00:00Z` : `${value}Z`) : value;
}

function reviveBigInt(value: unknown): unknown {
  return typeof value === "string" ? BigInt(value) : value;
}

/** A timestamp or date column as `Date.prototype.toJSON` writes it ("2026-12-07T05:11:00.120Z"); NULL stays NULL. */
function isoTimestampSql(alias: string, column: string): string {
  return `to_char("${alias}"."${column}"::timestamp, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** One column's value for json_build_object: big integers as text (JSON numbers lose digits), a NULL list as [] (as Prisma reads it). */
function columnSql(alias: string, column: RuntimeField, isList: boolean): string {
  const value = `"${alias}"."${column.name}"`;
  if (isList) return `COALESCE(${value}, '{}')`;
  return column.type === "BigInt" ? `${value}::text` : value;
}

/**
 * Column types whose JSON form PostgreSQL writes as Prisma reads them back: text, numbers and
 * booleans as they are, `json` as JSON, timestamps and dates in ISO 8601 (UTC, as Prisma stores
 * them), big integers as text.
 */
const CARRIED_TYPES = new Set(["String", "Int", "Float", "Boolean", "Json", "DateTime", "BigInt"]);
