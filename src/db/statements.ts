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

/** Texts seen once, remembered until they recur (emptied when full: it only delays naming). */
const SEEN_ONCE_LIMIT = 2_000;

const preparedStatementNames = new Map<string, string>();
const seenOnce = new Set<string>();

/**
 * The statement name of a SQL text that recurs, or undefined to send it unnamed. PostgreSQL plans
 * an unnamed statement anew at every execution; a named one is parsed once per connection and,
 * after five executions, may run a cached generic plan (JDBC's prepareThreshold does the same).
 * Planning is a large share of the work for our statements: up to several times the execution
 * for the answers built in SQL (their many visibility subqueries), about half for Prisma's own.
 * A text is named the second time it is sent, so one-off texts (an id list of a rare length)
 * never take a slot.
 */
export function recurringStatementName(text: string): string | undefined {
  const known = preparedStatementNames.get(text);
  if (known !== undefined || preparedStatementNames.size >= PREPARED_STATEMENT_LIMIT) return known;
  if (!seenOnce.has(text)) {
    if (seenOnce.size >= SEEN_ONCE_LIMIT) seenOnce.clear();
    seenOnce.add(text);
    return undefined;
  }
  seenOnce.delete(text);
  // A digest of the text, so two texts never share a name (pg refuses a known name with another
  // text) and the name fits PostgreSQL's 63 characters.
  const name = `copydesk_${createHash("sha256").update(text).digest("hex").slice(0, 40)}`;
  preparedStatementNames.set(text, name);
  return name;
}
