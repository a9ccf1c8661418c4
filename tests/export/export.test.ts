import { PassThrough } from "node:stream";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countStatements } from "../../src/db/statements.js";
import { ACLED_COLUMNS, ACLED_EVENT_TYPES } from "../../src/domain/export/acled.js";
import { UsageError } from "../../src/cli/command.js";
import { parseExportCommand } from "../../src/cli/export.js";
import { writeExport, type ExportSelection } from "../../src/domain/export/write.js";
import { ENTITY_TYPES } from "../../src/domain/export/entities.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { bodyHash } from "../support/graphql.js";

// The export command's streams on a test database: the example story given an outlet, a second
// outlet reporting one of its incidents, a draft reporting another, incidents a reader must not
// see (rejected, merged away, deleted), and one whose notes need CSV quoting.

let db: TestDatabase;
const tricky = 'Shelling near the "green zone", then\na second wave';
let trickyId: string;
let monthId: string;

/** Runs an export into memory and returns its text and the statements it sent. */
async function exportText(command: Partial<ExportSelection> & Pick<ExportSelection, "what" | "format">): Promise<{ text: string; count: number; statements: string[] }> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on("data", (chunk: Buffer) => chunks.push(chunk));
  const { result, statements } = await countStatements(() => writeExport(db.prisma, { batchSize: 500, ...command }, sink));
  return { text: Buffer.concat(chunks).toString("utf8"), count: result, statements };
}

beforeAll(async () => {
  db = await createTestDatabase({ exampleStory: true });
  const { articleId } = await seedExampleStory(db.prisma);
  await db.prisma.article.update({ where: { id: articleId }, data: { outlet: "Gulf Wire" } });
  const consulate = await db.prisma.incident.findFirstOrThrow({ where: { type: "evacuation" } });
  const place = await db.prisma.place.findFirstOrThrow({ where: { name: "Basra" } });
  const makeArticle = async (slug: string, outlet: string, status: "PUBLISHED" | "DRAFT") => {
    const body = `${outlet} reports from Basra.`;
    return db.prisma.article.create({ data: { slug, outlet, body, bodyHash: bodyHash(body), status } });
  };
  const second = await makeArticle("second-outlet", "Daily Courier", "PUBLISHED");
  const draft = await makeArticle("draft-outlet", "Unpublished Outlet", "DRAFT");
  await db.prisma.incidentMention.create({ data: { incidentId: consulate.id, articleId: second.id, start: 0, end: 5, exact: "Daily" } });
  await db.prisma.incidentMention.create({ data: { incidentId: consulate.id, articleId: draft.id, start: 0, end: 5, exact: "Unpub" } });
  trickyId = (
    await db.prisma.incident.create({
      data: { type: "explosion", subType: "Shelling/artillery/missile attack", summary: tricky, date: new Date("2018-09-08"), datePrecision: "DAY", placeId: place.id, fatalitiesMin: 3, fatalitiesMax: 5, attributedTo: "Unknown militia" },
    })
  ).id;
  monthId = (await db.prisma.incident.create({ data: { type: "protest", summary: "Protests over water", date: new Date("2018-07-01"), datePrecision: "MONTH" } })).id;
  await db.prisma.incident.create({ data: { type: "riot", summary: "rejected suggestion", reviewStatus: "REJECTED", origin: "MACHINE" } });
  await db.prisma.incident.create({ data: { type: "riot", summary: "pending suggestion", reviewStatus: "PENDING", origin: "MACHINE" } });
  await db.prisma.incident.create({ data: { type: "attack", summary: "merged duplicate", mergedIntoId: consulate.id } });
  await db.prisma.incident.create({ data: { type: "attack", summary: "deleted record", deletedAt: new Date() } });
  // Public once a published article reports them (issue 21); one only the draft reports is not.
  for (const incidentId of [trickyId, monthId]) await db.prisma.incidentMention.create({ data: { incidentId, articleId: second.id, start: 0, end: 5, exact: "Daily" } });
  const draftOnly = await db.prisma.incident.create({ data: { type: "protest", summary: "draft-only protest" } });
  await db.prisma.incidentMention.create({ data: { incidentId: draftOnly.id, articleId: draft.id, start: 0, end: 5, exact: "Unpub" } });
  const user = await db.prisma.user.create({ data: { name: "Fact Desk", email: "desk@news.example", role: "EDITOR" } });
  await db.prisma.claimReview.create({ data: { articleId, reviewerId: user.id, claim: "c", rating: "MIXED", explanation: "e" } });
  await db.prisma.apiToken.create({ data: { userId: user.id, name: "t", prefix: "cd_x", secretHash: "f".repeat(64) } });
});

