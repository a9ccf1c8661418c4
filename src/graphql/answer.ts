import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from "@apollo/server";
import {
  getNamedType,
  getOperationAST,
  getVariableValues,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  type DocumentNode,
  type ExecutionResult,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";
import { collectFields, collectSubFields, getArgumentValues } from "@graphql-tools/utils";
import { Prisma } from "../db/index.js";
import { rowShape, type ModelName, type RowShape } from "../db/rows.js";
import {
  answerSql,
  Unanswerable,
  type AnswerKeyset,
  type ConnectionJson,
  type FieldReader,
  type ListSource,
  type PlannedList,
  type PlannedRecord,
  type RelationRead,
  type RowJson,
  type RootRead,
  type RowRead,
} from "../core/plan.js";
import { actorKey } from "../core/actor.js";
import { InvalidArgument } from "../core/failure.js";
import type { PageArgs } from "../core/paging.js";
import type { GraphQLContext, Loaders } from "./context.js";
import type { Relations } from "./planner.js";
import type { Guards } from "./policy.js";

/**
 * Answers built in SQL: a query whose every field the read graph can read in SQL (root lists,
 * planned relations, columns, fields with a reader, connections' edges, cursors, page info and
 * counts) is answered by ONE statement in which PostgreSQL builds the nested result as positional
 * JSON arrays of only the columns the query needs, and a walk of that JSON which builds the
 * response, with the same functions the resolvers use (global ids, cursors, display titles,
 * scalars' serialization). No loader, resolver or Prisma row in between: this is the read path's
 * answer to per-row cost (issue 20).
 *
 * Anything else (a field with a resolver and no reader, a guarded field, a filter, a union, a
 * mutation, an argument the loader would refuse) leaves the whole query to graphql-js and the
 * resolvers, and so does any value the walk cannot vouch for (a null where the schema says
 * non-null, a value a scalar refuses, a database fault): those answers carry errors, which only
 * the resolvers report the way clients are told they look. tests/support/graphql.ts checks every
 * query of the suite both ways.
 */
export interface AnswerSources {
  /** The schema as makeExecutableSchema built it, before guards and planners wrap its resolvers: a field without `resolve` there reads its row's property. */
  readonly schema: GraphQLSchema;
  readonly relations: Relations;
  readonly lists: Readonly<Record<string, PlannedList>>;
  readonly records: Readonly<Record<string, PlannedRecord>>;
  readonly readers: Readonly<Record<string, FieldReader>>;
  readonly guards: Guards;
}

/** Builds a response from the parsed JSON of the statement. */
type Build<J> = (json: J) => unknown;

interface CompiledRow {
  readonly read: RowRead<Loaders>;
  readonly build: Build<RowJson>;
}

interface CompiledConnection {
  readonly rows: RowRead<Loaders>;
  readonly count: boolean;
  readonly build: Build<ConnectionJson>;
}

/** The arguments of a planned relation or list other than first/after are not the planner's to pass on. */
const PAGE_ARGUMENTS = new Set(["first", "after"]);

/** The statement of a compilation for one viewer: its text and bound values. */
interface AnswerStatement {
  readonly text: string;
  readonly values: readonly unknown[];
}

/** A query's compilation: the reads for the statement and the walk that builds the answer. */
interface CompiledQuery {
  readonly roots: RootRead<Loaders>[];
  readonly build: Build<unknown[]>;
  /** Its statement by viewer ({@link actorKey}), written for the first request of each; the oldest goes past {@link STATEMENTS_PER_COMPILATION}. */
  readonly statements: Map<string, AnswerStatement>;
}

/** Viewers whose statement a compilation keeps (a newsroom's readers share the anonymous one). */
const STATEMENTS_PER_COMPILATION = 16;

/** Compilations kept per document (one per operation name and variables); the oldest goes first. */
const COMPILED_PER_DOCUMENT = 32;

export class SqlAnswerer {
  /** Compilations by document (Apollo keeps one parsed document per query text), then by operation name and variables. */
  private readonly compiled = new WeakMap<DocumentNode, Map<string, CompiledQuery | null>>();

  constructor(private readonly sources: AnswerSources) {}

  /**
   * The answer of a query built in SQL, or null when graphql-js and the resolvers must answer it
   * (see the class comment). `variables` are the request's, not yet coerced.
   */
  async answer(
    document: DocumentNode,
    operationName: string | undefined,
    variables: Readonly<Record<string, unknown>>,
    context: GraphQLContext,
  ): Promise<ExecutionResult | null> {
    const compiled = this.compile(document, operationName, variables, context);
    if (!compiled) return null;
    let text: string | undefined;
    try {
      const { text: sql, values } = this.statementOf(compiled, context);
      const [row] = await context.prisma.$queryRawUnsafe<{ answer: string }[]>(sql, ...values);
      text = row?.answer;
    } catch {
      // A database fault, or anything else on the way to and from the database: the resolvers
      // read again and report it on their fields, masked and logged as every error is.
      return null;
    }
    if (text === undefined) return null;
    try {
      return { data: compiled.build(JSON.parse(text) as unknown[]) as Record<string, unknown> };
    } catch (error) {
      if (error instanceof Unanswerable) return null;
      throw error;
    }
  }

  /**
   * The statement of a compilation for the request's viewer, written once per viewer:
   * {@link answerSql} depends on the reads and the viewer alone. Writing it for every request
   * (the nested Prisma.sql fragments, their flattening, the text joined again by $queryRaw, the
   * statement-name lookup hashing a new string) cost Q1 (one article) about 14% of its server CPU
   * per request in paired runs. Bound values stay bound ($queryRawUnsafe's parameters, which
   * Prisma serializes as $queryRaw's).
   */
  private statementOf(compiled: CompiledQuery, context: GraphQLContext): AnswerStatement {
    const viewer = actorKey(context.viewer);
    const known = compiled.statements.get(viewer);
    if (known) return known;
    const sql = answerSql(context, compiled.roots);
    const statement: AnswerStatement = { text: sql.text, values: sql.values };
    if (compiled.statements.size >= STATEMENTS_PER_COMPILATION) compiled.statements.delete(compiled.statements.keys().next().value ?? "");
    compiled.statements.set(viewer, statement);
    return statement;
  }

  /**
   * The compilation of one operation for these variables, remembered: it depends on nothing else
   * (the viewer's visibility enters the SQL when {@link answerSql} writes it, once per viewer).
   */
  private compile(document: DocumentNode, operationName: string | undefined, variables: Readonly<Record<string, unknown>>, context: GraphQLContext): CompiledQuery | null {
    let known = this.compiled.get(document);
    if (!known) {
      known = new Map();
      this.compiled.set(document, known);
    }
    const key = `${operationName ?? ""}\u0000${JSON.stringify(variables)}`;
    const cached = known.get(key);
    if (cached !== undefined) return cached;
    const compiled = this.compileAnew(document, operationName, variables, context);
    if (known.size >= COMPILED_PER_DOCUMENT) known.delete(known.keys().next().value ?? "");
    known.set(key, compiled);
    return compiled;
  }

  private compileAnew(document: DocumentNode, operationName: string | undefined, variables: Readonly<Record<string, unknown>>, context: GraphQLContext): CompiledQuery | null {
    const operation = getOperationAST(document, operationName);
    if (!operation || operation.operation !== "query") return null;
    const { schema } = this.sources;
    const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], { ...variables });
    if (coerced.errors) return null;
    const fragments: Record<string, FragmentDefinitionNode> = {};
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
    }
    return new Compiler(this.sources, fragments, coerced.coerced, context).query(operation.selectionSet);
  }
}

