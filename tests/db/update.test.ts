import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "../../src/db/index.js";
import { findRowById, isColumnEqualities, updateRowById, updateRowByIdWithAudit } from "../../src/db/update.js";
import { updateWithAudit } from "../../src/core/audit.js";
import { readLiveEvent, type LiveEvent } from "../../src/pubsub/index.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";

// src/db/update.ts reads and updates one row by id in raw statements for the change ritual. What
// it stores and returns must be what Prisma's updateMany stores and findUnique returns: each case
// applies the same change to two twin rows, one each way, and compares them as Prisma reads them.

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.close();
});

/** A record without the columns that differ between twins (id, timestamps, the unique fingerprint). */
function comparable<T extends object>(row: T): Omit<T, "id" | "createdAt" | "updatedAt" | "fingerprint"> {
  const { id: _id, createdAt: _created, updatedAt: _updated, fingerprint: _fingerprint, ...rest } = row as T & { id: unknown; createdAt: unknown; updatedAt: unknown; fingerprint: unknown };
  return rest;
}

async function twinIncidents(label: string) {
  const data = { type: "attack" as const, summary: `Twin ${label}`, date: new Date("2024-03-01T00:00:00Z"), datePrecision: "DAY" as const, fatalitiesMin: 2 };
  const raw = await db.prisma.incident.create({ data: { ...data, fingerprint: `${label}-raw` } });
  const viaPrisma = await db.prisma.incident.create({ data: { ...data, fingerprint: `${label}-prisma` } });
  return { raw, viaPrisma };
}

describe("updateRowById", () => {
  it("stores enums, day columns, numbers and nulls as updateMany does, bumps the version and returns the row as findUnique reads it", async () => {
    const { raw, viaPrisma } = await twinIncidents("values");
    const change = {
      type: "explosion" as const,
      date: new Date("2024-03-05T00:00:00Z"),
      dateEarliest: null,
      fatalitiesMin: 7,
      fatalitiesMax: null,
      confidence: 0.75,
      attributedTo: "a group the story names",
      reviewStatus: "PENDING" as const,
    };
    const startedAt = Date.now();
    const returned = await updateRowById(db.prisma, "Incident", { id: raw.id, version: 1, deletedAt: null }, change, { incrementVersion: true });
    await db.prisma.incident.updateMany({ where: { id: viaPrisma.id, version: 1, deletedAt: null }, data: { ...change, version: { increment: 1 } } });
    const storedRaw = await db.prisma.incident.findUniqueOrThrow({ where: { id: raw.id } });
    const storedPrisma = await db.prisma.incident.findUniqueOrThrow({ where: { id: viaPrisma.id } });
    expect(returned).toEqual(storedRaw);
    expect(comparable(storedRaw)).toEqual(comparable(storedPrisma));
    expect(storedRaw.version).toBe(2);
    // Stamped in the process, as Prisma's client stamps an @updatedAt column.
    expect(storedRaw.updatedAt.getTime()).toBeGreaterThanOrEqual(startedAt);
  });

  it("stores lists and text as updateMany does", async () => {
    const article = await db.prisma.article.create({ data: { slug: "update-json", body: "Body of the story.", bodyHash: "update-json-hash" } });
    const user = await db.prisma.user.create({ data: { name: "Update tester", role: "EDITOR" } });
    const twin = () => db.prisma.annotation.create({ data: { targetType: "ARTICLE", articleId: article.id, authorId: user.id, motivation: "commenting", body: "A note", exact: "Body", start: 0, end: 4, anchoredRevision: 1 } });
    const [raw, viaPrisma] = [await twin(), await twin()];
    const change = { tags: ["check", "legal"], exact: "Body of", end: 7, body: "A changed note", anchorState: "FUZZY" as const };
    const returned = await updateRowById(db.prisma, "Annotation", { id: raw.id, version: 1 }, change, { incrementVersion: true });
    await db.prisma.annotation.updateMany({ where: { id: viaPrisma.id, version: 1 }, data: { ...change, version: { increment: 1 } } });
    const storedRaw = await db.prisma.annotation.findUniqueOrThrow({ where: { id: raw.id } });
    const storedPrisma = await db.prisma.annotation.findUniqueOrThrow({ where: { id: viaPrisma.id } });
    expect(returned).toEqual(storedRaw);
    expect(comparable(storedRaw)).toEqual(comparable(storedPrisma));
  });

  it("stores JSON as updateMany does", async () => {
    const twin = () => db.prisma.person.create({ data: { name: "Update Twin", externalIds: { wikidata: "Q1" } } });
    const [raw, viaPrisma] = [await twin(), await twin()];
    const change = { externalIds: { wikidata: "Q42", isni: ["0000 0001"], verified: true }, description: null };
    const returned = await updateRowById(db.prisma, "Person", { id: raw.id, version: 1 }, change, { incrementVersion: true });
    await db.prisma.person.updateMany({ where: { id: viaPrisma.id, version: 1 }, data: { ...change, version: { increment: 1 } } });
    const storedRaw = await db.prisma.person.findUniqueOrThrow({ where: { id: raw.id } });
    expect(returned).toEqual(storedRaw);
    expect(comparable(storedRaw)).toEqual(comparable(await db.prisma.person.findUniqueOrThrow({ where: { id: viaPrisma.id } })));
  });

  it("changes nothing and returns null when a condition does not hold (another version, a deleted row)", async () => {
    const { raw } = await twinIncidents("conditions");
    expect(await updateRowById(db.prisma, "Incident", { id: raw.id, version: 2 }, { summary: "Not applied" }, { incrementVersion: true })).toBeNull();
    await db.prisma.incident.update({ where: { id: raw.id }, data: { deletedAt: new Date() } });
    expect(await updateRowById(db.prisma, "Incident", { id: raw.id, version: 1, deletedAt: null }, { summary: "Not applied" }, { incrementVersion: true })).toBeNull();
    const stored = await db.prisma.incident.findUniqueOrThrow({ where: { id: raw.id } });
    expect(stored.summary).toBe("Twin conditions");
    expect(stored.version).toBe(1);
  });

  it("refuses an operator in place of a value and a column the model does not have, before any SQL", async () => {
    const { raw } = await twinIncidents("refusals");
    await expect(updateRowById(db.prisma, "Incident", { id: raw.id }, { fatalitiesMin: { increment: 1 } })).rejects.toThrow(/operator/);
    await expect(updateRowById(db.prisma, "Incident", { id: raw.id }, { nonexistent: 1 })).rejects.toThrow(/no column nonexistent/);
    expect((await db.prisma.incident.findUniqueOrThrow({ where: { id: raw.id } })).fatalitiesMin).toBe(2);
  });
});

