import type DataLoader from "dataloader";
import { Prisma, type PrismaClient } from "../db/index.js";
import { rowShape, type ModelName, type RowShape } from "../db/rows.js";
import type { Actor } from "./actor.js";
import { InvalidArgument } from "./failure.js";
import type { KeysetWindow, PageArgs, SortDirection } from "./paging.js";

/**
 * A page's LIMIT written into the statement, not bound: the page size is a checked integer
 * (pageSize), and as a literal it gives every plan of a prepared statement the same row
 * estimates. Bound, PostgreSQL's generic plan assumed a tenth of the rows of each list and came
 * out far costlier than the custom plans, so the plan cache planned the dashboard's statement again
 * at every execution (12 ms of planning against 2.4 ms of execution).
 */
function limitSql(take: number): Prisma.Sql {
  if (!Number.isSafeInteger(take) || take < 1) throw new Error(`A page takes a positive number of rows, not ${take}.`);
  return Prisma.raw(String(take));
}

/**
 * The read planner's domain half. A read plan says which relations of a set of records a response
 * needs, to any depth (an article's quotes with their speakers, its incidents with their places);
 * {@link prefetchPlans} reads all of it for all parents in ONE statement, in which PostgreSQL
 * builds the nested rows as JSON, and hands each row to the per-request loader that would have
 * read it. The resolvers then run as they always do and find every row in their loaders, so the
 * answer is the same by construction, with a fixed number of statements whatever the depth.
 *
 * A relation says once, next to its loader, how its rows are found in SQL (with the same
 * visibility rule as the loader's Prisma `where`, from src/domain/visibility) and which loader
 * they prime. `L` is the loaders object the relation reads its loader from.
 */
export type PlannedRelation<L> = PlannedConnection<L> | PlannedReference<L>;

/** A relation to a page of rows (an article's quotes): a keyset connection of the parent. */
export interface PlannedConnection<L> {
  readonly kind: "connection";
  readonly model: ModelName;
  /** Columns the loader leaves in the database (an article's body). */
  readonly omit?: readonly string[];
  /**
   * `FROM ... WHERE ...` of the related rows (aliased `row`) of the parent row (aliased `parent`,
   * a row of the parent's table), visibility applied.
   */
  from(viewer: Actor, row: string, parent: string): Prisma.Sql;
  /** The loader whose pages these are: its keyset orders and pages the rows, and it is primed with them. */
  connection(loaders: L): PrimableConnection;
}

/** What the planner uses of a connection's loader (a RelationConnectionLoader of any row type). */
export interface PrimableConnection {
  readonly keyset: AnswerKeyset;
  readonly defaultSize: number;
  /** Takes rows of the loader's own type: the planner's rows are revived to Prisma's shape (tests/api/read-planner.test.ts compares them). */
  prime(parentId: string, args: PageArgs, rows: readonly object[]): void;
}

/** A relation to at most one row through a foreign key of the parent (a quote's speaker). */
export interface PlannedReference<L> {
  readonly kind: "reference";
  readonly model: ModelName;
  readonly omit?: readonly string[];
  /** The parent's column that holds the related row's id. */
  readonly foreignKey: string;
  /** The visibility rule of the loader, over the row aliased `row`; none when the loader has none. */
  visible?(viewer: Actor, row: string): Prisma.Sql;
  /** The by-id loader primed with the row (or with null when the viewer may not see it). */
  byId(loaders: L): DataLoader<string, unknown>;
}

/** One relation to read, with its arguments and what to read below it. */
export interface ReadPlan<L> {
  readonly relation: PlannedRelation<L>;
  readonly args: PageArgs;
  readonly children: readonly ReadPlan<L>[];
}

/**
 * A plan node, or null when its arguments are ones the loader refuses (`first: 0`, a cursor of
 * another list): such a field is left to its resolver, which gives the client the error.
 */
