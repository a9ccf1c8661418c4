import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma } from "../../src/db/index.js";
import { toGlobalId } from "../../src/graphql/ids.js";
import { generateCorpus } from "../../src/seed/corpus.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { bodyHash, errorCodes, operationsOn, pageThrough, type Page } from "../support/graphql.js";

// The seed records no audit events: this file writes a history for the example story, one of
// its quotes, a person, an incident and an annotation, plus a few extra stories with histories
// of their own for the statement-count checks.

interface EventNode {
  id: string;
  sequence: string;
  action: string;
  targetType: string;
  targetId: string;
  actor: { name: string } | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  createdAt: string;
}

let db: TestDatabase;
let articleId: string;
let quoteId: string;
let personId: string;
let incidentId: string;
let annotationId: string;
const users = { reporter: "", editor: "", admin: "" };
/** Every event written here, in insertion (sequence) order. */
const events: { id: bigint; action: string; targetType: string; targetId: string; actorId: string | null; createdAt: Date }[] = [];
const extraArticleIds: string[] = [];

const { run, runOk } = operationsOn(() => db);

async function record(data: Omit<Prisma.AuditEventUncheckedCreateInput, "id">): Promise<void> {
  const row = await db.prisma.auditEvent.create({ data });
  events.push({
    id: row.id,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    actorId: row.actorId,
    createdAt: row.createdAt,
  });
}

const eventGid = (id: bigint) => toGlobalId("AuditEvent", id);
const day = (iso: string) => new Date(`${iso}T12:00:00.000Z`);
/** The events matching `predicate`, newest first, as global ids. */
const newestFirst = (predicate: (event: (typeof events)[number]) => boolean) =>
  events.filter(predicate).sort((a, b) => (a.id < b.id ? 1 : -1)).map((event) => eventGid(event.id));

beforeAll(async () => {
  db = await createTestDatabase({ exampleStory: true });
  ({ articleId } = await seedExampleStory(db.prisma));
  // This file checks the log over the events it records itself; the seed's own events (its
  // ingest, acceptance and publication, checked in tests/db/seed.test.ts) are taken out first.
  await db.prisma.auditEvent.deleteMany();
  users.reporter = (await db.prisma.user.create({ data: { name: "Rita Reporter", role: "REPORTER" } })).id;
  users.editor = (await db.prisma.user.create({ data: { name: "Ed Editor", role: "EDITOR", email: "ed@desk.example" } })).id;
  users.admin = (await db.prisma.user.create({ data: { name: "Ada Admin", role: "ADMIN" } })).id;
  quoteId = (await db.prisma.quote.findFirstOrThrow({ where: { articleId, text: { startsWith: "Bottom line" } } })).id;
  personId = (await db.prisma.person.findFirstOrThrow({ where: { name: "Mike Pompeo" } })).id;
  incidentId = (await db.prisma.incident.findFirstOrThrow({ where: { summary: { startsWith: "Attack on an Iranian military parade" } } })).id;
  annotationId = (
    await db.prisma.annotation.create({
      data: { targetType: "ARTICLE", articleId, motivation: "commenting", body: "Check the figure.", authorId: users.reporter },
    })
  ).id;

  await record({ action: "article.create", targetType: "Article", targetId: articleId, after: { status: "DRAFT" }, createdAt: day("2024-02-01") });
  await record({
    action: "article.update",
    targetType: "Article",
    targetId: articleId,
    actorId: users.editor,
    before: { headline: null },
    after: { headline: "U.S. closes Basra consulate" },
    requestId: "req-2",
    createdAt: day("2024-02-02"),
  });
  await record({ action: "quote.update", targetType: "Quote", targetId: quoteId, actorId: users.editor, before: { verification: "UNVERIFIED" }, after: { verification: "DISPUTED" }, createdAt: day("2024-02-03") });
  await record({ action: "article.publish", targetType: "Article", targetId: articleId, actorId: users.editor, before: { status: "DRAFT" }, after: { status: "PUBLISHED" }, createdAt: day("2024-02-04") });
  await record({ action: "annotation.create", targetType: "Annotation", targetId: annotationId, actorId: users.reporter, after: { body: "Check the figure." }, createdAt: day("2024-02-05") });
  await record({ action: "person.update", targetType: "Person", targetId: personId, actorId: users.admin, before: { wikidataId: null }, after: { wikidataId: "Q473239" }, createdAt: day("2024-02-06") });
  await record({ action: "incident.update", targetType: "Incident", targetId: incidentId, actorId: users.editor, before: { fatalitiesMin: 24 }, after: { fatalitiesMin: 25 }, createdAt: day("2024-02-07") });
  await record({ action: "quote.verify", targetType: "Quote", targetId: quoteId, actorId: users.reporter, after: { verification: "VERIFIED" }, createdAt: day("2024-02-08") });
  // A record type without global ids: its id is shown as stored.
  await record({ action: "token.create", targetType: "ApiToken", targetId: "tok_0001", actorId: users.admin, after: { name: "cms hook" }, createdAt: day("2024-02-09") });
  await record({ action: "article.update", targetType: "Article", targetId: articleId, actorId: users.reporter, before: { dek: null }, after: { dek: "Threats from Iran" }, createdAt: day("2024-02-10") });

  for (let index = 0; index < 4; index += 1) {
    const text = `Body of extra story ${index}.`;
    const id = (
      await db.prisma.article.create({
        data: { slug: `audit-extra-${index}`, body: text, bodyHash: bodyHash(text), status: "PUBLISHED", publishedAt: new Date("2018-09-29T00:00:00Z") },
      })
    ).id;
    extraArticleIds.push(id);
    for (let change = 0; change < 3 + index; change += 1) {
      await record({ action: "article.update", targetType: "Article", targetId: id, actorId: change % 2 ? users.editor : users.reporter, after: { change }, createdAt: day(`2024-03-${String(10 + change).padStart(2, "0")}`) });
    }
  }
});

