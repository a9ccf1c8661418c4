import { AsyncLocalStorage } from "node:async_hooks";

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