export function planNode<L>(relation: PlannedRelation<L>, args: PageArgs, children: readonly ReadPlan<L>[], loaders: L): ReadPlan<L> | null {
  if (relation.kind === "connection") {
    const loader = relation.connection(loaders);
    try {
      // Checks first and decodes after (Keyset.window reads the cursor), as the loader will.
      loader.keyset.window(args, loader.defaultSize);
    } catch (error) {
      if (error instanceof InvalidArgument) return null;
      throw error;
    }
  }
  return { relation, args, children };
}

/** What the planner needs of a request: its database, viewer and loaders. */
export interface PlanSession<L> {
  readonly prisma: PrismaClient;
  readonly viewer: Actor;
  readonly loaders: L;
}

/** A record the planner can hang rows under: it has an id, and the foreign keys its references use. */
type ParentRecord = { readonly id: string } & Readonly<Record<string, unknown>>;

/**
 * Reads every relation of `plans` for all `parents` (rows of `parentModel`) in one statement and
 * primes the loaders with the rows. `planned` receives every row read, so a caller can tell the
 * records whose relations are already read.
 */
export async function prefetchPlans<L>(
  session: PlanSession<L>,
  parentModel: ModelName,
  parents: readonly ParentRecord[],
  plans: readonly ReadPlan<L>[],
  planned: WeakSet<object>,
): Promise<void> {
  if (parents.length === 0 || plans.length === 0) return;
  const aliases = { next: 0 };
  const children = childrenSql(session, plans, "p", aliases);
  // As text, parsed here once: a json column would be walked value by value by Prisma's result mapping.
  const statement = Prisma.sql`SELECT COALESCE(json_agg(json_build_array(p."id", ${children})), '[]'::json)::text AS "planned"
    FROM ${Prisma.raw(`"${parentModel}"`)} p WHERE p."id" = ANY(${parents.map((parent) => parent.id)}::uuid[])`;
  const [result] = await session.prisma.$queryRaw<{ planned: string }[]>(statement);
  const rows = JSON.parse(result?.planned ?? "[]") as [string, unknown[]][];
  const byId = new Map(parents.map((parent) => [parent.id, parent]));
  for (const [id, values] of rows) {
    const parent = byId.get(id);
    if (parent) absorb(session, plans, parent, values, planned);
  }
}

/** `json_build_array` of each plan's rows for the parent row aliased `parent`. */
function childrenSql<L>(session: PlanSession<L>, plans: readonly ReadPlan<L>[], parent: string, aliases: { next: number }): Prisma.Sql {
  if (plans.length === 0) return Prisma.sql`json_build_array()`;
  return Prisma.sql`json_build_array(${Prisma.join(plans.map((plan) => relationSql(session, plan, parent, aliases)))})`;
}

/**
 * One relation's rows of the parent row aliased `parent`: a connection as a JSON array of
 * [row, children] in keyset order, at most `first + 1` of them (the extra one tells the page
 * whether more follow, as the loader's own statement does); a reference as [row, children] or null.
 */
function relationSql<L>(session: PlanSession<L>, plan: ReadPlan<L>, parent: string, aliases: { next: number }): Prisma.Sql {
  const row = `r${aliases.next++}`;
  const { relation } = plan;
  const shape = shapeOf(session, relation);
  const children = childrenSql(session, plan.children, row, aliases);
  if (relation.kind === "reference") {
    const visible = relation.visible?.(session.viewer, row) ?? Prisma.sql`TRUE`;
    return Prisma.sql`(SELECT json_build_array(${shape.jsonSql(row)}, ${children})
      FROM ${Prisma.raw(`"${relation.model}" "${row}"`)}
      WHERE ${Prisma.raw(`"${row}"."id" = "${parent}"."${relation.foreignKey}"`)} AND ${visible})`;
  }
  const loader = relation.connection(session.loaders);
  const window = loader.keyset.window(plan.args, loader.defaultSize);
  const inner = `${row}i`;
  const order = loader.keyset.orderSql(inner);
  return Prisma.sql`COALESCE((SELECT json_agg(json_build_array(${shape.jsonSql(row)}, ${children}) ORDER BY ${loader.keyset.orderSql(row)})
    FROM (SELECT ${Prisma.raw(`"${inner}"`)}.*
      ${relation.from(session.viewer, inner, parent)} AND ${loader.keyset.afterSql(window.after, inner)}
      ORDER BY ${order} LIMIT ${limitSql(window.take)}) ${Prisma.raw(`"${row}"`)}), '[]'::json)`;
}

