import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../../src/db/index.js";
import type { Actor } from "../../src/core/actor.js";
import { InvalidArgument } from "../../src/core/failure.js";
import { incidentFilterSql, incidentWhere, type IncidentFilter } from "../../src/domain/incidents/service.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { createViewer } from "../support/viewers.js";

// `incidents(filter:)` is answered in SQL (src/graphql/answer.ts) as well as by the resolver
// through Prisma, so the filter exists twice: incidentWhere and incidentFilterSql. This pins that
// both keep the same incidents for every filter field, on incidents of every date shape (a day, a
// range known at both ends, a latest day only, nothing), of two types, in two countries.

let db: TestDatabase;
let admin: Actor;
let basraId: string;

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

beforeAll(async () => {
  db = await createTestDatabase();
  admin = await createViewer(db, "ADMIN");
  const basra = await db.prisma.place.create({ data: { name: "Filter Basra", aliases: [], kind: "CITY", countryCode: "IQ" } });
  const kabul = await db.prisma.place.create({ data: { name: "Filter Kabul", aliases: [], kind: "CITY", countryCode: "AF" } });
  basraId = basra.id;
  const shapes = [
    { date: day("2018-03-10"), datePrecision: "DAY" as const },
    { dateEarliest: day("2018-02-25"), dateLatest: day("2018-03-03"), datePrecision: "WEEK" as const },
    { dateLatest: day("2018-06-01") },
    { dateEarliest: day("2017-12-30") },
    {},
    { date: day("2019-01-02"), datePrecision: "DAY" as const },
  ];
  let n = 0;
  for (const [index, shape] of shapes.entries()) {
    for (const type of ["attack", "protest"] as const) {
      for (const place of [basra, kabul, null]) {
        n += 1;
        await db.prisma.incident.create({
          data: { type, summary: `Filter case ${n}`, placeId: place?.id ?? null, fatalitiesMin: index % 3 === 0 ? null : index * 2, ...shape },
        });
      }
    }
  }
});

afterAll(async () => {
  await db?.close();
});

/** The ids each form keeps, sorted. */
async function both(filter: IncidentFilter): Promise<{ prisma: string[]; sql: string[] }> {
  const viaPrisma = await db.prisma.incident.findMany({ where: incidentWhere(admin, filter), select: { id: true } });
  const condition = incidentFilterSql(filter)("i");
  const viaSql = await db.prisma.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT i.id::text AS id FROM "Incident" i WHERE ${condition}`);
  return { prisma: viaPrisma.map((row) => row.id).sort(), sql: viaSql.map((row) => row.id).sort() };
}

const FILTERS: Record<string, IncidentFilter> = {
  "no condition": {},
  "one type": { type: ["attack"] },
  "no type at all": { type: [] },
  "a place": { placeId: "" },
  "a country": { country: "iq" },
  "from a day": { from: day("2018-03-01") },
  "up to a day": { to: day("2018-03-01") },
  "a range": { from: day("2018-01-01"), to: day("2018-12-31") },
  "a range with the undated": { from: day("2018-01-01"), to: day("2018-12-31"), includeUndated: true },
  "the undated alone asked for, no range": { includeUndated: true },
  "a minimum of deaths": { minFatalities: 4 },
  "everything at once": { type: ["attack", "protest"], country: "IQ", from: day("2018-02-28"), to: day("2018-03-31"), includeUndated: true, minFatalities: 0 },
};

describe("incidentFilterSql and incidentWhere", () => {
  for (const [name, filter] of Object.entries(FILTERS)) {
    it(`keep the same incidents: ${name}`, async () => {
      const given = name === "a place" ? { ...filter, placeId: basraId } : filter;
      const { prisma, sql } = await both(given);
      expect(sql).toEqual(prisma);
      if (name !== "no type at all") expect(prisma.length).toBeGreaterThan(0);
    });
  }

  it("refuse the same filters, before any SQL is written", () => {
    for (const filter of [{ from: day("2018-02-01"), to: day("2018-01-01") }, { minFatalities: -1 }, { country: "Atlantis" }] satisfies IncidentFilter[]) {
      expect(() => incidentWhere(admin, filter)).toThrow(InvalidArgument);
      expect(() => incidentFilterSql(filter)).toThrow(InvalidArgument);
    }
  });
});
