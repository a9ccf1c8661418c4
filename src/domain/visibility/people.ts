import { Prisma } from "../../db/index.js";
import type { Actor } from "../../core/actor.js";
import { visibleReviewStatuses } from "../../core/policy.js";

/**
 * The one rule for which people a viewer may see: not deleted, a visible review status. Merged
 * records stay resolvable by id (to their target) but are left out of lists: see {@link listedPeople}.
 */
export function visiblePeople(viewer: Actor): Prisma.PersonWhereInput {
  return { deletedAt: null, reviewStatus: { in: visibleReviewStatuses(viewer) } };
}

/** People a list shows: visible and not merged into another record. */
export function listedPeople(viewer: Actor): Prisma.PersonWhereInput {
  return { ...visiblePeople(viewer), mergedIntoId: null };
}

/** The same rule as {@link visiblePeople} for raw SQL over the "Person" row aliased `alias` (the read planner). */
export function visiblePeopleSql(viewer: Actor, alias: string): Prisma.Sql {
  const table = Prisma.raw(`"${alias}"`);
  return Prisma.sql`${table}."deletedAt" IS NULL AND ${table}."reviewStatus"::text IN (${Prisma.join(visibleReviewStatuses(viewer))})`;
}

/** The same rule as {@link listedPeople} for raw SQL over the "Person" row aliased `alias`. */
export function listedPeopleSql(viewer: Actor, alias: string): Prisma.Sql {
  const table = Prisma.raw(`"${alias}"`);
  return Prisma.sql`${table}."deletedAt" IS NULL AND ${table}."mergedIntoId" IS NULL AND ${table}."reviewStatus"::text IN (${Prisma.join(visibleReviewStatuses(viewer))})`;
}
