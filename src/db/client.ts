import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.js";
import { recordStatement, RecurringStatementNames } from "./statements.js";

export { Prisma, PrismaClient } from "../generated/prisma/client.js";

/** Options for {@link createPrismaClient}. */
export interface PrismaClientOptions {
  /** Largest number of pooled connections. */
  readonly maxConnections?: number;
  /**
   * PostgreSQL `statement_timeout` of every pooled connection, in milliseconds (default
   * {@link STATEMENT_TIMEOUT_MS}; 0 turns it off). The embedded database (PGlite) accepts the
   * setting but does not enforce it.
   */
  readonly statementTimeoutMs?: number;
  /**
   * Send the SQL texts that recur as named statements (`RecurringStatementNames`; default false). Only
   * for a PostgreSQL server, where each connection is a session of its own: PGlite's socket
   * server runs every connection in ONE session, where a second connection's (or a reconnected
   * pool's) Parse of a name the session already holds fails.
   */
  readonly namedStatements?: boolean;
}

/** Longest a single statement may run before PostgreSQL cancels it (SQLSTATE 57014). */
export const STATEMENT_TIMEOUT_MS = 15_000;

/**
 * The only place a PrismaClient is constructed: Prisma 7 with the `pg` driver adapter. Every
 * statement is reported to {@link recordStatement}, which is how tests and benchmarks count the
 * SQL statements of a request.
 */
export function createPrismaClient(url: string, options: PrismaClientOptions = {}): PrismaClient {
  const statementTimeout = options.statementTimeoutMs ?? STATEMENT_TIMEOUT_MS;
  // Sent as a startup parameter, so it holds on every connection the pool opens, including the
  // ones that replace connections the server dropped. No request can hold a connection (and a
  // slot of the pool) longer than this, whatever the query.
  const namedStatements = options.namedStatements ? new RecurringStatementNames() : null;
  const adapter = new PrismaPg(
    { connectionString: url, max: options.maxConnections ?? 10, options: `-c statement_timeout=${statementTimeout}` },
    // A text that recurs goes as a named statement, planned once per connection; the empty name
    // is PostgreSQL's unnamed statement, planned at every execution.
    namedStatements ? { statementNameGenerator: (query) => namedStatements.nameOf(query.sql) ?? "" } : undefined,
  );
  const client = new PrismaClient({
    adapter,
    log: [{ emit: "event", level: "query" }],
    // Waiting for a pooled connection is normal under load (the embedded database has one), so
    // a transaction may wait longer than Prisma's 2 s default before it starts.
    transactionOptions: { maxWait: 10_000, timeout: 15_000 },
  });
  client.$on("query", (event) => recordStatement(event.query));
  return client;
}
