import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/core/actor.js";
import { toGlobalId } from "../../src/graphql/ids.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { createViewer, executeAsViewer } from "../support/viewers.js";

// Article mutations through the GraphQL layer as each role: the lifecycle, refusals that change
// nothing, optimistic concurrency under 50 parallel writers, one audit event per success, and a
// failing audit insert that rolls the edit back.

interface MutationErrorShape {
  code: string;
  field: string | null;
  message: string;
  currentVersion: number | null;
}
interface ArticleShape {
  id: string;
  slug: string;
  status: string;
  version: number;
  revisionNumber: number;
  body: string;
  headline: string | null;
  publishedAt: string | null;
  retractionReason: string | null;
}
type Payload = { article: ArticleShape | null; errors: MutationErrorShape[] };

const ARTICLE_FIELDS = "article { id slug status version revisionNumber body headline publishedAt retractionReason } errors { code field message currentVersion }";

let db: TestDatabase;
let viewer: Actor;
let reporter: Actor;
let editor: Actor;
let seedArticleId: string;

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

async function mutate(as: Actor, name: string, inputType: string, input: Record<string, unknown>, fields = ARTICLE_FIELDS) {
  const result = await executeAsViewer<Record<string, Payload>>(db, as, `mutation($input: ${inputType}!) { ${name}(input: $input) { ${fields} } }`, { input });
  return { payload: result.data?.[name] ?? null, errors: result.errors };
}

async function auditCount(): Promise<number> {
  return db.prisma.auditEvent.count();
}

async function snapshot(id: string) {
  return db.prisma.article.findUniqueOrThrow({ where: { id }, include: { revisions: true, corrections: true } });
}

async function newDraft(slug: string, as: Actor = reporter): Promise<ArticleShape> {
  const { payload } = await mutate(as, "createArticle", "CreateArticleInput", { slug, headline: "Port reopens", body: "The port of Umm Qasr reopened on Monday, officials said." });
  expect(payload?.errors).toEqual([]);
  return payload!.article!;
}

