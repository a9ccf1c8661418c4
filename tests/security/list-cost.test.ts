import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toGlobalId } from "../../src/graphql/ids.js";
import { EXPENSIVE_QUERY_COST, MAX_COST, MAX_RESPONSE_CHARACTERS } from "../../src/graphql/limits.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { post, requestLine, startLoggedServer, type LoggedServer } from "./support.js";

// Issue 21, item 2: `nodes(ids:)` answers one item per id, so its selection costs as many times
// as there are ids (literal or variable), and aliases each count; an answer too long to send is
// refused as a second line of defence (the cost counts values, not their size).

let db: TestDatabase;
let server: LoggedServer;
let articleId: string;
let longArticleId: string;

/** The attack shape: one published article's id `count` times, each with 100 quotes whose article has 100 quotes. */
const NESTED = `quotes(first: 100) { edges { node { text article { quotes(first: 100) { edges { node { text } } } } } } }`;

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startLoggedServer(db, { RATE_LIMIT_PER_IP: "1", RATE_LIMIT_WINDOW_SECONDS: "600" });
  const article = await db.prisma.article.create({ data: { slug: "cost-published", body: "A published story.", bodyHash: "c", status: "PUBLISHED" } });
  articleId = toGlobalId("Article", article.id);
  // 200,000 characters: 100 copies are 20 million, over the response bound, for a cost of a few hundred.
  const long = await db.prisma.article.create({ data: { slug: "cost-long", body: "word ".repeat(40_000), bodyHash: "l", status: "PUBLISHED" } });
  longArticleId = toGlobalId("Article", long.id);
});
afterAll(async () => {
  await server.close();
  await db.close();
});

describe("the cost of id lists and aliases", () => {
  it("multiplies nodes(ids:) by the number of ids, literal or variable, and refuses the 100-id attack before any SQL", async () => {
    const ids = Array.from({ length: 100 }, () => articleId);
    const literal = await post(server.baseUrl, `{ nodes(ids: ${JSON.stringify(ids)}) { ... on Article { ${NESTED} } } }`);
    const variable = await post(server.baseUrl, `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Article { ${NESTED} } } }`, { ids });
    for (const response of [literal, variable]) {
      expect(response.status).toBe(400);
      expect(response.body.errors?.[0]?.extensions?.["code"]).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(response.body.errors?.[0]?.message).toContain(`cost limit of ${MAX_COST}`);
      expect(requestLine(server, response.requestId)?.["sqlStatements"]).toBe(0);
    }
  });

  it("still answers the same selection for one id, and a list of a few ids at a few times its cost", async () => {
    const one = await post(server.baseUrl, `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Article { slug } } }`, { ids: [articleId] });
    const three = await post(server.baseUrl, `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Article { slug } } }`, { ids: [articleId, articleId, articleId] });
    expect(one.status).toBe(200);
    expect(three.body.data).toEqual({ nodes: Array.from({ length: 3 }, () => ({ id: articleId, slug: "cost-published" })) });
    const costOne = Number(requestLine(server, one.requestId)?.["cost"]);
    const costThree = Number(requestLine(server, three.requestId)?.["cost"]);
    expect(costThree).toBeGreaterThanOrEqual(3 * (costOne - 2));
  });

  it("adds up aliases of id lists: twenty of them count as an expensive query against the rate limit", async () => {
    const ids = Array.from({ length: 50 }, () => articleId);
    const query = `query($ids: [ID!]!) { ${Array.from({ length: 20 }, (_, index) => `a${index}: nodes(ids: $ids) { ... on Article { slug quotes(first: 5) { edges { node { text } } } } }`).join(" ")} }`;
    const first = await post(server.baseUrl, query, { ids });
    expect(first.status).toBe(200);
    expect(Number(requestLine(server, first.requestId)?.["cost"])).toBeGreaterThanOrEqual(EXPENSIVE_QUERY_COST);
    // RATE_LIMIT_PER_IP=1: the second expensive query from this address is refused.
    const second = await post(server.baseUrl, query, { ids });
    expect(second.status).toBe(429);
    expect(second.body.errors?.[0]?.extensions?.["code"]).toBe("RATE_LIMITED");
  });

  it("refuses an answer longer than the response bound with RESPONSE_TOO_LARGE, even when its cost is small", async () => {
    const ids = Array.from({ length: 100 }, () => longArticleId);
    const response = await post(server.baseUrl, `query Bodies($ids: [ID!]!) { nodes(ids: $ids) { ... on Article { body } } }`, { ids });
    expect(response.status).toBe(400);
    expect(response.text.length).toBeLessThan(1000);
    expect(response.body.errors?.[0]?.extensions?.["code"]).toBe("RESPONSE_TOO_LARGE");
    expect(response.body.errors?.[0]?.message).toContain(String(MAX_RESPONSE_CHARACTERS));
    expect(Number(requestLine(server, response.requestId)?.["cost"])).toBeLessThan(EXPENSIVE_QUERY_COST);
    // One of them is still answered whole.
    const one = await post<{ nodes: { body: string }[] }>(server.baseUrl, `query Bodies($ids: [ID!]!) { nodes(ids: $ids) { ... on Article { body } } }`, { ids: [longArticleId] });
    expect(one.body.data?.nodes[0]?.body.length).toBe(200_000);
  });
});
