import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Quote } from "../../src/generated/prisma/client.js";
import { toGlobalId } from "../../src/graphql/ids.js";
import type { Actor } from "../../src/core/actor.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { executeAs, errorCodes } from "../support/graphql.js";
import { createViewer, executeAsViewer } from "../support/viewers.js";

// The annotation and fact-check mutations, driven through GraphQL as each role on the example
// story: the desk's own examples (highlight "the official", a linking note, flag "killed at
// least 25" and fact-check it), refusals, validation, optimistic concurrency and the audit trail.
//
// Decision on empty bodies: a note needs text, except a `highlighting` one (a highlight says
// nothing) and a `tagging` one (its content is its tags, so it needs at least one). An empty or
// blank body with `commenting` is INVALID_INPUT on input.body.

interface MutationErrorShape {
  code: string;
  field: string | null;
  message: string;
  currentVersion: number | null;
}

interface AnnotationShape {
  id: string;
  targetType: string;
  motivation: string;
  body: string;
  tags: string[];
  status: string;
  version: number;
  selector: { start: number; end: number; exact: string; prefix: string; suffix: string } | null;
  article: { id: string } | null;
  target: { __typename: string; id: string } | null;
  parent: { id: string } | null;
  author: { id: string };
  resolvedBy: { id: string } | null;
  resolvedAt: string | null;
}

interface AnnotationResult {
  annotation: AnnotationShape | null;
  errors: MutationErrorShape[];
}

const ANNOTATION_FIELDS = `
  id targetType motivation body tags status version
  selector { start end exact prefix suffix }
  article { id }
  target { __typename ... on Article { id } ... on Quote { id } ... on Incident { id } ... on Person { id } }
  parent { id }
  author { id }
  resolvedBy { id }
  resolvedAt
`;
const ERROR_FIELDS = "errors { code field message currentVersion }";

const CREATE = `mutation ($input: CreateAnnotationInput!) { createAnnotation(input: $input) { annotation { ${ANNOTATION_FIELDS} } ${ERROR_FIELDS} } }`;
const REPLY = `mutation ($input: ReplyToAnnotationInput!) { replyToAnnotation(input: $input) { annotation { ${ANNOTATION_FIELDS} } ${ERROR_FIELDS} } }`;
const UPDATE = `mutation ($input: UpdateAnnotationInput!) { updateAnnotation(input: $input) { annotation { ${ANNOTATION_FIELDS} } ${ERROR_FIELDS} } }`;
const RESOLVE = `mutation ($input: AnnotationStateInput!) { resolveAnnotation(input: $input) { annotation { ${ANNOTATION_FIELDS} } ${ERROR_FIELDS} } }`;
const REOPEN = `mutation ($input: AnnotationStateInput!) { reopenAnnotation(input: $input) { annotation { ${ANNOTATION_FIELDS} } ${ERROR_FIELDS} } }`;
const DELETE = `mutation ($input: AnnotationStateInput!) { deleteAnnotation(input: $input) { deletedAnnotationId ${ERROR_FIELDS} } }`;
/**
 * updateAnnotation selecting scalars only. With the embedded database, parallel requests whose
 * payloads load related records (article, author) outside the mutation's transaction can get one
 * another's rows: PGlite's socket server interleaves the extended-protocol messages of different
 * connections when no transaction is open. Reported to the lead; not an annotations bug.
 */
const LEAN_UPDATE = `mutation ($input: UpdateAnnotationInput!) { updateAnnotation(input: $input) { annotation { id body version } ${ERROR_FIELDS} } }`;
const CLAIM = `mutation ($input: CreateClaimReviewInput!) {
  createClaimReview(input: $input) {
    claimReview { id claim start end rating explanation evidenceUrls article { id } quote { id } reviewer { id } }
    ${ERROR_FIELDS}
  }
}`;

const MUTATIONS: Record<string, { query: string; key: string }> = {
  createAnnotation: { query: CREATE, key: "createAnnotation" },
  replyToAnnotation: { query: REPLY, key: "replyToAnnotation" },
  updateAnnotation: { query: UPDATE, key: "updateAnnotation" },
  resolveAnnotation: { query: RESOLVE, key: "resolveAnnotation" },
  reopenAnnotation: { query: REOPEN, key: "reopenAnnotation" },
  deleteAnnotation: { query: DELETE, key: "deleteAnnotation" },
  createClaimReview: { query: CLAIM, key: "createClaimReview" },
};

let db: TestDatabase;
let articleId: string;
let articleGid: string;
let body: string;
let revisionNumber: number;
let bottomLine: Quote;
let incidentGid: string;
let personGid: string;
let viewer: Actor;
let reporter: Actor;
let otherReporter: Actor;
let editor: Actor;

/** A selector on the n-th (0-based) occurrence of `text` in the seeded body, with both selectors. */
function selectorOf(text: string, occurrence = 0) {
  let at = -1;
  for (let n = 0; n <= occurrence; n += 1) {
    at = body.indexOf(text, at + 1);
    if (at < 0) throw new Error(`"${text}" occurs fewer than ${occurrence + 1} times in the body`);
  }
  return { start: at, end: at + text.length, exact: text };
}

function occurrences(text: string): number {
  return body.split(text).length - 1;
}

/** Rows that mutations here write, counted: a failure must leave every count as it was. */
async function counts() {
  const [annotations, claimReviews, auditEvents] = await Promise.all([
    db.prisma.annotation.count(),
    db.prisma.claimReview.count(),
    db.prisma.auditEvent.count(),
  ]);
  return { annotations, claimReviews, auditEvents };
}