afterAll(async () => {
  await db.close();
});

describe("export incidents", () => {
  it("writes ACLED columns that a CSV parser reads back, one row per incident a reader may see", async () => {
    const { text, count } = await exportText({ what: "incidents", format: "csv" });
    const records = parse(text, { columns: true }) as Record<string, string>[];
    expect(text.split("\n", 1)[0]).toBe(ACLED_COLUMNS.join(","));
    const published = { reviewStatus: "ACCEPTED" as const, article: { deletedAt: null, status: "PUBLISHED" as const } };
    const visible = await db.prisma.incident.count({ where: { deletedAt: null, mergedIntoId: null, reviewStatus: "ACCEPTED", mentions: { some: published } } });
    expect(records).toHaveLength(visible);
    expect(count).toBe(visible);
    expect(records.map((record) => record["notes"])).not.toEqual(expect.arrayContaining(["rejected suggestion"]));
    expect(records.some((record) => /pending|merged|deleted|draft-only/.test(record["notes"] ?? ""))).toBe(false);

    const consulate = records.find((record) => record["notes"]?.startsWith("U.S. Consulate Basrah"));
    expect(consulate).toMatchObject({
      event_date: "2018-09-28",
      time_precision: "1",
      event_type: "Strategic developments",
      sub_event_type: ACLED_EVENT_TYPES.evacuation.subEventType,
      country: "Iraq",
      location: "Basra",
      latitude: "30.5085",
      longitude: "47.7804",
      // Both published outlets, the draft's never.
      source: "Daily Courier; Gulf Wire",
      fatalities: "0",
    });
    // Quotes, commas and a line break in the notes survive the round trip.
    expect(records.find((record) => record["event_id"] === trickyId)).toMatchObject({
      notes: tricky,
      event_type: "Explosions/Remote violence",
      sub_event_type: "Shelling/artillery/missile attack",
      actor1: "Unknown militia",
      actor2: "",
      fatalities: "3",
      time_precision: "1",
    });
    expect(records.find((record) => record["event_id"] === monthId)).toMatchObject({ event_date: "2018-07-01", time_precision: "3", location: "", latitude: "", source: "Daily Courier" });
  });

  it("writes the same rows as JSON Lines, with numbers and nulls typed", async () => {
    const csv = parse((await exportText({ what: "incidents", format: "csv" })).text, { columns: true }) as Record<string, string>[];
    const lines = (await exportText({ what: "incidents", format: "jsonl" })).text.trimEnd().split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((line) => line["event_id"])).toEqual(csv.map((record) => record["event_id"]));
    expect(lines.find((line) => line["event_id"] === monthId)).toMatchObject({ time_precision: 3, fatalities: 0, latitude: null, location: null });
    for (const line of lines) expect(Object.keys(line)).toEqual([...ACLED_COLUMNS]);
  });

  it("reads in keyset batches: smaller batches mean more statements, never different rows", async () => {
    const whole = await exportText({ what: "incidents", format: "csv", batchSize: 500 });
    const batched = await exportText({ what: "incidents", format: "csv", batchSize: 2 });
    expect(batched.text).toBe(whole.text);
    expect(whole.statements.length).toBeLessThanOrEqual(2);
    expect(batched.statements.length).toBeGreaterThanOrEqual(Math.ceil(whole.count / 2));
  });
});

