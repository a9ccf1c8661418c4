import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startL1, type L1Server } from "../../bench/baselines/l1.js";
import { compareEdit, compareRead, findFixture, sendOnce } from "../../bench/harness/answers.js";
import type { Tokens } from "../../bench/harness/load.js";
import { operations, q2Operation, type Fixture } from "../../bench/harness/workloads.js";
import { EMBEDDED_POOL_SIZE } from "../../src/db/embedded.js";
import { issueToken, revokeToken } from "../../src/domain/auth/tokens.js";
import { generateCorpus } from "../../src/seed/corpus.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { startTestServer, type TestServer } from "../support/server.js";

// The benchmark's L1 baseline must answer every workload exactly as copydesk does, or the
// copydesk/L1 ratios compare different work. The harness checks this before timing; this test
// checks it on a small corpus on every test run, so a change to copydesk's orderings or
// visibility rules that L1 does not follow fails here rather than in a 13-minute benchmark.

const ARTICLES = 200;
let db: TestDatabase;
let copydesk: TestServer;
let l1: L1Server;
let tokens: Tokens;
let fixture: Fixture;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedExampleStory(db.prisma);
  await generateCorpus(db.prisma, { articles: ARTICLES });
  tokens = {
    viewer: (await issueToken(db.prisma, { userName: "bench viewer", role: "VIEWER", tokenName: "bench" })).token,
    editor: (await issueToken(db.prisma, { userName: "bench editor", role: "EDITOR", tokenName: "bench" })).token,
  };
  copydesk = await startTestServer(db);
  l1 = await startL1(db.url, db.kind === "embedded" ? EMBEDDED_POOL_SIZE : 2);
  fixture = await findFixture(copydesk.baseUrl, tokens, ARTICLES, 2);
}, 120_000);

afterAll(async () => {
  await l1?.close();
  await copydesk?.close();
  await db?.close();
});

describe("the L1 baseline", () => {
  it("gives copydesk's answers to every read workload, Q2 at every page size, Q3's two pages", async () => {
    const op = operations(fixture);
    for (const operation of [op.Q1, op.Q2, op.Q3p1, op.Q3p2, op.Q4, q2Operation(1), q2Operation(100)]) {
      const text = await compareRead(copydesk.baseUrl, l1.url, operation, tokens);
      expect(text.length, operation.name).toBeGreaterThan(50);
    }
  });

  it("gives copydesk's Q2 answer from L2 in one SQL statement per request, at every page size", async () => {
    const stats = async () => (await (await fetch(`${l1.url}/stats`)).json()) as { requests: number; statements: number };
    for (const first of [1, 20, 100]) {
      const operation = q2Operation(first);
      const before = await stats();
      const answer = await sendOnce(l1.url, "L2", operation, tokens);
      const after = await stats();
      expect(answer.status).toBe(200);
      // The token was looked up by compareRead's requests already and is cached: only L2's statement counts.
      expect(after.statements - before.statements, `first ${first}`).toBe(1);
      const fromCopydesk = JSON.parse((await sendOnce(copydesk.baseUrl, "copydesk", operation, tokens)).text) as { data: unknown };
      expect(JSON.parse(answer.text)).toEqual(fromCopydesk.data);
    }
  });

  it("fails the comparison when L2's answer differs", async () => {
    // copydesk is asked for 20 articles, L2 for 19.
    const mismatched = { ...q2Operation(20), l2: q2Operation(19).l2 };
    await expect(compareRead(copydesk.baseUrl, l1.url, mismatched, tokens)).rejects.toThrow(/copydesk and L2 disagree at \$\.articles\.edges/);
  });

  it("makes the same edit with the same answer, and refuses a stale version like copydesk", async () => {
    const op = operations(fixture);
    const lease = { ...(fixture.editable[0] as Fixture["editable"][number]) };
    const before = lease.version;
    await compareEdit(copydesk.baseUrl, l1.url, op.M1, tokens, lease);
    expect(lease.version).toBe(before + 2);
    const audit = await db.prisma.auditEvent.findMany({ where: { action: "article.update" }, orderBy: { id: "asc" } });
    expect(audit.slice(-2).map((event) => [event.actorId !== null, (event.after as { version: number }).version])).toEqual([
      [true, before + 1],
      [true, before + 2],
    ]);
    const stale = { ...lease, version: before };
    const fromCopydesk = JSON.parse((await sendOnce(copydesk.baseUrl, "copydesk", op.M1, tokens, stale)).text) as { data: unknown };
    const fromL1 = JSON.parse((await sendOnce(l1.url, "L1", op.M1, tokens, stale)).text) as unknown;
    expect(fromL1).toEqual(fromCopydesk.data);
    expect(fromL1).toEqual({ updateArticle: { article: null, errors: [{ code: "VERSION_CONFLICT" }] } });
  });

  it("fails the comparison when the answers differ", async () => {
    const op = operations(fixture);
    const otherSlug = operations({ ...fixture, slug: "no-such-article" }).Q1;
    // copydesk is asked for the example story, L1 for an article that does not exist.
    const mismatched = { ...op.Q1, l1: otherSlug.l1 };
    await expect(compareRead(copydesk.baseUrl, l1.url, mismatched, tokens)).rejects.toThrow(/disagree at \$\.article/);
  });

  it("refuses a revoked token, as copydesk does", async () => {
    const issued = await issueToken(db.prisma, { userName: "bench revoked", role: "VIEWER", tokenName: "revoked" });
    await revokeToken(db.prisma, issued.record.id);
    const op = operations(fixture);
    const revoked = { ...tokens, viewer: issued.token };
    expect((await sendOnce(copydesk.baseUrl, "copydesk", op.Q1, revoked)).status).toBe(401);
    expect((await sendOnce(l1.url, "L1", op.Q1, revoked)).status).toBe(401);
  });
});
