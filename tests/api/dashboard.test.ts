import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Incident, Place } from "../../src/generated/prisma/client.js";
import { AnnotationMotivation, AnnotationStatus, VerificationStatus, type PersonKind, type Role } from "../../src/generated/prisma/enums.js";
import { toGlobalId } from "../../src/graphql/ids.js";
import { generateCorpus } from "../../src/seed/corpus.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { bodyHash, operationsOn } from "../support/graphql.js";

// The dashboard aggregates on the example story plus rows made here that each rule must count
// or leave out (drafts, deleted and rejected records, pending suggestions, merged incidents,
// replies). Every expected number is computed in this file from the rows themselves.

let db: TestDatabase;
let seedArticleId: string;
/** The example story's quotes: as many as ingest found (tests/db/seed.test.ts checks them against the answer key). */
let storyQuotes: number;
let laterArticleId: string;
let places: Map<string, Place>;

function day(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

const { run, runOk, errorCode } = operationsOn(() => db);

const PUBLIC = ["PUBLISHED", "CORRECTED", "RETRACTED"];

/** Whether a published article reports the incident: viewers see no other (issue 21). */
function reportedInPublic(mentions: readonly { reviewStatus: string; article: { status: string; deletedAt: Date | null } }[]): boolean {
  return mentions.some((mention) => mention.reviewStatus === "ACCEPTED" && mention.article.deletedAt === null && PUBLIC.includes(mention.article.status));
}

function statusesFor(role: Role): string[] {
  return role === "VIEWER" ? ["ACCEPTED"] : ["ACCEPTED", "PENDING"];
}

// ---------------------------------------------------------------- quotes, restated for checking

async function visibleQuoteRows(role: Role) {
  const rows = await db.prisma.quote.findMany({ include: { article: true, speaker: true } });
  return rows.filter(
    (quote) =>
      quote.deletedAt === null &&
      statusesFor(role).includes(quote.reviewStatus) &&
      quote.article.deletedAt === null &&
      (role !== "VIEWER" || PUBLIC.includes(quote.article.status)),
  );
}

function publishedWithin(publishedAt: Date | null, from?: string, to?: string): boolean {
  if (!from && !to) return true;
  if (!publishedAt) return false;
  return (!from || publishedAt >= day(from)) && (!to || publishedAt.getTime() < day(to).getTime() + 86_400_000);
}

async function expectedSpeakers(role: Role, args: { from?: string; to?: string; kind?: PersonKind; first?: number }) {
  const counts = new Map<string, { name: string; quotes: number }>();
  for (const quote of await visibleQuoteRows(role)) {
    const speaker = quote.speaker;
    if (!speaker || speaker.deletedAt !== null || !statusesFor(role).includes(speaker.reviewStatus)) continue;
    if (args.kind && speaker.kind !== args.kind) continue;
    if (!publishedWithin(quote.article.publishedAt, args.from, args.to)) continue;
    const entry = counts.get(speaker.id) ?? { name: speaker.name, quotes: 0 };
    entry.quotes += 1;
    counts.set(speaker.id, entry);
  }
  return [...counts]
    .sort(([idA, a], [idB, b]) => b.quotes - a.quotes || (idA < idB ? -1 : 1))
    .slice(0, args.first ?? 10)
    .map(([, entry]) => entry);
}

// ---------------------------------------------------------------- incidents, restated for checking

type IncidentRow = Incident & { place: Place | null };

/** The day an incident is charted on: its date, else the first day of a range known at both ends; a one-sided range is undated. */
function incidentDay(row: Incident): Date | null {
  return row.date ?? (row.dateLatest ? row.dateEarliest : null);
}

interface Sums {
  incidents: number;
  fatalitiesMin: number;
  fatalitiesMax: number;
  injuriesMin: number;
}

function add(sums: Sums, row: Incident): Sums {
  return {
    incidents: sums.incidents + 1,
    fatalitiesMin: sums.fatalitiesMin + (row.fatalitiesMin ?? 0),
    fatalitiesMax: sums.fatalitiesMax + (row.fatalitiesMax ?? row.fatalitiesMin ?? 0),
    injuriesMin: sums.injuriesMin + (row.injuriesMin ?? 0),
  };
}

const ZERO: Sums = { incidents: 0, fatalitiesMin: 0, fatalitiesMax: 0, injuriesMin: 0 };

async function countedIncidents(role: Role, filter: { type?: string[]; country?: string; placeId?: string; from?: string; to?: string }): Promise<IncidentRow[]> {
  const rows = await db.prisma.incident.findMany({ include: { place: true, mentions: { include: { article: true } } } });
  return rows.filter((row) => {
    if (row.deletedAt !== null || row.mergedIntoId !== null || !statusesFor(role).includes(row.reviewStatus)) return false;
    if (role === "VIEWER" && !reportedInPublic(row.mentions)) return false;
    if (filter.type && !filter.type.includes(row.type)) return false;
    if (filter.country && row.place?.countryCode !== filter.country) return false;
    if (filter.placeId && row.placeId !== filter.placeId) return false;
    const when = incidentDay(row);
    if ((filter.from || filter.to) && !when) return false;
    if (filter.from && when! < day(filter.from)) return false;
    if (filter.to && when! > day(filter.to)) return false;
    return true;
  });
}

// ---------------------------------------------------------------- data

beforeAll(async () => {
  db = await createTestDatabase({ exampleStory: true });
  seedArticleId = (await seedExampleStory(db.prisma)).articleId;
  storyQuotes = await db.prisma.quote.count({ where: { articleId: seedArticleId } });
  places = new Map((await db.prisma.place.findMany()).map((place) => [place.name, place]));
  const people = new Map((await db.prisma.person.findMany()).map((person) => [person.name, person]));
  const pompeo = people.get("Mike Pompeo")!;
  const sanders = people.get("Sarah Sanders")!;
  const nauert = people.get("Heather Nauert")!;
  const ghost = await db.prisma.person.create({ data: { name: "Deleted Person", deletedAt: new Date() } });

  const article = async (slug: string, data: { status: "PUBLISHED" | "DRAFT"; publishedAt: Date | null; deletedAt?: Date }) =>
    (await db.prisma.article.create({ data: { slug, body: `Body of ${slug}.`, bodyHash: bodyHash(slug), ...data } })).id;
  laterArticleId = await article("later", { status: "PUBLISHED", publishedAt: day("2019-03-10") });
  const draftId = await article("draft", { status: "DRAFT", publishedAt: null });
  const deletedId = await article("deleted", { status: "PUBLISHED", publishedAt: day("2018-09-29"), deletedAt: new Date() });
  const boundaryId = await article("boundary", { status: "PUBLISHED", publishedAt: new Date("2018-09-30T23:59:00Z") });

  const quote = (articleId: string, speakerId: string, extra: Record<string, unknown> = {}) =>
    db.prisma.quote.create({ data: { articleId, speakerId, text: "quoted words", start: 0, end: 6, kind: "DIRECT", ...extra } });
  await quote(laterArticleId, pompeo.id, { verification: "VERIFIED" });
  await quote(laterArticleId, pompeo.id, { verification: "DISPUTED" });
  await quote(laterArticleId, pompeo.id, { reviewStatus: "REJECTED", verification: "VERIFIED" });
  await quote(laterArticleId, sanders.id, { deletedAt: new Date() });
  await quote(laterArticleId, nauert.id, { reviewStatus: "PENDING", origin: "MACHINE", verification: "MISATTRIBUTED" });
  await quote(laterArticleId, ghost.id);
  await quote(draftId, sanders.id);
  await quote(draftId, sanders.id, { verification: "VERIFIED" });
  await quote(deletedId, pompeo.id);
  await quote(boundaryId, sanders.id);

  const tehran = places.get("Tehran")!.id;
  const baghdad = places.get("Baghdad")!.id;
  const basra = places.get("Basra")!.id;
  const evacuation = await db.prisma.incident.findFirstOrThrow({ where: { type: "evacuation" } });
  await db.prisma.incident.createMany({
    data: [
      { type: "attack", summary: "Tehran attack", placeId: tehran, date: day("2018-11-04"), datePrecision: "DAY", fatalitiesMin: 3, fatalitiesMax: 10, injuriesMin: 4 },
      { type: "explosion", summary: "Baghdad blast", placeId: baghdad, date: day("2018-11-20"), datePrecision: "DAY", fatalitiesMin: 5 },
      { type: "riot", summary: "Pending riot", placeId: basra, date: day("2018-10-02"), datePrecision: "DAY", fatalitiesMin: 2, fatalitiesMax: 4, reviewStatus: "PENDING", origin: "MACHINE" },
      { type: "riot", summary: "Rejected riot", placeId: basra, date: day("2018-10-03"), fatalitiesMin: 100, reviewStatus: "REJECTED" },
      { type: "riot", summary: "Deleted riot", placeId: basra, date: day("2018-10-04"), fatalitiesMin: 100, deletedAt: new Date() },
      { type: "evacuation", summary: "Merged duplicate", placeId: basra, date: day("2018-09-28"), fatalitiesMin: 100, mergedIntoId: evacuation.id },
      { type: "protest", summary: "Placeless protest", date: day("2019-01-15"), datePrecision: "DAY", fatalitiesMin: 0, fatalitiesMax: 0, injuriesMin: 7 },
      { type: "arrest", summary: "Known only by its last day", placeId: tehran, dateLatest: day("2018-12-05"), fatalitiesMin: 1, fatalitiesMax: 1 },
      { type: "attack", summary: "Long ago", placeId: baghdad, date: day("2017-05-01"), datePrecision: "DAY", fatalitiesMin: 9 },
    ],
  });

  const editor = await db.prisma.user.create({ data: { name: "desk editor", role: "EDITOR" } });
  const note = (data: Record<string, unknown>) =>
    db.prisma.annotation.create({ data: { targetType: "ARTICLE", motivation: "commenting", authorId: editor.id, articleId: seedArticleId, ...data } });
  const parent = await note({});
  await note({});
  await note({ motivation: "questioning", status: "RESOLVED" });
  await note({ motivation: "questioning", parentId: parent.id });
  await note({ motivation: "tagging", deletedAt: new Date() });
  await note({ motivation: "assessing", articleId: laterArticleId });
  await note({ motivation: "editing", articleId: draftId });
  await note({ motivation: "linking", articleId: deletedId });
  await note({ motivation: "identifying", targetType: "PERSON", articleId: null, personId: pompeo.id, status: "RESOLVED" });
});

afterAll(async () => {
  await db.close();
});

// ---------------------------------------------------------------- quotes per speaker

describe("quoteCountsBySpeaker", () => {
  const QUERY = `query($dates: DateRangeInput, $kind: PersonKind, $first: Int) {
    quoteCountsBySpeaker(dates: $dates, kind: $kind, first: $first) { quotes person { name kind } } }`;
  type Data = { quoteCountsBySpeaker: { quotes: number; person: { name: string; kind: string } }[] };

  it("counts the story's quotes by speaker", async () => {
    const data = await runOk<Data>("VIEWER", QUERY, { dates: { from: "2018-09-28", to: "2018-09-28" } });
    const story = await db.prisma.quote.groupBy({ by: ["speakerId"], where: { articleId: seedArticleId }, _count: { _all: true } });
    expect(data.quoteCountsBySpeaker.reduce((sum, row) => sum + row.quotes, 0)).toBe(storyQuotes);
    expect(data.quoteCountsBySpeaker).toHaveLength(story.length);
    expect(data.quoteCountsBySpeaker.map((row) => row.person.name)).toContain("a senior administration official");
    const quotes = data.quoteCountsBySpeaker.map((row) => row.quotes);
    expect(quotes).toEqual([...quotes].sort((a, b) => b - a));
  });

  it("agrees with counts computed from the rows, for every role, range, kind and size", async () => {
    for (const role of ["VIEWER", "REPORTER"] as const) {
      for (const args of [
        {},
        { from: "2018-09-28", to: "2018-09-30" },
        { from: "2019-01-01" },
        { to: "2018-12-31" },
        { kind: "ANONYMOUS" as const },
        { kind: "NAMED" as const, first: 2 },
        { first: 1 },
      ]) {
        const data = await runOk<Data>(role, QUERY, {
          dates: args.from || args.to ? { from: args.from, to: args.to } : null,
          kind: args.kind,
          first: args.first,
        });
        const got = data.quoteCountsBySpeaker.map((row) => ({ name: row.person.name, quotes: row.quotes }));
        expect({ role, args, got }).toEqual({ role, args, got: await expectedSpeakers(role, args) });
      }
    }
  });

  it("counts drafts and pending quotes for reporters only, and never rejected, deleted or deleted people's quotes", async () => {
    const total = async (role: Role) =>
      (await runOk<Data>(role, QUERY, { first: 100 })).quoteCountsBySpeaker.reduce((sum, row) => sum + row.quotes, 0);
    // The story's, the later story's verified and disputed ones, the boundary story's one.
    expect(await total("VIEWER")).toBe(storyQuotes + 3);
    // Plus the two draft quotes and the pending one.
    expect(await total("REPORTER")).toBe(storyQuotes + 6);
  });

  it("includes the whole last day of the range", async () => {
    const data = await runOk<Data>("VIEWER", QUERY, { dates: { from: "2018-09-30", to: "2018-09-30" } });
    expect(data.quoteCountsBySpeaker).toEqual([{ quotes: 1, person: { name: "Sarah Sanders", kind: "NAMED" } }]);
  });

  it("refuses an inverted range and bad sizes", async () => {
    expect(await errorCode("VIEWER", QUERY, { dates: { from: "2018-10-01", to: "2018-09-01" } })).toBe("BAD_USER_INPUT");
    expect(await errorCode("VIEWER", QUERY, { first: 0 })).toBe("BAD_USER_INPUT");
    expect(await errorCode("VIEWER", QUERY, { first: 101 })).toBe("BAD_USER_INPUT");
  });

  it("loads the people in one statement whatever the size", async () => {
    const small = await run("VIEWER", QUERY, { first: 1 });
    const large = await run("VIEWER", QUERY, { first: 50 });
    expect(small.statements).toHaveLength(2);
    expect(large.statements).toHaveLength(2);
  });
});

// ---------------------------------------------------------------- incidents per month and place

describe("incidentsByMonth", () => {
  const QUERY = `query($filter: IncidentStatsFilter!) { incidentsByMonth(filter: $filter) { month incidents fatalitiesMin fatalitiesMax injuriesMin } }`;
  type Bucket = Sums & { month: string };

  async function expectedMonths(role: Role, filter: { from: string; to: string; type?: string[]; country?: string; placeId?: string }): Promise<Bucket[]> {
    const buckets = new Map<string, Sums>();
    for (let month = new Date(Date.UTC(day(filter.from).getUTCFullYear(), day(filter.from).getUTCMonth(), 1)); month <= day(filter.to); month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1))) {
      buckets.set(month.toISOString().slice(0, 7), ZERO);
    }
    for (const row of await countedIncidents(role, filter)) {
      const key = incidentDay(row)!.toISOString().slice(0, 7);
      buckets.set(key, add(buckets.get(key)!, row));
    }
    return [...buckets].map(([month, sums]) => ({ month: `${month}-01`, ...sums }));
  }

  it("charts the story's September: three dated incidents, 25 killed at least", async () => {
    const data = await runOk<{ incidentsByMonth: Bucket[] }>("VIEWER", QUERY, { filter: { dates: { from: "2018-08-15", to: "2018-10-10" } } });
    expect(data.incidentsByMonth).toEqual([
      { month: "2018-08-01", incidents: 0, fatalitiesMin: 0, fatalitiesMax: 0, injuriesMin: 0 },
      // The evacuation (28th), the parade attack (week of the 17th: 25 killed, open upper
      // bound counted as 25) and the rockets (7..14); the merged duplicate is left out.
      { month: "2018-09-01", incidents: 3, fatalitiesMin: 25, fatalitiesMax: 25, injuriesMin: 0 },
      { month: "2018-10-01", incidents: 0, fatalitiesMin: 0, fatalitiesMax: 0, injuriesMin: 0 },
    ]);
  });

  it("counts a pending incident for reporters only", async () => {
    const filter = { dates: { from: "2018-10-01", to: "2018-10-31" } };
    expect((await runOk<{ incidentsByMonth: Bucket[] }>("VIEWER", QUERY, { filter })).incidentsByMonth).toEqual([
      { month: "2018-10-01", incidents: 0, fatalitiesMin: 0, fatalitiesMax: 0, injuriesMin: 0 },
    ]);
    expect((await runOk<{ incidentsByMonth: Bucket[] }>("REPORTER", QUERY, { filter })).incidentsByMonth).toEqual([
      { month: "2018-10-01", incidents: 1, fatalitiesMin: 2, fatalitiesMax: 4, injuriesMin: 0 },
    ]);
  });

  it("agrees with sums computed from the rows, with zeros for empty months", async () => {
    const iq = "IQ";
    for (const role of ["VIEWER", "REPORTER"] as const) {
      for (const filter of [
        { from: "2017-01-01", to: "2019-12-31" },
        { from: "2018-09-01", to: "2019-01-31", type: ["attack", "riot"] },
        { from: "2018-01-01", to: "2018-12-31", country: iq },
        { from: "2018-01-01", to: "2018-12-31", placeId: places.get("Tehran")!.id },
        { from: "2018-11-04", to: "2018-11-04" },
      ]) {
        const { from, to, placeId, ...rest } = filter;
        const data = await runOk<{ incidentsByMonth: Bucket[] }>(role, QUERY, {
          filter: { ...rest, dates: { from, to }, ...(placeId ? { placeId: toGlobalId("Place", placeId) } : {}) },
        });
        expect({ role, filter, got: data.incidentsByMonth }).toEqual({ role, filter, got: await expectedMonths(role, filter) });
      }
    }
  });

  it("needs a range of at most 20 years, not inverted, and valid filters", async () => {
    const code = (filter: Record<string, unknown>) => errorCode("VIEWER", QUERY, { filter });
    expect(await code({})).toBe("BAD_USER_INPUT");
    expect(await code({ dates: { from: "2018-01-01" } })).toBe("BAD_USER_INPUT");
    expect(await code({ dates: { from: "2018-02-01", to: "2018-01-01" } })).toBe("BAD_USER_INPUT");
    expect(await code({ dates: { from: "2000-01-01", to: "2020-01-02" } })).toBe("BAD_USER_INPUT");
    expect(await code({ dates: { from: "2018-01-01", to: "2018-12-31" }, country: "Iraq" })).toBe("BAD_USER_INPUT");
    expect(await code({ dates: { from: "2018-01-01", to: "2018-12-31" }, placeId: "x" })).toBe("BAD_USER_INPUT");
    // No month holds an undated incident: asking for them is refused with where to count them.
    expect(await code({ dates: { from: "2018-01-01", to: "2018-12-31" }, includeUndated: true })).toBe("BAD_USER_INPUT");
    const twenty = await runOk<{ incidentsByMonth: Bucket[] }>("VIEWER", QUERY, { filter: { dates: { from: "2000-01-01", to: "2020-01-01" } } });
    expect(twenty.incidentsByMonth).toHaveLength(241);
    const result = await run("VIEWER", QUERY, { filter: { dates: { from: "2000-01-01", to: "2020-01-01" } } });
    expect(result.statements).toHaveLength(1);
  });
});

