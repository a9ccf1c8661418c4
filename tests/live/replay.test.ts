import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { afterCommit, inTransaction } from "../../src/db/transaction.js";
import { toGlobalId } from "../../src/graphql/ids.js";
import { REPLAY_LIMIT } from "../../src/graphql/modules/subscriptions/stream.js";
import { MAX_NOTIFY_BYTES, notifyPayload, PostgresPubSub, readLiveEvent, readLiveEvents, type LiveEvent } from "../../src/pubsub/index.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { startTestServer, type TestServer } from "../support/server.js";
import { annotate, connect, Feed, tokenFor, waitFor, type LiveClient } from "./support.js";

// What a client that lost its connection gets back: the events it missed, from the audit log,
// when it resubscribes with the sequence of the last one it saw; and how shutdown and commits
// bound what is published.

const NOTES = `subscription Notes($articleId: ID!, $lastEventId: String) {
  annotationEvents(articleId: $articleId, lastEventId: $lastEventId) { sequence kind annotationId annotation { body } }
}`;
type NoteEvent = { annotationEvents: { sequence: string; kind: string; annotationId: string; annotation: { body: string } | null } };
const quiet = { warn: () => undefined, error: () => undefined };

let db: TestDatabase;
let server: TestServer;
let editor: string;
let articleId: string;
let otherArticleId: string;
const clients: LiveClient[] = [];

function client(target: TestServer, token: string): LiveClient {
  const live = connect(target.baseUrl, token);
  clients.push(live);
  return live;
}

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startTestServer(db);
  editor = await tokenFor(db, "EDITOR");
  const [one, two] = await Promise.all(
    ["replay-one", "replay-two"].map((slug) => db.prisma.article.create({ data: { slug, body: "Words to annotate here.", bodyHash: slug, status: "DRAFT" } })),
  );
  articleId = toGlobalId("Article", one!.id);
  otherArticleId = toGlobalId("Article", two!.id);
});

afterAll(async () => {
  await Promise.all(clients.map((live) => live.dispose()));
  await server?.close();
  await db?.close();
});

describe("resubscribing with lastEventId", () => {
  it("sends the events missed while disconnected, in order and once, then live ones", async () => {
    const first = client(server, editor);
    const feed = new Feed<NoteEvent>(first, NOTES, { articleId });
    await waitFor(() => server.app.live.subscriptions() === 1);
    await annotate(server.baseUrl, editor, articleId, "Seen live.");
    const seen = (await feed.data()).annotationEvents;
    await first.dispose();
    await waitFor(() => server.app.live.subscriptions() === 0);

    // While the client is away: two notes on its article, one on another article.
    const missedOne = await annotate(server.baseUrl, editor, articleId, "Missed one.");
    await annotate(server.baseUrl, editor, otherArticleId, "Not for this subscription.");
    const missedTwo = await annotate(server.baseUrl, editor, articleId, "Missed two.");

    const again = new Feed<NoteEvent>(client(server, editor), NOTES, { articleId, lastEventId: seen.sequence });
    const replayed = [(await again.data()).annotationEvents, (await again.data()).annotationEvents];
    expect(replayed.map((event) => [event.annotationId, event.annotation?.body])).toEqual([
      [missedOne.id, "Missed one."],
      [missedTwo.id, "Missed two."],
    ]);
    await waitFor(() => server.app.live.subscriptions() === 1);
    const live = await annotate(server.baseUrl, editor, articleId, "Live again.");
    expect((await again.data()).annotationEvents.annotationId).toBe(live.id);
    expect(again.pending).toBe(0);
    again.close();
    await waitFor(() => server.app.live.subscriptions() === 0);
  });

  it("refuses a lastEventId that is not a sequence, and one more than the replay limit behind (REPLAY_LIMIT_EXCEEDED)", async () => {
    const bad = new Feed<NoteEvent>(client(server, editor), NOTES, { articleId, lastEventId: "yesterday" });
    const refused = await bad.take();
    expect(refused.kind === "next" && refused.result.errors?.[0]?.extensions?.["code"]).toBe("BAD_USER_INPUT");

    const last = await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    await db.prisma.auditEvent.createMany({
      data: Array.from({ length: REPLAY_LIMIT + 1 }, (_, i) => ({ action: "test.filler", targetType: "Article", targetId: `filler-${i}` })),
    });
    const behind = new Feed<NoteEvent>(client(server, editor), NOTES, { articleId, lastEventId: last.id.toString() });
    const message = await behind.take();
    expect(message.kind).toBe("next");
    if (message.kind !== "next") return;
    expect(message.result.errors?.[0]?.extensions).toMatchObject({ code: "REPLAY_LIMIT_EXCEEDED", replayLimit: REPLAY_LIMIT });
    expect(message.result.data ?? null).toBeNull();
    expect(server.app.live.subscriptions()).toBe(0);
  });
});

