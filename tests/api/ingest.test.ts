import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Extraction, ExtractedIncident, ExtractedQuote } from "../../src/extraction/types.js";
import type { Role } from "../../src/generated/prisma/enums.js";
import { toGlobalId } from "../../src/graphql/ids.js";
import { ingestArticleWith } from "../../src/domain/ingest/ingest.js";
import type { Actor } from "../../src/core/actor.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { errorCodes } from "../support/graphql.js";
import { createViewer, executeAsViewer } from "../support/viewers.js";

// ingestArticle and the review of its suggestions through the GraphQL layer as each role. The
// mechanics (idempotency, no-op, revisions, roles, typed errors) go through the real extraction;
// resolution, deduplication and review use extractions written by hand for small stories, so they
// test the store and not the extraction (tests/api/ingest-example.test.ts runs the real one).

const INGEST = `mutation($input: IngestArticleInput!, $key: String!) {
  ingestArticle(input: $input, idempotencyKey: $key) {
    article { id slug status body revisionNumber headline url }
    outcome replayed
    suggestions { quotes people unnamedSources organizations places incidents incidentMentions entityMentions skipped total }
    errors { code field message }
  }
}`;
const SUGGESTIONS = `query($articleId: ID!, $status: ReviewStatus, $min: Float, $first: Int, $after: String) {
  suggestions(articleId: $articleId, status: $status, minConfidence: $min, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id kind label confidence reviewStatus version span { start end exact }
      quote { id speaker { id name reviewStatus } } person { id name } incident { id summary } } }
  }
}`;
const SUGGESTION_PAYLOAD = "suggestion { id kind reviewStatus version } alsoChanged { id kind reviewStatus } errors { code field message currentVersion }";
const ACCEPT = `mutation($input: AcceptSuggestionInput!) { acceptSuggestion(input: $input) { ${SUGGESTION_PAYLOAD} } }`;
const REJECT = `mutation($input: RejectSuggestionInput!) { rejectSuggestion(input: $input) { ${SUGGESTION_PAYLOAD} } }`;
const ACCEPT_ALL = "mutation($input: AcceptAllAboveInput!) { acceptAllAbove(input: $input) { article { id } acceptedCount errors { code field message } } }";

interface IngestPayload {
  article: { id: string; slug: string; status: string; body: string; revisionNumber: number; headline: string | null; url: string | null } | null;
  outcome: string | null;
  replayed: boolean;
  suggestions: Record<string, number> | null;
  errors: { code: string; field: string | null; message: string }[];
}
interface SuggestionNode {
  id: string;
  kind: string;
  label: string;
  confidence: number | null;
  reviewStatus: string;
  version: number | null;
  span: { start: number; end: number; exact: string } | null;
  quote: { id: string; speaker: { id: string; name: string; reviewStatus: string } | null } | null;
  person: { id: string; name: string } | null;
  incident: { id: string; summary: string } | null;
}
interface ReviewPayload {
  suggestion: { id: string; kind: string; reviewStatus: string; version: number | null } | null;
  alsoChanged: { id: string; kind: string; reviewStatus: string }[];
  errors: { code: string; field: string | null; message: string; currentVersion: number | null }[];
}

let db: TestDatabase;
const viewers = {} as Record<Role, Actor>;
let keyCounter = 0;
const freshKey = () => `key-${(keyCounter += 1)}`;

beforeAll(async () => {
  db = await createTestDatabase();
  for (const role of ["VIEWER", "REPORTER", "EDITOR", "ADMIN"] as const) viewers[role] = await createViewer(db, role);
});

afterAll(async () => {
  await db?.close();
});

async function ingest(role: Role, input: Record<string, unknown>, key = freshKey()): Promise<IngestPayload> {
  const result = await executeAsViewer<{ ingestArticle: IngestPayload }>(db, viewers[role], INGEST, { input, key });
  expect(result.errors).toBeUndefined();
  return result.data?.ingestArticle as IngestPayload;
}

async function review<T>(role: Role, query: string, input: Record<string, unknown>): Promise<T> {
  const result = await executeAsViewer<Record<string, T>>(db, viewers[role], query, { input });
  expect(result.errors).toBeUndefined();
  return Object.values(result.data ?? {})[0] as T;
}

