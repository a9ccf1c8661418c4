import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../../src/graphql/ids.js";
import { spanOf } from "../../src/core/span.js";
import type { AnchorChange, ReanchorSummary } from "../../src/domain/articles/reanchor.js";
import type { Actor } from "../../src/core/actor.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { createViewer, executeAsViewer } from "../support/viewers.js";

// Re-anchoring through the GraphQL layer on copies of the seed story (basra-consulate-2018):
// each test edits its own copy with updateArticle and checks where every quote, mention and
// annotation went, the one audit event, the orphan queue, reanchorAnnotation as each role, and
// revisions with their diff.

interface MutationErrorShape {
  code: string;
  field: string | null;
  message: string;
  currentVersion: number | null;
}

let db: TestDatabase;
let viewer: Actor;
let reporter: Actor;
let editor: Actor;
let seedArticleId: string;
let copies = 0;

beforeAll(async () => {
  db = await createTestDatabase({ exampleStory: true });
  seedArticleId = (await seedExampleStory(db.prisma)).articleId;
  viewer = await createViewer(db, "VIEWER");
  reporter = await createViewer(db, "REPORTER");
  editor = await createViewer(db, "EDITOR");
});

afterAll(async () => {
  await db.close();
});

const BOTTOM_LINE = "Bottom line, if we are attacked we\u2019ll respond,";

/** A copy of the seed story with its quotes, mentions and three annotations (one on the "Bottom line" quote). */
async function copyOfSeedStory(): Promise<{ id: string; body: string; annotations: Record<string, string> }> {
  const prisma = db.prisma;
  const seed = await prisma.article.findUniqueOrThrow({ where: { id: seedArticleId } });
  copies += 1;
  const article = await prisma.article.create({
    data: {
      slug: `basra-copy-${copies}`,
      body: seed.body,
      bodyHash: seed.bodyHash,
      status: seed.status,
      publishedAt: seed.publishedAt,
      revisions: { create: { number: 1, body: seed.body, reason: "Copy of the seed story" } },
    },
  });
  const quotes = await prisma.quote.findMany({ where: { articleId: seedArticleId } });
  await prisma.quote.createMany({
    data: quotes.map(({ id: _id, createdAt: _c, updatedAt: _u, articleId: _a, ...quote }) => ({ ...quote, articleId: article.id, fingerprint: null })),
  });
  const entityMentions = await prisma.entityMention.findMany({ where: { articleId: seedArticleId } });
  await prisma.entityMention.createMany({ data: entityMentions.map(({ id: _id, createdAt: _c, articleId: _a, ...mention }) => ({ ...mention, articleId: article.id })) });
  const incidentMentions = await prisma.incidentMention.findMany({ where: { articleId: seedArticleId } });
  await prisma.incidentMention.createMany({ data: incidentMentions.map(({ id: _id, createdAt: _c, articleId: _a, ...mention }) => ({ ...mention, articleId: article.id })) });
  const annotations: Record<string, string> = {};
  for (const exact of [BOTTOM_LINE, "killed at least 25", "decided to close the U.S. post in Basra"]) {
    const at = seed.body.indexOf(exact);
    const span = spanOf(seed.body, at, at + exact.length);
    const created = await prisma.annotation.create({
      data: { targetType: "ARTICLE", articleId: article.id, ...span, anchoredRevision: 1, motivation: "questioning", body: `Check: ${exact}`, authorId: editor.userId ?? "" },
    });
    annotations[exact] = created.id;
  }
  return { id: article.id, body: seed.body, annotations };
}

/** Every span-bound row of an article, by kind. */
async function spansOf(articleId: string) {
  const [quotes, entityMentions, incidentMentions, annotations] = await Promise.all([
    db.prisma.quote.findMany({ where: { articleId }, orderBy: { id: "asc" } }),
    db.prisma.entityMention.findMany({ where: { articleId }, orderBy: { id: "asc" } }),
    db.prisma.incidentMention.findMany({ where: { articleId }, orderBy: { id: "asc" } }),
    db.prisma.annotation.findMany({ where: { articleId }, orderBy: { id: "asc" } }),
  ]);
  return { quotes, entityMentions, incidentMentions, annotations };
}

