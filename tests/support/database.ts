import { randomBytes } from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { inject } from "vitest";
import { pingDatabase, type Database } from "../../src/db/index.js";
import { createPrismaClient } from "../../src/db/client.js";
import { startEmbeddedPostgres } from "../../src/db/embedded.js";

/** A database of a test file's own, already migrated, with a Prisma client on it. */
export interface TestDatabase extends Database {
  /** "embedded" (in-memory PGlite) or "server" (a new database on DATABASE_URL's server). */
  readonly kind: "embedded" | "server";
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function wrap(url: string, kind: TestDatabase["kind"], release: () => Promise<void>): TestDatabase {
  const prisma = createPrismaClient(url, { maxConnections: 5 });
  return {
    prisma,
    url,
    kind,
    appliedMigrations: [],
    ping: () => pingDatabase(prisma),
    async close() {
      await prisma.$disconnect();
      await release();
    },
  };
}

/** A fresh, empty, unmigrated database URL (for testing migrations from empty). */
export async function createEmptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = inject("serverUrl");
  if (serverUrl) {
    const name = `copydesk_test_${process.ppid}_${randomBytes(6).toString("hex")}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
    return { url: withDatabase(serverUrl, name), drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
  }
  const embedded = await startEmbeddedPostgres();
  return { url: embedded.url, drop: () => embedded.stop() };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

const OBJECT_IN_USE = "55006";

/**
 * CREATE DATABASE ... TEMPLATE fails while another session is connected to the template, which
 * happens when two test files clone it at the same moment: retry a few times.
 */
async function cloneTemplate(serverUrl: string, template: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await adminQuery(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${template}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== OBJECT_IN_USE || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 150));
    }
  }
}

/**
 * A migrated database for one test file: PGlite loaded from the run's migrated template, or with
 * DATABASE_URL a database cloned from the run's template on that server (dropped on close).
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = inject("serverUrl");
  const templateDatabase = inject("templateDatabase");
  if (serverUrl && templateDatabase) {
    const name = `copydesk_test_${process.ppid}_${randomBytes(6).toString("hex")}`;
    await cloneTemplate(serverUrl, templateDatabase, name);
    return wrap(withDatabase(serverUrl, name), "server", () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
  const templateDump = inject("templateDump");
  if (!templateDump) throw new Error("global-setup did not provide a template database");
  const embedded = await startEmbeddedPostgres({ loadDataDir: new Blob([fs.readFileSync(templateDump)]) });
  return wrap(embedded.url, "embedded", () => embedded.stop());
}
