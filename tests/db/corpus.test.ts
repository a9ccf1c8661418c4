import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CorpusExistsError, corpusSize, generateCorpus, type CorpusSummary } from "../../src/seed/corpus.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

const ARTICLES = 200;
const SEED = 42;

/** Every table the corpus writes, with how its rows are counted in the summary. */
const TABLES = {
  User: "users",
  Organization: "organizations",
  Place: "places",
  Person: "people",
  PersonAlias: "personAliases",
  PersonRole: "personRoles",
  Incident: "incidents",
  Article: "articles",
  ArticleRevision: "articleRevisions",
  Quote: "quotes",
  QuoteLink: "quoteLinks",
  IncidentMention: "incidentMentions",
  EntityMention: "entityMentions",
  Annotation: "annotations",
  Correction: "corrections",
  ClaimReview: "claimReviews",
  AuditEvent: "auditEvents",
} as const satisfies Record<string, keyof CorpusSummary["counts"]>;

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A digest of every row of every corpus table, as PostgreSQL prints them (ids, timestamps, vectors and all). */
async function tableDigests(db: TestDatabase): Promise<Record<string, { rows: number; digest: string }>> {
  const digests: Record<string, { rows: number; digest: string }> = {};
  for (const table of Object.keys(TABLES)) {
    const [row] = await db.prisma.$queryRawUnsafe<Array<{ rows: number; digest: string }>>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest FROM "${table}" t`,
    );
    if (row) digests[table] = row;
  }
  return digests;
}

describe("the generated corpus", () => {
  let db: TestDatabase;
  let twin: TestDatabase;
  let summary: CorpusSummary;

  beforeAll(async () => {
    [db, twin] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    summary = await generateCorpus(db.prisma, { articles: ARTICLES, seed: SEED });
  });
  afterAll(async () => {
    await Promise.all([db?.close(), twin?.close()]);
  });

  it("scales every count with the number of articles unless told otherwise", () => {
    expect(corpusSize()).toMatchObject({ articles: 2_000, people: 200, quotes: 10_000, incidents: 1_000, annotations: 5_000, claimReviews: 300, quoteLinks: 200 });
    expect(corpusSize({ articles: 100_000, quotes: 7 })).toMatchObject({ articles: 100_000, people: 10_000, quotes: 7, incidents: 50_000 });
    expect(() => corpusSize({ articles: 0 })).toThrow(RangeError);
    expect(() => corpusSize({ quotes: 1.5 })).toThrow(RangeError);
  });

  it("inserts exactly the requested articles, quotes, people, incidents and annotations, and reports every row", async () => {
    expect(summary.counts).toMatchObject({ articles: 200, quotes: 1_000, people: 20, incidents: 100, annotations: 500, users: 4 });
    const digests = await tableDigests(db);
    for (const [table, key] of Object.entries(TABLES)) expect({ table, rows: digests[table]?.rows }).toEqual({ table, rows: summary.counts[key] });

    expect(await db.prisma.person.count({ where: { kind: "ANONYMOUS" } })).toBe(3);
    expect(await db.prisma.person.count({ where: { kind: "ANONYMOUS", description: null } })).toBe(0);
    const roles = await db.prisma.user.findMany({ select: { name: true, role: true }, orderBy: { name: "asc" } });
    expect(roles).toEqual([
      { name: "corpus-admin", role: "ADMIN" },
      { name: "corpus-editor", role: "EDITOR" },
      { name: "corpus-reporter", role: "REPORTER" },
      { name: "corpus-viewer", role: "VIEWER" },
    ]);
    // Every incident is reported by one to three articles, and some by several.
    const reports = await db.prisma.incidentMention.groupBy({ by: ["incidentId"], _count: { _all: true } });
    expect(reports).toHaveLength(100);
    expect(Math.max(...reports.map((r) => r._count._all))).toBeLessThanOrEqual(3);
    expect(reports.some((r) => r._count._all > 1)).toBe(true);
    // Every article has revision 1, some a revision 2, and the latest is the current body.
    expect(await db.prisma.articleRevision.count({ where: { number: 1 } })).toBe(200);
    expect(await db.prisma.articleRevision.count({ where: { number: 2 } })).toBeGreaterThan(0);
  });

  it("uses every value of the enums that matter to filters and dashboards", async () => {
    const distinct = async (sql: string) => (await db.prisma.$queryRawUnsafe<Array<{ v: string }>>(sql)).map((row) => row.v).sort();
    expect(await distinct(`SELECT DISTINCT type::text AS v FROM "Incident"`)).toEqual(
      ["armed_clash", "arrest", "attack", "closure", "diplomatic_action", "evacuation", "explosion", "other", "protest", "riot"],
    );
    expect(await distinct(`SELECT DISTINCT "datePrecision"::text AS v FROM "Incident"`)).toEqual(["DAY", "MONTH", "UNKNOWN", "WEEK"]);
    expect(await distinct(`SELECT DISTINCT motivation::text AS v FROM "Annotation"`)).toHaveLength(8);
    expect(await distinct(`SELECT DISTINCT "targetType"::text AS v FROM "Annotation"`)).toEqual(["ARTICLE", "INCIDENT", "PERSON", "QUOTE"]);
    expect(await distinct(`SELECT DISTINCT "anchorState"::text AS v FROM "Annotation"`)).toEqual(["ANCHORED", "FUZZY", "ORPHANED"]);
    expect(await distinct(`SELECT DISTINCT status::text AS v FROM "Annotation"`)).toEqual(["OPEN", "RESOLVED"]);
    expect(await distinct(`SELECT DISTINCT kind::text AS v FROM "Quote"`)).toEqual(["DIRECT", "INDIRECT", "PARTIAL"]);
    expect(await distinct(`SELECT DISTINCT medium::text AS v FROM "Quote"`)).toEqual(["BRIEFING", "INTERVIEW", "OTHER", "STATEMENT", "TWEET"]);
    expect(await distinct(`SELECT DISTINCT verification::text AS v FROM "Quote"`)).toEqual(["DISPUTED", "MISATTRIBUTED", "UNVERIFIED", "VERIFIED"]);
    expect(await distinct(`SELECT DISTINCT "reviewStatus"::text AS v FROM "Quote"`)).toEqual(["ACCEPTED", "PENDING", "REJECTED"]);
    // Merged and pending incidents, threads, quotes without a speaker, tweets with their handle.
    expect(await db.prisma.incident.count({ where: { mergedIntoId: { not: null } } })).toBeGreaterThan(0);
    expect(await db.prisma.incident.count({ where: { reviewStatus: "PENDING", origin: "MACHINE" } })).toBeGreaterThan(0);
    expect(await db.prisma.annotation.count({ where: { parentId: { not: null } } })).toBeGreaterThan(50);
    expect(await db.prisma.quote.count({ where: { speakerId: null } })).toBeGreaterThan(0);
    expect(await db.prisma.quote.count({ where: { medium: "TWEET", sourceHandle: null } })).toBe(0);
    expect(await db.prisma.quote.count({ where: { reviewStatus: "PENDING", origin: { not: "MACHINE" } } })).toBe(0);
    expect(await db.prisma.article.count({ where: { status: "PUBLISHED" } })).toBeGreaterThan(160);
    expect(await db.prisma.article.count({ where: { publishedAt: null } })).toBeGreaterThan(0);
  });

  it("keeps every span exact: the body at start..end is the stored text, with up to 32 characters of context", async () => {
    const articles = await db.prisma.article.findMany({ select: { id: true, body: true, bodyHash: true, revisionNumber: true, revisions: { select: { number: true, body: true } } } });
    const bodies = new Map(articles.map((article) => [article.id, article.body]));
    const problems: string[] = [];
    const check = (what: string, articleId: string | null, start: number | null, end: number | null, exact: string | null, prefix?: string | null, suffix?: string | null) => {
      const body = articleId === null ? undefined : bodies.get(articleId);
      if (body === undefined || start === null || end === null || exact === null) return problems.push(`${what}: no article or span`);
      if (body.slice(start, end) !== exact) problems.push(`${what}: ${JSON.stringify(body.slice(start, end))} != ${JSON.stringify(exact)}`);
      if (prefix != null && (prefix.length > 32 || body.slice(start - prefix.length, start) !== prefix)) problems.push(`${what}: prefix ${JSON.stringify(prefix)}`);
      if (suffix != null && (suffix.length > 32 || body.slice(end, end + suffix.length) !== suffix)) problems.push(`${what}: suffix ${JSON.stringify(suffix)}`);
      if (prefix != null && prefix.length < 31 && start - prefix.length > 0) problems.push(`${what}: prefix cut short`);
      return 0;
    };

    for (const article of articles) {
      if (article.bodyHash !== createHash("sha256").update(article.body, "utf8").digest("hex")) problems.push(`article ${article.id}: bodyHash`);
      const latest = article.revisions.find((revision) => revision.number === article.revisionNumber);
      if (latest?.body !== article.body) problems.push(`article ${article.id}: revision ${article.revisionNumber} is not the body`);
    }
    for (const q of await db.prisma.quote.findMany()) check(`quote ${q.id}`, q.articleId, q.start, q.end, q.text, q.prefix, q.suffix);
    for (const m of await db.prisma.entityMention.findMany()) check(`entity mention ${m.id}`, m.articleId, m.start, m.end, m.exact, m.prefix, m.suffix);
    for (const m of await db.prisma.incidentMention.findMany()) check(`incident mention ${m.id}`, m.articleId, m.start, m.end, m.exact, m.prefix, m.suffix);
    const spanned = await db.prisma.annotation.findMany({ where: { targetType: "ARTICLE", anchorState: { not: "ORPHANED" } } });
    expect(spanned.length).toBeGreaterThan(300);
    for (const a of spanned) check(`annotation ${a.id}`, a.articleId, a.start, a.end, a.exact, a.prefix, a.suffix);
    for (const c of await db.prisma.claimReview.findMany()) check(`claim review ${c.id}`, c.articleId, c.start, c.end, c.claim);
    for (const c of await db.prisma.correction.findMany({ where: { start: { not: null } } })) {
      check(`correction ${c.id}`, c.articleId, c.start, c.end, bodies.get(c.articleId)?.slice(c.start ?? 0, c.end ?? 0) ?? null);
    }
    // Orphaned annotations lost their place: no offsets, and text the body no longer has.
    for (const a of await db.prisma.annotation.findMany({ where: { anchorState: "ORPHANED", parentId: null } })) {
      if (a.start !== null || a.exact === null || bodies.get(a.articleId ?? "")?.includes(a.exact)) problems.push(`orphan ${a.id}`);
    }
    expect(problems).toEqual([]);
  });

  it("makes the same rows, ids and timestamps included, from the same seed", async () => {
    const again = await generateCorpus(twin.prisma, { articles: ARTICLES, seed: SEED });
    expect(again.counts).toEqual(summary.counts);
    expect(await tableDigests(twin)).toEqual(await tableDigests(db));

    // UUIDv7-shaped ids, increasing in insertion order: createdAt order is id order.
    const byId = await db.prisma.quote.findMany({ select: { id: true, createdAt: true }, orderBy: { id: "asc" } });
    expect(byId.every((row) => UUID_V7.test(row.id))).toBe(true);
    const byTime = [...byId].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
    expect(byTime.map((row) => row.id)).toEqual(byId.map((row) => row.id));
    expect(byId[0]?.createdAt.toISOString().slice(0, 10)).toBe("2021-01-04");
  });

  it("fills the search vectors through the triggers, so full-text search finds the generated words", async () => {
    expect(await db.prisma.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM "Article" WHERE "searchVector" IS NULL`).toEqual([{ n: 0 }]);
    expect(await db.prisma.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM "Quote" WHERE "searchVector" IS NULL`).toEqual([{ n: 0 }]);

    // A one-word city from a dateline ("KIRKUK, Iraq (...) —"): search finds exactly the articles that name it.
    const articles = await db.prisma.article.findMany({ select: { id: true, headline: true, dek: true, body: true } });
    const city = articles.map((article) => /^([A-Z]+), /.exec(article.body)?.[1]).find((name) => name !== undefined && name.length > 3);
    expect(city).toBeDefined();
    const word = new RegExp(`\\b${city}\\b`, "i");
    const expected = articles.filter((a) => word.test(`${a.headline ?? ""} ${a.dek ?? ""} ${a.body}`)).map((a) => a.id).sort();
    const found = await db.prisma.$queryRaw<Array<{ id: string }>>`
      SELECT id::text FROM "Article" WHERE "searchVector" @@ websearch_to_tsquery('english', ${city}) ORDER BY id`;
    expect(found.map((row) => row.id).sort()).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);

    const quotes = await db.prisma.$queryRaw<Array<{ n: number }>>`
      SELECT count(*)::int AS n FROM "Quote" WHERE "searchVector" @@ websearch_to_tsquery('english', 'civilians')`;
    expect(quotes[0]?.n).toBeGreaterThan(0);
  });

  it("refuses to generate a second corpus into a database that has one", async () => {
    await expect(generateCorpus(db.prisma, { articles: 5, seed: 7 })).rejects.toBeInstanceOf(CorpusExistsError);
    expect(await db.prisma.article.count()).toBe(ARTICLES);
  });

  it("lives beside the example story, in either order, sharing its places and organizations", async () => {
    // After the corpus: the example story reuses the corpus's Basra, Iraq and State Department.
    expect((await seedExampleStory(twin.prisma)).created).toBe(true);
    expect(await twin.prisma.place.count({ where: { name: "Basra", countryCode: "IQ" } })).toBe(1);

    // Before the corpus: the corpus uses the story's rows instead of inserting its own.
    const fresh = await createTestDatabase();
    try {
      await seedExampleStory(fresh.prisma);
      const small = await generateCorpus(fresh.prisma, { articles: 20, seed: SEED });
      expect(small.reused.places).toBeGreaterThanOrEqual(6);
      expect(small.reused.organizations).toBeGreaterThanOrEqual(2);
      expect(await fresh.prisma.place.count({ where: { name: "Basra", countryCode: "IQ" } })).toBe(1);
      expect(await fresh.prisma.article.count()).toBe(21);
    } finally {
      await fresh.close();
    }
  });
});