function shapeOf<L>(session: PlanSession<L>, relation: PlannedRelation<L>): RowShape {
  return rowShape(session.prisma, relation.model, relation.omit);
}

/** Revives the rows read for one parent and primes the loaders with them, depth first. */
function absorb<L>(session: PlanSession<L>, plans: readonly ReadPlan<L>[], parent: ParentRecord, values: readonly unknown[], planned: WeakSet<object>): void {
  plans.forEach((plan, index) => {
    const { relation } = plan;
    const shape = shapeOf(session, relation);
    const value = values[index];
    const revive = ([json, nested]: [Record<string, unknown>, unknown[]]): ParentRecord => {
      const row = shape.revive(json) as ParentRecord;
      planned.add(row);
      absorb(session, plan.children, row, nested, planned);
      return row;
    };
    if (relation.kind === "reference") {
      const key = parent[relation.foreignKey];
      if (typeof key !== "string") return;
      relation.byId(session.loaders).prime(key, value ? revive(value as [Record<string, unknown>, unknown[]]) : null);
      return;
    }
    const rows = (value as [Record<string, unknown>, unknown[]][]).map(revive);
    relation.connection(session.loaders).prime(parent.id, plan.args, rows);
  });
}

/** A stable text of a plan, so parents asking for the same plan share one statement. */
export function planSignature<L>(plans: readonly ReadPlan<L>[], names: (relation: PlannedRelation<L>) => string): string {
  return JSON.stringify(plans.map((plan) => [names(plan.relation), plan.args.first ?? null, plan.args.after ?? null, planSignature(plan.children, names)]));
}

/**
 * A list at the root of the read graph (all visible articles), for answers built in SQL: its rows,
 * visibility applied, and the keyset it pages them in.
 */
export interface PlannedList {
  readonly model: ModelName;
  /**
   * The rows and order these arguments (first and after aside) ask for, or null when the SQL
   * answer cannot give them (a filter the list has no SQL for): the resolver answers those.
   * Throws InvalidArgument for arguments the resolver refuses (it gives the client the error).
   */
  readFor(args: Readonly<Record<string, unknown>>): ListSource | null;
  readonly defaultSize: number;
  /**
   * Whether, when `totalCount` is asked, the rows are found once for both the count and the page
   * (see countedListSql). Worth it for a list whose rows cost more to find than to keep and sort
   * (the incidents: for viewers, a semi-join per row); not for one whose page an index walks and
   * whose rule is a few columns (the articles: materializing and sorting 1,900 rows cost more
   * than counting them a second time, bench/results/ab-q3-incidents.md).
   */
  readonly findOnceWhenCounted: boolean;
}

/** What a root list reads for one set of arguments. */
export interface ListSource {
  /** The keyset the list pages in. */
  readonly keyset: AnswerKeyset;
  /** `FROM ... WHERE ...` of the rows (aliased `row`) the viewer may list that the arguments ask for, visibility applied. */
  from(viewer: Actor, row: string): Prisma.Sql;
}

/**
 * A record at the root of the read graph named by the field's arguments (an article by slug), for
 * answers built in SQL.
 */
export interface PlannedRecord {
  readonly model: ModelName;
  /**
   * `FROM ... WHERE ...` of the one row (aliased `row`) the arguments name, visibility applied;
   * null when the arguments are ones the resolver refuses (it gives the client the error).
   */
  find(viewer: Actor, row: string, args: Readonly<Record<string, unknown>>): Prisma.Sql | null;
}

