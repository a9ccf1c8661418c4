import { PassThrough } from "node:stream";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeExport } from "../../src/domain/export/write.js";
import { geocodeStoredPlaces } from "../../src/domain/ingest/geocode-places.js";
import { ingestArticle } from "../../src/domain/ingest/ingest.js";
import type { Actor } from "../../src/core/actor.js";
import { acceptAllAbove } from "../../src/domain/ingest/commands.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { createViewer } from "../support/viewers.js";

// Places on the map: what ingest stores for the places of a story it has never seen (kind,
// country, region, coordinates, confidence), the ACLED export of it and of the example story read
// back as CSV, and the one-off command for places stored before ingest geocoded them.

// Written for this test: a region, a multi-word town, a country, a capital elsewhere.
const STORY = [
  "Attack on a port town in northern Mozambique",
  "",
  "Insurgents attacked the town of Mocimboa da Praia in Mozambique's Cabo Delgado province on Tuesday, killing at least 12 soldiers, the defence ministry said.",
  "",
  "Separately, police in Kigali arrested four men on Wednesday, the Rwandan government said.",
].join("\n");

let db: TestDatabase;
let editor: Actor;

beforeAll(async () => {
  db = await createTestDatabase({ exampleStory: true });
  editor = await createViewer(db, "EDITOR");
  await seedExampleStory(db.prisma);
  const session = { prisma: db.prisma, viewer: editor, requestId: "test-request", live: null };
  const { article } = await ingestArticle(session, { text: STORY, publishedAt: new Date("2020-08-13T00:00:00Z"), slug: "port-town-attack" });
  await acceptAllAbove(session, { articleId: article.id, confidence: 0 });
  await db.prisma.article.update({ where: { id: article.id }, data: { status: "PUBLISHED", publishedAt: new Date("2020-08-13T00:00:00Z") } });
});

afterAll(async () => {
  await db?.close();
});

/** The ACLED CSV export, parsed back. */
async function acledRecords(): Promise<Record<string, string>[]> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (chunk: Buffer) => chunks.push(chunk));
  await writeExport(db.prisma, { what: "incidents", format: "csv", batchSize: 500 }, sink);
  return parse(Buffer.concat(chunks).toString("utf8"), { columns: true }) as Record<string, string>[];
}

describe("places ingest stores", () => {
  it("have a kind, a country, coordinates and a confidence when the gazetteer knows them", async () => {
    const place = (name: string) => db.prisma.place.findFirstOrThrow({ where: { name } });
    expect(await place("Mozambique")).toMatchObject({ kind: "COUNTRY", countryCode: "MZ", country: "Mozambique", origin: "MACHINE" });
    expect(await place("Cabo Delgado")).toMatchObject({ kind: "REGION", countryCode: "MZ", admin1: "Cabo Delgado" });
    expect(await place("Kigali")).toMatchObject({ kind: "CITY", countryCode: "RW", country: "Rwanda" });
    const town = await place("Mocimboa da Praia");
    expect(town).toMatchObject({ kind: "CITY", countryCode: "MZ", admin1: "Cabo Delgado" });
    expect(town.latitude).toBeCloseTo(-11.3, 1);
    expect(town.geocodeConfidence).toBeGreaterThan(0);
    expect(town.geocodeConfidence).toBeLessThan((await place("Kigali")).geocodeConfidence ?? 0);
    // Never split: no Praia (Cape Verde) and no Delgado.
    expect(await db.prisma.place.count({ where: { name: { in: ["Praia", "Delgado", "Mocimboa"] } } })).toBe(0);
  });

  it("leave no place the gazetteer knows without a position", async () => {
    const unplaced = await db.prisma.place.findMany({ where: { OR: [{ latitude: null }, { countryCode: null }] }, select: { name: true } });
    expect(unplaced).toEqual([]);
  });
});

describe("the ACLED export", () => {
  it("has country, latitude and longitude on every incident with a place, from the example story and from the ingested one", async () => {
    const records = await acledRecords();
    const placed = records.filter((record) => record["location"]);
    expect(placed.map((record) => record["location"])).toEqual(expect.arrayContaining(["Basra", "Mocimboa da Praia", "Kigali"]));
    for (const record of placed) {
      expect(record["country"], record["location"]).not.toBe("");
      expect(Number.isFinite(Number.parseFloat(record["latitude"] ?? "")), record["location"]).toBe(true);
      expect(Number.isFinite(Number.parseFloat(record["longitude"] ?? "")), record["location"]).toBe(true);
    }
    expect(records.find((record) => record["location"] === "Mocimboa da Praia")).toMatchObject({ country: "Mozambique", admin1: "Cabo Delgado", fatalities: "12" });
    expect(records.find((record) => record["location"] === "Kigali")).toMatchObject({ country: "Rwanda", event_type: "Strategic developments" });
  });
});

describe("geocodeStoredPlaces", () => {
  it("geocodes the machine-made places stored without a position, points a site at its city, and leaves the rest alone", async () => {
    const article = await db.prisma.article.findFirstOrThrow({ where: { slug: "port-town-attack" } });
    const old = await db.prisma.place.create({ data: { name: "Tete", aliases: [], kind: "OTHER", origin: "MACHINE" } });
    const site = await db.prisma.place.create({ data: { name: "Mogadishu's international airport", aliases: [], kind: "OTHER", origin: "MACHINE" } });
    const nowhere = await db.prisma.place.create({ data: { name: "Qwertyuiopville", aliases: [], kind: "OTHER", origin: "MACHINE" } });
    const editors = await db.prisma.place.create({ data: { name: "Khartoum", aliases: [], kind: "OTHER", origin: "EDITOR" } });
    await db.prisma.entityMention.create({ data: { articleId: article.id, entityType: "PLACE", placeId: old.id, start: 0, end: 6, exact: "Attack" } });

    const summary = await geocodeStoredPlaces(db.prisma);
    expect(summary).toMatchObject({ examined: 3, geocoded: 2, unknown: ["Qwertyuiopville"], duplicates: [] });
    // The story names Mozambique: Tete is the Mozambican city (a province too).
    expect(await db.prisma.place.findUniqueOrThrow({ where: { id: old.id } })).toMatchObject({ countryCode: "MZ", country: "Mozambique", kind: "CITY" });
    const airport = await db.prisma.place.findUniqueOrThrow({ where: { id: site.id }, include: { parent: true } });
    expect(airport).toMatchObject({ kind: "SITE", countryCode: "SO", parent: { name: "Mogadishu", kind: "CITY", countryCode: "SO" } });
    expect(await db.prisma.place.findUniqueOrThrow({ where: { id: nowhere.id } })).toMatchObject({ kind: "OTHER", countryCode: null });
    expect(await db.prisma.place.findUniqueOrThrow({ where: { id: editors.id } })).toMatchObject({ kind: "OTHER", countryCode: null });

    expect(await geocodeStoredPlaces(db.prisma)).toMatchObject({ examined: 1, geocoded: 0, unknown: ["Qwertyuiopville"] });
  });
});
