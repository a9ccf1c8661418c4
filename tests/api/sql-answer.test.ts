import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { parse } from "graphql";
import { IncidentType, type Role } from "../../src/generated/prisma/enums.js";
import { sqlAnswererOf } from "../../src/graphql/answer.js";
import { createContext } from "../../src/graphql/context.js";
import { buildSchema } from "../../src/graphql/schema.js";
import { createPrismaClient } from "../../src/db/client.js";
import { countStatements } from "../../src/db/statements.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { bodyHash, executeAs, sqlAnswerCounts } from "../support/graphql.js";

// Answers built in SQL (src/graphql/answer.ts). Every query of the suite is offered to the answerer
// and, when it answers, must give graphql-js's JSON (tests/support/graphql.ts); this file pins
// which queries it answers, in how many statements, and that it declines what it cannot vouch for.

const ROLES: readonly Role[] = ["VIEWER", "REPORTER", "EDITOR", "ADMIN"];

let db: TestDatabase;
const schema = buildSchema();

beforeAll(async () => {
  db = await createTestDatabase({ exampleStory: true });
  await seedExampleStory(db.prisma);
  // A draft without a headline (its display title comes from the body), with a pending quote.
  const body = "  The port at Umm Qasr will reopen,\tofficials said on Monday.\nSecond paragraph.";
  const draft = await db.prisma.article.create({ data: { slug: "answer-draft", headline: " \t", body, bodyHash: bodyHash(body), status: "DRAFT" } });
  const start = body.indexOf("will reopen");
  await db.prisma.quote.create({ data: { articleId: draft.id, text: "will reopen", start, end: start + 11, kind: "INDIRECT", reviewStatus: "PENDING", origin: "MACHINE", confidence: 0.6 } });
});

afterAll(async () => {
  await db.close();
});

/** The answerer's own answer and the statements it sent; null when it declined. */
async function answer(role: Role, query: string, variables: Record<string, unknown> = {}) {
  const answerer = sqlAnswererOf(schema);
  if (!answerer) throw new Error("no SQL answerer");
  const context = createContext(db.prisma, { role, userId: null, tokenId: null }, "test");
  const { result, statements } = await countStatements(() => answerer.answer(parse(query), undefined, variables, context));
  return { result, statements: statements.length };
}

