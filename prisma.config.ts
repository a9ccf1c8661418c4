/**
 * Prisma CLI configuration. Two things happen here that a newcomer should not have to know:
 *
 * 1. The database. With DATABASE_URL the CLI talks to that server. Without it, the CLI works on
 *    the same embedded PostgreSQL (PGlite in DATA_DIR) as `npm start`: if copydesk is running it
 *    connects to that process, otherwise it opens the directory itself for the command's duration.
 *    `migrate dev` and `migrate diff` also get an in-memory PGlite as their shadow database.
 * 2. The schema engine. Prisma normally downloads a native engine binary on first use, which an
 *    offline or air-gapped machine cannot do. When no native engine is installed, we point
 *    PRISMA_SCHEMA_ENGINE_BINARY at scripts/schema-engine.mjs, which speaks the engine's JSON-RPC
 *    protocol and runs the WebAssembly engine that npm ships (@prisma/schema-engine-wasm).
 */
import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { loadConfig } from "./src/config.ts";
import { startEmbeddedPostgres } from "./src/db/embedded.ts";
import { chooseSchemaEngine } from "./src/db/schema-engine/choose.ts";

const projectRoot = import.meta.dirname;
const engine = chooseSchemaEngine(projectRoot);
if (engine.kind === "wasm") process.env.PRISMA_SCHEMA_ENGINE_BINARY = engine.binary;

const config = loadConfig(process.env, projectRoot);
const command = process.argv.slice(2).filter((argument) => !argument.startsWith("-"));
const needsDatabase = command[0] === "migrate" || command[0] === "db";
const needsShadow = command[0] === "migrate" && (command[1] === "dev" || command[1] === "diff");

async function datasource(): Promise<{ url: string; shadowDatabaseUrl?: string } | undefined> {
  if (config.database.kind === "server") {
    // SHADOW_DATABASE_URL: optional; without it the engine creates (and drops) a shadow database
    // next to DATABASE_URL's for `migrate dev` and `migrate diff --from-migrations`.
    const shadow = process.env.SHADOW_DATABASE_URL;
    return { url: config.database.url, ...(shadow ? { shadowDatabaseUrl: shadow } : {}) };
  }
  if (!needsDatabase) return undefined;
  const main = await startEmbeddedPostgres({ dataDir: config.database.dataDir, keepProcessAlive: false });
  const shadow = needsShadow ? await startEmbeddedPostgres({ keepProcessAlive: false }) : undefined;
  // The CLI exits when its work is done; close PGlite cleanly first so the data directory is whole.
  process.once("beforeExit", () => {
    void Promise.all([main.stop(), shadow?.stop()]);
  });
  return { url: main.url, ...(shadow ? { shadowDatabaseUrl: shadow.url } : {}) };
}

const resolved = await datasource();
fs.mkdirSync(path.join(projectRoot, "prisma", "migrations"), { recursive: true });

export default defineConfig({
  schema: path.join(projectRoot, "prisma", "schema.prisma"),
  migrations: { path: path.join(projectRoot, "prisma", "migrations"), seed: "node dist/cli.js seed" },
  ...(resolved ? { datasource: resolved } : {}),
});
