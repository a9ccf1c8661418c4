import { isObjectType } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "../../src/db/index.js";
import type { Role } from "../../src/generated/prisma/enums.js";
import { toGlobalId } from "../../src/graphql/ids.js";
import { buildSchema } from "../../src/graphql/schema.js";
import { generateCorpus } from "../../src/seed/corpus.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { bodyHash, errorCodes, operationsOn, pageThrough, type ExecutedOperation, type Page } from "../support/graphql.js";

// The seed has no users, annotations or fact-checks: this file makes a desk's worth of them on
// the example story (a thread on "killed at least 25", notes on a quote, an orphan, deleted
// notes, notes on an incident and a person, notes on a draft and on a deleted article) plus a
// few extra articles with threads for the statement-count checks.

const SPAN = "killed at least 25";
const BASE_TIME = Date.parse("2024-03-01T09:00:00.000Z");

let db: TestDatabase;
let articleId: string;
let body: string;
let minute = 0;
/** Strictly increasing creation times, so "oldest first" is known in advance. */
const nextTime = () => new Date(BASE_TIME + minute++ * 60_000);

const users: Record<"reporter" | "editor" | "admin" | "viewer" | "departed", string> = {
  reporter: "",
  editor: "",
  admin: "",
  viewer: "",
  departed: "",
};
/** Ids of the annotations made here, by name. */
const notes = new Map<string, string>();
/** Names of the annotations a REPORTER may see, in creation order. */
const visibleNotes: string[] = [];
let quoteId: string;
let otherQuoteId: string;
let incidentId: string;
let personId: string;
let draftArticleId: string;
let deletedArticleId: string;
const extraArticleIds: string[] = [];
const claimReviews = new Map<string, string>();

function gid(name: string): string {
  const id = notes.get(name);
  if (!id) throw new Error(`no annotation named ${name}`);
  return toGlobalId("Annotation", id);
}

const { run, runOk } = operationsOn(() => db);

interface NoteSpec {
  name: string;
  visible: boolean;
  data: Omit<Prisma.AnnotationUncheckedCreateInput, "createdAt">;
}

function span(text: string) {
  const start = body.indexOf(text);
  if (start < 0) throw new Error(`${text} not in body`);
  const end = start + text.length;
  return { start, end, exact: text, prefix: body.slice(Math.max(0, start - 32), start), suffix: body.slice(end, end + 32) };
}

async function createNote(spec: NoteSpec): Promise<void> {
  const row = await db.prisma.annotation.create({ data: { ...spec.data, createdAt: nextTime() } });
  notes.set(spec.name, row.id);
  if (spec.visible) visibleNotes.push(spec.name);
}

async function createArticle(slug: string, status: "PUBLISHED" | "DRAFT", deleted = false): Promise<string> {
  const text = `Body of ${slug}. Officials said the figures were disputed.`;
  const row = await db.prisma.article.create({
    data: {
      slug,
      body: text,
      bodyHash: bodyHash(text),
      status,
      publishedAt: status === "PUBLISHED" ? new Date("2018-09-29T00:00:00Z") : null,
      deletedAt: deleted ? new Date() : null,
    },
  });
  return row.id;
}