describe("incidentsByPlace", () => {
  const QUERY = `query($filter: IncidentStatsFilter, $first: Int) { incidentsByPlace(filter: $filter, first: $first) {
    place { name } incidents fatalitiesMin fatalitiesMax injuriesMin } }`;
  type Bucket = Sums & { place: { name: string } | null };

  it("counts what incidentsByMonth counts for the same filter, and the undated incidents too when asked", async () => {
    const MONTHS = `query($filter: IncidentStatsFilter!) { incidentsByMonth(filter: $filter) { incidents fatalitiesMin fatalitiesMax injuriesMin } }`;
    const total = (buckets: readonly Sums[]) => buckets.map(({ incidents, fatalitiesMin, fatalitiesMax, injuriesMin }) => ({ incidents, fatalitiesMin, fatalitiesMax, injuriesMin })).reduce(add2, ZERO);
    for (const role of ["VIEWER", "REPORTER"] as const) {
      for (const filter of [{ dates: { from: "2018-01-01", to: "2018-12-31" } }, { dates: { from: "2018-09-01", to: "2018-09-30" }, country: "IQ" }, { dates: { from: "2018-01-01", to: "2019-12-31" }, type: ["attack"] }]) {
        const months = await runOk<{ incidentsByMonth: Sums[] }>(role, MONTHS, { filter });
        const places = await runOk<{ incidentsByPlace: Bucket[] }>(role, QUERY, { filter, first: 100 });
        expect({ role, filter, sums: total(places.incidentsByPlace) }).toEqual({ role, filter, sums: total(months.incidentsByMonth) });
      }
    }
    const dated = await runOk<{ incidentsByPlace: Bucket[] }>("VIEWER", QUERY, { filter: { dates: { from: "2018-01-01", to: "2018-12-31" } }, first: 100 });
    const all = await runOk<{ incidentsByPlace: Bucket[] }>("VIEWER", QUERY, { filter: { dates: { from: "2018-01-01", to: "2018-12-31" }, includeUndated: true }, first: 100 });
    const everything = await runOk<{ incidentsByPlace: Bucket[] }>("VIEWER", QUERY, { first: 100 });
    expect(total(all.incidentsByPlace).incidents).toBeGreaterThan(total(dated.incidentsByPlace).incidents);
    const undated = (await countedIncidents("VIEWER", {})).filter((row) => incidentDay(row) === null).length;
    expect(undated).toBeGreaterThan(0);
    expect(total(all.incidentsByPlace).incidents).toBe(total(dated.incidentsByPlace).incidents + undated);
    expect(total(all.incidentsByPlace).incidents).toBeLessThanOrEqual(total(everything.incidentsByPlace).incidents);
  });

  async function expectedPlaces(role: Role, filter: { from?: string; to?: string; type?: string[]; country?: string }, first = 20): Promise<Bucket[]> {
    const buckets = new Map<string | null, Sums>();
    const names = new Map<string | null, string | null>();
    for (const row of await countedIncidents(role, filter)) {
      buckets.set(row.placeId, add(buckets.get(row.placeId) ?? ZERO, row));
      names.set(row.placeId, row.place?.name ?? null);
    }
    return [...buckets]
      .sort(([idA, a], [idB, b]) => b.incidents - a.incidents || b.fatalitiesMin - a.fatalitiesMin || (idA === null ? 1 : idB === null ? -1 : idA < idB ? -1 : 1))
      .slice(0, first)
      .map(([placeId, sums]) => ({ place: placeId === null ? null : { name: names.get(placeId)! }, ...sums }));
  }

  it("ranks the story's places: Basra first with four incidents, 13 killed and 100 injured at least", async () => {
    const data = await runOk<{ incidentsByPlace: Bucket[] }>("VIEWER", QUERY, { filter: { type: ["evacuation", "attack", "protest", "armed_clash"] } });
    expect(data.incidentsByPlace[0]).toEqual({ place: { name: "Basra" }, incidents: 4, fatalitiesMin: 13, fatalitiesMax: 13, injuriesMin: 100 });
    expect(data.incidentsByPlace).toContainEqual({ place: { name: "Iran" }, incidents: 1, fatalitiesMin: 25, fatalitiesMax: 25, injuriesMin: 0 });
  });

  it("agrees with sums computed from the rows, the placeless bucket included", async () => {
    for (const role of ["VIEWER", "REPORTER"] as const) {
      const cases: [{ from?: string; to?: string; type?: string[]; country?: string }, number][] = [
        [{}, 20],
        [{}, 2],
        [{ from: "2018-09-01", to: "2018-12-31" }, 20],
        [{ country: "IR" }, 20],
        [{ type: ["attack", "protest"], to: "2019-12-31" }, 20],
      ];
      for (const [filter, first] of cases) {
        const { from, to, ...rest } = filter;
        const data = await runOk<{ incidentsByPlace: Bucket[] }>(role, QUERY, {
          filter: { ...rest, ...(from || to ? { dates: { from, to } } : {}) },
          first,
        });
        expect({ role, filter, got: data.incidentsByPlace }).toEqual({ role, filter, got: await expectedPlaces(role, filter, first) });
      }
    }
  });

  it("totals the same incidents as the month chart for the same filter", async () => {
    const filter = { dates: { from: "2017-01-01", to: "2019-12-31" } };
    const months = await runOk<{ incidentsByMonth: Sums[] }>("REPORTER", `query($filter: IncidentStatsFilter!) { incidentsByMonth(filter: $filter) { incidents fatalitiesMin fatalitiesMax injuriesMin } }`, { filter });
    const byPlace = await runOk<{ incidentsByPlace: Sums[] }>("REPORTER", QUERY, { filter, first: 100 });
    const total = (rows: Sums[]) => rows.reduce(add2, ZERO);
    expect(total(byPlace.incidentsByPlace)).toEqual(total(months.incidentsByMonth));
  });

  it("loads the places in one statement whatever the size, and refuses bad input", async () => {
    const small = await run("VIEWER", QUERY, { first: 1 });
    const large = await run("VIEWER", QUERY, { first: 100 });
    expect(small.statements).toHaveLength(2);
    expect(large.statements).toHaveLength(2);
    expect(await errorCode("VIEWER", QUERY, { filter: { dates: { from: "2019-01-01", to: "2018-01-01" } } })).toBe("BAD_USER_INPUT");
    expect(await errorCode("VIEWER", QUERY, { filter: { country: "X1" } })).toBe("BAD_USER_INPUT");
    expect(await errorCode("VIEWER", QUERY, { first: 0 })).toBe("BAD_USER_INPUT");
  });
});

