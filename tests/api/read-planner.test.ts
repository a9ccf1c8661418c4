import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/generated/prisma/enums.js";
import { prefetchPlans, type PlannedRelation, type ReadPlan } from "../../src/core/plan.js";
import { createContext, type Loaders } from "../../src/graphql/context.js";
import { allRelations } from "../../src/graphql/schema.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { articleReference } from "../../src/domain/articles/loaders.js";
import { articlesOfIncidentRelation, incidentsOfArticleRelation, incidentsOfPlaceRelation } from "../../src/domain/incidents/loaders.js";
import { organizationReference, personReference } from "../../src/domain/people/loaders.js";
import { placeReference } from "../../src/domain/places/loaders.js";
import { quotesOfArticleRelation, quotesOfOrganizationRelation, quotesOfPersonRelation } from "../../src/domain/quotes/loaders.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { bodyHash, operationsOn } from "../support/graphql.js";

// The read planner (src/core/plan.ts, src/graphql/planner.ts) reads a response's planned relations
// in one statement and primes the loaders. Every query of the API battery also runs without it
// (tests/support/graphql.ts) and must answer the same; this file pins what that cannot: that the
// rows it primes are the rows the loaders read themselves, field for field (dates, floats, arrays,
// JSON), for every role, and how many statements a nested read costs.

const ROLES: readonly Role[] = ["VIEWER", "REPORTER", "EDITOR", "ADMIN"];

let db: TestDatabase;
let articleIds: string[];
const { run } = operationsOn(() => db);

beforeAll(async () => {
  db = await createTestDatabase({ exampleStory: true });
  const { articleId } = await seedExampleStory(db.prisma);
  // A draft with a pending quote by an organization, a person with an organization, a site in a city.
  const body = "The ministry said the port at Umm Qasr \"will reopen on Monday\", officials told reporters.";
  const draft = await db.prisma.article.create({ data: { slug: "planner-draft", headline: "Port", body, bodyHash: bodyHash(body), status: "DRAFT" } });
  const ministry = await db.prisma.organization.create({ data: { name: "Ministry of Transport", aliases: ["the ministry"] } });
  const start = body.indexOf("will reopen");
  await db.prisma.quote.create({
    data: { articleId: draft.id, text: "will reopen on Monday", start, end: start + 21, kind: "DIRECT", speakerOrganizationId: ministry.id, reviewStatus: "PENDING", origin: "MACHINE", confidence: 0.7, evidenceUrls: ["https://example.org/a"] },
  });
  const city = await db.prisma.place.create({ data: { name: "Umm Qasr", kind: "CITY", countryCode: "IQ", latitude: 30.0362, longitude: 47.9195 } });
  const port = await db.prisma.place.create({ data: { name: "Umm Qasr port", kind: "SITE", countryCode: "IQ", parentId: city.id, geocodeConfidence: 0.85 } });
  const incident = await db.prisma.incident.create({
    data: { type: "closure", summary: "The port closed.", date: new Date("2018-09-08T00:00:00Z"), datePrecision: "DAY", placeId: port.id, fatalitiesMin: 0, reviewStatus: "PENDING", origin: "MACHINE" },
  });
  await db.prisma.incidentMention.create({ data: { incidentId: incident.id, articleId: draft.id, start: 0, end: 12, exact: body.slice(0, 12) } });
  await db.prisma.person.create({ data: { name: "Planner Spokesman", organizationId: ministry.id, externalIds: { twitter: "@planner" } } });
  articleIds = [articleId, draft.id];
});

afterAll(async () => {
  await db.close();
});

type ParentModel = "Article" | "Quote" | "Incident" | "Person" | "Organization" | "Place";

/** Every relation the modules plan, with the loader read that answers from what it primes. */
const RELATIONS: readonly { name: string; relation: PlannedRelation<Loaders>; parentModel: ParentModel }[] = [
  { name: "Article.quotes", relation: quotesOfArticleRelation as PlannedRelation<Loaders>, parentModel: "Article" },
  { name: "Article.incidents", relation: incidentsOfArticleRelation as PlannedRelation<Loaders>, parentModel: "Article" },
  { name: "Quote.article", relation: articleReference("articleId") as PlannedRelation<Loaders>, parentModel: "Quote" },
  { name: "Quote.speaker", relation: personReference("speakerId") as PlannedRelation<Loaders>, parentModel: "Quote" },
  { name: "Quote.speakerOrganization", relation: organizationReference("speakerOrganizationId") as PlannedRelation<Loaders>, parentModel: "Quote" },
  { name: "Incident.place", relation: placeReference("placeId") as PlannedRelation<Loaders>, parentModel: "Incident" },
  { name: "Person.organization", relation: organizationReference("organizationId") as PlannedRelation<Loaders>, parentModel: "Person" },
  { name: "Place.parent", relation: placeReference("parentId") as PlannedRelation<Loaders>, parentModel: "Place" },
  { name: "Place.incidents", relation: incidentsOfPlaceRelation as PlannedRelation<Loaders>, parentModel: "Place" },
  { name: "Incident.articles", relation: articlesOfIncidentRelation as PlannedRelation<Loaders>, parentModel: "Incident" },
  { name: "Person.quotes", relation: quotesOfPersonRelation as PlannedRelation<Loaders>, parentModel: "Person" },
  { name: "Organization.quotes", relation: quotesOfOrganizationRelation as PlannedRelation<Loaders>, parentModel: "Organization" },
];

