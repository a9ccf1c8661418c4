import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../../src/graphql/ids.js";
import { issueToken } from "../../src/domain/auth/tokens.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { annotate, connect, Feed, waitFor, type LiveClient } from "../live/support.js";
import { post, startLoggedServer, tokenFor, type LoggedServer } from "./support.js";

// A WebSocket connection authenticates once, when it opens, but must not keep rights its token
// lost (issue 21, item 1): every operation start checks the token, user and role again, and the
// live event of a change to a user or their tokens makes that user's sockets check before their
// next event, closing them with 4403 when anything changed. Over HTTP the same token is refused
// at once (tests/security/token-cache.test.ts); a socket must not be a way around that.

const ANNOTATION_EVENTS = `subscription($articleId: ID!) { annotationEvents(articleId: $articleId) { kind annotation { body } } }`;
const ARTICLE_CHANGED = `subscription($id: ID!) { articleChanged(id: $id) { action article { headline status } } }`;
const AUDIT_EVENTS = `subscription { auditEvents { action before after } }`;

let db: TestDatabase;
let server: LoggedServer;
let admin: string;
let editor: string;
let draft: string;
const clients: LiveClient[] = [];

function clientOf(target: LoggedServer, token?: string): LiveClient {
  const live = connect(target.baseUrl, token);
  clients.push(live);
  return live;
}

/** Subscribes and waits until the server has the subscription open, so the next change is heard live. */
async function subscribed(target: LoggedServer, live: LiveClient, query: string, variables: Record<string, unknown> = {}): Promise<Feed> {
  const before = target.app.live.subscriptions();
  const feed = new Feed(live, query, variables);
  await waitFor(() => target.app.live.subscriptions() > before, 5000, "the subscription to open");
  return feed;
}

async function adminMutation(mutation: string, input: Record<string, unknown>): Promise<void> {
  const response = await post<Record<string, { errors: unknown[] }>>(server.baseUrl, mutation, { input }, { token: admin });
  expect(response.status).toBe(200);
  expect(Object.values(response.body.data ?? {})[0]?.errors).toEqual([]);
}

async function user(role: "REPORTER" | "ADMIN", expiresAt: Date | null = null) {
  const name = `ws-${role.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}`;
  return issueToken(db.prisma, { userName: name, role, tokenName: `${name}'s token`, expiresAt });
}

/** The data of every result the feed received so far (errors and the end are left out). */
function delivered(feed: Feed): unknown[] {
  return feed.drain().flatMap((message) => (message.kind === "next" && message.result.data ? [message.result.data] : []));
}

beforeAll(async () => {
  db = await createTestDatabase();
  // A long time to live: only the live events can make the sockets notice a change in time.
  server = await startLoggedServer(db, { TOKEN_CACHE_TTL_MS: "60000" });
  [admin, editor] = await Promise.all([tokenFor(db, "ADMIN"), tokenFor(db, "EDITOR")]);
  const row = await db.prisma.article.create({ data: { slug: "ws-rights-draft", headline: "Embargoed", body: "Draft body with words to annotate.", bodyHash: "ws", status: "DRAFT" } });
  draft = toGlobalId("Article", row.id);
}, 60_000);

afterAll(async () => {
  await Promise.all(clients.map((live) => live.dispose()));
  await server?.close();
  await db?.close();
});

