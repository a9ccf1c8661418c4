import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../src/db/embedded.js";
import { applyMigrations } from "../../src/db/migrate.js";
import { quoteIdentifier, withConnection, withDatabaseName } from "../../src/db/postgres-server.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** Embedded mode: path of a PGlite dump of a freshly migrated database. */
    templateDump: string | null;
    /** Server mode: name of a migrated template database on the DATABASE_URL server. */
    templateDatabase: string | null;
    /** Server mode: DATABASE_URL as given to the test run. */
    serverUrl: string | null;
  }
}

/** Migrates one template database per test run; every test file then copies it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.DATABASE_URL || null;
  if (serverUrl) {
    const templateDatabase = `copydesk_template_${process.pid}`;
    await withConnection(serverUrl, async (admin) => {
      await admin.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(templateDatabase)} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${quoteIdentifier(templateDatabase)}`);
    });
    await applyMigrations(withDatabaseName(serverUrl, templateDatabase));
    project.provide("templateDump", null);
    project.provide("templateDatabase", templateDatabase);
    project.provide("serverUrl", serverUrl);
    return async () => {
      await withConnection(serverUrl, async (cleanup) => {
        const leftovers = await cleanup.query<{ datname: string }>(
          "SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname = $2",
          [`copydesk_test_${process.pid}_%`, templateDatabase],
        );
        for (const { datname } of leftovers.rows) await cleanup.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(datname)} WITH (FORCE)`);
      });
    };
  }
  const embedded = await startEmbeddedPostgres();
  await applyMigrations(embedded.url);
  const dumpDir = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-template-"));
  const templateDump = path.join(dumpDir, "template.tar");
  fs.writeFileSync(templateDump, Buffer.from(await (await embedded.dump()).arrayBuffer()));
  await embedded.stop();
  project.provide("templateDump", templateDump);
  project.provide("templateDatabase", null);
  project.provide("serverUrl", null);
  return async () => {
    fs.rmSync(dumpDir, { recursive: true, force: true });
  };
}
