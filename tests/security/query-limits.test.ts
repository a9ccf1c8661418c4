import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_ALIASES, MAX_COST, MAX_DEPTH, MAX_DIRECTIVES, MAX_DOCUMENT_LENGTH, MAX_TOKENS } from "../../src/graphql/limits.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { fingerprint, post, requestLine, startLoggedServer, tokenFor, type LoggedServer, type RawResponse } from "./support.js";

// Query-shape defences of issue 8: depth, aliases, tokens, directives, document length and cost
// are checked before execution, so a refused query runs no resolver and sends no SQL (the
// request's log line counts its statements: 0 for an anonymous refused request). The limits
// leave every query of the README's "First queries" room to run over HTTP.

let db: TestDatabase;
let server: LoggedServer;

beforeAll(async () => {
  db = await createTestDatabase({ exampleStory: true });
  await seedExampleStory(db.prisma);
  server = await startLoggedServer(db);
});
afterAll(async () => {
  await server.close();
  await db.close();
});

/** Refused before execution: 400, the code, no data, no SQL sent, nothing stored. */
async function expectRefusedUnrun(response: RawResponse<unknown>, code: string, message: RegExp, before: string) {
  expect(response.status).toBe(400);
  expect(response.body.data ?? null).toBeNull();
  expect(response.body.errors?.[0]?.extensions?.["code"]).toBe(code);
  expect(response.body.errors?.[0]?.message).toMatch(message);
  expect(requestLine(server, response.requestId)?.["sqlStatements"]).toBe(0);
  expect(await fingerprint(db)).toBe(before);
}

