import { Prisma, type PrismaClient } from "../../db/index.js";
import { AnnotationMotivation, AnnotationStatus, VerificationStatus, type IncidentType, type PersonKind } from "../../generated/prisma/enums.js";
import type { Actor } from "../../core/actor.js";
import { invalidArgument } from "../../core/failure.js";
import { pageSize } from "../../core/paging.js";
import { visibleAnnotations } from "../visibility/annotations.js";
import { checkDayRange } from "../incidents/service.js";
import { visibleIncidentsSql } from "../visibility/incidents.js";
import { enumInParameters } from "../visibility/enum-sql.js";
import { visiblePeople } from "../visibility/people.js";
import { countryCode } from "../places/service.js";
import { visibleQuotes } from "../visibility/quotes.js";

// Dashboard aggregates. Ids are plain record ids: the GraphQL adapter decodes global ids first.

const DEFAULT_SPEAKERS = 10;
const DEFAULT_PLACES = 20;
/** Longest range `incidentsByMonth` charts: 20 years is 240 buckets. */
const MAX_MONTH_RANGE_YEARS = 20;
const DAY_MS = 24 * 60 * 60 * 1000;

/** What a SpeakerQuoteCount resolves from: the person is loaded through `personById`. */
export interface SpeakerQuoteCountValue {
  readonly personId: string;
  readonly quotes: number;
}

/** What an OrganizationQuoteCount resolves from: the organization is loaded through `organizationById`. */
export interface OrganizationQuoteCountValue {
  readonly organizationId: string;
  readonly quotes: number;
}

/** What an IncidentPlaceBucket resolves from: the place (null for incidents without one) is loaded through `placeById`. */
export interface IncidentPlaceBucketValue {
  readonly placeId: string | null;
  readonly incidents: number;
  readonly fatalitiesMin: number;
  readonly fatalitiesMax: number;
  readonly injuriesMin: number;
}

/** A range of days as asked: both ends optional, the last day included. */
export interface DayRangeArgs {
  readonly from?: Date | null;
  readonly to?: Date | null;
}

/** Which incidents the incident charts count. */
export interface IncidentStatsFilter {
  readonly type?: readonly IncidentType[] | null;
  /** ISO 3166-1 alpha-2. */
  readonly country?: string | null;
  /** A place's record id. */
  readonly placeId?: string | null;
  readonly dates?: DayRangeArgs | null;
  /** With `dates`: also count incidents with no date at all. */
  readonly includeUndated?: boolean | null;
}

/** Which quotes the verification chart counts; ids are record ids. */
export interface QuoteStatsFilter {
  readonly articleId?: string | null;
  readonly speakerId?: string | null;
  readonly dates?: DayRangeArgs | null;
}

/** Incidents and casualty sums of one month (its first day, UTC). */
export interface IncidentMonthBucket {
  readonly month: Date;
  readonly incidents: number;
  readonly fatalitiesMin: number;
  readonly fatalitiesMax: number;
  readonly injuriesMin: number;
}

/** Top-level annotations of one status and motivation. */
export interface AnnotationQueueCount {
  readonly status: AnnotationStatus;
  readonly motivation: AnnotationMotivation;
  readonly count: number;
}

/** Visible quotes of one verification status. */
export interface VerificationCount {
  readonly status: VerificationStatus;
  readonly count: number;
}

/** A validated day range: both ends optional, `from` not after `to`. */
interface DayRange {
  readonly from: Date | null;
  readonly to: Date | null;
}

function validRange(range: DayRangeArgs | null | undefined, argument: string): DayRange {
  const from = range?.from ?? null;
  const to = range?.to ?? null;
  checkDayRange(from, to, argument);
  return { from, to };
}

/** Articles published within the days of `range` (the last day included); no condition without one. */
function publishedIn(range: DayRange): Prisma.QuoteWhereInput {
  if (!range.from && !range.to) return {};
  return {
    article: {
      is: {
        publishedAt: {
          ...(range.from ? { gte: range.from } : {}),
          ...(range.to ? { lt: new Date(range.to.getTime() + DAY_MS) } : {}),
        },
      },
    },
  };
}

/**
 * The most quoted people: visible quotes (in visible articles, published in the range) grouped
 * by speaker, most quotes first, then by id so ties have a stable order.
 */
export async function quoteCountsBySpeaker(
  prisma: PrismaClient,
  viewer: Actor,
  args: { readonly dates?: DayRangeArgs | null; readonly kind?: PersonKind | null; readonly first?: number | null },
): Promise<SpeakerQuoteCountValue[]> {
  const first = pageSize(args.first, DEFAULT_SPEAKERS);
  const range = validRange(args.dates, "dates");
  const groups = await prisma.quote.groupBy({
    by: ["speakerId"],
    where: {
      AND: [
        visibleQuotes(viewer),
        { speaker: { is: { ...visiblePeople(viewer), ...(args.kind ? { kind: args.kind } : {}) } } },
        publishedIn(range),
      ],
    },
    _count: { _all: true },
    orderBy: [{ _count: { speakerId: "desc" } }, { speakerId: "asc" }],
    take: first,
  });
  return groups.flatMap((group) => (group.speakerId ? [{ personId: group.speakerId, quotes: group._count._all }] : []));
}

