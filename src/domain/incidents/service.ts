import { Prisma, type PrismaClient } from "../../db/index.js";
import { plannedList, type PlannedList } from "../../core/plan.js";
import type { Incident } from "../../generated/prisma/client.js";
import type { IncidentType } from "../../generated/prisma/enums.js";
import type { Actor } from "../../core/actor.js";
import { invalidArgument } from "../../core/failure.js";
import { followMerges } from "../../core/merges.js";
import type { ConnectionPage, PageArgs, SortDirection } from "../../core/paging.js";
import { countryCode } from "../places/service.js";
import { incidentKeyset, type IncidentOrderField } from "./keysets.js";
import type { IncidentLoaders } from "./loaders.js";
import { visibleIncidents, visibleIncidentsSql } from "../visibility/incidents.js";
import { enumInParameters } from "../visibility/enum-sql.js";

const DEFAULT_PAGE_SIZE = 20;

/** Which incidents to list (every condition must hold); ids are record ids. Merged incidents are never listed. */
export interface IncidentFilter {
  readonly type?: readonly IncidentType[] | null;
  readonly placeId?: string | null;
  /** ISO 3166-1 alpha-2 (validated here). */
  readonly country?: string | null;
  /** Incidents that can have happened on or after this day. */
  readonly from?: Date | null;
  /** Incidents that can have happened on or before this day. */
  readonly to?: Date | null;
  /** With `from` or `to`: also incidents with no date at all. */
  readonly includeUndated?: boolean | null;
  /** At least this many people killed (by the lower bound). */
  readonly minFatalities?: number | null;
}

/** How to sort incidents. */
export interface IncidentOrder {
  readonly field: IncidentOrderField;
  readonly direction: SortDirection;
}

/** Checks that a day range is not inverted: `from` after `to` is an invalid argument naming `argument`. */
export function checkDayRange(from: Date | null | undefined, to: Date | null | undefined, argument: string): void {
  if (from && to && from.getTime() > to.getTime()) throw invalidArgument(`${argument}: from must not be after to.`, argument);
}

/**
 * An incident is dated when it has its day (`date`) or a range known on both sides (`dateEarliest`
 * and `dateLatest`). A range known on one side only ("no later than the story": ingest's
 * `dateLatest` = publication day for an incident the story gives no date) is undated for the date
 * filter and the charts, as an incident with no date at all (docs/data-model.md, "Undated
 * incidents").
 */
export const DATED: Prisma.IncidentWhereInput = { OR: [{ date: { not: null } }, { dateEarliest: { not: null }, dateLatest: { not: null } }] };

/** An undated incident: no day and no range known on both sides. */
const UNDATED: Prisma.IncidentWhereInput = { NOT: DATED };

/**
 * The condition "the incident can have happened within [from, to]": it is dated and its range of
 * possible days [earliest, latest] overlaps [from, to], where earliest is coalesce(dateEarliest,
 * date) and latest coalesce(dateLatest, date). Undated incidents (see {@link DATED}) never match.
 */
function overlapsDays(from: Date | null | undefined, to: Date | null | undefined): Prisma.IncidentWhereInput[] {
  const conditions: Prisma.IncidentWhereInput[] = [];
  if (to) conditions.push({ OR: [{ dateEarliest: { lte: to } }, { dateEarliest: null, date: { lte: to } }] });
  if (from) conditions.push({ OR: [{ dateLatest: { gte: from } }, { dateLatest: null, date: { gte: from } }] });
  if (conditions.length > 0) conditions.push(DATED);
  return conditions;
}

/** An incident filter as the resolver accepts it: checked, its country as an ISO code. */
interface CheckedIncidentFilter extends IncidentFilter {
  readonly countryCode: string | null;
}

/** Checks an incident filter (INVALID_ARGUMENT for an inverted range, a negative minimum, an unknown country). */
function checkIncidentFilter(filter: IncidentFilter): CheckedIncidentFilter {
  checkDayRange(filter.from, filter.to, "filter");
  if (filter.minFatalities !== undefined && filter.minFatalities !== null && filter.minFatalities < 0) {
    throw invalidArgument("filter.minFatalities must not be negative.", "filter.minFatalities");
  }
  return { ...filter, countryCode: filter.country !== undefined && filter.country !== null ? countryCode(filter.country, "filter.country") : null };
}

/** Validates an incident filter and turns it into a Prisma condition (visibility included). */
export function incidentWhere(viewer: Actor, filter: IncidentFilter | null | undefined): Prisma.IncidentWhereInput {
  const conditions: Prisma.IncidentWhereInput[] = [visibleIncidents(viewer)];
  if (!filter) return { AND: conditions };
  const checked = checkIncidentFilter(filter);
  if (checked.type) conditions.push({ type: { in: [...checked.type] } });
  if (checked.placeId) conditions.push({ placeId: checked.placeId });
  if (checked.countryCode !== null) conditions.push({ place: { is: { countryCode: checked.countryCode } } });
  const inRange = overlapsDays(checked.from, checked.to);
  // An undated incident cannot be placed in or out of a range: the caller chooses to see it.
  if (inRange.length > 0 && checked.includeUndated) conditions.push({ OR: [{ AND: inRange }, UNDATED] });
  else conditions.push(...inRange);
  if (checked.minFatalities !== undefined && checked.minFatalities !== null) conditions.push({ fatalitiesMin: { gte: checked.minFatalities } });
  return { AND: conditions };
}