afterAll(async () => {
  await db?.close();
});

const EVENT_FIELDS = "id sequence action targetType targetId actor { name } before after requestId createdAt";

const LOG = `query Log($filter: AuditEventFilter, $first: Int, $after: String) {
  auditEvents(filter: $filter, first: $first, after: $after) {
    edges { cursor node { ${EVENT_FIELDS} } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}`;

/** Pages through the audit log with `first` and returns the events in order and the total count. */
async function pageLog(filter: Record<string, unknown> | null, first: number): Promise<{ ids: string[]; totalCount: number; nodes: EventNode[] }> {
  const { nodes, totalCount } = await pageThrough(
    async (after) => (await runOk<{ auditEvents: Page<EventNode> }>("REPORTER", LOG, { filter, first, after })).auditEvents,
  );
  return { ids: nodes.map((node) => node.id), totalCount: totalCount ?? -1, nodes };
}

describe("the audit log (Query.auditEvents)", () => {
  it("pages through every event newest first, without duplicates or gaps", async () => {
    const all = newestFirst(() => true);
    for (const first of [1, 4, 100]) {
      const { ids, totalCount, nodes } = await pageLog(null, first);
      expect(ids).toEqual(all);
      expect(totalCount).toBe(all.length);
      const sequences = nodes.map((node) => BigInt(node.sequence));
      expect(sequences).toEqual([...sequences].sort((a, b) => (a < b ? 1 : -1)));
    }
  });

  it("shows an event: sequence, target as a global id, actor, snapshots and request id", async () => {
    const { nodes } = await pageLog({ action: "article.update", actorId: toGlobalId("User", users.editor), targetType: "Article" }, 10);
    const update = nodes.find((node) => node.requestId === "req-2");
    const stored = events.find((event) => event.action === "article.update" && event.actorId === users.editor && event.targetId === articleId)!;
    expect(update).toEqual({
      id: toGlobalId("AuditEvent", stored.id),
      sequence: stored.id.toString(),
      action: "article.update",
      targetType: "Article",
      targetId: toGlobalId("Article", articleId),
      actor: { name: "Ed Editor" },
      before: { headline: null },
      after: { headline: "U.S. closes Basra consulate" },
      requestId: "req-2",
      createdAt: "2024-02-02T12:00:00.000Z",
    });
    const { nodes: created } = await pageLog({ action: "article.create" }, 10);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ actor: null, before: null, after: { status: "DRAFT" } });
  });

  it("filters by the global id of the target", async () => {
    const { ids, totalCount } = await pageLog({ targetId: toGlobalId("Article", articleId) }, 2);
    expect(ids).toEqual(newestFirst((event) => event.targetType === "Article" && event.targetId === articleId));
    expect(ids).toHaveLength(4);
    expect(totalCount).toBe(4);
    expect((await pageLog({ targetId: toGlobalId("Quote", quoteId) }, 5)).ids).toEqual(
      newestFirst((event) => event.targetType === "Quote"),
    );
  });

  it("filters by actor, action and target type", async () => {
    expect((await pageLog({ actorId: toGlobalId("User", users.admin) }, 1)).ids).toEqual(newestFirst((event) => event.actorId === users.admin));
    expect((await pageLog({ action: "quote.verify" }, 1)).ids).toEqual(newestFirst((event) => event.action === "quote.verify"));
    const tokens = await pageLog({ targetType: "ApiToken" }, 5);
    expect(tokens.nodes.map((node) => node.targetId)).toEqual(["tok_0001"]);
    expect((await pageLog({ targetType: "Article", action: "article.update", actorId: toGlobalId("User", users.reporter) }, 3)).ids).toEqual(
      newestFirst((event) => event.targetType === "Article" && event.action === "article.update" && event.actorId === users.reporter),
    );
  });

  it("filters by a time range: from inclusive, to exclusive", async () => {
    const from = "2024-02-03T12:00:00.000Z";
    const to = "2024-02-07T12:00:00.000Z";
    const { ids } = await pageLog({ from, to }, 2);
    expect(ids).toEqual(newestFirst((event) => event.createdAt >= new Date(from) && event.createdAt < new Date(to)));
    expect(ids).toHaveLength(4);
    expect((await pageLog({ from: to, to }, 2)).ids).toEqual([]);
  });

  it("answers BAD_USER_INPUT for an inverted range, malformed ids and bad paging", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ filter: { from: "2024-02-07T00:00:00Z", to: "2024-02-01T00:00:00Z" } }, "filter.from"],
      [{ filter: { targetId: "not-a-global-id" } }, "filter.targetId"],
      [{ filter: { targetId: Buffer.from("Article:123").toString("base64url") } }, "filter.targetId"],
      [{ filter: { targetId: Buffer.from("Secret:x").toString("base64url") } }, "filter.targetId"],
      [{ filter: { actorId: toGlobalId("Article", articleId) } }, "filter.actorId"],
      [{ filter: { actorId: "\\'; SELECT 1; --" } }, "filter.actorId"],
      [{ after: "bogus" }, "after"],
      [{ first: -1 }, "first"],
    ];
    for (const [variables, argument] of cases) {
      const result = await run("REPORTER", LOG, variables);
      expect(errorCodes(result.errors)).toEqual(["BAD_USER_INPUT"]);
      expect(result.errors?.[0]?.extensions?.["argument"]).toBe(argument);
      expect(result.statements).toHaveLength(0);
    }
  });

  it("refuses a VIEWER with FORBIDDEN", async () => {
    const result = await run<{ auditEvents: unknown }>("VIEWER", LOG);
    expect(errorCodes(result.errors)).toEqual(["FORBIDDEN"]);
    expect(result.data?.auditEvents).toBeNull();
    expect(result.statements).toHaveLength(0);
  });

  it("resolves an event by global id for a REPORTER and answers null to a VIEWER", async () => {
    const query = `query($id: ID!) { node(id: $id) { ... on AuditEvent { ${EVENT_FIELDS} } } }`;
    const event = events[2]!;
    const reporter = await runOk<{ node: EventNode | null }>("REPORTER", query, { id: eventGid(event.id) });
    expect(reporter.node).toMatchObject({ sequence: event.id.toString(), action: "quote.update", targetId: toGlobalId("Quote", quoteId) });
    const viewer = await run<{ node: EventNode | null }>("VIEWER", query, { id: eventGid(event.id) });
    expect(viewer.errors).toBeUndefined();
    expect(viewer.data?.node).toBeNull();
    expect(viewer.statements).toHaveLength(0);
    const unknown = await runOk<{ node: EventNode | null }>("REPORTER", query, { id: eventGid(999_999n) });
    expect(unknown.node).toBeNull();
  });
});

