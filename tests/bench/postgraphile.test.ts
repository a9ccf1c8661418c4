import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startL1, type L1Server } from "../../bench/baselines/l1.js";
import { compareRead, dataOf, sendOnce } from "../../bench/harness/answers.js";
import type { Tokens } from "../../bench/harness/load.js";
import { createPeerViews, peerCommand, peerInstalled } from "../../bench/harness/peer.js";
import { listeningLine, startServer, type ServerProcess } from "../../bench/harness/processes.js";
import { q2Operation } from "../../bench/harness/workloads.js";
import { issueToken } from "../../src/domain/auth/tokens.js";
import { generateCorpus } from "../../src/seed/corpus.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { startTestServer, type TestServer } from "../support/server.js";

// The benchmark's peer, PostGraphile over bench/peer/views.sql, must answer Q2 exactly as
// copydesk does, or copydesk/PostGraphile compares different work. The harness checks this
// before timing; this test checks it on a small corpus, and that the views keep hiding what
// copydesk hides. The peer is a package of its own with its own Node 22, which CI does not
// install, and it runs over the PostgreSQL server only, as in the harness.

const skipReason = !peerInstalled()
  ? "the peer is not installed: npm ci --prefix bench/peer"
  : !process.env["DATABASE_URL"]
    ? "the peer runs over a PostgreSQL server only: set DATABASE_URL"
    : null;
if (skipReason) console.warn(`tests/bench/postgraphile.test.ts is skipped: ${skipReason}`);

const ARTICLES = 200;
let db: TestDatabase;
let copydesk: TestServer;
let l1: L1Server;
let peer: ServerProcess;
let tokens: Tokens;
let logDir: string;

type Dashboard = { articles: { edges: { node: { slug: string; quotes: { edges: unknown[] }; incidents: { edges: unknown[] } } }[] } };

