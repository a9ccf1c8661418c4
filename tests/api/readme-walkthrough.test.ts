import fs from "node:fs";
import { getOperationAST, parse, validate } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSchema } from "../../src/graphql/schema.js";
import { projectExamples, README_PATH } from "../../src/playground/examples.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { connect, Feed, type LiveClient } from "../live/support.js";
import { post as postAs, tokenFor } from "../security/support.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { startTestServer, type TestServer } from "../support/server.js";

// The README as a newcomer follows it: its code fences are closed and its sections hold what
// their headings say; every GraphQL block parses and validates against the schema; and every
// block outside "First queries" (tests/api/readme.test.ts runs those) is run here, in the README's
// order, through HTTP or the WebSocket with a token of the role the block names, checking what a
// reader would look at in the answer.

const README = fs.readFileSync(README_PATH, "utf8");

/** A fenced code block of the README. */
interface Fence {
  readonly language: string;
  readonly body: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly closed: boolean;
}

/** The README's fenced blocks, read as CommonMark does: a closing fence is backticks alone on a line. */
function fences(markdown: string): Fence[] {
  const found: Fence[] = [];
  let open: { language: string; line: number; lines: string[] } | null = null;
  markdown.split("\n").forEach((text, index) => {
    if (open === null) {
      const opening = /^```\s*([\w-]*)/.exec(text);
      if (opening) open = { language: opening[1] ?? "", line: index + 1, lines: [] };
    } else if (/^```\s*$/.test(text)) {
      found.push({ language: open.language, body: open.lines.join("\n"), line: open.line, closed: true });
      open = null;
    } else {
      open.lines.push(text);
    }
  });
  const last = open as { language: string; line: number; lines: string[] } | null;
  if (last) found.push({ language: last.language, body: last.lines.join("\n"), line: last.line, closed: false });
  return found;
}

/** The text of a "## " section, up to the next "## " heading outside code. */
function section(heading: string): string {
  const start = README.indexOf(`\n## ${heading}`);
  expect(start, `README has a "## ${heading}" section`).toBeGreaterThan(0);
  const next = README.indexOf("\n## ", start + 4);
  return README.slice(start, next < 0 ? undefined : next);
}

const graphqlBlocks = fences(README).filter((fence) => fence.language === "graphql");

