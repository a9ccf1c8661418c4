import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { insertRows, insertWholeRows } from "../../src/db/insert.js";
import { countStatements } from "../../src/db/statements.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

// src/db/insert.ts writes rows shaped as createMany takes them through one raw INSERT. What it
// stores must be what Prisma's createMany stores: each case writes the same row both ways and
// compares the two records as Prisma reads them back.

let db: TestDatabase;
let articleId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  const article = await db.prisma.article.create({ data: { slug: "insert-rows", body: "Body of the story.", bodyHash: "insert-rows-hash" } });
  articleId = article.id;
});

afterAll(async () => {
  await db?.close();
});

/** A record without the columns each write draws anew (id, timestamps). */
function comparable<T extends object>(row: T): Omit<T, "id" | "createdAt" | "updatedAt"> {
  const { id: _id, createdAt: _created, updatedAt: _updated, ...rest } = row as T & { id: unknown; createdAt: unknown; updatedAt: unknown };
  return rest;
}

describe("insertRows", () => {
  it("stores enums, dates, lists, numbers, nulls and defaults as createMany does", async () => {
    const place = {
      name: "Insert Town",
      aliases: ["Inserttown", "Insert-Town"],
      kind: "CITY" as const,
      countryCode: "IQ",
      latitude: 33.3152,
      longitude: 44.3661,
      geocodeConfidence: 0.85,
      origin: "MACHINE" as const,
    };
    const [raw] = await insertRows(db.prisma, "Place", [place], ["id", "name"]);
    await db.prisma.place.createMany({ data: [{ ...place, countryCode: "SY" }] });
    const viaRaw = await db.prisma.place.findUniqueOrThrow({ where: { id: raw?.id ?? "" } });
    const viaPrisma = await db.prisma.place.findFirstOrThrow({ where: { name: "Insert Town", countryCode: "SY" } });
    expect(raw?.name).toBe("Insert Town");
    expect({ ...comparable(viaRaw), countryCode: "SY" }).toEqual(comparable(viaPrisma));
    expect(viaRaw.updatedAt).toBeInstanceOf(Date);
    expect(viaRaw.parentId).toBeNull();
  });

  it("stores day columns and a quote's spans as createMany does", async () => {
    const quote = (fingerprint: string) => ({
      articleId,
      text: "Body",
      start: 0,
      end: 4,
      suffix: " of the story.",
      kind: "PARTIAL" as const,
      speakerDescription: "a spokesman",
      medium: "STATEMENT" as const,
      sourceDate: new Date("2024-03-01T00:00:00Z"),
      origin: "MACHINE" as const,
      confidence: 0.7,
      reviewStatus: "PENDING" as const,
      fingerprint,
    });
    await insertRows(db.prisma, "Quote", [quote("raw")]);
    await db.prisma.quote.createMany({ data: [quote("prisma")] });
    const [viaRaw, viaPrisma] = await Promise.all(["raw", "prisma"].map((fingerprint) => db.prisma.quote.findFirstOrThrow({ where: { articleId, fingerprint } })));
    expect({ ...comparable(viaRaw!), fingerprint: "prisma" }).toEqual(comparable(viaPrisma!));
    expect(viaRaw?.sourceDate?.toISOString()).toBe("2024-03-01T00:00:00.000Z");
    expect(viaRaw?.evidenceUrls).toEqual([]);
  });

  it("draws time-ordered version 7 ids, as Prisma's uuid(7) default does", async () => {
    const rows = await insertRows(db.prisma, "Organization", ["First Agency", "Second Agency", "Third Agency"].map((name) => ({ name, aliases: [], origin: "MACHINE" as const })), ["id", "name"]);
    expect(rows.map((row) => row.name).sort()).toEqual(["First Agency", "Second Agency", "Third Agency"]);
    for (const row of rows) expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const byName = new Map(rows.map((row) => [row.name, row.id]));
    expect([byName.get("First Agency"), byName.get("Second Agency"), byName.get("Third Agency")]).toEqual([...rows.map((row) => row.id)].sort());
  });

  it("sends one SQL text whatever the number of rows, so that a server connection prepares it once", async () => {
    const alias = (personId: string, n: number) => ({ personId, alias: `Alias ${n}`, kind: "NAME" as const });
    const person = await db.prisma.person.create({ data: { name: "Aliased Person" } });
    const { statements } = await countStatements(async () => {
      await insertRows(db.prisma, "PersonAlias", [alias(person.id, 1)]);
      await insertRows(db.prisma, "PersonAlias", [alias(person.id, 2), alias(person.id, 3), alias(person.id, 4)]);
    });
    expect(statements).toHaveLength(2);
    expect(statements[0]).toBe(statements[1]);
    expect(await db.prisma.personAlias.count({ where: { personId: person.id } })).toBe(4);
  });

  it("writes nothing for no rows, and nothing at all when a row breaks a constraint", async () => {
    const { statements } = await countStatements(() => insertRows(db.prisma, "Quote", []));
    expect(statements).toEqual([]);
    const before = await db.prisma.organization.count();
    await expect(insertRows(db.prisma, "Organization", [{ name: "Twice Agency", aliases: [] }, { name: "Twice Agency", aliases: [] }])).rejects.toThrow();
    expect(await db.prisma.organization.count()).toBe(before);
  });
});

describe("insertWholeRows", () => {
  it("returns each row as createManyAndReturn does: big integer ids, dates, JSON", async () => {
    const event = (requestId: string) => ({
      actorId: null,
      action: "test.insert",
      targetType: "Article",
      targetId: articleId,
      after: { title: "A “quoted” title", at: "2024-03-01T00:00:00.000Z", nested: [1, null, { ok: true }] },
      requestId,
    });
    const [viaRaw] = await insertWholeRows(db.prisma, "AuditEvent", [event("raw")]);
    const [viaPrisma] = await db.prisma.auditEvent.createManyAndReturn({ data: [event("prisma")] });
    expect(typeof viaRaw?.id).toBe("bigint");
    expect(viaRaw?.createdAt).toBeInstanceOf(Date);
    const { id: rawId, createdAt: _a, ...raw } = viaRaw!;
    const { id: prismaId, createdAt: _b, ...prisma } = viaPrisma!;
    expect({ ...raw, requestId: "prisma" }).toEqual(prisma);
    expect(prismaId).toBeGreaterThan(rawId);
    expect(await db.prisma.auditEvent.findUniqueOrThrow({ where: { id: rawId } })).toEqual(viaRaw);
  });
});