describe("limits checked before execution", () => {
  it("refuses a depth-20 query", async () => {
    const before = await fingerprint(db);
    // articles, edges, node (3), then four hops of quotes, edges, node, article (16), then slug: 20.
    const query = `{ articles(first: 1) { edges { node { ${"quotes(first: 1) { edges { node { article { ".repeat(4)}slug${" } } } }".repeat(4)} } } } }`;
    await expectRefusedUnrun(await post(server.baseUrl, query), "GRAPHQL_VALIDATION_FAILED", new RegExp(`depth limit of ${MAX_DEPTH} exceeded, found 20`), before);
  });

  it("answers a query at the depth limit", async () => {
    // articles(1) edges(2) node(3) quotes(4) edges(5) node(6) article(7) quotes(8) edges(9) node(10) speaker(11) name(12)
    const query = `{ articles(first: 1) { edges { node { quotes(first: 1) { edges { node { article { quotes(first: 1) { edges { node { speaker { name } } } } } } } } } } } }`;
    const response = await post(server.baseUrl, query);
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
  });

  it("refuses 500 aliases (over the token limit before the alias limit), and 21 aliases (the alias limit)", async () => {
    const before = await fingerprint(db);
    const many = `{ ${Array.from({ length: 500 }, (_, index) => `a${index}: articles { totalCount }`).join(" ")} }`;
    await expectRefusedUnrun(await post(server.baseUrl, many), "GRAPHQL_PARSE_FAILED", new RegExp(`more that ${MAX_TOKENS} tokens`), before);
    const some = `{ ${Array.from({ length: MAX_ALIASES + 1 }, (_, index) => `a${index}: articles { totalCount }`).join(" ")} }`;
    await expectRefusedUnrun(await post(server.baseUrl, some), "GRAPHQL_VALIDATION_FAILED", new RegExp(`Aliases limit of ${MAX_ALIASES} exceeded`), before);
    const allowed = await post(server.baseUrl, `{ ${Array.from({ length: MAX_ALIASES }, (_, index) => `a${index}: articles { totalCount }`).join(" ")} }`);
    expect(allowed.body.errors).toBeUndefined();
  });

  it("refuses a fragment cycle", async () => {
    const before = await fingerprint(db);
    const query = `query Loop { articles { ...A } } fragment A on ArticleConnection { ...B } fragment B on ArticleConnection { ...A totalCount }`;
    await expectRefusedUnrun(await post(server.baseUrl, query), "GRAPHQL_VALIDATION_FAILED", /Cannot spread fragment "A" within itself/, before);
  });

  it("refuses a 100 KB query, of fields or of comments (document length), and 40 KB of fields (token limit)", async () => {
    const before = await fingerprint(db);
    const fields = (size: number) => `{ articles { edges { node { ${"slug displayTitle ".repeat(Math.ceil(size / 18))} } } } }`;
    const comments = `{ articles { totalCount } ${"#".repeat(100_000)}\n}`;
    for (const query of [fields(100_000), comments]) {
      expect(query.length).toBeGreaterThan(100_000);
      await expectRefusedUnrun(await post(server.baseUrl, query), "BAD_REQUEST", new RegExp(`longer than ${MAX_DOCUMENT_LENGTH}`), before);
    }
    expect(fields(40_000).length).toBeLessThan(MAX_DOCUMENT_LENGTH);
    await expectRefusedUnrun(await post(server.baseUrl, fields(40_000)), "GRAPHQL_PARSE_FAILED", new RegExp(`more that ${MAX_TOKENS} tokens`), before);
  });

  it("refuses more than the directive limit", async () => {
    const before = await fingerprint(db);
    const query = `{ articles { totalCount ${"@include(if: true) ".repeat(MAX_DIRECTIVES + 1)} } }`;
    await expectRefusedUnrun(await post(server.baseUrl, query), "GRAPHQL_VALIDATION_FAILED", /Directives limit/, before);
  });

  it("refuses `first: 100000` before execution, as a literal and as a variable", async () => {
    const before = await fingerprint(db);
    const cost = new RegExp(`cost limit of ${MAX_COST}`);
    await expectRefusedUnrun(await post(server.baseUrl, `{ articles(first: 100000) { totalCount edges { node { slug } } } }`), "GRAPHQL_VALIDATION_FAILED", cost, before);
    const byVariable = await post(server.baseUrl, `query($n: Int) { articles(first: $n) { edges { node { slug } } } }`, { n: 100_000 });
    await expectRefusedUnrun(byVariable, "GRAPHQL_VALIDATION_FAILED", cost, before);
  });

  it("answers `first` just over 100 (cheap) with the connection's own BAD_USER_INPUT", async () => {
    const response = await post(server.baseUrl, `{ articles(first: 101) { totalCount } }`);
    expect(response.status).toBe(200);
    expect(response.body.errors?.[0]?.extensions?.["code"]).toBe("BAD_USER_INPUT");
  });

  it("refuses three nested lists of 100 (the cost limit), whether `first` is literal or a variable", async () => {
    const before = await fingerprint(db);
    const nested = (first: string) =>
      `query${first === "$n" ? "($n: Int)" : ""} { articles(first: ${first}) { edges { node { quotes(first: ${first}) { edges { node { speaker { quotes(first: ${first}) { edges { node { text } } } } } } } } } } }`;
    await expectRefusedUnrun(await post(server.baseUrl, nested("100")), "GRAPHQL_VALIDATION_FAILED", /cost limit/, before);
    await expectRefusedUnrun(await post(server.baseUrl, nested("$n"), { n: 100 }), "GRAPHQL_VALIDATION_FAILED", /cost limit/, before);
    // The same shape with small pages is fine.
    const small = await post(server.baseUrl, nested("$n"), { n: 3 });
    expect(small.status).toBe(200);
    expect(small.body.errors).toBeUndefined();
  });
});

describe("legitimate queries are within the limits", () => {
  const readme = fs.readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
  const start = readme.indexOf("## First queries");
  const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
  const blocks = [...section.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1] ?? "");

  it.each(blocks.map((block) => [/query (\w+)/.exec(block)?.[1] ?? "anonymous", block] as const))("README %s runs over HTTP", async (_name, block) => {
    const role = /^# role: (\w+)/m.exec(block)?.[1];
    const token = role === "REPORTER" || role === "EDITOR" ? await tokenFor(db, role) : undefined;
    const response = await post(server.baseUrl, block, {}, { token });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
  });

  it("the process test's story query (100 articles x 100 quotes) runs over HTTP", async () => {
    const response = await post(server.baseUrl, `{ articles(first: 100) { totalCount edges { node { slug quotes(first: 100) { edges { node { text } } } } } } }`);
    expect(response.body.errors).toBeUndefined();
  });
});
