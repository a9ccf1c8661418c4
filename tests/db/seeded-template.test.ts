import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

// createTestDatabase({ exampleStory: true }) starts test files from the run's seeded template
// (tests/support/global-setup.ts) and they still call seedExampleStory for the story's ids: that
// call must return them and write nothing, or those files would see other rows than they used to.

/** Every table's rows as one hash per table (Prisma's migration log left out). */
async function contents(db: TestDatabase): Promise<Record<string, string>> {
  const tables = await db.prisma.$queryRaw<{ name: string }[]>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY table_name`;
  const hashes: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await db.prisma.$queryRawUnsafe<{ hash: string | null }[]>(
      `SELECT md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS hash FROM "${name.replaceAll('"', '""')}" t`,
    );
    hashes[name] = row?.hash ?? "empty";
  }
  return hashes;
}

describe("the run's seeded template", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase({ exampleStory: true });
  });
  afterAll(async () => {
    await db.close();
  });

  it("holds the example story, and seedExampleStory on it returns the story's id and writes nothing", async () => {
    const story = await db.prisma.article.findUniqueOrThrow({ where: { slug: "basra-consulate-2018" } });
    expect(story.status).toBe("PUBLISHED");
    expect(await db.prisma.auditEvent.count()).toBeGreaterThan(0);
    const before = await contents(db);
    expect(Object.keys(before).length).toBeGreaterThan(10);
    expect(await seedExampleStory(db.prisma)).toEqual({ articleId: story.id, created: false });
    expect(await contents(db)).toEqual(before);
  });

  it("leaves the plain template empty", async () => {
    const empty = await createTestDatabase();
    try {
      expect(await empty.prisma.article.count()).toBe(0);
    } finally {
      await empty.close();
    }
  });
});