const DASHBOARD = `query Dashboard($first: Int) { articles(first: $first) { totalCount edges { cursor node { id slug displayTitle publishedAt
  quotes(first: 5) { edges { node { id text kind speaker { id name organization { name } } } } pageInfo { hasNextPage endCursor } }
  incidents { totalCount edges { node { __typename id type date fatalities { min max } place { name parent { name } coordinates { latitude } } } } } } }
  pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

describe("answers built in SQL", () => {
  it("answers the dashboard, nested three levels deep, in ONE statement for every role, as graphql-js does", async () => {
    for (const role of ROLES) {
      for (const first of [1, 2, 20]) {
        const { result, statements } = await answer(role, DASHBOARD, { first });
        expect(result, `${role} first ${first}`).not.toBeNull();
        expect(statements).toBe(1);
        const expected = await executeAs(db, role, DASHBOARD, { first });
        expect(JSON.stringify(result?.data)).toBe(JSON.stringify(expected.data));
      }
    }
  });

  it("answers aliases, fragments, @include/@skip, __typename and every planned relation as graphql-js does", async () => {
    const shapes: [string, Record<string, unknown>][] = [
      [`query Q($with: Boolean!) { a: articles(first: 2) { __typename totalCount es: edges { c: cursor n: node { ...A t: displayTitle @include(if: $with) h: headline @skip(if: $with) } } } }
        fragment A on Article { __typename id slug status publishedAt updatedAt }`, { with: true }],
      [`query Q($with: Boolean!) { articles(first: 2) { edges { node { ... on Article { slug headline @include(if: $with) } } } } }`, { with: false }],
      [`{ articles(first: 3) { edges { node { quotes(first: 2) { totalCount edges { node { text kind confidence reviewStatus
          speaker { name organization { name quotes(first: 1) { edges { node { text } } } } quotes(first: 2) { totalCount edges { node { text article { slug } } } } }
          speakerOrganization { name } article { slug displayTitle } } } } } } } }`, {}],
      [`{ articles(first: 3, orderBy: { field: UPDATED_AT, direction: ASC }) { edges { node { slug incidents(first: 2) { pageInfo { hasNextPage endCursor startCursor }
          edges { cursor node { type date datePrecision fatalities { min max } injuries { max } articles { totalCount edges { node { slug } } }
          place { name kind countryCode coordinates { latitude longitude } parent { name } incidents(first: 1) { edges { node { type } } } } } } } } } } }`, {}],
      [`{ incidents(first: 3, orderBy: { field: FATALITIES, direction: DESC }) { totalCount pageInfo { endCursor hasNextPage }
          edges { cursor node { id type date fatalities { min } place { name } articles(first: 1) { edges { node { slug } } } } } }
        organizations(first: 2) { totalCount edges { cursor node { id name aliases quotes(first: 1) { edges { node { text } } } } } } }`, {}],
    ];
    for (const role of ROLES) {
      for (const [query, variables] of shapes) {
        const { result, statements } = await answer(role, query, variables);
        expect(result, `${role}: ${query}`).not.toBeNull();
        expect(statements).toBe(1);
        const expected = await executeAs(db, role, query, variables);
        expect(expected.errors).toBeUndefined();
        expect(JSON.stringify(result?.data)).toBe(JSON.stringify(expected.data));
      }
    }
  });

  it("answers incidents by type and date range with totalCount (found once for page and count) page after page, and past the last page, as graphql-js does", async () => {
    const query = `query Incidents($filter: IncidentFilter, $first: Int, $after: String) { incidents(filter: $filter, first: $first, after: $after) {
      totalCount edges { node { type date fatalities { min max } place { name } } } pageInfo { hasNextPage endCursor } } }`;
    type Page = { incidents: { totalCount: number; edges: unknown[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
    const range = { type: Object.values(IncidentType), from: "1990-01-01", to: "2100-12-31" };
    for (const filter of [range, { ...range, includeUndated: true }, { type: [] }]) {
      for (const role of ROLES) {
        let after: string | null = null;
        let last: string | null = null;
        for (let pages = 0; pages < 20; pages += 1) {
          const variables = { filter, first: 1, after };
          const { result, statements } = await answer(role, query, variables);
          expect(result, `${role} ${JSON.stringify(variables)}`).not.toBeNull();
          expect(statements).toBe(1);
          const expected = await executeAs(db, role, query, variables);
          expect(JSON.stringify(result?.data)).toBe(JSON.stringify(expected.data));
          const { pageInfo } = (result?.data as Page).incidents;
          last = pageInfo.endCursor ?? last;
          if (!pageInfo.hasNextPage) break;
          after = pageInfo.endCursor;
        }
        if (!last) continue;
        // After the last incident: no rows, and still the count of them all.
        const variables = { filter, first: 1, after: last };
        const { result } = await answer(role, query, variables);
        const page = (result?.data as Page).incidents;
        expect(page.edges).toEqual([]);
        expect(JSON.stringify(result?.data)).toBe(JSON.stringify((await executeAs(db, role, query, variables)).data));
        if (role === "ADMIN" && filter === range) expect(page.totalCount).toBeGreaterThan(1);
      }
    }
  });

  it("gives a headline-less draft the display title of its opening line, to those who may see drafts", async () => {
    const { result } = await answer("EDITOR", `{ articles(first: 5, orderBy: { field: CREATED_AT, direction: DESC }) { edges { node { slug displayTitle } } } }`);
    const edges = (result?.data?.["articles"] as { edges: { node: { slug: string; displayTitle: string } }[] }).edges;
    expect(edges.find((edge) => edge.node.slug === "answer-draft")?.node.displayTitle).toBe("The port at Umm Qasr will reopen, officials said on Monday.");
    const viewer = await answer("VIEWER", `{ articles(first: 5) { edges { node { slug } } } }`);
    expect(JSON.stringify(viewer.result?.data)).not.toContain("answer-draft");
  });

  it("writes the SQL for each request's viewer, though the compilation is shared: a viewer never sees what an editor's same query saw", async () => {
    const query = `query One($slug: String) { article(slug: $slug) { slug displayTitle quotes { totalCount } } articles(first: 50, orderBy: { field: CREATED_AT, direction: DESC }) { totalCount edges { node { slug } } } }`;
    const editor = await answer("EDITOR", query, { slug: "answer-draft" });
    expect(editor.statements).toBe(1);
    expect(JSON.stringify(editor.result?.data)).toContain("answer-draft");
    const viewer = await answer("VIEWER", query, { slug: "answer-draft" });
    expect(viewer.result?.data?.["article"]).toBeNull();
    expect(JSON.stringify(viewer.result?.data)).not.toContain("answer-draft");
    for (const role of ["EDITOR", "VIEWER"] as const) {
      expect(JSON.stringify((await answer(role, query, { slug: "answer-draft" })).result?.data)).toBe(JSON.stringify((await executeAs(db, role, query, { slug: "answer-draft" })).data));
    }
  });

  it("answers an article by slug or by global id, and leaves a bad id or both arguments to the resolver", async () => {
    const { result } = await answer("VIEWER", `{ articles(first: 1) { edges { node { id slug } } } }`);
    const node = (result?.data?.["articles"] as { edges: { node: { id: string; slug: string } }[] }).edges[0]?.node;
    const byId = `query ById($id: ID) { article(id: $id) { id slug headline publishedAt status displayTitle } }`;
    const answered = (await answer("VIEWER", byId, { id: node?.id })).result?.data;
    expect(answered?.["article"]).not.toBeNull();
    expect(JSON.stringify(answered)).toBe(JSON.stringify((await executeAs(db, "VIEWER", byId, { id: node?.id })).data));
    for (const variables of [{ id: "not-an-id" }, { id: Buffer.from("Quote:00000000-0000-0000-0000-000000000000").toString("base64url") }, {}]) {
      expect((await answer("VIEWER", byId, variables)).result, JSON.stringify(variables)).toBeNull();
    }
    expect((await answer("VIEWER", `{ article(slug: "x", id: "${node?.id ?? ""}") { slug } }`)).result).toBeNull();
  });

  it("pages with the cursors it gives out, as the resolvers do", async () => {
    const first = await answer("EDITOR", `{ articles(first: 1) { edges { cursor node { slug } } pageInfo { endCursor hasNextPage } } }`);
    const page = first.result?.data?.["articles"] as { pageInfo: { endCursor: string; hasNextPage: boolean } };
    expect(page.pageInfo.hasNextPage).toBe(true);
    const query = `query Next($after: String) { articles(first: 1, after: $after) { edges { node { slug } } pageInfo { hasPreviousPage } } }`;
    const next = await answer("EDITOR", query, { after: page.pageInfo.endCursor });
    expect(JSON.stringify(next.result?.data)).toBe(JSON.stringify((await executeAs(db, "EDITOR", query, { after: page.pageInfo.endCursor })).data));
  });

  it("declines what only the resolvers can answer: filters, guarded fields, unplanned fields, bad arguments, mutations", async () => {
    const declined = [
      `{ articles(filter: { status: [PUBLISHED] }) { edges { node { slug } } } }`,
      `{ articles { edges { node { revisions { totalCount } } } } }`,
      `{ articles { edges { node { body } } } }`,
      `{ articles(first: 0) { edges { node { slug } } } }`,
      `{ articles(after: "not-a-cursor") { edges { node { slug } } } }`,
      `{ articles(after: "") { edges { node { slug } } } }`,
      `{ articles { edges { node { quotes(after: "") { totalCount } } } } }`,
      `{ article(slug: "x") { slug body } }`,
      `{ articles { edges { node { slug } } } reviewQueue { totalCount } }`,
      `mutation { createArticle(input: { slug: "nope", body: "x" }) { article { id } } }`,
    ];
    for (const query of declined) {
      const { result, statements } = await answer("ADMIN", query);
      expect(result, query).toBeNull();
      expect(statements, query).toBe(0);
    }
  });

  it("keeps one statement per viewer for a document: each role, asking again after the others, gets its own answer", async () => {
    const answerer = sqlAnswererOf(schema);
    if (!answerer) throw new Error("no SQL answerer");
    const query = `{ articles(first: 50) { totalCount edges { node { slug displayTitle quotes(first: 5) { totalCount edges { node { text reviewStatus } } } } } } }`;
    // One document, as Apollo keeps one per query text: its compilation, and the statements it keeps, are shared.
    const document = parse(query);
    const answers = new Map<Role, string>();
    for (const role of [...ROLES, ...[...ROLES].reverse(), ...ROLES]) {
      const context = createContext(db.prisma, { role, userId: null, tokenId: null }, "test");
      const { result, statements } = await countStatements(() => answerer.answer(document, undefined, {}, context));
      expect(statements.length, role).toBe(1);
      const expected = await executeAs(db, role, query);
      expect(JSON.stringify(result?.data), role).toBe(JSON.stringify(expected.data));
      answers.set(role, JSON.stringify(result?.data));
    }
    // The roles do see different things (the draft and its pending quote), so no statement served another role.
    expect(answers.get("VIEWER")).not.toBe(answers.get("EDITOR"));
    expect(answers.get("EDITOR")).toContain("answer-draft");
  });

  it("sends its statement as a named prepared statement on a PostgreSQL server from its second run, never on PGlite's shared session", async () => {
    const answerer = sqlAnswererOf(schema);
    if (!answerer) throw new Error("no SQL answerer");
    const namedStatements = db.kind !== "embedded";
    // One connection, so the catalog read below sees the session that ran the answers.
    const single = createPrismaClient(db.url, { maxConnections: 1, namedStatements });
    try {
      const context = createContext(single, { role: "VIEWER", userId: null, tokenId: null }, "test");
      const first = await answerer.answer(parse(DASHBOARD), undefined, { first: 7 }, context);
      const second = await answerer.answer(parse(DASHBOARD), undefined, { first: 7 }, context);
      expect(JSON.stringify(second)).toBe(JSON.stringify(first));
      // Sent once here, so unnamed: the catalog read leaves no statement of its own.
      const prepared = await single.$queryRawUnsafe<{ name: string; statement: string }[]>(`SELECT name, statement FROM pg_prepared_statements -- ${randomUUID()}`);
      if (namedStatements) {
        expect(prepared.map((row) => row.name)).toEqual([expect.stringMatching(/^copydesk_[0-9a-f]{40}$/)]);
        expect(prepared[0]?.statement).toMatch(/^SELECT json_build_array/);
      } else {
        // The embedded session is shared by every connection: nothing of ours may be named in it.
        expect(prepared.filter((row) => row.name.startsWith("copydesk_"))).toEqual([]);
      }
    } finally {
      await single.$disconnect();
    }
  });

  it("has answered queries of this file through the suite's differential too", () => {
    expect(sqlAnswerCounts.answered).toBeGreaterThan(0);
  });
});
