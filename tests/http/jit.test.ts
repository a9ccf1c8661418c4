import { parse } from "graphql";
import { compileQuery, isCompiledQuery } from "graphql-jit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSchema } from "../../src/graphql/schema.js";
import { compileOperation, CompiledOperations, type Plan } from "../../src/graphql/jit.js";
import { projectExamples } from "../../src/playground/examples.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { fingerprint, post, requestLine, startLoggedServer, tokenFor, type LoggedServer } from "../security/support.js";

// Queries run compiled (graphql-jit) once used JIT_COMPILE_AFTER times (src/graphql/jit.ts); the
// servers here answer nothing from SQL (SQL_ANSWERS=off, src/graphql/answer.ts), which would
// answer some of these queries before graphql-jit sees them. The
// compiled path must give graphql-js's answer byte for byte, leave every error to graphql-js (with
// its masking and status), and never run a mutation. `compiled` compiles from the first use;
// `interpreted` never compiles.

let db: TestDatabase;
let compiled: LoggedServer;
let interpreted: LoggedServer;
let reporterToken: string;
let editorToken: string;

beforeAll(async () => {
  db = await createTestDatabase({ exampleStory: true });
  await seedExampleStory(db.prisma);
  compiled = await startLoggedServer(db, { JIT_COMPILE_AFTER: "1", SQL_ANSWERS: "off" });
  interpreted = await startLoggedServer(db, { JIT_COMPILE_AFTER: "0", SQL_ANSWERS: "off" });
  reporterToken = await tokenFor(db, "REPORTER");
  editorToken = await tokenFor(db, "EDITOR");
});
afterAll(async () => {
  await compiled.close();
  await interpreted.close();
  await db.close();
});

/**
 * Sends one operation to both servers (the compiled one twice) and expects the same status and
 * text, and the request log to say whether the compiled query answered: only when there is no
 * error and the document may be compiled.
 */
async function expectSameAnswer(query: string, variables: Record<string, unknown> = {}, token?: string, compilable = true) {
  const reference = await post(interpreted.baseUrl, query, variables, { token });
  expect(requestLine(interpreted, reference.requestId)?.["compiled"]).toBe(false);
  for (let use = 1; use <= 2; use++) {
    const answer = await post(compiled.baseUrl, query, variables, { token });
    expect(answer.status, `use ${use}`).toBe(reference.status);
    expect(answer.text, `use ${use}`).toBe(reference.text);
    expect(requestLine(compiled, answer.requestId)?.["compiled"], `use ${use}: answered compiled`).toBe(compilable && reference.body.errors === undefined);
  }
  return reference;
}

const SHAPES: Record<string, [string, Record<string, unknown>?]> = {
  "unions, fragments and __typename": [
    `query($q: String!) { search(query: $q, first: 10) { totalCount edges { cursor node { rank snippet item { __typename ...on Article { slug } ...on Quote { text speaker { name } } ...on Person { name } ...on Incident { type date } } } } } }`,
    { q: "Basra" },
  ],
  "@include and @skip from variables, aliases": [
    `query($withQuotes: Boolean!, $plain: Boolean!) { one: articles(first: 2) { edges { node { slug quotes(first: 2) @include(if: $withQuotes) { edges { node { text } } } } } } two: articles(first: 1) { edges { node { headline @skip(if: $plain) } } } }`,
    { withQuotes: true, plain: false },
  ],
  "connections with counts, dates and enums": [
    `{ incidents(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { node { id type date datePrecision fatalities { min max } place { name } } } } }`,
  ],
  "the node interface": [`{ articles(first: 1) { edges { node { id } } } }`],
};

describe("the compiled path answers as graphql-js does", () => {
  it.each(projectExamples().map((example) => [example.name, example] as const))("README %s", async (_name, example) => {
    const token = example.role === "REPORTER" || example.role === "EDITOR" ? reporterToken : undefined;
    const reference = await expectSameAnswer(example.query, {}, token);
    expect(reference.body.errors).toBeUndefined();
  });

  it.each(Object.entries(SHAPES))("%s", async (_name, [query, variables]) => {
    const reference = await expectSameAnswer(query, variables);
    expect(reference.body.errors).toBeUndefined();
  });

  it("a node looked up by the id a list gave", async () => {
    const list = await post<{ articles: { edges: { node: { id: string } }[] } }>(interpreted.baseUrl, `{ articles(first: 1) { edges { node { id } } } }`);
    const id = list.body.data?.articles.edges[0]?.node.id;
    expect(id).toBeDefined();
    await expectSameAnswer(`query($id: ID!) { node(id: $id) { __typename id ...on Article { slug } } }`, { id });
  });
});

describe("errors are always graphql-js's", () => {
  it.each([
    ["a bad argument (BAD_USER_INPUT)", `{ articles(first: 101) { edges { node { slug } } } }`, {}],
    ["a forged cursor", `query($after: String) { articles(first: 2, after: $after) { edges { node { slug } } } }`, { after: "bm90IGEgY3Vyc29y" }],
    ["a variable of the wrong type", `query($n: Int) { articles(first: $n) { edges { node { slug } } } }`, { n: "five" }],
    ["a field above the viewer's role", `{ articles(first: 1) { edges { node { slug revisions { totalCount } } } } }`, {}],
  ])("%s", async (_name, query, variables) => {
    const reference = await expectSameAnswer(query, variables);
    expect(reference.body.errors?.length).toBeGreaterThan(0);
  });

  it("an unknown operationName", async () => {
    const query = `query A { articles(first: 1) { totalCount } }`;
    const reference = await post(interpreted.baseUrl, query, {}, { operationName: "B" });
    const answer = await post(compiled.baseUrl, query, {}, { operationName: "B" });
    expect(reference.status).toBe(400);
    expect([answer.status, answer.text]).toEqual([reference.status, reference.text]);
  });
});

