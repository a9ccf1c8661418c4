import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { inTransaction } from "../../src/db/transaction.js";
import { toGlobalId } from "../../src/graphql/ids.js";
import { recordSuggestionsCreated } from "../../src/domain/subscriptions/suggestions.js";
import { createPubSub, InProcessPubSub, LiveHub, type PubSub } from "../../src/pubsub/index.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { annotate, connect, Feed, HANG_MS, post, tokenFor, waitFor, type LiveClient } from "./support.js";

// Live updates over real WebSockets between two instances of copydesk on one database: through
// PostgreSQL LISTEN/NOTIFY when the run has DATABASE_URL (each instance opens its own pub/sub),
// and through one in-process pub/sub shared by both instances on the embedded database.

const ANNOTATION_EVENTS = `subscription Notes($articleId: ID!, $lastEventId: String) {
  annotationEvents(articleId: $articleId, lastEventId: $lastEventId) { sequence kind annotationId annotation { id body status } actor { name } }
}`;
type NoteEvent = {
  annotationEvents: { sequence: string; kind: string; annotationId: string; annotation: { id: string; body: string; status: string } | null; actor: { name: string } | null };
};
const ARTICLE_CHANGED = `subscription Article($id: ID!) { articleChanged(id: $id) { sequence action articleId article { status version } } }`;
type ArticleEvent = { articleChanged: { sequence: string; action: string; articleId: string; article: { status: string; version: number } | null } };

let db: TestDatabase;
let sharedPubSub: PubSub | undefined;
let a: TestServer;
let b: TestServer;
let editor: string;
let reporter: string;
let viewer: string;
let admin: string;
let published: string;
let draft: string;
const clients: LiveClient[] = [];

/** A client on `server` that the test run closes at the end. */
function clientOf(server: TestServer, token?: string): LiveClient {
  const live = connect(server.baseUrl, token);
  clients.push(live);
  return live;
}

const feeds: Feed<unknown>[] = [];

/** Subscribes on `server` and waits until the instance has the subscription open (so the next mutation is heard live). */
async function subscribed<T>(server: TestServer, token: string | undefined, query: string, variables: Record<string, unknown>): Promise<Feed<T>> {
  const before = server.app.live.subscriptions();
  const feed = new Feed<T>(clientOf(server, token), query, variables);
  feeds.push(feed as Feed<unknown>);
  await waitFor(() => server.app.live.subscriptions() > before, HANG_MS, "the subscription to open");
  return feed;
}

// Each test starts with no subscription open, so "opened" above means this test's subscription.
afterEach(async () => {
  for (const feed of feeds.splice(0)) feed.close();
  await waitFor(() => a.app.live.subscriptions() === 0 && b.app.live.subscriptions() === 0, HANG_MS, "subscriptions to close");
});

async function article(slug: string, status: "DRAFT" | "PUBLISHED"): Promise<string> {
  const row = await db.prisma.article.create({ data: { slug, body: `Body of ${slug}: words to annotate.`, bodyHash: slug, status } });
  return toGlobalId("Article", row.id);
}

beforeAll(async () => {
  db = await createTestDatabase();
  // One process, one embedded database: the instances share the in-process pub/sub, as the
  // threads of one server would. On a PostgreSQL server each instance LISTENs on its own.
  sharedPubSub = db.kind === "embedded" ? new InProcessPubSub() : undefined;
  const env = db.kind === "embedded" ? {} : { DATABASE_URL: db.url };
  a = await startTestServer(db, env, sharedPubSub);
  b = await startTestServer(db, env, sharedPubSub);
  [editor, reporter, viewer, admin] = await Promise.all([tokenFor(db, "EDITOR"), tokenFor(db, "REPORTER"), tokenFor(db, "VIEWER"), tokenFor(db, "ADMIN")]);
  published = await article("live-published", "PUBLISHED");
  draft = await article("live-draft", "DRAFT");
});

afterAll(async () => {
  await Promise.all(clients.map((live) => live.dispose()));
  await a?.close();
  await b?.close();
  await sharedPubSub?.close();
  await db?.close();
});

