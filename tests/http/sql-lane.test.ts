import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { EXPENSIVE_QUERY_COST } from "../../src/graphql/limits.js";
import { SqlLane } from "../../src/server/sql-lane.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { post, requestLine, send, startLoggedServer, tokenFor, type LoggedServer, type RawResponse } from "../security/support.js";

// The SQL lane (src/server/sql-lane.ts) answers plain POSTed queries the read graph answers in SQL
// without Apollo's pipeline. Its answers must be Apollo's byte for byte: `lane` runs with SQL
// answers on (the default), `reference` with them off, where Apollo and the resolvers answer
// everything. Whether the lane answered or declined is read off its own results.

let db: TestDatabase;
let lane: LoggedServer;
let reference: LoggedServer;
let tokens: Record<"anonymous" | "reporter" | "editor", string | undefined>;
const answers = vi.spyOn(SqlLane.prototype, "answer");

beforeAll(async () => {
  db = await createTestDatabase({ exampleStory: true });
  await seedExampleStory(db.prisma);
  lane = await startLoggedServer(db);
  reference = await startLoggedServer(db, { SQL_ANSWERS: "off", JIT_COMPILE_AFTER: "0" });
  tokens = { anonymous: undefined, reporter: await tokenFor(db, "REPORTER"), editor: await tokenFor(db, "EDITOR") };
});
afterAll(async () => {
  answers.mockRestore();
  await lane.close();
  await reference.close();
  await db.close();
});
afterEach(() => answers.mockClear());

/** Whether the lane answered the last request it saw (false: it left it to Apollo). */
async function laneAnswered(): Promise<boolean> {
  const last = answers.mock.results.at(-1);
  if (!last) return false;
  return (await (last.value as ReturnType<SqlLane["answer"]>)) !== null;
}

/** The same request to both servers: the same status, media type, body and log line fields. */
async function expectApollosAnswer(request: (baseUrl: string) => Promise<RawResponse<Record<string, unknown>>>): Promise<{ answer: RawResponse<Record<string, unknown>>; laned: boolean }> {
  const expected = await request(reference.baseUrl);
  const answer = await request(lane.baseUrl);
  const laned = await laneAnswered();
  expect(answer.status).toBe(expected.status);
  expect(answer.headers.get("content-type")).toBe(expected.headers.get("content-type"));
  expect(answer.text).toBe(expected.text);
  const [line, expectedLine] = [requestLine(lane, answer.requestId), requestLine(reference, expected.requestId)];
  for (const field of ["operationName", "operationType", "tokenId", "cost", "statusCode", "sqlStatements"] as const) {
    // SQL answers (the lane's, or Apollo's through its SQL-answer plugin) take fewer statements than the resolvers.
    if (field === "sqlStatements" && line?.["answeredInSql"] === true) continue;
    expect(line?.[field], field).toEqual(field === "tokenId" && line?.[field] !== null ? expect.any(String) : expectedLine?.[field]);
  }
  if (laned) expect(line?.["answeredInSql"]).toBe(true);
  return { answer, laned };
}

const ANSWERED: Record<string, [string, Record<string, unknown>?, string?]> = {
  "one article by slug": [`query Article($slug: String!) { article(slug: $slug) { id slug headline displayTitle publishedAt status } }`, { slug: "basra-consulate-2018" }],
  "incidents with a filter, a count and the end cursor": [
    `query($filter: IncidentFilter, $first: Int) { incidents(filter: $filter, first: $first) { totalCount edges { node { type date fatalities { min max } place { name } } } pageInfo { hasNextPage endCursor startCursor } } }`,
    { filter: { type: ["attack", "armed_clash"], from: "2018-01-01", to: "2018-12-31" }, first: 2 },
  ],
  "edges with cursors, nested quotes and speakers": [
    `{ articles(first: 3) { edges { cursor node { slug quotes(first: 2) { totalCount edges { cursor node { text speaker { name } } } pageInfo { endCursor } } } } } }`,
  ],
  "aliases, fragments and __typename": [
    `fragment Titles on Article { __typename headline } query Two { __typename a: articles(first: 1) { edges { node { ...on Article { slug } } } } b: articles(first: 2) { totalCount edges { node { ...Titles } } } }`,
    {},
    "Two",
  ],
};

/** Queries whose cost counts against the rate limits (at least EXPENSIVE_QUERY_COST): one the SQL answer covers, one it does not. */
const EXPENSIVE_ANSWERED = `{ articles(first: 100) { edges { node { slug quotes(first: 100) { edges { node { text } } } } } } }`;
const EXPENSIVE_DECLINED = `{ articles(first: 100) { edges { node { slug quotes(first: 100) { edges { node { text } } } } } } search(query: "Basra", first: 1) { totalCount } }`;

const ACCEPT_HEADERS = [
  undefined,
  "application/json",
  "application/graphql-response+json",
  "*/*",
  "application/graphql-response+json, application/json;q=0.9",
  "application/json;q=0.5, application/graphql-response+json",
  "text/html, application/json;q=0.1",
];