/** Saves a new body as an editor; returns the payload errors, the audit events written and the reanchored summary. */
async function editBody(articleId: string, body: string, as: Actor = editor) {
  const { version } = await db.prisma.article.findUniqueOrThrow({ where: { id: articleId }, select: { version: true } });
  const auditBefore = await db.prisma.auditEvent.count();
  const result = await executeAsViewer<{ updateArticle: { article: { revisionNumber: number } | null; errors: MutationErrorShape[] } }>(
    db,
    as,
    `mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { article { revisionNumber } errors { code field message currentVersion } } }`,
    { input: { id: toGlobalId("Article", articleId), expectedVersion: version, body, reason: "Edit" } },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data?.updateArticle.errors).toEqual([]);
  const events = await db.prisma.auditEvent.count();
  expect(events).toBe(auditBefore + 1);
  const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "article.update", targetId: articleId }, orderBy: { id: "desc" } });
  const reanchored = afterField<ReanchorSummary>(event.after, "reanchored");
  return { revision: result.data?.updateArticle.article?.revisionNumber ?? 0, reanchored };
}

type TextRow = { start: number | null; end: number | null; anchorState: string; text?: string; exact?: string | null };

/** A field of an audit event's `after` JSON. */
function afterField<T>(after: unknown, key: string): T {
  if (after === null || typeof after !== "object" || !(key in after)) throw new Error(`The audit event has no ${key}.`);
  return (after as Record<string, T>)[key] as T;
}

function textOf(row: TextRow): string {
  return row.text ?? row.exact ?? "";
}

/** Every row is ANCHORED with its own text at its offsets in `body`. */
function expectAllAnchored(rows: readonly TextRow[], body: string): void {
  for (const row of rows) {
    expect(row.anchorState, textOf(row)).toBe("ANCHORED");
    expect(body.slice(row.start ?? 0, row.end ?? 0)).toBe(textOf(row));
  }
}

function allRows(spans: Awaited<ReturnType<typeof spansOf>>): TextRow[] {
  return [...spans.quotes, ...spans.entityMentions, ...spans.incidentMentions, ...spans.annotations];
}