/** The organizations that said the most visible quotes themselves in articles published in the range, most first. */
export async function quoteCountsByOrganization(
  prisma: PrismaClient,
  viewer: Actor,
  args: { readonly dates?: DayRangeArgs | null; readonly first?: number | null },
): Promise<OrganizationQuoteCountValue[]> {
  const first = pageSize(args.first, DEFAULT_SPEAKERS);
  const range = validRange(args.dates, "dates");
  const groups = await prisma.quote.groupBy({
    by: ["speakerOrganizationId"],
    where: { AND: [visibleQuotes(viewer), { speakerOrganizationId: { not: null } }, publishedIn(range)] },
    _count: { _all: true },
    orderBy: [{ _count: { speakerOrganizationId: "desc" } }, { speakerOrganizationId: "asc" }],
    take: first,
  });
  return groups.flatMap((group) => (group.speakerOrganizationId ? [{ organizationId: group.speakerOrganizationId, quotes: group._count._all }] : []));
}

/** An ISO day (YYYY-MM-DD) of a Date scalar, which arrives as UTC midnight. */
function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * The day an incident is counted on: its date, else the first day of a range known on both sides;
 * null (undated) for an incident with no date or a range known on one side only (ingest's
 * "no later than the publication day"), as the incidents list's date filter reads it (DATED in
 * domain/incidents/service.ts; docs/data-model.md, "Undated incidents").
 */
const INCIDENT_DAY = Prisma.sql`coalesce(i."date", CASE WHEN i."dateLatest" IS NOT NULL THEN i."dateEarliest" END)`;

/**
 * The SQL conditions of an incident stats filter over "Incident" aliased i left-joined to its
 * "Place" aliased pl, visibility included. Parameters only. An incident counts in a date range
 * when its day ({@link INCIDENT_DAY}) lies in it, so every incident lands in exactly one month
 * and the month and place charts of one filter add up to the same totals.
 */
function incidentStatsConditions(viewer: Actor, filter: IncidentStatsFilter | null | undefined, range: DayRange): Prisma.Sql {
  const conditions: Prisma.Sql[] = [visibleIncidentsSql(viewer, "i")];
  if (filter?.type) conditions.push(enumInParameters(Prisma.sql`i."type"`, filter.type, "IncidentType"));
  if (filter?.country !== undefined && filter.country !== null) {
    conditions.push(Prisma.sql`pl."countryCode" = ${countryCode(filter.country, "filter.country")}`);
  }
  const placeId = filter?.placeId;
  if (placeId) conditions.push(Prisma.sql`i."placeId" = ${placeId}::uuid`);
  const inRange: Prisma.Sql[] = [];
  if (range.from) inRange.push(Prisma.sql`${INCIDENT_DAY} >= ${isoDay(range.from)}::date`);
  if (range.to) inRange.push(Prisma.sql`${INCIDENT_DAY} <= ${isoDay(range.to)}::date`);
  // The incidents list's rule: an undated incident is outside every range unless asked for.
  if (inRange.length > 0 && filter?.includeUndated) conditions.push(Prisma.sql`((${Prisma.join(inRange, " AND ")}) OR ${INCIDENT_DAY} IS NULL)`);
  else conditions.push(...inRange);
  return Prisma.join(conditions, " AND ");
}

/** Casualty sums as SQL returns them (int8 arrives as bigint). */
interface SumsRow {
  readonly incidents: bigint | number;
  readonly fatalitiesMin: bigint | number;
  readonly fatalitiesMax: bigint | number;
  readonly injuriesMin: bigint | number;
}

/**
 * The sums every bucket carries. An unknown lower bound counts as 0 (the conservative total); an
 * open or unknown upper bound counts as the lower bound ("at least 25" adds 25 to both sums).
 */
const SUMS = Prisma.sql`count(*)::int8 AS "incidents",
  coalesce(sum(i."fatalitiesMin"), 0)::int8 AS "fatalitiesMin",
  coalesce(sum(coalesce(i."fatalitiesMax", i."fatalitiesMin")), 0)::int8 AS "fatalitiesMax",
  coalesce(sum(i."injuriesMin"), 0)::int8 AS "injuriesMin"`;

function sums(row: SumsRow | undefined) {
  return {
    incidents: Number(row?.incidents ?? 0),
    fatalitiesMin: Number(row?.fatalitiesMin ?? 0),
    fatalitiesMax: Number(row?.fatalitiesMax ?? 0),
    injuriesMin: Number(row?.injuriesMin ?? 0),
  };
}