/**
 * The SQL condition of a list's `filter` argument over the row aliased `row`, from the filter as
 * the resolver takes it; throws InvalidArgument for a filter the resolver refuses.
 */
export type FilterSql = (filter: unknown) => (row: string) => Prisma.Sql;

/** What a root list adds to its rows, visibility and keyset: see {@link plannedList}. */
export interface PlannedListOptions {
  /** The SQL form of the resolver's filter; a list without one leaves any given filter to the resolver. */
  readonly filterSql?: FilterSql;
  /** See {@link PlannedList.findOnceWhenCounted}; false when left out. */
  readonly findOnceWhenCounted?: boolean;
}

/**
 * The root list of a list field whose only arguments besides first/after are `orderBy` and
 * `filter`: the rows of `model` the viewer may see (`visible`, the SQL form of the resolver's
 * visibility rule) that the filter keeps (`options.filterSql`), in the keyset `keysetOf` picks for
 * the `orderBy` argument (the module's keyset factory, which gives its default order for a missing
 * field or direction).
 */
export function plannedList<Field extends string>(
  model: ModelName,
  visible: (viewer: Actor, alias: string) => Prisma.Sql,
  keysetOf: (field?: Field, direction?: SortDirection) => AnswerKeyset,
  defaultSize: number,
  options: PlannedListOptions = {},
): PlannedList {
  const { filterSql } = options;
  return {
    model,
    findOnceWhenCounted: options.findOnceWhenCounted ?? false,
    readFor: (args) => {
      const given = args["filter"] !== undefined && args["filter"] !== null;
      if (given && !filterSql) return null;
      const filtered = given && filterSql ? filterSql(args["filter"]) : null;
      // Already coerced by graphql-js to the field's input type (its enum values).
      const order = args["orderBy"] as { field: Field; direction: SortDirection } | null | undefined;
      return {
        keyset: keysetOf(order?.field, order?.direction),
        from: (viewer, row) =>
          Prisma.sql`FROM ${Prisma.raw(`"${model}" "${row}"`)} WHERE ${visible(viewer, row)}${filtered ? Prisma.sql` AND ${filtered(row)}` : Prisma.empty}`,
      };
    },
    defaultSize,
  };
}

/** What an answer built in SQL uses of a keyset (a Keyset of any row type). */
export interface AnswerKeyset {
  readonly keys: readonly { readonly field: string }[];
  window(args: PageArgs, defaultSize: number): KeysetWindow<unknown, unknown>;
  orderSql(alias: string): Prisma.Sql;
  afterSql(cursor: string | null, alias: string): Prisma.Sql;
  /** The cursor of a row (revived to Prisma's shape; it needs the key fields only). */
  cursorOf(row: object): string;
}

/**
 * A field whose value is computed from its row, for answers built in SQL: the columns it reads,
 * optionally one more value PostgreSQL computes (an article's body, only when it has no headline),
 * and the computation, the same function the resolver uses.
 */
export interface FieldReader {
  readonly columns: readonly string[];
  sql?(row: string): Prisma.Sql;
  /** The field's value; throws {@link Unanswerable} when the row does not carry what it needs. */
  read(row: Readonly<Record<string, unknown>>, value: unknown): unknown;
}

/** Thrown while building an answer from SQL when only the resolvers can answer (the request then runs through them). */
export class Unanswerable extends Error {}

/** What an answer built in SQL reads of each row of a model: columns, computed values, relations. */
export interface RowRead<L> {
  readonly model: ModelName;
  readonly columns: readonly string[];
  readonly values: readonly ((row: string) => Prisma.Sql)[];
  readonly relations: readonly RelationRead<L>[];
}

/** A relation of a row read for an answer, with what to read of its rows and whether its count is asked. */
export interface RelationRead<L> {
  readonly relation: PlannedRelation<L>;
  readonly args: PageArgs;
  readonly rows: RowRead<L>;
  readonly count: boolean;
}

/** A root field read for an answer: a list, or one record. */
export type RootRead<L> = ListRead<L> | RecordRead<L>;

