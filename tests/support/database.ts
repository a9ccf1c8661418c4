import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import { EMBEDDED_POOL_SIZE, startEmbeddedPostgres, type EmbeddedPostgres } from "../../src/db/embedded.js";
import { openDatabase, type Database } from "../../src/db/index.js";
import { quoteIdentifier, withConnection, withDatabaseName } from "../../src/db/postgres-server.js";

/** A database of a test file's own, already migrated, with a Prisma client on it. */
export type TestDatabase = Database;

/** Runs one statement on the test server's maintenance connection. */
async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  await withConnection(serverUrl, (admin) => admin.query(sql));
}

/** A database name of this run (global-setup drops whatever matches on teardown). */
function testDatabaseName(): string {
  return `copydesk_test_${process.ppid}_${randomBytes(6).toString("hex")}`;
}

/**
 * Opens Prisma on an already migrated URL with the same code the server uses; closing it also
 * releases the database (stops the PGlite or drops the server database).
 */
async function open(url: string, kind: Database["kind"], release: () => Promise<void>): Promise<TestDatabase> {
  const database = await openDatabase(
    { kind: "server", url, preparedStatements: kind !== "embedded" },
    { migrate: false, maxConnections: kind === "embedded" ? EMBEDDED_POOL_SIZE : 5 },
  );
  return {
    ...database,
    kind,
    async close() {
      await database.close();
      await release();
    },
  };
}

/** A fresh, empty, unmigrated database URL (for testing migrations from empty). */
export async function createEmptyDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = inject("serverUrl");
  if (serverUrl) {
    const name = testDatabaseName();
    await adminQuery(serverUrl, `CREATE DATABASE ${quoteIdentifier(name)}`);
    return {
      url: withDatabaseName(serverUrl, name),
      drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
    };
  }
  // As initdb left it (the run's blank dump): the same database as a fresh PGlite, without its initdb.
  const embedded = await startEmbeddedPostgres({ loadDataDir: new Blob([fs.readFileSync(inject("blankDump"))]) });
  return { url: embedded.url, drop: () => embedded.stop() };
}

const OBJECT_IN_USE = "55006";

/**
 * CREATE DATABASE ... TEMPLATE fails while another session is connected to the template, which
 * happens when two test files clone it at the same moment, or right after migrating it while
 * the migration's connection is still closing: retry a few times.
 */
export async function cloneTemplate(serverUrl: string, template: string, name: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await adminQuery(serverUrl, `CREATE DATABASE ${quoteIdentifier(name)} TEMPLATE ${quoteIdentifier(template)}`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== OBJECT_IN_USE || attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 150));
    }
  }
}

/** Options for {@link createTestDatabase}. */
export interface TestDatabaseOptions {
  /**
   * Start with the example story already loaded (seeds/basra-consulate-2018.txt, by the same
   * seedExampleStory, once per run in global-setup) instead of empty: saves the seed's ~6 s of
   * CPU per file. seedExampleStory stays safe to call on it and returns the story's ids. Not for
   * tests about what seeding writes (its counts, audit events or timestamps): the story was
   * loaded before the file started.
   */
  readonly exampleStory?: boolean;
}

/**
 * A migrated database for one test file: PGlite loaded from the run's migrated template, or with
 * DATABASE_URL a database cloned from the run's template on that server (dropped on close).
 * `exampleStory` starts from the run's seeded template instead.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = inject("serverUrl");
  const templateDatabase = inject(options.exampleStory ? "seededDatabase" : "templateDatabase");
  if (serverUrl && templateDatabase) {
    const name = testDatabaseName();
    await cloneTemplate(serverUrl, templateDatabase, name);
    return open(withDatabaseName(serverUrl, name), "server", () =>
      adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
    );
  }
  const seededDump = inject("seededDump");
  if (options.exampleStory && !seededDump) throw new Error("global-setup made no seeded template: run the tests through vitest (tests/support/global-setup.ts)");
  const embedded = options.exampleStory && seededDump
    ? await startEmbeddedPostgres({ loadDataDir: new Blob([fs.readFileSync(seededDump)]) })
    : await startMigratedEmbedded();
  return open(embedded.url, "embedded", () => embedded.stop());
}

/**
 * An in-memory PGlite loaded from the run's migrated template, in either mode: for tests that
 * stop and start the embedded database themselves.
 */
export function startMigratedEmbedded(): Promise<EmbeddedPostgres> {
  return startEmbeddedPostgres({ loadDataDir: new Blob([fs.readFileSync(inject("templateDump"))]) });
}

/**
 * A new embedded DATA_DIR, already migrated: a copy of the run's template (global-setup), for a
 * test that runs the CLI or the server as a process on a directory of its own but is not about a
 * first start. Each fresh directory costs PGlite's initdb and every migration (about 6 s of CPU,
 * more than the rest of such a run); the first-start tests (tests/http/process.test.ts, the token
 * command's) keep fresh ones. Copies into `dir` when given (made if missing), else into a new
 * temporary directory named with `prefix`; returns the directory.
 */
export function migratedDataDir(options: { dir?: string; prefix?: string } = {}): string {
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), options.prefix ?? "copydesk-data-"));
  fs.cpSync(inject("templateDataDir"), dir, { recursive: true });
  return dir;
}