describe("what is never compiled", () => {
  it("a mutation runs once: one article, one audit event", async () => {
    const before = await db.prisma.auditEvent.count();
    const created = await post<{ createArticle: { article: { slug: string } | null } }>(
      compiled.baseUrl,
      `mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { slug } } }`,
      { input: { slug: "jit-mutation-once", headline: "Compiled or not", body: "A body long enough to be an article body." } },
      { token: editorToken },
    );
    expect(created.body.errors).toBeUndefined();
    expect(requestLine(compiled, created.requestId)?.["compiled"]).toBe(false);
    expect(await db.prisma.article.count({ where: { slug: "jit-mutation-once" } })).toBe(1);
    expect(await db.prisma.auditEvent.count()).toBe(before + 1);
  });

  it("a query sent fewer times than JIT_COMPILE_AFTER runs on graphql-js, the same answer either way", async () => {
    const later = await startLoggedServer(db, { JIT_COMPILE_AFTER: "3", SQL_ANSWERS: "off" });
    try {
      const query = `{ articles(first: 3) { edges { node { slug headline } } } }`;
      const reference = await post(interpreted.baseUrl, query);
      for (let use = 1; use <= 4; use++) {
        const answer = await post(later.baseUrl, query);
        expect(answer.text, `use ${use}`).toBe(reference.text);
        expect(requestLine(later, answer.requestId)?.["compiled"], `use ${use}`).toBe(use >= 3);
      }
    } finally {
      await later.close();
    }
  });

  it("a refused query changes nothing and sends no SQL on either path", async () => {
    const before = await fingerprint(db);
    const refused = await post(compiled.baseUrl, `{ articles(first: 100) { edges { node { quotes(first: 100) { edges { node { article { quotes(first: 100) { edges { node { text } } } } } } } } } } }`);
    expect(refused.status).toBe(400);
    expect(requestLine(compiled, refused.requestId)?.["sqlStatements"]).toBe(0);
    expect(await fingerprint(db)).toBe(before);
  });
});

// graphql-jit turns a JSON string starting with its date marker back into `new Date(<rest>)` in
// the code it generates, so a string literal can carry code (see src/graphql/jit.ts).
const MARKER = "__MAGIC_DATE__33a9e76d_02e0_4128_8e92_3530ad3da74d";
const injected = globalThis as { copydeskJitInjected?: string };
const injection = (tag: string) => `${MARKER}(globalThis.copydeskJitInjected = '${tag}')`;

describe("code in a string literal never runs", () => {
  it("runs in graphql-jit 0.8.9 itself, which is why copydesk guards it (if this fails, graphql-jit fixed it)", async () => {
    injected.copydeskJitInjected = undefined;
    const compiledQuery = compileQuery(buildSchema(), parse(`{ search(query: ${JSON.stringify(injection("raw"))}) { totalCount } }`));
    expect(isCompiledQuery(compiledQuery)).toBe(true);
    if (isCompiledQuery(compiledQuery)) await Promise.resolve(compiledQuery.query(undefined, {}, {})).catch(() => undefined);
    expect(injected.copydeskJitInjected).toBe("raw");
    injected.copydeskJitInjected = undefined;
  });

  it.each([
    ["as written", (tag: string) => JSON.stringify(injection(tag))],
    ["with the marker's underscores escaped", (tag: string) => JSON.stringify(injection(tag)).replaceAll("_", "\\u005F")],
  ])("a marker %s: not compiled, graphql-js answers, nothing runs", async (_case, literal) => {
    injected.copydeskJitInjected = undefined;
    const query = `{ search(query: ${literal("http")}) { totalCount } }`;
    expect(compileOperation(buildSchema(), parse(query), undefined)).toBe("uncompilable");
    await expectSameAnswer(query, {}, undefined, false);
    expect(injected.copydeskJitInjected).toBeUndefined();
  });

  it("a marker in a name: not compiled", () => {
    expect(compileOperation(buildSchema(), parse(`query ${MARKER}x { articles(first: 1) { totalCount } }`), undefined)).toBe("uncompilable");
  });
});

describe("CompiledOperations", () => {
  const plan = (): Plan => "uncompilable";

  it("compiles an operation on its Nth use, once", () => {
    const operations = new CompiledOperations(3);
    let compiles = 0;
    const compile = () => {
      compiles += 1;
      return plan();
    };
    expect(operations.planFor("a", compile)).toBeNull();
    expect(operations.planFor("a", compile)).toBeNull();
    expect(operations.planFor("a", compile)).toBe("uncompilable");
    expect(operations.planFor("a", compile)).toBe("uncompilable");
    expect(compiles).toBe(1);
  });

  it("keeps at most its bound of plans, dropping the least recently used", () => {
    const operations = new CompiledOperations(1, 3);
    let compiles = 0;
    const compile = () => {
      compiles += 1;
      return plan();
    };
    for (const key of ["a", "b", "c", "d", "e"]) operations.planFor(key, compile);
    expect(operations.size).toBe(3);
    expect(compiles).toBe(5);
    operations.planFor("e", compile);
    expect(compiles).toBe(5);
    operations.planFor("a", compile);
    expect(compiles).toBe(6);
  });
});