/** A root record read for an answer: its row (as JSON) or null. */
export interface RecordRead<L> {
  readonly kind: "record";
  /** `FROM ... WHERE ...` of the row for this request's viewer, from {@link PlannedRecord.find}. */
  readonly from: (viewer: Actor, row: string) => Prisma.Sql;
  readonly rows: RowRead<L>;
}

/** A root list read for an answer. */
export interface ListRead<L> {
  readonly kind: "list";
  readonly list: PlannedList;
  /** `FROM ... WHERE ...` of the rows for this request's viewer, from {@link PlannedList.readFor}. */
  readonly from: (viewer: Actor, row: string) => Prisma.Sql;
  readonly keyset: AnswerKeyset;
  readonly args: PageArgs;
  readonly rows: RowRead<L>;
  readonly count: boolean;
}

/** A row read for an answer, as the JSON of {@link answerSql} gives it back: [...columns, ...values, ...relations]. */
export type RowJson = readonly unknown[];

/** A connection read for an answer: its rows (at most first + 1) and its count when asked. */
export type ConnectionJson = readonly [readonly RowJson[], number | null];

/**
 * ONE statement that reads every root list of an answer with everything below it, PostgreSQL
 * building the nested result as JSON arrays (positional: no column names travel): a list or
 * connection as [rows, count], a row as [columns..., values..., relations...], a reference as a
 * row or null. Only the columns the answer needs are read. A function of the reads and the viewer
 * alone (no clock, no request state): SqlAnswerer keeps the statement per compilation and viewer.
 */
export function answerSql<L>(session: PlanSession<L>, roots: readonly RootRead<L>[]): Prisma.Sql {
  const aliases = { next: 0 };
  const values = roots.map((root) => {
    const row = `a${aliases.next++}`;
    if (root.kind === "record") return Prisma.sql`(SELECT ${rowSql(session, root.rows, row, aliases)} ${root.from(session.viewer, row)} LIMIT 1)`;
    if (root.count && root.list.findOnceWhenCounted) return countedListSql(session, root, row, aliases);
    const inner = `${row}i`;
    const window = root.keyset.window(root.args, root.list.defaultSize);
    const order = root.keyset.orderSql(inner);
    const from = root.from(session.viewer, inner);
    // The page is cut first (ORDER BY ... LIMIT, which an index serves) and its rows put in JSON in
    // the same order: a window function here would number every visible row before the LIMIT.
    const rows = Prisma.sql`COALESCE((SELECT json_agg(${rowSql(session, root.rows, row, aliases)} ORDER BY ${root.keyset.orderSql(row)})
      FROM (SELECT ${Prisma.raw(`"${inner}"`)}.*
        ${from} AND ${root.keyset.afterSql(window.after, inner)} ORDER BY ${order} LIMIT ${limitSql(window.take)}) ${Prisma.raw(`"${row}"`)}), '[]'::json)`;
    const count = root.count ? Prisma.sql`(SELECT count(*) ${root.from(session.viewer, `${row}c`)})` : Prisma.sql`NULL`;
    return Prisma.sql`json_build_array(${rows}, ${count})`;
  });
  // As text, parsed by the caller once: a json column would be walked value by value by Prisma's result mapping.
  return Prisma.sql`SELECT json_build_array(${Prisma.join(values)})::text AS "answer"`;
}

/**
 * A root list whose `totalCount` is asked, as [rows, count], for a list that finds its rows once
 * ({@link PlannedList.findOnceWhenCounted}): the count visits every row the viewer may list anyway,
 * so the rows are found ONCE (a materialized CTE of each row's id and keyset columns) and both the
 * count and the page are taken from it. Written as two subqueries, the visibility rule and the
 * filter ran twice, and the incidents' rule (reported by a visible mention in a visible article)
 * paid its probes twice (bench/results/ab-q3-incidents.md). The page's rows are read back by
 * primary key, so the CTE stays narrow whatever the columns the answer reads.
 */