/** A row as JSON.stringify writes it, big integers as text: what the audit log keeps of a row written from the process. */
function snapshotInProcess(row: object): unknown {
  return JSON.parse(JSON.stringify(row, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value)));
}

describe("updateRowByIdWithAudit", () => {
  const event = { action: "test.update", targetType: "Incident", targetId: "set below", requestId: "update-test", actorId: null, tokenId: null };

  it("writes the audit event's before and after as the process would snapshot the row before and after the update (timestamps with milliseconds, days, nulls, numbers, enums)", async () => {
    const { raw } = await twinIncidents("audited");
    // Milliseconds that JSON keeps and PostgreSQL's own JSON would trim (".120"), a day column, a null.
    const change = { summary: "Audited", dateLatest: new Date("2024-03-09T00:00:00Z"), updatedAt: new Date("2024-03-10T08:09:10.120Z"), fatalitiesMax: null, confidence: 0.125, type: "protest" as const };
    const updated = await updateRowByIdWithAudit(db.prisma, "Incident", { id: raw.id, version: 1, deletedAt: null }, change, { incrementVersion: true }, { ...event, targetId: raw.id });
    const stored = await db.prisma.incident.findUniqueOrThrow({ where: { id: raw.id } });
    expect(updated?.row).toEqual(stored);
    expect(stored).toMatchObject({ summary: "Audited", version: 2, type: "protest" });
    const audit = await db.prisma.auditEvent.findUniqueOrThrow({ where: { id: updated?.auditId } });
    expect(audit.after).toEqual(snapshotInProcess(stored));
    expect(audit.before).toEqual(snapshotInProcess(raw));
    expect(audit).toMatchObject({ action: "test.update", targetType: "Incident", targetId: raw.id, requestId: "update-test", createdAt: updated?.auditCreatedAt });
  });

  it("snapshots lists, JSON and every timestamp of other models the same way", async () => {
    const person = await db.prisma.person.create({ data: { name: "Audit Twin", externalIds: { wikidata: "Q1" } } });
    const updated = await updateRowByIdWithAudit(db.prisma, "Person", { id: person.id, version: 1 }, { externalIds: { wikidata: "Q7", isni: ["1"] }, description: "A description" }, { incrementVersion: true }, { ...event, targetType: "Person", targetId: person.id });
    const stored = await db.prisma.person.findUniqueOrThrow({ where: { id: person.id } });
    expect(updated?.row).toEqual(stored);
    const personEvent = await db.prisma.auditEvent.findUniqueOrThrow({ where: { id: updated?.auditId } });
    expect(personEvent.after).toEqual(snapshotInProcess(stored));
    expect(personEvent.before).toEqual(snapshotInProcess(person));

    const article = await db.prisma.article.create({ data: { slug: "audit-snapshot", body: "Body.", bodyHash: "audit-snapshot-hash", publishedAt: new Date("2024-01-02T03:04:05.006Z") } });
    const changed = await updateRowByIdWithAudit(db.prisma, "Article", { id: article.id, version: 1 }, { byline: "B", status: "PUBLISHED" }, { incrementVersion: true }, { ...event, targetType: "Article", targetId: article.id });
    const storedArticle = await db.prisma.article.findUniqueOrThrow({ where: { id: article.id } });
    const articleEvent = await db.prisma.auditEvent.findUniqueOrThrow({ where: { id: changed?.auditId } });
    expect(articleEvent.after).toEqual(snapshotInProcess(storedArticle));
    expect(articleEvent.before).toEqual(snapshotInProcess(article));
  });

  it("writes neither the row nor an event when a condition does not hold", async () => {
    const { raw } = await twinIncidents("audited-refused");
    const events = await db.prisma.auditEvent.count();
    expect(await updateRowByIdWithAudit(db.prisma, "Incident", { id: raw.id, version: 5 }, { summary: "Not applied" }, { incrementVersion: true }, { ...event, targetId: raw.id })).toBeNull();
    expect(await db.prisma.auditEvent.count()).toBe(events);
    expect((await db.prisma.incident.findUniqueOrThrow({ where: { id: raw.id } })).summary).toBe("Twin audited-refused");
  });
});

