import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../../src/graphql/ids.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { connect, Feed, waitFor, type LiveClient } from "../live/support.js";
import { post, startLoggedServer, tokenFor, type LoggedServer } from "../security/support.js";

// Issue 21, item 6 (PostgreSQL only: the embedded database has no LISTEN connection): the LISTEN
// connection is terminated twice while an editor saves seven edits; a connected subscriber must
// receive every one of the seven events exactly once, in order. After reconnecting the pub/sub
// replays from the audit log what was committed meanwhile and NOTIFYs again what it could not send.

const UPDATE = `mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { article { version } errors { code message } } }`;
const CHANGED = `subscription($id: ID!) { articleChanged(id: $id) { sequence action article { headline } } }`;

let db: TestDatabase;
let server: LoggedServer;
let live: LiveClient | undefined;

beforeAll(async () => {
  db = await createTestDatabase();
  if (db.kind === "server") server = await startLoggedServer(db, { DATABASE_URL: db.url });
}, 60_000);
afterAll(async () => {
  await live?.dispose();
  await server?.close();
  await db?.close();
});

/**
 * Terminates this server's LISTEN connection once it is there: after an earlier termination the
 * server reconnects after a back-off, so the connection is waited for (bounded against hangs
 * only), never assumed.
 */
async function terminateListen(): Promise<void> {
  const listening = () =>
    db.prisma.$queryRawUnsafe<{ pid: number }[]>(
      `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND (query ILIKE 'LISTEN copydesk_events%' OR query ILIKE 'SELECT pg_notify%') AND pid <> pg_backend_pid()`,
    );
  let terminated = await listening();
  for (const hangBound = Date.now() + 60_000; terminated.length === 0 && Date.now() < hangBound; terminated = await listening()) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(terminated.length).toBeGreaterThan(0);
  for (const { pid } of terminated) await db.prisma.$queryRawUnsafe(`SELECT pg_terminate_backend(${Number(pid)})`);
}

describe("live events across a LISTEN reconnect", () => {
  it("delivers all seven edits exactly once and in order while the LISTEN connection is killed twice", async () => {
    if (db.kind !== "server") return;
    const editor = await tokenFor(db, "EDITOR");
    const article = await db.prisma.article.create({ data: { slug: "listen-reconnect", headline: "v0", body: "Body.", bodyHash: "r", status: "PUBLISHED" } });
    const id = toGlobalId("Article", article.id);
    live = connect(server.baseUrl, editor);
    const feed = new Feed<{ articleChanged: { sequence: string; action: string; article: { headline: string } } }>(live, CHANGED, { id });
    await waitFor(() => server.app.live.subscriptions() === 1, 5000, "the subscription to open");

    for (let edit = 1; edit <= 7; edit += 1) {
      if (edit === 3 || edit === 6) await terminateListen();
      const response = await post<{ updateArticle: { errors: unknown[] } }>(server.baseUrl, UPDATE, { input: { id, expectedVersion: edit, headline: `v${edit}` } }, { token: editor });
      expect(response.body.data?.updateArticle.errors).toEqual([]);
    }
    // The payload carries the article as it is when the event is delivered (a replayed event
    // shows the latest headline), so the events are told apart by their sequence.
    const sequences: string[] = [];
    for (let edit = 1; edit <= 7; edit += 1) sequences.push((await feed.data(15_000)).articleChanged.sequence);
    const committed = await db.prisma.auditEvent.findMany({ where: { targetId: article.id }, orderBy: { id: "asc" }, select: { id: true } });
    expect(sequences).toEqual(committed.map((row) => row.id.toString()));
    // Nothing more: each event once. An edit after the reconnect is the next thing heard.
    const response = await post(server.baseUrl, UPDATE, { input: { id, expectedVersion: 8, headline: "v8" } }, { token: editor });
    expect(response.status).toBe(200);
    expect((await feed.data(15_000)).articleChanged.article.headline).toBe("v8");
    expect(feed.pending).toBe(0);
  }, 90_000);
});
