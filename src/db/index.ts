import type { DatabaseTarget } from "../config.js";
import type { PrismaClient } from "./client.js";
import { createPrismaClient } from "./client.js";
import { EMBEDDED_POOL_SIZE, startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded.js";
import { applyMigrations } from "./migrate.js";

export { Prisma, PrismaClient } from "./client.js";

/** An open database: the Prisma client, the URL it uses, and how to close everything. */
export interface Database {
  readonly prisma: PrismaClient;
  readonly url: string;
  readonly kind: DatabaseTarget["kind"];
  /** Migrations applied while opening (empty when the schema was already current). */
  readonly appliedMigrations: readonly string[];
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  /** Disconnects Prisma, then stops the embedded server if this process owns it. */
  close(): Promise<void>;
}

/** Options for {@link openDatabase}. */
export interface OpenDatabaseOptions {
  /** Apply pending migrations first (default true). */
  readonly migrate?: boolean;
  /**
   * For an embedded database already served by another copydesk process: connect to it
   * (CLI tools) or refuse (the server, which must own its data directory). Default: refuse.
   */
  readonly allowBorrowed?: boolean;
  /** Largest pool for a PostgreSQL server (the embedded database always gets one connection, see EMBEDDED_POOL_SIZE). */
  readonly maxConnections?: number;
}

/** True when the database behind a Prisma client answers a trivial query. */
async function pingDatabase(prisma: PrismaClient): Promise<boolean> {
  try {
    await prisma.$queryRaw`SELECT 1`;
    return true;
  } catch {
    return false;
  }
}

/** Thrown when the embedded data directory belongs to another running copydesk server. */
export class DataDirInUseError extends Error {
  constructor(dataDir: string) {
    super(
      `Another copydesk process is already serving the embedded database in ${dataDir}. ` +
        "Stop it, or start this one with a different DATA_DIR (and PORT).",
    );
    this.name = "DataDirInUseError";
  }
}

/**
 * Opens the configured database: starts embedded PostgreSQL (PGlite) when no DATABASE_URL is
 * set, applies migrations through the same engine `prisma migrate deploy` uses, and creates the
 * Prisma client. The one entry point for the server, the CLI and the tests.
 */
export async function openDatabase(target: DatabaseTarget, options: OpenDatabaseOptions = {}): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined;
  let url: string;
  if (target.kind === "embedded") {
    embedded = await startEmbeddedPostgres({ dataDir: target.dataDir });
    if (embedded.borrowed && !options.allowBorrowed) throw new DataDirInUseError(target.dataDir);
    url = embedded.url;
  } else {
    url = target.url;
  }
  try {
    const appliedMigrations = options.migrate === false ? [] : await applyMigrations(url);
    const maxConnections = target.kind === "embedded" ? EMBEDDED_POOL_SIZE : options.maxConnections;
    // Never on the embedded database: its connections share one session (see client.ts).
    const namedStatements = target.kind === "server" && target.preparedStatements !== false;
    const prisma = createPrismaClient(url, { maxConnections, namedStatements });
    return {
      prisma,
      url,
      kind: target.kind,
      appliedMigrations,
      ping: () => pingDatabase(prisma),
      async close() {
        await prisma.$disconnect();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