function add2(a: Sums, b: Sums): Sums {
  return {
    incidents: a.incidents + b.incidents,
    fatalitiesMin: a.fatalitiesMin + b.fatalitiesMin,
    fatalitiesMax: a.fatalitiesMax + b.fatalitiesMax,
    injuriesMin: a.injuriesMin + b.injuriesMin,
  };
}

// ---------------------------------------------------------------- annotation queue and verification

describe("annotationQueueCounts", () => {
  const QUERY = `query($articleId: ID) { annotationQueueCounts(articleId: $articleId) { status motivation count } }`;
  type Data = { annotationQueueCounts: { status: string; motivation: string; count: number }[] };

  async function expectedQueue(articleId?: string) {
    const rows = await db.prisma.annotation.findMany({ include: { article: true } });
    const counted = rows.filter(
      (row) =>
        row.deletedAt === null &&
        row.parentId === null &&
        (row.article === null || row.article.deletedAt === null) &&
        (!articleId || row.articleId === articleId),
    );
    return Object.values(AnnotationStatus).flatMap((status) =>
      Object.values(AnnotationMotivation).map((motivation) => ({
        status,
        motivation,
        count: counted.filter((row) => row.status === status && row.motivation === motivation).length,
      })),
    );
  }

  it("counts top-level annotations for every status and motivation pair, zeros included", async () => {
    const data = await runOk<Data>("REPORTER", QUERY);
    expect(data.annotationQueueCounts).toHaveLength(16);
    expect(data.annotationQueueCounts).toEqual(await expectedQueue());
    expect(data.annotationQueueCounts).toContainEqual({ status: "OPEN", motivation: "commenting", count: 2 });
    const story = await runOk<Data>("EDITOR", QUERY, { articleId: toGlobalId("Article", seedArticleId) });
    expect(story.annotationQueueCounts).toEqual(await expectedQueue(seedArticleId));
    expect(story.annotationQueueCounts.reduce((sum, row) => sum + row.count, 0)).toBe(3);
  });

  it("is for reporters and above, and refuses a malformed article id", async () => {
    expect(await errorCode("VIEWER", QUERY)).toBe("FORBIDDEN");
    expect(await errorCode("REPORTER", QUERY, { articleId: "nope" })).toBe("BAD_USER_INPUT");
    const unknown = await runOk<Data>("REPORTER", QUERY, { articleId: toGlobalId("Article", "00000000-0000-7000-8000-000000000000") });
    expect(unknown.annotationQueueCounts.every((row) => row.count === 0)).toBe(true);
  });
});