async function mutate<T>(as: Actor, name: keyof typeof MUTATIONS, input: Record<string, unknown>): Promise<T> {
  const { query, key } = MUTATIONS[name]!;
  const result = await executeAsViewer<Record<string, T>>(db, as, query, { input });
  expect(result.errors).toBeUndefined();
  return result.data![key]!;
}

/** Runs a mutation that must succeed and write exactly one row-level audit event; returns its payload. */
async function succeeds<T extends { errors: MutationErrorShape[] }>(as: Actor, name: keyof typeof MUTATIONS, input: Record<string, unknown>): Promise<T> {
  const before = await counts();
  const payload = await mutate<T>(as, name, input);
  expect(payload.errors).toEqual([]);
  expect((await counts()).auditEvents).toBe(before.auditEvents + 1);
  return payload;
}

/** Runs a mutation that must fail with one error of `code` (on `field`, when given) and change nothing; returns the error. */
async function failsWith(
  as: Actor,
  name: keyof typeof MUTATIONS,
  input: Record<string, unknown>,
  code: string,
  field?: string | null,
): Promise<MutationErrorShape> {
  const before = await counts();
  const annotationsBefore = await db.prisma.annotation.findMany({ orderBy: { id: "asc" } });
  const payload = await mutate<{ errors: MutationErrorShape[] } & Record<string, unknown>>(as, name, input);
  expect(payload.errors.map((error) => error.code)).toEqual([code]);
  const error = payload.errors[0]!;
  if (field !== undefined) expect(error.field).toBe(field);
  expect(Object.entries(payload).filter(([key, value]) => key !== "errors" && value !== null)).toEqual([]);
  expect(await counts()).toEqual(before);
  expect(await db.prisma.annotation.findMany({ orderBy: { id: "asc" } })).toEqual(annotationsBefore);
  return error;
}

async function createNote(as: Actor, input: Record<string, unknown>): Promise<AnnotationShape> {
  return (await succeeds<AnnotationResult>(as, "createAnnotation", input)).annotation!;
}

function rawId(globalId: string): string {
  const decoded = Buffer.from(globalId, "base64url").toString("utf8");
  return decoded.slice(decoded.indexOf(":") + 1);
}

const ARTICLE_NOTES = `query ($id: ID!, $filter: AnnotationFilter) {
  article(id: $id) { annotations(filter: $filter, first: 100) { totalCount edges { node { id body status replies(first: 50) { totalCount edges { node { id body } } } } } } }
}`;

interface ArticleNotes {
  article: { annotations: { totalCount: number; edges: { node: { id: string; body: string; status: string; replies: { totalCount: number; edges: { node: { id: string; body: string } }[] } } }[] } };
}

async function articleNotes(filter?: Record<string, unknown>) {
  const result = await executeAsViewer<ArticleNotes>(db, editor, ARTICLE_NOTES, { id: articleGid, filter: filter ?? null });
  expect(result.errors).toBeUndefined();
  return result.data!.article.annotations;
}

beforeAll(async () => {
  db = await createTestDatabase({ exampleStory: true });
  ({ articleId } = await seedExampleStory(db.prisma));
  articleGid = toGlobalId("Article", articleId);
  const article = await db.prisma.article.findUniqueOrThrow({ where: { id: articleId } });
  body = article.body;
  revisionNumber = article.revisionNumber;
  const quotes = await db.prisma.quote.findMany({ where: { articleId }, orderBy: { start: "asc" } });
  const found = quotes.find((quote) => quote.text.startsWith("Bottom line"));
  if (!found) throw new Error("seed quote missing");
  bottomLine = found;
  incidentGid = toGlobalId("Incident", (await db.prisma.incident.findFirstOrThrow({ orderBy: { id: "asc" } })).id);
  personGid = toGlobalId("Person", (await db.prisma.person.findFirstOrThrow({ where: { name: "Mike Pompeo" } })).id);
  viewer = await createViewer(db, "VIEWER");
  reporter = await createViewer(db, "REPORTER");
  otherReporter = await createViewer(db, "REPORTER");
  editor = await createViewer(db, "EDITOR");
});

afterAll(async () => {
  await db?.close();
});

