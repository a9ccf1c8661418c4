import type { Prisma, PrismaClient } from "../../db/index.js";
import type { Annotation } from "../../generated/prisma/client.js";
import { byIdLoader, RelationConnectionLoader, type RelationSource } from "../../core/loaders.js";
import type { Actor } from "../../core/actor.js";
import { annotationFilterWhere, type AnnotationFilter } from "./filter.js";
import { annotationKeyset, claimReviewKeyset } from "./keysets.js";
import { visibleAnnotations, visibleClaimReviews } from "../visibility/annotations.js";

type AnnotationWhere = Prisma.AnnotationWhereInput;
type AnnotationOrderBy = Prisma.AnnotationOrderByWithRelationInput;
type AnnotationSource = RelationSource<Annotation, AnnotationWhere, AnnotationOrderBy>;

const DEFAULT_PAGE_SIZE = 20;

/** The order of {@link annotationKeyset} (creation time, then id; lowercase UUIDs compare as PostgreSQL compares them). */
function compareAnnotations(a: Annotation, b: Annotation): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * A nested annotation source for a viewer who may see no annotations: empty pages and zero
 * counts without a statement, so a refused field costs no SQL even if it were resolved.
 */
const NO_ANNOTATIONS: AnnotationSource = {
  keyset: annotationKeyset,
  defaultSize: DEFAULT_PAGE_SIZE,
  fetchPages: async () => new Map(),
  fetchCounts: async () => new Map(),
};

/**
 * Per-request loaders of the annotations module: annotations and fact-checks by id, and the
 * nested connections (a thread's replies, an article's or a quote's annotations and
 * fact-checks). Each nested page is one statement for the whole batch of parents, limited per
 * parent in SQL by Prisma's join strategy (a LATERAL subquery with LIMIT).
 */