describe("live updates across two instances", () => {
  it("uses LISTEN/NOTIFY on a PostgreSQL server and the in-process pub/sub on the embedded database", () => {
    expect(a.app.live.pubsub).toBe(db.kind === "embedded" ? "in-process" : "postgres");
  });

  // How fast the event travels is measured by `npm run bench:subscriptions` (bench/subscriptions.ts),
  // not asserted here: on a busy machine any bound in milliseconds would measure the machine.
  it("delivers an annotation created through instance A to a subscriber on instance B", async () => {
    const feed = await subscribed<NoteEvent>(b, editor, ANNOTATION_EVENTS, { articleId: draft });
    const created = await annotate(a.baseUrl, reporter, draft, "Second source for this figure?");
    const event = (await feed.data()).annotationEvents;
    expect(event).toMatchObject({ kind: "CREATED", annotationId: created.id, annotation: { id: created.id, body: "Second source for this figure?", status: "OPEN" } });
    expect(event.actor?.name).toMatch(/^reporter-/);
    feed.close();
  });

  it("reports replies and resolutions, and status changes of the article, to the other editor", async () => {
    const notes = await subscribed<NoteEvent>(b, editor, ANNOTATION_EVENTS, { articleId: draft });
    const changes = await subscribed<ArticleEvent>(b, editor, ARTICLE_CHANGED, { id: draft });
    const note = await annotate(a.baseUrl, reporter, draft, "Check the date.");
    await post(a.baseUrl, editor, `mutation($input: ReplyToAnnotationInput!) { replyToAnnotation(input: $input) { errors { code } } }`, { input: { parentId: note.id, body: "Checked." } });
    await post(a.baseUrl, editor, `mutation($input: AnnotationStateInput!) { resolveAnnotation(input: $input) { errors { code } } }`, { input: { id: note.id, expectedVersion: note.version } });
    const kinds = [(await notes.data()).annotationEvents, (await notes.data()).annotationEvents, (await notes.data()).annotationEvents];
    expect(kinds.map((event) => event.kind)).toEqual(["CREATED", "REPLIED", "RESOLVED"]);
    expect(kinds[2]!.annotation?.status).toBe("RESOLVED");
    // Sequences grow: they are the audit log's.
    expect(BigInt(kinds[1]!.sequence)).toBeGreaterThan(BigInt(kinds[0]!.sequence));

    const version = (await db.prisma.article.findFirstOrThrow({ where: { slug: "live-draft" } })).version;
    await post(a.baseUrl, reporter, `mutation($input: ArticleStateInput!) { submitForReview(input: $input) { errors { code } } }`, { input: { id: draft, expectedVersion: version } });
    const { articleChanged } = await changes.data();
    expect(articleChanged).toMatchObject({ action: "article.submit", articleId: draft, article: { status: "IN_REVIEW", version: version + 1 } });
    notes.close();
    changes.close();
  });

  it("publishes nothing for a mutation that failed: the next event is the next committed change", async () => {
    const feed = await subscribed<NoteEvent>(b, editor, ANNOTATION_EVENTS, { articleId: draft });
    const note = await annotate(a.baseUrl, reporter, draft, "Stale version next.");
    expect((await feed.data()).annotationEvents.kind).toBe("CREATED");
    const stale = await post<{ resolveAnnotation: { errors: { code: string }[] } }>(a.baseUrl, editor, `mutation($input: AnnotationStateInput!) { resolveAnnotation(input: $input) { errors { code } } }`, {
      input: { id: note.id, expectedVersion: note.version + 5 },
    });
    expect(stale.data?.resolveAnnotation.errors[0]?.code).toBe("VERSION_CONFLICT");
    const later = await annotate(a.baseUrl, reporter, draft, "Committed after the failure.");
    const next = (await feed.data()).annotationEvents;
    expect(next).toMatchObject({ kind: "CREATED", annotationId: later.id });
    feed.close();
  });

  it("sends the review queue's counters after a change to the queue", async () => {
    const feed = await subscribed<{ reviewQueueChanged: { action: string; articleId: string | null; annotationQueueCounts: { status: string; motivation: string; count: number }[] } }>(
      b,
      reporter,
      `subscription { reviewQueueChanged { action articleId annotationQueueCounts { status motivation count } } }`,
      {},
    );
    const open = await db.prisma.annotation.count({ where: { status: "OPEN", motivation: "commenting", parentId: null, deletedAt: null } });
    await annotate(a.baseUrl, reporter, published, "Queue me.");
    const { reviewQueueChanged } = await feed.data();
    expect(reviewQueueChanged.action).toBe("annotation.create");
    expect(reviewQueueChanged.articleId).toBe(published);
    expect(reviewQueueChanged.annotationQueueCounts.find((row) => row.status === "OPEN" && row.motivation === "commenting")?.count).toBe(open + 1);
    feed.close();
  });

  it("delivers suggestions recorded by ingest in its own process (a separate publisher) to subscribers", async () => {
    const feed = await subscribed<{ suggestionsCreated: { article: { id: string } | null; quotes: { text: string }[]; quoteCount: number; personCount: number } }>(
      b,
      reporter,
      `subscription($articleId: ID!) { suggestionsCreated(articleId: $articleId) { article { id } quotes { text } quoteCount personCount } }`,
      { articleId: published },
    );
    // Ingest runs as a worker: its own pub/sub on the same database (the shared one in-process).
    const workerPubSub = sharedPubSub ?? (await createPubSub({ kind: "server", url: db.url }, db, { warn: () => undefined, error: () => undefined }));
    const worker = new LiveHub(workerPubSub, { warn: () => undefined, error: () => undefined });
    try {
      const articleRow = await db.prisma.article.findFirstOrThrow({ where: { slug: "live-published" } });
      await inTransaction(db.prisma, async (tx) => {
        const quote = await tx.quote.create({
          data: { articleId: articleRow.id, text: "Body", start: 0, end: 4, kind: "DIRECT", origin: "MACHINE", reviewStatus: "PENDING" },
        });
        await recordSuggestionsCreated(tx, { viewer: { role: "EDITOR", userId: null, tokenId: null }, requestId: "ingest-test", live: worker }, {
          articleId: articleRow.id,
          quoteIds: [quote.id],
          personIds: [],
          incidentIds: [],
          mentionIds: [],
        });
      });
      const { suggestionsCreated } = await feed.data();
      expect(suggestionsCreated).toEqual({ article: { id: published }, quotes: [{ text: "Body" }], quoteCount: 1, personCount: 0 });
    } finally {
      worker.close();
      if (!sharedPubSub) await workerPubSub.close();
      feed.close();
    }
  });

  it("gives an admin the audit feed, filtered", async () => {
    const feed = await subscribed<{ auditEvents: { action: string; targetId: string } }>(
      b,
      admin,
      `subscription { auditEvents(filter: { action: "annotation.create" }) { action targetId } }`,
      {},
    );
    const note = await annotate(a.baseUrl, reporter, published, "For the admin feed.");
    expect((await feed.data()).auditEvents).toEqual({ action: "annotation.create", targetId: note.id });
    feed.close();
  });
});

