import type { PrismaClient } from "../../db/index.js";
import type { EntityType } from "../../generated/prisma/enums.js";
import { byIdLoader, RelationConnectionLoader } from "../../core/loaders.js";
import type { Actor } from "../../core/actor.js";
import { correctionKeyset, mentionKeyset, revisionKeyset } from "./keysets.js";
import { WITHOUT_BODY } from "./record.js";
import type { PlannedReference } from "../../core/plan.js";
import { visibleArticles, visibleArticlesSql } from "../visibility/articles.js";
import { visibleEntityMentions } from "../visibility/people.js";

/** Per-request loaders of the articles module: articles and their revisions, corrections and mentions, visibility applied. */
export function createArticleLoaders(prisma: PrismaClient, viewer: Actor) {
  const visible = visibleArticles(viewer);
  const mentionLoaders = new Map<EntityType | "ALL", ReturnType<typeof mentionsLoader>>();
  function mentionsLoader(entityType: EntityType | undefined) {
    const where = { ...visibleEntityMentions(viewer), ...(entityType ? { entityType } : {}) };
    return new RelationConnectionLoader({
      keyset: mentionKeyset,
      defaultSize: 50,
      fetchPages: async (articleIds, window) => {
        const rows = await prisma.article.findMany({
          relationLoadStrategy: "join",
          where: { id: { in: articleIds } },
          select: { id: true, entityMentions: { where: { AND: [where, window.where] }, orderBy: window.orderBy, take: window.take } },
        });
        return new Map(rows.map((row) => [row.id, row.entityMentions]));
      },
      fetchCounts: async (articleIds) => {
        const rows = await prisma.article.findMany({
          where: { id: { in: articleIds } },
          select: { id: true, _count: { select: { entityMentions: { where } } } },
        });
        return new Map(rows.map((row) => [row.id, row._count.entityMentions]));
      },
    });
  }
  return {
    articleById: byIdLoader((ids) => prisma.article.findMany({ where: { id: { in: ids }, ...visible }, omit: WITHOUT_BODY })),
    /** Bodies of articles the request has already read (visibility was applied then): see bodyOf. */
    articleBodyById: byIdLoader((ids) => prisma.article.findMany({ where: { id: { in: ids } }, select: { id: true, body: true } })),
    articleRevisionById: byIdLoader((ids) => prisma.articleRevision.findMany({ where: { id: { in: ids }, article: visible } })),
    correctionById: byIdLoader((ids) => prisma.correction.findMany({ where: { id: { in: ids }, article: visible } })),
    revisionsOfArticle: new RelationConnectionLoader({
      keyset: revisionKeyset,
      defaultSize: 20,
      fetchPages: async (articleIds, window) => {
        const rows = await prisma.article.findMany({
          relationLoadStrategy: "join",
          where: { id: { in: articleIds } },
          select: { id: true, revisions: { where: window.where, orderBy: window.orderBy, take: window.take } },
        });
        return new Map(rows.map((row) => [row.id, row.revisions]));
      },
      fetchCounts: async (articleIds) => {
        const rows = await prisma.article.findMany({ where: { id: { in: articleIds } }, select: { id: true, _count: { select: { revisions: true } } } });
        return new Map(rows.map((row) => [row.id, row._count.revisions]));
      },
    }),
    correctionsOfArticle: new RelationConnectionLoader({
      keyset: correctionKeyset,
      defaultSize: 20,
      fetchPages: async (articleIds, window) => {
        const rows = await prisma.article.findMany({
          relationLoadStrategy: "join",
          where: { id: { in: articleIds } },
          select: { id: true, corrections: { where: window.where, orderBy: window.orderBy, take: window.take } },
        });
        return new Map(rows.map((row) => [row.id, row.corrections]));
      },
      fetchCounts: async (articleIds) => {
        const rows = await prisma.article.findMany({ where: { id: { in: articleIds } }, select: { id: true, _count: { select: { corrections: true } } } });
        return new Map(rows.map((row) => [row.id, row._count.corrections]));
      },
    }),
    /** Mentions of an article, one loader per entity type asked for. */
    mentionsOfArticle(entityType: EntityType | null | undefined) {
      const key = entityType ?? "ALL";
      let loader = mentionLoaders.get(key);
      if (!loader) {
        loader = mentionsLoader(entityType ?? undefined);
        mentionLoaders.set(key, loader);
      }
      return loader;
    },
  };
}


/** The loaders of the articles module, as domain functions that batch through them name them. */
export type ArticleLoaders = ReturnType<typeof createArticleLoaders>;

/** An article through a foreign key of the parent (a quote's article), for the read planner: primes `articleById`, without its body. */
export function articleReference(foreignKey: string): PlannedReference<ArticleLoaders> {
  return {
    kind: "reference",
    model: "Article",
    omit: Object.keys(WITHOUT_BODY),
    foreignKey,
    visible: visibleArticlesSql,
    byId: (loaders) => loaders.articleById,
  };
}
