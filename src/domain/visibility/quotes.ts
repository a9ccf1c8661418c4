import { Prisma } from "../../db/index.js";
import { enumIn } from "./enum-sql.js";
import type { ArticleStatus } from "../../generated/prisma/enums.js";
import type { Actor } from "../../core/actor.js";
import { may, visibleReviewStatuses } from "../../core/policy.js";
import { visibleArticles, visibleArticlesSql } from "./articles.js";

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
  return Prisma.sql`${table}."deletedAt" IS NULL AND ${enumIn(Prisma.sql`${table}."reviewStatus"`, visibleReviewStatuses(viewer), "ReviewStatus")} AND ${visibleArticlesSql(viewer, articleAlias)}`;
}

/**
 * {@link visibleQuotesSql} over the "Quote" row aliased `alias` alone, its article looked up by
 * id: one quote read by id (the change ritual), with no join to write around it.
 */
export function visibleQuoteSql(viewer: Actor, alias: string): Prisma.Sql {
  const article = `${alias}_article`;
  const [quoteRow, articleRow] = [alias, article].map((name) => Prisma.raw(`"${name}"`));
  return Prisma.sql`EXISTS (SELECT 1 FROM "Article" ${articleRow} WHERE ${articleRow}."id" = ${quoteRow}."articleId" AND ${visibleQuotesSql(viewer, alias, article)})`;
}

/** Article statuses in which anyone who may edit quotes may edit them (the issue: "REPORTER on a draft"). */
export const QUOTE_DRAFT_STATUSES: readonly ArticleStatus[] = ["DRAFT"];

/**
 * Whether the actor may edit the quotes of this article: those who may change public articles
 * any visible one, everyone else (reporters) only quotes in drafts, stricter than the article
 * itself (which reporters may still edit in review).
 */
export function mayEditQuotesIn(actor: Actor, article: { readonly status: ArticleStatus }): boolean {
  return may(actor, "article.updatePublic") || QUOTE_DRAFT_STATUSES.includes(article.status);
}