describe("who may subscribe", () => {
  /** The first message of a subscription that must be refused, with its error code. */
  async function refusedCode(token: string | undefined, query: string, variables: Record<string, unknown>): Promise<string> {
    const feed = new Feed(clientOf(b, token), query, variables);
    const message = await feed.take();
    if (message.kind === "next") return String(message.result.errors?.[0]?.extensions?.["code"]);
    if (message.kind === "error" && Array.isArray(message.error)) return String((message.error[0] as { extensions?: { code?: string } }).extensions?.code);
    throw new Error(`unexpected ${JSON.stringify(message)}`);
  }

  it("closes a connection with a bad token (4403) before any subscription runs", async () => {
    const live = clientOf(b, "cdk_" + "x".repeat(43));
    const feed = new Feed(live, ARTICLE_CHANGED, { id: published });
    expect(await live.closed).toBe(4403);
    expect((await feed.take()).kind).toBe("error");
  });

  it("refuses annotation, suggestion and review-queue feeds to a VIEWER, drafts to anyone who cannot read them, and the audit feed below ADMIN", async () => {
    expect(await refusedCode(viewer, ANNOTATION_EVENTS, { articleId: published })).toBe("FORBIDDEN");
    expect(await refusedCode(undefined, ANNOTATION_EVENTS, { articleId: published })).toBe("FORBIDDEN");
    expect(await refusedCode(viewer, `subscription { reviewQueueChanged { sequence } }`, {})).toBe("FORBIDDEN");
    expect(await refusedCode(viewer, `subscription($id: ID!) { suggestionsCreated(articleId: $id) { sequence } }`, { id: published })).toBe("FORBIDDEN");
    expect(await refusedCode(viewer, ARTICLE_CHANGED, { id: draft })).toBe("NOT_FOUND");
    expect(await refusedCode(undefined, ARTICLE_CHANGED, { id: draft })).toBe("NOT_FOUND");
    expect(await refusedCode(editor, `subscription { auditEvents { sequence } }`, {})).toBe("FORBIDDEN");
    expect(b.app.live.subscriptions()).toBe(0);
  });

  it("answers a subscription sent over HTTP with BAD_REQUEST pointing to the WebSocket", async () => {
    const response = await post<{ reviewQueueChanged: unknown }>(b.baseUrl, editor, `subscription { reviewQueueChanged { sequence } }`);
    expect(response.errors?.[0]?.extensions?.["code"]).toBe("BAD_REQUEST");
    expect(response.errors?.[0]?.message).toMatch(/WebSocket/);
  });

  it("refuses queries and mutations over WebSocket (they go over HTTP) and documents over the limits", async () => {
    expect(await refusedCode(editor, `{ articles(first: 1) { edges { node { id } } } }`, {})).toBe("BAD_REQUEST");
    expect(await refusedCode(editor, `subscription { ${"a: reviewQueueChanged { sequence } ".repeat(1)}${Array.from({ length: 25 }, (_, i) => `x${i}: __typename`).join(" ")} }`, {})).toBe(
      "GRAPHQL_VALIDATION_FAILED",
    );
  });

  it("lets a VIEWER follow a published article but never sends it draft events", async () => {
    const viewerFeed = await subscribed<ArticleEvent>(b, viewer, ARTICLE_CHANGED, { id: published });
    const editorFeed = await subscribed<ArticleEvent>(b, editor, ARTICLE_CHANGED, { id: draft });
    const version = (await db.prisma.article.findFirstOrThrow({ where: { slug: "live-draft" } })).version;
    await post(a.baseUrl, editor, `mutation($input: ArticleStateInput!) { publishArticle(input: $input) { errors { code } } }`, { input: { id: draft, expectedVersion: version } });
    expect((await editorFeed.data()).articleChanged.action).toBe("article.publish");
    const current = await db.prisma.article.findFirstOrThrow({ where: { slug: "live-published" } });
    await post(a.baseUrl, editor, `mutation($input: IssueCorrectionInput!) { issueCorrection(input: $input) { errors { code } } }`, {
      input: { articleId: published, expectedVersion: current.version, text: "An earlier version misspelt a name." },
    });
    // The viewer's first event is the correction of its public article: nothing of the draft came before it.
    expect((await viewerFeed.data()).articleChanged).toMatchObject({ action: "article.correct", article: { status: "CORRECTED" } });
    viewerFeed.close();
    editorFeed.close();
  });

  it("shares an event's execution only between subscribers of the same role: a field above the VIEWER's role stays refused", async () => {
    const query = `subscription($id: ID!) { articleChanged(id: $id) { action article { status history(first: 1) { totalCount } } } }`;
    type WithHistory = { articleChanged: { action: string; article: { status: string; history: { totalCount: number } | null } | null } };
    const editorFeed = await subscribed<WithHistory>(b, editor, query, { id: published });
    const viewerFeed = await subscribed<WithHistory>(b, viewer, query, { id: published });
    const current = await db.prisma.article.findFirstOrThrow({ where: { slug: "live-published" } });
    await post(a.baseUrl, editor, `mutation($input: RetractArticleInput!) { retractArticle(input: $input) { errors { code } } }`, {
      input: { id: published, expectedVersion: current.version, reason: "Sourcing could not be confirmed." },
    });
    const seenByEditor = (await editorFeed.data()).articleChanged;
    expect(seenByEditor.action).toBe("article.retract");
    expect(seenByEditor.article?.history?.totalCount).toBeGreaterThan(0);
    const seenByViewer = await viewerFeed.take();
    expect(seenByViewer.kind).toBe("next");
    if (seenByViewer.kind !== "next") return;
    expect(seenByViewer.result.data?.articleChanged.article).toEqual({ status: "RETRACTED", history: null });
    expect(seenByViewer.result.errors?.[0]?.extensions?.["code"]).toBe("FORBIDDEN");
  });
});