describe("createArticle", () => {
  it("creates a draft with its first revision and one audit event, for a reporter", async () => {
    const before = await auditCount();
    const article = await newDraft("port-reopens");
    expect(article.status).toBe("DRAFT");
    expect(article.version).toBe(1);
    const stored = await db.prisma.article.findUniqueOrThrow({ where: { slug: "port-reopens" }, include: { revisions: true } });
    expect(article.id).toBe(toGlobalId("Article", stored.id));
    expect(stored.revisions.map((revision) => revision.number)).toEqual([1]);
    expect(stored.revisions[0]?.createdById).toBe(reporter.userId);
    expect(await auditCount()).toBe(before + 1);
    const event = await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(event).toMatchObject({ action: "article.create", targetType: "Article", targetId: stored.id, actorId: reporter.userId, requestId: "test-request" });
    expect(event.before).toBeNull();
  });

  it("refuses a viewer before anything runs, and stores nothing", async () => {
    const before = await auditCount();
    const { payload, errors } = await mutate(viewer, "createArticle", "CreateArticleInput", { slug: "viewer-story", body: "Text." });
    expect(payload).toBeNull();
    expect(errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
    expect(await db.prisma.article.findUnique({ where: { slug: "viewer-story" } })).toBeNull();
    expect(await auditCount()).toBe(before);
  });

  it.each([
    [{ slug: "Bad Slug", body: "Text." }, "input.slug"],
    [{ slug: "ok-slug", body: "   " }, "input.body"],
    [{ slug: "ok-slug", body: "Text.", url: "javascript:alert(1)" }, "input.url"],
    [{ slug: "ok-slug", body: "Text.", headline: "h".repeat(301) }, "input.headline"],
    [{ slug: "ok-slug", body: "Text.", language: "english!" }, "input.language"],
    [{ slug: "ok-slug", body: "x".repeat(500_001) }, "input.body"],
  ])("answers INVALID_INPUT naming the field for %j", async (input, field) => {
    const before = await auditCount();
    const { payload } = await mutate(reporter, "createArticle", "CreateArticleInput", input);
    expect(payload?.article).toBeNull();
    expect(payload?.errors.map((error) => [error.code, error.field])).toContainEqual(["INVALID_INPUT", field]);
    expect(await db.prisma.article.findUnique({ where: { slug: "ok-slug" } })).toBeNull();
    expect(await auditCount()).toBe(before);
  });

  it("refuses a slug that exists with CONFLICT", async () => {
    const { payload } = await mutate(reporter, "createArticle", "CreateArticleInput", { slug: "basra-consulate-2018", body: "Again." });
    expect(payload?.errors[0]?.code).toBe("CONFLICT");
  });
});

describe("updateArticle", () => {
  it("saves a new body as a new revision and records before and after", async () => {
    const draft = await newDraft("revised-story");
    const before = await auditCount();
    const { payload } = await mutate(reporter, "updateArticle", "UpdateArticleInput", {
      id: draft.id,
      expectedVersion: 1,
      body: "The port of Umm Qasr reopened on Tuesday, officials said.",
      reason: "Day corrected",
    });
    expect(payload?.errors).toEqual([]);
    expect(payload?.article).toMatchObject({ version: 2, revisionNumber: 2, body: "The port of Umm Qasr reopened on Tuesday, officials said." });
    const stored = await db.prisma.article.findUniqueOrThrow({ where: { slug: "revised-story" }, include: { revisions: { orderBy: { number: "asc" } } } });
    expect(stored.revisions.map((revision) => [revision.number, revision.reason])).toEqual([
      [1, "Created"],
      [2, "Day corrected"],
    ]);
    expect(await auditCount()).toBe(before + 1);
    const history = await executeAsViewer<{ article: { history: { edges: { node: { action: string } }[] } } }>(
      db,
      reporter,
      `{ article(slug: "revised-story") { history { edges { node { action } } } } }`,
    );
    expect(history.data?.article.history.edges.map((edge) => edge.node.action)).toEqual(["article.update", "article.create"]);
  });

  it("lets a reporter edit drafts only, and changes nothing when refused", async () => {
    const seeded = await snapshot(seedArticleId);
    const { payload } = await mutate(reporter, "updateArticle", "UpdateArticleInput", { id: toGlobalId("Article", seedArticleId), expectedVersion: seeded.version, headline: "Changed" });
    expect(payload?.errors[0]?.code).toBe("FORBIDDEN");
    expect(await snapshot(seedArticleId)).toEqual(seeded);
  });

  it("answers a stale version with VERSION_CONFLICT and the current version, changing nothing", async () => {
    const draft = await newDraft("stale-story");
    await mutate(reporter, "updateArticle", "UpdateArticleInput", { id: draft.id, expectedVersion: 1, headline: "First edit" });
    const stored = await db.prisma.article.findUniqueOrThrow({ where: { slug: "stale-story" } });
    const before = await auditCount();
    const { payload } = await mutate(reporter, "updateArticle", "UpdateArticleInput", { id: draft.id, expectedVersion: 1, headline: "Lost update" });
    expect(payload?.article).toBeNull();
    expect(payload?.errors).toEqual([expect.objectContaining({ code: "VERSION_CONFLICT", field: "input.expectedVersion", currentVersion: 2 })]);
    expect(await db.prisma.article.findUniqueOrThrow({ where: { slug: "stale-story" } })).toEqual(stored);
    expect(await auditCount()).toBe(before);
  });

  it("lets exactly one of 50 parallel writers with the same expectedVersion win", async () => {
    const draft = await newDraft("contested-story");
    const eventsBefore = await db.prisma.auditEvent.count({ where: { action: "article.update" } });
    const results = await Promise.all(
      Array.from({ length: 50 }, (_unused, index) =>
        mutate(editor, "updateArticle", "UpdateArticleInput", { id: draft.id, expectedVersion: 1, headline: `Writer ${index}` }),
      ),
    );
    const winners = results.filter((result) => result.payload?.article);
    const conflicts = results.filter((result) => result.payload?.errors[0]?.code === "VERSION_CONFLICT");
    expect(results.every((result) => result.errors === undefined)).toBe(true);
    expect(winners).toHaveLength(1);
    expect(conflicts).toHaveLength(49);
    const stored = await db.prisma.article.findUniqueOrThrow({ where: { slug: "contested-story" } });
    expect(stored.version).toBe(2);
    expect(stored.headline).toBe(winners[0]?.payload?.article?.headline);
    expect(await db.prisma.auditEvent.count({ where: { action: "article.update" } })).toBe(eventsBefore + 1);
  });

  it("rolls the edit back when its audit event cannot be written", async () => {
    const draft = await newDraft("audit-fails");
    const stored = await snapshot((await db.prisma.article.findUniqueOrThrow({ where: { slug: "audit-fails" } })).id);
    // A trigger that makes this one audit insert fail, as a full disk or a broken constraint would.
    await db.prisma.$executeRawUnsafe(`
      CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW."after"->>'headline' = 'AUDIT MUST FAIL' THEN RAISE EXCEPTION 'audit log unavailable'; END IF;
        RETURN NEW;
      END $$`);
    await db.prisma.$executeRawUnsafe(`CREATE TRIGGER refuse_audit BEFORE INSERT ON "AuditEvent" FOR EACH ROW EXECUTE FUNCTION refuse_audit()`);
    try {
      const before = await auditCount();
      const { payload, errors } = await mutate(reporter, "updateArticle", "UpdateArticleInput", {
        id: draft.id,
        expectedVersion: 1,
        headline: "AUDIT MUST FAIL",
        body: "A body that must not be saved.",
      });
      expect(payload).toBeNull();
      expect(errors).toHaveLength(1);
      expect(await snapshot(stored.id)).toEqual(stored);
      expect(await auditCount()).toBe(before);
    } finally {
      await db.prisma.$executeRawUnsafe(`DROP TRIGGER refuse_audit ON "AuditEvent"`);
      await db.prisma.$executeRawUnsafe(`DROP FUNCTION refuse_audit()`);
    }
  });
});

describe("re-anchoring when the body changes", () => {
  it("moves quotes and mentions with their text, and orphans those whose text is gone", async () => {
    const seeded = await snapshot(seedArticleId);
    const quotes = await db.prisma.quote.findMany({ where: { articleId: seedArticleId } });
    const removed = quotes.find((quote) => quote.text.startsWith("Bottom line"))!;
    // An editor's note goes in front, and the paragraph holding one quote is cut.
    const paragraph = seeded.body.split("\n").find((line) => line.includes(removed.text))!;
    const newBody = `Editor's note: this story was updated.\n${seeded.body.replace(`${paragraph}\n`, "")}`;
    const { payload } = await mutate(editor, "updateArticle", "UpdateArticleInput", { id: toGlobalId("Article", seedArticleId), expectedVersion: seeded.version, body: newBody, reason: "Update" });
    expect(payload?.errors).toEqual([]);
    const after = await db.prisma.quote.findMany({ where: { articleId: seedArticleId } });
    for (const quote of after) {
      if (paragraph.includes(quote.text)) {
        expect(quote.anchorState).toBe("ORPHANED");
      } else {
        expect(quote.anchorState).toBe("ANCHORED");
        expect(newBody.slice(quote.start, quote.end)).toBe(quote.text);
        expect(quote.anchoredRevision).toBe(seeded.revisionNumber + 1);
      }
    }
    expect(after.find((quote) => quote.id === removed.id)?.anchorState).toBe("ORPHANED");
    const mentions = await db.prisma.entityMention.findMany({ where: { articleId: seedArticleId, anchorState: "ANCHORED" } });
    expect(mentions.length).toBeGreaterThan(0);
    for (const mention of mentions) expect(newBody.slice(mention.start, mention.end)).toBe(mention.exact);
    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "article.update", targetId: seedArticleId }, orderBy: { id: "desc" } });
    expect((event.after as { reanchored: { orphaned: number } }).reanchored.orphaned).toBeGreaterThan(0);
  });
});

