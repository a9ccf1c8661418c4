import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmptyDatabase, createTestDatabase, type TestDatabase } from "../support/database.js";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const prismaCli = path.join(root, "node_modules", "prisma", "build", "index.js");
/** Bound on one CLI run against a hang (not a speed requirement). */
const CLI_TIMEOUT_MS = 150_000;
/**
 * The migrate dev case runs the CLI twice after opening an empty database: its own bound must
 * cover both runs, or a loaded machine fails it at the suite's 180 s though neither run hung
 * (seen at load 30 on 2 cores).
 */
const TWO_RUNS_TIMEOUT_MS = 2 * CLI_TIMEOUT_MS + 120_000;

/**
 * The Prisma CLI on a machine that cannot download Prisma's native schema engine: the project's
 * prisma.config.ts must route it to the WebAssembly engine (COPYDESK_SCHEMA_ENGINE=wasm forces
 * that route even where a native engine happens to be installed).
 */
async function prisma(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  const { PRISMA_SCHEMA_ENGINE_BINARY: _ignored, ...inherited } = process.env;
  try {
    const { stdout, stderr } = await run(process.execPath, [prismaCli, ...args], {
      cwd: root,
      env: { ...inherited, COPYDESK_SCHEMA_ENGINE: "wasm", PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1", ...env },
      timeout: CLI_TIMEOUT_MS,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? 1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

describe("the Prisma CLI works offline through the WebAssembly schema engine", () => {
  let db: TestDatabase;
  let shadow: { url: string; drop: () => Promise<void> } | undefined;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    db = await createTestDatabase();
    if (db.kind === "embedded") shadow = await createEmptyDatabase();
    env = { DATABASE_URL: db.url, ...(shadow ? { SHADOW_DATABASE_URL: shadow.url } : {}) };
  });
  afterAll(async () => {
    await db.close();
    await shadow?.drop();
  });

  it("prisma --version", async () => {
    const result = await prisma(["--version"], env);
    expect(result.stderr).not.toMatch(/binaries\.prisma\.sh|ENOTFOUND/);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/prisma\s+: 7\./);
  });

  it("prisma migrate status reports the migrated database as up to date", async () => {
    const result = await prisma(["migrate", "status"], env);
    expect(result.stdout).toContain("Database schema is up to date!");
    expect(result.code).toBe(0);
  });

  it("prisma migrate deploy has nothing left to apply", async () => {
    const result = await prisma(["migrate", "deploy"], env);
    expect(result.stdout).toMatch(/No pending migrations to apply/);
    expect(result.code).toBe(0);
  });

  it("prisma migrate diff finds no drift between the migrations and schema.prisma", async () => {
    const result = await prisma(
      ["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--script", "--exit-code"],
      env,
    );
    expect(result.stdout).toContain("This is an empty migration.");
    expect(result.code).toBe(0);
  });

  it("prisma migrate diff prints the SQL of a schema change", async () => {
    const result = await prisma(["migrate", "diff", "--from-empty", "--to-schema", "prisma/schema.prisma", "--script"], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('CREATE TABLE "Article"');
  });

  it("answers an engine panic as an error with a non-zero exit, not a silent success", async () => {
    const result = await prisma(["migrate", "status"], { ...env, FORCE_PANIC_SCHEMA_ENGINE: "1" });
    expect(result.code).not.toBe(0);
    expect(`${result.stdout}${result.stderr}`).toMatch(/panicked/);
  });

  it("prisma migrate dev applies pending migrations to an empty database and finds it in sync", async () => {
    const empty = await createEmptyDatabase();
    try {
      const result = await prisma(["migrate", "dev", "--name", "should_not_be_created"], { ...env, DATABASE_URL: empty.url });
      expect(result.stdout).toContain("Your database is now in sync with your schema.");
      expect(result.code).toBe(0);
      const status = await prisma(["migrate", "status"], { ...env, DATABASE_URL: empty.url });
      expect(status.stdout).toContain("Database schema is up to date!");
    } finally {
      await empty.drop();
    }
  }, TWO_RUNS_TIMEOUT_MS);
});