beforeAll(async () => {
  db = await createTestDatabase({ exampleStory: true });
  ({ articleId } = await seedExampleStory(db.prisma));
  const article = await db.prisma.article.findUniqueOrThrow({ where: { id: articleId } });
  body = article.body;

  const makeUser = async (name: string, role: Role, disabled = false) =>
    (await db.prisma.user.create({ data: { name, role, email: `${name.split(" ")[0]!.toLowerCase()}@desk.example`, disabledAt: disabled ? new Date() : null } })).id;
  users.reporter = await makeUser("Rita Reporter", "REPORTER");
  users.editor = await makeUser("Ed Editor", "EDITOR");
  users.admin = await makeUser("Ada Admin", "ADMIN");
  users.viewer = await makeUser("Vic Viewer", "VIEWER");
  users.departed = await makeUser("Dana Departed", "REPORTER", true);

  const quotes = await db.prisma.quote.findMany({ where: { articleId }, orderBy: { start: "asc" } });
  const bottomLine = quotes.find((quote) => quote.text.startsWith("Bottom line"));
  if (!bottomLine || !quotes[0]) throw new Error("seed quotes missing");
  quoteId = bottomLine.id;
  otherQuoteId = quotes[0].id;
  incidentId = (await db.prisma.incident.findFirstOrThrow({ where: { summary: { startsWith: "Attack on an Iranian military parade" } } })).id;
  personId = (await db.prisma.person.findFirstOrThrow({ where: { name: "Mike Pompeo" } })).id;
  draftArticleId = await createArticle("draft-basra-follow-up", "DRAFT");
  deletedArticleId = await createArticle("deleted-basra-story", "PUBLISHED", true);

  const quoteSpan = { start: bottomLine.start, end: bottomLine.end, exact: bottomLine.text, prefix: bottomLine.prefix, suffix: bottomLine.suffix };
  await createNote({
    name: "thread",
    visible: true,
    data: { targetType: "ARTICLE", articleId, ...span(SPAN), motivation: "questioning", body: "Which count is this? Reuters says 24.", tags: ["casualties", "second-source"], authorId: users.reporter },
  });
  await createNote({
    name: "reply1",
    visible: true,
    data: { targetType: "ARTICLE", articleId, parentId: notes.get("thread"), motivation: "commenting", body: "AP also says at least 25.", authorId: users.editor },
  });
  await createNote({
    name: "quoteNote",
    visible: true,
    data: {
      targetType: "QUOTE",
      articleId,
      quoteId,
      ...quoteSpan,
      motivation: "assessing",
      body: "Attributed to a senior official; we have a second source.",
      status: "RESOLVED",
      resolvedById: users.admin,
      resolvedAt: new Date("2024-03-02T10:00:00Z"),
      authorId: users.editor,
    },
  });
  await createNote({
    name: "reply2",
    visible: true,
    data: { targetType: "ARTICLE", articleId, parentId: notes.get("thread"), motivation: "commenting", body: "I called the ministry.", authorId: users.departed },
  });
  await createNote({
    name: "deletedReply",
    visible: false,
    data: { targetType: "ARTICLE", articleId, parentId: notes.get("thread"), motivation: "commenting", body: "Wrong thread", authorId: users.reporter, deletedAt: new Date() },
  });
  // A note that names only its quote: the review queue must still find it under the article.
  await createNote({
    name: "quoteOnlyNote",
    visible: true,
    data: { targetType: "QUOTE", quoteId: otherQuoteId, motivation: "commenting", body: "Check the tweet's timestamp.", authorId: users.reporter },
  });
  await createNote({
    name: "orphan",
    visible: true,
    data: {
      targetType: "ARTICLE",
      articleId,
      previousExact: "killed at least 30",
      anchorState: "ORPHANED",
      motivation: "editing",
      body: "The figure changed in revision 2.",
      authorId: users.reporter,
    },
  });
  await createNote({
    name: "deletedNote",
    visible: false,
    data: { targetType: "ARTICLE", articleId, ...span("Basra"), motivation: "highlighting", body: "oops", authorId: users.editor, deletedAt: new Date() },
  });
  await createNote({
    name: "incidentNote",
    visible: true,
    data: { targetType: "INCIDENT", incidentId, motivation: "identifying", body: "Same attack as the Ahvaz parade story.", authorId: users.editor },
  });
  await createNote({
    name: "personNote",
    visible: true,
    data: { targetType: "PERSON", personId, motivation: "linking", body: "Same Pompeo as the @SecPompeo tweet.", authorId: users.admin },
  });
  await createNote({
    name: "draftNote",
    visible: true,
    data: { targetType: "ARTICLE", articleId: draftArticleId, motivation: "commenting", body: "Needs a headline.", authorId: users.editor },
  });
  await createNote({
    name: "deletedArticleNote",
    visible: false,
    data: { targetType: "ARTICLE", articleId: deletedArticleId, motivation: "commenting", body: "Gone with its story.", authorId: users.editor },
  });

  claimReviews.set(
    "span",
    (
      await db.prisma.claimReview.create({
        data: {
          articleId,
          ...(({ start, end }) => ({ start, end }))(span(SPAN)),
          claim: "The parade attack killed at least 25 people.",
          rating: "MOSTLY_TRUE",
          explanation: "Iranian state media reported 25; later counts were 24 to 29.",
          evidenceUrls: ["https://example.org/irna-ahvaz"],
          reviewerId: users.editor,
          createdAt: nextTime(),
        },
      })
    ).id,
  );
  claimReviews.set(
    "quote",
    (
      await db.prisma.claimReview.create({
        data: { articleId, quoteId, claim: bottomLine.text, rating: "UNPROVEN", explanation: "No record of the briefing.", evidenceUrls: [], reviewerId: users.departed, createdAt: nextTime() },
      })
    ).id,
  );
  claimReviews.set(
    "deletedArticle",
    (
      await db.prisma.claimReview.create({
        data: { articleId: deletedArticleId, claim: "Gone", rating: "FALSE", explanation: "-", evidenceUrls: [], reviewerId: users.editor, createdAt: nextTime() },
      })
    ).id,
  );

  // Extra published stories, each with threads, for the statement-count checks.
  for (let index = 0; index < 4; index += 1) {
    const id = await createArticle(`extra-story-${index}`, "PUBLISHED");
    extraArticleIds.push(id);
    for (let thread = 0; thread < 3; thread += 1) {
      const name = `extra-${index}-${thread}`;
      await createNote({
        name,
        visible: true,
        data: { targetType: "ARTICLE", articleId: id, motivation: "commenting", body: `Note ${thread} on story ${index}`, authorId: thread % 2 ? users.editor : users.reporter },
      });
      for (let reply = 0; reply < 2; reply += 1) {
        await createNote({
          name: `${name}-reply-${reply}`,
          visible: true,
          data: { targetType: "ARTICLE", articleId: id, parentId: notes.get(name), motivation: "commenting", body: `Reply ${reply}`, authorId: users.admin },
        });
      }
    }
  }
});