const HISTORY = `query History($slug: String!, $first: Int, $after: String) {
  article(slug: $slug) {
    slug headline
    history(first: $first, after: $after) {
      edges { node { id sequence action targetId actor { name } before after createdAt } }
      pageInfo { hasNextPage endCursor }
      totalCount
    }
  }
}`;

interface HistoryResult {
  article: {
    slug: string;
    history: Page<Omit<EventNode, "targetType" | "requestId">> | null;
  } | null;
}

describe("history of records", () => {
  it("lists an article's changes newest first and pages through them", async () => {
    const data = await runOk<HistoryResult>("REPORTER", HISTORY, { slug: "basra-consulate-2018" });
    const history = data.article!.history!;
    expect(history.edges.map((edge) => edge.node.action)).toEqual(["article.update", "article.publish", "article.update", "article.create"]);
    expect(history.edges.map((edge) => edge.node.actor?.name ?? null)).toEqual(["Rita Reporter", "Ed Editor", "Ed Editor", null]);
    expect(history.totalCount).toBe(4);
    const latest = events.filter((event) => event.targetId === articleId).at(-1)!;
    expect(history.edges[0]?.node).toEqual({
      id: eventGid(latest.id),
      sequence: latest.id.toString(),
      action: "article.update",
      targetId: toGlobalId("Article", articleId),
      actor: { name: "Rita Reporter" },
      before: { dek: null },
      after: { dek: "Threats from Iran" },
      createdAt: "2024-02-10T12:00:00.000Z",
    });

    const { nodes } = await pageThrough(
      async (after) => (await runOk<HistoryResult>("REPORTER", HISTORY, { slug: "basra-consulate-2018", first: 3, after })).article!.history!,
    );
    expect(nodes.map((node) => node.sequence)).toEqual(history.edges.map((edge) => edge.node.sequence));
  });

  it("refuses a VIEWER the history with FORBIDDEN and still returns the article", async () => {
    const result = await run<HistoryResult>("VIEWER", HISTORY, { slug: "basra-consulate-2018" });
    expect(errorCodes(result.errors)).toEqual(["FORBIDDEN"]);
    expect(result.errors?.[0]?.path).toEqual(["article", "history"]);
    expect(result.data?.article).toMatchObject({ slug: "basra-consulate-2018", history: null });
  });

  it("lists the history of a quote, a person, an incident and an annotation", async () => {
    const query = `query($id: ID!) { node(id: $id) {
      ... on Quote { history { edges { node { action targetId } } } }
      ... on Person { history { edges { node { action targetId } } } }
      ... on Incident { history { edges { node { action targetId } } } }
      ... on Annotation { history { edges { node { action targetId } } } }
    } }`;
    const cases: [string, string[]][] = [
      [toGlobalId("Quote", quoteId), ["quote.verify", "quote.update"]],
      [toGlobalId("Person", personId), ["person.update"]],
      [toGlobalId("Incident", incidentId), ["incident.update"]],
      [toGlobalId("Annotation", annotationId), ["annotation.create"]],
    ];
    for (const [id, actions] of cases) {
      const data = await runOk<{ node: { history: Page<{ action: string; targetId: string }> } }>("REPORTER", query, { id });
      expect(data.node.history.edges.map((edge) => edge.node)).toEqual(actions.map((action) => ({ action, targetId: id })));
    }
    const viewer = await run<{ node: { history: unknown } | null }>("VIEWER", query, { id: toGlobalId("Quote", quoteId) });
    expect(errorCodes(viewer.errors)).toEqual(["FORBIDDEN"]);
    expect(viewer.data?.node).toEqual({ history: null });
  });

  it("answers BAD_USER_INPUT for bad history paging", async () => {
    for (const [variables, argument] of [
      [{ first: 0 }, "first"],
      [{ first: 101 }, "first"],
      [{ after: "x" }, "after"],
    ] as const) {
      const result = await run<HistoryResult>("REPORTER", HISTORY, { slug: "basra-consulate-2018", ...variables });
      expect(errorCodes(result.errors)).toEqual(["BAD_USER_INPUT"]);
      expect(result.errors?.[0]?.extensions?.["argument"]).toBe(argument);
      expect(result.data?.article?.slug).toBe("basra-consulate-2018");
    }
  });
});

