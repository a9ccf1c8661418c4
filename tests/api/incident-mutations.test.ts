import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Article, Incident } from "../../src/generated/prisma/client.js";
import type { Role } from "../../src/generated/prisma/enums.js";
import { createContext } from "../../src/graphql/context.js";
import { toGlobalId } from "../../src/graphql/ids.js";
import { mutationPayload } from "../../src/graphql/payload.js";
import { createIncident } from "../../src/domain/incidents/commands.js";
import type { Actor } from "../../src/core/actor.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { errorCodes } from "../support/graphql.js";
import { createViewer, executeAsViewer } from "../support/viewers.js";

// Incident mutations through the GraphQL layer, as every role: createIncident, updateIncident,
// linkIncidentToArticle and mergeIncidents. After every refusal or failure the stored data is
// compared with what it was before; after every success exactly one audit event is new.

const SLUG = "basra-consulate-2018";
const ROLES: readonly Role[] = ["VIEWER", "REPORTER", "EDITOR", "ADMIN"];

let db: TestDatabase;
const viewers = {} as Record<Role, Actor>;
let article: Article;

interface MutationError {
  code: string;
  field: string | null;
  message: string;
  currentVersion: number | null;
}
interface IncidentFields {
  id: string;
  type: string;
  subType: string | null;
  summary: string;
  date: string | null;
  datePrecision: string;
  dateRange: { earliest: string | null; latest: string | null };
  place: { name: string } | null;
  fatalities: { min: number | null; max: number | null };
  injuries: { min: number | null; max: number | null };
  attributedTo: string | null;
  status: string;
  version: number;
}

const INCIDENT_FIELDS = `id type subType summary date datePrecision dateRange { earliest latest } place { name }
  fatalities { min max } injuries { min max } attributedTo status version`;
const ERRORS = "errors { code field message currentVersion }";

const CREATE = `mutation ($input: CreateIncidentInput!) { createIncident(input: $input) { incident { ${INCIDENT_FIELDS} } ${ERRORS} } }`;
const UPDATE = `mutation ($input: UpdateIncidentInput!) { updateIncident(input: $input) { incident { ${INCIDENT_FIELDS} } ${ERRORS} } }`;
const LINK = `mutation ($input: LinkIncidentToArticleInput!) {
  linkIncidentToArticle(input: $input) {
    mention { span { start end exact prefix suffix } anchorState origin article { slug } incident { id } }
    incident { id }
    ${ERRORS}
  }
}`;
const MERGE = `mutation ($input: MergeIncidentsInput!) {
  mergeIncidents(input: $input) {
    incident { ${INCIDENT_FIELDS} mentions(first: 100) { totalCount edges { node { span { start end } article { slug } } } } }
    source { id version mergedInto { id } }
    ${ERRORS}
  }
}`;

type CreatePayload = { createIncident: { incident: IncidentFields | null; errors: MutationError[] } };
type UpdatePayload = { updateIncident: { incident: IncidentFields | null; errors: MutationError[] } };
type LinkPayload = {
  linkIncidentToArticle: {
    mention: { span: { start: number; end: number; exact: string; prefix: string; suffix: string }; anchorState: string; origin: string; article: { slug: string }; incident: { id: string } } | null;
    incident: { id: string } | null;
    errors: MutationError[];
  };
};
type MergePayload = {
  mergeIncidents: {
    incident: (IncidentFields & { mentions: { totalCount: number; edges: { node: { span: { start: number; end: number }; article: { slug: string } } }[] } }) | null;
    source: { id: string; version: number; mergedInto: { id: string } | null } | null;
    errors: MutationError[];
  };
};

function run<T>(role: Role, query: string, variables: Record<string, unknown> = {}) {
  return executeAsViewer<T>(db, viewers[role], query, variables);
}