describe("quoteVerificationCounts", () => {
  const QUERY = `query($filter: QuoteStatsFilter) { quoteVerificationCounts(filter: $filter) { status count } }`;
  type Data = { quoteVerificationCounts: { status: string; count: number }[] };

  async function expectedCounts(role: Role, filter: { articleId?: string; speakerId?: string; from?: string; to?: string }) {
    const rows = (await visibleQuoteRows(role)).filter(
      (quote) =>
        (!filter.articleId || quote.articleId === filter.articleId) &&
        (!filter.speakerId || quote.speakerId === filter.speakerId) &&
        publishedWithin(quote.article.publishedAt, filter.from, filter.to),
    );
    return Object.values(VerificationStatus).map((status) => ({ status, count: rows.filter((quote) => quote.verification === status).length }));
  }

  it("answers every status for the story: all its quotes unverified", async () => {
    const data = await runOk<Data>("VIEWER", QUERY, { filter: { articleId: toGlobalId("Article", seedArticleId) } });
    expect(data.quoteVerificationCounts).toEqual([
      { status: "UNVERIFIED", count: storyQuotes },
      { status: "VERIFIED", count: 0 },
      { status: "DISPUTED", count: 0 },
      { status: "MISATTRIBUTED", count: 0 },
    ]);
  });

  it("agrees with counts computed from the rows for every role and filter", async () => {
    const pompeo = await db.prisma.person.findFirstOrThrow({ where: { name: "Mike Pompeo" } });
    for (const role of ["VIEWER", "REPORTER"] as const) {
      const filters: { articleId?: string; speakerId?: string; from?: string; to?: string }[] = [
        {},
        { articleId: laterArticleId },
        { speakerId: pompeo.id },
        { from: "2019-01-01", to: "2019-12-31" },
        { to: "2018-12-31" },
      ];
      for (const filter of filters) {
        const { articleId, speakerId, from, to } = filter;
        const data = await runOk<Data>(role, QUERY, {
          filter: {
            ...(articleId ? { articleId: toGlobalId("Article", articleId) } : {}),
            ...(speakerId ? { speakerId: toGlobalId("Person", speakerId) } : {}),
            ...(from || to ? { dates: { from, to } } : {}),
          },
        });
        expect({ role, filter, got: data.quoteVerificationCounts }).toEqual({ role, filter, got: await expectedCounts(role, filter) });
      }
    }
  });

  it("refuses inverted ranges and malformed or mistyped ids", async () => {
    expect(await errorCode("VIEWER", QUERY, { filter: { dates: { from: "2019-01-02", to: "2019-01-01" } } })).toBe("BAD_USER_INPUT");
    expect(await errorCode("VIEWER", QUERY, { filter: { articleId: "x" } })).toBe("BAD_USER_INPUT");
    expect(await errorCode("VIEWER", QUERY, { filter: { speakerId: toGlobalId("Article", seedArticleId) } })).toBe("BAD_USER_INPUT");
    expect((await run("VIEWER", QUERY)).statements).toHaveLength(1);
  });
});