describe.skipIf(skipReason !== null)(`the PostGraphile peer${skipReason ? ` (skipped: ${skipReason})` : ""}`, () => {
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedExampleStory(db.prisma);
    await generateCorpus(db.prisma, { articles: ARTICLES });
    const viewer = (await issueToken(db.prisma, { userName: "bench viewer", role: "VIEWER", tokenName: "bench" })).token;
    tokens = { viewer, editor: viewer };
    copydesk = await startTestServer(db);
    l1 = await startL1(db.url, 2);
    await createPeerViews(db.url);
    logDir = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-peer-test-"));
    const { NODE_OPTIONS: _notForNode22, ...inherited } = process.env;
    peer = await startServer({
      name: "PostGraphile",
      core: null,
      command: peerCommand(),
      env: { ...inherited, NODE_ENV: "production", GRAPHILE_ENV: "production", DATABASE_URL: db.url, POOL_SIZE: "2" },
      logFile: path.join(logDir, "postgraphile.log"),
      ready: listeningLine,
    });
  }, 180_000);

  afterAll(async () => {
    await peer?.stop();
    await l1?.close();
    await copydesk?.close();
    await db?.close();
    if (logDir) fs.rmSync(logDir, { recursive: true, force: true });
  });

  it("gives copydesk's Q2 answer (articles, quotes with speakers, incidents with places, in order) at page sizes 1, 20 and 100", async () => {
    for (const first of [1, 20, 100]) {
      const text = await compareRead(copydesk.baseUrl, l1.url, q2Operation(first), tokens, peer.url);
      const data = JSON.parse(text) as { data: Dashboard };
      expect(data.data.articles.edges, `first ${first}`).toHaveLength(first);
    }
    // Not an empty answer that would agree trivially: quotes and incidents are there.
    const page = (await dataOf("Q2", await sendOnce(peer.url, "PostGraphile", q2Operation(100), tokens), "PostGraphile")) as Dashboard;
    expect(page.articles.edges.some(({ node }) => node.quotes.edges.length === 5)).toBe(true);
    expect(page.articles.edges.some(({ node }) => node.incidents.edges.length > 0)).toBe(true);
  });

  it("computes displayTitle as copydesk does: trimmed headline, else the body's first line, collapsed and cut at a space", async () => {
    const longLine = `${"Officials said the talks would resume ".repeat(5)}next week`;
    const stories = [
      { headline: "  A headline with spaces around \t", body: "Body." },
      { headline: "   ", body: "A blank headline gives the body's line.\nNot this one." },
      { headline: null, body: "\n\n  First   line\twith  tabs  \nSecond line" },
      { headline: null, body: `${longLine}\nSecond line` },
      { headline: null, body: `${"x".repeat(200)} and more` },
      // The edges of the rule: a space as the cut's last character, a line of exactly 120.
      { headline: null, body: `${"a".repeat(118)} ${"b".repeat(20)}` },
      { headline: null, body: `${"c".repeat(60)} ${"d".repeat(59)}` },
    ];
    // Newer than the corpus, so that they lead Q2's page.
    const publishedAt = new Date(Date.now() + 86_400_000);
    for (const [index, story] of stories.entries()) {
      await db.prisma.article.create({ data: { slug: `peer-title-${index}`, ...story, bodyHash: `peer-title-${index}`, status: "PUBLISHED", publishedAt } });
    }
    await compareRead(copydesk.baseUrl, l1.url, q2Operation(20), tokens, peer.url);
    const page = (await dataOf("Q2", await sendOnce(peer.url, "PostGraphile", q2Operation(stories.length), tokens), "PostGraphile")) as { articles: { edges: { node: { displayTitle: string } }[] } };
    expect(page.articles.edges.map(({ node }) => node.displayTitle).sort()).toEqual(
      ["A headline with spaces around", "A blank headline gives the body's line.", "First line with tabs ", `${longLine.slice(0, 119).slice(0, longLine.slice(0, 119).lastIndexOf(" "))}…`, "x…", `${"a".repeat(118)}…`, `${"c".repeat(60)} ${"d".repeat(59)}`].sort(),
    );
  });

  it("fails the comparison when the peer's answer differs", async () => {
    // copydesk is asked for 20 articles, PostGraphile for 19.
    const mismatched = { ...q2Operation(20), postgraphile: q2Operation(19).postgraphile };
    await expect(compareRead(copydesk.baseUrl, l1.url, mismatched, tokens, peer.url)).rejects.toThrow(/copydesk and PostGraphile disagree at \$\.articles\.edges/);
  });

  it("keeps hiding what copydesk hides: a deleted article, a rejected quote, a pending mention, a merged incident", async () => {
    const newest = await db.prisma.article.findFirstOrThrow({ where: { deletedAt: null, status: "PUBLISHED" }, orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }] });
    const quoted = await db.prisma.quote.findFirstOrThrow({ where: { deletedAt: null, reviewStatus: "ACCEPTED", article: { deletedAt: null, status: "PUBLISHED", id: { not: newest.id } } }, orderBy: { id: "asc" } });
    const mentions = await db.prisma.incidentMention.findMany({ where: { reviewStatus: "ACCEPTED", article: { status: "PUBLISHED", id: { not: newest.id } } }, orderBy: { id: "asc" }, take: 2 });
    const [pending, ofMerged] = mentions;
    if (!pending || !ofMerged) throw new Error("the corpus has fewer than two incident mentions in published articles");
    await db.prisma.article.update({ where: { id: newest.id }, data: { deletedAt: new Date() } });
    await db.prisma.quote.update({ where: { id: quoted.id }, data: { reviewStatus: "REJECTED" } });
    await db.prisma.incidentMention.update({ where: { id: pending.id }, data: { reviewStatus: "PENDING" } });
    if (ofMerged.incidentId !== pending.incidentId) {
      await db.prisma.incident.update({ where: { id: ofMerged.incidentId }, data: { mergedIntoId: pending.incidentId } });
    }

    await compareRead(copydesk.baseUrl, l1.url, q2Operation(100), tokens, peer.url);
    const page = (await dataOf("Q2", await sendOnce(peer.url, "PostGraphile", q2Operation(100), tokens), "PostGraphile")) as Dashboard;
    expect(page.articles.edges.map(({ node }) => node.slug)).not.toContain(newest.slug);
  });
});
