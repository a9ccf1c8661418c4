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
 * Characters of SQL, all named texts together, beyond which texts are sent unnamed as before. A
 * named statement keeps its plans on every pooled connection that ran it, for the connection's
 * life, at about 200 bytes of PostgreSQL memory per character of SQL (the dashboard's answer,
 * 6.5 KB of SQL, holds 1.4 MB of CachedPlan contexts in `pg_backend_memory_contexts`): this
 * budget bounds that at about 28 MB per connection, whatever queries clients send.
 */
export const PREPARED_STATEMENT_TEXT_BUDGET = 128 * 1024;

/** Characters of SQL of the texts seen once, remembered until they recur (emptied when full: that only delays naming). */
const SEEN_ONCE_BUDGET = 1024 * 1024;

/**
 * Which SQL texts a connection pool sends as named statements: a text that recurs. PostgreSQL
 * plans an unnamed statement anew at every execution; a named one is parsed once per connection
 * and, after five executions, may run a cached generic plan (JDBC's prepareThreshold does the
 * same). Planning is a large share of the work for our statements: up to several times the
 * execution for the answers built in SQL (their many visibility subqueries), about half for
 * Prisma's own. A text is named the second time it is sent, so one-off texts (an id list of a
 * rare length) never take any of the {@link PREPARED_STATEMENT_TEXT_BUDGET}. One per pool: the
 * budget bounds the memory of that pool's connections.
 */
export class RecurringStatementNames {
  private readonly names = new Map<string, string>();
  private readonly seenOnce = new Set<string>();
  private namedLength = 0;
  private seenOnceLength = 0;

  constructor(private readonly budget: number = PREPARED_STATEMENT_TEXT_BUDGET) {}

  /** The statement name of this text, or undefined to send it unnamed. */
  nameOf(text: string): string | undefined {
    const known = this.names.get(text);
    if (known !== undefined || this.namedLength + text.length > this.budget) return known;
    if (!this.seenOnce.has(text)) {
      if (this.seenOnceLength + text.length > SEEN_ONCE_BUDGET) {
        this.seenOnce.clear();
        this.seenOnceLength = 0;
      }
      this.seenOnce.add(text);
      this.seenOnceLength += text.length;
      return undefined;
    }
    this.seenOnce.delete(text);
    this.seenOnceLength -= text.length;
    // A digest of the text, so two texts never share a name (pg refuses a known name with
    // another text) and the name fits PostgreSQL's 63 characters.
    const name = `copydesk_${createHash("sha256").update(text).digest("hex").slice(0, 40)}`;
    this.names.set(text, name);
    this.namedLength += text.length;
    return name;
  }
}