// ---------------------------------------------------------------- a generated corpus

describe("on a generated corpus", () => {
  let corpus: TestDatabase;
  const onCorpus = operationsOn(() => corpus);

  beforeAll(async () => {
    corpus = await createTestDatabase();
    await generateCorpus(corpus.prisma, { articles: 200 });
  }, 120_000);

  afterAll(async () => {
    await corpus.close();
  });

  it("charts every dated, listed incident once by month, and the same totals by place", async () => {
    const rows = await corpus.prisma.incident.findMany({ include: { mentions: { include: { article: true } } } });
    const listed = rows.filter((row) => row.deletedAt === null && row.mergedIntoId === null && row.reviewStatus === "ACCEPTED" && reportedInPublic(row.mentions));
    const dated = listed.filter((row) => incidentDay(row) !== null);
    const days = dated.map((row) => incidentDay(row)!.toISOString().slice(0, 10)).sort();
    const filter = { dates: { from: days[0], to: days.at(-1) } };
    const months = await onCorpus.runOk<{ incidentsByMonth: (Sums & { month: string })[] }>(
      "VIEWER",
      `query($filter: IncidentStatsFilter!) { incidentsByMonth(filter: $filter) { month incidents fatalitiesMin fatalitiesMax injuriesMin } }`,
      { filter },
    );
    expect(months.incidentsByMonth.reduce(add2, ZERO)).toEqual(dated.reduce(add, ZERO));
    const places = await onCorpus.runOk<{ incidentsByPlace: Sums[] }>("VIEWER", `{ incidentsByPlace(first: 100) { incidents fatalitiesMin fatalitiesMax injuriesMin } }`);
    const placeCount = new Set(listed.map((row) => row.placeId)).size;
    if (placeCount <= 100) expect(places.incidentsByPlace.reduce(add2, ZERO)).toEqual(listed.reduce(add, ZERO));
  });

  it("ranks the most quoted speakers like the rows say", async () => {
    const result = await onCorpus.runOk<{ quoteCountsBySpeaker: { quotes: number; person: { id: string } }[] }>(
      "VIEWER",
      `{ quoteCountsBySpeaker(first: 10) { quotes person { id } } }`,
    );
    const quotes = await corpus.prisma.quote.findMany({ include: { article: true, speaker: true } });
    const counts = new Map<string, number>();
    for (const quote of quotes) {
      if (quote.deletedAt !== null || quote.reviewStatus !== "ACCEPTED" || quote.article.deletedAt !== null || !PUBLIC.includes(quote.article.status)) continue;
      if (!quote.speaker || quote.speaker.deletedAt !== null || quote.speaker.reviewStatus !== "ACCEPTED") continue;
      counts.set(quote.speaker.id, (counts.get(quote.speaker.id) ?? 0) + 1);
    }
    const want = [...counts].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1)).slice(0, 10);
    expect(result.quoteCountsBySpeaker.map((row) => [row.person.id, row.quotes])).toEqual(want.map(([id, n]) => [toGlobalId("Person", id), n]));
  });
});
