import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acledRows } from "../../src/domain/export/acled.js";
import { toGlobalId } from "../../src/graphql/ids.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { post, startLoggedServer, tokenFor, type LoggedServer } from "./support.js";

// Issue 21, observations 2 and 3, over HTTP as an anonymous client, a viewer's token and a
// reporter's token. Users: anonymous clients and viewers see a user only as the reviewer of a
// fact-check they may read, by name; never the role, never by id. People and incidents: they see
// only those a published article refers to (src/domain/visibility/). Before: every user's name
// and role by node(id:), and people and incidents only drafts referred to, in lists, by id, in
// search and in the ACLED export.

let db: TestDatabase;
let server: LoggedServer;
let viewer: string;
let reporter: string;

const ids = {
  published: "",
  draft: "",
  factChecker: "",
  draftChecker: "",
  correctionEditor: "",
  publicPerson: "",
  mergedPerson: "",
  draftPerson: "",
  loosePerson: "",
  publicIncident: "",
  draftIncident: "",
  looseIncident: "",
};

beforeAll(async () => {
  db = await createTestDatabase();
  server = await startLoggedServer(db);
  [viewer, reporter] = await Promise.all([tokenFor(db, "VIEWER"), tokenFor(db, "REPORTER")]);
  const p = db.prisma;
  const body = "Officials said the bridge at Qurna reopened after the protest.";
  const published = await p.article.create({ data: { slug: "public-reads", body, bodyHash: "p", status: "PUBLISHED", publishedAt: new Date() } });
  const draft = await p.article.create({ data: { slug: "public-reads-draft", body, bodyHash: "d", status: "DRAFT" } });
  const [factChecker, draftChecker, correctionEditor] = await Promise.all([
    p.user.create({ data: { name: "Fact Checker", role: "EDITOR", email: "checker@example.org" } }),
    p.user.create({ data: { name: "Draft Checker", role: "EDITOR" } }),
    p.user.create({ data: { name: "Correction Editor", role: "EDITOR" } }),
  ]);
  await p.claimReview.create({ data: { articleId: published.id, claim: "the bridge reopened", rating: "TRUE", explanation: "Seen.", reviewerId: factChecker.id } });
  await p.claimReview.create({ data: { articleId: draft.id, claim: "the bridge reopened", rating: "FALSE", explanation: "Not yet.", reviewerId: draftChecker.id } });
  await p.correction.create({ data: { articleId: published.id, text: "An earlier version misnamed the bridge.", revisionNumber: 1, createdById: correctionEditor.id } });

  const person = (name: string) => p.person.create({ data: { name } });
  const [publicPerson, draftPerson, loosePerson] = await Promise.all([person("Public Spokesman"), person("Draft Spokesman"), person("Loose Spokesman")]);
  const mergedPerson = await p.person.create({ data: { name: "Spokesman", mergedIntoId: publicPerson.id } });
  const quote = (articleId: string, speakerId: string) => p.quote.create({ data: { articleId, speakerId, text: "Officials said", start: 0, end: 14, kind: "INDIRECT" } });
  await quote(published.id, publicPerson.id);
  await quote(draft.id, draftPerson.id);
  await p.entityMention.create({ data: { articleId: draft.id, entityType: "PERSON", personId: draftPerson.id, start: 0, end: 9, exact: "Officials" } });

  const incident = (summary: string) => p.incident.create({ data: { type: "protest", summary } });
  const [publicIncident, draftIncident, looseIncident] = await Promise.all([incident("Protest at Qurna bridge"), incident("Protest in a draft"), incident("Protest nowhere")]);
  const mention = (articleId: string, incidentId: string) => p.incidentMention.create({ data: { articleId, incidentId, start: 48, end: 55, exact: "protest" } });
  await mention(published.id, publicIncident.id);
  await mention(draft.id, draftIncident.id);

  Object.assign(ids, {
    published: toGlobalId("Article", published.id),
    draft: toGlobalId("Article", draft.id),
    factChecker: toGlobalId("User", factChecker.id),
    draftChecker: toGlobalId("User", draftChecker.id),
    correctionEditor: toGlobalId("User", correctionEditor.id),
    publicPerson: toGlobalId("Person", publicPerson.id),
    mergedPerson: toGlobalId("Person", mergedPerson.id),
    draftPerson: toGlobalId("Person", draftPerson.id),
    loosePerson: toGlobalId("Person", loosePerson.id),
    publicIncident: toGlobalId("Incident", publicIncident.id),
    draftIncident: toGlobalId("Incident", draftIncident.id),
    looseIncident: toGlobalId("Incident", looseIncident.id),
  });
});
afterAll(async () => {
  await server.close();
  await db.close();
});

type Data = Record<string, unknown>;

/** A query over HTTP; it must answer 200 without errors. */
async function read(query: string, variables: Record<string, unknown>, token?: string): Promise<Data> {
  const response = await post<Data>(server.baseUrl, query, variables, token ? { token } : {});
  expect(response.status).toBe(200);
  expect(response.body.errors).toBeUndefined();
  return response.body.data ?? {};
}

const USERS = `query($ids: [ID!]!) { nodes(ids: $ids) { ... on User { name role } } }`;
const SIGNED = `query($id: ID!) {
  article(id: $id) {
    claimReviews { edges { node { reviewer { name role } jsonLd } } }
    corrections { edges { node { text createdBy { name role } } } }
  }
}`;