describe("a WebSocket's rights follow its token, user and role", () => {
  it("closes a reporter's socket with 4403 when the role is lowered to VIEWER, before it receives another event of a draft", async () => {
    const reporter = await user("REPORTER");
    const live = clientOf(server, reporter.token);
    const notes = await subscribed(server, live, ANNOTATION_EVENTS, { articleId: draft });
    const changes = await subscribed(server, live, ARTICLE_CHANGED, { id: draft });
    await annotate(server.baseUrl, editor, draft, "Before the demotion.");
    expect(await notes.data()).toEqual({ annotationEvents: { kind: "CREATED", annotation: { body: "Before the demotion." } } });

    await adminMutation(`mutation($input: SetUserRoleInput!) { setUserRole(input: $input) { errors { code } } }`, {
      userId: toGlobalId("User", reporter.user.id),
      role: "VIEWER",
    });
    await annotate(server.baseUrl, editor, draft, "After the demotion: must not reach the former reporter.");
    expect(await live.closed).toBe(4403);
    expect(delivered(notes)).toEqual([]);
    expect(delivered(changes)).toEqual([]);
  });

  it("closes an admin's socket with 4403 when its token is revoked, before the audit feed carries a draft's before/after", async () => {
    const other = await user("ADMIN");
    const live = clientOf(server, other.token);
    const audit = await subscribed(server, live, AUDIT_EVENTS);
    await adminMutation(`mutation($input: RevokeApiTokenInput!) { revokeApiToken(input: $input) { errors { code } } }`, { id: other.record.id });
    const edit = await post(server.baseUrl, `mutation($input: UpdateArticleInput!) { updateArticle(input: $input) { errors { code } } }`, {
      input: { id: draft, expectedVersion: (await db.prisma.article.findUniqueOrThrow({ where: { slug: "ws-rights-draft" } })).version, headline: "Still embargoed" },
    }, { token: editor });
    expect(edit.body.errors).toBeUndefined();
    expect(await live.closed).toBe(4403);
    const received = JSON.stringify(delivered(audit));
    expect(received).not.toContain("Still embargoed");
    expect(received).not.toContain("article.update");
  });

  it("closes the sockets of a user disabled through the API", async () => {
    const reporter = await user("REPORTER");
    const live = clientOf(server, reporter.token);
    const notes = await subscribed(server, live, ANNOTATION_EVENTS, { articleId: draft });
    await adminMutation(`mutation($input: DisableUserInput!) { disableUser(input: $input) { errors { code } } }`, { userId: toGlobalId("User", reporter.user.id) });
    await annotate(server.baseUrl, editor, draft, "After the user was disabled.");
    expect(await live.closed).toBe(4403);
    expect(delivered(notes)).toEqual([]);
  });

  it("checks the token again when an operation starts, even for a change the live events never told (revoked in SQL, no token cache)", async () => {
    const uncached = await startLoggedServer(db, { TOKEN_CACHE_TTL_MS: "0" });
    try {
      const other = await user("ADMIN");
      const live = clientOf(uncached, other.token);
      const first = await subscribed(uncached, live, ANNOTATION_EVENTS, { articleId: draft });
      await db.prisma.apiToken.update({ where: { id: other.record.id }, data: { revokedAt: new Date() } });
      const audit = new Feed(live, AUDIT_EVENTS);
      const message = await audit.take();
      expect(message.kind).toBe("error");
      expect(await live.closed).toBe(4403);
      expect(delivered(first)).toEqual([]);
    } finally {
      await uncached.close();
    }
  });

  it("stops delivering at the token's expiry, to the instant", async () => {
    const expiresAt = new Date(Date.now() + 1500);
    const reporter = await user("REPORTER", expiresAt);
    const live = clientOf(server, reporter.token);
    const notes = await subscribed(server, live, ANNOTATION_EVENTS, { articleId: draft });
    await waitFor(() => Date.now() > expiresAt.getTime(), 5000, "the token to expire");
    await annotate(server.baseUrl, editor, draft, "After the token expired.");
    expect(await live.closed).toBe(4403);
    expect(delivered(notes)).toEqual([]);
  });

  it("keeps an unchanged connection: another user's change, or a new token of the same user, closes nothing", async () => {
    const reporter = await user("REPORTER");
    const live = clientOf(server, reporter.token);
    const notes = await subscribed(server, live, ANNOTATION_EVENTS, { articleId: draft });
    await adminMutation(`mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { errors { code } } }`, {
      userId: toGlobalId("User", reporter.user.id),
      name: "a second token",
    });
    await annotate(server.baseUrl, editor, draft, "Still a reporter.");
    expect(await notes.data()).toEqual({ annotationEvents: { kind: "CREATED", annotation: { body: "Still a reporter." } } });
  });
});
