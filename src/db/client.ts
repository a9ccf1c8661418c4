import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.js";

export { Prisma, PrismaClient } from "../generated/prisma/client.js";

/** Options for {@link createPrismaClient}. */
export interface PrismaClientOptions {
  /** Largest number of pooled connections. */
  readonly maxConnections?: number;
}

/** The only place a PrismaClient is constructed: Prisma 7 with the `pg` driver adapter. */
export function createPrismaClient(url: string, options: PrismaClientOptions = {}): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max: options.maxConnections ?? 10 });
  return new PrismaClient({ adapter });
}