function countedListSql<L>(session: PlanSession<L>, root: ListRead<L>, row: string, aliases: { next: number }): Prisma.Sql {
  const [found, inner, key] = [`${row}s`, `${row}i`, `${row}k`];
  const window = root.keyset.window(root.args, root.list.defaultSize);
  const keyColumns = [...new Set(["id", ...root.keyset.keys.map((sortKey) => sortKey.field)])].map((column) => `"${inner}"."${column}"`).join(", ");
  const foundTable = Prisma.raw(`"${found}"`);
  const pageIds = Prisma.sql`ARRAY(SELECT ${Prisma.raw(`"${key}"."id"`)} FROM ${foundTable} ${Prisma.raw(`"${key}"`)}
    WHERE ${root.keyset.afterSql(window.after, key)} ORDER BY ${root.keyset.orderSql(key)} LIMIT ${limitSql(window.take)})`;
  const rows = Prisma.sql`COALESCE((SELECT json_agg(${rowSql(session, root.rows, row, aliases)} ORDER BY ${root.keyset.orderSql(row)})
    FROM ${Prisma.raw(`"${root.list.model}" "${row}"`)} WHERE ${Prisma.raw(`"${row}"."id"`)} = ANY(${pageIds})), '[]'::json)`;
  return Prisma.sql`(WITH ${foundTable} AS MATERIALIZED (SELECT ${Prisma.raw(keyColumns)} ${root.from(session.viewer, inner)})
    SELECT json_build_array(${rows}, (SELECT count(*) FROM ${foundTable})))`;
}

/** `json_build_array` of what `read` asks of the row aliased `row`. */
function rowSql<L>(session: PlanSession<L>, read: RowRead<L>, row: string, aliases: { next: number }): Prisma.Sql {
  const shape = rowShape(session.prisma, read.model);
  const parts = [
    ...read.columns.map((column) => Prisma.raw(shape.columnSql(row, column))),
    ...read.values.map((value) => value(row)),
    ...read.relations.map((relation) => relationReadSql(session, relation, row, aliases)),
  ];
  return parts.length === 0 ? Prisma.sql`json_build_array()` : Prisma.sql`json_build_array(${Prisma.join(parts)})`;
}

/** One relation of the row aliased `parent`: a connection as [rows, count], a reference as a row or null. */
function relationReadSql<L>(session: PlanSession<L>, read: RelationRead<L>, parent: string, aliases: { next: number }): Prisma.Sql {
  const row = `r${aliases.next++}`;
  const { relation } = read;
  if (relation.kind === "reference") {
    const visible = relation.visible?.(session.viewer, row) ?? Prisma.sql`TRUE`;
    return Prisma.sql`(SELECT ${rowSql(session, read.rows, row, aliases)}
      FROM ${Prisma.raw(`"${relation.model}" "${row}"`)}
      WHERE ${Prisma.raw(`"${row}"."id" = "${parent}"."${relation.foreignKey}"`)} AND ${visible})`;
  }
  const loader = relation.connection(session.loaders);
  const window = loader.keyset.window(read.args, loader.defaultSize);
  const inner = `${row}i`;
  const order = loader.keyset.orderSql(inner);
  const rows = Prisma.sql`COALESCE((SELECT json_agg(${rowSql(session, read.rows, row, aliases)} ORDER BY ${loader.keyset.orderSql(row)})
    FROM (SELECT ${Prisma.raw(`"${inner}"`)}.*
      ${relation.from(session.viewer, inner, parent)} AND ${loader.keyset.afterSql(window.after, inner)}
      ORDER BY ${order} LIMIT ${limitSql(window.take)}) ${Prisma.raw(`"${row}"`)}), '[]'::json)`;
  const count = read.count ? Prisma.sql`(SELECT count(*) ${relation.from(session.viewer, `${row}c`, parent)})` : Prisma.sql`NULL`;
  return Prisma.sql`json_build_array(${rows}, ${count})`;
}
