import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../../src/db/index.js";
import type { Role } from "../../src/generated/prisma/enums.js";
import { visibleArticles, visibleArticlesSql } from "../../src/domain/visibility/articles.js";
import { visibleIncidentMentions, visibleIncidentMentionsSql, visibleIncidents, visibleIncidentsSql } from "../../src/domain/visibility/incidents.js";
import { listedPeople, listedPeopleSql, visiblePeople, visiblePeopleSql } from "../../src/domain/visibility/people.js";
import { visibleQuoteSql, visibleQuotes, visibleQuotesSql } from "../../src/domain/visibility/quotes.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { bodyHash } from "../support/graphql.js";

// Full-text search and a few LATERAL queries are raw SQL, so each visibility rule exists twice:
// as a Prisma `where` and as SQL. This test pins that both select the same rows for every role,
// on data that exercises every branch (drafts, deleted rows, pending and rejected suggestions,
// merged records).

const ROLES: readonly Role[] = ["VIEWER", "REPORTER", "EDITOR", "ADMIN"];

let db: TestDatabase;
/** The example story's quotes: as many as ingest found (tests/db/seed.test.ts checks them against the answer key). */
let storyQuotes: number;

beforeAll(async () => {
  db = await createTestDatabase({ exampleStory: true });
  await seedExampleStory(db.prisma);
  storyQuotes = await db.prisma.quote.count();
  const statuses = ["DRAFT", "IN_REVIEW", "PUBLISHED", "CORRECTED", "RETRACTED"] as const;
  for (const [index, status] of statuses.entries()) {
    for (const deleted of [false, true]) {
      const body = `Visibility case ${index} ${deleted ? "deleted" : "kept"}: officials said the port reopened.`;
      const article = await db.prisma.article.create({
        data: { slug: `visibility-${index}-${deleted}`, body, bodyHash: bodyHash(body), status, deletedAt: deleted ? new Date() : null },
      });
      for (const reviewStatus of ["ACCEPTED", "PENDING", "REJECTED"] as const) {
        await db.prisma.quote.create({
          data: { articleId: article.id, text: "the port reopened", start: body.indexOf("the port"), end: body.indexOf("the port") + 17, kind: "INDIRECT", reviewStatus, origin: "MACHINE" },
        });
      }
    }
  }
  const target = await db.prisma.person.findFirstOrThrow({ where: { name: "Mike Pompeo" } });
  await db.prisma.person.create({ data: { name: "Pompeo", mergedIntoId: target.id } });
  await db.prisma.person.create({ data: { name: "Suggested official", reviewStatus: "PENDING", origin: "MACHINE" } });
  await db.prisma.person.create({ data: { name: "Rejected official", reviewStatus: "REJECTED", origin: "MACHINE" } });
  await db.prisma.person.create({ data: { name: "Deleted official", deletedAt: new Date() } });
  const incident = await db.prisma.incident.findFirstOrThrow();
  await db.prisma.incident.create({ data: { type: "attack", summary: "duplicate", mergedIntoId: incident.id } });
  await db.prisma.incident.create({ data: { type: "protest", summary: "suggested", reviewStatus: "PENDING", origin: "MACHINE" } });
  await db.prisma.incident.create({ data: { type: "riot", summary: "rejected", reviewStatus: "REJECTED", origin: "MACHINE" } });
  // Spans reporting the incident in every case article, in each review status.
  const cases = await db.prisma.article.findMany({ where: { slug: { startsWith: "visibility-" } }, orderBy: { slug: "asc" } });
  for (const [index, article] of cases.entries()) {
    const reviewStatus = (["ACCEPTED", "PENDING", "REJECTED"] as const)[index % 3];
    await db.prisma.incidentMention.create({ data: { incidentId: incident.id, articleId: article.id, start: 0, end: 10, exact: article.body.slice(0, 10), reviewStatus } });
  }
  // Issue 21: people and incidents only a draft refers to, or nothing at all, are not public.
  const draft = await db.prisma.article.findUniqueOrThrow({ where: { slug: "visibility-0-false" } });
  const draftOnly = await db.prisma.person.create({ data: { name: "Draft-only official" } });
  await db.prisma.quote.create({ data: { articleId: draft.id, speakerId: draftOnly.id, text: "the port reopened", start: 0, end: 5, kind: "INDIRECT" } });
  await db.prisma.entityMention.create({ data: { articleId: draft.id, entityType: "PERSON", personId: draftOnly.id, start: 0, end: 5, exact: "Visib" } });
  await db.prisma.person.create({ data: { name: "Unreferenced official" } });
  const draftIncident = await db.prisma.incident.create({ data: { type: "protest", summary: "reported in a draft only" } });
  await db.prisma.incidentMention.create({ data: { incidentId: draftIncident.id, articleId: draft.id, start: 0, end: 5, exact: "Visib" } });
  await db.prisma.incident.create({ data: { type: "protest", summary: "reported nowhere" } });
});

