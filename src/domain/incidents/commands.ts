import { z } from "zod";
import { Prisma } from "../../db/index.js";
import { inTransaction } from "../../db/transaction.js";
import type { Incident, IncidentMention } from "../../generated/prisma/client.js";
import type { ReviewStatus } from "../../generated/prisma/enums.js";
import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import { changeRecord, createRecord, findToChange, updateVersioned, versionedTable } from "../../core/change.js";
import { command } from "../../core/command.js";
import { DomainFailure, fail, type FailureReason } from "../../core/failure.js";
import { expectedVersion as version, parseInput } from "../../core/input.js";
import { resolveSelector } from "../../core/selector.js";
import { visibleArticles } from "../visibility/articles.js";
import { resolvableIncidents } from "../visibility/incidents.js";

// Incident commands: the policy authorizes (command), zod validates, then the rules that need the
// stored record; changes go through the change ritual on the `incidents` table (conditional
// updates on the version, one audit event). Ids are plain record ids: the GraphQL adapter decodes
// global ids before calling.

/** A count nobody reports: far above any casualty figure, low enough to catch typos and overflow. */
const MAX_COUNT = 10_000_000;
const INCIDENT_TYPES = ["attack", "explosion", "protest", "riot", "armed_clash", "evacuation", "closure", "arrest", "diplomatic_action", "other"] as const;
const DATE_PRECISIONS = ["DAY", "WEEK", "MONTH", "UNKNOWN"] as const;

const count = z.number().int("must be a whole number").min(0, "must not be negative").max(MAX_COUNT, `must be at most ${MAX_COUNT}`).nullish();
const countRange = z
  .object({ min: count, max: count })
  .refine((range) => range.min === null || range.min === undefined || range.max === null || range.max === undefined || range.min <= range.max, {
    message: "min must not exceed max",
    path: ["min"],
  });
const text = (max: number) => z.string().trim().max(max, `must be at most ${max} characters`);
const summary = text(1000).min(1, "must not be empty");
const day = z.date().nullish();

const incidentFields = {
  subType: text(200).nullish(),
  date: day,
  datePrecision: z.enum(DATE_PRECISIONS).nullish(),
  dateEarliest: day,
  dateLatest: day,
  placeId: z.string().nullish(),
  fatalities: countRange.nullish(),
  injuries: countRange.nullish(),
  attributedTo: text(500).nullish(),
  blamedBy: text(500).nullish(),
};

const createSchema = z.object({ type: z.enum(INCIDENT_TYPES), summary, ...incidentFields });

const updateSchema = z.object({
  id: z.string(),
  expectedVersion: version,
  type: z.enum(INCIDENT_TYPES).nullish(),
  summary: summary.nullish(),
  ...incidentFields,
  status: z.enum(["REPORTED", "CONFIRMED", "DISPUTED"]).nullish(),
  reviewStatus: z.enum(["ACCEPTED", "REJECTED"], { message: "must be ACCEPTED or REJECTED (an editor's decision)" }).nullish(),
});

const linkSchema = z.object({
  incidentId: z.string(),
  articleId: z.string(),
  selector: z.object({ start: z.number(), end: z.number(), exact: z.string().nullish(), prefix: z.string().nullish(), suffix: z.string().nullish() }),
});

const mergeSchema = z.object({ sourceId: z.string(), targetId: z.string(), expectedSourceVersion: version, expectedTargetVersion: version });

/**
 * Input of {@link updateIncident}: `id` and `placeId` are record ids; a null `placeId` clears the
 * place. Any review status may be asked for; PENDING is refused as INVALID_INPUT (an editor decides).
 */
export type UpdateIncidentCommand = Omit<z.input<typeof updateSchema>, "reviewStatus"> & { readonly reviewStatus?: ReviewStatus | null };
/** Input of {@link linkIncidentToArticle}: `incidentId` and `articleId` are record ids. */
export type LinkIncidentCommand = z.input<typeof linkSchema>;

/** Incidents as the change ritual reads and updates them: those the actor may reach by id (merged ones included; see {@link incidentToChange}). */
export const incidents = versionedTable<Incident, Prisma.IncidentWhereInput, Prisma.IncidentUncheckedUpdateManyInput>({
  type: "Incident",
  noun: "incident",
  model: (tx) => tx.incident,
  changeable: resolvableIncidents,
});