describe("the Basra desk examples", () => {
  it("highlights “the official” as identifying, with both selectors stored and one audit event", async () => {
    // "the official" occurs several times: the first lower-case one, by its offsets.
    expect(occurrences("the official")).toBeGreaterThan(1);
    const selector = selectorOf("the official");
    const before = await counts();
    const note = await createNote(reporter, {
      target: { articleId: articleGid },
      selector,
      motivation: "identifying",
      body: "  The senior administration official who spoke to the Journal (paragraph two).  ",
      tags: [" unnamed-source ", "unnamed-source", "basra"],
    });
    expect(note).toMatchObject({
      targetType: "ARTICLE",
      motivation: "identifying",
      body: "The senior administration official who spoke to the Journal (paragraph two).",
      tags: ["unnamed-source", "basra"],
      status: "OPEN",
      version: 1,
      article: { id: articleGid },
      target: { __typename: "Article", id: articleGid },
      parent: null,
      author: { id: toGlobalId("User", reporter.userId!) },
    });
    expect(note.selector).toEqual({
      start: selector.start,
      end: selector.end,
      exact: "the official",
      prefix: body.slice(selector.start - 32, selector.start),
      suffix: body.slice(selector.end, selector.end + 32),
    });
    const row = await db.prisma.annotation.findUniqueOrThrow({ where: { id: rawId(note.id) } });
    expect(row).toMatchObject({ articleId, quoteId: null, anchorState: "ANCHORED", anchoredRevision: revisionNumber, authorId: reporter.userId });
    expect(await counts()).toEqual({ ...before, annotations: before.annotations + 1, auditEvents: before.auditEvents + 1 });
    const event = await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(event).toMatchObject({
      action: "annotation.create",
      targetType: "Annotation",
      targetId: row.id,
      actorId: reporter.userId,
      requestId: "test-request",
      before: null,
    });
    expect(event.after).toMatchObject({ id: row.id, exact: "the official", motivation: "identifying" });
  });

  it("finds a span again by exact text with prefix and suffix when the offsets are stale", async () => {
    const target = selectorOf("the official", 1);
    const prefix = body.slice(target.start - 20, target.start);
    const suffix = body.slice(target.end, target.end + 10);
    const note = await createNote(reporter, {
      target: { articleId: articleGid },
      selector: { start: 0, end: 12, exact: "the official", prefix, suffix },
      motivation: "linking",
      body: "Same unnamed senior administration official as in paragraph two.",
      tags: ["same-source"],
    });
    expect(note.selector).toMatchObject({ start: target.start, end: target.end, exact: "the official" });
    expect(note.motivation).toBe("linking");
  });

  it("flags “killed at least 25” for fact-checking, and an editor records a claim review on it", async () => {
    const selector = selectorOf("killed at least 25");
    const flag = await createNote(reporter, {
      target: { articleId: articleGid },
      selector,
      motivation: "questioning",
      body: "Fact-check: Iranian state media said 25; later reports say 24 or 29.",
      tags: ["fact-check", "casualties"],
    });
    expect(flag.selector?.exact).toBe("killed at least 25");

    const input = {
      articleId: articleGid,
      selector: { start: selector.start, end: selector.end, exact: selector.exact },
      rating: "MOSTLY_TRUE",
      explanation: "  Iranian state media reported 25 dead, including a child; later tallies differ by a few.  ",
      evidenceUrls: ["https://www.reuters.com/article/us-iran-military-attack", "http://example.org/tally", "https://www.reuters.com/article/us-iran-military-attack"],
    };
    // Reporters may flag but not fact-check: the directive refuses, nothing is stored.
    const before = await counts();
    const refused = await executeAsViewer(db, reporter, CLAIM, { input });
    expect(errorCodes(refused.errors)).toEqual(["FORBIDDEN"]);
    expect(await counts()).toEqual(before);

    const { claimReview } = await succeeds<{ claimReview: Record<string, unknown>; errors: MutationErrorShape[] }>(editor, "createClaimReview", input);
    expect(claimReview).toMatchObject({
      claim: "killed at least 25",
      start: selector.start,
      end: selector.end,
      rating: "MOSTLY_TRUE",
      explanation: "Iranian state media reported 25 dead, including a child; later tallies differ by a few.",
      evidenceUrls: ["https://www.reuters.com/article/us-iran-military-attack", "http://example.org/tally"],
      article: { id: articleGid },
      quote: null,
      reviewer: { id: toGlobalId("User", editor.userId!) },
    });
    const event = await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(event).toMatchObject({ action: "claimReview.create", targetType: "ClaimReview", targetId: rawId(String(claimReview["id"])), actorId: editor.userId });

    // Read back through the article.
    const read = await executeAs<{ article: { claimReviews: { edges: { node: { claim: string; rating: string } }[] } } }>(
      db,
      "VIEWER",
      `query ($id: ID!) { article(id: $id) { claimReviews { edges { node { claim rating } } } } }`,
      { id: articleGid },
    );
    expect(read.errors).toBeUndefined();
    expect(read.data?.article.claimReviews.edges.map((edge) => edge.node)).toContainEqual({ claim: "killed at least 25", rating: "MOSTLY_TRUE" });
  });

  it("refuses a selector that does not match the text with INVALID_SELECTOR and stores nothing", async () => {
    const selector = selectorOf("killed at least 25");
    const base = { target: { articleId: articleGid }, motivation: "questioning", body: "Check this." };
    // Wrong text at the offsets, and not in the body at all.
    await failsWith(reporter, "createAnnotation", { ...base, selector: { ...selector, exact: "killed at least 30" } }, "INVALID_SELECTOR", "input.selector.exact");
    // Stale offsets and a text that occurs several times, with nothing to tell them apart.
    await failsWith(reporter, "createAnnotation", { ...base, selector: { start: 0, end: 12, exact: "the official" } }, "INVALID_SELECTOR", "input.selector.exact");
    // The right text with the wrong context.
    await failsWith(reporter, "createAnnotation", { ...base, selector: { start: 0, end: 5, exact: "killed at least 25", prefix: "nobody " } }, "INVALID_SELECTOR", "input.selector.exact");
    // Same for fact-checks.
    await failsWith(
      editor,
      "createClaimReview",
      { articleId: articleGid, selector: { ...selector, exact: "killed at most 25" }, rating: "FALSE", explanation: "No." },
      "INVALID_SELECTOR",
      "input.selector.exact",
    );
  });
});

