import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { issueToken } from "../../src/domain/auth/tokens.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { fingerprint, post, requestLine, send, startLoggedServer, tokenFor, type LoggedServer, type RawResponse } from "./support.js";

// The HTTP layer of issue 8's battery: requests that must be refused before any GraphQL runs
// (CSRF, mutations over GET, unreadable bodies, batches, unknown operations, oversized bodies),
// what production hides (introspection, field suggestions), and what every request leaves in the
// log. Each refusal is typed, carries no SQL or stack, and leaves the stored data as it was.

const CREATE = `mutation Create($input: CreateArticleInput!) { createArticle(input: $input) { article { slug } errors { code field } } }`;
const JSON_HEADERS = { "content-type": "application/json" };

let db: TestDatabase;
let server: LoggedServer;
let production: LoggedServer;
let reporter: string;
let before: string;

beforeAll(async () => {
  db = await createTestDatabase({ exampleStory: true });
  await seedExampleStory(db.prisma);
  reporter = await tokenFor(db, "REPORTER");
  server = await startLoggedServer(db);
  production = await startLoggedServer(db, { NODE_ENV: "production" });
});
afterAll(async () => {
  await server.close();
  await production.close();
  await db.close();
});
beforeEach(async () => {
  before = await fingerprint(db);
});

/** A refusal: the status, one error with the code, no data, nothing internal in the text, nothing stored. */
async function expectRefused(response: RawResponse<unknown>, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.body.data ?? null).toBeNull();
  expect(response.body.errors?.[0]?.extensions?.["code"]).toBe(code);
  expect(response.text).not.toMatch(/prisma|SELECT|postgres|at .*\.(ts|js):\d+/i);
  expect(await fingerprint(db)).toBe(before);
}

describe("requests refused before GraphQL runs", () => {
  it("refuses a simple (CSRF-able) POST without a preflight header, even with a valid token", async () => {
    // text/plain reaches Apollo (fastify reads it as a string), whose CSRF prevention refuses it;
    // fastify refuses the form types itself (it parses only JSON and text): 415, typed.
    const cases = [
      ["text/plain", 400],
      ["application/x-www-form-urlencoded", 415],
      ["multipart/form-data; boundary=x", 415],
    ] as const;
    for (const [contentType, status] of cases) {
      const response = await send(server.baseUrl, {
        method: "POST",
        headers: { "content-type": contentType, authorization: `Bearer ${reporter}` },
        body: JSON.stringify({ query: CREATE, variables: { input: { slug: "csrf-story", body: "Forged." } } }),
      });
      await expectRefused(response, status, "BAD_REQUEST");
    }
    expect(await db.prisma.article.count({ where: { slug: "csrf-story" } })).toBe(0);
  });

  it("refuses a GET without a preflight header (Apollo's CSRF prevention)", async () => {
    const response = await send(server.baseUrl, { method: "GET", search: `?query=${encodeURIComponent("{ articles { totalCount } }")}` });
    await expectRefused(response, 400, "BAD_REQUEST");
    expect(response.body.errors![0]!.message).toMatch(/Cross-Site Request Forgery/);
    const allowed = await send(server.baseUrl, {
      method: "GET",
      search: `?query=${encodeURIComponent("{ articles { totalCount } }")}`,
      headers: { "apollo-require-preflight": "true" },
    });
    expect(allowed.status).toBe(200);
    expect(allowed.body.errors).toBeUndefined();
  });

  it("refuses a mutation over GET with 405 and writes nothing", async () => {
    const variables = JSON.stringify({ input: { slug: "get-story", body: "Over GET." } });
    const response = await send(server.baseUrl, {
      method: "GET",
      search: `?query=${encodeURIComponent(CREATE)}&variables=${encodeURIComponent(variables)}`,
      headers: { "apollo-require-preflight": "true", authorization: `Bearer ${reporter}` },
    });
    await expectRefused(response, 405, "BAD_REQUEST");
    expect(response.headers.get("allow")).toBe("POST");
    expect(await db.prisma.article.count({ where: { slug: "get-story" } })).toBe(0);
  });

  it.each([
    ["malformed JSON", '{"query": "{ articles { totalCount } }"'],
    ["an empty body", ""],
    ["a JSON string", '"{ articles { totalCount } }"'],
  ])("answers %s with 400 BAD_REQUEST", async (_name, body) => {
    await expectRefused(await send(server.baseUrl, { method: "POST", headers: JSON_HEADERS, body }), 400, "BAD_REQUEST");
  });

  it("refuses a JSON array batch, running none of its operations", async () => {
    const batch = [
      { query: CREATE, variables: { input: { slug: "batch-one", body: "One." } } },
      { query: CREATE, variables: { input: { slug: "batch-two", body: "Two." } } },
    ];
    const response = await send(server.baseUrl, { method: "POST", headers: { ...JSON_HEADERS, authorization: `Bearer ${reporter}` }, body: JSON.stringify(batch) });
    await expectRefused(response, 400, "BAD_REQUEST");
    expect(response.body.errors![0]!.message).toMatch(/batching/i);
  });

  it("answers an unknown operationName with 400 and runs nothing", async () => {
    const response = await post(server.baseUrl, `${CREATE} query Other { articles { totalCount } }`, { input: { slug: "unknown-op", body: "No." } }, {
      token: reporter,
      operationName: "Missing",
    });
    await expectRefused(response, 400, "OPERATION_RESOLUTION_FAILURE");
    expect(requestLine(server, response.requestId)?.["operationName"]).toBe("Missing");
  });

  it("refuses a body over the 2 MiB limit with 413 REQUEST_TOO_LARGE", async () => {
    const body = JSON.stringify({ query: CREATE, variables: { input: { slug: "too-large", body: "x".repeat(2 * 1024 * 1024) } } });
    const response = await send(server.baseUrl, { method: "POST", headers: { ...JSON_HEADERS, authorization: `Bearer ${reporter}` }, body });
    await expectRefused(response, 413, "REQUEST_TOO_LARGE");
    expect(response.body.errors![0]!.extensions!["requestId"]).toBe(response.requestId);
  });
});

