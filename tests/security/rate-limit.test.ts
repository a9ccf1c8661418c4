import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EXPENSIVE_QUERY_COST } from "../../src/graphql/limits.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { fingerprint, post, requestLine, startLoggedServer, tokenFor, type LoggedServer } from "./support.js";

// Rate limits (issue 8): mutations and expensive queries count against one limit per token and
// one per client address; over either, the answer is HTTP 429 RATE_LIMITED with Retry-After and
// extensions.retryAfterSeconds, and the mutation is not run. Cheap queries are not counted. Also
// here: an internal error reaches the client as INTERNAL_SERVER_ERROR with the request id only,
// while the log line has the error and its stack.

const CREATE = `mutation Create($input: CreateArticleInput!) { createArticle(input: $input) { article { slug } errors { code } } }`;
/** 100 articles with 100 quotes each: over EXPENSIVE_QUERY_COST, under the cost limit. */
const EXPENSIVE = `{ articles(first: 100) { edges { node { slug quotes(first: 100) { edges { node { text } } } } } } }`;
const CHEAP = `{ articles(first: 1) { totalCount } }`;

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase({ exampleStory: true });
  await seedExampleStory(db.prisma);
});
afterAll(async () => {
  await db.close();
});

describe("rate limits", () => {
  // Each test has a server of its own, so its counters start at zero; the window (an hour) is far
  // longer than any test, so no count expires while a slow machine runs it.
  const WINDOW_SECONDS = 3600;
  let server: LoggedServer;
  beforeEach(async () => {
    server = await startLoggedServer(db, { RATE_LIMIT_PER_TOKEN: "3", RATE_LIMIT_PER_IP: "5", RATE_LIMIT_WINDOW_SECONDS: String(WINDOW_SECONDS) });
  });
  afterEach(async () => {
    await server.close();
  });

  it("answers a token's 4th mutation in the window with RATE_LIMITED and a retry time, and does not run it", async () => {
    const token = await tokenFor(db, "REPORTER");
    for (let index = 0; index < 3; index += 1) {
      const response = await post<{ createArticle: { errors: unknown[] } }>(server.baseUrl, CREATE, { input: { slug: `limited-${index}`, body: "Allowed." } }, { token });
      expect(response.status).toBe(200);
      expect(response.body.data?.createArticle.errors).toEqual([]);
    }
    const before = await fingerprint(db);
    const refused = await post(server.baseUrl, CREATE, { input: { slug: "limited-3", body: "One too many." } }, { token });
    expect(refused.status).toBe(429);
    expect(refused.body.data ?? null).toBeNull();
    const error = refused.body.errors![0]!;
    expect(error.extensions?.["code"]).toBe("RATE_LIMITED");
    const retryAfter = error.extensions?.["retryAfterSeconds"] as number;
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(Number(refused.headers.get("retry-after"))).toBe(retryAfter);
    expect(await fingerprint(db)).toBe(before);
    expect(await db.prisma.article.count({ where: { slug: "limited-3" } })).toBe(0);
    expect(requestLine(server, refused.requestId)).toMatchObject({ operationName: "Create", operationType: "mutation", statusCode: 429 });
    // Cheap queries of the same token are not counted and still answer.
    const cheap = await post(server.baseUrl, CHEAP, {}, { token });
    expect(cheap.status).toBe(200);
    expect(cheap.body.errors).toBeUndefined();
  });

  it("limits the client address across tokens", async () => {
    // Three mutations of one token and two of another: the address's 5, each token under its 3.
    const first = await tokenFor(db, "REPORTER");
    for (let index = 0; index < 3; index += 1) {
      const allowed = await post(server.baseUrl, CREATE, { input: { slug: `first-token-${index}`, body: "Allowed." } }, { token: first });
      expect(allowed.status).toBe(200);
    }
    const token = await tokenFor(db, "REPORTER");
    for (let index = 0; index < 2; index += 1) {
      const allowed = await post(server.baseUrl, CREATE, { input: { slug: `other-token-${index}`, body: "Allowed." } }, { token });
      expect(allowed.status).toBe(200);
    }
    // The second token's third mutation is within its own limit but over the address's.
    const before = await fingerprint(db);
    const refused = await post(server.baseUrl, CREATE, { input: { slug: "other-token-2", body: "Over the address limit." } }, { token });
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.extensions?.["code"]).toBe("RATE_LIMITED");
    expect(await fingerprint(db)).toBe(before);
  });
});

describe("expensive queries", () => {
  let server: LoggedServer;
  beforeAll(async () => {
    server = await startLoggedServer(db, { RATE_LIMIT_PER_IP: "2", RATE_LIMIT_WINDOW_SECONDS: "3600" });
  });
  afterAll(async () => {
    await server.close();
  });

  it("count against the limit; cheap ones do not", async () => {
    for (let index = 0; index < 2; index += 1) {
      const response = await post(server.baseUrl, EXPENSIVE);
      expect(response.status).toBe(200);
      expect((requestLine(server, response.requestId)?.["cost"] as number) >= EXPENSIVE_QUERY_COST).toBe(true);
    }
    const refused = await post(server.baseUrl, EXPENSIVE);
    expect(refused.status).toBe(429);
    expect(refused.body.errors?.[0]?.extensions?.["code"]).toBe("RATE_LIMITED");
    for (let index = 0; index < 5; index += 1) expect((await post(server.baseUrl, CHEAP)).status).toBe(200);
  });
});

describe("internal errors", () => {
  let server: LoggedServer;
  beforeAll(async () => {
    // A database whose article table "fails" the way a driver does, with SQL in the message.
    // Raw statements fail too, so the answer built in SQL (src/graphql/answer.ts) gives the query
    // to the resolvers, whose error is the one masked.
    const fail = () => Promise.reject(new Error('relation "Article" does not exist: SELECT "id" FROM "public"."Article"'));
    const failing = new Proxy(db.prisma, {
      get(target, property, receiver) {
        if (property === "$queryRaw" || property === "$queryRawUnsafe") return fail;
        if (property !== "article") return Reflect.get(target, property, receiver);
        return { findMany: fail, findFirst: fail, findUnique: fail, count: fail };
      },
    });
    server = await startLoggedServer({ ...db, prisma: failing });
  });
  afterAll(async () => {
    await server.close();
  });

  it("reach the client as INTERNAL_SERVER_ERROR with the request id, and the log has the error and its stack", async () => {
    const response = await post(server.baseUrl, `query Broken { articles(first: 1) { edges { node { slug } } } }`, {}, { headers: { "x-request-id": "broken-1" } });
    const error = response.body.errors![0]!;
    expect(error.extensions).toEqual({ code: "INTERNAL_SERVER_ERROR", requestId: "broken-1" });
    expect(response.text).not.toMatch(/relation|SELECT|Article"|public|stack|\.ts:/);
    const logged = server.logs.find((line) => line["msg"] === "unexpected error while executing a GraphQL operation");
    expect(logged).toMatchObject({ reqId: "broken-1", err: { message: expect.stringContaining("SELECT") } });
    expect((logged!["err"] as { stack: string }).stack).toMatch(/at /);
    expect(requestLine(server, "broken-1")).toMatchObject({ operationName: "Broken" });
  });
});
