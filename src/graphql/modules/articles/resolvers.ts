import type { Resolvers } from "../../../generated/graphql.js";
import { toGlobalId } from "../../ids.js";
import { spanOf } from "../../../core/span.js";
import { resolveTaggedType, typed } from "../../../core/typed.js";
import { mutationPayload } from "../../../core/failure.js";
import { createArticle, deleteArticle, issueCorrection, publishArticle, restoreArticle, retractArticle, submitForReview, updateArticle } from "../../../domain/articles/commands.js";
import { loadArticleJsonLd } from "../../../domain/articles/json-ld.js";
import { diffHunks, revisionSpans } from "../../../domain/articles/reanchor.js";
import { bodyOf } from "../../../domain/articles/record.js";
import { displayTitleOf, findArticle, listArticles } from "../../../domain/articles/service.js";

/** Resolvers of the articles module: parse arguments, call the service or a loader, map the result. */
export const articleResolvers: Resolvers = {
  Query: {
    article: (_parent, args, { prisma, viewer }) => findArticle(prisma, viewer, args),
    articles: async (_parent, args, { prisma, viewer, loaders }) => {
      const page = await listArticles(prisma, viewer, args);
      for (const { node } of page.edges) loaders.articleById.prime(node.id, node);
      return page;
    },
  },
  Mutation: {
    createArticle: (_parent, { input }, context) => mutationPayload("article", () => createArticle(context, input)),
    updateArticle: (_parent, { input }, context) => mutationPayload("article", () => updateArticle(context, input)),
    submitForReview: (_parent, { input }, context) => mutationPayload("article", () => submitForReview(context, input)),
    publishArticle: (_parent, { input }, context) => mutationPayload("article", () => publishArticle(context, input)),
    retractArticle: (_parent, { input }, context) => mutationPayload("article", () => retractArticle(context, input)),
    deleteArticle: (_parent, { input }, context) => mutationPayload("article", () => deleteArticle(context, input)),
    restoreArticle: (_parent, { input }, context) => mutationPayload("article", () => restoreArticle(context, input)),
    issueCorrection: async (_parent, { input }, context) => {
      const payload = await mutationPayload("result", () => issueCorrection(context, input));
      return { correction: payload.result?.correction ?? null, article: payload.result?.article ?? null, errors: payload.errors };
    },
  },
  Article: {
    id: (article) => toGlobalId("Article", article.id),
    displayTitle: (article, _args, { loaders }) => displayTitleOf(article, loaders),
    body: (article, _args, { loaders }) => bodyOf(article, loaders),
    quotes: (article, args, { loaders }) => loaders.quotesOfArticle.load(article.id, args),
    revisions: (article, args, { loaders }) => loaders.revisionsOfArticle.load(article.id, args),
    corrections: (article, args, { loaders }) => loaders.correctionsOfArticle.load(article.id, args),
    mentions: (article, args, { loaders }) => loaders.mentionsOfArticle(args.entityType).load(article.id, args),
    jsonLd: (article, _args, { loaders }) => loadArticleJsonLd(article, loaders),
    revision: (article, { number }, { prisma }) => prisma.articleRevision.findUnique({ where: { articleId_number: { articleId: article.id, number } } }),
    diff: async (article, { from, to }, { prisma }) => {
      const revisions = await prisma.articleRevision.findMany({ where: { articleId: article.id, number: { in: [from, to] } }, select: { number: true, body: true } });
      const older = revisions.find((revision) => revision.number === from);
      const newer = revisions.find((revision) => revision.number === to);
      return older && newer ? diffHunks(older.body, newer.body) : null;
    },
  },
  ArticleRevision: {
    id: (revision) => toGlobalId("ArticleRevision", revision.id),
    spans: (revision, _args, { prisma }) => revisionSpans(prisma, revision),
    createdBy: (revision, _args, { loaders }) => (revision.createdById ? loaders.userById.load(revision.createdById) : null),
  },
  Correction: {
    id: (correction) => toGlobalId("Correction", correction.id),
    span: async (correction, _args, { loaders }) => {
      if (correction.start === null || correction.end === null) return null;
      const article = await loaders.articleById.load(correction.articleId);
      return article ? spanOf(await bodyOf(article, loaders), correction.start, correction.end) : null;
    },
    quote: (correction, _args, { loaders }) => (correction.quoteId ? loaders.quoteById.load(correction.quoteId) : null),
    createdBy: (correction, _args, { loaders }) => (correction.createdById ? loaders.userById.load(correction.createdById) : null),
  },
  EntityMention: {
    span: (mention) => mention,
    entity: async (mention, _args, { loaders }) => {
      // visibleEntityMentions only lets through mentions whose entity is visible.
      if (mention.personId) {
        const person = await loaders.personById.load(mention.personId);
        if (person) return typed("Person", person);
      } else if (mention.organizationId) {
        const organization = await loaders.organizationById.load(mention.organizationId);
        if (organization) return typed("Organization", organization);
      } else if (mention.placeId) {
        const place = await loaders.placeById.load(mention.placeId);
        if (place) return typed("Place", place);
      }
      throw new Error(`Entity mention ${mention.id} names no visible ${mention.entityType.toLowerCase()}.`);
    },
  },
  MentionedEntity: {
    __resolveType: (value) => resolveTaggedType<"Person" | "Organization" | "Place">(value),
  },
};
