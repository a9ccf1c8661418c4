import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../../src/graphql/ids.js";
import { MAX_SUBSCRIPTIONS_PER_CONNECTION } from "../../src/server/websocket.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { connect, Feed, waitFor, type LiveClient } from "../live/support.js";
import { fingerprint, post, send, startLoggedServer, tokenFor, type LoggedServer } from "./support.js";

// Issue 21, items 7 to 10: NUL characters refused as BAD_USER_INPUT naming the argument, once
// for every operation; no "Did you mean" in production, over HTTP variables or WebSocket; a
// persisted-query hash that is not its document's is a client error; the documented number of
// subscriptions per connection is accepted, one more is not.

let db: TestDatabase;
let production: LoggedServer;
let development: LoggedServer;
let editor: string;
let published: string;
const clients: LiveClient[] = [];

function clientOf(server: LoggedServer, token?: string): LiveClient {
  const live = connect(server.baseUrl, token);
  clients.push(live);
  return live;
}

/** The logged "unexpected error" lines, which a client's mistake must never produce. */
function unexpectedErrors(server: LoggedServer): number {
  return server.logs.filter((line) => typeof line["msg"] === "string" && line["msg"].startsWith("unexpected error")).length;
}

/** The first error of a subscription that must be refused. */
async function refusal(feed: Feed): Promise<{ message: string; extensions?: Record<string, unknown> }> {
  const message = await feed.take();
  if (message.kind === "error" && Array.isArray(message.error)) return message.error[0] as { message: string; extensions?: Record<string, unknown> };
  if (message.kind === "next" && message.result.errors?.[0]) return message.result.errors[0] as { message: string; extensions?: Record<string, unknown> };
  throw new Error(`expected a refusal, got ${JSON.stringify(message)}`);
}

beforeAll(async () => {
  db = await createTestDatabase();
  production = await startLoggedServer(db, { NODE_ENV: "production" });
  development = await startLoggedServer(db);
  editor = await tokenFor(db, "EDITOR");
  const article = await db.prisma.article.create({ data: { slug: "errors-published", body: "Published.", bodyHash: "p", status: "PUBLISHED" } });
  published = toGlobalId("Article", article.id);
}, 60_000);

afterAll(async () => {
  await Promise.all(clients.map((live) => live.dispose()));
  await production?.close();
  await development?.close();
  await db?.close();
});

describe("NUL characters", () => {
  it("refuses a NUL in a variable, a literal argument or a mutation's input as BAD_USER_INPUT naming it, with nothing stored and nothing logged as unexpected", async () => {
    const before = await fingerprint(db);
    const logged = unexpectedErrors(production);
    const cases = [
      { query: `query($slug: String) { article(slug: $slug) { id } }`, variables: { slug: "x\u0000y" }, argument: "slug", token: undefined },
      { query: `{ articles(filter: { outlet: "x\\u0000y" }) { totalCount } }`, variables: {}, argument: "filter.outlet", token: undefined },
      {
        query: `mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id } } }`,
        variables: { input: { slug: "nul-headline", headline: "Head\u0000line", body: "Body." } },
        argument: "input.headline",
        token: editor,
      },
      { query: `query($q: String!) { search(query: $q) { totalCount } }`, variables: { q: "\u0000" }, argument: "q", token: undefined },
    ];
    for (const { query, variables, argument, token } of cases) {
      const response = await post(production.baseUrl, query, variables, token ? { token } : {});
      expect(response.status).toBe(400);
      expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument });
      expect(response.body.errors?.[0]?.message).toContain(argument);
    }
    expect(unexpectedErrors(production)).toBe(logged);
    expect(await fingerprint(db)).toBe(before);
  });

  it("refuses a NUL in a subscription's variables the same way", async () => {
    const feed = new Feed(clientOf(production), `subscription($id: ID!, $after: String) { articleChanged(id: $id, lastEventId: $after) { action } }`, {
      id: published,
      after: "1\u0000",
    });
    expect((await refusal(feed)).extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "after" });
  });
});

