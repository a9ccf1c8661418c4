import type { Prisma } from "../../db/index.js";
import type { Actor } from "../../core/actor.js";
import { may } from "../../core/policy.js";
import { visibleArticles } from "./articles.js";

/**
 * The one rule for which annotations a viewer may see, or null when they may see none:
 * annotations are desk notes, for those the policy lets read them (annotation.read); soft-deleted
 * ones are never shown, and neither are notes on an article (directly, or through the quote they
 * are attached to) the viewer may not see. Notes whose incident or person target went away stay
 * listed (the target answers null), so the thread is not lost with it.
 */
export function visibleAnnotations(viewer: Actor): Prisma.AnnotationWhereInput | null {
  if (!may(viewer, "annotation.read")) return null;
  const articles = visibleArticles(viewer);
  return {
    deletedAt: null,
    AND: [
      { OR: [{ articleId: null }, { article: { is: articles } }] },
      { OR: [{ quoteId: null }, { quote: { is: { article: { is: articles } } } }] },
    ],
  };
}

/** The one rule for fact-checks: they are published work, visible whenever their article is. */
export function visibleClaimReviews(viewer: Actor): Prisma.ClaimReviewWhereInput {
  return { article: { is: visibleArticles(viewer) } };
}
