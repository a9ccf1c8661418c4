import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateCorpus, type CorpusSummary } from "../../src/seed/corpus.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { operationsOn, pageThrough, type Page } from "../support/graphql.js";

// The read API on the default generated corpus (2,000 articles, 200 people, 10,000 quotes,
// 1,000 incidents, 5,000 annotations) next to the example story: every root query answers, the
// statement counts hold at full page sizes, and paging visits every row once.

const GENERATION_TIMEOUT_MS = 240_000;

let db: TestDatabase;
let corpus: CorpusSummary;

const { run, runOk } = operationsOn(() => db);

beforeAll(async () => {
  db = await createTestDatabase();
  await seedExampleStory(db.prisma);
  corpus = await generateCorpus(db.prisma);
}, GENERATION_TIMEOUT_MS);

afterAll(async () => {
  await db.close();
});

describe("the read API on the generated corpus", () => {
  it("holds the corpus the issue asks for", () => {
    expect(corpus.counts.articles).toBeGreaterThanOrEqual(2_000);
    expect(corpus.counts.people).toBeGreaterThanOrEqual(200);
    expect(corpus.counts.quotes).toBeGreaterThanOrEqual(10_000);
    expect(corpus.counts.incidents).toBeGreaterThanOrEqual(1_000);
  });

  it("answers every query of the README's First queries", async () => {
    const readme = fs.readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
    const start = readme.indexOf("## First queries");
    const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
    const blocks = [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");
    expect(blocks.length).toBeGreaterThan(5);
    for (const block of blocks) await runOk(/^# role: REPORTER/m.test(block) ? "REPORTER" : "VIEWER", block);
  });

  it("answers every root query with filters, at the largest page size", async () => {
    await runOk(
      "REPORTER",
      `{
        articles(first: 100, filter: { search: "minister", status: [PUBLISHED, CORRECTED] }, orderBy: { field: UPDATED_AT, direction: DESC }) { totalCount edges { node { slug } } }
        quotes(first: 100, filter: { verification: [UNVERIFIED, DISPUTED], medium: [STATEMENT, TWEET] }, orderBy: { field: POSITION, direction: ASC }) { totalCount edges { node { text } } }
        people(first: 100, filter: { kind: ANONYMOUS }) { totalCount edges { node { name quoteCount } } }
        incidents(first: 100, filter: { minFatalities: 1 }, orderBy: { field: FATALITIES, direction: DESC }) { totalCount edges { node { fatalities { min max } } } }
        organizations(first: 100) { totalCount edges { node { name } } }
        places(first: 100) { totalCount edges { node { name coordinates { latitude } } } }
        annotations(first: 100, filter: { status: OPEN }) { totalCount edges { node { motivation author { name } } } }
        auditEvents(first: 100) { totalCount edges { node { action actor { name } } } }
        search(query: "said officials", first: 100) { totalCount edges { node { rank snippet } } }
        quoteCountsBySpeaker(first: 100) { quotes person { name } }
        incidentsByMonth(filter: { dates: { from: "2016-01-01", to: "2020-12-31" } }) { month incidents }
        incidentsByPlace(first: 100) { incidents place { name } }
        annotationQueueCounts { status motivation count }
        quoteVerificationCounts { status count }
      }`,
    );
  });

  it("sends the same few statements for the nested dashboard query at 5, 50 and 100 articles", async () => {
    const dashboard = `query($first: Int) { articles(first: $first) { totalCount edges { node { slug
      quotes(first: 5) { totalCount edges { node { text speaker { name } } } }
      incidents { edges { node { type place { name } } } } } } } }`;
    const counts: number[] = [];
    for (const first of [5, 50, 100]) {
      const result = await run("VIEWER", dashboard, { first });
      expect(result.errors).toBeUndefined();
      counts.push(result.statements.length);
    }
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBeLessThanOrEqual(7); // 5 for the rows, 2 for the two totalCounts
  });

  it("pages through every incident of 2018 once", async () => {
    const query = `query($after: String) { incidents(filter: { from: "2018-01-01", to: "2018-12-31" }, orderBy: { field: DATE, direction: ASC }, first: 100, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
    const paged = await pageThrough(async (after) => (await runOk<{ incidents: Page<{ id: string }> }>("VIEWER", query, { after })).incidents, { maxPages: 50 });
    const seen = new Set(paged.nodes.map((node) => node.id));
    const total = paged.totalCount;
    expect(total).toBeGreaterThan(100);
    expect(seen.size).toBe(total);
  });
});