const answerers = new WeakMap<GraphQLSchema, SqlAnswerer>();

/** Remembers the SQL answerer of an executable schema (src/graphql/schema.ts does, when the read planner is on). */
export function registerSqlAnswerer(schema: GraphQLSchema, answerer: SqlAnswerer): void {
  answerers.set(schema, answerer);
}

/** The SQL answerer of an executable schema; undefined for a schema built without the read planner. */
export function sqlAnswererOf(schema: GraphQLSchema): SqlAnswerer | undefined {
  return answerers.get(schema);
}

/** One query's compilation: the reads for the statement and the walk that builds the answer. */
class Compiler {
  constructor(
    private readonly sources: AnswerSources,
    private readonly fragments: Record<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
    private readonly context: GraphQLContext,
  ) {}

  query(selectionSet: SelectionSetNode): CompiledQuery | null {
    const { schema } = this.sources;
    const queryType = schema.getQueryType();
    if (!queryType) return null;
    const roots: RootRead<Loaders>[] = [];
    const builders: [string, Build<unknown[]>][] = [];
    for (const [key, nodes] of collectFields(schema, this.fragments, this.variables, queryType, selectionSet).fields) {
      const [node] = nodes;
      if (!node) return null;
      const name = node.name.value;
      if (name === "__typename") {
        builders.push([key, () => queryType.name]);
        continue;
      }
      const coordinate = `${queryType.name}.${name}`;
      const list = this.sources.lists[coordinate];
      const record = this.sources.records[coordinate];
      const field = queryType.getFields()[name];
      if ((!list && !record) || !field || this.sources.guards[coordinate]) return null;
      const args = getArgumentValues(field, node, this.variables);
      if (record) {
        const target = this.row(nullableObject(field.type), nodes);
        // Whether the arguments name a record does not depend on the viewer; the SQL is written per request, for its viewer.
        if (!target || target.read.model !== record.model || !record.find(this.context.viewer, "row", args)) return null;
        const index = roots.length;
        roots.push({ kind: "record", from: (viewer, row) => record.find(viewer, row, args) ?? Prisma.sql`WHERE FALSE`, rows: target.read });
        const build = rowOrNull(target, field.type);
        builders.push([key, (json) => build(json[index] as RowJson | null)]);
        continue;
      }
      if (!list) return null;
      const source = this.listSource(list, args);
      const keyset = source?.keyset;
      const page = keyset && this.pageArgs(keyset, args, list.defaultSize);
      if (!source || !keyset || !page) return null;
      const connection = this.connection(field.type, nodes, keyset, page, list.defaultSize);
      if (!connection) return null;
      const index = roots.length;
      roots.push({ kind: "list", list, from: (viewer, row) => source.from(viewer, row), keyset, args: page, rows: connection.rows, count: connection.count });
      builders.push([key, (json) => connection.build(json[index] as ConnectionJson)]);
    }
    if (roots.length === 0) return null;
    return {
      roots,
      statements: new Map(),
      build: (json) => {
        const data: Record<string, unknown> = {};
        for (const [key, build] of builders) data[key] = build(json);
        return data;
      },
    };
  }

