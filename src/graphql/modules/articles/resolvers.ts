import type { ArticleFilter as ArticleFilterArgument, Resolvers } from "../../../generated/graphql.js";
import { spanOf } from "../../../core/span.js";
import { resolveTaggedType, typed } from "../../../core/typed.js";
import {
  createArticle,
  deleteArticle,
  issueCorrection,
  publishArticle,
  restoreArticle,
  retractArticle,
  submitForReview,
  updateArticle,
} from "../../../domain/articles/commands.js";
import { loadArticleJsonLd } from "../../../domain/export/article-json-ld.js";
import { diffHunks, revisionSpans } from "../../../domain/articles/reanchor.js";
import { bodyOf } from "../../../domain/articles/record.js";
import { displayTitleOf, findArticle, listArticles, type ArticleFilter } from "../../../domain/articles/service.js";
import { expectGlobalId, optionalGlobalId, toGlobalId } from "../../ids.js";
import { inputId, mutationPayload, optionalInputId } from "../../payload.js";

/** The `articles(filter:)` argument with its global ids decoded (BAD_USER_INPUT naming a bad one). */
export function articleFilterOf(filter: ArticleFilterArgument | null | undefined): ArticleFilter | undefined {
  if (!filter) return undefined;
  return {
    ...filter,
    personId: optionalGlobalId(filter.personId, "Person", "filter.personId"),
    placeId: optionalGlobalId(filter.placeId, "Place", "filter.placeId"),
  };
}

/** Resolvers of the articles module: decode global ids, call the domain, map the result. */
export const articleResolvers: Resolvers = {
  Query: {
    // The id is decoded only when it is the one argument given: with both, the domain says to give one.
    article: (_parent, { slug, id }, { prisma, viewer }) =>
      findArticle(prisma, viewer, { slug, id: id === undefined || id === null || (slug !== undefined && slug !== null) ? id : expectGlobalId(id, "Article", "id") }),
    articles: async (_parent, args, { prisma, viewer, loaders }) => {
      const page = await listArticles(prisma, viewer, { ...args, filter: articleFilterOf(args.filter) });
      for (const { node } of page.edges) loaders.articleById.prime(node.id, node);
      return page;
    },
  },
  Mutation: {
    createArticle: (_parent, { input }, context) => mutationPayload("article", () => createArticle(context, input)),
    updateArticle: (_parent, { input }, context) =>
      mutationPayload("article", () => updateArticle(context, { ...input, id: inputId(input.id, "Article", "input.id") })),
    submitForReview: (_parent, { input }, context) =>
      mutationPayload("article", () => submitForReview(context, { ...input, id: inputId(input.id, "Article", "input.id") })),
    publishArticle: (_parent, { input }, context) =>
      mutationPayload("article", () => publishArticle(context, { ...input, id: inputId(input.id, "Article", "input.id") })),
    retractArticle: (_parent, { input }, context) =>
      mutationPayload("article", () => retractArticle(context, { ...input, id: inputId(input.id, "Article", "input.id") })),
    deleteArticle: (_parent, { input }, context) =>
      mutationPayload("article", () => deleteArticle(context, { ...input, id: inputId(input.id, "Article", "input.id") })),
    restoreArticle: (_parent, { input }, context) =>
      mutationPayload("article", () => restoreArticle(context, { ...input, id: inputId(input.id, "Article", "input.id") })),
    issueCorrection: async (_parent, { input }, context) => {
      const payload = await mutationPayload("result", () =>
        issueCorrection(context, {
          ...input,
          articleId: inputId(input.articleId, "Article", "input.articleId"),
          quoteId: optionalInputId(input.quoteId, "Quote", "input.quoteId"),
        }),
      );
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
    spans: async (revision, _args, { prisma }) =>
      (await revisionSpans(prisma, revision))?.map(({ record, ...span }) => ({ ...span, recordId: record ? toGlobalId(record.type, record.id) : null })) ?? null,
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