describe("re-anchoring on updateArticle", () => {
  it("moves everything past a paragraph inserted before it, in one audit event with no state change", async () => {
    const story = await copyOfSeedStory();
    const before = await spansOf(story.id);
    const inserted = "Editor\u2019s note: this story was updated on Saturday with comment from the embassy.\n";
    const { revision, reanchored } = await editBody(story.id, inserted + story.body);
    const after = await spansOf(story.id);
    expectAllAnchored(allRows(after), inserted + story.body);
    for (const [index, quote] of after.quotes.entries()) {
      expect(quote.start).toBe((before.quotes[index]?.start ?? 0) + inserted.length);
      expect(quote.anchoredRevision).toBe(revision);
    }
    expect(reanchored.changes).toEqual([]);
    expect(reanchored.moved).toBe(allRows(after).length);
  });

  it("orphans what was in a deleted paragraph, keeping its text and last good revision, and lists it in the orphan queue", async () => {
    const story = await copyOfSeedStory();
    const lines = story.body.split("\n");
    const deleted = lines[8] as string;
    expect(deleted).toContain(BOTTOM_LINE);
    const newBody = [...lines.slice(0, 8), ...lines.slice(9)].join("\n");
    const { reanchored } = await editBody(story.id, newBody);
    const after = await spansOf(story.id);
    const paragraphStart = story.body.indexOf(deleted);
    const inParagraph = (row: TextRow) => (row.start ?? -1) >= paragraphStart && (row.end ?? Infinity) <= paragraphStart + deleted.length;
    const orphans = allRows(after).filter((row) => row.anchorState === "ORPHANED");
    expect(orphans.length).toBeGreaterThan(1);
    for (const row of orphans) {
      expect(inParagraph(row)).toBe(true);
      expect(story.body.slice(row.start ?? 0, row.end ?? 0)).toBe(textOf(row));
    }
    for (const quote of after.quotes.filter((row) => row.anchorState === "ORPHANED")) expect(quote.anchoredRevision).toBe(1);
    expectAllAnchored(allRows(after).filter((row) => row.anchorState !== "ORPHANED"), newBody);
    const annotation = after.annotations.find((row) => row.id === story.annotations[BOTTOM_LINE]);
    expect(annotation).toMatchObject({ anchorState: "ORPHANED", exact: BOTTOM_LINE, anchoredRevision: 1, version: 2 });
    expect(reanchored.changes).toContainEqual<AnchorChange>({ type: "Annotation", id: annotation?.id ?? "", from: "ANCHORED", to: "ORPHANED", score: null });
    expect(reanchored.changes.every((change) => change.to === "ORPHANED")).toBe(true);
    expect(reanchored.changes.length).toBe(orphans.length);

    const queue = await executeAsViewer<{ annotations: { edges: { node: { id: string; anchorState: string; selector: { exact: string } } }[] } }>(
      db,
      editor,
      `query($filter: AnnotationFilter) { annotations(filter: $filter, first: 50) { edges { node { id anchorState selector { exact } } } } }`,
      { filter: { anchorState: "ORPHANED", articleId: toGlobalId("Article", story.id) } },
    );
    expect(queue.errors).toBeUndefined();
    expect(queue.data?.annotations.edges.map((edge) => edge.node)).toEqual([{ id: toGlobalId("Annotation", annotation?.id ?? ""), anchorState: "ORPHANED", selector: { exact: BOTTOM_LINE } }]);
  });

  it("re-anchors a quote whose words changed as FUZZY, flags it UNVERIFIED and keeps the old text in the audit event", async () => {
    const story = await copyOfSeedStory();
    const quote = await db.prisma.quote.findFirstOrThrow({ where: { articleId: story.id, text: BOTTOM_LINE } });
    await db.prisma.quote.update({ where: { id: quote.id }, data: { verification: "VERIFIED" } });
    const corrected = "Bottom line, if we are attacked we\u2019ll retaliate,";
    const newBody = story.body.replace(BOTTOM_LINE, corrected);
    const { reanchored } = await editBody(story.id, newBody);
    const after = await db.prisma.quote.findUniqueOrThrow({ where: { id: quote.id } });
    expect(after).toMatchObject({ anchorState: "FUZZY", text: corrected, verification: "UNVERIFIED", start: quote.start, version: quote.version + 1 });
    expect(after.anchorScore).toBeGreaterThan(0.75);
    expect(newBody.slice(after.start, after.end)).toBe(corrected);
    const annotation = await db.prisma.annotation.findUniqueOrThrow({ where: { id: story.annotations[BOTTOM_LINE] ?? "" } });
    expect(annotation).toMatchObject({ anchorState: "FUZZY", exact: corrected, previousExact: BOTTOM_LINE });
    expect(reanchored.changes).toContainEqual({
      type: "Quote",
      id: quote.id,
      from: "ANCHORED",
      to: "FUZZY",
      score: after.anchorScore,
      previousExact: BOTTOM_LINE,
      exact: corrected,
      previousVerification: "VERIFIED",
    });
    expect(reanchored.fuzzy).toBeGreaterThanOrEqual(2);
    expect(reanchored.orphaned).toBe(0);

    // A later, unrelated edit moves it but keeps the FUZZY flag and score until someone checks it.
    const next = await editBody(story.id, `Update.\n${newBody}`);
    const later = await db.prisma.quote.findUniqueOrThrow({ where: { id: quote.id } });
    expect(later).toMatchObject({ anchorState: "FUZZY", anchorScore: after.anchorScore, start: after.start + 8, text: corrected, version: after.version });
    expect(next.reanchored.changes).toEqual([]);
  });

  it("orphans nothing on whitespace and curly-to-straight quote edits, and back", async () => {
    const story = await copyOfSeedStory();
    const quote = await db.prisma.quote.findFirstOrThrow({ where: { articleId: story.id, text: BOTTOM_LINE } });
    await db.prisma.quote.update({ where: { id: quote.id }, data: { verification: "VERIFIED" } });
    const straight = story.body.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\. /g, ".  ").replace(/ – /g, " - ");
    const first = await editBody(story.id, straight);
    let after = await spansOf(story.id);
    expectAllAnchored(allRows(after), straight);
    expect(first.reanchored.changes).toEqual([]);
    expect(await db.prisma.quote.findUniqueOrThrow({ where: { id: quote.id } })).toMatchObject({ text: "Bottom line, if we are attacked we'll respond,", verification: "VERIFIED" });
    const second = await editBody(story.id, story.body);
    after = await spansOf(story.id);
    expectAllAnchored(allRows(after), story.body);
    expect(second.reanchored.orphaned + second.reanchored.fuzzy).toBe(0);
  });

  it("follows a paragraph moved to another place", async () => {
    const story = await copyOfSeedStory();
    const lines = story.body.split("\n");
    const moved = lines[8] as string;
    const newBody = [...lines.slice(0, 2), moved, ...lines.slice(2, 8), ...lines.slice(9)].join("\n");
    const { reanchored } = await editBody(story.id, newBody);
    const after = await spansOf(story.id);
    expectAllAnchored(allRows(after), newBody);
    const quote = after.quotes.find((row) => row.text === BOTTOM_LINE);
    expect(quote?.start).toBe(newBody.indexOf(BOTTOM_LINE));
    expect(reanchored.orphaned + reanchored.fuzzy).toBe(0);
  });

  it("orphans everything on a full rewrite and loses nothing", async () => {
    const story = await copyOfSeedStory();
    const before = await spansOf(story.id);
    const { reanchored } = await editBody(story.id, "Markets rose on Tuesday as oil prices fell for a third day, traders said.");
    const after = await spansOf(story.id);
    expect(allRows(after).length).toBe(allRows(before).length);
    for (const row of allRows(after)) expect(row.anchorState).toBe("ORPHANED");
    // The text and the offsets into the last body they were on are kept.
    expect(allRows(after).map((row) => [row.start, row.end, textOf(row)])).toEqual(allRows(before).map((row) => [row.start, row.end, textOf(row)]));
    expect(reanchored.orphaned).toBe(allRows(after).length);
    expect(reanchored.changes.length).toBe(allRows(after).length);
    // Put back, the text is found again.
    await editBody(story.id, story.body);
    expectAllAnchored(allRows(await spansOf(story.id)), story.body);
  });

  it("batches the row updates: one UPDATE per table, not one per row", async () => {
    const story = await copyOfSeedStory();
    const { version } = await db.prisma.article.findUniqueOrThrow({ where: { id: story.id }, select: { version: true } });
    const result = await executeAsViewer<{ updateArticle: { errors: MutationErrorShape[] } }>(
      db,
      editor,
      `mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { errors { code } } }`,
      { input: { id: toGlobalId("Article", story.id), expectedVersion: version, body: `New first line.\n${story.body}` } },
    );
    expect(result.data?.updateArticle.errors).toEqual([]);
    const updates = result.statements.filter((sql) => /^\s*UPDATE\s+"(Quote|EntityMention|IncidentMention|Annotation)"/i.test(sql));
    expect(updates.length).toBe(4);
  });
});