async function suggestions(role: Role, articleId: string, extra: Record<string, unknown> = {}): Promise<SuggestionNode[]> {
  const result = await executeAsViewer<{ suggestions: { edges: { node: SuggestionNode }[] } }>(db, viewers[role], SUGGESTIONS, { articleId, first: 100, ...extra });
  expect(result.errors).toBeUndefined();
  return result.data?.suggestions.edges.map((edge) => edge.node) ?? [];
}

/** Everything ingest and review may touch, to prove a refusal changed nothing. */
async function stored(): Promise<string> {
  const p = db.prisma;
  return JSON.stringify(
    await Promise.all([
      p.article.findMany({ orderBy: { id: "asc" } }),
      p.articleRevision.count(),
      p.quote.findMany({ orderBy: { id: "asc" } }),
      p.person.findMany({ orderBy: { id: "asc" } }),
      p.incident.findMany({ orderBy: { id: "asc" } }),
      p.incidentMention.findMany({ orderBy: { id: "asc" } }),
      p.entityMention.findMany({ orderBy: { id: "asc" } }),
      p.idempotencyKey.count(),
      p.auditEvent.count(),
    ]),
  );
}

// ------------------------------------------------------------------ hand-written extractions

/** The span of the first occurrence of `exact` at or after `from`. */
function at(text: string, exact: string, from = 0): { start: number; end: number; text: string } {
  const start = text.indexOf(exact, from);
  if (start < 0) throw new Error(`not in the text: ${exact}`);
  return { start, end: start + exact.length, text: exact };
}

function quote(text: string, exact: string, fields: Partial<ExtractedQuote> = {}): ExtractedQuote {
  return { ...at(text, exact), speaker: null, speakerKind: fields.speaker ? "person" : null, speakerDescription: null, kind: "direct", medium: "other", reportingVerb: "said", attribution: null, confidence: 0.9, ...fields };
}

function incident(text: string, exact: string, fields: Partial<ExtractedIncident> & Pick<ExtractedIncident, "type" | "summary">): ExtractedIncident {
  const { start, end } = at(text, exact);
  return {
    start,
    end,
    place: null,
    date: null,
    datePrecision: "unknown",
    dateEarliest: null,
    dateLatest: null,
    fatalities: { min: null, max: null },
    injuries: { min: null, max: null },
    attributedTo: null,
    blamedBy: null,
    confidence: 0.8,
    ...fields,
  };
}

function extraction(fields: Partial<Extraction>): Extraction {
  return { article: { headline: null, publishedAt: null }, quotes: [], people: [], anonymousSources: [], organizations: [], places: [], incidents: [], mentions: [], ...fields };
}

const STORY_A =
  "Secretary of State Mike Pompeo ordered the consulate in Basra closed on Friday. “We will respond swiftly,” Pompeo said. " +
  "Rockets struck the consulate compound in Basra on Sept. 7, killing at least 2 guards. “The threat is real,” a senior official said.";
const STORY_B =
  "Mike Pompeo spoke again on Monday. “Iran is responsible,” Pompeo told reporters, referring to the rocket attack on the consulate in Basrah early this month.";

function extractionA(text: string): Extraction {
  return extraction({
    people: [{ name: "Mike Pompeo", titles: ["Secretary of State"], organization: "U.S. Department of State", aliases: ["Pompeo", "@SecPompeo"], confidence: 0.95 }],
    anonymousSources: [{ description: "a senior official", organization: null, aliases: ["the official"], confidence: 0.7 }],
    organizations: ["U.S. Department of State"],
    places: ["Basra"],
    quotes: [
      quote(text, "We will respond swiftly", { speaker: "Mike Pompeo", confidence: 0.95 }),
      quote(text, "The threat is real", { speakerDescription: "a senior official", confidence: 0.6 }),
    ],
    incidents: [
      incident(text, "Rockets struck the consulate compound in Basra on Sept. 7, killing at least 2 guards", {
        type: "attack",
        summary: "Rocket attack on the U.S. consulate in Basra",
        place: "Basra",
        date: "2018-09-07",
        datePrecision: "day",
        fatalities: { min: 2, max: null },
      }),
    ],
    mentions: [
      { ...at(text, "Mike Pompeo"), type: "person", name: "Mike Pompeo", confidence: 0.95 },
      { ...at(text, "Basra"), type: "place", name: "Basra", confidence: 0.9 },
    ],
  });
}