export function createAnnotationLoaders(prisma: PrismaClient, viewer: Actor) {
  const visible = visibleAnnotations(viewer);
  const visibleReviews = visibleClaimReviews(viewer);
  const articleAnnotationLoaders = new Map<string, RelationConnectionLoader<Annotation, AnnotationWhere, AnnotationOrderBy>>();

  /**
   * An article's annotations are those naming the article and those naming only one of its
   * quotes (a quote note need not repeat its article's id). Both come from one statement: the
   * article's own annotations and each quote's article-less ones, each branch limited to the
   * page size in SQL; the first `take` of their merge is the page, since every row of the page
   * is among the first `take` of its own branch.
   */
  function articleAnnotationsSource(visibleWhere: AnnotationWhere, filterWhere: AnnotationWhere): AnnotationSource {
    const where: AnnotationWhere = { AND: [visibleWhere, filterWhere] };
    const viaQuote: AnnotationWhere = { AND: [where, { articleId: null }] };
    return {
      keyset: annotationKeyset,
      defaultSize: DEFAULT_PAGE_SIZE,
      fetchPages: async (articleIds, window) => {
        const page = { orderBy: window.orderBy, take: window.take };
        const rows = await prisma.article.findMany({
          relationLoadStrategy: "join",
          where: { id: { in: articleIds } },
          select: {
            id: true,
            annotations: { where: { AND: [where, window.where] }, ...page },
            quotes: { select: { annotations: { where: { AND: [viaQuote, window.where] }, ...page } } },
          },
        });
        return new Map(
          rows.map((row) => {
            const merged = [...row.annotations, ...row.quotes.flatMap((quote) => quote.annotations)];
            return [row.id, merged.sort(compareAnnotations).slice(0, window.take)];
          }),
        );
      },
      fetchCounts: async (articleIds) => {
        const rows = await prisma.article.findMany({
          relationLoadStrategy: "join",
          where: { id: { in: articleIds } },
          select: {
            id: true,
            _count: { select: { annotations: { where } } },
            quotes: { select: { _count: { select: { annotations: { where: viaQuote } } } } },
          },
        });
        return new Map(
          rows.map((row) => [row.id, row._count.annotations + row.quotes.reduce((sum, quote) => sum + quote._count.annotations, 0)]),
        );
      },
    };
  }

  return {
    /** An annotation by id, or null when it is deleted, hangs off an invisible article, or the viewer is below REPORTER. */
    annotationById: byIdLoader<Annotation>(async (ids) =>
      visible ? prisma.annotation.findMany({ where: { AND: [{ id: { in: ids } }, visible] } }) : [],
    ),
    /** A fact-check by id, or null when its article is not visible. */
    claimReviewById: byIdLoader((ids) => prisma.claimReview.findMany({ where: { AND: [{ id: { in: ids } }, visibleReviews] } })),
    /** Replies of annotations, oldest first. */
    repliesOfAnnotation: new RelationConnectionLoader<Annotation, AnnotationWhere, AnnotationOrderBy>(
      visible
        ? {
            keyset: annotationKeyset,
            defaultSize: DEFAULT_PAGE_SIZE,
            fetchPages: async (parentIds, window) => {
              const rows = await prisma.annotation.findMany({
                relationLoadStrategy: "join",
                where: { id: { in: parentIds } },
                select: { id: true, replies: { where: { AND: [visible, window.where] }, orderBy: window.orderBy, take: window.take } },
              });
              return new Map(rows.map((row) => [row.id, row.replies]));
            },
            fetchCounts: async (parentIds) => {
              const rows = await prisma.annotation.findMany({
                where: { id: { in: parentIds } },
                select: { id: true, _count: { select: { replies: { where: visible } } } },
              });
              return new Map(rows.map((row) => [row.id, row._count.replies]));
            },
          }
        : NO_ANNOTATIONS,
    ),
    /**
     * Annotations of articles, oldest first, one loader per distinct filter (a loader batches
     * parents asking with the same filter).
     */
    annotationsOfArticle(filter: AnnotationFilter | null | undefined) {
      const { where, key } = annotationFilterWhere(filter);
      let loader = articleAnnotationLoaders.get(key);
      if (!loader) {
        loader = new RelationConnectionLoader(visible ? articleAnnotationsSource(visible, where) : NO_ANNOTATIONS);
        articleAnnotationLoaders.set(key, loader);
      }
      return loader;
    },
    /** Annotations of quotes, oldest first. */
    annotationsOfQuote: new RelationConnectionLoader<Annotation, AnnotationWhere, AnnotationOrderBy>(
      visible
        ? {
            keyset: annotationKeyset,
            defaultSize: DEFAULT_PAGE_SIZE,
            fetchPages: async (quoteIds, window) => {
              const rows = await prisma.quote.findMany({
                relationLoadStrategy: "join",
                where: { id: { in: quoteIds } },
                select: { id: true, annotations: { where: { AND: [visible, window.where] }, orderBy: window.orderBy, take: window.take } },
              });
              return new Map(rows.map((row) => [row.id, row.annotations]));
            },
            fetchCounts: async (quoteIds) => {
              const rows = await prisma.quote.findMany({
                where: { id: { in: quoteIds } },
                select: { id: true, _count: { select: { annotations: { where: visible } } } },
              });
              return new Map(rows.map((row) => [row.id, row._count.annotations]));
            },
          }
        : NO_ANNOTATIONS,
    ),
    /** Fact-checks of articles, oldest first. */
    claimReviewsOfArticle: new RelationConnectionLoader({
      keyset: claimReviewKeyset,
      defaultSize: DEFAULT_PAGE_SIZE,
      fetchPages: async (articleIds, window) => {
        const rows = await prisma.article.findMany({
          relationLoadStrategy: "join",
          where: { id: { in: articleIds } },
          select: { id: true, claimReviews: { where: { AND: [visibleReviews, window.where] }, orderBy: window.orderBy, take: window.take } },
        });
        return new Map(rows.map((row) => [row.id, row.claimReviews]));
      },
      fetchCounts: async (articleIds) => {
        const rows = await prisma.article.findMany({
          where: { id: { in: articleIds } },
          select: { id: true, _count: { select: { claimReviews: { where: visibleReviews } } } },
        });
        return new Map(rows.map((row) => [row.id, row._count.claimReviews]));
      },
    }),
    /** Fact-checks of quotes, oldest first. */
    claimReviewsOfQuote: new RelationConnectionLoader({
      keyset: claimReviewKeyset,
      defaultSize: DEFAULT_PAGE_SIZE,
      fetchPages: async (quoteIds, window) => {
        const rows = await prisma.quote.findMany({
          relationLoadStrategy: "join",
          where: { id: { in: quoteIds } },
          select: { id: true, claimReviews: { where: { AND: [visibleReviews, window.where] }, orderBy: window.orderBy, take: window.take } },
        });
        return new Map(rows.map((row) => [row.id, row.claimReviews]));
      },
      fetchCounts: async (quoteIds) => {
        const rows = await prisma.quote.findMany({
          where: { id: { in: quoteIds } },
          select: { id: true, _count: { select: { claimReviews: { where: visibleReviews } } } },
        });
        return new Map(rows.map((row) => [row.id, row._count.claimReviews]));
      },
    }),
  };
}

/** The loaders of the annotations module, as domain functions that batch through them name them. */
export type AnnotationLoaders = ReturnType<typeof createAnnotationLoaders>;