describe("reanchorAnnotation", () => {
  const MUTATION = `mutation($input: ReanchorAnnotationInput!) { reanchorAnnotation(input: $input) {
    annotation { id anchorState version previousExact selector { start end exact } } errors { code field message currentVersion } } }`;
  type Result = { reanchorAnnotation: { annotation: { anchorState: string; version: number; previousExact: string | null; selector: { start: number; end: number; exact: string } } | null; errors: MutationErrorShape[] } | null };

  it("lets an editor place an orphan by hand with one audit event; reporters and viewers are refused and nothing changes", async () => {
    const story = await copyOfSeedStory();
    const lines = story.body.split("\n");
    const newBody = [...lines.slice(0, 8), ...lines.slice(9)].join("\n");
    await editBody(story.id, newBody);
    const id = story.annotations[BOTTOM_LINE] ?? "";
    const orphan = await db.prisma.annotation.findUniqueOrThrow({ where: { id } });
    expect(orphan.anchorState).toBe("ORPHANED");
    const exact = "We\u2019ll respond swiftly and effectively";
    const start = newBody.indexOf(exact);
    expect(start).toBeLessThan(0); // that sentence went with the paragraph: place it elsewhere
    const target = "increase of threats from Iran";
    const at = newBody.indexOf(target);
    const input = { id: toGlobalId("Annotation", id), expectedVersion: orphan.version, selector: { start: at, end: at + target.length, exact: target } };

    for (const as of [reporter, viewer]) {
      const auditBefore = await db.prisma.auditEvent.count();
      const refused = await executeAsViewer<Result>(db, as, MUTATION, { input });
      expect(refused.errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
      expect(await db.prisma.annotation.findUniqueOrThrow({ where: { id } })).toEqual(orphan);
      expect(await db.prisma.auditEvent.count()).toBe(auditBefore);
    }

    const stale = await executeAsViewer<Result>(db, editor, MUTATION, { input: { ...input, expectedVersion: orphan.version - 1 } });
    expect(stale.data?.reanchorAnnotation?.errors[0]).toMatchObject({ code: "VERSION_CONFLICT", currentVersion: orphan.version });
    const mismatch = await executeAsViewer<Result>(db, editor, MUTATION, { input: { ...input, selector: { ...input.selector, exact: "not in the text" } } });
    expect(mismatch.data?.reanchorAnnotation?.errors[0]?.code).toBe("INVALID_SELECTOR");
    expect(await db.prisma.annotation.findUniqueOrThrow({ where: { id } })).toEqual(orphan);

    const auditBefore = await db.prisma.auditEvent.count();
    const placed = await executeAsViewer<Result>(db, editor, MUTATION, { input });
    expect(placed.errors).toBeUndefined();
    expect(placed.data?.reanchorAnnotation?.errors).toEqual([]);
    expect(placed.data?.reanchorAnnotation?.annotation).toMatchObject({ anchorState: "ANCHORED", version: orphan.version + 1, previousExact: BOTTOM_LINE, selector: { start: at, end: at + target.length, exact: target } });
    expect(await db.prisma.auditEvent.count()).toBe(auditBefore + 1);
    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "annotation.reanchor", targetId: id } });
    expect(afterField<AnchorChange[]>(event.after, "changes")).toEqual([{ type: "Annotation", id, from: "ORPHANED", to: "ANCHORED", score: null }]);
    expect(await db.prisma.annotation.findUniqueOrThrow({ where: { id } })).toMatchObject({ anchorState: "ANCHORED", anchoredRevision: 2, start: at });
  });

  it("refuses an annotation that is not on a span, and an unknown one", async () => {
    const story = await copyOfSeedStory();
    const parent = story.annotations["killed at least 25"] ?? "";
    const reply = await db.prisma.annotation.create({ data: { targetType: "ARTICLE", articleId: story.id, parentId: parent, motivation: "commenting", body: "Agreed.", authorId: editor.userId ?? "" } });
    const selector = { start: 0, end: 3, exact: "The" };
    const notSpan = await executeAsViewer<Result>(db, editor, MUTATION, { input: { id: toGlobalId("Annotation", reply.id), expectedVersion: 1, selector } });
    expect(notSpan.data?.reanchorAnnotation?.errors[0]).toMatchObject({ code: "INVALID_INPUT", field: "input.id" });
    const unknown = await executeAsViewer<Result>(db, editor, MUTATION, { input: { id: toGlobalId("Annotation", "00000000-0000-7000-8000-000000000000"), expectedVersion: 1, selector } });
    expect(unknown.data?.reanchorAnnotation?.errors[0]?.code).toBe("NOT_FOUND");
    const malformed = await executeAsViewer<Result>(db, editor, MUTATION, { input: { id: "nope", expectedVersion: 1, selector } });
    expect(malformed.data?.reanchorAnnotation?.errors[0]).toMatchObject({ code: "INVALID_INPUT", field: "input.id" });
  });
});