afterAll(async () => {
  await db.close();
});

async function sqlIds(query: Prisma.Sql): Promise<string[]> {
  const rows = await db.prisma.$queryRaw<{ id: string }[]>(query);
  return rows.map((row) => row.id).sort();
}

describe.each(ROLES)("the SQL and Prisma visibility rules agree for a %s", (role) => {
  const viewer = { role, userId: null, tokenId: null };

  it("on articles", async () => {
    const prismaIds = (await db.prisma.article.findMany({ where: visibleArticles(viewer), select: { id: true } })).map((row) => row.id).sort();
    expect(await sqlIds(Prisma.sql`SELECT a."id"::text AS id FROM "Article" a WHERE ${visibleArticlesSql(viewer, "a")}`)).toEqual(prismaIds);
    expect(prismaIds.length).toBe(role === "VIEWER" ? 4 : 6);
  });

  it("on quotes", async () => {
    const prismaIds = (await db.prisma.quote.findMany({ where: visibleQuotes(viewer), select: { id: true } })).map((row) => row.id).sort();
    const sql = Prisma.sql`SELECT q."id"::text AS id FROM "Quote" q JOIN "Article" a ON a."id" = q."articleId" WHERE ${visibleQuotesSql(viewer, "q", "a")}`;
    expect(await sqlIds(sql)).toEqual(prismaIds);
    // The form that reads one quote alone (the change ritual's), its article looked up.
    expect(await sqlIds(Prisma.sql`SELECT q."id"::text AS id FROM "Quote" q WHERE ${visibleQuoteSql(viewer, "q")}`)).toEqual(prismaIds);
    // Reporters and above also see the draft-only official's quote.
    expect(prismaIds.length).toBe(role === "VIEWER" ? storyQuotes + 3 : storyQuotes + 5 * 2 + 1);
  });

  it("on people and incidents", async () => {
    const people = (await db.prisma.person.findMany({ where: listedPeople(viewer), select: { id: true } })).map((row) => row.id).sort();
    expect(await sqlIds(Prisma.sql`SELECT p."id"::text AS id FROM "Person" p WHERE ${listedPeopleSql(viewer, "p")}`)).toEqual(people);
    expect(people.length).toBe(role === "VIEWER" ? 4 : 7);
    const incidents = (await db.prisma.incident.findMany({ where: visibleIncidents(viewer), select: { id: true } })).map((row) => row.id).sort();
    expect(await sqlIds(Prisma.sql`SELECT i."id"::text AS id FROM "Incident" i WHERE ${visibleIncidentsSql(viewer, "i")}`)).toEqual(incidents);
    expect(incidents.length).toBe(role === "VIEWER" ? 6 : 9);
  });

  it("on people by id and on the spans that report incidents (the read planner's rules)", async () => {
    const people = (await db.prisma.person.findMany({ where: visiblePeople(viewer), select: { id: true } })).map((row) => row.id).sort();
    expect(await sqlIds(Prisma.sql`SELECT p."id"::text AS id FROM "Person" p WHERE ${visiblePeopleSql(viewer, "p")}`)).toEqual(people);
    // Merged records stay visible by id: one more than the listed ones.
    expect(people.length).toBe(role === "VIEWER" ? 5 : 8);
    const mentions = (await db.prisma.incidentMention.findMany({ where: visibleIncidentMentions(viewer), select: { id: true } })).map((row) => row.id).sort();
    const sql = Prisma.sql`SELECT m."id"::text AS id FROM "IncidentMention" m JOIN "Article" a ON a."id" = m."articleId" WHERE ${visibleIncidentMentionsSql(viewer, "m", "a")}`;
    expect(await sqlIds(sql)).toEqual(mentions);
    const all = await db.prisma.incidentMention.count();
    // No role sees the spans of deleted articles or rejected suggestions.
    expect(mentions.length).toBeLessThan(all);
  });
});