function extractionB(text: string): Extraction {
  return extraction({
    people: [{ name: "Mike Pompeo", titles: [], organization: null, aliases: ["Pompeo"], confidence: 0.9 }],
    places: ["Basrah"],
    quotes: [quote(text, "Iran is responsible", { speaker: "Mike Pompeo", reportingVerb: "told" })],
    incidents: [
      incident(text, "the rocket attack on the consulate in Basrah", {
        type: "attack",
        summary: "Rocket attack on the consulate in Basrah",
        place: "Basrah",
        date: null,
        datePrecision: "month",
        dateEarliest: "2018-09-01",
        dateLatest: "2018-09-10",
      }),
    ],
    mentions: [{ ...at(text, "Mike Pompeo"), type: "person", name: "Mike Pompeo", confidence: 0.5 }],
  });
}

/** Ingests through the core with a hand-written extraction, as `role`. */
function ingestWith(role: Role, text: string, extract: (text: string) => Extraction, input: Record<string, unknown> = {}) {
  return ingestArticleWith((body) => extract(body))({ prisma: db.prisma, viewer: viewers[role], requestId: "test-request", live: null }, { text, ...input });
}

// ------------------------------------------------------------------ the mutation

describe("ingestArticle", () => {
  const text = "The city council met on Tuesday. “We will fix the roads,” Mayor Jane Doe said after the vote.";
  let articleId: string;

  it("is refused to viewers by the role directive, changing nothing", async () => {
    const before = await stored();
    const result = await executeAsViewer(db, viewers.VIEWER, INGEST, { input: { text }, key: freshKey() });
    expect(errorCodes(result.errors)).toEqual(["FORBIDDEN"]);
    expect(await stored()).toBe(before);
  });

  it("stores a reporter's story as a DRAFT with its first revision, a slug from the headline and its audit events", async () => {
    const events = await db.prisma.auditEvent.count();
    const payload = await ingest("REPORTER", { text, headline: "Council votes to fix roads", url: "https://news.example/council", publishedAt: "2024-05-07T00:00:00Z" }, "first-key");
    expect(payload.errors).toEqual([]);
    expect(payload).toMatchObject({ outcome: "CREATED", replayed: false, article: { status: "DRAFT", body: text, slug: "council-votes-to-fix-roads", revisionNumber: 1 } });
    articleId = Buffer.from(payload.article?.id as string, "base64url").toString("utf8").replace("Article:", "");
    expect(await db.prisma.articleRevision.count({ where: { article: { slug: "council-votes-to-fix-roads" } } })).toBe(1);
    // suggestions.created (what live updates publish, listing the suggestions as they are stored),
    // then article.ingest with the counts.
    const recorded = await db.prisma.auditEvent.findMany({ orderBy: { id: "asc" }, skip: events });
    expect(recorded.map((event) => event.action)).toEqual(["suggestions.created", "article.ingest"]);
    expect(recorded[0]).toMatchObject({ targetType: "Article", targetId: articleId, actorId: viewers.REPORTER.userId });
    expect(recorded[1]).toMatchObject({ action: "article.ingest", targetType: "Article", actorId: viewers.REPORTER.userId, requestId: "test-request" });
  });

  it("answers a repeated idempotency key with the first answer and does no new work", async () => {
    const before = await stored();
    const payload = await ingest("REPORTER", { text, headline: "Council votes to fix roads", url: "https://news.example/council", publishedAt: "2024-05-07T00:00:00Z" }, "first-key");
    expect(payload).toMatchObject({ outcome: "CREATED", replayed: true, errors: [] });
    expect(payload.article?.id).toBe(toGlobalId("Article", articleId));
    expect(await stored()).toBe(before);
  });

  it("refuses the same key with another request (CONFLICT on idempotencyKey), changing nothing", async () => {
    const before = await stored();
    const payload = await ingest("REPORTER", { text: `${text} More.` }, "first-key");
    expect(payload.article).toBeNull();
    expect(payload.errors).toMatchObject([{ code: "CONFLICT", field: "idempotencyKey" }]);
    expect(await stored()).toBe(before);
  });

  it("scopes keys to the user: another user's same key is a new request", async () => {
    const payload = await ingest("EDITOR", { text }, "first-key");
    expect(payload).toMatchObject({ outcome: "UNCHANGED", replayed: false });
  });

  it("treats the same text again as a no-op returning the article, by URL and by body hash", async () => {
    const events = await db.prisma.auditEvent.count();
    const byUrl = await ingest("REPORTER", { text, url: "https://news.example/council" });
    const byHash = await ingest("REPORTER", { text });
    for (const payload of [byUrl, byHash]) {
      expect(payload).toMatchObject({ outcome: "UNCHANGED", errors: [] });
      expect(payload.article?.id).toBe(toGlobalId("Article", articleId));
      expect(payload.suggestions?.total).toBe(0);
    }
    expect(await db.prisma.article.count({ where: { body: text } })).toBe(1);
    expect(await db.prisma.auditEvent.count()).toBe(events);
  });

  it("makes a changed text at the same URL a new revision and re-anchors the article's spans", async () => {
    const article = await db.prisma.article.findUniqueOrThrow({ where: { id: articleId } });
    const words = "We will fix the roads";
    const start = article.body.indexOf(words);
    const editorQuote = await db.prisma.quote.create({
      data: { articleId, text: words, start, end: start + words.length, kind: "DIRECT", origin: "EDITOR", reviewStatus: "ACCEPTED" },
    });
    const changed = `UPDATED. ${text} The vote was 7 to 2.`;
    const payload = await ingest("REPORTER", { text: changed, url: "https://news.example/council" });
    expect(payload).toMatchObject({ outcome: "REVISED", errors: [], article: { id: toGlobalId("Article", articleId), revisionNumber: 2, body: changed } });
    expect(await db.prisma.articleRevision.count({ where: { articleId } })).toBe(2);
    const moved = await db.prisma.quote.findUniqueOrThrow({ where: { id: editorQuote.id } });
    expect(moved).toMatchObject({ start: start + "UPDATED. ".length, anchorState: "ANCHORED", anchoredRevision: 2 });
    const event = await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(event).toMatchObject({ action: "article.update", targetType: "Article", targetId: articleId });
  });

  it("does not let a reporter revise a published article through ingest (FORBIDDEN), changing nothing", async () => {
    await db.prisma.article.update({ where: { id: articleId }, data: { status: "PUBLISHED" } });
    const before = await stored();
    const payload = await ingest("REPORTER", { text: `${text} Corrected.`, url: "https://news.example/council" });
    expect(payload.errors).toMatchObject([{ code: "FORBIDDEN", field: "input.url" }]);
    expect(await stored()).toBe(before);
    const editor = await ingest("EDITOR", { text: `${text} Corrected.`, url: "https://news.example/council" });
    expect(editor).toMatchObject({ outcome: "REVISED", article: { revisionNumber: 3 } });
  });

  it("makes unique slugs for stories with the same headline", async () => {
    const first = await ingest("REPORTER", { text: "One story about the harbour.", headline: "Harbour news" });
    const second = await ingest("REPORTER", { text: "Another story about the harbour.", headline: "Harbour news" });
    expect(first.article?.slug).toBe("harbour-news");
    expect(second.article?.slug).toMatch(/^harbour-news-[0-9a-f]{8}$/);
  });

  it.each([
    [{ text: "   " }, "input.text"],
    [{ text: "Fine text.", url: "ftp://example.org/x" }, "input.url"],
    [{ text: "Fine text.", headline: "x".repeat(301) }, "input.headline"],
  ])("refuses bad input with INVALID_INPUT naming the field, changing nothing (%#)", async (input, field) => {
    const before = await stored();
    const payload = await ingest("REPORTER", input);
    expect(payload.article).toBeNull();
    expect(payload.errors.map((error) => [error.code, error.field])).toContainEqual(["INVALID_INPUT", field]);
    expect(await stored()).toBe(before);
  });

  it("refuses an empty or overlong idempotency key", async () => {
    for (const key of ["  ", "k".repeat(201)]) {
      const payload = await ingest("REPORTER", { text: "A story with a bad key." }, key);
      expect(payload.errors).toMatchObject([{ code: "INVALID_INPUT", field: "idempotencyKey" }]);
    }
    expect(await db.prisma.article.count({ where: { body: "A story with a bad key." } })).toBe(0);
  });
});