describe("export all", () => {
  it("writes every record of every entity type once, as {type, data} lines", async () => {
    const { text, count } = await exportText({ what: "all", format: "jsonl" });
    const lines = text.trimEnd().split("\n").map((line) => JSON.parse(line) as { type: string; data: Record<string, unknown> });
    expect(lines).toHaveLength(count);
    const counts = new Map<string, number>();
    for (const line of lines) counts.set(line.type, (counts.get(line.type) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({
      User: await db.prisma.user.count(),
      Organization: await db.prisma.organization.count(),
      Place: await db.prisma.place.count(),
      Person: await db.prisma.person.count(),
      PersonAlias: await db.prisma.personAlias.count(),
      PersonRole: await db.prisma.personRole.count(),
      Article: await db.prisma.article.count(),
      ArticleRevision: await db.prisma.articleRevision.count(),
      Quote: await db.prisma.quote.count(),
      QuoteLink: await db.prisma.quoteLink.count(),
      Incident: await db.prisma.incident.count(),
      IncidentMention: await db.prisma.incidentMention.count(),
      EntityMention: await db.prisma.entityMention.count(),
      ClaimReview: await db.prisma.claimReview.count(),
    });
    // Types in load order, each record once.
    expect([...counts.keys()]).toEqual(ENTITY_TYPES.filter((type) => counts.has(type)));
    const keys = lines.map((line) => `${line.type}:${String(line.data["id"] ?? `${String(line.data["fromQuoteId"])}>${String(line.data["toQuoteId"])}`)}`);
    expect(new Set(keys).size).toBe(keys.length);
    // A record keeps its own "type" field; nothing of the installation's secrets leaves.
    expect(lines.find((line) => line.type === "Incident")?.data["type"]).toEqual(expect.any(String));
    expect(lines.some((line) => line.data["summary"] === "deleted record" && line.data["deletedAt"] !== null)).toBe(true);
    expect(text).not.toContain("desk@news.example");
    expect(text).not.toContain("f".repeat(64));
    expect(lines.find((line) => line.type === "User" && line.data["name"] === "Fact Desk")?.data).toEqual({ id: expect.any(String), name: "Fact Desk", role: "EDITOR", createdAt: expect.any(String), disabledAt: null });
  });

  it("gives the same lines in batches of 3 as in one go", async () => {
    const whole = await exportText({ what: "all", format: "jsonl" });
    const batched = await exportText({ what: "all", format: "jsonl", batchSize: 3 });
    expect(batched.text).toBe(whole.text);
    expect(batched.statements.length).toBeGreaterThan(whole.statements.length);
  });
});

describe("the export command line", () => {
  it("parses what, format, output and batch size, and refuses anything else with a reason", () => {
    expect(parseExportCommand(["incidents", "--format", "csv"])).toEqual({ what: "incidents", format: "csv", out: null, batchSize: 500 });
    expect(parseExportCommand(["all", "--format=jsonl", "--out", "x.jsonl", "--batch-size=50"])).toEqual({ what: "all", format: "jsonl", out: "x.jsonl", batchSize: 50 });
    const refused = (args: string[]) => {
      try {
        parseExportCommand(args);
      } catch (error) {
        expect(error).toBeInstanceOf(UsageError);
        return (error as Error).message;
      }
      throw new Error(`accepted ${args.join(" ")}`);
    };
    expect(refused([])).toMatch(/incidents or all/);
    expect(refused(["people", "--format", "csv"])).toMatch(/incidents or all/);
    expect(refused(["all", "--format", "csv"])).toMatch(/must be jsonl/);
    expect(refused(["incidents"])).toMatch(/--format must be csv or jsonl/);
    expect(refused(["incidents", "--format", "xml"])).toMatch(/not "xml"/);
    expect(refused(["incidents", "--format", "csv", "--out"])).toMatch(/--out needs a value/);
    expect(refused(["incidents", "--format", "csv", "--batch-size", "0"])).toMatch(/batch-size/);
    expect(refused(["incidents", "--format", "csv", "--colour"])).toMatch(/unknown option --colour/);
    expect(refused(["incidents", "--format", "csv", "extra"])).toMatch(/unexpected argument/);
  });
});
