import type { Prisma } from "../../db/index.js";
import type { AnnotationFilter } from "../../generated/graphql.js";
import { optionalGlobalId } from "../../graphql/ids.js";

/** An `AnnotationFilter` turned into Prisma conditions, with a key that tells equal filters apart. */
export interface AnnotationFilterWhere {
  readonly where: Prisma.AnnotationWhereInput;
  /** Equal for filters that select the same annotations (one nested-connection loader per key). */
  readonly key: string;
}

/**
 * Turns an `AnnotationFilter` into Prisma conditions; every condition must hold. Ids are
 * validated here, so a malformed or wrong-type id is BAD_USER_INPUT naming `filter.<field>`.
 */
export function annotationFilterWhere(filter: AnnotationFilter | null | undefined): AnnotationFilterWhere {
  if (!filter) return { where: {}, key: "" };
  const authorId = optionalGlobalId(filter.authorId, "User", "filter.authorId");
  const articleId = optionalGlobalId(filter.articleId, "Article", "filter.articleId");
  const conditions: Prisma.AnnotationWhereInput[] = [];
  if (filter.status) conditions.push({ status: filter.status });
  // An empty list asks for annotations with one of no motivations: none, as the docs say.
  if (filter.motivation) conditions.push({ motivation: { in: [...filter.motivation] } });
  if (authorId) conditions.push({ authorId });
  // Notes on a quote may carry only the quote's id, so "on this article" includes its quotes'.
  if (articleId) conditions.push({ OR: [{ articleId }, { quote: { is: { articleId } } }] });
  if (filter.anchorState) conditions.push({ anchorState: filter.anchorState });
  if (filter.topLevel === true) conditions.push({ parentId: null });
  if (filter.topLevel === false) conditions.push({ parentId: { not: null } });
  const key = JSON.stringify([
    filter.status ?? null,
    filter.motivation ? [...new Set(filter.motivation)].sort() : null,
    authorId ?? null,
    articleId ?? null,
    filter.anchorState ?? null,
    filter.topLevel ?? null,
  ]);
  return { where: { AND: conditions }, key };
}