/** A day as a `date` parameter (the @db.Date columns). */
function sqlDay(day: Date): Prisma.Sql {
  return Prisma.sql`${day.toISOString().slice(0, 10)}::date`;
}

/**
 * The same conditions as {@link incidentWhere}'s filter (visibility aside) in SQL over the
 * "Incident" row aliased `alias`, for answers built in SQL; {@link DATED}, {@link overlapsDays}
 * and the undated choice are written here a second time, and tests/api/incident-filter-sql.test.ts
 * checks that both forms keep the same incidents.
 */
export function incidentFilterSql(filter: IncidentFilter): (alias: string) => Prisma.Sql {
  const checked = checkIncidentFilter(filter);
  return (alias) => {
    const column = (name: string) => Prisma.raw(`"${alias}"."${name}"`);
    const conditions: Prisma.Sql[] = [];
    if (checked.type) conditions.push(enumInParameters(column("type"), checked.type, "IncidentType"));
    if (checked.placeId) conditions.push(Prisma.sql`${column("placeId")} = ${checked.placeId}::uuid`);
    if (checked.countryCode !== null) {
      conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "Place" ${Prisma.raw(`"${alias}_place"`)} WHERE ${Prisma.raw(`"${alias}_place"."id"`)} = ${column("placeId")} AND ${Prisma.raw(`"${alias}_place"."countryCode"`)} = ${checked.countryCode})`);
    }
    const dated = Prisma.sql`(${column("date")} IS NOT NULL OR (${column("dateEarliest")} IS NOT NULL AND ${column("dateLatest")} IS NOT NULL))`;
    const inRange: Prisma.Sql[] = [];
    if (checked.to) inRange.push(Prisma.sql`(${column("dateEarliest")} <= ${sqlDay(checked.to)} OR (${column("dateEarliest")} IS NULL AND ${column("date")} <= ${sqlDay(checked.to)}))`);
    if (checked.from) inRange.push(Prisma.sql`(${column("dateLatest")} >= ${sqlDay(checked.from)} OR (${column("dateLatest")} IS NULL AND ${column("date")} >= ${sqlDay(checked.from)}))`);
    if (inRange.length > 0) {
      const ranged = Prisma.join([...inRange, dated], " AND ", "(", ")");
      conditions.push(checked.includeUndated ? Prisma.sql`(${ranged} OR NOT ${dated})` : ranged);
    }
    if (checked.minFatalities !== undefined && checked.minFatalities !== null) conditions.push(Prisma.sql`${column("fatalitiesMin")} >= ${checked.minFatalities}`);
    return conditions.length > 0 ? Prisma.join(conditions, " AND ", "(", ")") : Prisma.sql`TRUE`;
  };
}

/**
 * One incident by id; null when it does not exist or is not visible. A merged incident's id
 * answers with the incident it was merged into (following chains of merges).
 */
export function findIncident(loaders: Pick<IncidentLoaders, "incidentById">, id: string): Promise<Incident | null> {
  return followMerges((incidentId) => loaders.incidentById.load(incidentId), id);
}

/**
 * Lists visible, unmerged incidents matching the filter in the chosen order (newest first by
 * default), by keyset pages; primes `incidentById` with the rows.
 */
export async function listIncidents(
  prisma: PrismaClient,
  viewer: Actor,
  loaders: Pick<IncidentLoaders, "incidentById">,
  args: PageArgs & { filter?: IncidentFilter | null; orderBy?: IncidentOrder | null },
): Promise<ConnectionPage<Incident>> {
  const where = incidentWhere(viewer, args.filter);
  const keyset = incidentKeyset(args.orderBy?.field, args.orderBy?.direction);
  const window = keyset.window(args, DEFAULT_PAGE_SIZE);
  const rows = await prisma.incident.findMany({ where: { AND: [where, window.where] }, orderBy: window.orderBy, take: window.take });
  for (const row of rows) loaders.incidentById.prime(row.id, row);
  return keyset.page(rows, window, () => prisma.incident.count({ where }));
}

/** The incidents the viewer may list, for answers built in SQL: those of `incidents(filter:, orderBy:)`, the filter with record ids. */
export const incidentsList: PlannedList = plannedList("Incident", visibleIncidentsSql, incidentKeyset, DEFAULT_PAGE_SIZE, {
  filterSql: (filter) => incidentFilterSql(filter as IncidentFilter),
  // A viewer's rule probes a mention and its article per incident: the count's probes serve the page too.
  findOnceWhenCounted: true,
});

/**
 * The days an incident can have happened on, as the date filter reads them: earliest is
 * coalesce(dateEarliest, date), latest coalesce(dateLatest, date). A side the story does not give
 * stays null: an incident known only to have happened no later than a day has no earliest day
 * (and is undated for the filter and the charts, see {@link DATED}).
 */
export function dayRange(incident: Pick<Incident, "date" | "dateEarliest" | "dateLatest">): { earliest: Date | null; latest: Date | null } {
  return {
    earliest: incident.dateEarliest ?? incident.date,
    latest: incident.dateLatest ?? incident.date,
  };
}