describe("what production hides", () => {
  it("refuses introspection in production and allows it in development", async () => {
    const query = `{ __schema { queryType { name } } }`;
    const refused = await post(production.baseUrl, query);
    await expectRefused(refused, 400, "GRAPHQL_VALIDATION_FAILED");
    expect(refused.body.errors![0]!.message).toMatch(/introspection is not allowed/);
    const typeProbe = await post(production.baseUrl, `{ __type(name: "Article") { fields { name } } }`);
    await expectRefused(typeProbe, 400, "GRAPHQL_VALIDATION_FAILED");
    const allowed = await post(server.baseUrl, query);
    expect(allowed.body.data).toEqual({ __schema: { queryType: { name: "Query" } } });
  });

  it.each([
    ["a misspelt field", `{ articlez { totalCount } }`, /articles/],
    ["a misspelt argument", `{ articles(frist: 2) { totalCount } }`, /first/],
    ["a misspelt enum value", `{ articles(filter: { status: [PUBLISHD] }) { totalCount } }`, /PUBLISHED/],
    ["a misspelt type in a fragment", `{ node(id: "x") { ... on Articel { slug } } }`, /Article\b/],
  ])("does not suggest names for %s in production (development does)", async (_name, query, leaked) => {
    const hidden = await post(production.baseUrl, query);
    await expectRefused(hidden, 400, "GRAPHQL_VALIDATION_FAILED");
    expect(hidden.text).not.toMatch(/Did you mean/);
    expect(hidden.text.replace(query, "")).not.toMatch(leaked);
    const shown = await post(server.baseUrl, query);
    expect(shown.text).toMatch(/Did you mean/);
  });
});

describe("the log line of each GraphQL request", () => {
  it("has the request id, operation name, duration, token id and SQL statement count", async () => {
    const issued = await issueToken(db.prisma, { userName: "log-reader", role: "REPORTER", tokenName: "log test" });
    const token = issued.token;
    const tokenId = issued.record.id;
    const response = await post(server.baseUrl, `query Headlines { articles(first: 5) { edges { node { slug } } } }`, {}, { token, headers: { "x-request-id": "log-test-1" } });
    expect(response.status).toBe(200);
    const line = requestLine(server, "log-test-1");
    expect(line).toMatchObject({ reqId: "log-test-1", operationName: "Headlines", operationType: "query", tokenId, statusCode: 200 });
    expect(line!["durationMs"]).toEqual(expect.any(Number));
    // The token lookup, the articles page: at least two statements, all attributed to this request.
    expect(line!["sqlStatements"]).toEqual(expect.any(Number));
    expect(line!["sqlStatements"] as number).toBeGreaterThanOrEqual(2);
    // The query is answered from SQL (src/graphql/answer.ts), and the line is the request's only one.
    expect(line).toMatchObject({ answeredInSql: true, compiled: false });
    expect(server.logs.filter((entry) => entry["reqId"] === "log-test-1")).toHaveLength(1);
  });

  it("writes one line for every other request too, with its method, URL, status and time", async () => {
    const response = await fetch(`${server.baseUrl}/healthz`, { headers: { "x-request-id": "log-test-3" } });
    expect(response.status).toBe(200);
    await expect.poll(() => server.logs.filter((entry) => entry["reqId"] === "log-test-3")).toHaveLength(1);
    expect(server.logs.find((entry) => entry["reqId"] === "log-test-3")).toMatchObject({
      msg: "request completed",
      req: { method: "GET", url: "/healthz" },
      res: { statusCode: 200 },
      responseTime: expect.any(Number),
    });
  });

  it("gives an anonymous request a null token id and counts its statements only", async () => {
    const response = await post(server.baseUrl, `query Count { articles { totalCount } }`, {}, { headers: { "x-request-id": "log-test-2" } });
    expect(response.status).toBe(200);
    const line = requestLine(server, "log-test-2");
    expect(line).toMatchObject({ operationName: "Count", tokenId: null });
    expect(line!["sqlStatements"] as number).toBeGreaterThanOrEqual(1);
  });
});