afterAll(async () => {
  await db?.close();
});

const QUEUE = `query Queue($filter: AnnotationFilter, $first: Int, $after: String) {
  annotations(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id body } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;

/** Pages through the review queue with `first` and returns the ids in order and the total count. */
async function pageQueue(filter: Record<string, unknown> | null, first: number): Promise<{ ids: string[]; totalCount: number; pages: number }> {
  const { nodes, totalCount, pages } = await pageThrough(
    async (after) => (await runOk<{ annotations: Page<{ id: string }> }>("REPORTER", QUEUE, { filter, first, after })).annotations,
  );
  return { ids: nodes.map((node) => node.id), totalCount: totalCount ?? -1, pages };
}

function expectedIds(predicate: (name: string) => boolean): string[] {
  return visibleNotes.filter(predicate).map(gid);
}

describe("the review queue (Query.annotations)", () => {
  it("pages through every visible annotation oldest first, without duplicates or gaps", async () => {
    const all = expectedIds(() => true);
    for (const first of [1, 3, 7, 100]) {
      const { ids, totalCount, pages } = await pageQueue(null, first);
      expect(ids).toEqual(all);
      expect(new Set(ids).size).toBe(ids.length);
      expect(totalCount).toBe(all.length);
      expect(pages).toBe(Math.max(1, Math.ceil(all.length / first)));
    }
  });

  it("never lists deleted annotations or notes on a deleted article", async () => {
    const { ids } = await pageQueue(null, 100);
    for (const name of ["deletedReply", "deletedNote", "deletedArticleNote"]) expect(ids).not.toContain(gid(name));
  });

  it("filters by status", async () => {
    expect((await pageQueue({ status: "RESOLVED" }, 2)).ids).toEqual([gid("quoteNote")]);
    const open = await pageQueue({ status: "OPEN" }, 4);
    expect(open.ids).toEqual(expectedIds((name) => name !== "quoteNote"));
    expect(open.totalCount).toBe(open.ids.length);
  });

  it("filters by a list of motivations", async () => {
    const { ids } = await pageQueue({ motivation: ["questioning", "assessing", "linking"] }, 2);
    expect(ids).toEqual([gid("thread"), gid("quoteNote"), gid("personNote")]);
    expect((await pageQueue({ motivation: [] }, 2)).ids).toEqual([]);
  });

  it("filters by author", async () => {
    const { ids } = await pageQueue({ authorId: toGlobalId("User", users.admin) }, 5);
    expect(ids).toEqual(expectedIds((name) => name === "personNote" || /-reply-/.test(name)));
    expect((await pageQueue({ authorId: toGlobalId("User", users.departed) }, 5)).ids).toEqual([gid("reply2")]);
  });

  it("filters by article, including notes that only name a quote of it", async () => {
    const { ids } = await pageQueue({ articleId: toGlobalId("Article", articleId) }, 2);
    expect(ids).toEqual([gid("thread"), gid("reply1"), gid("quoteNote"), gid("reply2"), gid("quoteOnlyNote"), gid("orphan")]);
    expect((await pageQueue({ articleId: toGlobalId("Article", draftArticleId) }, 2)).ids).toEqual([gid("draftNote")]);
    expect((await pageQueue({ articleId: toGlobalId("Article", deletedArticleId) }, 2)).ids).toEqual([]);
  });

  it("filters by anchor state (the orphan queue)", async () => {
    expect((await pageQueue({ anchorState: "ORPHANED" }, 2)).ids).toEqual([gid("orphan")]);
  });

  it("filters thread starters and replies", async () => {
    const starters = await pageQueue({ topLevel: true }, 3);
    const replies = await pageQueue({ topLevel: false }, 3);
    expect(replies.ids).toEqual(expectedIds((name) => name.startsWith("reply") || /-reply-/.test(name)));
    expect(starters.ids).toEqual(expectedIds((name) => !name.startsWith("reply") && !/-reply-/.test(name)));
  });

  it("combines filters and keeps them across pages", async () => {
    const { ids, totalCount } = await pageQueue({ articleId: toGlobalId("Article", articleId), status: "OPEN", topLevel: true }, 1);
    expect(ids).toEqual([gid("thread"), gid("quoteOnlyNote"), gid("orphan")]);
    expect(totalCount).toBe(3);
  });

  it("answers BAD_USER_INPUT for malformed or wrong-type ids, bad cursors and page sizes", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ filter: { authorId: "nonsense" } }, "filter.authorId"],
      [{ filter: { authorId: toGlobalId("Article", articleId) } }, "filter.authorId"],
      [{ filter: { articleId: toGlobalId("User", users.editor) } }, "filter.articleId"],
      [{ filter: { articleId: "'; DROP TABLE \"Annotation\"; --" } }, "filter.articleId"],
      [{ after: "not-a-cursor" }, "after"],
      [{ first: 0 }, "first"],
      [{ first: 101 }, "first"],
    ];
    for (const [variables, argument] of cases) {
      const result = await run("REPORTER", QUEUE, variables);
      expect(errorCodes(result.errors)).toEqual(["BAD_USER_INPUT"]);
      expect(result.errors?.[0]?.extensions?.["argument"]).toBe(argument);
    }
  });

  it("refuses a VIEWER with FORBIDDEN and runs no SQL for it", async () => {
    const result = await run<{ annotations: unknown }>("VIEWER", QUEUE);
    expect(errorCodes(result.errors)).toEqual(["FORBIDDEN"]);
    expect(result.data?.annotations).toBeNull();
    expect(result.statements).toHaveLength(0);
  });
});

const NOTE = `query Note($id: ID!, $first: Int, $after: String) {
  node(id: $id) {
    ... on Annotation {
      id targetType motivation body tags status anchorState previousExact version createdAt updatedAt resolvedAt
      selector { start end exact prefix suffix }
      author { id name role }
      resolvedBy { name }
      article { slug }
      parent { id body }
      target {
        __typename
        ... on Article { slug }
        ... on Quote { text }
        ... on Incident { summary }
        ... on Person { name }
      }
      replies(first: $first, after: $after) {
        edges { cursor node { id body author { name } parent { id } } }
        pageInfo { hasNextPage endCursor }
        totalCount
      }
    }
  }
}`;

interface NoteResult {
  node: {
    id: string;
    targetType: string;
    motivation: string;
    body: string;
    tags: string[];
    status: string;
    anchorState: string;
    previousExact: string | null;
    resolvedAt: string | null;
    selector: { start: number; end: number; exact: string; prefix: string; suffix: string } | null;
    author: { id: string; name: string; role: string };
    resolvedBy: { name: string } | null;
    article: { slug: string } | null;
    parent: { id: string; body: string } | null;
    target: { __typename: string; slug?: string; text?: string; summary?: string; name?: string } | null;
    replies: Page<{ id: string; body: string; author: { name: string }; parent: { id: string } }>;
  } | null;
}

describe("annotations as records", () => {
  it("shows a thread: the starter with its span, its replies oldest first and their parent", async () => {
    const { node } = await runOk<NoteResult>("REPORTER", NOTE, { id: gid("thread") });
    expect(node).toMatchObject({
      id: gid("thread"),
      targetType: "ARTICLE",
      motivation: "questioning",
      tags: ["casualties", "second-source"],
      status: "OPEN",
      anchorState: "ANCHORED",
      author: { id: toGlobalId("User", users.reporter), name: "Rita Reporter", role: "REPORTER" },
      resolvedBy: null,
      parent: null,
      article: { slug: "basra-consulate-2018" },
      target: { __typename: "Article", slug: "basra-consulate-2018" },
    });
    expect(node?.selector?.exact).toBe(SPAN);
    expect(body.slice(node!.selector!.start, node!.selector!.end)).toBe(SPAN);
    expect(body.slice(0, node!.selector!.start).endsWith(node!.selector!.prefix)).toBe(true);
    // The deleted reply is not part of the thread; a disabled user still shows as an author.
    expect(node?.replies.totalCount).toBe(2);
    expect(node?.replies.edges.map((edge) => edge.node)).toEqual([
      { id: gid("reply1"), body: "AP also says at least 25.", author: { name: "Ed Editor" }, parent: { id: gid("thread") } },
      { id: gid("reply2"), body: "I called the ministry.", author: { name: "Dana Departed" }, parent: { id: gid("thread") } },
    ]);
  });

  it("pages through replies with cursors", async () => {
    const first = await runOk<NoteResult>("REPORTER", NOTE, { id: gid("thread"), first: 1 });
    expect(first.node?.replies.edges.map((edge) => edge.node.id)).toEqual([gid("reply1")]);
    expect(first.node?.replies.pageInfo.hasNextPage).toBe(true);
    const second = await runOk<NoteResult>("REPORTER", NOTE, { id: gid("thread"), first: 1, after: first.node?.replies.pageInfo.endCursor });
    expect(second.node?.replies.edges.map((edge) => edge.node.id)).toEqual([gid("reply2")]);
    expect(second.node?.replies.pageInfo.hasNextPage).toBe(false);
  });

  it("shows a reply's parent", async () => {
    const { node } = await runOk<NoteResult>("REPORTER", NOTE, { id: gid("reply2") });
    expect(node?.parent).toEqual({ id: gid("thread"), body: "Which count is this? Reuters says 24." });
    expect(node?.selector).toBeNull();
    expect(node?.replies.edges).toEqual([]);
  });

  it("resolves targets of each type", async () => {
    const quote = await runOk<NoteResult>("REPORTER", NOTE, { id: gid("quoteNote") });
    expect(quote.node?.target).toMatchObject({ __typename: "Quote" });
    expect(quote.node?.target?.text).toMatch(/^Bottom line/);
    expect(quote.node?.selector?.exact).toBe(quote.node?.target?.text);
    expect(quote.node).toMatchObject({ status: "RESOLVED", resolvedBy: { name: "Ada Admin" } });
    expect(new Date(String(quote.node?.resolvedAt)).toISOString()).toBe("2024-03-02T10:00:00.000Z");

    const quoteOnly = await runOk<NoteResult>("REPORTER", NOTE, { id: gid("quoteOnlyNote") });
    expect(quoteOnly.node?.target?.__typename).toBe("Quote");
    expect(quoteOnly.node?.article).toEqual({ slug: "basra-consulate-2018" });

    const incident = await runOk<NoteResult>("REPORTER", NOTE, { id: gid("incidentNote") });
    expect(incident.node?.target).toEqual({ __typename: "Incident", summary: "Attack on an Iranian military parade" });
    expect(incident.node?.article).toBeNull();

    const person = await runOk<NoteResult>("REPORTER", NOTE, { id: gid("personNote") });
    expect(person.node?.target).toEqual({ __typename: "Person", name: "Mike Pompeo" });
  });

  it("keeps an orphaned note with the text it lost and no selector", async () => {
    const { node } = await runOk<NoteResult>("REPORTER", NOTE, { id: gid("orphan") });
    expect(node).toMatchObject({ anchorState: "ORPHANED", previousExact: "killed at least 30", selector: null });
  });

  it("answers null for a target that is no longer visible", async () => {
    const note = await db.prisma.annotation.create({
      data: { targetType: "INCIDENT", incidentId, motivation: "commenting", body: "temp", authorId: users.editor, createdAt: new Date("2030-01-01T00:00:00Z") },
    });
    await db.prisma.incident.update({ where: { id: incidentId }, data: { deletedAt: new Date() } });
    try {
      const { node } = await runOk<NoteResult>("REPORTER", NOTE, { id: toGlobalId("Annotation", note.id) });
      expect(node?.target).toBeNull();
    } finally {
      await db.prisma.incident.update({ where: { id: incidentId }, data: { deletedAt: null } });
      await db.prisma.annotation.delete({ where: { id: note.id } });
    }
  });

  it("answers null for deleted annotations and notes on a deleted article", async () => {
    for (const name of ["deletedNote", "deletedReply", "deletedArticleNote"]) {
      const result = await runOk<NoteResult>("EDITOR", NOTE, { id: gid(name) });
      expect(result.node).toBeNull();
    }
  });

  it("answers null to a VIEWER asking for an annotation by id, without SQL", async () => {
    const result = await run<NoteResult>("VIEWER", NOTE, { id: gid("thread") });
    expect(result.errors).toBeUndefined();
    expect(result.data?.node).toBeNull();
    expect(result.statements).toHaveLength(0);
  });

  it("shows users by id with only their name and role (and to admins when disabled), never their e-mail; to reporters and above only", async () => {
    const query = `query($id: ID!) { node(id: $id) { ... on User { id name role } } }`;
    const data = await runOk<{ node: { id: string; name: string; role: string } }>("REPORTER", query, { id: toGlobalId("User", users.departed) });
    expect(data.node).toEqual({ id: toGlobalId("User", users.departed), name: "Dana Departed", role: "REPORTER" });
    // Viewers see a user only as a fact-check's reviewer (src/domain/visibility/users.ts).
    expect((await runOk<{ node: unknown }>("VIEWER", query, { id: toGlobalId("User", users.departed) })).node).toBeNull();
    const userType = buildSchema().getType("User");
    // disabledAt is guarded by @requiresRole(role: ADMIN); no field exposes the e-mail.
    expect(isObjectType(userType) && Object.keys(userType.getFields()).sort()).toEqual(["disabledAt", "id", "name", "role"]);
  });
});

const ARTICLE_NOTES = `query ArticleNotes($slug: String!, $filter: AnnotationFilter) {
  article(slug: $slug) {
    slug
    annotations(filter: $filter, first: 50) { edges { node { id } } totalCount }
    claimReviews { edges { node { id claim } } totalCount }
    quotes { edges { node { id text annotations { edges { node { id } } totalCount } claimReviews { edges { node { id rating } } } } } }
  }
}`;

interface ArticleNotesResult {
  article: {
    slug: string;
    annotations: Page<{ id: string }> | null;
    claimReviews: Page<{ id: string; claim: string }>;
    quotes: { edges: { node: { id: string; text: string; annotations: Page<{ id: string }> | null; claimReviews: Page<{ id: string; rating: string }> } }[] };
  } | null;
}

describe("annotations and fact-checks of articles and quotes", () => {
  it("lists an article's annotations oldest first, filtered, and its quotes' annotations", async () => {
    const data = await runOk<ArticleNotesResult>("REPORTER", ARTICLE_NOTES, { slug: "basra-consulate-2018" });
    const article = data.article!;
    // Notes naming the article and notes naming only one of its quotes, merged oldest first.
    expect(article.annotations?.edges.map((edge) => edge.node.id)).toEqual([
      gid("thread"),
      gid("reply1"),
      gid("quoteNote"),
      gid("reply2"),
      gid("quoteOnlyNote"),
      gid("orphan"),
    ]);
    expect(article.annotations?.totalCount).toBe(6);
    const bottomLine = article.quotes.edges.find((edge) => edge.node.id === toGlobalId("Quote", quoteId))!.node;
    expect(bottomLine.annotations?.edges.map((edge) => edge.node.id)).toEqual([gid("quoteNote")]);
    expect(bottomLine.annotations?.totalCount).toBe(1);
    const first = article.quotes.edges.find((edge) => edge.node.id === toGlobalId("Quote", otherQuoteId))!.node;
    expect(first.annotations?.edges.map((edge) => edge.node.id)).toEqual([gid("quoteOnlyNote")]);

    const filtered = await runOk<ArticleNotesResult>("REPORTER", ARTICLE_NOTES, { slug: "basra-consulate-2018", filter: { topLevel: true, status: "OPEN" } });
    expect(filtered.article?.annotations?.edges.map((edge) => edge.node.id)).toEqual([gid("thread"), gid("quoteOnlyNote"), gid("orphan")]);
    expect(filtered.article?.annotations?.totalCount).toBe(3);
  });

  it("pages through an article's annotations, its quotes' included, without duplicates or gaps", async () => {
    const query = `query($slug: String!, $first: Int!, $after: String) { article(slug: $slug) {
      annotations(first: $first, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } } }`;
    const expected = [gid("thread"), gid("reply1"), gid("quoteNote"), gid("reply2"), gid("quoteOnlyNote"), gid("orphan")];
    for (const first of [1, 2, 4]) {
      const { nodes } = await pageThrough(
        async (after) =>
          (await runOk<{ article: { annotations: Page<{ id: string }> } }>("REPORTER", query, { slug: "basra-consulate-2018", first, after })).article.annotations,
      );
      expect(nodes.map((node) => node.id)).toEqual(expected);
    }
  });

  it("lists fact-checks of the article and of its quotes", async () => {
    const query = `query($slug: String!) { article(slug: $slug) {
      claimReviews { edges { node { id claim } } totalCount }
      quotes { edges { node { id claimReviews { edges { node { id rating } } } } } } } }`;
    const data = await runOk<ArticleNotesResult>("VIEWER", query, { slug: "basra-consulate-2018" });
    const article = data.article!;
    expect(article.claimReviews.edges.map((edge) => edge.node.id)).toEqual([
      toGlobalId("ClaimReview", claimReviews.get("span")!),
      toGlobalId("ClaimReview", claimReviews.get("quote")!),
    ]);
    expect(article.claimReviews.totalCount).toBe(2);
    const bottomLine = article.quotes.edges.find((edge) => edge.node.id === toGlobalId("Quote", quoteId))!.node;
    expect(bottomLine.claimReviews.edges).toEqual([{ node: { id: toGlobalId("ClaimReview", claimReviews.get("quote")!), rating: "UNPROVEN" } }]);
  });

  it("shows a fact-check with its article, quote, span and reviewer to anyone who sees the article", async () => {
    const query = `query($id: ID!) { node(id: $id) { ... on ClaimReview { id claim rating explanation evidenceUrls start end createdAt
      article { slug } quote { text } reviewer { name role } } } }`;
    const data = await runOk<{ node: Record<string, unknown> | null }>("VIEWER", query, { id: toGlobalId("ClaimReview", claimReviews.get("span")!) });
    const { start, end } = span(SPAN);
    expect(data.node).toMatchObject({
      claim: "The parade attack killed at least 25 people.",
      rating: "MOSTLY_TRUE",
      evidenceUrls: ["https://example.org/irna-ahvaz"],
      start,
      end,
      article: { slug: "basra-consulate-2018" },
      quote: null,
      // A viewer sees the reviewer's name, not the role.
      reviewer: { name: "Ed Editor", role: null },
    });
    const onQuote = await runOk<{ node: { quote: { text: string } | null; reviewer: { name: string } } }>("VIEWER", query, {
      id: toGlobalId("ClaimReview", claimReviews.get("quote")!),
    });
    expect(onQuote.node.quote?.text).toMatch(/^Bottom line/);
    expect(onQuote.node.reviewer.name).toBe("Dana Departed");
    const gone = await runOk<{ node: unknown }>("EDITOR", query, { id: toGlobalId("ClaimReview", claimReviews.get("deletedArticle")!) });
    expect(gone.node).toBeNull();
  });

  it("refuses a VIEWER the article's annotations with FORBIDDEN and still returns the rest of the article", async () => {
    const result = await run<ArticleNotesResult>("VIEWER", ARTICLE_NOTES, { slug: "basra-consulate-2018" });
    const forbidden = result.errors ?? [];
    expect(new Set(errorCodes(forbidden))).toEqual(new Set(["FORBIDDEN"]));
    expect(forbidden.map((error) => error.path?.join("."))).toContain("article.annotations");
    expect(forbidden.some((error) => /^article\.quotes\.edges\.\d+\.node\.annotations$/.test(error.path?.join(".") ?? ""))).toBe(true);
    const article = result.data!.article!;
    expect(article.slug).toBe("basra-consulate-2018");
    expect(article.annotations).toBeNull();
    expect(article.claimReviews.totalCount).toBe(2);
    expect(article.quotes.edges.length).toBeGreaterThan(0);
    expect(article.quotes.edges.every((edge) => edge.node.annotations === null)).toBe(true);
  });

  it("a REPORTER sees a draft's annotations", async () => {
    const data = await runOk<ArticleNotesResult>("REPORTER", ARTICLE_NOTES, { slug: "draft-basra-follow-up" });
    expect(data.article?.annotations?.edges.map((edge) => edge.node.id)).toEqual([gid("draftNote")]);
  });
});

const NESTED = `query Nested($first: Int!) {
  articles(first: 10) {
    edges { node { slug annotations(first: $first) { edges { node { body author { name } replies { totalCount } } } } } }
  }
}`;

interface NestedResult {
  articles: { edges: { node: { slug: string; annotations: Page<{ body: string; author: { name: string }; replies: { totalCount: number } }> | null } }[] };
}

type ExecutedNested = ExecutedOperation<NestedResult>;

describe("statement counts", () => {
  it("does not grow with the page size of nested annotations", async () => {
    const small = await run<NestedResult>("REPORTER", NESTED, { first: 1 });
    const large = await run<NestedResult>("REPORTER", NESTED, { first: 50 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    const count = (result: ExecutedNested) =>
      result.data!.articles.edges.reduce((sum, edge) => sum + (edge.node.annotations?.edges.length ?? 0), 0);
    expect(count(large)).toBeGreaterThan(count(small));
    const extra = large.data!.articles.edges.find((edge) => edge.node.slug === "extra-story-0")!.node.annotations!;
    expect(extra.edges.map((edge) => edge.node.replies.totalCount)).toEqual([2, 0, 0, 2, 0, 0, 2, 0, 0]);
    expect(extra.edges[1]?.node.author.name).toBe("Ada Admin");
    expect(large.statements.length).toBe(small.statements.length);
    // articles, annotations of every article, their authors, their reply counts.
    expect(large.statements.length).toBe(5);
  });

  it("does not grow with the page size of the review queue", async () => {
    const query = `query($first: Int!) { annotations(first: $first) { edges { node { author { name } resolvedBy { name } parent { id }
      target { __typename } article { slug } replies(first: 2) { totalCount edges { node { id } } } } } totalCount } }`;
    // The first 10 already hold notes on every kind of target, so both pages need the same loaders.
    const small = await run<{ annotations: Page<unknown> }>("REPORTER", query, { first: 10 });
    const large = await run<{ annotations: Page<unknown> }>("REPORTER", query, { first: 100 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data!.annotations.edges.length).toBe(visibleNotes.length);
    expect(large.statements.length).toBe(small.statements.length);
    // page, count, users, articles, replies, reply counts, quotes, incidents, people: one each.
    expect(large.statements.length).toBe(9);
  });
});

describe("on a generated corpus of 200 articles", () => {
  let corpus: TestDatabase;
  const onCorpus = operationsOn(() => corpus);

  beforeAll(async () => {
    corpus = await createTestDatabase({ exampleStory: true });
    await seedExampleStory(corpus.prisma);
    await generateCorpus(corpus.prisma, { articles: 200 });
  }, 240_000);
  afterAll(async () => {
    await corpus?.close();
  });

  it("pages through the whole review queue oldest first, without duplicates or gaps", async () => {
    const query = `query($first: Int!, $after: String) { annotations(first: $first, after: $after) {
      edges { node { id createdAt } } pageInfo { hasNextPage endCursor } totalCount } }`;
    const paged = await pageThrough(
      async (after) => (await onCorpus.runOk<{ annotations: Page<{ id: string; createdAt: string }> }>("REPORTER", query, { first: 100, after })).annotations,
    );
    const seen = paged.nodes;
    const totalCount = paged.totalCount ?? 0;
    expect(totalCount).toBeGreaterThan(300);
    expect(seen).toHaveLength(totalCount);
    expect(new Set(seen.map((node) => node.id)).size).toBe(totalCount);
    const times = seen.map((node) => Date.parse(node.createdAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const live = await corpus.prisma.annotation.count({ where: { deletedAt: null, OR: [{ articleId: null }, { article: { deletedAt: null } }] } });
    expect(totalCount).toBeLessThanOrEqual(live);
  });

  it("answers the nested dashboard queries with the same statements for any page size", async () => {
    // Two queries: in one, authors and reviewers would reach the user loader from different
    // depths, so how DataLoader batches them would depend on timing rather than on page size.
    const annotations = `query($articles: Int!, $first: Int!) { articles(first: $articles) { edges { node { slug
      annotations(first: $first) { edges { node { body author { name } target { __typename } replies { totalCount } } } totalCount } } } } }`;
    const reviews = `query($articles: Int!, $first: Int!) { articles(first: $articles) { edges { node { slug
      claimReviews(first: $first) { edges { node { rating reviewer { name } quote { text } } } totalCount } } } } }`;
    for (const query of [annotations, reviews]) {
      const small = await onCorpus.run<NestedResult>("REPORTER", query, { articles: 100, first: 1 });
      const large = await onCorpus.run<NestedResult>("REPORTER", query, { articles: 100, first: 50 });
      expect(small.errors).toBeUndefined();
      expect(large.errors).toBeUndefined();
      expect(large.statements.length).toBe(small.statements.length);
    }
    const result = await onCorpus.run<NestedResult>("REPORTER", annotations, { articles: 100, first: 50 });
    const notes = result.data!.articles.edges.reduce((sum, edge) => sum + (edge.node.annotations?.edges.length ?? 0), 0);
    expect(notes).toBeGreaterThan(100);
    // articles, annotation pages, their count, authors, quote targets, incident targets, person targets, replies, reply counts.
    expect(result.statements.length).toBeLessThanOrEqual(9);
  });
});