  /** What a root list reads for these arguments; null when the resolver must answer (or give the client its error). */
  private listSource(list: PlannedList, args: Record<string, unknown>): ListSource | null {
    try {
      return list.readFor(args);
    } catch (error) {
      if (error instanceof InvalidArgument) return null;
      throw error;
    }
  }

  /** first/after when the keyset takes them; null when the resolver must give the client its error. */
  private pageArgs(keyset: AnswerKeyset, args: Record<string, unknown>, defaultSize: number): PageArgs | null {
    const page = { first: args["first"] as number | null | undefined, after: args["after"] as string | null | undefined };
    try {
      // Checks first and decodes after (Keyset.window reads the cursor): a bad one is the resolver's to refuse.
      keyset.window(page, defaultSize);
    } catch (error) {
      if (error instanceof InvalidArgument) return null;
      throw error;
    }
    return page;
  }

  /** A connection of rows paged by `keyset`: its edges, cursors, page info and count, as the resolvers' toConnectionPage gives them. */
  private connection(type: GraphQLOutputType, nodes: readonly FieldNode[], keyset: AnswerKeyset, args: PageArgs, defaultSize: number): CompiledConnection | null {
    const connectionType = nullableObject(type);
    if (!connectionType) return null;
    const window = keyset.window(args, defaultSize);
    let node: CompiledRow | null = null;
    const nodeType = objectField(connectionType, "edges", (edges) => objectField(nullableObject(getNamedType(edges.type)), "node", (field) => nullableObject(field.type)));
    let count = false;
    // Cursors are encoded only where the query shows one: every edge's when edges show theirs,
    // otherwise the first and last row's at most (startCursor, endCursor).
    let edgeCursorsShown = false;
    interface Page extends CursorPage {
      readonly rows: readonly RowJson[];
      readonly total: number | null;
    }
    const fields: [string, (page: Page) => unknown][] = [];
    for (const [key, fieldNodes] of this.subfields(connectionType, nodes)) {
      const name = fieldNodes[0]?.name.value;
      if (name === "__typename") fields.push([key, () => connectionType.name]);
      else if (name === "totalCount" && this.plain(connectionType, "totalCount")) {
        count = true;
        fields.push([key, (page) => page.total]);
      } else if (name === "pageInfo" && this.plain(connectionType, "pageInfo")) {
        const pageInfoType = nullableObject(connectionType.getFields()["pageInfo"]?.type);
        if (!pageInfoType) return null;
        const info: [string, (page: Page) => unknown][] = [];
        for (const [infoKey, infoNodes] of this.subfields(pageInfoType, fieldNodes)) {
          const infoName = infoNodes[0]?.name.value;
          const value = PAGE_INFO[infoName ?? ""];
          if (infoName === "__typename") info.push([infoKey, () => pageInfoType.name]);
          else if (value && this.plain(pageInfoType, infoName ?? "")) {
            info.push([infoKey, (page) => value(page, window.hasCursor)]);
          }
          else return null;
        }
        fields.push([key, (page) => objectOf(info, page)]);
      } else if (name === "edges" && this.plain(connectionType, "edges") && nodeType) {
        const edgesField = connectionType.getFields()["edges"];
        const edgeType = edgesField ? nullableObject(getNamedType(edgesField.type)) : null;
        if (!edgeType) return null;
        const edge: [string, (row: RowJson, cursor: string) => unknown][] = [];
        for (const [edgeKey, edgeNodes] of this.subfields(edgeType, fieldNodes)) {
          const edgeName = edgeNodes[0]?.name.value;
          if (edgeName === "__typename") edge.push([edgeKey, () => edgeType.name]);
          else if (edgeName === "cursor" && this.plain(edgeType, "cursor")) {
            edgeCursorsShown = true;
            edge.push([edgeKey, (_row, cursor) => cursor]);
          }
          else if (edgeName === "node" && this.plain(edgeType, "node") && !node) {
            const compiled = this.row(nodeType, edgeNodes, keyset);
            if (!compiled) return null;
            node = compiled;
            edge.push([edgeKey, (row) => compiled.build(row)]);
          } else return null;
        }
        fields.push([key, (page) => page.rows.map((row, index) => objectOf(edge, row, edgeCursorsShown ? page.cursorAt(index) : ""))]);
      } else return null;
    }
    // Two selections of `node` under different aliases of `edges` would need two row reads: left to the resolvers.
    const rows = (node as CompiledRow | null) ?? this.row(nodeType, [], keyset);
    if (!rows) return null;
    const cursorRow = this.cursorRow(rows.read, keyset);
    return {
      rows: rows.read,
      count,
      build: ([json, total]) => {
        const pageRows = json.slice(0, window.size);
        return objectOf(fields, {
          rows: pageRows,
          cursorAt: (index: number) => keyset.cursorOf(cursorRow(pageRows[index] ?? [])),
          total,
          hasNextPage: json.length > window.size,
        });
      },
    };
  }

