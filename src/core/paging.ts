import { z } from "zod";
import { Prisma } from "../db/index.js";
import { invalidArgument } from "./failure.js";
import { UUID_PATTERN } from "./records.js";

/** Largest page any list returns. */
export const MAX_PAGE_SIZE = 100;

/** A page of a list (a Relay connection in the API); `totalCount` runs only if someone asks for it. */
export interface ConnectionPage<T> {
  readonly edges: ReadonlyArray<{ readonly cursor: string; readonly node: T }>;
  readonly pageInfo: {
    readonly hasNextPage: boolean;
    readonly hasPreviousPage: boolean;
    readonly startCursor: string | null;
    readonly endCursor: string | null;
  };
  readonly totalCount: () => Promise<number>;
}

/** Which way a list is sorted (the API's OrderDirection). */
export type SortDirection = "ASC" | "DESC";

/** The paging arguments every connection field takes. */
export interface PageArgs {
  readonly first?: number | null;
  readonly after?: string | null;
}

/** Checks a `first` argument: a whole number from 1 to 100, else BAD_USER_INPUT. */
export function pageSize(first: number | null | undefined, fallback: number, argument = "first"): number {
  const value = first ?? fallback;
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    throw invalidArgument(`${argument} must be between 1 and ${MAX_PAGE_SIZE} (got ${value}).`, argument);
  }
  return value;
}

/** A value a cursor carries: dates travel as ISO strings and big integers as decimal strings. */
type CursorValue = string | number | null;

const cursorPayload = z.object({
  k: z.string().max(100),
  v: z.array(z.union([z.string().max(200), z.number(), z.null()])).min(1).max(6),
});

/**
 * Keyset cursors: the sort key values of the last item seen (plus the name of the ordering they
 * belong to), so a page boundary stays put when rows are inserted before it, unlike offsets.
 * Opaque to clients (base64url JSON).
 */
export function encodeCursor(ordering: string, values: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify({ k: ordering, v: values }), "utf8").toString("base64url");
}

/** Decodes a cursor made by {@link encodeCursor} for `ordering`; anything else is BAD_USER_INPUT. */
export function decodeCursor(cursor: string, ordering: string, argument = "after"): CursorValue[] {
  let decoded: unknown;
  try {
    decoded = cursor.length <= 2000 ? JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) : undefined;
  } catch {
    decoded = undefined;
  }
  const parsed = cursorPayload.safeParse(decoded);
  if (!parsed.success || parsed.data.k !== ordering) {
    throw invalidArgument(`${argument} is not a cursor this list gave out for this ordering.`, argument);
  }
  return parsed.data.v;
}

/** One column of a keyset ordering. */
export interface SortKey<Row> {
  /** The Prisma field sorted on. */
  readonly field: string;
  readonly direction: "asc" | "desc";
  /** How the value travels in a cursor and is compared in SQL. */
  readonly type: "date" | "number" | "string" | "uuid" | "bigint";
  /** Nullable columns sort their nulls last, whatever the direction. */
  readonly nullable?: boolean;
  readonly value: (row: Row) => Date | number | string | bigint | null;
}

type SqlValue = Date | number | string | bigint;

/** What a keyset window adds to a Prisma findMany: the cursor condition, the order and the take. */
export interface KeysetWindow<Where, OrderBy> {
  readonly size: number;
  /** size + 1: the extra row only tells whether more follow. */
  readonly take: number;
  /** Rows after the cursor; an empty condition without one. */
  readonly where: Where;
  readonly orderBy: OrderBy[];
  /** The `after` cursor, for the few queries written in SQL (which use `Keyset.decode`). */
  readonly after: string | null;
  readonly hasCursor: boolean;
}

/**
 * A keyset ordering of one model: the sort keys (the last one unique and non-null, usually the
 * id), how a row becomes a cursor and how a cursor becomes a Prisma `where` for "rows after it".
 * `Where` and `OrderBy` are the model's Prisma input types; the casts to them live here only.
 */
export class Keyset<Row, Where, OrderBy> {
  constructor(
    /** Names this ordering inside cursors, so a cursor of another ordering is refused. */
    readonly name: string,
    readonly keys: readonly SortKey<Row>[],
  ) {}

  /** The Prisma orderBy of this ordering. */
  orderBy(): OrderBy[] {
    return this.keys.map(
      (key) => ({ [key.field]: key.nullable ? { sort: key.direction, nulls: "last" } : key.direction }) as OrderBy,
    );
  }

  /** The cursor of a row. */
  cursorOf(row: Row): string {
    return encodeCursor(
      this.name,
      this.keys.map((key) => {
        const value = key.value(row);
        if (value instanceof Date) return value.toISOString();
        return typeof value === "bigint" ? value.toString() : value;
      }),
    );
  }

  /** The sort key values a cursor of this ordering carries, typed for SQL (BAD_USER_INPUT otherwise). */
  decode(cursor: string, argument = "after"): (Date | number | string | bigint | null)[] {
    const raw = decodeCursor(cursor, this.name, argument);
    if (raw.length !== this.keys.length) throw invalidArgument(`${argument} is not a cursor this list gave out.`, argument);
    return this.keys.map((key, index) => parseCursorValue(key, raw[index] ?? null, argument));
  }