describe("publishing after commit", () => {
  it("runs after-commit hooks once the transaction committed, never for a rolled-back or retried attempt", async () => {
    const ran: string[] = [];
    await expect(
      inTransaction(db.prisma, async (tx) => {
        afterCommit(tx, () => ran.push("rolled back"));
        throw new Error("nothing is kept");
      }),
    ).rejects.toThrow("nothing is kept");
    // The first attempt fails on a serialization failure (raised by PostgreSQL, as a real one
    // is) and is retried: only the attempt that committed runs its hook.
    let attempt = 0;
    await inTransaction(db.prisma, async (tx) => {
      attempt += 1;
      afterCommit(tx, () => ran.push(`attempt ${attempt}`));
      if (attempt === 1) await tx.$executeRawUnsafe(`DO $$ BEGIN RAISE EXCEPTION 'injected' USING ERRCODE = '40001'; END $$`);
    });
    expect(attempt).toBe(2);
    expect(ran).toEqual(["attempt 2"]);
    expect(() => afterCommit(db.prisma as never, () => undefined)).toThrow(/inTransaction/);
  });
});

describe("shutdown", () => {
  it("closes open subscriptions with 1001 (going away) when the server closes", async () => {
    const instance = await startTestServer(db);
    const live = client(instance, editor);
    new Feed<NoteEvent>(live, NOTES, { articleId });
    await waitFor(() => instance.app.live.subscriptions() === 1);
    const closing = instance.close();
    expect(await live.closed).toBe(1001);
    await closing;
    expect(instance.app.live.connections()).toBe(0);
  });
});

describe.skipIf(!inject("serverUrl"))("LISTEN/NOTIFY payloads over 8000 bytes", () => {
  it("sends a large event by reference and every receiver reads it from the audit log", async () => {
    const row = await db.prisma.auditEvent.create({
      data: { action: "test.large", targetType: "Quote", targetId: "q".repeat(9000), after: { articleId: "an-article" } },
    });
    const event = await readLiveEvent(db.prisma, row.id.toString());
    expect(event).not.toBeNull();
    expect(notifyPayload(event!)).toBe(JSON.stringify({ ref: row.id.toString() }));
    expect(Buffer.byteLength(JSON.stringify(event), "utf8")).toBeGreaterThan(MAX_NOTIFY_BYTES);

    const load = (sequence: string) => readLiveEvent(db.prisma, sequence);
    const since = (afterSequence: bigint, limit: number) => readLiveEvents(db.prisma, afterSequence, limit);
    const publisher = await PostgresPubSub.connect(db.url, { load, since, log: quiet });
    const receiver = await PostgresPubSub.connect(db.url, { load, since, log: quiet });
    try {
      const heard = new Promise<LiveEvent>((resolve) => receiver.subscribe(resolve));
      await publisher.publish([event!]);
      expect(await heard).toEqual({ ...event, articleId: "an-article" });
    } finally {
      await publisher.close();
      await receiver.close();
    }
  });
});