describe("updateWithAudit", () => {
  it("publishes the live event readLiveEvent reads back from the audit log, the article named by the record's row", async () => {
    const article = await db.prisma.article.create({ data: { slug: "audit-live", body: "Body text.", bodyHash: "audit-live-hash" } });
    const author = await db.prisma.user.create({ data: { name: "Live tester", role: "EDITOR" } });
    const note = await db.prisma.annotation.create({ data: { targetType: "ARTICLE", articleId: article.id, authorId: author.id, motivation: "commenting", body: "A note", exact: "Body", start: 0, end: 4, anchoredRevision: 1 } });
    const published: LiveEvent[] = [];
    const actor = { viewer: { role: "EDITOR" as const, userId: author.id, tokenId: null }, requestId: "audit-live", live: { publish: (events: readonly LiveEvent[]) => void published.push(...events) } };
    const after = await updateWithAudit(db.prisma, actor, "Annotation", { id: note.id, version: 1 }, { body: "A changed note" }, { incrementVersion: true }, { action: "annotation.update", targetType: "Annotation", targetId: note.id });
    expect(after).toMatchObject({ id: note.id, body: "A changed note", version: 2 });
    expect(published).toHaveLength(1);
    expect(published[0]).toMatchObject({ action: "annotation.update", targetType: "Annotation", targetId: note.id, articleId: article.id, actorId: author.id });
    expect(await readLiveEvent(db.prisma, published[0]?.sequence ?? "0")).toEqual(published[0]);
    const stored = await db.prisma.auditEvent.findUniqueOrThrow({ where: { id: BigInt(published[0]?.sequence ?? "0") } });
    expect(stored.before).toEqual(snapshotInProcess(note));
    expect(stored.after).toEqual(snapshotInProcess(await db.prisma.annotation.findUniqueOrThrow({ where: { id: note.id } })));
  });

  it("publishes nothing and writes nothing at a version the row is no longer at", async () => {
    const article = await db.prisma.article.create({ data: { slug: "audit-live-stale", body: "Body text.", bodyHash: "audit-live-stale-hash" } });
    const published: LiveEvent[] = [];
    const actor = { viewer: { role: "EDITOR" as const, userId: null, tokenId: null }, requestId: "audit-stale", live: { publish: (events: readonly LiveEvent[]) => void published.push(...events) } };
    const events = await db.prisma.auditEvent.count();
    expect(await updateWithAudit(db.prisma, actor, "Article", { id: article.id, version: 2 }, { byline: "Stale" }, { incrementVersion: true }, { action: "article.update", targetType: "Article", targetId: article.id })).toBeNull();
    expect(published).toEqual([]);
    expect(await db.prisma.auditEvent.count()).toBe(events);
  });
});

describe("findRowById", () => {
  it("returns the row as findUnique reads it when the condition holds, null when it does not", async () => {
    const { raw } = await twinIncidents("find");
    expect(await findRowById(db.prisma, "Incident", raw.id, Prisma.sql`"t"."deletedAt" IS NULL`)).toEqual(raw);
    expect(await findRowById(db.prisma, "Incident", raw.id, Prisma.sql`"t"."reviewStatus" = 'REJECTED'`)).toBeNull();
  });
});

describe("isColumnEqualities", () => {
  it("accepts values and nulls, not relations or operators", () => {
    expect(isColumnEqualities({ id: "x", version: 2, deletedAt: null, reviewStatus: "PENDING" })).toBe(true);
    expect(isColumnEqualities({ article: { status: { in: ["DRAFT"] } } })).toBe(false);
    expect(isColumnEqualities({ deletedAt: { not: null } })).toBe(false);
  });
});
