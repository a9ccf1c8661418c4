import { AsyncLocalStorage } from "node:async_hooks";
import { createHash } from "node:crypto";

/** The SQL statements one unit of work (a GraphQL request, a test step) sent to PostgreSQL. */
export interface StatementLog {
  /** The statements in the order Prisma sent them. */
  readonly statements: string[];
}

// Prisma reports each statement through its `query` log event, which runs in the async context
// of the code that caused it (DataLoader batches included), so an AsyncLocalStorage scope
// attributes statements to the request that issued them without passing anything around.
const scope = new AsyncLocalStorage<StatementLog>();

/** Called by the Prisma client for every statement it sends. */
export function recordStatement(sql: string): void {
  scope.getStore()?.statements.push(sql);
}

/** Runs `work` and returns its result with the SQL statements it sent. */
export async function countStatements<T>(work: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const log: StatementLog = { statements: [] };
  const result = await scope.run(log, work);
  return { result, statements: log.statements };
}

/**
 * Most SQL texts sent as named (server-side prepared) statements: each one costs memory on every
 * pooled connection that ran it, for the connection's life, so the set is bounded; texts beyond
 * it are sent unnamed as before.
 */
export const PREPARED_STATEMENT_LIMIT = 1_000;

const preparedStatementNames = new Map<string, string>();

/**
 * Asks that this SQL text (Prisma.Sql's `text`, with `$1` placeholders) be sent as a named
 * statement from now on. PostgreSQL plans an unnamed statement anew at every execution; a named
 * one is parsed once per connection and, after five executions, runs a cached generic plan. For
 * the large statements that answer a whole query (src/graphql/answer.ts) planning costs several
 * times the execution, so only texts that recur verbatim and cost much to plan belong here.
 */
export function prepareStatement(text: string): void {
  if (preparedStatementNames.has(text) || preparedStatementNames.size >= PREPARED_STATEMENT_LIMIT) return;
  // A digest of the text, so two texts never share a name (pg refuses a known name with another
  // text) and the name fits PostgreSQL's 63 characters.
  preparedStatementNames.set(text, `copydesk_${createHash("sha256").update(text).digest("hex").slice(0, 40)}`);
}

/** The statement name of a text {@link prepareStatement} registered; undefined sends it unnamed. */
export function preparedStatementName(text: string): string | undefined {
  return preparedStatementNames.get(text);
}