/** The parent rows of a model, as Prisma reads them. */
async function parentsOf(model: ParentModel): Promise<({ id: string } & Record<string, unknown>)[]> {
  switch (model) {
    case "Article":
      return db.prisma.article.findMany({ where: { id: { in: articleIds } }, omit: { body: true } });
    case "Quote":
      return db.prisma.quote.findMany();
    case "Incident":
      return db.prisma.incident.findMany();
    case "Person":
      return db.prisma.person.findMany();
    case "Place":
      return db.prisma.place.findMany();
    case "Organization":
      return db.prisma.organization.findMany();
  }
}

/** What a resolver gets from the loader for one parent. */
async function loaded(relation: PlannedRelation<Loaders>, loaders: Loaders, parent: { id: string } & Record<string, unknown>, args: { first?: number }): Promise<unknown> {
  if (relation.kind === "reference") {
    const key = parent[relation.foreignKey];
    return typeof key === "string" ? relation.byId(loaders).load(key) : null;
  }
  const connection = relation.connection(loaders) as unknown as { load(id: string, args: object): Promise<{ edges: unknown; pageInfo: unknown }> };
  const page = await connection.load(parent.id, args);
  return { edges: page.edges, pageInfo: page.pageInfo };
}

it("tests every relation the modules plan", () => {
  expect(RELATIONS.map((entry) => entry.name).sort()).toEqual(Object.keys(allRelations()).sort());
});

describe.each(ROLES)("the planner's rows for a %s", (role) => {
  const viewer = { role, userId: null, tokenId: null };

  it.each(RELATIONS.map((entry) => [entry.name, entry] as const))("are the loader's own rows for %s", async (_name, { relation, parentModel }) => {
    const parents = await parentsOf(parentModel);
    expect(parents.length).toBeGreaterThan(0);
    for (const args of [{}, { first: 1 }]) {
      const planned = createContext(db.prisma, viewer, "test");
      const plan: ReadPlan<Loaders> = { relation, args, children: [] };
      await prefetchPlans(planned, parentModel, parents, [plan], new WeakSet());
      const unplanned = createContext(db.prisma, viewer, "test");
      for (const parent of parents) {
        expect(await loaded(relation, planned.loaders, parent, args)).toEqual(await loaded(relation, unplanned.loaders, parent, args));
      }
    }
  });
});

describe("statements of nested reads", () => {
  const dashboard = `query($first: Int) { articles(first: $first) { edges { node { slug
    quotes(first: 5) { edges { node { text speaker { name } speakerOrganization { name } article { slug } } } }
    incidents { edges { node { type place { name parent { name } } } } } } } } }`;

  it.each(ROLES)("reads the dashboard's articles, then everything under them in one statement, for a %s", async (role) => {
    for (const first of [1, 20]) {
      const result = await run(role, dashboard, { first });
      expect(result.errors).toBeUndefined();
      expect(result.statements).toHaveLength(2);
    }
  });

  it("plans to any depth, and again below a relation it does not plan", async () => {
    const deep = `{ people(first: 20) { edges { node { name quotes(first: 3) { edges { node { text article { slug quotes(first: 2) { edges { node { text speaker { name } } } } } } } } } } } }`;
    const planned = await run("EDITOR", deep);
    expect(planned.errors).toBeUndefined();
    // people, then their quotes with their articles with their quotes with their speakers.
    expect(planned.statements).toHaveLength(2);
    const below = `{ people(first: 20) { edges { node { name articles(first: 3) { edges { node { slug quotes(first: 2) { edges { node { text speaker { name } } } } } } } } } } }`;
    const replanned = await run("EDITOR", below);
    expect(replanned.errors).toBeUndefined();
    // people, their articles (a loader the planner does not plan), then those articles' quotes with speakers.
    expect(replanned.statements).toHaveLength(3);
  });

  it("answers aliases, fragments, directives and cursors as the resolvers do", async () => {
    const first = await run<{ articles: { edges: { node: { quotes: { pageInfo: { endCursor: string } } } }[] } }>(
      "VIEWER",
      `{ articles(first: 1) { edges { node { quotes(first: 2) { pageInfo { endCursor } } } } } }`,
    );
    const after = first.data?.articles.edges[0]?.node.quotes.pageInfo.endCursor ?? null;
    expect(after).not.toBeNull();
    const query = `query($after: String, $withPlaces: Boolean!) { articles(first: 5) { edges { node { ...Quoted
      later: quotes(first: 2, after: $after) { edges { cursor node { text } } pageInfo { hasNextPage } }
      incidents { edges { node { place @include(if: $withPlaces) { name } } } } } } } }
      fragment Quoted on Article { quotes(first: 3) { totalCount edges { node { ... on Quote { speaker { name } } } } } }`;
    for (const withPlaces of [true, false]) {
      const result = await run("REPORTER", query, { after, withPlaces });
      expect(result.errors).toBeUndefined();
      expect(result.statements.length).toBeLessThanOrEqual(3);
    }
  });

  it("leaves a nested field with bad arguments to its resolver, which gives the error", async () => {
    const result = await run("VIEWER", `{ articles(first: 2) { edges { node { slug quotes(first: 0) { edges { node { text } } } } } } }`);
    expect(result.errors?.length).toBeGreaterThan(0);
    expect(new Set(result.errors?.map((error) => error.extensions["code"]))).toEqual(new Set(["BAD_USER_INPUT"]));
    const cursor = await run("VIEWER", `{ articles(first: 2) { edges { node { quotes(after: "not-a-cursor") { edges { node { text } } } } } } }`);
    expect(cursor.errors?.[0]?.extensions["code"]).toBe("BAD_USER_INPUT");
  });
});
