import { createHash } from "node:crypto";
import { execute, getOperationAST, parse, type DocumentNode, type ExecutionResult, type GraphQLSchema } from "graphql";
import { expect } from "vitest";
import type { Role } from "../../src/generated/prisma/enums.js";
import type { Database } from "../../src/db/index.js";
import { countStatements } from "../../src/db/statements.js";
import { createContext, type GraphQLContext } from "../../src/graphql/context.js";
import { compileOperation } from "../../src/graphql/jit.js";
import { buildSchema } from "../../src/graphql/schema.js";
import { sqlAnswererOf } from "../../src/graphql/answer.js";
import type { TestDatabase } from "./database.js";

let schema: GraphQLSchema | undefined;
/** The same schema without the read planner: every read also runs on it and must answer the same. */
let unplannedSchema: GraphQLSchema | undefined;

/** The result of an operation run by {@link executeAs}, with the SQL statements it sent. */
export interface ExecutedOperation<T> {
  readonly data: T | null | undefined;
  readonly errors: ExecutionResult["errors"];
  readonly statements: string[];
}

/**
 * Runs an operation through the real schema, loaders and database as a viewer of `role`
 * (without HTTP and tokens), counting the SQL statements it sends.
 */
export async function executeAs<T = Record<string, unknown>>(
  database: Database,
  role: Role,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<ExecutedOperation<T>> {
  schema ??= buildSchema();
  const executable = schema;
  const viewer = { role, userId: null, tokenId: null };
  const document = parse(query);
  const { result, statements } = await countStatements(async () =>
    execute({ schema: executable, document, variableValues: variables, contextValue: createContext(database.prisma, viewer, "test") }),
  );
  // Through JSON, as a client would see it (dates become ISO strings).
  const data = result.data === undefined ? undefined : (JSON.parse(JSON.stringify(result.data)) as T | null);
  if (getOperationAST(document)?.operation === "query") {
    unplannedSchema ??= buildSchema({ readPlanner: false });
    await expectSameUnplannedAnswer(unplannedSchema, document, variables, createContext(database.prisma, viewer, "test"), result);
    if (!result.errors?.length) await expectSameCompiledAnswer(executable, document, variables, createContext(database.prisma, viewer, "test"), data);
    await expectSameSqlAnswer(executable, document, variables, createContext(database.prisma, viewer, "test"), result);
  }
  return { data, errors: result.errors, statements };
}

/**
 * Every query of the suite is also run without the read planner (src/graphql/planner.ts), on
 * fresh loaders, and must give the same JSON, errors (message, path, code) included.
 */
async function expectSameUnplannedAnswer(
  unplanned: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  contextValue: GraphQLContext,
  planned: ExecutionResult,
): Promise<void> {
  const result = await execute({ schema: unplanned, document, variableValues: variables, contextValue });
  const visible = (answer: ExecutionResult) =>
    JSON.stringify({ data: answer.data, errors: answer.errors?.map((error) => ({ message: error.message, path: error.path, code: error.extensions["code"] })) });
  expect(visible(planned), "the read planner's answer differs from the resolvers' own").toBe(visible(result));
}

/**
 * Every query of the suite is also offered to the SQL answerer (src/graphql/answer.ts), on fresh
 * loaders: when it answers, the JSON must be graphql-js's, and it must decline every query whose
 * answer carries errors (only the resolvers report those).
 */
async function expectSameSqlAnswer(
  executable: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  contextValue: GraphQLContext,
  expected: ExecutionResult,
): Promise<void> {
  const answerer = sqlAnswererOf(executable);
  if (!answerer) throw new Error("The test schema has no SQL answerer: buildSchema registers one with the read planner.");
  const answered = await answerer.answer(document, undefined, variables, contextValue);
  sqlAnswerCounts.offered += 1;
  if (answered === null) return;
  sqlAnswerCounts.answered += 1;
  expect(expected.errors?.map((error) => error.message), "the SQL answerer answered a query whose answer has errors").toBeUndefined();
  expect(JSON.stringify(answered.data), "the SQL answer differs from graphql-js's").toBe(JSON.stringify(expected.data));
}

/** How many queries of this test file the SQL answerer was offered and answered (tests/api/sql-answer.test.ts checks it answers some). */
export const sqlAnswerCounts = { offered: 0, answered: 0 };

/**
 * Every successful query of the suite is also run compiled (graphql-jit, as the server runs a
 * repeated query: src/graphql/jit.ts) on fresh loaders, and must give the same answer.
 */
async function expectSameCompiledAnswer(
  executable: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  contextValue: GraphQLContext,
  expected: unknown,
): Promise<void> {
  const plan = compileOperation(executable, document, undefined);
  if (plan === "uncompilable") throw new Error("graphql-jit could not compile a query graphql-js answered");
  const compiled = await plan.query(undefined, contextValue, variables);
  expect(compiled.errors?.map((error) => `${error.path?.join(".") ?? ""}: ${error.message}`), "errors of the compiled query").toBeUndefined();
  expect(JSON.parse(JSON.stringify(compiled.data)), "the compiled query's answer differs from graphql-js's").toEqual(expected);
}

/** One edge of a Relay connection as a client reads it. */
export interface Edge<T> {
  cursor: string;
  node: T;
}

/**
 * One page of a Relay connection as a client reads it. `hasPreviousPage` and `totalCount` are
 * there only when the query selects them.
 */
export interface Page<T> {
  edges: Edge<T>[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage?: boolean; endCursor: string | null };
  totalCount?: number;
}

/** Variables of an operation. */
type Variables = Record<string, unknown>;

/** Text that must never reach a client in an error message: SQL, Prisma and driver wording. */
const LEAKED_SQL = /prisma|SELECT|relation|column|syntax|uuid|\bsql\b/i;

/** The operations of {@link operationsOn}, bound to one test database. */
export interface Operations {
  /** Runs an operation as a viewer of `role` and returns everything {@link executeAs} does. */
  run<T = Record<string, unknown>>(role: Role, query: string, variables?: Variables): Promise<ExecutedOperation<T>>;
  /** Runs an operation that must succeed (no errors at all) and returns its data. */
  runOk<T = Record<string, unknown>>(role: Role, query: string, variables?: Variables): Promise<T>;
  /**
   * Runs an operation that must fail with exactly one error whose message has no SQL or Prisma
   * text in it, and returns that error's `extensions.code`.
   */
  errorCode(role: Role, query: string, variables?: Variables): Promise<unknown>;
}

/**
 * {@link executeAs} and its usual assertions, on the database `database()` returns when an
 * operation runs (so it can be called before a `beforeAll` has opened that database).
 */
export function operationsOn(database: () => TestDatabase): Operations {
  const run = <T = Record<string, unknown>>(role: Role, query: string, variables: Variables = {}) =>
    executeAs<T>(database(), role, query, variables);
  return {
    run,
    async runOk<T = Record<string, unknown>>(role: Role, query: string, variables: Variables = {}): Promise<T> {
      const result = await run<T>(role, query, variables);
      expect(result.errors).toBeUndefined();
      return result.data as T;
    },
    async errorCode(role: Role, query: string, variables: Variables = {}): Promise<unknown> {
      const result = await run(role, query, variables);
      expect(result.errors).toHaveLength(1);
      expect(result.errors?.[0]?.message).not.toMatch(LEAKED_SQL);
      return result.errors?.[0]?.extensions?.["code"];
    },
  };
}

/** The `extensions.code` of every error of a result, in order (none: an empty list). */
export function errorCodes(errors: readonly { extensions?: Record<string, unknown> }[] | undefined): string[] {
  return (errors ?? []).map((error) => String(error.extensions?.["code"]));
}

/** The sha256 of an article body as lowercase hex, as `Article.bodyHash` stores it. */
export function bodyHash(body: string): string {
  return createHash("sha256").update(body).digest("hex");
}

/** What {@link pageThrough} read. */
export interface PagedThrough<T> {
  /** Every node of every page, in the order the pages gave them. */
  readonly nodes: T[];
  /** How many pages it took. */
  readonly pages: number;
  /** The `totalCount` of the last page (undefined when the query does not select it). */
  readonly totalCount: number | undefined;
}

/** Options of {@link pageThrough}. */
export interface PageThroughOptions {
  /** Fail if the list has not ended after this many pages (default 100). */
  readonly maxPages?: number;
  /**
   * Also expect every page's `hasPreviousPage` to be true exactly when an `after` cursor was
   * passed (the query must select it).
   */
  readonly expectHasPreviousPage?: boolean;
}

/**
 * Follows `endCursor` from page to page until `hasNextPage` is false. `fetchPage` gets the
 * cursor to pass as `after` (null for the first page) and returns the connection it read, after
 * any checks of its own. Throws if the list has not ended after `maxPages` pages.
 */
export async function pageThrough<T>(
  fetchPage: (after: string | null) => Promise<Page<T>>,
  { maxPages = 100, expectHasPreviousPage = false }: PageThroughOptions = {},
): Promise<PagedThrough<T>> {
  const nodes: T[] = [];
  let after: string | null = null;
  for (let pages = 1; pages <= maxPages; pages += 1) {
    const page = await fetchPage(after);
    if (expectHasPreviousPage) expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    nodes.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return { nodes, pages, totalCount: page.totalCount };
    after = page.pageInfo.endCursor;
  }
  throw new Error(`paging did not end after ${maxPages} pages`);
}