/** Everything an incident mutation can touch, to compare before and after a failure. */
async function state() {
  const [incidents, mentions, annotations, auditEvents] = await Promise.all([
    db.prisma.incident.findMany({ orderBy: { id: "asc" } }),
    db.prisma.incidentMention.findMany({ orderBy: { id: "asc" } }),
    db.prisma.annotation.findMany({ orderBy: { id: "asc" } }),
    db.prisma.auditEvent.count(),
  ]);
  return { incidents, mentions, annotations, auditEvents };
}

/** Runs a mutation that must leave the database exactly as it was; returns its result. */
async function unchangedAfter<T>(role: Role, query: string, variables: Record<string, unknown>) {
  const before = await state();
  const result = await run<T>(role, query, variables);
  expect(await state()).toEqual(before);
  return result;
}

/** Runs a mutation that must succeed, and checks that it wrote exactly one audit event with `action`. */
async function succeeds<T>(role: Role, query: string, variables: Record<string, unknown>, action: string, targetId: string | null): Promise<T> {
  const before = await db.prisma.auditEvent.count();
  const result = await run<T>(role, query, variables);
  expect(result.errors).toBeUndefined();
  const payload = Object.values(result.data as Record<string, { errors: MutationError[] }>)[0];
  expect(payload?.errors).toEqual([]);
  expect(await db.prisma.auditEvent.count()).toBe(before + 1);
  const event = await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
  expect(event).toMatchObject({ action, targetType: "Incident", actorId: viewers[role].userId, requestId: "test-request" });
  if (targetId !== null) expect(event.targetId).toBe(targetId);
  return result.data as T;
}

/** An incident made directly in the database (not through the API under test). */
function makeIncident(data: Partial<Incident> & { summary: string }): Promise<Incident> {
  return db.prisma.incident.create({ data: { type: "attack", ...data } });
}

