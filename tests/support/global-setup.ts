import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../src/db/embedded.js";
import { openDatabase } from "../../src/db/index.js";
import { applyMigrations } from "../../src/db/migrate.js";
import { quoteIdentifier, withConnection, withDatabaseName } from "../../src/db/postgres-server.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { cloneTemplate } from "./database.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Path of a PGlite dump of a freshly migrated database (made in both modes). */
    templateDump: string;
    /** Path of a PGlite dump of a database as initdb leaves it, before any migration (both modes). */
    blankDump: string;
    /** Server mode: name of a migrated template database on the DATABASE_URL server. */
    templateDatabase: string | null;
    /** In-memory mode: path of a PGlite dump of the migrated template with the example story seeded; null with DATABASE_URL. */
    seededDump: string | null;
    /** Server mode: name of a template database on the server with the example story seeded. */
    seededDatabase: string | null;
    /** Server mode: DATABASE_URL as given to the test run. */
    serverUrl: string | null;
    /** Both modes: a migrated embedded DATA_DIR, copied by tests/support/database.ts's migratedDataDir. */
    templateDataDir: string;
  }
}

/** Loads the example story into a migrated database by the seed's own code (about 6 s of CPU). */
async function seed(url: string): Promise<void> {
  const database = await openDatabase({ kind: "server", url }, { migrate: false, maxConnections: 1 });
  try {
    await seedExampleStory(database.prisma);
  } finally {
    await database.close();
  }
}

/**
 * Migrates one template database per test run; every test file then copies it. The embedded one
 * is made once in a data directory, kept as the template for tests that give the CLI or the
 * server a DATA_DIR of their own, and dumped before and after migrating for in-memory databases
 * (PGlite's initdb alone costs about 6 s of CPU, loading a dump about 1 s). A second template,
 * the migrated one with the example story seeded, serves `createTestDatabase({ exampleStory: true })`
 * in the run's mode: the seed costs about 6 s of CPU, once here instead of once per test file.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const templateDir = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-template-"));
  const templateDataDir = path.join(templateDir, "data");
  const embedded = await startEmbeddedPostgres({ dataDir: templateDataDir });
  const dumpTo = async (file: string) => {
    fs.writeFileSync(file, Buffer.from(await (await embedded.dump()).arrayBuffer()));
    return file;
  };
  const blankDump = await dumpTo(path.join(templateDir, "blank.tar"));
  await applyMigrations(embedded.url);
  const templateDump = await dumpTo(path.join(templateDir, "template.tar"));
  await embedded.stop();
  project.provide("templateDataDir", templateDataDir);
  project.provide("templateDump", templateDump);
  project.provide("blankDump", blankDump);
  const serverUrl = process.env.DATABASE_URL || null;
  const removeTemplate = () => fs.rmSync(templateDir, { recursive: true, force: true });
  if (serverUrl) {
    const templateDatabase = `copydesk_template_${process.pid}`;
    await withConnection(serverUrl, async (admin) => {
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(templateDatabase)} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${quoteIdentifier(templateDatabase)}`);
    });
    await applyMigrations(withDatabaseName(serverUrl, templateDatabase));
    const seededDatabase = `copydesk_seeded_${process.pid}`;
    await withConnection(serverUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(seededDatabase)} WITH (FORCE)`));
    await cloneTemplate(serverUrl, templateDatabase, seededDatabase);
    await seed(withDatabaseName(serverUrl, seededDatabase));
    project.provide("templateDatabase", templateDatabase);
    project.provide("seededDatabase", seededDatabase);
    project.provide("seededDump", null);
    project.provide("serverUrl", serverUrl);
    return async () => {
      await withConnection(serverUrl, async (cleanup) => {
        const leftovers = await cleanup.query<{ datname: string }>(
          "SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2 OR datname = $3",
          [`copydesk_test_${process.pid}_%`, templateDatabase, seededDatabase],
        );
        for (const { datname } of leftovers.rows) await cleanup.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(datname)} WITH (FORCE)`);
      });
      removeTemplate();
    };
  }
  // Seeded in memory from the migrated dump, so that the template DATA_DIR stays unseeded.
  const seeding = await startEmbeddedPostgres({ loadDataDir: new Blob([fs.readFileSync(templateDump)]) });
  try {
    await seed(seeding.url);
    fs.writeFileSync(path.join(templateDir, "seeded.tar"), Buffer.from(await (await seeding.dump()).arrayBuffer()));
  } finally {
    await seeding.stop();
  }
  project.provide("seededDump", path.join(templateDir, "seeded.tar"));
  project.provide("templateDatabase", null);
  project.provide("seededDatabase", null);
  project.provide("serverUrl", null);
  return async () => removeTemplate();
}