  /** The keyset's fields of a row read, revived, for its cursor. */
  private cursorRow(read: RowRead<Loaders>, keyset: AnswerKeyset): (json: RowJson) => Record<string, unknown> {
    const shape = this.shape(read.model);
    const positions = keyset.keys.map((key) => [key.field, read.columns.indexOf(key.field)] as const);
    return (json) => {
      const row: Record<string, unknown> = {};
      for (const [field, position] of positions) row[field] = shape.reviveColumn(field, json[position]);
      return row;
    };
  }

  /** What to read of each row of a model type and how it becomes the selected object; `keyset` adds its columns for cursors. */
  private row(type: GraphQLObjectType | null, nodes: readonly FieldNode[], keyset?: AnswerKeyset): CompiledRow | null {
    if (!type || !isModel(type.name) || this.sources.guards[type.name]) return null;
    const model = type.name;
    const shape = this.shape(model);
    const columns: string[] = [];
    const column = (name: string) => {
      if (!shape.has(name)) return -1;
      const known = columns.indexOf(name);
      if (known >= 0) return known;
      columns.push(name);
      return columns.length - 1;
    };
    for (const key of keyset?.keys ?? []) if (column(key.field) < 0) return null;
    const values: ((row: string) => Prisma.Sql)[] = [];
    const relations: RelationRead<Loaders>[] = [];
    // Positions are resolved once the columns are all known (values and relations follow them).
    type Decoded = { readonly row: Readonly<Record<string, unknown>>; readonly json: RowJson };
    const fields: [string, (decoded: Decoded) => unknown][] = [];
    for (const [key, fieldNodes] of this.subfields(type, nodes)) {
      const [first] = fieldNodes;
      if (!first) return null;
      const name = first.name.value;
      if (name === "__typename") {
        fields.push([key, () => type.name]);
        continue;
      }
      const coordinate = `${type.name}.${name}`;
      const field = type.getFields()[name];
      if (!field || this.sources.guards[coordinate]) return null;
      const relation = this.sources.relations[coordinate];
      const reader = this.sources.readers[coordinate];
      if (relation) {
        const args = getArgumentValues(field, first, this.variables);
        if (Object.keys(args).some((arg) => !PAGE_ARGUMENTS.has(arg) && args[arg] !== undefined && args[arg] !== null)) return null;
        const index = relations.length;
        if (relation.kind === "reference") {
          const target = this.row(nullableObject(field.type), fieldNodes);
          if (!target) return null;
          relations.push({ relation, args: {}, rows: target.read, count: false });
          const build = rowOrNull(target, field.type);
          fields.push([key, ({ json }) => build(json[columns.length + values.length + index] as RowJson | null)]);
        } else {
          const loader = relation.connection(this.context.loaders);
          const page = this.pageArgs(loader.keyset, args, loader.defaultSize);
          const connection = page && this.connection(field.type, fieldNodes, loader.keyset, page, loader.defaultSize);
          if (!page || !connection) return null;
          relations.push({ relation, args: page, rows: connection.rows, count: connection.count });
          fields.push([key, ({ json }) => connection.build(json[columns.length + values.length + index] as ConnectionJson)]);
        }
      } else if (reader) {
        for (const name of reader.columns) if (column(name) < 0) return null;
        const complete = this.completion(field.type, fieldNodes);
        if (!complete) return null;
        const index = reader.sql ? values.push(reader.sql) - 1 : -1;
        fields.push([key, ({ row, json }) => complete(reader.read(row, index < 0 ? undefined : json[columns.length + index]))]);
      } else if (this.plain(type, name) && field.args.length === 0 && column(name) >= 0) {
        const complete = this.completion(field.type, fieldNodes);
        if (!complete) return null;
        fields.push([key, ({ row }) => complete(row[name])]);
      } else return null;
    }
    return {
      read: { model, columns, values, relations },
      build: (json) => {
        const row: Record<string, unknown> = {};
        columns.forEach((name, index) => {
          row[name] = shape.reviveColumn(name, json[index]);
        });
        return objectOf(fields, { row, json });
      },
    };
  }

