import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Place } from "../../src/generated/prisma/client.js";
import type { PlaceKind } from "../../src/generated/prisma/enums.js";
import { toGlobalId } from "../../src/graphql/ids.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { operationsOn, pageThrough, type Page } from "../support/graphql.js";

// The places read API on the example story's six places plus places made here: same names in
// two countries (for the id tie-break), LIKE wildcards in names, half-known coordinates.

interface PlaceNode {
  id: string;
  name: string;
}

let db: TestDatabase;

const { run, runOk, errorCode } = operationsOn(() => db);

const LIST = `query($filter: PlaceFilter, $first: Int, $after: String) {
  places(filter: $filter, first: $first, after: $after) {
    totalCount edges { cursor node { id name } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;

async function listPage(variables: Record<string, unknown>): Promise<Page<PlaceNode>> {
  return (await runOk<{ places: Page<PlaceNode> }>("VIEWER", LIST, variables)).places;
}

/** Every place the list gives, `first` at a time, checking `hasPreviousPage` on each page. */
async function listAll(variables: Record<string, unknown>, first = 2): Promise<PlaceNode[]> {
  const paged = await pageThrough((after) => listPage({ ...variables, first, after }), { expectHasPreviousPage: true });
  return paged.nodes;
}

/** The places a filter should list, by name then id, computed here from the rows. */
async function expected(filter: { search?: string; countryCode?: string; kind?: PlaceKind }): Promise<string[]> {
  const rows = await db.prisma.place.findMany();
  const needle = filter.search?.trim().toLowerCase();
  return rows
    .filter((row) => !needle || [row.name, ...row.aliases].some((text) => text.toLowerCase().includes(needle)))
    .filter((row) => !filter.countryCode || row.countryCode === filter.countryCode.toUpperCase())
    .filter((row) => !filter.kind || row.kind === filter.kind)
    .sort((a, b) => byNameThenId(a, b))
    .map((row) => toGlobalId("Place", row.id));
}

function byNameThenId(a: Place, b: Place): number {
  // Names here are plain ASCII without case clashes, so the database's collation agrees with this.
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.id < b.id ? -1 : 1;
}

beforeAll(async () => {
  db = await createTestDatabase({ exampleStory: true });
  await seedExampleStory(db.prisma);
  await db.prisma.place.createMany({
    data: [
      { name: "Springfield", countryCode: "US", country: "United States", kind: "CITY", latitude: 39.8, longitude: -89.64 },
      { name: "Springfield", countryCode: "AU", country: "Australia", kind: "CITY" },
      { name: "Camp 100% Safe", countryCode: "IQ", country: "Iraq", kind: "SITE", latitude: 30.1 },
      { name: "Umm_Qasr Port", aliases: ["Umm Qasr", "Um Qasr"], countryCode: "IQ", country: "Iraq", kind: "SITE", latitude: 30.03, longitude: 47.93 },
      { name: "Nowhere in particular", kind: "OTHER" },
    ],
  });
});

afterAll(async () => {
  await db.close();
});

describe("place(id)", () => {
  it("answers Basra with its aliases, coordinates and incidents, newest first", async () => {
    const basra = await db.prisma.place.findFirstOrThrow({ where: { name: "Basra" } });
    const data = await runOk<{
      place: {
        id: string; name: string; aliases: string[]; kind: string; countryCode: string; country: string; admin1: string | null;
        coordinates: { latitude: number; longitude: number }; geonamesId: number | null;
        incidents: Page<{ summary: string; place: { name: string } }>;
      };
    }>(
      "VIEWER",
      `query($id: ID!) { place(id: $id) { id name aliases kind countryCode country admin1 coordinates { latitude longitude } geonamesId
        incidents { totalCount edges { node { summary place { name } } } } } }`,
      { id: toGlobalId("Place", basra.id) },
    );
    expect(data.place).toMatchObject({
      id: toGlobalId("Place", basra.id),
      name: "Basra",
      aliases: ["Basrah"],
      kind: "CITY",
      countryCode: "IQ",
      country: "Iraq",
      // Ingest geocoded it: its governorate.
      admin1: "Basra",
      coordinates: { latitude: 30.5085, longitude: 47.7804 },
      geonamesId: null,
    });
    const rows = await db.prisma.incident.findMany({ where: { placeId: basra.id } });
    expect(data.place.incidents.totalCount).toBe(4);
    // The consulate evacuation (28 September) first, then the rockets (known as 7..14
    // September), then the two undated ones, newest record first.
    const undated = rows.filter((row) => row.date === null && row.dateEarliest === null).sort((a, b) => (a.id < b.id ? 1 : -1));
    expect(data.place.incidents.edges.map((edge) => edge.node.summary)).toEqual([
      "U.S. Consulate Basrah placed on ordered departure; diplomats evacuated and the post closed",
      "Rocket attacks struck the U.S. consulate in Basra",
      ...undated.map((row) => row.summary),
    ]);
    expect(data.place.incidents.edges.every((edge) => edge.node.place.name === "Basra")).toBe(true);
  });

  it("pages through a place's incidents", async () => {
    const basra = await db.prisma.place.findFirstOrThrow({ where: { name: "Basra" } });
    const query = `query($id: ID!, $after: String) { place(id: $id) { incidents(first: 3, after: $after) { edges { node { summary } } pageInfo { hasNextPage endCursor } } } }`;
    type Data = { place: { incidents: Page<{ summary: string }> } };
    const first = await runOk<Data>("VIEWER", query, { id: toGlobalId("Place", basra.id) });
    const second = await runOk<Data>("VIEWER", query, { id: toGlobalId("Place", basra.id), after: first.place.incidents.pageInfo.endCursor });
    expect(first.place.incidents.pageInfo.hasNextPage).toBe(true);
    expect(second.place.incidents.pageInfo.hasNextPage).toBe(false);
    const all = [...first.place.incidents.edges, ...second.place.incidents.edges].map((edge) => edge.node.summary);
    expect(all).toHaveLength(4);
    expect(new Set(all).size).toBe(4);
  });

  it("answers coordinates only when both are known, and resolves through node(id)", async () => {
    const camp = await db.prisma.place.findFirstOrThrow({ where: { name: "Camp 100% Safe" } });
    const data = await runOk<{ node: { __typename: string; name: string; coordinates: null } }>(
      "VIEWER",
      `query($id: ID!) { node(id: $id) { __typename ... on Place { name coordinates { latitude } } } }`,
      { id: toGlobalId("Place", camp.id) },
    );
    expect(data.node).toEqual({ __typename: "Place", name: "Camp 100% Safe", coordinates: null });
  });

  it("answers null for an unknown id and BAD_USER_INPUT for a malformed or mistyped one", async () => {
    const query = `query($id: ID!) { place(id: $id) { name } }`;
    expect((await runOk<{ place: null }>("VIEWER", query, { id: toGlobalId("Place", "00000000-0000-7000-8000-000000000000") })).place).toBeNull();
    expect(await errorCode("VIEWER", query, { id: "nope" })).toBe("BAD_USER_INPUT");
    expect(await errorCode("VIEWER", query, { id: toGlobalId("Incident", "00000000-0000-7000-8000-000000000000") })).toBe("BAD_USER_INPUT");
  });
});

describe("places(filter:)", () => {
  it("lists every place by name, then id, the same paged and unpaged", async () => {
    const all = await expected({});
    const unpaged = await listPage({ first: 100 });
    expect(unpaged.totalCount).toBe(all.length);
    expect(unpaged.edges.map((edge) => edge.node.id)).toEqual(all);
    const paged = await listAll({});
    expect(paged.map((node) => node.id)).toEqual(all);
    const names = paged.map((node) => node.name);
    // The two Springfields come one after the other, in id order.
    expect(names.filter((name) => name === "Springfield")).toHaveLength(2);
    expect(names.slice(0, 6)).toEqual(["Baghdad", "Basra", "Camp 100% Safe", "Iran", "Iraq", "Israel"]);
  });

  it("searches names and aliases in any case, and filters by country and kind", async () => {
    for (const filter of [
      { search: "basrah" },
      { search: "BASRA" },
      { search: "ra" },
      { search: "qasr" },
      { search: "um qasr" },
      { search: "  tehran  " },
      { countryCode: "ir" },
      { countryCode: "IQ", kind: "CITY" as const },
      { kind: "SITE" as const },
      { search: "spring", countryCode: "AU" },
      { search: "zzz" },
    ]) {
      const page = await listPage({ filter, first: 100 });
      const want = await expected(filter);
      expect({ filter, got: page.edges.map((edge) => edge.node.id) }).toEqual({ filter, got: want });
      expect(page.totalCount).toBe(want.length);
    }
    const basrah = await listPage({ filter: { search: "basrah" } });
    expect(basrah.edges.map((edge) => edge.node.name)).toEqual(["Basra"]);
  });

  it("takes LIKE wildcards and backslashes in search text literally", async () => {
    const names = async (search: string) => (await listPage({ filter: { search }, first: 100 })).edges.map((edge) => edge.node.name);
    expect(await names("%")).toEqual(["Camp 100% Safe"]);
    expect(await names("_")).toEqual(["Umm_Qasr Port"]);
    expect(await names("\\")).toEqual([]);
    expect(await names("' OR 1=1 --")).toEqual([]);
    // Empty (or blank) search text is no condition.
    expect((await listPage({ filter: { search: "   " }, first: 100 })).edges).toHaveLength((await expected({})).length);
  });

  it("pages a filtered list with cursors", async () => {
    const want = await expected({ countryCode: "IQ" });
    const paged = await listAll({ filter: { countryCode: "IQ" } }, 1);
    expect(paged.map((node) => node.id)).toEqual(want);
  });

  it("refuses bad country codes, oversized or NUL search text, bad cursors and page sizes", async () => {
    for (const variables of [
      { filter: { countryCode: "IRQ" } },
      { filter: { countryCode: "1" } },
      { filter: { search: "x".repeat(10_000) } },
      { filter: { search: "a\u0000b" } },
      { after: "garbage" },
      { after: Buffer.from(JSON.stringify({ k: "places:name:asc", v: ["Basra", "not-a-uuid"] })).toString("base64url") },
      { after: Buffer.from(JSON.stringify({ k: "incidents:date:desc", v: [null, null, "00000000-0000-7000-8000-000000000000"] })).toString("base64url") },
      { first: 0 },
      { first: 101 },
    ]) {
      expect({ variables, code: await errorCode("VIEWER", LIST, variables) }).toEqual({ variables, code: "BAD_USER_INPUT" });
    }
  });
});

describe("statement counts", () => {
  it("keeps places { incidents { place } } constant across page sizes", async () => {
    const query = `query($first: Int) { places(first: $first) { edges { node { name coordinates { latitude }
      incidents(first: 5) { edges { node { summary place { name } } } } } } } }`;
    const small = await run("VIEWER", query, { first: 2 });
    const large = await run("VIEWER", query, { first: 11 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    // Page ids, place rows, incidents of the places; the incidents' places are already loaded.
    expect(small.statements).toHaveLength(3);
    expect(large.statements).toHaveLength(small.statements.length);
  });

  it("computes totalCount only when selected", async () => {
    expect((await run("VIEWER", `{ places { edges { node { name } } } }`)).statements).toHaveLength(2);
    expect((await run("VIEWER", `{ places { totalCount edges { node { name } } } }`)).statements).toHaveLength(3);
  });
});
