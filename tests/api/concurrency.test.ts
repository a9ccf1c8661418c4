import { expect, it } from "vitest";
import { createTestDatabase } from "../support/database.js";
import { toGlobalId } from "../../src/graphql/ids.js";
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