describe("what anonymous clients and viewers see of users", () => {
  for (const [who, token] of [["an anonymous client", undefined], ["a viewer", () => viewer]] as const) {
    it(`${who} gets null for node(id:) of any user, even a fact-checker`, async () => {
      const data = await read(USERS, { ids: [ids.factChecker, ids.draftChecker, ids.correctionEditor] }, token?.());
      expect(data["nodes"]).toEqual([null, null, null]);
    });

    it(`${who} sees a published fact-check's reviewer by name only, and no correction's author`, async () => {
      const data = await read(SIGNED, { id: ids.published }, token?.());
      const article = data["article"] as { claimReviews: { edges: { node: { reviewer: unknown; jsonLd: Record<string, unknown> | null } }[] }; corrections: { edges: { node: unknown }[] } };
      expect(article.claimReviews.edges.map((edge) => edge.node.reviewer)).toEqual([{ name: "Fact Checker", role: null }]);
      expect(article.corrections.edges.map((edge) => edge.node)).toEqual([{ text: "An earlier version misnamed the bridge.", createdBy: null }]);
      expect(JSON.stringify(data)).not.toMatch(/EDITOR|checker@example\.org|Draft Checker|Correction Editor/);
    });
  }

  it("a reporter sees users by id and as authors, with their roles", async () => {
    const data = await read(USERS, { ids: [ids.factChecker, ids.draftChecker] }, reporter);
    expect(data["nodes"]).toEqual([
      { name: "Fact Checker", role: "EDITOR" },
      { name: "Draft Checker", role: "EDITOR" },
    ]);
    const signed = await read(SIGNED, { id: ids.published }, reporter);
    expect(JSON.stringify(signed)).toContain('"createdBy":{"name":"Correction Editor","role":"EDITOR"}');
    const draft = await read(SIGNED, { id: ids.draft }, reporter);
    expect(JSON.stringify(draft)).toContain('"reviewer":{"name":"Draft Checker","role":"EDITOR"}');
  });
});

const PEOPLE_AND_INCIDENTS = `query($people: [ID!]!, $incidents: [ID!]!) {
  people(first: 100) { edges { node { name } } }
  incidents(first: 100) { edges { node { summary } } }
  persons: nodes(ids: $people) { ... on Person { name } }
  events: nodes(ids: $incidents) { ... on Incident { summary } }
  search(query: "spokesman or protest", first: 100) { edges { node { item { __typename ... on Person { name } ... on Incident { summary } } } } }
}`;

type Listing = {
  people: { edges: { node: { name: string } }[] };
  incidents: { edges: { node: { summary: string } }[] };
  persons: ({ name: string } | null)[];
  events: ({ summary: string } | null)[];
  search: { edges: { node: { item: { __typename: string; name?: string; summary?: string } } }[] };
};

async function listing(token?: string): Promise<Listing> {
  const variables = {
    people: [ids.publicPerson, ids.mergedPerson, ids.draftPerson, ids.loosePerson],
    incidents: [ids.publicIncident, ids.draftIncident, ids.looseIncident],
  };
  return (await read(PEOPLE_AND_INCIDENTS, variables, token)) as unknown as Listing;
}

function found(data: Listing): string[] {
  return data.search.edges
    .map((edge) => edge.node.item)
    .filter((item) => item.__typename !== "Article" && item.__typename !== "Quote")
    .map((item) => item.name ?? item.summary ?? "")
    .sort();
}

describe("people and incidents only drafts (or nothing) refer to", () => {
  for (const [who, token] of [["an anonymous client", undefined], ["a viewer", () => viewer]] as const) {
    it(`are hidden from ${who} in lists, by id and in search; a merged record of a public person still resolves`, async () => {
      const data = await listing(token?.());
      expect(data.people.edges.map((edge) => edge.node.name)).toEqual(["Public Spokesman"]);
      expect(data.incidents.edges.map((edge) => edge.node.summary)).toEqual(["Protest at Qurna bridge"]);
      expect(data.persons).toEqual([{ name: "Public Spokesman" }, { name: "Spokesman" }, null, null]);
      expect(data.events).toEqual([{ summary: "Protest at Qurna bridge" }, null, null]);
      expect(found(data)).toEqual(["Protest at Qurna bridge", "Public Spokesman"]);
    });
  }

  it("are all visible to a reporter", async () => {
    const data = await listing(reporter);
    expect(data.people.edges.map((edge) => edge.node.name).sort()).toEqual(["Draft Spokesman", "Loose Spokesman", "Public Spokesman"]);
    expect(data.incidents.edges.map((edge) => edge.node.summary).sort()).toEqual(["Protest at Qurna bridge", "Protest in a draft", "Protest nowhere"]);
    expect(data.persons.every((person) => person !== null)).toBe(true);
    expect(data.events.every((event) => event !== null)).toBe(true);
  });

  it("are left out of the ACLED export (the public incident table)", async () => {
    const rows = [];
    for await (const row of acledRows(db.prisma)) rows.push(row);
    expect(rows.map((row) => row.notes)).toEqual(["Protest at Qurna bridge"]);
  });
});