function day(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** The first offset of `text` in the example story's body. */
function offsetOf(text: string): { start: number; end: number } {
  const start = article.body.indexOf(text);
  if (start < 0) throw new Error(`not in the body: ${text}`);
  return { start, end: start + text.length };
}

beforeAll(async () => {
  db = await createTestDatabase({ exampleStory: true });
  await seedExampleStory(db.prisma);
  for (const role of ROLES) viewers[role] = await createViewer(db, role);
  article = await db.prisma.article.findUniqueOrThrow({ where: { slug: SLUG } });
});

afterAll(async () => {
  await db?.close();
});

describe("createIncident", () => {
  const input = {
    type: "attack",
    subType: "rocket attack",
    summary: "  Rockets fired at Basra airport  ",
    date: "2018-09-28",
    fatalities: { min: 0, max: 0 },
    injuries: { min: null, max: null },
    attributedTo: "Iran-backed militias",
  };

  it("is refused to viewers and reporters by the directive, and changes nothing", async () => {
    for (const role of ["VIEWER", "REPORTER"] as const) {
      const result = await unchangedAfter<CreatePayload>(role, CREATE, { input });
      expect(errorCodes(result.errors)).toEqual(["FORBIDDEN"]);
      expect(result.data?.createIncident ?? null).toBeNull();
    }
  });

  it("is refused by the service itself below EDITOR (the second line behind the directive)", async () => {
    const before = await state();
    const context = createContext(db.prisma, viewers.REPORTER, "test-request");
    const payload = await mutationPayload("incident", () => createIncident(context, { type: "attack", summary: "x" }));
    expect(payload.incident).toBeNull();
    expect(payload.errors.map((error) => error.code)).toEqual(["FORBIDDEN"]);
    expect(await state()).toEqual(before);
  });

  it("records an incident for editors and admins, with one audit event each", async () => {
    for (const role of ["EDITOR", "ADMIN"] as const) {
      const place = await db.prisma.place.findFirstOrThrow({ where: { name: { contains: "Basra" } } });
      const before = await db.prisma.incident.count();
      const data = await run<CreatePayload>(role, CREATE, { input: { ...input, placeId: toGlobalId("Place", place.id) } });
      expect(data.errors).toBeUndefined();
      const incident = data.data!.createIncident.incident!;
      expect(data.data!.createIncident.errors).toEqual([]);
      expect(incident).toMatchObject({
        type: "attack",
        subType: "rocket attack",
        summary: "Rockets fired at Basra airport",
        date: "2018-09-28",
        datePrecision: "DAY",
        dateRange: { earliest: "2018-09-28", latest: "2018-09-28" },
        place: { name: place.name },
        fatalities: { min: 0, max: 0 },
        injuries: { min: null, max: null },
        attributedTo: "Iran-backed militias",
        status: "REPORTED",
        version: 1,
      });
      expect(await db.prisma.incident.count()).toBe(before + 1);
      const event = await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
      const rawId = Buffer.from(incident.id, "base64url").toString("utf8").split(":")[1];
      expect(event).toMatchObject({ action: "incident.create", targetType: "Incident", targetId: rawId, actorId: viewers[role].userId, before: null });
      expect(await db.prisma.auditEvent.count({ where: { targetId: rawId } })).toBe(1);
    }
  });

  it("defaults the precision to UNKNOWN without a date and keeps a range of days", async () => {
    const data = await succeeds<CreatePayload>(
      "EDITOR",
      CREATE,
      { input: { type: "protest", summary: "Protests last week", datePrecision: "WEEK", dateEarliest: "2018-09-17", dateLatest: "2018-09-23", fatalities: { min: 13 } } },
      "incident.create",
      null,
    );
    expect(data.createIncident.incident).toMatchObject({ date: null, datePrecision: "WEEK", dateRange: { earliest: "2018-09-17", latest: "2018-09-23" }, fatalities: { min: 13, max: null } });
    const undated = await run<CreatePayload>("EDITOR", CREATE, { input: { type: "other", summary: "Something" } });
    expect(undated.data!.createIncident.incident).toMatchObject({ date: null, datePrecision: "UNKNOWN" });
  });

  it("answers INVALID_INPUT naming the field for bad input, and changes nothing", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ summary: "   " }, "input.summary"],
      [{ summary: "x".repeat(1001) }, "input.summary"],
      [{ fatalities: { min: 30, max: 25 } }, "input.fatalities.min"],
      [{ fatalities: { min: -1 } }, "input.fatalities.min"],
      [{ injuries: { max: -5 } }, "input.injuries.max"],
      [{ date: null, datePrecision: "DAY" }, "input.date"],
      [{ date: null, dateEarliest: "2018-09-23", dateLatest: "2018-09-17" }, "input.dateEarliest"],
      [{ date: "2018-09-01", dateEarliest: "2018-09-17" }, "input.date"],
      [{ date: "2018-09-30", dateLatest: "2018-09-28" }, "input.date"],
      [{ placeId: "not-an-id" }, "input.placeId"],
      [{ placeId: toGlobalId("Article", article.id) }, "input.placeId"],
      [{ subType: "y".repeat(201) }, "input.subType"],
    ];
    for (const [change, field] of cases) {
      const result = await unchangedAfter<CreatePayload>("EDITOR", CREATE, { input: { ...input, ...change } });
      expect(result.errors).toBeUndefined();
      expect(result.data!.createIncident.incident).toBeNull();
      expect(result.data!.createIncident.errors.map((error) => [error.code, error.field])).toContainEqual(["INVALID_INPUT", field]);
    }
  });

  it("answers NOT_FOUND for a well-formed id of a place that does not exist", async () => {
    const result = await unchangedAfter<CreatePayload>("EDITOR", CREATE, {
      input: { ...input, placeId: toGlobalId("Place", "00000000-0000-7000-8000-000000000000") },
    });
    expect(result.data!.createIncident.errors).toMatchObject([{ code: "NOT_FOUND", field: "input.placeId" }]);
  });
});