/** The first day (UTC) of every month from `from`'s month to `to`'s, in order. */
function monthsBetween(from: Date, to: Date): Date[] {
  const months: Date[] = [];
  for (let month = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), 1)); month <= to; ) {
    months.push(month);
    month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1));
  }
  return months;
}

/**
 * Incidents and casualty sums per month of the required range, oldest first, months without
 * incidents included as zeros: one grouped statement, the empty months filled in here.
 */
export async function incidentsByMonth(prisma: PrismaClient, viewer: Actor, filter: IncidentStatsFilter): Promise<IncidentMonthBucket[]> {
  const range = validRange(filter.dates, "filter.dates");
  if (!range.from || !range.to) throw invalidArgument("filter.dates needs both from and to.", "filter.dates");
  if (filter.includeUndated) {
    throw invalidArgument(
      "incidentsByMonth has no month for incidents without a date: count them with incidentsByPlace(filter: { includeUndated: true }) or list them with incidents(filter: { includeUndated: true }).",
      "filter.includeUndated",
    );
  }
  const limit = new Date(range.from);
  limit.setUTCFullYear(limit.getUTCFullYear() + MAX_MONTH_RANGE_YEARS);
  if (range.to > limit) throw invalidArgument(`filter.dates may span at most ${MAX_MONTH_RANGE_YEARS} years.`, "filter.dates");

  const rows = await prisma.$queryRaw<(SumsRow & { month: string })[]>`
    SELECT to_char(date_trunc('month', ${INCIDENT_DAY}::timestamp), 'YYYY-MM') AS "month", ${SUMS}
    FROM "Incident" i LEFT JOIN "Place" pl ON pl."id" = i."placeId"
    WHERE ${incidentStatsConditions(viewer, filter, range)}
    GROUP BY 1`;
  const byMonth = new Map(rows.map((row) => [row.month, row]));
  return monthsBetween(range.from, range.to).map((month) => ({ month, ...sums(byMonth.get(isoDay(month).slice(0, 7))) }));
}

/**
 * Incidents and casualty sums per place (incidents without a place form one bucket), most
 * incidents first, then most fatalities, then by place id (no place last); at most `first`.
 */
export async function incidentsByPlace(
  prisma: PrismaClient,
  viewer: Actor,
  filter: IncidentStatsFilter | null | undefined,
  first: number | null | undefined,
): Promise<IncidentPlaceBucketValue[]> {
  const limit = pageSize(first, DEFAULT_PLACES);
  const range = validRange(filter?.dates, "filter.dates");
  const rows = await prisma.$queryRaw<(SumsRow & { placeId: string | null })[]>`
    SELECT i."placeId"::text AS "placeId", ${SUMS}
    FROM "Incident" i LEFT JOIN "Place" pl ON pl."id" = i."placeId"
    WHERE ${incidentStatsConditions(viewer, filter, range)}
    GROUP BY i."placeId"
    ORDER BY count(*) DESC, coalesce(sum(i."fatalitiesMin"), 0) DESC, i."placeId" ASC NULLS LAST
    LIMIT ${limit}`;
  return rows.map((row) => ({ placeId: row.placeId, ...sums(row) }));
}

/**
 * The annotation queue: visible top-level annotations (replies excluded) counted by status and
 * motivation, every pair listed (zeros included) in the enums' order. Null for a viewer who may
 * see no annotations (the schema refuses those before this runs).
 */
export async function annotationQueueCounts(
  prisma: PrismaClient,
  viewer: Actor,
  articleId: string | null | undefined,
): Promise<AnnotationQueueCount[] | null> {
  const visible = visibleAnnotations(viewer);
  if (!visible) return null;
  const groups = await prisma.annotation.groupBy({
    by: ["status", "motivation"],
    where: { AND: [visible, { parentId: null }, articleId ? { articleId } : {}] },
    _count: { _all: true },
  });
  const counts = new Map(groups.map((group) => [`${group.status}/${group.motivation}`, group._count._all]));
  return Object.values(AnnotationStatus).flatMap((status) =>
    Object.values(AnnotationMotivation).map((motivation) => ({ status, motivation, count: counts.get(`${status}/${motivation}`) ?? 0 })),
  );
}

/** Visible quotes per verification status (every status, zeros included), optionally of one article, speaker or publication range. */
export async function quoteVerificationCounts(
  prisma: PrismaClient,
  viewer: Actor,
  filter: QuoteStatsFilter | null | undefined,
): Promise<VerificationCount[]> {
  const articleId = filter?.articleId;
  const speakerId = filter?.speakerId;
  const range = validRange(filter?.dates, "filter.dates");
  const groups = await prisma.quote.groupBy({
    by: ["verification"],
    where: {
      AND: [visibleQuotes(viewer), articleId ? { articleId } : {}, speakerId ? { speakerId } : {}, publishedIn(range)],
    },
    _count: { _all: true },
  });
  const counts = new Map(groups.map((group) => [group.verification, group._count._all]));
  return Object.values(VerificationStatus).map((status) => ({ status, count: counts.get(status) ?? 0 }));
}
