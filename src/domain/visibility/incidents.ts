import { Prisma } from "../../db/index.js";
import type { Actor } from "../../core/actor.js";
import { visibleReviewStatuses } from "../../core/policy.js";
import { visibleArticles, visibleArticlesSql } from "./articles.js";

/**
 * Incidents a viewer may reach by id: not deleted and a visible review status (REJECTED never,
 * PENDING from REPORTER up). Merged records stay reachable so their id still resolves and
 * `mergedInto` can point at the survivor; lists use {@link visibleIncidents}.
 */
export function resolvableIncidents(viewer: Actor): Prisma.IncidentWhereInput {
  return { deletedAt: null, reviewStatus: { in: visibleReviewStatuses(viewer) } };
}

/** The one rule for which incidents a viewer may see in lists: not deleted, not merged away, a visible review status. */
export function visibleIncidents(viewer: Actor): Prisma.IncidentWhereInput {
  return { ...resolvableIncidents(viewer), mergedIntoId: null };
}

/** The same rule as {@link visibleIncidents} for raw SQL over the "Incident" row aliased `alias`. */
export function visibleIncidentsSql(viewer: Actor, alias: string): Prisma.Sql {
  const table = Prisma.raw(`"${alias}"`);
  return Prisma.sql`${table}."deletedAt" IS NULL AND ${table}."mergedIntoId" IS NULL AND ${table}."reviewStatus"::text IN (${Prisma.join(visibleReviewStatuses(viewer))})`;
}

/**
 * Which spans reporting an incident a viewer may see: a visible review status, in an article the
 * viewer may see (a span of an invisible article would leak that the article exists).
 */
export function visibleIncidentMentions(viewer: Actor): Prisma.IncidentMentionWhereInput {
  return { reviewStatus: { in: visibleReviewStatuses(viewer) }, article: { is: visibleArticles(viewer) } };
}

/**
 * The same rule as {@link visibleIncidentMentions} for raw SQL over the "IncidentMention" row
 * aliased `alias` joined to its "Article" row aliased `articleAlias`.
 */
export function visibleIncidentMentionsSql(viewer: Actor, alias: string, articleAlias: string): Prisma.Sql {
  const table = Prisma.raw(`"${alias}"`);
  return Prisma.sql`${table}."reviewStatus"::text IN (${Prisma.join(visibleReviewStatuses(viewer))}) AND ${visibleArticlesSql(viewer, articleAlias)}`;
}