/** The fields of an incident that the date rules look at. */
type DateFacts = Pick<Incident, "date" | "datePrecision" | "dateEarliest" | "dateLatest">;

/**
 * The rules that involve several fields, checked on the incident as it would be after the change
 * (for an update, stored values merged with the new ones): a DAY precision needs a date, and the
 * days are in order (earliest <= date <= latest). Count ranges are checked by zod as they come in.
 */
function checkDates(facts: DateFacts): void {
  const reasons: FailureReason[] = [];
  const problem = (field: string, message: string) => reasons.push({ code: "INVALID_INPUT", field: `input.${field}`, message, currentVersion: null });
  if (facts.datePrecision === "DAY" && !facts.date) problem("date", "a DAY precision needs the date");
  const { date, dateEarliest, dateLatest } = facts;
  if (dateEarliest && dateLatest && dateEarliest > dateLatest) problem("dateEarliest", "must not be after dateLatest");
  if (date && dateEarliest && date < dateEarliest) problem("date", "must not be before dateEarliest");
  if (date && dateLatest && date > dateLatest) problem("date", "must not be after dateLatest");
  if (reasons.length > 0) throw new DomainFailure(reasons);
}

/** A place named in the input must exist (places have no visibility rule); NOT_FOUND otherwise. */
async function checkPlace(tx: Prisma.TransactionClient, placeId: string | null | undefined): Promise<void> {
  if (placeId && !(await tx.place.findUnique({ where: { id: placeId }, select: { id: true } }))) {
    throw fail("NOT_FOUND", "The place does not exist.", "input.placeId");
  }
}

/** CONFLICT when the incident was merged away: changes belong on the incident it was merged into. */
function checkNotMerged(incident: Incident, field: string): void {
  if (incident.mergedIntoId) throw fail("CONFLICT", "The incident was merged into another one; change that one instead.", field);
}

/**
 * Reads an incident to change inside the transaction: NOT_FOUND when the viewer may not see it,
 * CONFLICT when it was merged away.
 */
async function incidentToChange(tx: Prisma.TransactionClient, viewer: Actor, id: string, field: string): Promise<Incident> {
  const incident = await findToChange(tx, incidents, viewer, id, field);
  checkNotMerged(incident, field);
  return incident;
}

/** Records an incident (origin EDITOR, ACCEPTED). */
export const createIncident = command("incident.create", createSchema, async (session, data): Promise<Incident> => {
  const dates: DateFacts = {
    date: data.date ?? null,
    datePrecision: data.datePrecision ?? (data.date ? "DAY" : "UNKNOWN"),
    dateEarliest: data.dateEarliest ?? null,
    dateLatest: data.dateLatest ?? null,
  };
  checkDates(dates);
  return createRecord(session, {
    type: "Incident",
    create: async (tx) => {
      await checkPlace(tx, data.placeId);
      return tx.incident.create({
        data: {
          type: data.type,
          subType: data.subType || null,
          summary: data.summary,
          ...dates,
          fatalitiesMin: data.fatalities?.min ?? null,
          fatalitiesMax: data.fatalities?.max ?? null,
          injuriesMin: data.injuries?.min ?? null,
          injuriesMax: data.injuries?.max ?? null,
          placeId: data.placeId ?? null,
          attributedTo: data.attributedTo || null,
          blamedBy: data.blamedBy || null,
          origin: "EDITOR",
          reviewStatus: "ACCEPTED",
        },
      });
    },
  });
});

/**
 * Changes an incident. Fields left out stay, null clears; the combined result must satisfy the
 * date rules, so they are checked against the stored record read in the same transaction whose
 * conditional update then guarantees nobody changed it in between.
 */