describe("updateIncident", () => {
  it("changes the fields given, bumps the version and records the before and after", async () => {
    const incident = await makeIncident({ summary: "Update me", fatalitiesMin: 3, fatalitiesMax: 5, attributedTo: "someone" });
    const id = toGlobalId("Incident", incident.id);
    const data = await succeeds<UpdatePayload>(
      "EDITOR",
      UPDATE,
      { input: { id, expectedVersion: 1, summary: "Updated", status: "CONFIRMED", injuries: { min: 2, max: 4 }, attributedTo: null } },
      "incident.update",
      incident.id,
    );
    expect(data.updateIncident.incident).toMatchObject({
      summary: "Updated",
      status: "CONFIRMED",
      fatalities: { min: 3, max: 5 },
      injuries: { min: 2, max: 4 },
      attributedTo: null,
      version: 2,
    });
    const event = await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(event.before).toMatchObject({ summary: "Update me", version: 1, attributedTo: "someone" });
    expect(event.after).toMatchObject({ summary: "Updated", version: 2, attributedTo: null });

    // A null range clears both bounds.
    const cleared = await succeeds<UpdatePayload>("ADMIN", UPDATE, { input: { id, expectedVersion: 2, fatalities: null } }, "incident.update", incident.id);
    expect(cleared.updateIncident.incident).toMatchObject({ fatalities: { min: null, max: null }, version: 3 });
  });

  it("answers VERSION_CONFLICT with the current version for a stale expectedVersion, and changes nothing", async () => {
    const incident = await makeIncident({ summary: "Stale", version: 4 });
    const result = await unchangedAfter<UpdatePayload>("EDITOR", UPDATE, { input: { id: toGlobalId("Incident", incident.id), expectedVersion: 3, summary: "Lost update" } });
    expect(result.data!.updateIncident).toEqual({
      incident: null,
      errors: [{ code: "VERSION_CONFLICT", field: "input.expectedVersion", message: expect.any(String), currentVersion: 4 }],
    });
  });

  it("checks the date rules against the stored record", async () => {
    const incident = await makeIncident({ summary: "Ranged", datePrecision: "WEEK", dateEarliest: day("2018-09-17"), dateLatest: day("2018-09-23") });
    const id = toGlobalId("Incident", incident.id);
    const noDate = await unchangedAfter<UpdatePayload>("EDITOR", UPDATE, { input: { id, expectedVersion: 1, datePrecision: "DAY" } });
    expect(noDate.data!.updateIncident.errors).toMatchObject([{ code: "INVALID_INPUT", field: "input.date" }]);
    const outside = await unchangedAfter<UpdatePayload>("EDITOR", UPDATE, { input: { id, expectedVersion: 1, date: "2018-09-25", datePrecision: "DAY" } });
    expect(outside.data!.updateIncident.errors).toMatchObject([{ code: "INVALID_INPUT", field: "input.date" }]);
    const inverted = await unchangedAfter<UpdatePayload>("EDITOR", UPDATE, { input: { id, expectedVersion: 1, dateLatest: "2018-09-01" } });
    expect(inverted.data!.updateIncident.errors).toMatchObject([{ code: "INVALID_INPUT", field: "input.dateEarliest" }]);
    const ok = await succeeds<UpdatePayload>("EDITOR", UPDATE, { input: { id, expectedVersion: 1, date: "2018-09-20", datePrecision: "DAY" } }, "incident.update", incident.id);
    expect(ok.updateIncident.incident).toMatchObject({ date: "2018-09-20", datePrecision: "DAY", dateRange: { earliest: "2018-09-17", latest: "2018-09-23" } });
  });

  it("answers INVALID_INPUT for bad ids and counts, NOT_FOUND for invisible incidents, CONFLICT for merged ones", async () => {
    const target = await makeIncident({ summary: "Survivor" });
    const merged = await makeIncident({ summary: "Merged away", mergedIntoId: target.id });
    const rejected = await makeIncident({ summary: "Rejected suggestion", origin: "MACHINE", reviewStatus: "REJECTED" });
    const deleted = await makeIncident({ summary: "Deleted", deletedAt: new Date() });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ id: "garbage", expectedVersion: 1 }, "INVALID_INPUT", "input.id"],
      [{ id: toGlobalId("Article", article.id), expectedVersion: 1 }, "INVALID_INPUT", "input.id"],
      [{ id: toGlobalId("Incident", target.id), expectedVersion: 0 }, "INVALID_INPUT", "input.expectedVersion"],
      [{ id: toGlobalId("Incident", target.id), expectedVersion: 1, fatalities: { min: 5, max: 1 } }, "INVALID_INPUT", "input.fatalities.min"],
      [{ id: toGlobalId("Incident", target.id), expectedVersion: 1, reviewStatus: "PENDING" }, "INVALID_INPUT", "input.reviewStatus"],
      [{ id: toGlobalId("Incident", rejected.id), expectedVersion: 1 }, "NOT_FOUND", "input.id"],
      [{ id: toGlobalId("Incident", deleted.id), expectedVersion: 1 }, "NOT_FOUND", "input.id"],
      [{ id: toGlobalId("Incident", "00000000-0000-7000-8000-000000000000"), expectedVersion: 1 }, "NOT_FOUND", "input.id"],
      [{ id: toGlobalId("Incident", merged.id), expectedVersion: 1 }, "CONFLICT", "input.id"],
    ];
    for (const [input, code, field] of cases) {
      const result = await unchangedAfter<UpdatePayload>("EDITOR", UPDATE, { input: { summary: "changed", ...input } });
      expect(result.data!.updateIncident.incident).toBeNull();
      expect(result.data!.updateIncident.errors.map((error) => [error.code, error.field])).toContainEqual([code, field]);
    }
  });

  it("is refused to viewers and reporters", async () => {
    const incident = await makeIncident({ summary: "Not yours" });
    for (const role of ["VIEWER", "REPORTER"] as const) {
      const result = await unchangedAfter<UpdatePayload>(role, UPDATE, { input: { id: toGlobalId("Incident", incident.id), expectedVersion: 1, summary: "x" } });
      expect(errorCodes(result.errors)).toEqual(["FORBIDDEN"]);
    }
  });

  it("lets an editor accept a machine suggestion", async () => {
    const pending = await makeIncident({ summary: "Suggested", origin: "MACHINE", reviewStatus: "PENDING", confidence: 0.6 });
    await succeeds("EDITOR", UPDATE, { input: { id: toGlobalId("Incident", pending.id), expectedVersion: 1, reviewStatus: "ACCEPTED" } }, "incident.update", pending.id);
    expect((await db.prisma.incident.findUniqueOrThrow({ where: { id: pending.id } })).reviewStatus).toBe("ACCEPTED");
  });
});