describe("the article lifecycle", () => {
  it("goes from draft to review, published, corrected, retracted, deleted and restored, one audit event each", async () => {
    const draft = await newDraft("lifecycle-story");
    const start = await auditCount();
    const step = async (as: Actor, name: string, inputType: string, input: Record<string, unknown>) => {
      const { payload, errors } = await mutate(as, name, inputType, input);
      expect(errors).toBeUndefined();
      expect(payload?.errors).toEqual([]);
      return payload!.article!;
    };
    expect((await step(reporter, "submitForReview", "ArticleStateInput", { id: draft.id, expectedVersion: 1 })).status).toBe("IN_REVIEW");
    const refused = await mutate(reporter, "publishArticle", "ArticleStateInput", { id: draft.id, expectedVersion: 2 });
    expect(refused.errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
    const published = await step(editor, "publishArticle", "ArticleStateInput", { id: draft.id, expectedVersion: 2 });
    expect(published.status).toBe("PUBLISHED");
    expect(published.publishedAt).not.toBeNull();
    const body = published.body;
    const correction = await executeAsViewer<{ issueCorrection: { correction: { text: string; span: { exact: string } } | null; article: ArticleShape | null; errors: MutationErrorShape[] } }>(
      db,
      editor,
      `mutation($input: IssueCorrectionInput!) { issueCorrection(input: $input) { correction { text span { exact } } article { status version } errors { code field message } } }`,
      { input: { articleId: draft.id, expectedVersion: 3, text: "An earlier version gave the wrong day.", span: { start: body.indexOf("Monday"), end: body.indexOf("Monday") + 6, exact: "Monday" } } },
    );
    expect(correction.data?.issueCorrection.errors).toEqual([]);
    expect(correction.data?.issueCorrection.correction).toEqual({ text: "An earlier version gave the wrong day.", span: { exact: "Monday" } });
    expect(correction.data?.issueCorrection.article?.status).toBe("CORRECTED");
    const retracted = await step(editor, "retractArticle", "RetractArticleInput", { id: draft.id, expectedVersion: 4, reason: "The port never closed." });
    expect(retracted).toMatchObject({ status: "RETRACTED", retractionReason: "The port never closed." });
    const again = await mutate(editor, "publishArticle", "ArticleStateInput", { id: draft.id, expectedVersion: 5 });
    expect(again.payload?.errors[0]?.code).toBe("CONFLICT");
    await step(editor, "deleteArticle", "ArticleStateInput", { id: draft.id, expectedVersion: 5 });
    const gone = await executeAsViewer<{ article: null; node: null }>(db, editor, `query($id: ID!) { article(slug: "lifecycle-story") { slug } node(id: $id) { id } }`, { id: draft.id });
    expect(gone.data).toEqual({ article: null, node: null });
    expect((await step(editor, "restoreArticle", "ArticleStateInput", { id: draft.id, expectedVersion: 6 })).slug).toBe("lifecycle-story");
    const stored = await db.prisma.article.findUniqueOrThrow({ where: { slug: "lifecycle-story" } });
    const actions = await db.prisma.auditEvent.findMany({ where: { targetId: stored.id }, orderBy: { id: "asc" }, select: { action: true } });
    expect(actions.map((event) => event.action)).toEqual([
      "article.create",
      "article.submit",
      "article.publish",
      "article.correct",
      "article.retract",
      "article.delete",
      "article.restore",
    ]);
    expect(await auditCount()).toBe(start + 6);
  });

  it("refuses a correction whose span does not match the text, and an unknown article", async () => {
    const seeded = await snapshot(seedArticleId);
    const at = seeded.body.indexOf("killed at least 25");
    const mismatch = await executeAsViewer<{ issueCorrection: { errors: MutationErrorShape[] } }>(
      db,
      editor,
      `mutation($input: IssueCorrectionInput!) { issueCorrection(input: $input) { errors { code field } } }`,
      { input: { articleId: toGlobalId("Article", seedArticleId), expectedVersion: seeded.version, text: "Fix.", span: { start: at, end: at + 18, exact: "killed at most 25" } } },
    );
    expect(mismatch.data?.issueCorrection.errors).toEqual([{ code: "INVALID_SELECTOR", field: "input.span.exact" }]);
    const unknown = await mutate(editor, "publishArticle", "ArticleStateInput", { id: toGlobalId("Article", "0190a000-0000-7000-8000-00000000ffff"), expectedVersion: 1 });
    expect(unknown.payload?.errors[0]?.code).toBe("NOT_FOUND");
    const malformed = await mutate(editor, "publishArticle", "ArticleStateInput", { id: "nope", expectedVersion: 1 });
    expect(malformed.payload?.errors[0]).toMatchObject({ code: "INVALID_INPUT", field: "input.id" });
    expect(await snapshot(seedArticleId)).toEqual(seeded);
  });
});
