import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { postGraphQL, startTestServer, type TestServer } from "../support/server.js";

interface ArticleResult {
  article: {
    id: string;
    slug: string;
    headline: string | null;
    displayTitle: string;
    publishedAt: string;
    status: string;
    quotes: { edges: { node: { text: string; kind: string; span: { start: number; end: number; exact: string }; speaker: { name: string; kind: string } | null } }[] };
  } | null;
}

describe("GraphQL over real HTTP on the seeded story", () => {
  let db: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase({ exampleStory: true });
    await seedExampleStory(db.prisma);
    server = await startTestServer(db);
  });
  afterAll(async () => {
    await server.close();
    await db.close();
  });

  it("answers the README's curl query with the story and its attributed quotes", async () => {
    const { status, body } = await postGraphQL<ArticleResult>(
      server.baseUrl,
      `{ article(slug: "basra-consulate-2018") { id slug headline displayTitle publishedAt status
          quotes { edges { node { text kind span { start end exact } speaker { name kind } } } } } }`,
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const article = body.data!.article!;
    expect(article.slug).toBe("basra-consulate-2018");
    expect(article.headline).toBeNull();
    expect(article.displayTitle).toMatch(/^The U\.S\. State Department made a shocking announcement Friday/);
    expect(article.publishedAt).toBe("2018-09-28T00:00:00.000Z");
    expect(article.status).toBe("PUBLISHED");
    const quotes = article.quotes.edges.map((edge) => edge.node);
    // Every quote ingest found (tests/db/seed.test.ts checks the answer key's 11 are among them).
    expect(quotes).toHaveLength(await db.prisma.quote.count());
    expect(quotes.length).toBeGreaterThanOrEqual(11);
    const starts = quotes.map((quote) => quote.span.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const speakers = new Set(quotes.map((quote) => quote.speaker?.name));
    expect(speakers).toEqual(new Set(["Heather Nauert", "Mike Pompeo", "Sarah Sanders", "a senior administration official"]));
    const bottomLine = quotes.find((quote) => quote.text.startsWith("Bottom line"));
    expect(bottomLine?.speaker).toEqual({ name: "a senior administration official", kind: "ANONYMOUS" });
  });

  it("bounds nested lists with `first`", async () => {
    const { body } = await postGraphQL<ArticleResult>(server.baseUrl, `{ article(slug: "basra-consulate-2018") { quotes(first: 3) { edges { node { text } } } } }`);
    expect(body.data!.article!.quotes.edges).toHaveLength(3);
    const tooMany = await postGraphQL(server.baseUrl, `{ article(slug: "basra-consulate-2018") { quotes(first: 101) { totalCount } } }`);
    expect(tooMany.body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("resolves the article's global id through node(id:) and article(id:)", async () => {
    const { body } = await postGraphQL<ArticleResult>(server.baseUrl, `{ article(slug: "basra-consulate-2018") { id } }`);
    const id = body.data!.article!.id;
    const byNode = await postGraphQL<{ node: { __typename: string; slug: string } }>(
      server.baseUrl,
      `query ($id: ID!) { node(id: $id) { __typename ... on Article { slug } } }`,
      { id },
    );
    expect(byNode.body.data!.node).toEqual({ __typename: "Article", slug: "basra-consulate-2018" });
    const byId = await postGraphQL<ArticleResult>(server.baseUrl, `query ($id: ID!) { article(id: $id) { slug } }`, { id });
    expect(byId.body.data!.article!.slug).toBe("basra-consulate-2018");
  });

  it("pages through articles with opaque cursors that stay put when articles are added", async () => {
    for (const [index, date] of ["2018-09-29", "2018-09-30", "2018-10-01"].entries()) {
      await db.prisma.article.create({
        data: { slug: `later-${index}`, body: `Later story ${index}.`, bodyHash: `h${index}`, status: "PUBLISHED", publishedAt: new Date(`${date}T00:00:00Z`) },
      });
    }
    const page = `query ($after: String) { articles(first: 2, after: $after) { totalCount edges { cursor node { slug } } pageInfo { hasNextPage endCursor } } }`;
    type Page = { articles: { totalCount: number; edges: { cursor: string; node: { slug: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } };
    const first = await postGraphQL<Page>(server.baseUrl, page);
    expect(first.body.data!.articles.edges.map((edge) => edge.node.slug)).toEqual(["later-2", "later-1"]);
    expect(first.body.data!.articles.totalCount).toBe(4);
    expect(first.body.data!.articles.pageInfo.hasNextPage).toBe(true);
    await db.prisma.article.create({
      data: { slug: "newest", body: "Newest.", bodyHash: "hn", status: "PUBLISHED", publishedAt: new Date("2018-12-01T00:00:00Z") },
    });
    const second = await postGraphQL<Page>(server.baseUrl, page, { after: first.body.data!.articles.pageInfo.endCursor });
    expect(second.body.data!.articles.edges.map((edge) => edge.node.slug)).toEqual(["later-0", "basra-consulate-2018"]);
    expect(second.body.data!.articles.pageInfo.hasNextPage).toBe(false);
  });

  it("hides drafts and deleted articles from anonymous readers", async () => {
    await db.prisma.article.create({ data: { slug: "secret-draft", body: "Draft.", bodyHash: "hd", status: "DRAFT" } });
    await db.prisma.article.create({ data: { slug: "deleted", body: "Gone.", bodyHash: "hx", status: "PUBLISHED", deletedAt: new Date() } });
    for (const slug of ["secret-draft", "deleted"]) {
      const { body } = await postGraphQL<ArticleResult>(server.baseUrl, `query ($slug: String) { article(slug: $slug) { slug } }`, { slug });
      expect(body.data!.article).toBeNull();
    }
    const list = await postGraphQL<{ articles: { edges: { node: { slug: string } }[] } }>(server.baseUrl, `{ articles(first: 100) { edges { node { slug } } } }`);
    const slugs = list.body.data!.articles.edges.map((edge) => edge.node.slug);
    expect(slugs).not.toContain("secret-draft");
    expect(slugs).not.toContain("deleted");
  });

  it.each([
    ["first: 0", `{ articles(first: 0) { totalCount } }`],
    ["first: -1", `{ articles(first: -1) { totalCount } }`],
    ["first over 100", `{ articles(first: 101) { totalCount } }`],
    ["a malformed cursor", `{ articles(after: "not-a-cursor") { totalCount } }`],
    ["a cursor of the wrong shape", `{ articles(after: "${Buffer.from('{"a":1}').toString("base64url")}") { totalCount } }`],
    ["both slug and id", `{ article(slug: "x", id: "y") { slug } }`],
    ["neither slug nor id", `{ article { slug } }`],
    ["a malformed id", `{ article(id: "%%%") { slug } }`],
  ])("answers %s with a typed BAD_USER_INPUT error and no SQL text", async (_name, query) => {
    const { status, body } = await postGraphQL(server.baseUrl, query);
    expect(status).toBe(200);
    expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(JSON.stringify(body)).not.toMatch(/SELECT|prisma|postgres/i);
  });

  it("returns null, not an error, for an unknown slug or id", async () => {
    const unknownId = Buffer.from("Article:0190a000-0000-7000-8000-00000000ffff").toString("base64url");
    const { body } = await postGraphQL<{ a: null; b: null; n: null }>(
      server.baseUrl,
      `query ($id: ID!) { a: article(slug: "nope") { slug } b: article(id: $id) { slug } n: node(id: "bm9wZQ") { id } }`,
      { id: unknownId },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({ a: null, b: null, n: null });
  });

  it("echoes or assigns a request id", async () => {
    const response = await fetch(`${server.baseUrl}/healthz`, { headers: { "x-request-id": "trace-123" } });
    expect(response.headers.get("x-request-id")).toBe("trace-123");
    expect(await response.json()).toEqual({ status: "ok" });
    const assigned = await fetch(`${server.baseUrl}/healthz`);
    expect(assigned.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });
});
