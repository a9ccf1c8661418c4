import type { Prisma } from "../../db/index.js";
import type { AnchorState, AnnotationMotivation, AnnotationStatus } from "../../generated/prisma/enums.js";

/** Which annotations to list (every condition must hold); ids are record ids. */
export interface AnnotationFilter {
  readonly status?: AnnotationStatus | null;
  /** One of these motivations; an empty list matches none. */
  readonly motivation?: readonly AnnotationMotivation[] | null;
  /** By this user. */
  readonly authorId?: string | null;
  /** On this article or its quotes. */
  readonly articleId?: string | null;
  /** In this anchor state (ORPHANED is the orphan queue). */
  readonly anchorState?: AnchorState | null;
  /** Only thread starters (true) or only replies (false). */
  readonly topLevel?: boolean | null;
}

/** An {@link AnnotationFilter} turned into Prisma conditions, with a key that tells equal filters apart. */
export interface AnnotationFilterWhere {
  readonly where: Prisma.AnnotationWhereInput;
  /** Equal for filters that select the same annotations (one nested-connection loader per key). */
  readonly key: string;
}

/** Turns an {@link AnnotationFilter} into Prisma conditions; every condition must hold. */
export function annotationFilterWhere(filter: AnnotationFilter | null | undefined): AnnotationFilterWhere {
  if (!filter) return { where: {}, key: "" };
  const { authorId, articleId } = filter;
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