describe("no suggestions in production", () => {
  const FILTER = `query($filter: ArticleFilter) { articles(filter: $filter) { totalCount } }`;

  it("leaves 'Did you mean' out of variable errors over HTTP (an unknown input field, an unknown enum value)", async () => {
    for (const filter of [{ stauts: ["DRAFT"] }, { status: ["DRAF"] }]) {
      const answer = await post(production.baseUrl, FILTER, { filter });
      expect(answer.status).toBe(400);
      expect(answer.body.errors?.[0]?.extensions?.["code"]).toBe("BAD_USER_INPUT");
      expect(answer.text).not.toMatch(/Did you mean|"status"|DRAFT"/);
      // Development keeps the help.
      const helped = await post(development.baseUrl, FILTER, { filter });
      expect(helped.text).toMatch(/Did you mean/);
    }
  });

  it("leaves 'Did you mean' out of validation errors over WebSocket", async () => {
    const query = `subscription($id: ID!) { articleChanged(id: $id) { actoin } }`;
    const hidden = await refusal(new Feed(clientOf(production), query, { id: published }));
    expect(hidden.extensions?.["code"]).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(hidden.message).not.toMatch(/Did you mean/);
    const helped = await refusal(new Feed(clientOf(development), query, { id: published }));
    expect(helped.message).toMatch(/Did you mean "action"\?/);
  });
});

describe("persisted queries", () => {
  const QUERY = `{ articles(first: 1) { totalCount } }`;
  const persisted = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });

  it("answers a hash that is not the document's with 400 BAD_REQUEST, not an internal error, over POST and GET", async () => {
    const logged = unexpectedErrors(production);
    const wrong = "0".repeat(64);
    const byPost = await send(production.baseUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: QUERY, extensions: persisted(wrong) }),
    });
    const byGet = await send(production.baseUrl, {
      headers: { "apollo-require-preflight": "true" },
      search: `?${new URLSearchParams({ query: QUERY, extensions: JSON.stringify(persisted(wrong)) }).toString()}`,
    });
    for (const response of [byPost, byGet]) {
      expect(response.status).toBe(400);
      expect(response.body.errors?.[0]?.extensions?.["code"]).toBe("BAD_REQUEST");
      expect(response.body.errors?.[0]?.message).toMatch(/sha256Hash is not the SHA-256 of query/);
    }
    expect(unexpectedErrors(production)).toBe(logged);
    const right = createHash("sha256").update(QUERY).digest("hex");
    const matching = await post(production.baseUrl, QUERY, {}, {});
    expect(matching.status).toBe(200);
    const registered = await send(production.baseUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: QUERY, extensions: persisted(right) }),
    });
    expect(registered.status).toBe(200);
  });
});

describe("subscriptions per connection", () => {
  it(`accepts the ${MAX_SUBSCRIPTIONS_PER_CONNECTION}th subscription on a connection and refuses the next`, async () => {
    const live = clientOf(development, editor);
    const query = `subscription($id: ID!) { articleChanged(id: $id) { action } }`;
    const feeds = Array.from({ length: MAX_SUBSCRIPTIONS_PER_CONNECTION }, () => new Feed(live, query, { id: published }));
    await waitFor(() => development.app.live.subscriptions() === MAX_SUBSCRIPTIONS_PER_CONNECTION, 10_000, "every subscription to open");
    const extra = await refusal(new Feed(live, query, { id: published }));
    expect(extra.extensions?.["code"]).toBe("BAD_REQUEST");
    expect(extra.message).toContain(`At most ${MAX_SUBSCRIPTIONS_PER_CONNECTION}`);
    expect(feeds.every((feed) => feed.pending === 0)).toBe(true);
    for (const feed of feeds) feed.close();
  });
});
