import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.js";
import { recordStatement } from "./statements.js";

export { Prisma, PrismaClient } from "../generated/prisma/client.js";

/** Options for {@link createPrismaClient}. */
export interface PrismaClientOptions {
  /** Largest number of pooled connections. */
  readonly maxConnections?: number;
}

/**
 * The only place a PrismaClient is constructed: Prisma 7 with the `pg` driver adapter. Every
 * statement is reported to {@link recordStatement}, which is how tests and benchmarks count the
 * SQL statements of a request.
 */
export function createPrismaClient(url: string, options: PrismaClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max: options.maxConnections ?? 10 });
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
