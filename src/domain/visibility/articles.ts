import { Prisma } from "../../db/index.js";
import { enumIn } from "./enum-sql.js";
import type { ArticleStatus } from "../../generated/prisma/enums.js";
import type { Actor } from "../../core/actor.js";
import { may, visibleReviewStatuses } from "../../core/policy.js";

/** Statuses anyone may read; drafts and articles in review need REPORTER or above. */
export const PUBLIC_ARTICLE_STATUSES: readonly ArticleStatus[] = ["PUBLISHED", "CORRECTED", "RETRACTED"];

/** Statuses of an article not public yet, which a reporter may still change. */
export const UNPUBLISHED_STATUSES: readonly ArticleStatus[] = ["DRAFT", "IN_REVIEW"];

/** Whether the actor may change this article (and its quotes): any visible one for editors, only unpublished ones for reporters. */
export function mayChangeArticle(actor: Actor, article: { readonly status: ArticleStatus }): boolean {
  return may(actor, "article.updatePublic") || UNPUBLISHED_STATUSES.includes(article.status);
}

/** The one rule for which articles a viewer may see: never deleted ones, drafts only from REPORTER up. */
export function visibleArticles(viewer: Actor): Prisma.ArticleWhereInput {
  return may(viewer, "article.readUnpublished")
    ? { deletedAt: null }
    : { deletedAt: null, status: { in: [...PUBLIC_ARTICLE_STATUSES] } };
}

/**
 * The same rule as {@link visibleArticles} for raw SQL (full-text search), over the "Article" row
 * aliased `alias`. tests/api/visibility.test.ts checks that both agree for every role.
 */
export function visibleArticlesSql(viewer: Actor, alias: string): Prisma.Sql {
  const table = Prisma.raw(`"${alias}"`);
  return may(viewer, "article.readUnpublished")
    ? Prisma.sql`${table}."deletedAt" IS NULL`
    : Prisma.sql`${table}."deletedAt" IS NULL AND ${enumIn(Prisma.sql`${table}."status"`, PUBLIC_ARTICLE_STATUSES, "ArticleStatus")}`;
}