export const updateIncident = command("incident.update", async (session, input: UpdateIncidentCommand): Promise<Incident> => {
  // The API's ReviewStatus includes PENDING, which the schema refuses with its own message.
  const data = parseInput(updateSchema, input);
  return changeRecord(session, incidents, data, {
    changes: async (before, tx) => {
      checkNotMerged(before, "input.id");
      const changes: Prisma.IncidentUncheckedUpdateManyInput = {};
      // Required columns ignore an explicit null (there is nothing to clear them to).
      if (data.type) changes.type = data.type;
      if (data.summary) changes.summary = data.summary;
      if (data.status) changes.status = data.status;
      if (data.reviewStatus) changes.reviewStatus = data.reviewStatus;
      if (data.datePrecision) changes.datePrecision = data.datePrecision;
      for (const key of ["subType", "attributedTo", "blamedBy"] as const) {
        if (data[key] !== undefined) changes[key] = data[key] || null;
      }
      for (const key of ["date", "dateEarliest", "dateLatest"] as const) {
        if (data[key] !== undefined) changes[key] = data[key];
      }
      if (data.fatalities !== undefined) {
        changes.fatalitiesMin = data.fatalities?.min ?? null;
        changes.fatalitiesMax = data.fatalities?.max ?? null;
      }
      if (data.injuries !== undefined) {
        changes.injuriesMin = data.injuries?.min ?? null;
        changes.injuriesMax = data.injuries?.max ?? null;
      }
      if (data.placeId !== undefined) {
        await checkPlace(tx, data.placeId);
        changes.placeId = data.placeId ?? null;
      }
      checkDates({
        date: data.date !== undefined ? data.date : before.date,
        datePrecision: data.datePrecision ?? before.datePrecision,
        dateEarliest: data.dateEarliest !== undefined ? data.dateEarliest : before.dateEarliest,
        dateLatest: data.dateLatest !== undefined ? data.dateLatest : before.dateLatest,
      });
      return changes;
    },
  });
});

/** True for the error PostgreSQL gives when a unique constraint is violated (as Prisma reports it). */
function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/**
 * Ties an incident to the span of an article that reports it. The selector is checked against
 * the article's current body and stored with both selectors; the same span of the same article
 * twice is CONFLICT.
 */
export const linkIncidentToArticle = command(
  "incident.link",
  async (session, input: LinkIncidentCommand): Promise<{ mention: IncidentMention; incident: Incident }> => {
    const data = parseInput(linkSchema, input);
    const { incidentId, articleId } = data;
    const duplicate = () => fail("CONFLICT", "This span of the article is already linked to the incident.", "input.selector");
    try {
      return await inTransaction(session.prisma, async (tx) => {
        const incident = await incidentToChange(tx, session.viewer, incidentId, "input.incidentId");
        const article = await tx.article.findFirst({ where: { id: articleId, ...visibleArticles(session.viewer) } });
        if (!article) throw fail("NOT_FOUND", "The article does not exist or is not visible to you.", "input.articleId");
        const span = resolveSelector(article.body, data.selector, "input.selector");
        const existing = await tx.incidentMention.findUnique({
          where: { incidentId_articleId_start_end: { incidentId, articleId, start: span.start, end: span.end } },
          select: { id: true },
        });
        if (existing) throw duplicate();
        const mention = await tx.incidentMention.create({
          data: { incidentId, articleId, ...span, anchoredRevision: article.revisionNumber, origin: "EDITOR", reviewStatus: "ACCEPTED" },
        });
        await recordAudit(tx, session, { action: "incident.link", targetType: "Incident", targetId: incidentId, before: null, after: { mention } });
        return { mention, incident };
      });
    } catch (error) {
      // Two editors linking the same span at once: the unique index settles it, the loser gets CONFLICT.
      if (isUniqueViolation(error)) throw duplicate();
      throw error;
    }
  },
);

/**
 * The target's unknown dates and counts, filled from the source: each group (the dates, the
 * fatalities range, the injuries range) is copied only when the source knows something of it and
 * the target nothing, so a known figure is never overwritten and a range never mixes two records.
 */
function filledFromSource(source: Incident, target: Incident): Prisma.IncidentUncheckedUpdateManyInput {
  const changes: Prisma.IncidentUncheckedUpdateManyInput = {};
  const known = (...values: unknown[]) => values.some((value) => value !== null);
  if (!known(target.date, target.dateEarliest, target.dateLatest) && known(source.date, source.dateEarliest, source.dateLatest)) {
    Object.assign(changes, { date: source.date, datePrecision: source.datePrecision, dateEarliest: source.dateEarliest, dateLatest: source.dateLatest });
  }
  if (!known(target.fatalitiesMin, target.fatalitiesMax) && known(source.fatalitiesMin, source.fatalitiesMax)) {
    Object.assign(changes, { fatalitiesMin: source.fatalitiesMin, fatalitiesMax: source.fatalitiesMax });
  }
  if (!known(target.injuriesMin, target.injuriesMax) && known(source.injuriesMin, source.injuriesMax)) {
    Object.assign(changes, { injuriesMin: source.injuriesMin, injuriesMax: source.injuriesMax });
  }
  return changes;
}