// ------------------------------------------------------------------ resolution across stories

describe("suggestions linked to what copydesk knows", () => {
  let storyA: string;
  let storyB: string;

  beforeAll(async () => {
    // An editor's Basra, with its other spelling, as the seed records it.
    await db.prisma.place.create({ data: { name: "Basra", aliases: ["Basrah"], kind: "CITY", countryCode: "IQ", origin: "EDITOR" } });
  });

  it("stores the first story's findings as PENDING machine suggestions with confidences", async () => {
    const result = await ingestWith("REPORTER", STORY_A, extractionA, { url: "https://news.example/a", publishedAt: new Date("2018-09-28T00:00:00Z") });
    storyA = result.article.id;
    expect(result.outcome).toBe("CREATED");
    expect(result.counts).toMatchObject({ quotes: 2, people: 1, unnamedSources: 1, organizations: 1, places: 0, incidents: 1, incidentMentions: 1, entityMentions: 2, skipped: 0 });
    const pompeo = await db.prisma.person.findFirstOrThrow({ where: { name: "Mike Pompeo" }, include: { aliases: true, roles: true } });
    expect(pompeo).toMatchObject({ kind: "NAMED", origin: "MACHINE", reviewStatus: "PENDING", confidence: 0.95 });
    expect(pompeo.aliases.map((alias) => [alias.alias, alias.kind]).sort()).toEqual([["@SecPompeo", "HANDLE"], ["Pompeo", "SURNAME"]]);
    expect(pompeo.roles.map((role) => role.title)).toEqual(["Secretary of State"]);
    const quotes = await db.prisma.quote.findMany({ where: { articleId: storyA }, orderBy: { start: "asc" }, include: { speaker: true } });
    expect(quotes.map((row) => [row.text, row.speaker?.name, row.origin, row.reviewStatus, row.confidence])).toEqual([
      ["We will respond swiftly", "Mike Pompeo", "MACHINE", "PENDING", 0.95],
      ["The threat is real", "a senior official", "MACHINE", "PENDING", 0.6],
    ]);
    for (const row of quotes) expect(STORY_A.slice(row.start, row.end)).toBe(row.text);
    const attack = await db.prisma.incident.findFirstOrThrow({ include: { place: true } });
    expect(attack).toMatchObject({ type: "attack", fatalitiesMin: 2, reviewStatus: "PENDING", origin: "MACHINE", place: { name: "Basra" } });
  });

  it("resolves the second story to the same person, the same place (Basrah = Basra) and the same incident", async () => {
    const result = await ingestWith("REPORTER", STORY_B, extractionB, { url: "https://news.example/b", publishedAt: new Date("2018-09-30T00:00:00Z") });
    storyB = result.article.id;
    expect(result.counts).toMatchObject({ quotes: 1, people: 0, places: 0, incidents: 0, incidentMentions: 1 });
    expect(await db.prisma.person.count({ where: { name: "Mike Pompeo" } })).toBe(1);
    expect(await db.prisma.place.count({ where: { OR: [{ name: "Basra" }, { name: "Basrah" }] } })).toBe(1);
    expect(await db.prisma.incident.count()).toBe(1);
    const mentions = await db.prisma.incidentMention.findMany({ orderBy: { createdAt: "asc" } });
    expect(mentions.map((mention) => mention.articleId)).toEqual([storyA, storyB]);
    expect(new Set(mentions.map((mention) => mention.incidentId)).size).toBe(1);
    const quoteB = await db.prisma.quote.findFirstOrThrow({ where: { articleId: storyB }, include: { speaker: true } });
    expect(quoteB.speaker?.name).toBe("Mike Pompeo");
  });

  it("keeps apart incidents of the same type and place when their dates do not overlap", async () => {
    const text = "Rockets struck the consulate compound in Basra again on Nov. 20.";
    const result = await ingestWith("REPORTER", text, (body) =>
      extraction({
        places: ["Basra"],
        incidents: [incident(body, "Rockets struck the consulate compound in Basra again on Nov. 20", { type: "attack", summary: "Second rocket attack", place: "Basra", date: "2018-11-20", datePrecision: "day" })],
      }),
    );
    expect(result.counts).toMatchObject({ incidents: 1, incidentMentions: 1 });
    expect(await db.prisma.incident.count()).toBe(2);
  });

  // -------------------------------------------------------------- review

  it("lists an article's pending suggestions in text order for reporters, and nothing for viewers", async () => {
    const list = await suggestions("REPORTER", toGlobalId("Article", storyA));
    const kinds = list.map((item) => item.kind).sort();
    expect(kinds).toEqual(["ENTITY_MENTION", "ENTITY_MENTION", "INCIDENT", "INCIDENT_MENTION", "PERSON", "PERSON", "QUOTE", "QUOTE"]);
    expect(list).toHaveLength(8);
    const positions = list.map((item) => item.span?.start ?? -1).filter((start) => start >= 0);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const result = await executeAsViewer(db, viewers.VIEWER, SUGGESTIONS, { articleId: toGlobalId("Article", storyA) });
    expect(errorCodes(result.errors)).toEqual(["FORBIDDEN"]);
    // Paging: two at a time reaches the same list.
    const paged: string[] = [];
    let after: string | null = null;
    do {
      type SuggestionPage = { suggestions: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: SuggestionNode }[] } };
      const page: Awaited<ReturnType<typeof executeAsViewer<SuggestionPage>>> = await executeAsViewer<SuggestionPage>(db, viewers.EDITOR, SUGGESTIONS, {
        articleId: toGlobalId("Article", storyA),
        first: 2,
        after,
      });
      const connection: SuggestionPage["suggestions"] | undefined = page.data?.suggestions;
      paged.push(...(connection?.edges.map((edge) => edge.node.id) ?? []));
      after = connection?.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual(list.map((item) => item.id));
  });

  it("accepts a quote with its pending speaker in one audited step; a stale version or a second accept is refused", async () => {
    const list = await suggestions("EDITOR", toGlobalId("Article", storyA));
    const swiftly = list.find((item) => item.label === "We will respond swiftly") as SuggestionNode;
    const stale = await review<ReviewPayload>("EDITOR", ACCEPT, { id: swiftly.id, expectedVersion: (swiftly.version as number) + 5 });
    expect(stale.errors).toMatchObject([{ code: "VERSION_CONFLICT", currentVersion: swiftly.version }]);
    const events = await db.prisma.auditEvent.count();
    const accepted = await review<ReviewPayload>("EDITOR", ACCEPT, { id: swiftly.id, expectedVersion: swiftly.version });
    expect(accepted.errors).toEqual([]);
    expect(accepted.suggestion).toMatchObject({ kind: "QUOTE", reviewStatus: "ACCEPTED", version: (swiftly.version as number) + 1 });
    expect(accepted.alsoChanged).toMatchObject([{ kind: "PERSON", reviewStatus: "ACCEPTED" }]);
    expect(await db.prisma.auditEvent.count()).toBe(events + 1);
    expect(await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({ action: "quote.accept", targetType: "Quote", actorId: viewers.EDITOR.userId });
    expect((await db.prisma.person.findFirstOrThrow({ where: { name: "Mike Pompeo" } })).reviewStatus).toBe("ACCEPTED");
    const again = await review<ReviewPayload>("EDITOR", ACCEPT, { id: swiftly.id });
    expect(again.errors).toMatchObject([{ code: "CONFLICT", field: "input.id" }]);
  });

  it("refuses review to reporters, bad ids and mentions sent with a version, changing nothing", async () => {
    const list = await suggestions("EDITOR", toGlobalId("Article", storyA));
    const mention = list.find((item) => item.kind === "ENTITY_MENTION") as SuggestionNode;
    const before = await stored();
    const byReporter = await executeAsViewer(db, viewers.REPORTER, ACCEPT, { input: { id: mention.id } });
    expect(errorCodes(byReporter.errors)).toEqual(["FORBIDDEN"]);
    expect((await review<ReviewPayload>("EDITOR", ACCEPT, { id: "not-an-id" })).errors).toMatchObject([{ code: "INVALID_INPUT", field: "input.id" }]);
    expect((await review<ReviewPayload>("EDITOR", ACCEPT, { id: toGlobalId("Article", storyA) })).errors).toMatchObject([{ code: "INVALID_INPUT" }]);
    expect((await review<ReviewPayload>("EDITOR", ACCEPT, { id: toGlobalId("Quote", "0190a0a0-0000-7000-8000-000000000000") })).errors).toMatchObject([{ code: "NOT_FOUND" }]);
    expect((await review<ReviewPayload>("EDITOR", ACCEPT, { id: mention.id, expectedVersion: 1 })).errors).toMatchObject([{ code: "INVALID_INPUT", field: "input.expectedVersion" }]);
    expect(await stored()).toBe(before);
  });

  it("rejects a suggestion with the reason in its audit event; a rejected quote is not suggested again on a revision", async () => {
    const list = await suggestions("EDITOR", toGlobalId("Article", storyA));
    const threat = list.find((item) => item.label === "The threat is real") as SuggestionNode;
    const rejected = await review<ReviewPayload>("EDITOR", REJECT, { id: threat.id, reason: "Not a quote from this story" });
    expect(rejected.errors).toEqual([]);
    expect(rejected.suggestion).toMatchObject({ reviewStatus: "REJECTED" });
    expect(await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({ action: "quote.reject", after: expect.objectContaining({ reason: "Not a quote from this story" }) });
    expect((await suggestions("EDITOR", toGlobalId("Article", storyA))).map((item) => item.id)).not.toContain(threat.id);

    const revised = `Updated at noon. ${STORY_A}`;
    const result = await ingestWith("EDITOR", revised, extractionA, { url: "https://news.example/a" });
    expect(result.outcome).toBe("REVISED");
    expect(result.counts).toMatchObject({ quotes: 0, people: 0, unnamedSources: 0, incidents: 0 });
    expect(result.counts.skipped).toBeGreaterThanOrEqual(2);
    const threats = await db.prisma.quote.findMany({ where: { articleId: storyA, text: "The threat is real" } });
    expect(threats).toHaveLength(1);
    expect(threats[0]).toMatchObject({ reviewStatus: "REJECTED", start: revised.indexOf("The threat is real") });
  });

  it("rejects an incident with its pending mentions; a later story does not suggest it again", async () => {
    const attack = await db.prisma.incident.findFirstOrThrow({ where: { fatalitiesMin: 2 } });
    const rejected = await review<ReviewPayload>("EDITOR", REJECT, { id: toGlobalId("Incident", attack.id) });
    expect(rejected.errors).toEqual([]);
    expect(rejected.alsoChanged.map((item) => [item.kind, item.reviewStatus])).toEqual([
      ["INCIDENT_MENTION", "REJECTED"],
      ["INCIDENT_MENTION", "REJECTED"],
    ]);
    const text = "Rockets struck the consulate compound in Basra on Sept. 7, officials recalled.";
    const result = await ingestWith("REPORTER", text, (body) =>
      extraction({
        places: ["Basra"],
        incidents: [incident(body, "Rockets struck the consulate compound in Basra on Sept. 7", { type: "attack", summary: "Rocket attack on the U.S. consulate in Basra", place: "Basra", date: "2018-09-07", datePrecision: "day" })],
      }),
    );
    expect(result.counts).toMatchObject({ incidents: 0, incidentMentions: 0, skipped: 1 });
  });

  it("accepts every pending suggestion at or above a confidence with one audit event, then the rest with 0", async () => {
    const articleId = toGlobalId("Article", storyB);
    const pending = await suggestions("EDITOR", articleId);
    const high = pending.filter((item) => (item.confidence ?? 0) >= 0.85);
    expect(high.length).toBeGreaterThan(0);
    expect(high.length).toBeLessThan(pending.length);
    const events = await db.prisma.auditEvent.count();
    const first = await review<{ acceptedCount: number; errors: unknown[] }>("EDITOR", ACCEPT_ALL, { articleId, confidence: 0.85 });
    expect(first.errors).toEqual([]);
    expect(first.acceptedCount).toBeGreaterThanOrEqual(high.length);
    expect(await db.prisma.auditEvent.count()).toBe(events + 1);
    expect(await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).toMatchObject({ action: "article.acceptSuggestions", targetType: "Article", targetId: storyB });
    const left = await suggestions("EDITOR", articleId);
    expect(left.every((item) => (item.confidence ?? 0) < 0.85)).toBe(true);
    const rest = await review<{ acceptedCount: number }>("EDITOR", ACCEPT_ALL, { articleId, confidence: 0 });
    expect(rest.acceptedCount).toBe(left.length);
    expect(await suggestions("EDITOR", articleId)).toEqual([]);
    expect((await review<{ errors: { code: string }[] }>("EDITOR", ACCEPT_ALL, { articleId, confidence: 1.5 })).errors).toMatchObject([{ code: "INVALID_INPUT" }]);
  });
});
