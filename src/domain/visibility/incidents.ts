import { Prisma } from "../../db/index.js";
import { enumIn } from "./enum-sql.js";
import type { Actor } from "../../core/actor.js";
import { may, visibleReviewStatuses } from "../../core/policy.js";
import { visibleArticles, visibleArticlesSql } from "./articles.js";

/** How far a merged record's chain is followed to its survivor (the merge mutations keep merges flat; older data may hold a chain). */
const MERGE_HOPS = 3;

/** The incident record itself: not deleted, a visible review status (REJECTED never, PENDING from REPORTER up). */
function incidentRecord(viewer: Actor): Prisma.IncidentWhereInput {
  return { deletedAt: null, reviewStatus: { in: visibleReviewStatuses(viewer) } };
}

/**
 * What makes an incident public for those who may not read unpublished work: a mention the
 * viewer may see reports it (so in a published article). Null for those who may (reporters and
 * above), who see incidents nothing reports yet. Issue 21: incidents only drafts reported were
 * public, in the API and the ACLED export.
 */
function reportedIncidents(viewer: Actor): Prisma.IncidentWhereInput | null {
  if (may(viewer, "article.readUnpublished")) return null;
  return { mentions: { some: visibleIncidentMentions(viewer) } };
}

/**
 * Incidents a viewer may reach by id: the record's rule, and for those who may not read
 * unpublished work, reported by published work (or merged into an incident that is: a merge
 * moves the mentions to the survivor). Merged records stay reachable so their id still resolves
 * and `mergedInto` can point at the survivor; lists use {@link visibleIncidents}.
 */
export function resolvableIncidents(viewer: Actor): Prisma.IncidentWhereInput {
  const reported = reportedIncidents(viewer);
  if (!reported) return incidentRecord(viewer);
  let survivor: Prisma.IncidentWhereInput = reported;
  for (let hop = 0; hop < MERGE_HOPS; hop += 1) survivor = { OR: [reported, { mergedInto: { is: survivor } }] };
  return { ...incidentRecord(viewer), ...survivor };
}

/** The one rule for which incidents a viewer may see in lists (and the ACLED export): reachable, not merged away. */
export function visibleIncidents(viewer: Actor): Prisma.IncidentWhereInput {
  return { ...incidentRecord(viewer), mergedIntoId: null, ...reportedIncidents(viewer) };
}

/** The same rule as {@link visibleIncidents} for raw SQL over the "Incident" row aliased `alias`. */
export function visibleIncidentsSql(viewer: Actor, alias: string): Prisma.Sql {
  const table = Prisma.raw(`"${alias}"`);
  const record = Prisma.sql`${table}."deletedAt" IS NULL AND ${table}."mergedIntoId" IS NULL AND ${enumIn(Prisma.sql`${table}."reviewStatus"`, visibleReviewStatuses(viewer), "ReviewStatus")}`;
  if (may(viewer, "article.readUnpublished")) return record;
  // Aliases of the subquery are derived from `alias`, so they cannot clash with the caller's.
  const [mention, article] = [`${alias}_mention`, `${alias}_article`];
  const [m, a] = [mention, article].map((name) => Prisma.raw(`"${name}"`));
  return Prisma.sql`${record} AND EXISTS (SELECT 1 FROM "IncidentMention" ${m} JOIN "Article" ${a} ON ${a}."id" = ${m}."articleId"
    WHERE ${m}."incidentId" = ${table}."id" AND ${visibleIncidentMentionsSql(viewer, mention, article)})`;
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
  return Prisma.sql`${enumIn(Prisma.sql`${table}."reviewStatus"`, visibleReviewStatuses(viewer), "ReviewStatus")} AND ${visibleArticlesSql(viewer, articleAlias)}`;
}