/**
 * {@link updateVersioned} on one side of a merge: its VERSION_CONFLICT or NOT_FOUND names that
 * side's expected version (`input.expectedSourceVersion`), not `input.id`.
 */
async function updateMergeSide(tx: Prisma.TransactionClient, id: string, expectedVersion: number, field: string, data: Prisma.IncidentUncheckedUpdateManyInput): Promise<void> {
  try {
    await updateVersioned(tx, incidents, id, expectedVersion, data);
  } catch (error) {
    if (!(error instanceof DomainFailure)) throw error;
    throw new DomainFailure(error.reasons.map((reason) => ({ ...reason, field })));
  }
}

/** What {@link mergeIncidents} returns: the incident that stayed and the merged source. */
export interface MergedIncidents {
  readonly incident: Incident;
  readonly source: Incident;
}

/**
 * Folds a duplicate incident into another, in one transaction: the source's spans move to the
 * target (less those the target has already), its annotations follow, the incidents merged into
 * it now point at the target, the target's unknown dates and counts are filled from it, and it is
 * marked merged into the target (its id then resolves to the target). One audit event, on the
 * target, describes the whole change.
 */
export const mergeIncidents = command("incident.merge", mergeSchema, async (session, data): Promise<MergedIncidents> => {
  const { sourceId, targetId } = data;
  if (sourceId === targetId) throw fail("CONFLICT", "An incident cannot be merged into itself.", "input.targetId");
  return inTransaction(session.prisma, async (tx) => {
    const sourceBefore = await incidentToChange(tx, session.viewer, sourceId, "input.sourceId");
    const targetBefore = await incidentToChange(tx, session.viewer, targetId, "input.targetId");

    // Both rows are updated in id order, so that two opposite merges running at once wait for
    // each other instead of deadlocking; the second then fails on its stale version.
    const updates = [
      { id: sourceId, expected: data.expectedSourceVersion, field: "input.expectedSourceVersion", data: { mergedIntoId: targetId } },
      { id: targetId, expected: data.expectedTargetVersion, field: "input.expectedTargetVersion", data: filledFromSource(sourceBefore, targetBefore) },
    ].sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const update of updates) await updateMergeSide(tx, update.id, update.expected, update.field, update.data);

    // Spans: an exact duplicate (same article and offsets) of a target span is dropped, the rest move.
    const key = (mention: Pick<IncidentMention, "articleId" | "start" | "end">) => `${mention.articleId}:${mention.start}:${mention.end}`;
    const spanSelect = { id: true, articleId: true, start: true, end: true } as const;
    const targetSpans = new Set((await tx.incidentMention.findMany({ where: { incidentId: targetId }, select: spanSelect })).map(key));
    const sourceSpans = await tx.incidentMention.findMany({ where: { incidentId: sourceId }, select: spanSelect });
    const duplicates = sourceSpans.filter((mention) => targetSpans.has(key(mention))).map((mention) => mention.id);
    if (duplicates.length > 0) await tx.incidentMention.deleteMany({ where: { id: { in: duplicates } } });
    const movedMentions = await tx.incidentMention.updateMany({ where: { incidentId: sourceId }, data: { incidentId: targetId } });
    const movedAnnotations = await tx.annotation.updateMany({ where: { incidentId: sourceId }, data: { incidentId: targetId } });
    // A bulk update, not the change ritual: every incident merged into the source (any number,
    // none of them read by the client, so no expected version) now points at the target, and
    // each one's version goes up so a client holding it sees it changed.
    const redirected = await tx.incident.updateMany({
      where: { mergedIntoId: sourceId, id: { not: targetId } },
      data: { mergedIntoId: targetId, version: { increment: 1 } },
    });

    const source = await tx.incident.findUniqueOrThrow({ where: { id: sourceId } });
    const incident = await tx.incident.findUniqueOrThrow({ where: { id: targetId } });
    await recordAudit(tx, session, {
      action: "incident.merge",
      targetType: "Incident",
      targetId,
      before: { source: sourceBefore, target: targetBefore },
      after: {
        source,
        target: incident,
        movedMentions: movedMentions.count,
        droppedDuplicateMentions: duplicates.length,
        movedAnnotations: movedAnnotations.count,
        redirectedIncidents: redirected.count,
      },
    });
    return { incident, source };
  });
});