describe("Article.revision and Article.diff", () => {
  it("reads any revision and the diff between two as hunks, for reporters and above", async () => {
    const story = await copyOfSeedStory();
    const newBody = story.body.replace("killed at least 25", "killed at least 29");
    await editBody(story.id, newBody);
    const query = `query($id: ID!) { node(id: $id) { ... on Article { revisionNumber
      first: revision(number: 1) { number body reason } second: revision(number: 2) { number body }
      missing: revision(number: 9) { number }
      diff(from: 1, to: 2) { operation text oldStart newStart } none: diff(from: 1, to: 9) { operation } } } }`;
    type Shape = { node: { revisionNumber: number; first: { number: number; body: string }; second: { body: string }; missing: null; diff: { operation: string; text: string; oldStart: number; newStart: number }[]; none: null } };
    const read = await executeAsViewer<Shape>(db, reporter, query, { id: toGlobalId("Article", story.id) });
    expect(read.errors).toBeUndefined();
    const node = read.data?.node;
    expect(node?.revisionNumber).toBe(2);
    expect(node?.first).toMatchObject({ number: 1, body: story.body });
    expect(node?.second.body).toBe(newBody);
    expect(node?.missing).toBeNull();
    expect(node?.none).toBeNull();
    const changed = node?.diff.filter((hunk) => hunk.operation !== "EQUAL") ?? [];
    const at = story.body.indexOf("killed at least 25") + "killed at least 2".length;
    expect(changed).toEqual([
      { operation: "DELETE", text: "5", oldStart: at, newStart: at },
      { operation: "INSERT", text: "9", oldStart: at + 1, newStart: at },
    ]);
    // Rebuilding both bodies from the hunks.
    expect(node?.diff.filter((hunk) => hunk.operation !== "INSERT").map((hunk) => hunk.text).join("")).toBe(story.body);
    expect(node?.diff.filter((hunk) => hunk.operation !== "DELETE").map((hunk) => hunk.text).join("")).toBe(newBody);

    // Spans as they were: on revision 1 the quote says 25 at its old place; on revision 2 it is FUZZY with 29.
    const spansQuery = `query($id: ID!) { node(id: $id) { ... on Article {
      first: revision(number: 1) { spans { recordType recordId anchorState exact span { start end exact } } }
      second: revision(number: 2) { spans { recordType recordId anchorState exact span { start end exact } } } } } }`;
    type SpanShape = { recordType: string; recordId: string | null; anchorState: string; exact: string; span: { start: number; end: number; exact: string } | null };
    const spans = await executeAsViewer<{ node: { first: { spans: SpanShape[] | null }; second: { spans: SpanShape[] | null } } }>(db, reporter, spansQuery, { id: toGlobalId("Article", story.id) });
    expect(spans.errors).toBeUndefined();
    const annotationId = toGlobalId("Annotation", story.annotations["killed at least 25"] ?? "");
    const killedAt = story.body.indexOf("killed at least 25");
    const before = spans.data?.node.first.spans ?? [];
    const afterSpans = spans.data?.node.second.spans ?? [];
    expect(before.find((span) => span.recordId === annotationId)).toEqual({
      recordType: "ANNOTATION",
      recordId: annotationId,
      anchorState: "ANCHORED",
      exact: "killed at least 25",
      span: { start: killedAt, end: killedAt + 18, exact: "killed at least 25" },
    });
    expect(afterSpans.find((span) => span.recordId === annotationId)).toMatchObject({ anchorState: "FUZZY", exact: "killed at least 29" });
    expect(before.length).toBe(afterSpans.length);
    expect(before.filter((span) => span.recordType === "QUOTE").length).toBeGreaterThan(0);
    for (const span of before) expect(story.body.slice(span.span?.start, span.span?.end)).toBe(span.exact);

    const refused = await executeAsViewer<{ node: { revision: null; diff: null } | null }>(db, viewer, `query($id: ID!) { node(id: $id) { ... on Article { revision(number: 1) { body } diff(from: 1, to: 2) { text } } } }`, {
      id: toGlobalId("Article", story.id),
    });
    expect(refused.errors?.map((error) => error.extensions?.["code"])).toEqual(["FORBIDDEN", "FORBIDDEN"]);
    expect(refused.data?.node).toEqual({ revision: null, diff: null });
  });
});