const NESTED = `query Nested($first: Int!, $after: String) {
  articles(first: 10) {
    edges { node { slug history(first: $first, after: $after) { edges { node { sequence action actor { name } } } totalCount } } }
  }
}`;

interface NestedResult {
  articles: { edges: { node: { slug: string; history: Page<{ sequence: string; action: string; actor: { name: string } | null }> | null } }[] };
}

describe("statement counts", () => {
  it("history nested in a list of articles takes the same statements for any page size", async () => {
    const small = await run<NestedResult>("REPORTER", NESTED, { first: 1 });
    const large = await run<NestedResult>("REPORTER", NESTED, { first: 50 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    const byArticle = (result: typeof large) => new Map(result.data!.articles.edges.map((edge) => [edge.node.slug, edge.node.history!]));
    const smallPages = byArticle(small);
    const largePages = byArticle(large);
    for (const [index, id] of extraArticleIds.entries()) {
      const slug = `audit-extra-${index}`;
      expect(smallPages.get(slug)?.edges).toHaveLength(1);
      expect(largePages.get(slug)?.edges.map((edge) => edge.node.sequence)).toEqual(
        newestFirst((event) => event.targetId === id).map((globalId) => Buffer.from(globalId, "base64url").toString().split(":")[1]),
      );
      expect(largePages.get(slug)?.totalCount).toBe(3 + index);
    }
    expect(largePages.get("basra-consulate-2018")?.edges).toHaveLength(4);
    expect(large.statements.length).toBe(small.statements.length);
    // articles, one history page for all of them, their actors, one count for all of them.
    expect(large.statements.length).toBe(4);
  });

  it("reads the history pages of every article in one statement", async () => {
    const result = await run<NestedResult>("REPORTER", NESTED, { first: 2 });
    expect(result.data!.articles.edges.length).toBeGreaterThan(4);
    const historyStatements = result.statements.filter((sql) => sql.includes("LATERAL") && sql.includes("AuditEvent"));
    expect(historyStatements).toHaveLength(1);
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

  it("pages through the whole audit log newest first, without duplicates or gaps", async () => {
    const paged = await pageThrough(
      async (after) => (await onCorpus.runOk<{ auditEvents: Page<EventNode> }>("REPORTER", LOG, { first: 100, after })).auditEvents,
    );
    const sequences = paged.nodes.map((node) => BigInt(node.sequence));
    const totalCount = paged.totalCount ?? 0;
    expect(totalCount).toBe(await corpus.prisma.auditEvent.count());
    expect(totalCount).toBeGreaterThan(200);
    expect(sequences).toHaveLength(totalCount);
    expect(sequences.every((sequence, index) => index === 0 || sequence < sequences[index - 1]!)).toBe(true);
  });

  it("answers nested histories of 100 articles with the same statements for any page size", async () => {
    const query = `query($first: Int!) { articles(first: 100) { edges { node { id
      history(first: $first) { edges { node { sequence action actor { name } } } totalCount } } } } }`;
    const small = await onCorpus.run<{ articles: { edges: { node: { id: string; history: Page<{ sequence: string }> } }[] } }>("REPORTER", query, { first: 1 });
    const large = await onCorpus.run<{ articles: { edges: { node: { id: string; history: Page<{ sequence: string }> } }[] } }>("REPORTER", query, { first: 50 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.statements.length).toBe(small.statements.length);
    expect(large.statements.length).toBe(4);
    // Spot-check one article's page against the table.
    const edge = large.data!.articles.edges.find((candidate) => (candidate.node.history.totalCount ?? 0) > 1)!;
    const rawId = Buffer.from(edge.node.id, "base64url").toString().split(":")[1]!;
    const stored = await corpus.prisma.auditEvent.findMany({ where: { targetType: "Article", targetId: rawId }, orderBy: { id: "desc" } });
    expect(edge.node.history.edges.map((item) => item.node.sequence)).toEqual(stored.map((row) => row.id.toString()));
  });
});
