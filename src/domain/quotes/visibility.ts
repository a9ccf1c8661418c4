import { Prisma } from "../../db/index.js";
import type { Actor } from "../../core/actor.js";
import { visibleReviewStatuses } from "../../core/policy.js";
import { visibleArticles, visibleArticlesSql } from "../articles/visibility.js";

/** The one rule for which quotes a viewer may see: not deleted, a visible review status, and in an article the viewer may see. */
export function visibleQuotes(viewer: Actor): Prisma.QuoteWhereInput {
  return { deletedAt: null, reviewStatus: { in: visibleReviewStatuses(viewer) }, article: visibleArticles(viewer) };
}

/**
 * The same rule as {@link visibleQuotes} for raw SQL over the "Quote" row aliased `alias` joined
 * to its "Article" row aliased `articleAlias`. tests/api/visibility.test.ts checks both agree.
 */
export function visibleQuotesSql(viewer: Actor, alias: string, articleAlias: string): Prisma.Sql {
  const table = Prisma.raw(`"${alias}"`);
  return Prisma.sql`${table}."deletedAt" IS NULL AND ${table}."reviewStatus"::text IN (${Prisma.join(visibleReviewStatuses(viewer))}) AND ${visibleArticlesSql(viewer, articleAlias)}`;
}
