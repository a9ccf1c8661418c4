import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/generated/prisma/enums.js";
import { toGlobalId } from "../../src/graphql/ids.js";
import type { Actor } from "../../src/core/actor.js";
import { generateCorpus } from "../../src/seed/corpus.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { createViewer, executeAsViewer } from "../support/viewers.js";

// People and incidents are searched through stored vectors that triggers keep up to date
// (migration 20261128160000): a person's name, description and aliases; an incident's summary,
// sub-type, attribution, blame and place name. Each change below must show in `search` at once.

let db: TestDatabase;
const viewers = {} as Record<Role, Actor>;

async function run<T>(role: Role, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await executeAsViewer<T>(db, viewers[role], query, variables);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

/**
 * Names (people) or summaries (incidents) that `search` finds for `text` among `type`, as an
 * editor: the people and incidents made here are in no article, which only newsroom staff see.
 */
async function found(text: string, type: "PERSON" | "INCIDENT"): Promise<string[]> {
  const data = await run<{ search: { edges: { node: { item: { name?: string; summary?: string } } }[] } }>(
    "EDITOR",
    `query($q: String!, $types: [SearchType!]) { search(query: $q, types: $types, first: 50) {
      edges { node { item { ... on Person { name } ... on Incident { summary } } } } } }`,
    { q: text, types: [type] },
  );
  return data.search.edges.map((edge) => edge.node.item.name ?? edge.node.item.summary ?? "").sort();
}

type PersonPayload = { person: { id: string; version: number } | null; errors: { code: string }[] };

async function createPerson(name: string, description: string): Promise<{ id: string; version: number }> {
  const data = await run<{ createPerson: PersonPayload }>(
    "EDITOR",
    `mutation($input: CreatePersonInput!) { createPerson(input: $input) { person { id version } errors { code } } }`,
    { input: { name, description } },
  );
  expect(data.createPerson.errors).toEqual([]);
  return data.createPerson.person!;
}

beforeAll(async () => {
  db = await createTestDatabase();
  for (const role of ["EDITOR"] as const) viewers[role] = await createViewer(db, role);
});
afterAll(async () => {
  await db?.close();
});

describe("stored search vectors of people", () => {
  it("follow the name, the description and every alias added, moved by a merge or removed", async () => {
    const pilot = await createPerson("Zofia Wrzesniewska", "harbour pilot in Gdynia");
    expect(await found("Wrzesniewska", "PERSON")).toEqual(["Zofia Wrzesniewska"]);
    expect(await found("pilot", "PERSON")).toEqual(["Zofia Wrzesniewska"]);
    expect(await found("Kestrelwing", "PERSON")).toEqual([]);

    const added = await run<{ addAlias: PersonPayload }>(
      "EDITOR",
      `mutation($input: AddAliasInput!) { addAlias(input: $input) { person { id version } errors { code } } }`,
      { input: { personId: pilot.id, expectedVersion: pilot.version, alias: "Kestrelwing" } },
    );
    expect(added.addAlias.errors).toEqual([]);
    expect(await found("Kestrelwing", "PERSON")).toEqual(["Zofia Wrzesniewska"]);

    // A merge moves the source's aliases to the target: the target is now found by them.
    const target = await createPerson("Zofia W.", "pilot");
    const merged = await run<{ mergePeople: PersonPayload }>(
      "EDITOR",
      `mutation($input: MergePeopleInput!) { mergePeople(input: $input) { person { id version } errors { code } } }`,
      { input: { sourceId: pilot.id, targetId: target.id, expectedSourceVersion: added.addAlias.person!.version, expectedTargetVersion: target.version } },
    );
    expect(merged.mergePeople.errors).toEqual([]);
    expect(await found("Kestrelwing", "PERSON")).toEqual(["Zofia W."]);

    await db.prisma.personAlias.deleteMany({ where: { alias: "Kestrelwing" } });
    expect(await found("Kestrelwing", "PERSON")).toEqual([]);
  });
});

describe("stored search vectors of incidents", () => {
  it("follow the summary, the attribution and the place, also when the place is renamed", async () => {
    const place = await db.prisma.place.create({ data: { name: "Oberzwickau", kind: "CITY", countryCode: "DE", country: "Germany" } });
    type IncidentPayload = { incident: { id: string; version: number } | null; errors: { code: string }[] };
    const created = await run<{ createIncident: IncidentPayload }>(
      "EDITOR",
      `mutation($input: CreateIncidentInput!) { createIncident(input: $input) { incident { id version } errors { code } } }`,
      { input: { type: "other", summary: "Grain silo fire", attributedTo: "faulty wiring", placeId: toGlobalId("Place", place.id) } },
    );
    expect(created.createIncident.errors).toEqual([]);
    const incident = created.createIncident.incident!;
    expect(await found("silo", "INCIDENT")).toEqual(["Grain silo fire"]);
    expect(await found("wiring", "INCIDENT")).toEqual(["Grain silo fire"]);
    expect(await found("Oberzwickau", "INCIDENT")).toEqual(["Grain silo fire"]);

    const updated = await run<{ updateIncident: IncidentPayload }>(
      "EDITOR",
      `mutation($input: UpdateIncidentInput!) { updateIncident(input: $input) { incident { id version } errors { code } } }`,
      { input: { id: incident.id, expectedVersion: incident.version, summary: "Warehouse blaze" } },
    );
    expect(updated.updateIncident.errors).toEqual([]);
    expect(await found("silo", "INCIDENT")).toEqual([]);
    expect(await found("warehouse", "INCIDENT")).toEqual(["Warehouse blaze"]);

    await db.prisma.place.update({ where: { id: place.id }, data: { name: "Unterzwickau" } });
    expect(await found("Oberzwickau", "INCIDENT")).toEqual([]);
    expect(await found("Unterzwickau", "INCIDENT")).toEqual(["Warehouse blaze"]);
  });

  it("are filled for the rows the corpus generator inserts in bulk, and find them", async () => {
    await generateCorpus(db.prisma, { articles: 40 });
    const missing = await db.prisma.$queryRaw<{ people: number; incidents: number }[]>`
      SELECT (SELECT count(*)::int FROM "Person" WHERE "searchVector" IS NULL) AS people,
             (SELECT count(*)::int FROM "Incident" WHERE "searchVector" IS NULL) AS incidents`;
    expect(missing).toEqual([{ people: 0, incidents: 0 }]);
    const [someone] = await db.prisma.person.findMany({ where: { deletedAt: null, mergedIntoId: null, reviewStatus: "ACCEPTED" }, take: 1, orderBy: { id: "asc" } });
    expect(await found(someone!.name, "PERSON")).toContain(someone!.name);
  });
});
