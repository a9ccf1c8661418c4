import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Incident, Place, Prisma } from "../../src/generated/prisma/client.js";
import type { IncidentType, Role } from "../../src/generated/prisma/enums.js";
import { toGlobalId } from "../../src/graphql/ids.js";
import { generateCorpus } from "../../src/seed/corpus.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { bodyHash, operationsOn, pageThrough, type Page } from "../support/graphql.js";

// The incidents read API on the example story plus incidents made here: many dated, undated and
// range-dated ones for filters and paging, and pending, rejected, deleted and merged ones for
// visibility. Expected answers are computed in this file from the rows, independently of the API.

const SLUG = "basra-consulate-2018";
const EVACUATION = "U.S. Consulate Basrah placed on ordered departure; diplomats evacuated and the post closed";
const PARADE = "Attack on an Iranian military parade";
const PROTEST = "Civil unrest and demonstrations in Basra over blackouts, water poisoning and government corruption";
const CLASH = "Clashes between protesters and police in Basra";
const ROCKETS = "Rocket attacks struck the U.S. consulate in Basra";
const EMBASSY = "Attack against the American embassy compound in Baghdad";

interface IncidentNode {
  id: string;
  summary: string;
}

let db: TestDatabase;
let seedArticleId: string;
let places: Map<string, Place>;
/** Incidents made here, by summary. */
const made = new Map<string, Incident>();
let draftArticleId: string;
let otherArticleId: string;