  /**
   * How a value of `type` becomes its answer, as graphql-js completes it: scalars and enums
   * serialized, lists item by item, objects (a range, a pair of coordinates) by their fields
   * read as properties. Null where the type says non-null, or a value a scalar refuses, is
   * graphql-js's to report: {@link Unanswerable}.
   */
  private completion(type: GraphQLOutputType, nodes: readonly FieldNode[]): ((value: unknown) => unknown) | null {
    if (isNonNullType(type)) {
      const inner = this.completion(type.ofType, nodes);
      if (!inner) return null;
      return (value) => {
        if (value === null || value === undefined) throw new Unanswerable();
        return inner(value);
      };
    }
    let complete: ((value: unknown) => unknown) | null;
    if (isListType(type)) {
      const item = this.completion(type.ofType, nodes);
      if (!item) return null;
      complete = (value) => {
        if (!Array.isArray(value)) throw new Unanswerable();
        return value.map(item);
      };
    } else if (isScalarType(type) || isEnumType(type)) {
      complete = (value) => {
        let serialized: unknown;
        try {
          serialized = type.serialize(value);
        } catch {
          throw new Unanswerable();
        }
        if (serialized === undefined) throw new Unanswerable();
        return serialized;
      };
    } else if (isObjectType(type)) {
      const fields: [string, (value: Record<string, unknown>) => unknown][] = [];
      for (const [key, fieldNodes] of this.subfields(type, nodes)) {
        const name = fieldNodes[0]?.name.value ?? "";
        const field = type.getFields()[name];
        if (name === "__typename") {
          fields.push([key, () => type.name]);
          continue;
        }
        if (!field || !this.plain(type, name) || field.args.length > 0 || this.sources.guards[`${type.name}.${name}`]) return null;
        const inner = this.completion(field.type, fieldNodes);
        if (!inner) return null;
        fields.push([key, (value) => inner(value[name])]);
      }
      complete = (value) => {
        if (typeof value !== "object" || value === null) throw new Unanswerable();
        return objectOf(fields, value as Record<string, unknown>);
      };
    } else return null;
    return (value) => (value === null || value === undefined ? null : complete(value));
  }

