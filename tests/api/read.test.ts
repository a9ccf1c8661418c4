import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/generated/prisma/enums.js";
import { toGlobalId } from "../../src/graphql/ids.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { bodyHash, operationsOn, pageThrough, type Edge, type Page } from "../support/graphql.js";

// The read API of articles, quotes, people, organizations, search and node(s) on the example
// story plus a few articles made here: drafts, deleted and undated ones, for visibility and paging.

const SLUG = "basra-consulate-2018";

let db: TestDatabase;
let seedArticleId: string;
/** The example story's quotes: as many as ingest found (tests/db/seed.test.ts checks them against the answer key). */
let storyQuotes: number;

const { run, runOk, errorCode } = operationsOn(() => db);

beforeAll(async () => {
  db = await createTestDatabase({ exampleStory: true });
  seedArticleId = (await seedExampleStory(db.prisma)).articleId;
  storyQuotes = await db.prisma.quote.count({ where: { articleId: seedArticleId } });
  // 24 more articles: every third undated, a draft, an article in review, a deleted one.
  const base = Date.UTC(2018, 8, 1);
  for (let index = 0; index < 24; index += 1) {
    const body = `Extra story ${index} about the harbour of Umm Qasr and shipping insurance.`;
    await db.prisma.article.create({
      data: {
        slug: `extra-${index}`,
        headline: `Extra ${index}`,
        body,
        bodyHash: bodyHash(body),
        outlet: index % 2 === 0 ? "Wire" : "Daily",
        status: index === 5 ? "DRAFT" : index === 6 ? "IN_REVIEW" : "PUBLISHED",
        deletedAt: index === 7 ? new Date() : null,
        // Pairs share a publication time so the id tie-break is exercised.
        publishedAt: index % 3 === 0 ? null : new Date(base + Math.floor(index / 2) * 86_400_000),
      },
    });
  }
});

afterAll(async () => {
  await db.close();
});

