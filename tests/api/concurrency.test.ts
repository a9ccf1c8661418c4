import { expect, it } from "vitest";
import { createTestDatabase } from "../support/database.js";
import { toGlobalId } from "../../src/graphql/ids.js";
import { ingestArticle } from "../../src/domain/ingest/ingest.js";
import { createViewer, executeAsViewer } from "../support/viewers.js";

// Regression: pglite-socket multiplexes its connections message by message, so with a pool of
// several connections, two opposite mergeIncidents at once (transactions, then loader reads)
// failed about half the rounds on PGlite with "08P01 bind message supplies 4 parameters, but
// prepared statement "" requires 3" or read another request's rows. The embedded database now
// gets a pool of one connection (EMBEDDED_POOL_SIZE). On PostgreSQL this never failed.
const MERGE = `mutation ($input: MergeIncidentsInput!) {
  mergeIncidents(input: $input) {
    incident { id place { name } mentions(first: 100) { totalCount edges { node { span { start end } article { slug } } } } }
    source { id version mergedInto { id } }
    errors { code }
  }
}`;

it("answers concurrent transactional mutations and their reads without mixing statements", async () => {
  const db = await createTestDatabase();
  const editor = await createViewer(db, "EDITOR");
  const errors: string[] = [];
  for (let round = 0; round < 30; round++) {
    const a = await db.prisma.incident.create({ data: { type: "attack", summary: "A" } });
    const b = await db.prisma.incident.create({ data: { type: "attack", summary: "B" } });
    const results = await Promise.all([
      executeAsViewer(db, editor, MERGE, { input: { sourceId: toGlobalId("Incident", a.id), targetId: toGlobalId("Incident", b.id), expectedSourceVersion: 1, expectedTargetVersion: 1 } }),
      executeAsViewer(db, editor, MERGE, { input: { sourceId: toGlobalId("Incident", b.id), targetId: toGlobalId("Incident", a.id), expectedSourceVersion: 1, expectedTargetVersion: 1 } }),
    ]);
    for (const r of results) for (const e of r.errors ?? []) errors.push(e.message.slice(-200));
  }
  await db.close();
  expect(errors).toEqual([]);
});

const ACCEPT_ALL = `mutation ($input: AcceptAllAboveInput!) { acceptAllAbove(input: $input) { acceptedCount errors { code } } }`;
const STORY = [
  "Mayor promises to rebuild the bridge",
  "Mayor Lena Ortiz said on Monday that the city would rebuild the Harbor Bridge by spring.",
  "\u201cWe will rebuild it stone by stone,\u201d Ortiz told reporters. \u201cNobody will be left without a crossing.\u201d",
  "Transport Minister Paul Brandt said the government would pay half of the cost.",
].join("\n");

it("gives concurrent acceptAllAbove calls on one article each suggestion once: no two audit events list the same record", async () => {
  const db = await createTestDatabase();
  const editor = await createViewer(db, "EDITOR");
  const { article } = await ingestArticle({ prisma: db.prisma, viewer: editor, requestId: "test-request", live: null }, { text: STORY, slug: "harbor-bridge" });
  const pendingBefore = await db.prisma.quote.count({ where: { articleId: article.id, reviewStatus: "PENDING" } });
  expect(pendingBefore).toBeGreaterThan(0);
  const input = { articleId: toGlobalId("Article", article.id), confidence: 0 };
  const results = await Promise.all([1, 2, 3].map(() => executeAsViewer<{ acceptAllAbove: { acceptedCount: number; errors: unknown[] } }>(db, editor, ACCEPT_ALL, { input })));
  expect(results.map((result) => result.errors)).toEqual([undefined, undefined, undefined]);
  const events = await db.prisma.auditEvent.findMany({ where: { action: "article.acceptSuggestions", targetId: article.id }, orderBy: { id: "asc" } });
  expect(events).toHaveLength(3);
  type Listed = { acceptedCount: number; quoteIds: string[]; personIds: string[]; incidentIds: string[]; incidentMentionIds: string[]; entityMentionIds: string[] };
  const listed = events.map((event) => event.after as Listed);
  const allIds = listed.flatMap((after) => [...after.quoteIds, ...after.personIds, ...after.incidentIds, ...after.incidentMentionIds, ...after.entityMentionIds]);
  expect(new Set(allIds).size).toBe(allIds.length);
  // Every listed id was accepted, the counts add up, and nothing is left pending.
  expect(listed.map((after) => after.acceptedCount).sort((a, b) => a - b)).toEqual([0, 0, allIds.length]);
  expect(results.map((result) => result.data?.acceptAllAbove.acceptedCount).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([0, 0, allIds.length]);
  const quoteIds = listed.flatMap((after) => after.quoteIds);
  expect(await db.prisma.quote.count({ where: { id: { in: quoteIds }, reviewStatus: "ACCEPTED" } })).toBe(pendingBefore);
  expect(await db.prisma.quote.count({ where: { articleId: article.id, reviewStatus: "PENDING" } })).toBe(0);
  await db.close();
});