  private subfields(type: GraphQLObjectType, nodes: readonly FieldNode[]): Map<string, FieldNode[]> {
    return collectSubFields(this.sources.schema, this.fragments, this.variables, type, [...nodes]).fields;
  }

  /** Whether the field has no resolver of its own (graphql-js reads the property of that name) and no guard. */
  private plain(type: GraphQLObjectType, name: string): boolean {
    const field = type.getFields()[name];
    return field !== undefined && field.resolve === undefined && !this.sources.guards[`${type.name}.${name}`] && !this.sources.guards[type.name];
  }

  private shape(model: ModelName): RowShape {
    return rowShape(this.context.prisma, model);
  }
}

/** A row that may be missing (a root record, a reference): null, unless the schema says non-null, which is graphql-js's error to report. */
function rowOrNull(target: CompiledRow, type: GraphQLOutputType): Build<RowJson | null> {
  const nonNull = isNonNullType(type);
  return (value) => {
    if (value !== null) return target.build(value);
    if (nonNull) throw new Unanswerable();
    return null;
  };
}

/** What PageInfo reads of a page: its rows (their number), a row's cursor, whether more follow. */
interface CursorPage {
  readonly rows: readonly unknown[];
  /** The cursor of the row at `index`, encoded when asked for. */
  readonly cursorAt: (index: number) => string;
  readonly hasNextPage: boolean;
}

/** PageInfo's fields as toConnectionPage (src/core/paging.ts) sets them. */
const PAGE_INFO: Readonly<Record<string, (page: CursorPage, hasCursor: boolean) => unknown>> = {
  hasNextPage: (page) => page.hasNextPage,
  hasPreviousPage: (_page, hasCursor) => hasCursor,
  startCursor: (page) => (page.rows.length > 0 ? page.cursorAt(0) : null),
  endCursor: (page) => (page.rows.length > 0 ? page.cursorAt(page.rows.length - 1) : null),
};

/** An object of the selected keys, in selection order (graphql-js's order). */
function objectOf<A extends unknown[]>(fields: readonly [string, (...args: A) => unknown][], ...args: A): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [key, value] of fields) object[key] = value(...args);
  return object;
}

function nullableObject(type: GraphQLOutputType | undefined): GraphQLObjectType | null {
  const unwrapped = type && isNonNullType(type) ? type.ofType : type;
  return unwrapped && isObjectType(unwrapped) ? unwrapped : null;
}

/** `then` of the field `name` of `type`, or null when either is missing. */
function objectField<T>(type: GraphQLObjectType | null, name: string, then: (field: GraphQLField<unknown, unknown>) => T | null): T | null {
  const field = type?.getFields()[name];
  return field ? then(field) : null;
}

const MODELS = new Set<string>(Object.values(Prisma.ModelName));
function isModel(name: string): name is ModelName {
  return MODELS.has(name);
}

/**
 * The Apollo plugin that answers every query it can from SQL (see {@link SqlAnswerer}), before
 * graphql-jit and graphql-js; `onAnswered` hears of each request it answered (for the request log).
 */
export function sqlAnswerPlugin(schema: GraphQLSchema, onAnswered: () => void = () => {}): ApolloServerPlugin<GraphQLContext> {
  const answerer = sqlAnswererOf(schema);
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ operation, document, request, contextValue }): Promise<GraphQLResponse | null> {
          // Undefined for an unknown operationName (Apollo types it as resolved): graphql-js then answers with Apollo's 400.
          const resolved: typeof operation | undefined = operation;
          if (!answerer || resolved?.operation !== "query") return null;
          const result = await answerer.answer(document, request.operationName ?? undefined, request.variables ?? {}, contextValue);
          if (!result) return null;
          onAnswered();
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: "single", singleResult: { data: result.data ?? null } } };
        },
      };
    },
  };
}