function day(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

const { run, runOk, errorCode } = operationsOn(() => db);

const LIST = `query($filter: IncidentFilter, $orderBy: IncidentOrder, $first: Int, $after: String) {
  incidents(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount edges { cursor node { id summary } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;

async function listPage(role: Role, variables: Record<string, unknown>): Promise<Page<IncidentNode>> {
  return (await runOk<{ incidents: Page<IncidentNode> }>(role, LIST, variables)).incidents;
}

/** Follows `after` cursors with small pages until the list ends; returns every node in order. */
async function listAll(role: Role, variables: Record<string, unknown>, first = 3): Promise<IncidentNode[]> {
  const paged = await pageThrough((after) => listPage(role, { ...variables, first, after }), { maxPages: 200, expectHasPreviousPage: true });
  return paged.nodes;
}

async function summaries(role: Role, filter: Record<string, unknown>): Promise<string[]> {
  const page = await listPage(role, { filter, first: 100 });
  expect(page.totalCount).toBe(page.edges.length);
  return page.edges.map((edge) => edge.node.summary).sort();
}

// ---------------------------------------------------------------- the rules, restated for checking

/** An incident with its place, and its mentions with their articles (whether published work reports it). */
const ROW = { place: true, mentions: { select: { reviewStatus: true, article: { select: { status: true, deletedAt: true } } } } } as const;
type Row = Prisma.IncidentGetPayload<{ include: typeof ROW }>;

async function allRows(): Promise<Row[]> {
  return db.prisma.incident.findMany({ include: ROW });
}

function listedFor(role: Role, row: Row): boolean {
  const statuses = role === "VIEWER" ? ["ACCEPTED"] : ["ACCEPTED", "PENDING"];
  // Viewers see an incident only once a published article reports it (issue 21).
  const reported = row.mentions.some(
    (mention) => mention.reviewStatus === "ACCEPTED" && mention.article.deletedAt === null && ["PUBLISHED", "CORRECTED", "RETRACTED"].includes(mention.article.status),
  );
  return row.deletedAt === null && row.mergedIntoId === null && statuses.includes(row.reviewStatus) && (role !== "VIEWER" || reported);
}

/** Dated: a day, or a range known at both ends; a range known at one end only ("no later than the story") is undated. */
function dated(row: Row): boolean {
  return row.date !== null || (row.dateEarliest !== null && row.dateLatest !== null);
}

function lowDay(row: Row): number | null {
  return dated(row) ? ((row.dateEarliest ?? row.date) as Date).getTime() : null;
}

function highDay(row: Row): number | null {
  return dated(row) ? ((row.dateLatest ?? row.date) as Date).getTime() : null;
}

interface Filter {
  type?: IncidentType[];
  placeId?: string;
  country?: string;
  from?: string;
  to?: string;
  minFatalities?: number;
}

function expected(role: Role, rows: Row[], filter: Filter): string[] {
  return rows
    .filter((row) => listedFor(role, row))
    .filter((row) => !filter.type || filter.type.includes(row.type))
    .filter((row) => !filter.placeId || (row.placeId !== null && toGlobalId("Place", row.placeId) === filter.placeId))
    .filter((row) => !filter.country || row.place?.countryCode === filter.country.toUpperCase())
    .filter((row) => !filter.from || ((highDay(row) ?? -Infinity) >= day(filter.from).getTime()))
    .filter((row) => !filter.to || ((lowDay(row) ?? Infinity) <= day(filter.to).getTime()))
    .filter((row) => filter.minFatalities === undefined || (row.fatalitiesMin ?? -1) >= filter.minFatalities)
    .map((row) => row.summary)
    .sort();
}

/** Compares nullable values with nulls last in both directions. */
function compareNullable(a: number | null, b: number | null, direction: number): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return (a - b) * direction;
}

function compareIds(a: string, b: string, direction: number): number {
  return (a < b ? -1 : a > b ? 1 : 0) * direction;
}

function sortRows(rows: Row[], field: string, dir: string): Row[] {
  const d = dir === "ASC" ? 1 : -1;
  const compare = (a: Row, b: Row): number => {
    switch (field) {
      case "DATE":
        return (
          compareNullable(a.date?.getTime() ?? null, b.date?.getTime() ?? null, d) ||
          compareNullable(a.dateEarliest?.getTime() ?? null, b.dateEarliest?.getTime() ?? null, d) ||
          compareIds(a.id, b.id, d)
        );
      case "FATALITIES":
        return compareNullable(a.fatalitiesMin, b.fatalitiesMin, d) || compareIds(a.id, b.id, d);
      default:
        return (a.createdAt.getTime() - b.createdAt.getTime()) * d || compareIds(a.id, b.id, d);
    }
  };
  return [...rows].sort(compare);
}

// ---------------------------------------------------------------- data

async function makeIncident(data: Parameters<TestDatabase["prisma"]["incident"]["create"]>[0]["data"]): Promise<Incident> {
  const row = await db.prisma.incident.create({ data });
  made.set(row.summary, row);
  return row;
}

async function mention(incidentId: string, articleId: string, start: number): Promise<void> {
  await db.prisma.incidentMention.create({ data: { incidentId, articleId, start, end: start + 5, exact: "story", prefix: "", suffix: "" } });
}

beforeAll(async () => {
  db = await createTestDatabase({ exampleStory: true });
  seedArticleId = (await seedExampleStory(db.prisma)).articleId;
  places = new Map((await db.prisma.place.findMany()).map((place) => [place.name, place]));
  const basra = places.get("Basra")!;
  const tehran = places.get("Tehran")!;
  const israel = places.get("Israel")!;
  const evacuation = await db.prisma.incident.findFirstOrThrow({ where: { summary: EVACUATION } });

  const body = "Another story about the region. Another story about the region.";
  otherArticleId = (
    await db.prisma.article.create({
      data: { slug: "other-story", body, bodyHash: bodyHash(body), status: "PUBLISHED", publishedAt: day("2018-11-02") },
    })
  ).id;
  draftArticleId = (
    await db.prisma.article.create({ data: { slug: "draft-story", body, bodyHash: bodyHash(`${body}draft`), status: "DRAFT", publishedAt: null } })
  ).id;

  // 24 dated, undated and range-dated incidents across three places and none; pairs share a
  // date and a fatality count so the id tie-breaks are exercised.
  const types: IncidentType[] = ["attack", "protest", "explosion", "arrest"];
  const placeIds = [tehran.id, israel.id, basra.id, null];
  for (let index = 0; index < 24; index += 1) {
    const kind = index % 4;
    const date = kind === 0 || kind === 1 ? day(`2018-${String(10 + (Math.floor(index / 2) % 3)).padStart(2, "0")}-${String(1 + Math.floor(index / 6)).padStart(2, "0")}`) : null;
    const week = kind === 2 ? { dateEarliest: day(`2018-10-${String(index).padStart(2, "0")}`), dateLatest: day(`2018-10-${String(index + 6).padStart(2, "0")}`), datePrecision: "WEEK" as const } : {};
    await makeIncident({
      type: types[index % types.length]!,
      summary: `Generated incident ${String(index).padStart(2, "0")}`,
      date,
      datePrecision: date ? "DAY" : "UNKNOWN",
      ...week,
      placeId: placeIds[index % placeIds.length] ?? null,
      fatalitiesMin: index % 5 === 0 ? null : Math.floor(index / 3),
      fatalitiesMax: index % 5 === 0 ? null : Math.floor(index / 3) + 2,
    });
  }
  // Reported by the other story; "Generated incident 00" twice in it, and also in the draft.
  const first = made.get("Generated incident 00")!;
  await mention(first.id, otherArticleId, 0);
  await mention(first.id, otherArticleId, 32);
  await mention(first.id, draftArticleId, 0);
  await mention(made.get("Generated incident 01")!.id, otherArticleId, 8);

  await makeIncident({
    type: "riot", summary: "Pending machine suggestion", origin: "MACHINE", reviewStatus: "PENDING", confidence: 0.6,
    date: day("2018-10-02"), datePrecision: "DAY", placeId: basra.id, fatalitiesMin: 2, fatalitiesMax: 4,
  });
  await makeIncident({ type: "riot", summary: "Rejected machine suggestion", origin: "MACHINE", reviewStatus: "REJECTED", placeId: basra.id, date: day("2018-10-03") });
  await makeIncident({ type: "riot", summary: "Deleted incident", placeId: basra.id, date: day("2018-10-04"), deletedAt: new Date() });
  await makeIncident({
    type: "evacuation", summary: "Duplicate of the evacuation", placeId: basra.id, date: day("2018-09-28"), datePrecision: "DAY", mergedIntoId: evacuation.id,
  });
  // A chain: merged into the duplicate, which was merged into the evacuation.
  await makeIncident({ type: "evacuation", summary: "Older duplicate", placeId: basra.id, mergedIntoId: made.get("Duplicate of the evacuation")!.id });
  const pending = made.get("Pending machine suggestion")!;
  await mention(pending.id, otherArticleId, 16);

  // Twelve more published stories, each quoting Pompeo and reporting two generated incidents,
  // so that nested lists of different page sizes hold the same kinds of relations.
  const pompeo = await db.prisma.person.findFirstOrThrow({ where: { name: "Mike Pompeo" } });
  for (let index = 0; index < 12; index += 1) {
    const fillerBody = `Filler story ${index}: "We will respond," Pompeo said.`;
    const filler = await db.prisma.article.create({
      data: {
        slug: `filler-${index}`,
        body: fillerBody,
        bodyHash: bodyHash(fillerBody),
        status: "PUBLISHED",
        publishedAt: day(`2018-10-${String(index + 1).padStart(2, "0")}`),
        quotes: { create: { text: "We will respond,", start: 17, end: 33, kind: "DIRECT", speakerId: pompeo.id } },
      },
    });
    await mention(made.get(`Generated incident ${String(index + 2).padStart(2, "0")}`)!.id, filler.id, 0);
    await mention(made.get(`Generated incident ${String(index + 3).padStart(2, "0")}`)!.id, filler.id, 8);
  }
});

afterAll(async () => {
  await db.close();
});

// ---------------------------------------------------------------- the example story

describe("the example story's incidents", () => {
  it("answers one incident with its place, casualty ranges, date range, articles and spans", async () => {
    const parade = await db.prisma.incident.findFirstOrThrow({ where: { summary: PARADE } });
    const data = await runOk<{
      incident: {
        id: string; type: string; summary: string; date: string | null; datePrecision: string; dateRange: { earliest: string; latest: string };
        place: { name: string; countryCode: string; coordinates: { latitude: number; longitude: number } };
        fatalities: { min: number | null; max: number | null }; injuries: { min: number | null; max: number | null };
        attributedTo: string | null; blamedBy: string | null; status: string; origin: string; reviewStatus: string; mergedInto: null; version: number;
        articles: Page<{ slug: string }>;
        mentions: Page<{ span: { start: number; end: number; exact: string; prefix: string; suffix: string }; anchorState: string; incident: { id: string }; article: { slug: string; body: string } }>;
      };
    }>(
      "VIEWER",
      `query($id: ID!) { incident(id: $id) { id type summary date datePrecision dateRange { earliest latest }
        place { name countryCode coordinates { latitude longitude } } fatalities { min max } injuries { min max }
        attributedTo blamedBy status origin reviewStatus mergedInto { id } version
        articles { totalCount edges { node { slug } } }
        mentions { totalCount edges { node { span { start end exact prefix suffix } anchorState incident { id } article { slug body } } } } } }`,
      { id: toGlobalId("Incident", parade.id) },
    );
    const incident = data.incident;
    expect(incident).toMatchObject({
      id: toGlobalId("Incident", parade.id),
      type: "attack",
      summary: PARADE,
      date: null,
      datePrecision: "WEEK",
      dateRange: { earliest: "2018-09-17", latest: "2018-09-23" },
      place: { name: "Iran", countryCode: "IR", coordinates: { latitude: 32, longitude: 53 } },
      fatalities: { min: 25, max: null },
      injuries: { min: null, max: null },
      blamedBy: "Iran blamed the U.S. and Israel",
      status: "REPORTED",
      // Suggested by ingest and accepted by the seed editor (the acceptance is its first change).
      origin: "MACHINE",
      reviewStatus: "ACCEPTED",
      mergedInto: null,
      version: 2,
    });
    expect(incident.articles.totalCount).toBe(1);
    expect(incident.articles.edges.map((edge) => edge.node.slug)).toEqual([SLUG]);
    expect(incident.mentions.totalCount).toBe(1);
    const [span] = incident.mentions.edges;
    // Ingest keeps the sentence that reports it.
    expect(span!.node.span.exact).toContain("last week’s deadly Iranian military parade attack");
    expect(span!.node.article.body.slice(span!.node.span.start, span!.node.span.end)).toBe(span!.node.span.exact);
    expect(span!.node.article.body.slice(span!.node.span.start - span!.node.span.prefix.length, span!.node.span.start)).toBe(span!.node.span.prefix);
    expect(span!.node.span.suffix.length).toBeGreaterThan(0);
    expect(span!.node.anchorState).toBe("ANCHORED");
    expect(span!.node.incident.id).toBe(incident.id);
  });

  it("answers a DAY incident's range as its day, and the clash's injuries", async () => {
    const data = await runOk<{ incidents: Page<{ summary: string; dateRange: { earliest: string | null; latest: string | null }; injuries: { min: number | null } }> }>(
      "VIEWER",
      `{ incidents(filter: { type: [evacuation, armed_clash] }) { edges { node { summary dateRange { earliest latest } injuries { min } } } } }`,
    );
    const bySummary = new Map(data.incidents.edges.map((edge) => [edge.node.summary, edge.node]));
    expect(bySummary.get(EVACUATION)?.dateRange).toEqual({ earliest: "2018-09-28", latest: "2018-09-28" });
    // The story gives the clash no date: ingest stores "no later than the publication day", and the
    // range says so with no earliest day (the filter and the charts read it as undated).
    expect(bySummary.get(CLASH)).toEqual({ summary: CLASH, dateRange: { earliest: null, latest: "2018-09-28" }, injuries: { min: 100 } });
  });

  it("lists the story's incidents on the article, newest first, undated last", async () => {
    const data = await runOk<{ article: { incidents: Page<{ summary: string; place: { name: string } | null }> } }>(
      "VIEWER",
      `{ article(slug: "${SLUG}") { incidents { totalCount edges { node { summary place { name } } } } } }`,
    );
    const rows = await db.prisma.incident.findMany({ where: { summary: { in: [PROTEST, CLASH, EMBASSY] } } });
    const undated = rows.sort((a, b) => (a.id < b.id ? 1 : -1)).map((row) => row.summary);
    expect(data.article.incidents.totalCount).toBe(6);
    expect(data.article.incidents.edges.map((edge) => edge.node.summary)).toEqual([EVACUATION, PARADE, ROCKETS, ...undated]);
    expect(data.article.incidents.edges.map((edge) => edge.node.place?.name)).toEqual(["Basra", "Iran", "Basra", ...undated.map((summary) => (summary === EMBASSY ? "Baghdad" : "Basra"))]);
  });

  it("pages through an article's incidents with cursors", async () => {
    const query = `query($after: String) { article(slug: "${SLUG}") { incidents(first: 4, after: $after) { edges { node { summary } } pageInfo { hasNextPage endCursor } } } }`;
    type Data = { article: { incidents: Page<{ summary: string }> } };
    const first = await runOk<Data>("VIEWER", query);
    expect(first.article.incidents.edges).toHaveLength(4);
    expect(first.article.incidents.pageInfo.hasNextPage).toBe(true);
    const second = await runOk<Data>("VIEWER", query, { after: first.article.incidents.pageInfo.endCursor });
    expect(second.article.incidents.edges).toHaveLength(2);
    expect(second.article.incidents.pageInfo.hasNextPage).toBe(false);
    const all = [...first.article.incidents.edges, ...second.article.incidents.edges].map((edge) => edge.node.summary);
    expect(new Set(all).size).toBe(6);
  });

  it("lists Basra's incidents: seed ones for a viewer, newest first", async () => {
    const basra = toGlobalId("Place", places.get("Basra")!.id);
    const page = await listPage("VIEWER", { filter: { placeId: basra } });
    const undated = (await db.prisma.incident.findMany({ where: { summary: { in: [PROTEST, CLASH] } } }))
      .sort((a, b) => (a.id < b.id ? 1 : -1))
      .map((row) => row.summary);
    // Generated incidents at Basra come too: the seed ones keep their relative order.
    const seedOnly = page.edges.map((edge) => edge.node.summary).filter((summary) => [EVACUATION, ROCKETS, PROTEST, CLASH].includes(summary));
    expect(seedOnly).toEqual([EVACUATION, ROCKETS, ...undated]);
  });
});

// ---------------------------------------------------------------- filters

describe("incidents(filter:)", () => {
  it("filters by type, place, country and minimum fatalities, alone and together", async () => {
    const rows = await allRows();
    const tehran = toGlobalId("Place", places.get("Tehran")!.id);
    const filters: Filter[] = [
      {},
      { type: ["attack"] },
      { type: ["attack", "protest"] },
      { type: [] },
      { placeId: tehran },
      { country: "IQ" },
      { country: "ir" },
      { country: "US" },
      { minFatalities: 0 },
      { minFatalities: 13 },
      { minFatalities: 25 },
      { type: ["attack"], country: "IR", minFatalities: 1 },
    ];
    for (const filter of filters) {
      for (const role of ["VIEWER", "REPORTER"] as const) {
        expect({ filter, role, got: await summaries(role, { ...filter }) }).toEqual({ filter, role, got: expected(role, rows, filter) });
      }
    }
    expect(await summaries("VIEWER", { type: ["attack"], country: "IR" })).toContain(PARADE);
    expect(await summaries("VIEWER", { minFatalities: 13 })).toEqual(expect.arrayContaining([PARADE, CLASH]));
  });

  it("matches dates by overlap with the incident's range, week-precision ranges included", async () => {
    const rows = await allRows();
    // Between the rockets (07..14 September) and the parade (17..23 September): neither.
    expect(await summaries("VIEWER", { from: "2018-09-15", to: "2018-09-16" })).toEqual([]);
    // Touching both ranges at their ends: both.
    expect(await summaries("VIEWER", { from: "2018-09-14", to: "2018-09-17" })).toEqual([PARADE, ROCKETS].sort());
    // Inside the parade's week.
    expect(await summaries("VIEWER", { from: "2018-09-20", to: "2018-09-20" })).toEqual([PARADE]);
    // Only `to`: what can have happened by 10 September; only `from`: from 20 September on.
    expect(await summaries("VIEWER", { to: "2018-09-10" })).toEqual([ROCKETS]);
    const late = await summaries("VIEWER", { from: "2018-09-20" });
    expect(late).toEqual(expect.arrayContaining([PARADE, EVACUATION]));
    expect(late).not.toContain(ROCKETS);
    // Undated incidents match a date filter only when asked for, and then whatever the range.
    expect(late).not.toContain(PROTEST);
    expect(late).not.toContain(EMBASSY);
    const withUndated = await summaries("VIEWER", { from: "2018-09-20", includeUndated: true });
    expect(withUndated).toEqual(expect.arrayContaining([PARADE, EVACUATION, PROTEST, EMBASSY]));
    expect(withUndated).not.toContain(ROCKETS);
    expect(await summaries("VIEWER", { from: "2018-09-15", to: "2018-09-16", includeUndated: true })).toEqual(expect.arrayContaining([PROTEST, EMBASSY]));
    // Without a range there is nothing to leave out: the flag changes nothing.
    expect(await summaries("VIEWER", { includeUndated: true })).toEqual(await summaries("VIEWER", {}));
    for (const filter of [
      { from: "2018-09-20" },
      { to: "2018-10-05" },
      { from: "2018-10-03", to: "2018-10-10" },
      { from: "2018-10-15", to: "2018-11-30", type: ["attack", "explosion"] as IncidentType[] },
    ]) {
      for (const role of ["VIEWER", "REPORTER"] as const) {
        expect({ filter, role, got: await summaries(role, filter) }).toEqual({ filter, role, got: expected(role, rows, filter) });
      }
    }
  });
});

// ---------------------------------------------------------------- ordering and paging

describe("incidents(orderBy:) and paging", () => {
  it("pages through every listed incident exactly once in every ordering, in that ordering", async () => {
    const rows = (await allRows()).filter((row) => listedFor("REPORTER", row));
    for (const field of ["DATE", "FATALITIES", "CREATED_AT"]) {
      for (const direction of ["ASC", "DESC"]) {
        const orderBy = { field, direction };
        const unpaged = (await listPage("REPORTER", { orderBy, first: 100 })).edges.map((edge) => edge.node.id);
        const paged = (await listAll("REPORTER", { orderBy })).map((node) => node.id);
        const want = sortRows(rows, field, direction).map((row) => toGlobalId("Incident", row.id));
        expect({ orderBy, paged }).toEqual({ orderBy, paged: want });
        expect({ orderBy, unpaged }).toEqual({ orderBy, unpaged: want });
        expect(new Set(paged).size).toBe(paged.length);
      }
    }
  });

  it("defaults to newest first and pages a filtered list too", async () => {
    const rows = (await allRows()).filter((row) => listedFor("VIEWER", row) && row.type === "attack");
    const paged = await listAll("VIEWER", { filter: { type: ["attack"] } }, 2);
    expect(paged.map((node) => node.id)).toEqual(sortRows(rows, "DATE", "DESC").map((row) => toGlobalId("Incident", row.id)));
  });

  it("refuses a cursor of another ordering, a forged cursor and bad page sizes", async () => {
    const page = await listPage("VIEWER", { first: 2 });
    const cursor = page.pageInfo.endCursor;
    expect(await errorCode("VIEWER", LIST, { first: 2, after: cursor, orderBy: { field: "FATALITIES", direction: "DESC" } })).toBe("BAD_USER_INPUT");
    expect(await errorCode("VIEWER", LIST, { first: 2, after: cursor, orderBy: { field: "DATE", direction: "ASC" } })).toBe("BAD_USER_INPUT");
    expect(await errorCode("VIEWER", LIST, { first: 2, after: "not-a-cursor" })).toBe("BAD_USER_INPUT");
    const forged = Buffer.from(JSON.stringify({ k: "incidents:date:desc", v: ["yesterday", null, "x"] })).toString("base64url");
    expect(await errorCode("VIEWER", LIST, { first: 2, after: forged })).toBe("BAD_USER_INPUT");
    for (const first of [0, -1, 101]) expect(await errorCode("VIEWER", LIST, { first })).toBe("BAD_USER_INPUT");
  });
});

// ---------------------------------------------------------------- bad input

describe("bad input", () => {
  it("refuses inverted ranges, bad countries, negative fatalities and malformed or mistyped ids", async () => {
    const article = toGlobalId("Article", seedArticleId);
    for (const filter of [
      { from: "2018-10-02", to: "2018-10-01" },
      { country: "IRQ" },
      { country: "I" },
      { country: "1Q" },
      { country: "" },
      { country: "' OR 1=1 --" },
      { minFatalities: -1 },
      { placeId: "not-an-id" },
      { placeId: article },
    ]) {
      expect({ filter, code: await errorCode("VIEWER", LIST, { filter }) }).toEqual({ filter, code: "BAD_USER_INPUT" });
    }
  });

  it("answers incident(id) null for an unknown id and BAD_USER_INPUT for a malformed one", async () => {
    const query = `query($id: ID!) { incident(id: $id) { id } }`;
    const unknown = toGlobalId("Incident", "00000000-0000-7000-8000-000000000000");
    expect((await runOk<{ incident: unknown }>("VIEWER", query, { id: unknown })).incident).toBeNull();
    expect(await errorCode("VIEWER", query, { id: "garbage" })).toBe("BAD_USER_INPUT");
    expect(await errorCode("VIEWER", query, { id: toGlobalId("Place", places.get("Basra")!.id) })).toBe("BAD_USER_INPUT");
  });

  it("gives an empty list for a well-formed place id that does not exist", async () => {
    expect(await summaries("VIEWER", { placeId: toGlobalId("Place", "00000000-0000-7000-8000-000000000000") })).toEqual([]);
  });
});

// ---------------------------------------------------------------- visibility

describe("visibility", () => {
  const ONE = `query($id: ID!) { incident(id: $id) { id summary reviewStatus mergedInto { id } } node(id: $id) { id ... on Incident { summary mergedInto { summary } } } }`;
  type One = { incident: { id: string; summary: string; reviewStatus: string } | null; node: { id: string; summary: string; mergedInto: { summary: string } | null } | null };

  it("shows a pending suggestion to reporters only, everywhere", async () => {
    const pending = made.get("Pending machine suggestion")!;
    const id = toGlobalId("Incident", pending.id);
    const asViewer = await runOk<One>("VIEWER", ONE, { id });
    expect(asViewer).toEqual({ incident: null, node: null });
    const asReporter = await runOk<One>("REPORTER", ONE, { id });
    expect(asReporter.incident).toMatchObject({ id, reviewStatus: "PENDING" });
    expect(await summaries("VIEWER", {})).not.toContain(pending.summary);
    expect(await summaries("REPORTER", {})).toContain(pending.summary);

    const basra = toGlobalId("Place", places.get("Basra")!.id);
    const placeQuery = `query($id: ID!) { place(id: $id) { incidents(first: 100) { totalCount edges { node { summary } } } } }`;
    type PlaceData = { place: { incidents: Page<{ summary: string }> } };
    const viewerPlace = await runOk<PlaceData>("VIEWER", placeQuery, { id: basra });
    const reporterPlace = await runOk<PlaceData>("REPORTER", placeQuery, { id: basra });
    expect(viewerPlace.place.incidents.edges.map((edge) => edge.node.summary)).not.toContain(pending.summary);
    expect(reporterPlace.place.incidents.edges.map((edge) => edge.node.summary)).toContain(pending.summary);
    const rows = await allRows();
    expect(viewerPlace.place.incidents.totalCount).toBe(expected("VIEWER", rows, { placeId: basra }).length);
    expect(reporterPlace.place.incidents.totalCount).toBe(expected("REPORTER", rows, { placeId: basra }).length);

    const articleQuery = `{ article(slug: "other-story") { incidents { totalCount edges { node { summary } } } } }`;
    type ArticleData = { article: { incidents: Page<{ summary: string }> } };
    expect((await runOk<ArticleData>("VIEWER", articleQuery)).article.incidents.edges.map((edge) => edge.node.summary)).not.toContain(pending.summary);
    expect((await runOk<ArticleData>("REPORTER", articleQuery)).article.incidents.edges.map((edge) => edge.node.summary)).toContain(pending.summary);
  });

  it("never shows rejected or deleted incidents, not even to editors", async () => {
    for (const summary of ["Rejected machine suggestion", "Deleted incident"]) {
      const id = toGlobalId("Incident", made.get(summary)!.id);
      expect(await runOk<One>("ADMIN", ONE, { id })).toEqual({ incident: null, node: null });
      expect(await summaries("ADMIN", {})).not.toContain(summary);
    }
  });

  it("leaves merged incidents out of lists; their id answers the incident they were merged into", async () => {
    const evacuation = await db.prisma.incident.findFirstOrThrow({ where: { summary: EVACUATION } });
    for (const summary of ["Duplicate of the evacuation", "Older duplicate"]) {
      const id = toGlobalId("Incident", made.get(summary)!.id);
      const data = await runOk<One>("VIEWER", ONE, { id });
      expect(data.incident).toMatchObject({ id: toGlobalId("Incident", evacuation.id), summary: EVACUATION });
      // node(id) answers the record itself, which says where it went.
      expect(data.node?.summary).toBe(summary);
      expect(data.node?.mergedInto?.summary).toBe(summary === "Older duplicate" ? "Duplicate of the evacuation" : EVACUATION);
      expect(await summaries("EDITOR", {})).not.toContain(summary);
      expect(await summaries("EDITOR", { type: ["evacuation"] })).toEqual([EVACUATION]);
    }
  });

  it("lists an incident's articles newest first, once each, drafts for reporters only", async () => {
    const id = toGlobalId("Incident", made.get("Generated incident 00")!.id);
    const query = `query($id: ID!) { incident(id: $id) { articles { totalCount edges { node { slug } } } mentions { totalCount edges { node { article { slug } span { start } } } } } }`;
    type Data = { incident: { articles: Page<{ slug: string }>; mentions: Page<{ article: { slug: string }; span: { start: number } }> } };
    const asViewer = await runOk<Data>("VIEWER", query, { id });
    expect(asViewer.incident.articles.edges.map((edge) => edge.node.slug)).toEqual(["other-story"]);
    expect(asViewer.incident.articles.totalCount).toBe(1);
    expect(asViewer.incident.mentions.edges.map((edge) => edge.node.span.start)).toEqual([0, 32]);
    expect(asViewer.incident.mentions.totalCount).toBe(2);
    const asReporter = await runOk<Data>("REPORTER", query, { id });
    // The draft is undated, so it comes after the published story.
    expect(asReporter.incident.articles.edges.map((edge) => edge.node.slug)).toEqual(["other-story", "draft-story"]);
    expect(asReporter.incident.articles.totalCount).toBe(2);
    expect(asReporter.incident.mentions.totalCount).toBe(3);
    const other = await runOk<{ article: { incidents: Page<{ summary: string }> } }>(
      "VIEWER",
      `{ article(slug: "other-story") { incidents { totalCount edges { node { summary } } } } }`,
    );
    expect(other.article.incidents.edges.map((edge) => edge.node.summary).sort()).toEqual(["Generated incident 00", "Generated incident 01"]);
    expect(other.article.incidents.totalCount).toBe(2);
  });
});

// ---------------------------------------------------------------- statement budget

describe("statement counts", () => {
  it("keeps incidents { place articles mentions } constant across page sizes", async () => {
    // Oldest records first, so that both pages hold incidents with places, articles and spans.
    const query = `query($first: Int) { incidents(first: $first, orderBy: { field: CREATED_AT, direction: ASC }) { edges { node { summary place { name } mergedInto { id }
      articles(first: 3) { edges { node { slug } } } mentions(first: 3) { edges { node { span { exact } article { slug } } } } } } } }`;
    const small = await run("VIEWER", query, { first: 2 });
    const large = await run("VIEWER", query, { first: 30 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    // incidents, places, articles, mentions, mention articles.
    expect(large.statements).toHaveLength(small.statements.length);
    expect(small.statements.length).toBeLessThanOrEqual(5);
  });

  it("keeps articles { incidents { place } } constant across page sizes", async () => {
    const query = `query($first: Int) { articles(first: $first) { edges { node { slug incidents { edges { node { type place { name } } } } } } } }`;
    const small = await run("VIEWER", query, { first: 2 });
    const large = await run("VIEWER", query, { first: 20 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.statements).toHaveLength(small.statements.length);
    // The articles, then their incidents with places in one planned statement (src/graphql/planner.ts).
    expect(small.statements).toHaveLength(2);
  });

  it("keeps the issue's nested dashboard query within 6 statements for any page size", async () => {
    const query = `query($first: Int) { articles(first: $first) { edges { node {
      quotes(first: 5) { edges { node { text speaker { name } } } }
      incidents { edges { node { type place { name } } } } } } } }`;
    const counts: number[] = [];
    for (const first of [2, 5, 50]) {
      const result = await run("VIEWER", query, { first });
      expect(result.errors).toBeUndefined();
      counts.push(result.statements.length);
    }
    expect(new Set(counts).size).toBe(1);
    expect(counts[0]).toBeLessThanOrEqual(6);
  });

  it("computes totalCount only when selected", async () => {
    const without = await run("VIEWER", `{ incidents { edges { node { summary } } } }`);
    const withCount = await run("VIEWER", `{ incidents { totalCount edges { node { summary } } } }`);
    expect(without.statements).toHaveLength(1);
    expect(withCount.statements).toHaveLength(2);
  });
});

// ---------------------------------------------------------------- a generated corpus

describe("on a generated corpus", () => {
  let corpus: TestDatabase;
  const onCorpus = operationsOn(() => corpus);

  beforeAll(async () => {
    corpus = await createTestDatabase({ exampleStory: true });
    await seedExampleStory(corpus.prisma);
    await generateCorpus(corpus.prisma, { articles: 200 });
  }, 120_000);

  afterAll(async () => {
    await corpus.close();
  });

  async function corpusPage(role: Role, variables: Record<string, unknown>) {
    return (await onCorpus.runOk<{ incidents: Page<IncidentNode> }>(role, LIST, variables)).incidents;
  }

  it("pages through every listed incident once, in date order, for viewers and reporters", async () => {
    const rows = await corpus.prisma.incident.findMany({ include: ROW });
    for (const role of ["VIEWER", "REPORTER"] as const) {
      const want = sortRows(rows.filter((row) => listedFor(role, row)), "DATE", "DESC").map((row) => toGlobalId("Incident", row.id));
      const { nodes } = await pageThrough((after) => corpusPage(role, { first: 40, after }));
      expect(nodes.map((node) => node.id)).toEqual(want);
      expect((await corpusPage(role, { first: 1 })).totalCount).toBe(want.length);
    }
    // The corpus has pending, rejected and merged incidents, so the two lists differ.
    expect(rows.some((row) => row.mergedIntoId !== null)).toBe(true);
    expect(rows.some((row) => row.reviewStatus === "PENDING")).toBe(true);
  });

  it("filters by country and date like the rows say", async () => {
    const rows = await corpus.prisma.incident.findMany({ include: ROW });
    const country = rows.find((row) => row.place?.countryCode)!.place!.countryCode!;
    const dated = rows.map((row) => row.date ?? row.dateEarliest).filter((date): date is Date => date !== null).sort((a, b) => a.getTime() - b.getTime());
    const middle = dated[Math.floor(dated.length / 2)]!.toISOString().slice(0, 10);
    for (const filter of [{ country }, { from: middle }, { to: middle, country }, { minFatalities: 5, type: ["attack", "explosion"] as IncidentType[] }]) {
      const page = await corpusPage("VIEWER", { filter, first: 100 });
      const want = expected("VIEWER", rows, filter);
      expect(page.totalCount).toBe(want.length);
      if (want.length <= 100) expect(page.edges.map((edge) => edge.node.summary).sort()).toEqual(want);
    }
  });

  it("keeps the nested dashboard query at the same statement count (at most 6) for 5 and 50 articles", async () => {
    const query = `query($first: Int) { articles(first: $first) { edges { node {
      quotes(first: 5) { edges { node { text speaker { name } } } }
      incidents { edges { node { type place { name } } } } } } } }`;
    const small = await onCorpus.run("VIEWER", query, { first: 5 });
    const large = await onCorpus.run("VIEWER", query, { first: 50 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.statements).toHaveLength(small.statements.length);
    expect(small.statements.length).toBeLessThanOrEqual(6);
  });

  it("keeps places { incidents { place articles } } constant across page sizes", async () => {
    const query = `query($first: Int) { places(first: $first) { edges { node { name incidents(first: 5) { totalCount edges { node { place { name } articles(first: 2) { edges { node { slug } } } } } } } } } }`;
    const small = await onCorpus.run("VIEWER", query, { first: 5 });
    const large = await onCorpus.run("VIEWER", query, { first: 100 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.statements).toHaveLength(small.statements.length);
  });
});
