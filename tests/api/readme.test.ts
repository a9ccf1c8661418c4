import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/generated/prisma/enums.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { operationsOn } from "../support/graphql.js";

// Every GraphQL block of the README's "First queries" section runs against the example story, so
// the README cannot go stale: no errors, and every root field answers something.

const readme = fs.readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
const section = readme.slice(readme.indexOf("## First queries"), readme.indexOf("\n## ", readme.indexOf("## First queries") + 1));
const blocks = [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");

function roleOf(block: string): Role {
  const role = /^# role: (\w+)/m.exec(block)?.[1];
  return (role as Role | undefined) ?? "VIEWER";
}

function nameOf(block: string): string {
  return /query (\w+)/.exec(block)?.[1] ?? "anonymous";
}

describe("the README's first queries", () => {
  let db: TestDatabase;
  const { run, runOk } = operationsOn(() => db);
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedExampleStory(db.prisma);
  });
  afterAll(async () => {
    await db.close();
  });

  it("are there", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(7);
  });

  it.each(blocks.map((block) => [nameOf(block), block] as const))("%s answers on the example story", async (_name, block) => {
    const data = await runOk(roleOf(block), block);
    for (const [field, value] of Object.entries(data ?? {})) {
      expect(value, field).not.toBeNull();
      if (Array.isArray(value)) expect(value.length, field).toBeGreaterThan(0);
    }
  });

  it("the dashboard query sends 5 SQL statements", async () => {
    const block = blocks.find((candidate) => nameOf(candidate) === "Dashboard");
    const result = await run("VIEWER", block ?? "");
    expect(result.statements).toHaveLength(5);
  });
});