describe("articles", () => {
  it("finds the story by slug and by id, with its quotes in reading order and counts", async () => {
    const bySlug = await runOk<{ article: { id: string; quotes: Page<{ span: { start: number } }> } }>(
      "VIEWER",
      `{ article(slug: "${SLUG}") { id quotes(first: 100) { totalCount edges { node { span { start } } } } } }`,
    );
    expect(bySlug.article.id).toBe(toGlobalId("Article", seedArticleId));
    expect(bySlug.article.quotes.totalCount).toBe(storyQuotes);
    const starts = bySlug.article.quotes.edges.map((edge) => edge.node.span.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    const byId = await runOk<{ article: { slug: string } }>("VIEWER", `query($id: ID) { article(id: $id) { slug } }`, { id: bySlug.article.id });
    expect(byId.article.slug).toBe(SLUG);
  });

  it("pages through every visible article exactly once in each ordering", async () => {
    const all = await db.prisma.article.findMany({ where: { deletedAt: null, status: "PUBLISHED" } });
    for (const orderBy of [
      { field: "PUBLISHED_AT", direction: "DESC" },
      { field: "PUBLISHED_AT", direction: "ASC" },
      { field: "CREATED_AT", direction: "ASC" },
      { field: "UPDATED_AT", direction: "DESC" },
    ]) {
      const query = `query($after: String, $orderBy: ArticleOrder) { articles(first: 4, after: $after, orderBy: $orderBy) {
          edges { cursor node { slug publishedAt } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
      const { nodes } = await pageThrough(
        async (after) => (await runOk<{ articles: Page<{ slug: string; publishedAt: string | null }> }>("VIEWER", query, { orderBy, after })).articles,
      );
      expect(nodes.map((node) => node.slug).sort()).toEqual(all.map((article) => article.slug).sort());
      const dated = nodes.filter((node) => node.publishedAt !== null).map((node) => node.publishedAt as string);
      if (orderBy.field === "PUBLISHED_AT") {
        expect(dated).toEqual([...dated].sort((a, b) => (orderBy.direction === "ASC" ? a.localeCompare(b) : b.localeCompare(a))));
        // Undated articles come last in both directions.
        const firstUndated = nodes.findIndex((node) => node.publishedAt === null);
        expect(nodes.slice(firstUndated).every((node) => node.publishedAt === null)).toBe(true);
      }
    }
  });

  it("keeps a page boundary in place when an article is added before it", async () => {
    const query = `query($after: String) { articles(first: 3, after: $after) { edges { node { slug } } pageInfo { endCursor } } }`;
    const first = await runOk<{ articles: Page<{ slug: string }> & { pageInfo: { endCursor: string } } }>("VIEWER", query);
    const second = await runOk<{ articles: Page<{ slug: string }> }>("VIEWER", query, { after: first.articles.pageInfo.endCursor });
    const body = "A newer story inserted between two page loads.";
    await db.prisma.article.create({ data: { slug: "inserted-newest", body, bodyHash: bodyHash(body), status: "PUBLISHED", publishedAt: new Date(Date.UTC(2030, 0, 1)) } });
    try {
      const again = await runOk<{ articles: Page<{ slug: string }> }>("VIEWER", query, { after: first.articles.pageInfo.endCursor });
      expect(again.articles.edges.map((edge) => edge.node.slug)).toEqual(second.articles.edges.map((edge) => edge.node.slug));
    } finally {
      await db.prisma.article.delete({ where: { slug: "inserted-newest" } });
    }
  });

  it("filters by status, outlet, dates, person, place, incident type and full text", async () => {
    const slugs = async (role: Role, filter: Record<string, unknown>) => {
      const data = await runOk<{ articles: Page<{ slug: string }> & { totalCount: number } }>(
        role,
        `query($filter: ArticleFilter) { articles(filter: $filter, first: 100) { totalCount edges { node { slug } } } }`,
        { filter },
      );
      expect(data.articles.totalCount).toBe(data.articles.edges.length);
      return data.articles.edges.map((edge) => edge.node.slug).sort();
    };
    const people = await db.prisma.person.findMany();
    const pompeo = people.find((person) => person.name === "Mike Pompeo");
    const basra = await db.prisma.place.findFirstOrThrow({ where: { name: "Basra" } });
    expect(await slugs("VIEWER", { status: ["DRAFT", "IN_REVIEW"] })).toEqual([]);
    expect(await slugs("REPORTER", { status: ["DRAFT", "IN_REVIEW"] })).toEqual(["extra-5", "extra-6"]);
    expect(await slugs("VIEWER", { outlet: "Daily" })).toHaveLength(10); // odd ones, less the draft (5) and the deleted (7)
    expect(await slugs("VIEWER", { personId: toGlobalId("Person", pompeo!.id) })).toEqual([SLUG]);
    expect(await slugs("VIEWER", { placeId: toGlobalId("Place", basra.id) })).toEqual([SLUG]);
    expect(await slugs("VIEWER", { incidentType: "attack" })).toEqual([SLUG]);
    expect(await slugs("VIEWER", { incidentType: "arrest" })).toEqual([]);
    expect(await slugs("VIEWER", { search: "consulate Basra" })).toEqual([SLUG]);
    expect(await slugs("VIEWER", { search: "insurance -harbour" })).toEqual([]);
    expect(await slugs("VIEWER", { search: "harbour", outlet: "Wire" })).toHaveLength(11); // even ones, less the one in review (6)
    expect(await slugs("VIEWER", { publishedFrom: "2018-09-28T00:00:00Z", publishedTo: "2018-09-29T00:00:00Z" })).toEqual([SLUG]);
  });

  it("hides drafts, articles in review and deleted articles below REPORTER, also through node(id)", async () => {
    const draft = await db.prisma.article.findUniqueOrThrow({ where: { slug: "extra-5" } });
    const deleted = await db.prisma.article.findUniqueOrThrow({ where: { slug: "extra-7" } });
    const query = `query($id: ID!) { node(id: $id) { id ... on Article { slug } } }`;
    expect((await runOk<{ node: unknown }>("VIEWER", query, { id: toGlobalId("Article", draft.id) })).node).toBeNull();
    expect((await runOk<{ node: { slug: string } }>("REPORTER", query, { id: toGlobalId("Article", draft.id) })).node.slug).toBe("extra-5");
    expect((await runOk<{ node: unknown }>("EDITOR", query, { id: toGlobalId("Article", deleted.id) })).node).toBeNull();
    expect((await runOk<{ article: unknown }>("VIEWER", `{ article(slug: "extra-5") { slug } }`)).article).toBeNull();
  });

  it("lists mentions by entity type, and revisions only for reporters", async () => {
    const query = `{ article(slug: "${SLUG}") { mentions(entityType: PLACE, first: 100) { totalCount edges { node { entityType span { exact } entity { __typename ... on Place { name } } } } }
      revisions { edges { node { number body } } } } }`;
    const asViewer = await run<{ article: { mentions: Page<{ entityType: string; span: { exact: string }; entity: { __typename: string; name: string } }> & { totalCount: number }; revisions: null } }>("VIEWER", query);
    expect(asViewer.errors?.map((error) => error.extensions?.["code"])).toEqual(["FORBIDDEN"]);
    const mentions = asViewer.data!.article.mentions;
    expect(mentions.totalCount).toBe(mentions.edges.length);
    expect(mentions.edges.every((edge) => edge.node.entityType === "PLACE" && edge.node.entity.__typename === "Place")).toBe(true);
    expect(mentions.edges.map((edge) => edge.node.entity.name)).toContain("Basra");
    expect(asViewer.data!.article.revisions).toBeNull();
    const asReporter = await runOk<{ article: { revisions: Page<{ number: number }> } }>("REPORTER", query);
    expect(asReporter.article.revisions.edges.map((edge) => edge.node.number)).toEqual([1]);
  });
});

describe("the statement budget of the nested dashboard query", () => {
  const dashboard = `query($first: Int) { articles(first: $first) { edges { node { slug displayTitle
    quotes(first: 5) { edges { node { text speaker { name aliases } } } }
    incidents { edges { node { type fatalities { min } place { name coordinates { latitude } } } } } } } } }`;

  it("sends the same number of SQL statements (at most 6, one more for bodies) for 5 and for 50 articles", async () => {
    const small = await run("VIEWER", dashboard, { first: 5 });
    const large = await run("VIEWER", dashboard, { first: 50 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.statements.length).toBe(small.statements.length);
    // The example story has no headline: its display title is its body's first line, read in one
    // statement for the whole page (bodies are left out of lists otherwise).
    const bodyReads = small.statements.filter((sql) => /SELECT "t0"\."id", "t0"\."body" FROM "public"\."Article"/.test(sql));
    expect(bodyReads).toHaveLength(1);
    expect(small.statements.length - bodyReads.length).toBeLessThanOrEqual(6);
  });

  it("reads one article by slug whole: its display title from the body (no headline) in one statement", async () => {
    const one = await run<{ article: { displayTitle: string; body: string } }>("VIEWER", `query($slug: String!) { article(slug: $slug) { displayTitle body } }`, { slug: SLUG });
    expect(one.errors).toBeUndefined();
    expect(one.statements).toHaveLength(1);
    const stored = await db.prisma.article.findUniqueOrThrow({ where: { slug: SLUG } });
    expect(stored.headline).toBeNull();
    expect(one.data?.article.body).toBe(stored.body);
    expect(stored.body.startsWith(one.data?.article.displayTitle.replace(/…$/, "") ?? "")).toBe(true);
  });

  it("reads no body for a list that does not show one, and all shown bodies in one statement", async () => {
    const titled = `query($first: Int) { articles(first: $first, filter: { status: [PUBLISHED, CORRECTED, RETRACTED] }) { edges { node { slug headline } } } }`;
    const withoutBody = await run("VIEWER", titled, { first: 50 });
    expect(withoutBody.statements).toHaveLength(1);
    expect(withoutBody.statements[0]).not.toMatch(/"body"/);
    const bodies = await run<{ articles: { edges: { node: { slug: string; body: string } }[] } }>("VIEWER", `{ articles(first: 50) { edges { node { slug body } } } }`);
    expect(bodies.statements).toHaveLength(2);
    const stored = await db.prisma.article.findMany({ where: { slug: { in: bodies.data?.articles.edges.map((edge) => edge.node.slug) ?? [] } }, select: { slug: true, body: true } });
    expect(stored.length).toBeGreaterThan(1);
    for (const { slug, body } of stored) expect(bodies.data?.articles.edges.find((edge) => edge.node.slug === slug)?.node.body).toBe(body);
  });

  it("runs totalCount only when it is selected", async () => {
    const without = await run("VIEWER", `{ articles(first: 3) { edges { node { slug } } } }`);
    const withCount = await run("VIEWER", `{ articles(first: 3) { totalCount edges { node { slug } } } }`);
    expect(without.statements).toHaveLength(1);
    expect(withCount.statements).toHaveLength(2);
  });
});

describe("quotes, people and organizations", () => {
  it("filters quotes by speaker, medium, kind, verification, article and text", async () => {
    const nauert = await db.prisma.person.findFirstOrThrow({ where: { name: "Heather Nauert" } });
    const count = async (filter: Record<string, unknown>) =>
      (await runOk<{ quotes: { totalCount: number; edges: unknown[] } }>("VIEWER", `query($filter: QuoteFilter) { quotes(filter: $filter, first: 100) { totalCount edges { cursor } } }`, { filter })).quotes;
    expect((await count({})).totalCount).toBe(storyQuotes);
    expect((await count({ speakerId: toGlobalId("Person", nauert.id) })).totalCount).toBe(2);
    expect((await count({ medium: ["TWEET"] })).totalCount).toBe(1);
    expect((await count({ kind: ["INDIRECT"] })).totalCount).toBe(await db.prisma.quote.count({ where: { kind: "INDIRECT" } }));
    expect((await count({ verification: ["VERIFIED"] })).totalCount).toBe(0);
    expect((await count({ articleId: toGlobalId("Article", seedArticleId), search: "respond swiftly" })).totalCount).toBe(2);
    expect((await count({ from: "2018-10-01T00:00:00Z" })).totalCount).toBe(0);
  });

  it("reads a quote's speaker, article and the statement it is linked to", async () => {
    const data = await runOk<{ quotes: Page<{ medium: string; linkedQuotes: { totalCount: number; edges: { node: { quote: { medium: string } } }[] }; article: { slug: string } }> }>(
      "VIEWER",
      `{ quotes(filter: { medium: [TWEET] }) { edges { node { medium article { slug } linkedQuotes { totalCount edges { node { note quote { medium speaker { name } } } } } } } } }`,
    );
    const tweet = data.quotes.edges[0]!.node;
    expect(tweet.article.slug).toBe(SLUG);
    expect(tweet.linkedQuotes.edges.map((edge) => edge.node.quote.medium)).toEqual(["STATEMENT"]);
    expect(tweet.linkedQuotes.totalCount).toBe(1);
  });

  it("finds people by alias, kind and organization, with quotes, articles, roles and counts", async () => {
    const data = await runOk<{ people: Page<{ name: string; quoteCount: number; articles: { totalCount: number; edges: Edge<{ slug: string }>[] }; quotes: { totalCount: number }; roles: { totalCount: number; edges: Edge<{ title: string }>[] } }> }>(
      "VIEWER",
      `{ people(filter: { search: "secpompeo" }) { edges { node { name quoteCount roles { totalCount edges { node { title startDate organization { name } } } }
        quotes(first: 1) { totalCount } articles { totalCount edges { node { slug } } } } } } }`,
    );
    expect(data.people.edges.map((edge) => edge.node.name)).toEqual(["Mike Pompeo"]);
    const pompeo = data.people.edges[0]!.node;
    // "their threats would not be tolerated", and what ingest found beyond the answer key ("the U.S. played no role ...").
    const said = await db.prisma.quote.count({ where: { speaker: { name: "Mike Pompeo" } } });
    expect(said).toBeGreaterThanOrEqual(1);
    expect(pompeo.quoteCount).toBe(said);
    expect(pompeo.quotes.totalCount).toBe(said);
    expect(pompeo.articles.edges.map((edge) => edge.node.slug)).toEqual([SLUG]);
    expect(pompeo.articles.totalCount).toBe(1);
    expect(pompeo.roles.edges.map((edge) => edge.node.title)).toContain("Secretary of State");
    expect(pompeo.roles.totalCount).toBe(pompeo.roles.edges.length);
    const anonymous = await runOk<{ people: Page<{ name: string; kind: string; organization: { name: string } | null }> }>(
      "VIEWER",
      `{ people(filter: { kind: ANONYMOUS }) { edges { node { name kind organization { name } } } } }`,
    );
    expect(anonymous.people.edges.map((edge) => edge.node.kind)).toEqual(["ANONYMOUS"]);
    const organizations = await runOk<{ organizations: Page<{ id: string; name: string }> & { totalCount: number } }>(
      "VIEWER",
      `{ organizations(first: 100) { totalCount edges { node { id name aliases people { edges { node { name } } } } } } }`,
    );
    // The story's organizations as ingest found them (tests/db/seed.test.ts checks the answer key's 7 are among them).
    expect(organizations.organizations.totalCount).toBe(await db.prisma.organization.count());
    expect(organizations.organizations.totalCount).toBeGreaterThanOrEqual(7);
    const state = organizations.organizations.edges.find((edge) => edge.node.name === "U.S. Department of State")!;
    const members = await runOk<{ people: Page<{ name: string }> }>(
      "VIEWER",
      `query($id: ID) { people(filter: { organizationId: $id }) { edges { node { name } } } }`,
      { id: state.node.id },
    );
    expect(members.people.edges.map((edge) => edge.node.name)).toContain("Heather Nauert");
  });

  it("answers a merged person's id with the person it was merged into", async () => {
    const target = await db.prisma.person.findFirstOrThrow({ where: { name: "Mike Pompeo" } });
    const duplicate = await db.prisma.person.create({ data: { name: "Pompeo", mergedIntoId: target.id } });
    try {
      const data = await runOk<{ person: { name: string }; people: { edges: Edge<{ name: string }>[] } }>(
        "VIEWER",
        `query($id: ID!) { person(id: $id) { name } people(filter: { search: "pompeo" }) { edges { node { name } } } }`,
        { id: toGlobalId("Person", duplicate.id) },
      );
      expect(data.person.name).toBe("Mike Pompeo");
      expect(data.people.edges.map((edge) => edge.node.name)).toEqual(["Mike Pompeo"]);
    } finally {
      await db.prisma.person.delete({ where: { id: duplicate.id } });
    }
  });
});

describe("search", () => {
  it("ranks articles, quotes, people and incidents together, with escaped, highlighted snippets", async () => {
    const data = await runOk<{ search: Page<{ rank: number; snippet: string; item: { __typename: string } }> & { totalCount: number } }>(
      "VIEWER",
      `{ search(query: "consulate", first: 100) { totalCount edges { node { rank snippet item { __typename ... on Article { slug } } } } } }`,
    );
    const hits = data.search.edges.map((edge) => edge.node);
    expect(hits.length).toBe(data.search.totalCount);
    expect(new Set(hits.map((hit) => hit.item.__typename))).toEqual(new Set(["Article", "Quote", "Incident"]));
    const ranks = hits.map((hit) => hit.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    for (const hit of hits) expect(hit.snippet).toMatch(/<b>[^<]*<\/b>/);
  });

  it("pages through hits with cursors and restricts to types", async () => {
    const all = await runOk<{ search: Page<{ item: { id: string } }> }>("VIEWER", `{ search(query: "Basra", first: 100) { edges { node { item { ... on Node { id } } } } } }`);
    const query = `query($after: String) { search(query: "Basra", first: 2, after: $after) { edges { cursor node { item { ... on Node { id } } } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;
    const { nodes: paged } = await pageThrough(async (after) => (await runOk<{ search: Page<{ item: { id: string } }> }>("VIEWER", query, { after })).search);
    expect(paged.map((hit) => hit.item.id)).toEqual(all.search.edges.map((edge) => edge.node.item.id));
    const quotesOnly = await runOk<{ search: Page<{ item: { __typename: string } }> }>("VIEWER", `{ search(query: "respond", types: [QUOTE]) { edges { node { item { __typename } } } } }`);
    expect(quotesOnly.search.edges.length).toBeGreaterThan(0);
    expect(quotesOnly.search.edges.every((edge) => edge.node.item.__typename === "Quote")).toBe(true);
    const people = await runOk<{ search: Page<{ item: { name: string } }> }>("VIEWER", `{ search(query: "Nauert", types: [PERSON]) { edges { node { item { ... on Person { name } } } } } }`);
    expect(people.search.edges.map((edge) => edge.node.item.name)).toEqual(["Heather Nauert"]);
  });

  it("does not find drafts for a viewer", async () => {
    const viewer = await runOk<{ search: { totalCount: number } }>("VIEWER", `{ search(query: "harbour", types: [ARTICLE]) { totalCount } }`);
    const reporter = await runOk<{ search: { totalCount: number } }>("REPORTER", `{ search(query: "harbour", types: [ARTICLE]) { totalCount } }`);
    expect(viewer.search.totalCount).toBe(21);
    expect(reporter.search.totalCount).toBe(23);
  });
});

describe("nodes", () => {
  it("answers ids of every kind in order, with null for unknown and invisible ones", async () => {
    const quote = await db.prisma.quote.findFirstOrThrow();
    const draft = await db.prisma.article.findUniqueOrThrow({ where: { slug: "extra-5" } });
    const basra = await db.prisma.place.findFirstOrThrow({ where: { name: "Basra" } });
    const ids = [toGlobalId("Quote", quote.id), "not-an-id", toGlobalId("Article", draft.id), toGlobalId("Place", basra.id), toGlobalId("Article", seedArticleId)];
    const data = await runOk<{ nodes: ({ __typename: string } | null)[] }>("VIEWER", `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`, { ids });
    expect(data.nodes.map((node) => node?.__typename ?? null)).toEqual(["Quote", null, null, "Place", "Article"]);
  });
});

describe("bad input", () => {
  it.each([
    ["first: 0", `{ articles(first: 0) { totalCount } }`],
    ["first: -1", `{ quotes(first: -1) { totalCount } }`],
    ["first: 101", `{ people(first: 101) { totalCount } }`],
    ["first: 100000 nested", `{ articles(first: 1) { edges { node { quotes(first: 100000) { totalCount } } } } }`],
    ["a garbage cursor", `{ articles(after: "garbage") { totalCount } }`],
    ["a cursor of another ordering", "CURSOR"],
    ["a forged cursor with a non-UUID id", `{ articles(after: "${Buffer.from('{"k":"articles:published:desc","v":[null,"x"]}').toString("base64url")}") { totalCount } }`],
    ["a forged cursor with a bad date", `{ articles(after: "${Buffer.from('{"k":"articles:published:desc","v":["yesterday","0190a000-0000-7000-8000-00000000ffff"]}').toString("base64url")}") { totalCount } }`],
    ["a forged quote cursor", `{ quotes(after: "${Buffer.from('{"k":"quotes:created:desc","v":["2018-01-01T00:00:00Z","1 OR 1=1"]}').toString("base64url")}") { totalCount } }`],
    ["an unknown id in a filter", `{ articles(filter: { personId: "nope" }) { totalCount } }`],
    ["an id of the wrong type", "WRONG_TYPE"],
    ["an inverted date range", `{ articles(filter: { publishedFrom: "2019-01-01T00:00:00Z", publishedTo: "2018-01-01T00:00:00Z" }) { totalCount } }`],
    ["an inverted quote range", `{ quotes(filter: { from: "2019-01-01T00:00:00Z", to: "2018-01-01T00:00:00Z" }) { totalCount } }`],
    ["an empty search", `{ search(query: "   ") { totalCount } }`],
    ["a 10 KB search", "LONG"],
    ["a NUL in a search", `{ search(query: "basra\\u0000") { totalCount } }`],
    ["no search types", `{ search(query: "basra", types: []) { totalCount } }`],
    ["slug and id together", `{ article(slug: "x", id: "y") { slug } }`],
    ["101 node ids", "MANY_IDS"],
  ])("refuses %s with BAD_USER_INPUT", async (_name, query) => {
    let text = query;
    let variables: Record<string, unknown> = {};
    if (query === "CURSOR") {
      const page = await runOk<{ articles: { pageInfo: { endCursor: string } } }>("VIEWER", `{ articles(first: 1) { pageInfo { endCursor } } }`);
      text = `query($after: String) { articles(after: $after, orderBy: { field: CREATED_AT, direction: ASC }) { totalCount } }`;
      variables = { after: page.articles.pageInfo.endCursor };
    } else if (query === "WRONG_TYPE") {
      text = `query($id: ID) { articles(filter: { placeId: $id }) { totalCount } }`;
      variables = { id: toGlobalId("Article", seedArticleId) };
    } else if (query === "LONG") {
      text = `query($q: String!) { search(query: $q) { totalCount } }`;
      variables = { q: "basra ".repeat(1700) };
    } else if (query === "MANY_IDS") {
      text = `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`;
      variables = { ids: Array.from({ length: 101 }, () => toGlobalId("Article", seedArticleId)) };
    }
    expect(await errorCode("VIEWER", text, variables)).toBe("BAD_USER_INPUT");
  });

  it.each([
    `"; DROP TABLE "Article"; --`,
    `basra & | ! <-> :* ((`,
    `\\\\ \\' '' "unbalanced`,
    `!!!`,
    `the and of`,
    `𝔹𝕒𝕤𝕣𝕒 مرحبا \u200b\u200d`,
  ])("answers hostile search text %j with a result, not an error", async (text) => {
    for (const query of [
      `query($q: String!) { search(query: $q) { totalCount edges { node { snippet } } } }`,
      `query($q: String) { articles(filter: { search: $q }) { totalCount } quotes(filter: { search: $q }) { totalCount } people(filter: { search: $q }) { totalCount } }`,
    ]) {
      const result = await run("VIEWER", query, { q: text });
      expect(result.errors).toBeUndefined();
    }
    expect(await db.prisma.article.count()).toBeGreaterThan(0);
  });
});