  /** The Prisma condition "after this cursor" in this ordering. */
  after(cursor: string, argument = "after"): Where {
    const values = this.decode(cursor, argument);
    // Row r comes after cursor c when, for some i, r equals c on keys 0..i-1 and is beyond c on key i.
    const alternatives: Record<string, unknown>[] = [];
    this.keys.forEach((key, index) => {
      const beyond = beyondCondition(key, values[index] ?? null);
      if (!beyond) return;
      const equalBefore = this.keys.slice(0, index).map((previous, j) => ({ [previous.field]: values[j] ?? null }));
      alternatives.push({ AND: [...equalBefore, beyond] });
    });
    return { OR: alternatives } as Where;
  }

  /**
   * The same ordering as {@link orderBy} in SQL over the row aliased `alias` (Prisma field names
   * are the column names: the schema maps none). For the read planner's statements.
   */
  orderSql(alias: string): Prisma.Sql {
    return Prisma.raw(
      this.keys
        .map((key) => `"${alias}"."${key.field}" ${key.direction === "asc" ? "ASC" : "DESC"}${key.nullable ? " NULLS LAST" : ""}`)
        .join(", "),
    );
  }

  /**
   * The same condition as {@link after} in SQL over the row aliased `alias`: TRUE without a
   * cursor, BAD_USER_INPUT for a cursor of another ordering.
   */
  afterSql(cursor: string | null, alias: string, argument = "after"): Prisma.Sql {
    if (cursor === null) return Prisma.sql`TRUE`;
    const values = this.decode(cursor, argument);
    const column = (key: SortKey<Row>) => Prisma.raw(`"${alias}"."${key.field}"`);
    const alternatives = this.keys.flatMap((key, index) => {
      const value = values[index] ?? null;
      if (value === null) return [];
      const beyond = Prisma.sql`${column(key)} ${Prisma.raw(key.direction === "asc" ? ">" : "<")} ${sqlValue(key, value)}`;
      const equalBefore = this.keys.slice(0, index).map((previous, j) => {
        const previousValue = values[j] ?? null;
        return previousValue === null ? Prisma.sql`${column(previous)} IS NULL` : Prisma.sql`${column(previous)} = ${sqlValue(previous, previousValue)}`;
      });
      const condition = key.nullable ? Prisma.sql`(${beyond} OR ${column(key)} IS NULL)` : beyond;
      return [Prisma.join([...equalBefore, condition], " AND ", "(", ")")];
    });
    return alternatives.length === 0 ? Prisma.sql`FALSE` : Prisma.join(alternatives, " OR ", "(", ")");
  }

  /** Validates `first`/`after` and returns what a findMany needs for that page. */
  window(args: PageArgs, defaultSize: number): KeysetWindow<Where, OrderBy> {
    const size = pageSize(args.first, defaultSize);
    const hasCursor = args.after !== undefined && args.after !== null;
    return {
      size,
      take: size + 1,
      where: (hasCursor ? this.after(args.after as string) : {}) as Where,
      orderBy: this.orderBy(),
      after: hasCursor ? (args.after as string) : null,
      hasCursor,
    };
  }

  /** Builds the connection page from the rows a {@link window} fetched. */
  page(rows: readonly Row[], window: KeysetWindow<Where, OrderBy>, totalCount: () => Promise<number>): ConnectionPage<Row> {
    return toConnectionPage(rows, window.size, (row) => this.cursorOf(row), window.hasCursor, totalCount);
  }
}

function parseCursorValue<Row>(key: SortKey<Row>, value: CursorValue, argument: string): SqlValue | null {
  const invalid = () => invalidArgument(`${argument} is not a cursor this list gave out.`, argument);
  if (value === null) {
    if (!key.nullable) throw invalid();
    return null;
  }
  switch (key.type) {
    case "date": {
      if (typeof value !== "string" || Number.isNaN(Date.parse(value))) throw invalid();
      return new Date(value);
    }
    case "number":
      if (typeof value !== "number" || !Number.isFinite(value)) throw invalid();
      return value;
    case "bigint":
      if (typeof value !== "string" || !/^\d{1,19}$/.test(value)) throw invalid();
      return BigInt(value);
    case "string":
      if (typeof value !== "string") throw invalid();
      return value;
    case "uuid":
      // Checked here: a forged cursor must be refused as input, not reach PostgreSQL's uuid parser.
      if (typeof value !== "string" || !UUID_PATTERN.test(value)) throw invalid();
      return value;
  }
}

/** A cursor value as a bound SQL parameter of its column's type. */
function sqlValue<Row>(key: SortKey<Row>, value: SqlValue): Prisma.Sql {
  switch (key.type) {
    case "uuid":
      return Prisma.sql`${value}::uuid`;
    case "bigint":
      return Prisma.sql`${value}::bigint`;
    default:
      return Prisma.sql`${value}`;
  }
}

/** The condition "beyond `value` on this key" with nulls last; null when nothing lies beyond. */
function beyondCondition<Row>(key: SortKey<Row>, value: SqlValue | null): Record<string, unknown> | null {
  if (value === null) return null;
  const comparison = { [key.field]: { [key.direction === "asc" ? "gt" : "lt"]: value } };
  return key.nullable ? { OR: [comparison, { [key.field]: null }] } : comparison;
}

/**
 * Builds a page from rows fetched with `take: size + 1` (the extra row only tells whether
 * more follow).
 */
export function toConnectionPage<T>(
  rows: readonly T[],
  size: number,
  cursorOf: (row: T) => string,
  hasPreviousPage: boolean,
  totalCount: () => Promise<number>,
): ConnectionPage<T> {
  const pageRows = rows.slice(0, size);
  const edges = pageRows.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