describe("roles", () => {
  let note: AnnotationShape;

  beforeAll(async () => {
    note = await createNote(reporter, { target: { articleId: articleGid }, selector: selectorOf("Basra"), motivation: "highlighting" });
  });

  it("refuses every mutation to a VIEWER with FORBIDDEN and stores nothing", async () => {
    const state = { id: note.id, expectedVersion: note.version };
    const inputs: Record<keyof typeof MUTATIONS, Record<string, unknown>> = {
      createAnnotation: { target: { articleId: articleGid }, selector: selectorOf("Basra"), motivation: "commenting", body: "Hello" },
      replyToAnnotation: { parentId: note.id, body: "Hello" },
      updateAnnotation: { ...state, body: "Hello" },
      resolveAnnotation: state,
      reopenAnnotation: state,
      deleteAnnotation: state,
      createClaimReview: { articleId: articleGid, selector: selectorOf("Basra"), rating: "TRUE", explanation: "Yes." },
    };
    for (const [name, input] of Object.entries(inputs)) {
      const before = await counts();
      const rows = await db.prisma.annotation.findMany({ orderBy: { id: "asc" } });
      const result = await executeAsViewer(db, viewer, MUTATIONS[name]!.query, { input });
      expect(errorCodes(result.errors), name).toEqual(["FORBIDDEN"]);
      expect(result.data, name).toBeNull();
      expect(await counts(), name).toEqual(before);
      expect(await db.prisma.annotation.findMany({ orderBy: { id: "asc" } }), name).toEqual(rows);
    }
  });

  it("refuses a role without a user behind it (no author to record) in the payload", async () => {
    const before = await counts();
    const result = await executeAs<{ createAnnotation: AnnotationResult }>(db, "REPORTER", CREATE, {
      input: { target: { articleId: articleGid }, selector: selectorOf("Basra"), motivation: "highlighting" },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.createAnnotation.errors.map((error) => error.code)).toEqual(["FORBIDDEN"]);
    expect(await counts()).toEqual(before);
  });

  it("lets only the author or an editor change or delete an annotation", async () => {
    const state = { id: note.id, expectedVersion: note.version };
    await failsWith(otherReporter, "updateAnnotation", { ...state, body: "Mine now" }, "FORBIDDEN", "input.id");
    await failsWith(otherReporter, "deleteAnnotation", state, "FORBIDDEN", "input.id");
    const updated = (await succeeds<AnnotationResult>(editor, "updateAnnotation", { ...state, body: "The desk's Basra spelling.", motivation: "commenting" })).annotation!;
    expect(updated).toMatchObject({ body: "The desk's Basra spelling.", motivation: "commenting", version: 2, author: { id: toGlobalId("User", reporter.userId!) } });
    const own = (await succeeds<AnnotationResult>(reporter, "updateAnnotation", { id: note.id, expectedVersion: 2, tags: ["spelling"] })).annotation!;
    expect(own).toMatchObject({ body: "The desk's Basra spelling.", tags: ["spelling"], version: 3 });
    const event = await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(event).toMatchObject({ action: "annotation.update", targetType: "Annotation", targetId: rawId(note.id), actorId: reporter.userId });
    expect(event.before).toMatchObject({ version: 2, tags: [] });
    expect(event.after).toMatchObject({ version: 3, tags: ["spelling"] });
  });

  it("lets any reporter resolve and reopen another reporter's annotation", async () => {
    const current = await db.prisma.annotation.findUniqueOrThrow({ where: { id: rawId(note.id) } });
    const resolved = (await succeeds<AnnotationResult>(otherReporter, "resolveAnnotation", { id: note.id, expectedVersion: current.version })).annotation!;
    expect(resolved.resolvedBy).toEqual({ id: toGlobalId("User", otherReporter.userId!) });
    await succeeds(reporter, "reopenAnnotation", { id: note.id, expectedVersion: resolved.version });
  });
});

describe("createAnnotation", () => {
  it("annotates a quote, storing its article so Article.annotations finds it (once), as well as old quote notes without one", async () => {
    const quoteGid = toGlobalId("Quote", bottomLine.id);
    const whole = await createNote(reporter, { target: { quoteId: quoteGid }, motivation: "assessing", body: "Second source needed for this quote." });
    expect(whole).toMatchObject({ targetType: "QUOTE", selector: null, article: { id: articleGid }, target: { __typename: "Quote", id: quoteGid } });
    expect(await db.prisma.annotation.findUniqueOrThrow({ where: { id: rawId(whole.id) } })).toMatchObject({ articleId, quoteId: bottomLine.id, start: null });

    // A span inside the quote (by stale offsets: the search stays inside the quote).
    const inside = await createNote(reporter, {
      target: { quoteId: quoteGid },
      selector: { start: 0, end: 3, exact: "we’ll respond" },
      motivation: "highlighting",
    });
    const at = body.indexOf("we’ll respond", bottomLine.start);
    expect(inside.selector).toMatchObject({ start: at, end: at + "we’ll respond".length, exact: "we’ll respond" });
    // A span outside the quote is refused.
    await failsWith(reporter, "createAnnotation", { target: { quoteId: quoteGid }, selector: selectorOf("killed at least 25"), motivation: "highlighting" }, "INVALID_SELECTOR", "input.selector.exact");

    // A note written before quote notes carried their article (articleId null).
    const legacy = await db.prisma.annotation.create({
      data: { targetType: "QUOTE", quoteId: bottomLine.id, motivation: "commenting", body: "Legacy quote note.", authorId: editor.userId! },
    });
    const listed = await articleNotes();
    const ids = listed.edges.map((edge) => edge.node.id);
    for (const id of [whole.id, inside.id, toGlobalId("Annotation", legacy.id)]) expect(ids.filter((listedId) => listedId === id)).toHaveLength(1);
    expect(listed.totalCount).toBe(ids.length);
    const filtered = await articleNotes({ motivation: ["assessing"] });
    expect(filtered.edges.map((edge) => edge.node.id)).toContain(whole.id);

    const viaQuote = await executeAsViewer<{ node: { annotations: { totalCount: number; edges: { node: { id: string } }[] } } }>(
      db,
      reporter,
      `query ($id: ID!) { node(id: $id) { ... on Quote { annotations(first: 50) { totalCount edges { node { id } } } } } }`,
      { id: quoteGid },
    );
    expect(viaQuote.errors).toBeUndefined();
    expect(viaQuote.data?.node.annotations.edges.map((edge) => edge.node.id).sort()).toEqual([whole.id, inside.id, toGlobalId("Annotation", legacy.id)].sort());
    await db.prisma.annotation.delete({ where: { id: legacy.id } });
  });

  it("annotates an incident or a person as a whole record; a selector there is INVALID_INPUT", async () => {
    const incidentNote = await createNote(editor, { target: { incidentId: incidentGid }, motivation: "linking", body: "Same attack as the wire story." });
    expect(incidentNote).toMatchObject({ targetType: "INCIDENT", selector: null, article: null, target: { __typename: "Incident", id: incidentGid } });
    const personNote = await createNote(reporter, { target: { personId: personGid }, motivation: "identifying", body: "Also @SecPompeo." });
    expect(personNote).toMatchObject({ targetType: "PERSON", target: { __typename: "Person", id: personGid } });
    await failsWith(reporter, "createAnnotation", { target: { personId: personGid }, selector: selectorOf("Pompeo"), motivation: "identifying", body: "x" }, "INVALID_INPUT", "input.selector");
  });

  it("checks the target: exactly one, well-formed ids of the right type, existing records", async () => {
    const base = { selector: selectorOf("Basra"), motivation: "commenting", body: "Note" };
    await failsWith(reporter, "createAnnotation", { ...base, target: {} }, "INVALID_INPUT", "input.target");
    await failsWith(reporter, "createAnnotation", { ...base, target: { articleId: articleGid, personId: personGid } }, "INVALID_INPUT", "input.target");
    await failsWith(reporter, "createAnnotation", { ...base, target: { articleId: "not-an-id" } }, "INVALID_INPUT", "input.target.articleId");
    await failsWith(reporter, "createAnnotation", { ...base, target: { articleId: personGid } }, "INVALID_INPUT", "input.target.articleId");
    await failsWith(reporter, "createAnnotation", { ...base, target: { articleId: toGlobalId("Article", "00000000-0000-7000-8000-000000000000") } }, "NOT_FOUND", "input.target.articleId");
    await failsWith(reporter, "createAnnotation", { ...base, target: { quoteId: toGlobalId("Quote", "00000000-0000-7000-8000-000000000000") } }, "NOT_FOUND", "input.target.quoteId");
  });

  it("checks the selector's shape and bounds, and requires one on an article", async () => {
    const base = { target: { articleId: articleGid }, motivation: "commenting", body: "Note" };
    await failsWith(reporter, "createAnnotation", base, "INVALID_INPUT", "input.selector");
    await failsWith(reporter, "createAnnotation", { ...base, selector: { start: 5, end: 5 } }, "INVALID_INPUT", "input.selector.end");
    await failsWith(reporter, "createAnnotation", { ...base, selector: { start: -1, end: 5 } }, "INVALID_INPUT", "input.selector.start");
    await failsWith(reporter, "createAnnotation", { ...base, selector: { start: 0, end: body.length + 1 } }, "INVALID_INPUT", "input.selector.end");
    // Offsets alone (no exact) that are in range are taken as they are.
    const note = await createNote(reporter, { ...base, selector: { start: 0, end: 3 } });
    expect(note.selector).toMatchObject({ start: 0, end: 3, exact: body.slice(0, 3), prefix: "" });
  });

  it("validates body and tags with INVALID_INPUT naming the field", async () => {
    const base = { target: { articleId: articleGid }, selector: selectorOf("Basra") };
    await failsWith(reporter, "createAnnotation", { ...base, motivation: "commenting" }, "INVALID_INPUT", "input.body");
    await failsWith(reporter, "createAnnotation", { ...base, motivation: "commenting", body: "" }, "INVALID_INPUT", "input.body");
    await failsWith(reporter, "createAnnotation", { ...base, motivation: "commenting", body: "   \n " }, "INVALID_INPUT", "input.body");
    await failsWith(reporter, "createAnnotation", { ...base, motivation: "commenting", body: "x".repeat(10_001) }, "INVALID_INPUT", "input.body");
    await failsWith(reporter, "createAnnotation", { ...base, motivation: "tagging" }, "INVALID_INPUT", "input.tags");
    await failsWith(reporter, "createAnnotation", { ...base, motivation: "tagging", tags: Array.from({ length: 21 }, (_, n) => `t${n}`) }, "INVALID_INPUT", "input.tags");
    await failsWith(reporter, "createAnnotation", { ...base, motivation: "tagging", tags: ["ok", "x".repeat(51)] }, "INVALID_INPUT", "input.tags.1");
    await failsWith(reporter, "createAnnotation", { ...base, motivation: "tagging", tags: ["ok", "  "] }, "INVALID_INPUT", "input.tags.1");

    const longest = await createNote(reporter, { ...base, motivation: "commenting", body: "y".repeat(10_000) });
    expect(longest.body).toHaveLength(10_000);
    const tagged = await createNote(reporter, { ...base, motivation: "tagging", tags: Array.from({ length: 20 }, (_, n) => ` t${n % 10} `) });
    expect(tagged.tags).toEqual(Array.from({ length: 10 }, (_, n) => `t${n}`));
    expect(tagged.body).toBe("");
  });
});

describe("replyToAnnotation", () => {
  it("replies in the thread, inherits the target, attaches replies to replies to the root, and reads back as replies", async () => {
    const root = await createNote(reporter, { target: { articleId: articleGid }, selector: selectorOf("Quds Force"), motivation: "questioning", body: "Who is the source for this?" });
    const first = (await succeeds<AnnotationResult>(editor, "replyToAnnotation", { parentId: root.id, body: "The same official." })).annotation!;
    expect(first).toMatchObject({ motivation: "commenting", parent: { id: root.id }, targetType: "ARTICLE", target: { __typename: "Article", id: articleGid }, selector: null });
    const event = await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(event).toMatchObject({ action: "annotation.reply", targetType: "Annotation", targetId: rawId(first.id), actorId: editor.userId });
    const second = (await succeeds<AnnotationResult>(reporter, "replyToAnnotation", { parentId: first.id, body: "Thanks.", motivation: "assessing" })).annotation!;
    expect(second).toMatchObject({ motivation: "assessing", parent: { id: root.id } });

    const listed = await articleNotes({ topLevel: true });
    const thread = listed.edges.find((edge) => edge.node.id === root.id)?.node;
    expect(thread?.replies.totalCount).toBe(2);
    expect(thread?.replies.edges.map((edge) => edge.node.body)).toEqual(["The same official.", "Thanks."]);

    // The review queue sees the replies too.
    const queue = await executeAsViewer<{ annotations: { edges: { node: { id: string; parent: { id: string } | null } }[] } }>(
      db,
      reporter,
      `query ($filter: AnnotationFilter) { annotations(filter: $filter, first: 100) { edges { node { id parent { id } } } } }`,
      { filter: { topLevel: false, articleId: articleGid } },
    );
    expect(queue.errors).toBeUndefined();
    expect(queue.data?.annotations.edges.map((edge) => edge.node)).toEqual(expect.arrayContaining([{ id: first.id, parent: { id: root.id } }, { id: second.id, parent: { id: root.id } }]));
  });

  it("replies to a quote note keep the quote and its article", async () => {
    const root = await createNote(reporter, { target: { quoteId: toGlobalId("Quote", bottomLine.id) }, motivation: "commenting", body: "Quote note" });
    const reply = (await succeeds<AnnotationResult>(editor, "replyToAnnotation", { parentId: root.id, body: "Reply" })).annotation!;
    expect(reply).toMatchObject({ targetType: "QUOTE", article: { id: articleGid }, target: { __typename: "Quote" } });
    expect(await db.prisma.annotation.findUniqueOrThrow({ where: { id: rawId(reply.id) } })).toMatchObject({ articleId, quoteId: bottomLine.id, parentId: rawId(root.id) });
  });

  it("validates the reply and refuses deleted or missing parents with NOT_FOUND", async () => {
    const root = await createNote(reporter, { target: { articleId: articleGid }, selector: selectorOf("Tehran"), motivation: "commenting", body: "Regime?" });
    await failsWith(reporter, "replyToAnnotation", { parentId: root.id, body: "  " }, "INVALID_INPUT", "input.body");
    await failsWith(reporter, "replyToAnnotation", { parentId: root.id, body: "z".repeat(10_001) }, "INVALID_INPUT", "input.body");
    await failsWith(reporter, "replyToAnnotation", { parentId: articleGid, body: "x" }, "INVALID_INPUT", "input.parentId");
    await failsWith(reporter, "replyToAnnotation", { parentId: toGlobalId("Annotation", "00000000-0000-7000-8000-000000000000"), body: "x" }, "NOT_FOUND", "input.parentId");
    await succeeds(reporter, "deleteAnnotation", { id: root.id, expectedVersion: 1 });
    await failsWith(editor, "replyToAnnotation", { parentId: root.id, body: "Too late" }, "NOT_FOUND", "input.parentId");
  });
});

describe("updateAnnotation", () => {
  it("answers a stale expectedVersion with VERSION_CONFLICT and the current version, changing nothing", async () => {
    const note = await createNote(reporter, { target: { articleId: articleGid }, selector: selectorOf("Baghdad"), motivation: "commenting", body: "v1" });
    await succeeds(reporter, "updateAnnotation", { id: note.id, expectedVersion: 1, body: "v2" });
    const error = await failsWith(reporter, "updateAnnotation", { id: note.id, expectedVersion: 1, body: "lost update" }, "VERSION_CONFLICT", "input.expectedVersion");
    expect(error.currentVersion).toBe(2);
    expect((await db.prisma.annotation.findUniqueOrThrow({ where: { id: rawId(note.id) } })).body).toBe("v2");
  });

  it("validates the change: something to change, the body rule on the result, lengths", async () => {
    const note = await createNote(reporter, { target: { articleId: articleGid }, selector: selectorOf("Baghdad"), motivation: "highlighting" });
    const state = { id: note.id, expectedVersion: 1 };
    await failsWith(reporter, "updateAnnotation", state, "INVALID_INPUT", "input");
    // A highlight has no body; making it a comment needs one.
    await failsWith(reporter, "updateAnnotation", { ...state, motivation: "commenting" }, "INVALID_INPUT", "input.body");
    await failsWith(reporter, "updateAnnotation", { ...state, body: "b".repeat(10_001) }, "INVALID_INPUT", "input.body");
    await failsWith(reporter, "updateAnnotation", { ...state, tags: Array.from({ length: 21 }, (_, n) => `t${n}`) }, "INVALID_INPUT", "input.tags");
    await failsWith(reporter, "updateAnnotation", { ...state, expectedVersion: 0, body: "x" }, "INVALID_INPUT", "input.expectedVersion");
    await failsWith(reporter, "updateAnnotation", { id: toGlobalId("Annotation", "00000000-0000-7000-8000-000000000000"), expectedVersion: 1, body: "x" }, "NOT_FOUND", "input.id");
    const updated = (await succeeds<AnnotationResult>(reporter, "updateAnnotation", { ...state, motivation: "commenting", body: "Now a comment" })).annotation!;
    expect(updated).toMatchObject({ motivation: "commenting", body: "Now a comment", version: 2 });
  });

  it("lets exactly one of ten parallel updates with the same expectedVersion win", async () => {
    const note = await createNote(reporter, { target: { articleId: articleGid }, selector: selectorOf("Iran"), motivation: "commenting", body: "start" });
    const before = await counts();
    // Only scalar fields in the payload: see LEAN_UPDATE.
    const results = await Promise.all(
      Array.from({ length: 10 }, async (_, n) => {
        const result = await executeAsViewer<{ updateAnnotation: AnnotationResult }>(db, n % 2 ? editor : reporter, LEAN_UPDATE, {
          input: { id: note.id, expectedVersion: 1, body: `edit ${n}` },
        });
        expect(result.errors).toBeUndefined();
        return result.data!.updateAnnotation;
      }),
    );
    expect(results.filter((result) => result.errors.length === 0)).toHaveLength(1);
    const conflicts = results.filter((result) => result.errors[0]?.code === "VERSION_CONFLICT");
    expect(conflicts).toHaveLength(9);
    for (const conflict of conflicts) expect(conflict.errors[0]?.currentVersion).toBe(2);
    expect((await db.prisma.annotation.findUniqueOrThrow({ where: { id: rawId(note.id) } })).version).toBe(2);
    expect((await counts()).auditEvents).toBe(before.auditEvents + 1);
  });
});

describe("resolveAnnotation and reopenAnnotation", () => {
  it("resolves (recording who and when), refuses resolving twice, reopens, and the queue follows", async () => {
    const note = await createNote(reporter, { target: { articleId: articleGid }, selector: selectorOf("demonstrations"), motivation: "questioning", body: "How many?" });
    const reply = (await succeeds<AnnotationResult>(editor, "replyToAnnotation", { parentId: note.id, body: "Hundreds." })).annotation!;
    const resolved = (await succeeds<AnnotationResult>(editor, "resolveAnnotation", { id: note.id, expectedVersion: 1 })).annotation!;
    expect(resolved).toMatchObject({ status: "RESOLVED", version: 2, resolvedBy: { id: toGlobalId("User", editor.userId!) } });
    expect(Date.now() - Date.parse(resolved.resolvedAt!)).toBeLessThan(60_000);
    expect((await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).action).toBe("annotation.resolve");

    const resolvedQueue = await articleNotes({ status: "RESOLVED" });
    expect(resolvedQueue.edges.map((edge) => edge.node.id)).toContain(note.id);

    await failsWith(editor, "resolveAnnotation", { id: note.id, expectedVersion: 2 }, "CONFLICT", "input.id");
    const stale = await failsWith(editor, "resolveAnnotation", { id: note.id, expectedVersion: 1 }, "VERSION_CONFLICT", "input.expectedVersion");
    expect(stale.currentVersion).toBe(2);
    await failsWith(editor, "resolveAnnotation", { id: reply.id, expectedVersion: 1 }, "CONFLICT", "input.id");

    const reopened = (await succeeds<AnnotationResult>(reporter, "reopenAnnotation", { id: note.id, expectedVersion: 2 })).annotation!;
    expect(reopened).toMatchObject({ status: "OPEN", version: 3, resolvedBy: null, resolvedAt: null });
    expect((await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).action).toBe("annotation.reopen");
    await failsWith(reporter, "reopenAnnotation", { id: note.id, expectedVersion: 3 }, "CONFLICT", "input.id");
    const openQueue = await articleNotes({ status: "OPEN" });
    expect(openQueue.edges.map((edge) => edge.node.id)).toContain(note.id);
  });
});

describe("deleteAnnotation", () => {
  it("deletes softly with its replies: gone from lists and lookups, kept in the table, one audit event", async () => {
    const root = await createNote(reporter, { target: { articleId: articleGid }, selector: selectorOf("blackouts"), motivation: "commenting", body: "Source?" });
    const reply = (await succeeds<AnnotationResult>(editor, "replyToAnnotation", { parentId: root.id, body: "Local media." })).annotation!;
    await failsWith(reporter, "deleteAnnotation", { id: root.id, expectedVersion: 2 }, "VERSION_CONFLICT", "input.expectedVersion");

    const payload = await succeeds<{ deletedAnnotationId: string; errors: MutationErrorShape[] }>(reporter, "deleteAnnotation", { id: root.id, expectedVersion: 1 });
    expect(payload.deletedAnnotationId).toBe(root.id);
    const rows = await db.prisma.annotation.findMany({ where: { id: { in: [rawId(root.id), rawId(reply.id)] } } });
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.deletedAt).not.toBeNull();
    const event = await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(event).toMatchObject({ action: "annotation.delete", targetType: "Annotation", targetId: rawId(root.id), actorId: reporter.userId });
    expect(event.after).toMatchObject({ deletedReplyIds: [rawId(reply.id)] });

    const ids = (await articleNotes()).edges.map((edge) => edge.node.id);
    expect(ids).not.toContain(root.id);
    expect(ids).not.toContain(reply.id);
    const lookup = await executeAsViewer<{ nodes: unknown[] }>(db, editor, `query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [root.id, reply.id] });
    expect(lookup.data?.nodes).toEqual([null, null]);

    await failsWith(reporter, "deleteAnnotation", { id: root.id, expectedVersion: 2 }, "NOT_FOUND", "input.id");
    await failsWith(reporter, "updateAnnotation", { id: root.id, expectedVersion: 2, body: "x" }, "NOT_FOUND", "input.id");
  });

  it("lets an editor delete a reporter's reply, leaving the thread", async () => {
    const root = await createNote(reporter, { target: { articleId: articleGid }, selector: selectorOf("corruption"), motivation: "commenting", body: "Which?" });
    const reply = (await succeeds<AnnotationResult>(otherReporter, "replyToAnnotation", { parentId: root.id, body: "Spam" })).annotation!;
    await failsWith(reporter, "deleteAnnotation", { id: reply.id, expectedVersion: 1 }, "FORBIDDEN", "input.id");
    await succeeds(editor, "deleteAnnotation", { id: reply.id, expectedVersion: 1 });
    const thread = (await articleNotes()).edges.find((edge) => edge.node.id === root.id)?.node;
    expect(thread?.replies.totalCount).toBe(0);
  });
});

describe("createClaimReview", () => {
  it("checks a quote: the claim is the quote's text", async () => {
    const quoteGid = toGlobalId("Quote", bottomLine.id);
    const { claimReview } = await succeeds<{ claimReview: Record<string, unknown>; errors: MutationErrorShape[] }>(editor, "createClaimReview", {
      quoteId: quoteGid,
      rating: "UNPROVEN",
      explanation: "A threat, not a checkable claim.",
    });
    expect(claimReview).toMatchObject({ claim: bottomLine.text, quote: { id: quoteGid }, article: { id: articleGid }, start: null, end: null, evidenceUrls: [] });
    const read = await executeAsViewer<{ node: { claimReviews: { edges: { node: { id: string } }[] } } }>(
      db,
      viewer,
      `query ($id: ID!) { node(id: $id) { ... on Quote { claimReviews { edges { node { id } } } } } }`,
      { id: quoteGid },
    );
    expect(read.data?.node.claimReviews.edges.map((edge) => edge.node.id)).toContain(claimReview["id"]);
  });

  it("validates its input with INVALID_INPUT naming the field", async () => {
    const quoteGid = toGlobalId("Quote", bottomLine.id);
    const base = { rating: "TRUE", explanation: "Checked." };
    const span = selectorOf("killed at least 25");
    await failsWith(editor, "createClaimReview", base, "INVALID_INPUT", "input.quoteId");
    await failsWith(editor, "createClaimReview", { ...base, quoteId: quoteGid, articleId: articleGid, selector: span }, "INVALID_INPUT", "input.quoteId");
    await failsWith(editor, "createClaimReview", { ...base, articleId: articleGid }, "INVALID_INPUT", "input.selector");
    await failsWith(editor, "createClaimReview", { ...base, quoteId: quoteGid, explanation: "   " }, "INVALID_INPUT", "input.explanation");
    await failsWith(editor, "createClaimReview", { ...base, quoteId: quoteGid, explanation: "e".repeat(5_001) }, "INVALID_INPUT", "input.explanation");
    await failsWith(editor, "createClaimReview", { ...base, quoteId: quoteGid, evidenceUrls: ["ftp://example.org/file"] }, "INVALID_INPUT", "input.evidenceUrls.0");
    await failsWith(editor, "createClaimReview", { ...base, quoteId: quoteGid, evidenceUrls: ["https://ok.example", "not a url"] }, "INVALID_INPUT", "input.evidenceUrls.1");
    await failsWith(editor, "createClaimReview", { ...base, quoteId: quoteGid, evidenceUrls: ["javascript:alert(1)"] }, "INVALID_INPUT", "input.evidenceUrls.0");
    await failsWith(
      editor,
      "createClaimReview",
      { ...base, quoteId: quoteGid, evidenceUrls: Array.from({ length: 21 }, (_, n) => `https://example.org/${n}`) },
      "INVALID_INPUT",
      "input.evidenceUrls",
    );
    await failsWith(editor, "createClaimReview", { ...base, quoteId: articleGid }, "INVALID_INPUT", "input.quoteId");
    await failsWith(editor, "createClaimReview", { ...base, quoteId: toGlobalId("Quote", "00000000-0000-7000-8000-000000000000") }, "NOT_FOUND", "input.quoteId");
  });
});