describe("linkIncidentToArticle", () => {
  const text = "Iraqis hold demonstrations over a range of issues";

  it("stores the span with both selectors, once", async () => {
    const incident = await makeIncident({ summary: "Linked" });
    const { start, end } = offsetOf(text);
    const input = { incidentId: toGlobalId("Incident", incident.id), articleId: toGlobalId("Article", article.id), selector: { start, end, exact: text } };
    const data = await succeeds<LinkPayload>("EDITOR", LINK, { input }, "incident.link", incident.id);
    expect(data.linkIncidentToArticle.mention).toMatchObject({
      span: { start, end, exact: text, prefix: article.body.slice(Math.max(0, start - 32), start), suffix: article.body.slice(end, end + 32) },
      anchorState: "ANCHORED",
      origin: "EDITOR",
      article: { slug: SLUG },
      incident: { id: input.incidentId },
    });
    const stored = await db.prisma.incidentMention.findFirstOrThrow({ where: { incidentId: incident.id } });
    expect(stored).toMatchObject({ start, end, exact: text, anchoredRevision: article.revisionNumber });

    // The same span again is CONFLICT, with or without `exact`.
    for (const selector of [{ start, end, exact: text }, { start, end }]) {
      const again = await unchangedAfter<LinkPayload>("EDITOR", LINK, { input: { ...input, selector } });
      expect(again.data!.linkIncidentToArticle).toMatchObject({ mention: null, incident: null, errors: [{ code: "CONFLICT", field: "input.selector" }] });
    }
  });

  it("finds a span whose offsets moved by its exact text, prefix and suffix", async () => {
    const incident = await makeIncident({ summary: "Relocated" });
    const { start, end } = offsetOf(text);
    const prefix = article.body.slice(start - 10, start);
    const input = {
      incidentId: toGlobalId("Incident", incident.id),
      articleId: toGlobalId("Article", article.id),
      selector: { start: start + 3, end: end + 3, exact: text, prefix },
    };
    const data = await succeeds<LinkPayload>("ADMIN", LINK, { input }, "incident.link", incident.id);
    expect(data.linkIncidentToArticle.mention?.span).toMatchObject({ start, end, exact: text });
  });

  it("refuses selectors that do not match the text, bad ids and invisible records, changing nothing", async () => {
    const incident = await makeIncident({ summary: "Unlinked" });
    const merged = await makeIncident({ summary: "Merged, unlinkable", mergedIntoId: incident.id });
    const deletedArticle = await db.prisma.article.create({
      data: { slug: "deleted-story", body: "Some text about rockets.", bodyHash: "x", status: "PUBLISHED", deletedAt: new Date() },
    });
    const { start, end } = offsetOf(text);
    const good = { incidentId: toGlobalId("Incident", incident.id), articleId: toGlobalId("Article", article.id), selector: { start, end, exact: text } };
    const cases: [Record<string, unknown>, string, string][] = [
      [{ selector: { start, end, exact: "not in the story at all" } }, "INVALID_SELECTOR", "input.selector.exact"],
      // "Basra" is in the story many times: without the offsets, which one is meant is unknown.
      [{ selector: { start: start + 1, end: start + 6, exact: "Basra" } }, "INVALID_SELECTOR", "input.selector.exact"],
      [{ selector: { start: end, end: start } }, "INVALID_INPUT", "input.selector"],
      [{ selector: { start: -1, end: 4 } }, "INVALID_INPUT", "input.selector"],
      [{ selector: { start: 0, end: article.body.length + 1 } }, "INVALID_INPUT", "input.selector.end"],
      [{ incidentId: "nope" }, "INVALID_INPUT", "input.incidentId"],
      [{ articleId: toGlobalId("Incident", incident.id) }, "INVALID_INPUT", "input.articleId"],
      [{ articleId: toGlobalId("Article", deletedArticle.id), selector: { start: 0, end: 4 } }, "NOT_FOUND", "input.articleId"],
      [{ incidentId: toGlobalId("Incident", "00000000-0000-7000-8000-000000000000") }, "NOT_FOUND", "input.incidentId"],
      [{ incidentId: toGlobalId("Incident", merged.id) }, "CONFLICT", "input.incidentId"],
    ];
    for (const [change, code, field] of cases) {
      const result = await unchangedAfter<LinkPayload>("EDITOR", LINK, { input: { ...good, ...change } });
      expect(result.data!.linkIncidentToArticle.mention).toBeNull();
      expect(result.data!.linkIncidentToArticle.errors.map((error) => [error.code, error.field])).toContainEqual([code, field]);
    }
    for (const role of ["VIEWER", "REPORTER"] as const) {
      const refused = await unchangedAfter<LinkPayload>(role, LINK, { input: good });
      expect(errorCodes(refused.errors)).toEqual(["FORBIDDEN"]);
    }
  });
});