describe("the lane answers as Apollo does", () => {
  for (const [name, [query, variables, operationName]] of Object.entries(ANSWERED)) {
    it.each(ACCEPT_HEADERS.map((accept) => [accept ?? "no Accept"] as const))(`${name}, %s`, async (acceptName) => {
      const accept = acceptName === "no Accept" ? undefined : acceptName;
      for (const [role, token] of Object.entries(tokens)) {
        const { answer, laned } = await expectApollosAnswer((baseUrl) => post(baseUrl, query, variables, { token, operationName, headers: accept ? { accept } : {} }));
        expect(answer.status, role).toBe(200);
        expect(answer.body.errors, role).toBeUndefined();
        expect(laned, `${role}: answered by the lane`).toBe(true);
      }
    });
  }

  it("null variables and operationName, and a content type with parameters", async () => {
    const { laned, answer } = await expectApollosAnswer((url) =>
      send(url, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8" },
        body: JSON.stringify({ query: `{ article(slug: "basra-consulate-2018") { slug } }`, variables: null, operationName: null }),
      }),
    );
    expect(answer.status).toBe(200);
    expect(laned).toBe(true);
  });

  it("a second page after the first page's end cursor", async () => {
    const query = `query($after: String) { incidents(first: 2, after: $after) { edges { node { id } } pageInfo { hasNextPage endCursor } } }`;
    const first = await expectApollosAnswer((baseUrl) => post(baseUrl, query, {}));
    const after = (first.answer.body.data as { incidents: { pageInfo: { endCursor: string } } }).incidents.pageInfo.endCursor;
    const second = await expectApollosAnswer((baseUrl) => post(baseUrl, query, { after }));
    expect(second.laned).toBe(true);
    expect(second.answer.text).not.toBe(first.answer.text);
  });
});

describe("what the lane leaves to Apollo, answered as before", () => {
  const article = `query Article($slug: String!) { article(slug: $slug) { slug } }`;
  it.each<[string, (baseUrl: string) => Promise<RawResponse<Record<string, unknown>>>]>([
    ["a document that does not parse", (url) => post(url, `{ article(slug: "x") { slug }`)],
    ["a document that does not validate", (url) => post(url, `{ article(slug: "x") { nosuchfield } }`)],
    ["an unknown operationName", (url) => post(url, article, { slug: "x" }, { operationName: "Other" })],
    ["variables of the wrong type", (url) => post(url, article, { slug: 5 })],
    ["a NUL character in a variable", (url) => post(url, article, { slug: "basra\u0000" })],
    ["a refused token", (url) => post(url, article, { slug: "basra-consulate-2018" }, { token: "cdk_not-a-token" })],
    ["an Accept header that takes no JSON (406)", (url) => post(url, article, { slug: "basra-consulate-2018" }, { headers: { accept: "text/html" } })],
    ["the HTTP-callback media type", (url) => post(url, article, { slug: "basra-consulate-2018" }, { headers: { accept: "application/json; callbackSpec=1.0" } })],
    ["a query over the cost limit", (url) => post(url, `{ articles(first: 100) { edges { node { quotes(first: 100) { edges { node { text annotations(first: 50) { totalCount } } } } } } } }`)],
    ["a field the SQL answer does not cover", (url) => post(url, `{ search(query: "Basra", first: 2) { totalCount } }`)],
    ["introspection", (url) => post(url, `{ __schema { queryType { name } } }`)],
    [
      "a mutation",
      (url) => post(url, `mutation { createArticle(input: { slug: "", headline: "x", body: "y" }) { article { slug } } }`, {}, { token: tokens.editor }),
    ],
    [
      "extensions (a persisted query)",
      (url) =>
        send(url, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: article, variables: { slug: "basra-consulate-2018" }, extensions: {} }),
        }),
    ],
    ["a GET request", (url) => send(url, { method: "GET", search: `?query=${encodeURIComponent(article)}&variables=${encodeURIComponent('{"slug":"basra-consulate-2018"}')}` })],
  ])("%s", async (_name, request) => {
    const { laned } = await expectApollosAnswer(request);
    expect(laned).toBe(false);
  });

  it("an expensive query is answered by the lane, and counted against the rate limits", async () => {
    const { laned, answer } = await expectApollosAnswer((url) => post(url, EXPENSIVE_ANSWERED));
    expect(laned).toBe(true);
    expect(requestLine(lane, answer.requestId)?.["cost"]).toBeGreaterThanOrEqual(EXPENSIVE_QUERY_COST);
  });

  it("an expensive query is counted once per request, whichever path answers", async () => {
    const limited = await startLoggedServer(db, { RATE_LIMIT_PER_IP: "2", RATE_LIMIT_WINDOW_SECONDS: "3600" });
    try {
      // Counted by the lane, then answered by it; counted by the lane, declined (search is not
      // answered in SQL), and answered by Apollo, whose guard must not count it again.
      expect((await post(limited.baseUrl, EXPENSIVE_ANSWERED)).status).toBe(200);
      expect(await laneAnswered()).toBe(true);
      expect((await post(limited.baseUrl, EXPENSIVE_DECLINED)).status).toBe(200);
      expect(await laneAnswered()).toBe(false);
      for (const query of [EXPENSIVE_ANSWERED, EXPENSIVE_DECLINED]) {
        const refused = await post(limited.baseUrl, query);
        expect(refused.status).toBe(429);
        expect(refused.body.errors?.[0]?.extensions?.["code"]).toBe("RATE_LIMITED");
      }
    } finally {
      await limited.close();
    }
  });

  it("a refused token is looked up once, whichever path answers", async () => {
    const refused = (url: string) => post(url, article, { slug: "basra-consulate-2018" }, { token: "cdk_not-a-token" });
    const expected = await refused(reference.baseUrl);
    const answer = await refused(lane.baseUrl);
    expect(answer.status).toBe(401);
    expect(requestLine(lane, answer.requestId)?.["sqlStatements"]).toBe(requestLine(reference, expected.requestId)?.["sqlStatements"]);
  });
});
