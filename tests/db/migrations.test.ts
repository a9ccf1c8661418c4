import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR } from "../../src/db/migrate.js";
import { createEmptyDatabase } from "../support/database.js";

const migrationNames = fs
  .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe("migrations from an empty database", () => {
  let database: { url: string; drop: () => Promise<void> };
  let client: pg.Client;

  beforeAll(async () => {
    database = await createEmptyDatabase();
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });
  afterAll(async () => {
    await client.end();
    await database.drop();
  });

  it("applies every migration once, then finds nothing to do", async () => {
    expect(await applyMigrations(database.url)).toEqual(migrationNames);
    expect(await applyMigrations(database.url)).toEqual([]);
  });

  it("records them in Prisma's own format, so `prisma migrate deploy` agrees", async () => {
    const rows = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.rows.map((row) => row.migration_name)).toEqual(migrationNames);
    for (const row of rows.rows) {
      const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
    }
  });

  it("creates every table of the data model", async () => {
    const tables = await client.query<{ table_name: string }>(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(tables.rows.map((row) => row.table_name)).toEqual(
      [
        "Annotation", "ApiToken", "Article", "ArticleRevision", "AuditEvent", "ClaimReview", "Correction",
        "EntityMention", "IdempotencyKey", "Incident", "IncidentMention", "Organization", "Person",
        "PersonAlias", "PersonRole", "Place", "Quote", "QuoteLink", "User", "_prisma_migrations",
      ].sort(),
    );
  });

  it("keeps the full-text vectors up to date with weights for the headline over the body", async () => {
    await client.query(
      `INSERT INTO "Article" (id, slug, headline, body, "bodyHash", "updatedAt")
       VALUES ('0190a000-0000-7000-8000-000000000001', 'fts', 'Rocket attack', 'Quiet day in Basra', 'x', now())`,
    );
    const hit = await client.query<{ rank: number }>(
      `SELECT ts_rank("searchVector", websearch_to_tsquery('english', 'rocket')) AS rank FROM "Article" WHERE slug = 'fts'`,
    );
    const bodyHit = await client.query<{ rank: number }>(
      `SELECT ts_rank("searchVector", websearch_to_tsquery('english', 'basra')) AS rank FROM "Article" WHERE slug = 'fts'`,
    );
    expect(hit.rows[0]!.rank).toBeGreaterThan(bodyHit.rows[0]!.rank);
    expect(bodyHit.rows[0]!.rank).toBeGreaterThan(0);
    await client.query(`UPDATE "Article" SET body = 'Protest in Baghdad' WHERE slug = 'fts'`);
    const updated = await client.query<{ matches: boolean }>(
      `SELECT "searchVector" @@ websearch_to_tsquery('english', 'baghdad') AS matches FROM "Article" WHERE slug = 'fts'`,
    );
    expect(updated.rows[0]!.matches).toBe(true);
  });
});

// PostgreSQL servers only: PGlite serves every connection from one session, where advisory
// locks are re-entrant, so nothing can hold the lock against the engine there.
describe.skipIf(!inject("serverUrl"))("migrating while another migrator holds Prisma's lock", () => {
  it("waits for the lock instead of failing after the engine's 10 s", async () => {
    const database = await createEmptyDatabase();
    const holder = new pg.Client({ connectionString: database.url });
    await holder.connect();
    try {
      // The key Prisma's schema engine locks on (server-wide, whatever the database).
      await holder.query("SELECT pg_advisory_lock(72707369)");
      const release = setTimeout(() => void holder.query("SELECT pg_advisory_unlock(72707369)"), 12_000);
      const started = Date.now();
      const applied = await applyMigrations(database.url);
      clearTimeout(release);
      expect(applied).toEqual(migrationNames);
      expect(Date.now() - started).toBeGreaterThanOrEqual(11_000);
    } finally {
      await holder.end();
      await database.drop();
    }
  });
});