describe("mergeIncidents", () => {
  it("moves spans, annotations and merged records to the target, fills its unknowns, in one audited step", async () => {
    const target = await makeIncident({ summary: "Rocket attack on the consulate (story B)", fatalitiesMin: null, fatalitiesMax: null, injuriesMin: 1, injuriesMax: 1 });
    const source = await makeIncident({
      summary: "Rocket attack on the consulate (story A)",
      date: day("2018-09-08"),
      datePrecision: "DAY",
      fatalitiesMin: 0,
      fatalitiesMax: 0,
      injuriesMin: 5,
      injuriesMax: 7,
    });
    const older = await makeIncident({ summary: "An older duplicate, merged into the source", mergedIntoId: source.id });
    const shared = offsetOf("rocket attacks struck the U.S. consulate in Basra");
    const own = offsetOf("against the American embassy compound in Baghdad");
    const mention = (incidentId: string, span: { start: number; end: number }) => ({
      incidentId,
      articleId: article.id,
      ...span,
      exact: article.body.slice(span.start, span.end),
    });
    await db.prisma.incidentMention.createMany({ data: [mention(target.id, shared), mention(source.id, shared), mention(source.id, own)] });
    const author = viewers.EDITOR.userId!;
    const note = await db.prisma.annotation.create({ data: { targetType: "INCIDENT", incidentId: source.id, motivation: "questioning", body: "Same attack?", authorId: author } });

    const data = await succeeds<MergePayload>(
      "EDITOR",
      MERGE,
      { input: { sourceId: toGlobalId("Incident", source.id), targetId: toGlobalId("Incident", target.id), expectedSourceVersion: 1, expectedTargetVersion: 1 } },
      "incident.merge",
      target.id,
    );
    const merged = data.mergeIncidents;
    expect(merged.incident).toMatchObject({
      id: toGlobalId("Incident", target.id),
      summary: target.summary,
      date: "2018-09-08",
      datePrecision: "DAY",
      fatalities: { min: 0, max: 0 }, // unknown on the target: taken from the source
      injuries: { min: 1, max: 1 }, // known on the target: kept
      version: 2,
    });
    expect(merged.incident!.mentions.totalCount).toBe(2);
    expect(merged.incident!.mentions.edges.map((edge) => edge.node.span).sort((a, b) => a.start - b.start)).toEqual(
      [shared, own].sort((a, b) => a.start - b.start),
    );
    expect(merged.source).toEqual({ id: toGlobalId("Incident", source.id), version: 2, mergedInto: { id: toGlobalId("Incident", target.id) } });

    expect(await db.prisma.incidentMention.count({ where: { incidentId: source.id } })).toBe(0);
    expect(await db.prisma.incidentMention.count({ where: { incidentId: target.id } })).toBe(2);
    expect((await db.prisma.annotation.findUniqueOrThrow({ where: { id: note.id } })).incidentId).toBe(target.id);
    expect((await db.prisma.incident.findUniqueOrThrow({ where: { id: older.id } })).mergedIntoId).toBe(target.id);

    const event = await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(event.before).toMatchObject({ source: { id: source.id, mergedIntoId: null }, target: { id: target.id, fatalitiesMin: null } });
    expect(event.after).toMatchObject({
      source: { id: source.id, mergedIntoId: target.id },
      target: { id: target.id, fatalitiesMin: 0 },
      movedMentions: 1,
      droppedDuplicateMentions: 1,
      movedAnnotations: 1,
      redirectedIncidents: 1,
    });

    // The source's id now answers with the target, and lists no longer show the source.
    const lookup = await run<{ incident: { id: string } | null }>("VIEWER", `query ($id: ID!) { incident(id: $id) { id } }`, { id: toGlobalId("Incident", source.id) });
    expect(lookup.data?.incident?.id).toBe(toGlobalId("Incident", target.id));
  });

  it("refuses merging into itself, into or from a merged incident, stale versions and bad ids, changing nothing", async () => {
    const a = await makeIncident({ summary: "Merge A" });
    const b = await makeIncident({ summary: "Merge B", version: 3 });
    const gone = await makeIncident({ summary: "Merged already", mergedIntoId: b.id });
    const rejected = await makeIncident({ summary: "Rejected", reviewStatus: "REJECTED", origin: "MACHINE" });
    const id = (incident: Incident) => toGlobalId("Incident", incident.id);
    const good = { sourceId: id(a), targetId: id(b), expectedSourceVersion: 1, expectedTargetVersion: 3 };
    const cases: [Record<string, unknown>, string, string, number | null][] = [
      [{ targetId: id(a) }, "CONFLICT", "input.targetId", null],
      [{ targetId: id(gone) }, "CONFLICT", "input.targetId", null],
      [{ sourceId: id(gone) }, "CONFLICT", "input.sourceId", null],
      [{ targetId: id(rejected) }, "NOT_FOUND", "input.targetId", null],
      [{ sourceId: "bad" }, "INVALID_INPUT", "input.sourceId", null],
      [{ expectedTargetVersion: 0 }, "INVALID_INPUT", "input.expectedTargetVersion", null],
      [{ expectedSourceVersion: 2 }, "VERSION_CONFLICT", "input.expectedSourceVersion", 1],
      [{ expectedTargetVersion: 2 }, "VERSION_CONFLICT", "input.expectedTargetVersion", 3],
    ];
    for (const [change, code, field, currentVersion] of cases) {
      const result = await unchangedAfter<MergePayload>("EDITOR", MERGE, { input: { ...good, ...change } });
      expect(result.data!.mergeIncidents).toMatchObject({ incident: null, source: null });
      expect(result.data!.mergeIncidents.errors).toContainEqual({ code, field, message: expect.any(String), currentVersion });
    }
    for (const role of ["VIEWER", "REPORTER"] as const) {
      const refused = await unchangedAfter<MergePayload>(role, MERGE, { input: good });
      expect(errorCodes(refused.errors)).toEqual(["FORBIDDEN"]);
    }
    // And the good input still works afterwards.
    await succeeds("ADMIN", MERGE, { input: good }, "incident.merge", b.id);
  });

  it("lets only one of two opposite merges run at once win", async () => {
    const MERGE_IDS = `mutation ($input: MergeIncidentsInput!) { mergeIncidents(input: $input) { incident { id } ${ERRORS} } }`;
    const a = await makeIncident({ summary: "Opposite A" });
    const b = await makeIncident({ summary: "Opposite B" });
    const before = await db.prisma.auditEvent.count();
    const [one, two] = await Promise.all([
      run<MergePayload>("EDITOR", MERGE_IDS, { input: { sourceId: toGlobalId("Incident", a.id), targetId: toGlobalId("Incident", b.id), expectedSourceVersion: 1, expectedTargetVersion: 1 } }),
      run<MergePayload>("EDITOR", MERGE_IDS, { input: { sourceId: toGlobalId("Incident", b.id), targetId: toGlobalId("Incident", a.id), expectedSourceVersion: 1, expectedTargetVersion: 1 } }),
    ]);
    expect(one.errors).toBeUndefined();
    expect(two.errors).toBeUndefined();
    const outcomes = [one.data!.mergeIncidents, two.data!.mergeIncidents];
    expect(outcomes.filter((outcome) => outcome.errors.length === 0)).toHaveLength(1);
    expect(outcomes.flatMap((outcome) => outcome.errors.map((error) => error.code))).toEqual([expect.stringMatching(/^(VERSION_CONFLICT|CONFLICT)$/)]);
    expect(await db.prisma.auditEvent.count()).toBe(before + 1);
    const rows = await db.prisma.incident.findMany({ where: { id: { in: [a.id, b.id] } } });
    expect(rows.filter((row) => row.mergedIntoId !== null)).toHaveLength(1);
  });
});