/** The README's GraphQL block of operation `name`, its role and text. */
function block(name: string): { role: "VIEWER" | "REPORTER" | "EDITOR" | "ADMIN"; query: string } {
  const found = graphqlBlocks.find((fence) => getOperationAST(parse(fence.body))?.name?.value === name);
  if (!found) throw new Error(`README has no GraphQL block named ${name}`);
  const role = (/^# role: (\w+)/m.exec(found.body)?.[1] ?? "VIEWER") as "VIEWER" | "REPORTER" | "EDITOR" | "ADMIN";
  return { role, query: found.body };
}

/**
 * The blocks this file runs, in the README's order of use. With "First queries" (run by
 * tests/api/readme.test.ts) they must be every GraphQL block of the README.
 */
const RUN_HERE = [
  "DeskIds",
  "QuestionSpan",
  "AttributeToOfficial",
  "VerifyQuote",
  "CorrectStory",
  "Ingest",
  "PendingSuggestions",
  "ReviewSuggestions",
  "Publish",
  "DuplicatePerson",
  "MergeDuplicate",
  "StoryMarkup",
  "WatchArticle",
  "WatchNotes",
  "WatchSuggestions",
  "WatchQueue",
  "WatchAudit",
] as const;

describe("the README's structure", () => {
  it("closes every code fence and keeps every heading out of code", () => {
    const all = fences(README);
    expect(all.filter((fence) => !fence.closed).map((fence) => fence.line)).toEqual([]);
    const headingsInCode = all.flatMap((fence) => fence.body.split("\n").filter((line) => /^#{1,6} \S/.test(line) && !/^# role: /.test(line) && fence.language !== "sh"));
    expect(headingsInCode).toEqual([]);
  });

  it("keeps each section under its heading: ingest under Ingest, JSON-LD under Exports, the schema check under Schema changes", () => {
    const ingest = section("Ingest: text in, reviewable facts out");
    expect(ingest).toContain("mutation Ingest(");
    expect(ingest).toContain("idempotencyKey");
    expect(ingest).toContain("npm run ingest --");
    expect(ingest).not.toContain("jsonLd");
    const exports = section("Exports");
    expect(exports).toContain("query StoryMarkup");
    expect(exports).toContain("`Article.jsonLd` is a `NewsArticle`");
    expect(exports).toContain("npm run export --");
    const schemaChanges = section("Schema changes");
    expect(schemaChanges).toContain("npm run schema:check");
    expect(schemaChanges).not.toContain("idempotencyKey");
    expect(schemaChanges).not.toContain("npm run ingest");
  });

  it("says how long the test suite takes and what it needs", () => {
    const scripts = section("Scripts");
    expect(scripts).toMatch(/`npm test`[^\n]*\n?[^\n]*minutes/);
  });
});

describe("the README's GraphQL blocks", () => {
  const schema = buildSchema();

  it("each parse, validate against the schema and have a name of their own", () => {
    expect(graphqlBlocks.length).toBeGreaterThanOrEqual(RUN_HERE.length + 7);
    const names: string[] = [];
    for (const fence of graphqlBlocks) {
      const document = parse(fence.body);
      expect(validate(schema, document).map((error) => `README line ${fence.line}: ${error.message}`)).toEqual([]);
      const name = getOperationAST(document)?.name?.value;
      expect(name, `README line ${fence.line}: the block's operation has a name`).toBeTruthy();
      names.push(name ?? "");
    }
    expect(new Set(names).size).toBe(names.length);
  });

  it("are each run by a test: First queries by tests/api/readme.test.ts, the others here", () => {
    const names = graphqlBlocks.map((fence) => getOperationAST(parse(fence.body))?.name?.value ?? "");
    const firstQueries = projectExamples().map((example) => example.name);
    expect(names.filter((name) => !firstQueries.includes(name)).sort()).toEqual([...RUN_HERE].sort());
  });

  it("include the query of the graphql-ws client example, which validates too", () => {
    const client = fences(README).find((fence) => fence.language === "ts" && fence.body.includes("graphql-ws"));
    const query = /query: `([\s\S]*?)`/.exec(client?.body ?? "")?.[1];
    expect(query).toBeDefined();
    expect(validate(schema, parse(query ?? "")).map((error) => error.message)).toEqual([]);
  });
});

type Role = "VIEWER" | "REPORTER" | "EDITOR" | "ADMIN";
type Json = Record<string, unknown>;

describe("the README's worked examples, run in order on the example story", () => {
  let db: TestDatabase;
  let server: TestServer;
  const tokens = new Map<Role, string>();
  const clients: LiveClient[] = [];
  /** What earlier steps learned, for later ones (as a reader copies ids from one answer to the next). */
  const state: { articleId?: string; articleVersion?: number; quoteId?: string; quoteVersion?: number; pompeoId?: string; pompeoVersion?: number; ingestedId?: string } = {};
  const feeds: Partial<Record<"article" | "notes" | "queue" | "audit", Feed<Json>>> = {};

  /** Runs the README block `name` over HTTP as its role and returns its data, which must have no errors. */
  async function run<T = Json>(name: (typeof RUN_HERE)[number], variables: Json = {}): Promise<T> {
    const { role, query } = block(name);
    const response = await postAs<T>(server.baseUrl, query, variables, role === "VIEWER" ? {} : { token: tokens.get(role)! });
    expect(response.body.errors, `${name}: ${JSON.stringify(response.body.errors)}`).toBeUndefined();
    expect(response.status).toBe(200);
    return response.body.data as T;
  }

  /** Subscribes with the README block `name` as its role. */
  async function subscribe(name: (typeof RUN_HERE)[number], variables: Json = {}): Promise<Feed<Json>> {
    const { role, query } = block(name);
    const live = connect(server.baseUrl, role === "VIEWER" ? undefined : tokens.get(role));
    clients.push(live);
    const before = server.app.live.subscriptions();
    const feed = new Feed<Json>(live, query, variables);
    await expect.poll(() => server.app.live.subscriptions(), { timeout: 20_000 }).toBeGreaterThan(before);
    return feed;
  }

  beforeAll(async () => {
    db = await createTestDatabase({ exampleStory: true });
    await seedExampleStory(db.prisma);
    server = await startTestServer(db);
    for (const role of ["REPORTER", "EDITOR", "ADMIN"] as const) tokens.set(role, await tokenFor(db, role));
  }, 120_000);
  afterAll(async () => {
    await Promise.all(clients.map((live) => live.dispose()));
    await server?.close();
    await db?.close();
  });

  it("DeskIds gives the story's id and version, its quotes and the Secretary of State", async () => {
    const data = await run<{ article: { id: string; version: number; quotes: { edges: { node: { id: string; version: number; text: string } }[] } }; people: { edges: { node: { id: string; version: number; name: string } }[] } }>("DeskIds");
    expect(data.article.quotes.edges.length).toBeGreaterThanOrEqual(11);
    const pompeo = data.people.edges.find((edge) => edge.node.name === "Mike Pompeo")?.node;
    expect(pompeo).toBeDefined();
    const quote = data.article.quotes.edges.find((edge) => edge.node.text.includes("serious threats"))?.node ?? data.article.quotes.edges[0]!.node;
    Object.assign(state, { articleId: data.article.id, articleVersion: data.article.version, quoteId: quote.id, quoteVersion: quote.version, pompeoId: pompeo!.id, pompeoVersion: pompeo!.version });
    // Subscribed now, so that the changes below are seen live, as the Live updates section shows.
    feeds.article = await subscribe("WatchArticle", { id: state.articleId });
    feeds.notes = await subscribe("WatchNotes", { articleId: state.articleId });
    feeds.queue = await subscribe("WatchQueue");
    feeds.audit = await subscribe("WatchAudit");
  });

  it("QuestionSpan puts a question on the two words, and the subscribers hear of it", async () => {
    const data = await run<{ createAnnotation: { annotation: Json; errors: unknown[] } }>("QuestionSpan", { articleId: state.articleId });
    expect(data.createAnnotation.errors).toEqual([]);
    expect(data.createAnnotation.annotation).toMatchObject({ status: "OPEN", motivation: "questioning", anchorState: "ANCHORED", selector: { start: 33, end: 54, exact: "shocking announcement" } });
    const note = (await feeds.notes!.data())["annotationEvents"] as Json;
    expect(note).toMatchObject({ kind: "CREATED", annotationId: (data.createAnnotation.annotation as { id: string }).id, annotation: { body: "Whose word is 'shocking'? Attribute it or cut it.", status: "OPEN", selector: { exact: "shocking announcement" } } });
    const queue = (await feeds.queue!.data())["reviewQueueChanged"] as { action: string; articleId: string; annotationQueueCounts: { status: string; motivation: string; count: number }[] };
    expect(queue.action).toBe("annotation.create");
    expect(queue.articleId).toBe(state.articleId);
    expect(queue.annotationQueueCounts).toContainEqual({ status: "OPEN", motivation: "questioning", count: 1 });
  });

  it("AttributeToOfficial gives the quote an unnamed source, and VerifyQuote marks it verified with its evidence", async () => {
    const attributed = await run<{ attributeQuote: { quote: { id: string; version: number; speakerDescription: string | null; speaker: { kind: string } | null }; errors: unknown[] } }>("AttributeToOfficial", { quoteId: state.quoteId, version: state.quoteVersion });
    expect(attributed.attributeQuote.errors).toEqual([]);
    expect(attributed.attributeQuote.quote.speakerDescription).toBe("a senior administration official");
    expect(attributed.attributeQuote.quote.version).toBe(state.quoteVersion! + 1);
    const verified = await run<{ setQuoteVerification: { quote: Json; errors: unknown[] } }>("VerifyQuote", { quoteId: state.quoteId, version: attributed.attributeQuote.quote.version });
    expect(verified.setQuoteVerification.errors).toEqual([]);
    expect(verified.setQuoteVerification.quote).toMatchObject({
      verification: "VERIFIED",
      evidenceUrls: ["https://twitter.com/statedeptspox/status/1045779036537548801"],
      verificationNote: "Matches the spokesperson's post of September 28.",
    });
    // The admin's audit feed (filtered to quotes) saw both, in order.
    const actions = [(await feeds.audit!.data())["auditEvents"], (await feeds.audit!.data())["auditEvents"]].map((event) => (event as { action: string; targetId: string }).action);
    expect(actions).toEqual(["quote.attribute", "quote.verify"]);
  });

  it("CorrectStory corrects the published story, and the article's subscribers get it as it is now", async () => {
    const data = await run<{ issueCorrection: { correction: { text: string; revisionNumber: number }; article: { status: string; version: number; corrections: { totalCount: number } }; errors: unknown[] } }>("CorrectStory", {
      articleId: state.articleId,
      version: state.articleVersion,
    });
    expect(data.issueCorrection.errors).toEqual([]);
    expect(data.issueCorrection.correction.text).toMatch(/^An earlier version of this story/);
    expect(data.issueCorrection.article).toMatchObject({ status: "CORRECTED", corrections: { totalCount: 1 } });
    const change = (await feeds.article!.data())["articleChanged"] as Json;
    expect(change).toMatchObject({ action: "article.correct", article: { slug: "basra-consulate-2018", status: "CORRECTED", version: data.issueCorrection.article.version } });
  });

  const STORY = [
    "Floods closed the main road into Karlstad on Monday.",
    "“We have no water and no power,” residents said.",
    "“The bridge will reopen by Friday,” said Mayor Anna Berg.",
  ].join("\n");

  it("Ingest stores a story as a draft with suggestions, and a revision's new suggestions reach WatchSuggestions", async () => {
    const first = await run<{ ingestArticle: { article: { id: string; revisionNumber: number }; outcome: string; suggestions: { quotes: number }; errors: unknown[] } }>("Ingest", { text: STORY, key: "story-1" });
    expect(first.ingestArticle.errors).toEqual([]);
    expect(first.ingestArticle).toMatchObject({ outcome: "CREATED", article: { revisionNumber: 1 } });
    expect(first.ingestArticle.suggestions.quotes).toBe(2);
    state.ingestedId = first.ingestArticle.article.id;

    const suggestions = await subscribe("WatchSuggestions", { articleId: state.ingestedId });
    const revised = await run<{ ingestArticle: { outcome: string; suggestions: { quotes: number } } }>("Ingest", {
      text: `${STORY}\n“We are sending pumps tonight,” said Mayor Anna Berg.`,
      key: "story-2",
    });
    expect(revised.ingestArticle).toMatchObject({ outcome: "REVISED", suggestions: { quotes: 1 } });
    const batch = (await suggestions.data())["suggestionsCreated"] as { quoteCount: number; quotes: { text: string }[] };
    expect(batch.quoteCount).toBe(1);
    expect(batch.quotes.map((quote) => quote.text)).toEqual(["We are sending pumps tonight,"]);
  });

  it("PendingSuggestions and ReviewSuggestions: accepting a quote accepts its speaker, rejecting one rejects the speaker only it made", async () => {
    type Suggestion = { id: string; kind: string; label: string; version: number | null; reviewStatus: string; quote: { text: string; speaker: { name: string } | null } | null };
    const pending = await run<{ suggestions: { totalCount: number; edges: { node: Suggestion }[] } }>("PendingSuggestions", { articleId: state.ingestedId });
    const quotes = pending.suggestions.edges.map((edge) => edge.node).filter((node) => node.kind === "QUOTE");
    const mayor = quotes.find((node) => node.quote?.text.startsWith("The bridge will reopen"));
    const residents = quotes.find((node) => node.quote?.text.startsWith("We have no water"));
    expect(mayor?.quote?.speaker?.name).toBe("Anna Berg");
    expect(residents?.quote?.speaker?.name).toMatch(/^residents$/i);

    const reviewed = await run<{ acceptSuggestion: { suggestion: Json; alsoChanged: Json[]; errors: unknown[] }; rejectSuggestion: { suggestion: Json; alsoChanged: Json[]; errors: unknown[] } }>("ReviewSuggestions", {
      acceptId: mayor!.id,
      acceptVersion: mayor!.version,
      rejectId: residents!.id,
    });
    expect(reviewed.acceptSuggestion.errors).toEqual([]);
    expect(reviewed.acceptSuggestion.suggestion).toMatchObject({ kind: "QUOTE", reviewStatus: "ACCEPTED" });
    expect(reviewed.acceptSuggestion.alsoChanged).toContainEqual({ kind: "PERSON", label: "Anna Berg", reviewStatus: "ACCEPTED" });
    expect(reviewed.rejectSuggestion.errors).toEqual([]);
    expect(reviewed.rejectSuggestion.suggestion).toMatchObject({ kind: "QUOTE", reviewStatus: "REJECTED" });
    expect(reviewed.rejectSuggestion.alsoChanged).toContainEqual(expect.objectContaining({ kind: "PERSON", reviewStatus: "REJECTED" }));

    // Accepting everything left does not bring the rejected quote's speaker back, even one a
    // rejection made before rejections took such speakers along left pending (as here, by hand).
    const residentsSpeaker = await db.prisma.person.findFirstOrThrow({ where: { name: { equals: "residents", mode: "insensitive" } } });
    expect(residentsSpeaker.reviewStatus).toBe("REJECTED");
    await db.prisma.person.update({ where: { id: residentsSpeaker.id }, data: { reviewStatus: "PENDING" } });
    const bulk = await postAs<{ acceptAllAbove: { errors: unknown[] } }>(server.baseUrl, `mutation($input: AcceptAllAboveInput!) { acceptAllAbove(input: $input) { acceptedCount errors { code } } }`, { input: { articleId: state.ingestedId, confidence: 0 } }, { token: tokens.get("EDITOR")! });
    expect(bulk.body.data?.acceptAllAbove.errors).toEqual([]);
    const speakers = await db.prisma.person.findMany({ where: { name: { equals: "residents", mode: "insensitive" } }, select: { reviewStatus: true } });
    expect(speakers.map((person) => person.reviewStatus)).toEqual(["PENDING"]);
    expect(await db.prisma.person.findFirstOrThrow({ where: { name: "Anna Berg" }, select: { reviewStatus: true } })).toEqual({ reviewStatus: "ACCEPTED" });
  });

  it("Publish publishes the reviewed draft", async () => {
    const draft = await db.prisma.article.findFirstOrThrow({ where: { url: "https://news.example/story" } });
    const data = await run<{ publishArticle: { article: { status: string; version: number; publishedAt: string | null }; errors: unknown[] } }>("Publish", { id: state.ingestedId, version: draft.version });
    expect(data.publishArticle.errors).toEqual([]);
    expect(data.publishArticle.article).toMatchObject({ status: "PUBLISHED", version: draft.version + 1 });
    expect(data.publishArticle.article.publishedAt).toBeTruthy();
  });

  it("DuplicatePerson and MergeDuplicate fold a duplicate into the Secretary of State, whose id keeps answering", async () => {
    const created = await run<{ createPerson: { person: { id: string; version: number; name: string }; errors: unknown[] } }>("DuplicatePerson");
    expect(created.createPerson.errors).toEqual([]);
    const duplicate = created.createPerson.person;
    const merged = await run<{ mergePeople: { person: { id: string; name: string; aliases: string[] }; errors: unknown[] } }>("MergeDuplicate", {
      sourceId: duplicate.id,
      sourceVersion: duplicate.version,
      targetId: state.pompeoId,
      targetVersion: state.pompeoVersion,
    });
    expect(merged.mergePeople.errors).toEqual([]);
    expect(merged.mergePeople.person).toMatchObject({ id: state.pompeoId, name: "Mike Pompeo" });
    expect(merged.mergePeople.person.aliases).toContain("Michael R. Pompeo");
    const byOldId = await postAs<{ person: { id: string } }>(server.baseUrl, `query($id: ID!) { person(id: $id) { id } }`, { id: duplicate.id });
    expect(byOldId.body.data?.person.id).toBe(state.pompeoId);
  });

  it("StoryMarkup gives the story's schema.org NewsArticle", async () => {
    const data = await run<{ article: { jsonLd: Json } }>("StoryMarkup");
    expect(data.article.jsonLd).toMatchObject({ "@context": "https://schema.org", "@type": "NewsArticle" });
    expect(JSON.stringify(data.article.jsonLd)).toContain("Quotation");
  });
});
