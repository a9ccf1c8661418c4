import type { GraphQLModule } from "../../module.js";
import { globalIdReader, parseGlobalId } from "../../ids.js";
import { articlesList, displayTitleReader, findArticleSql } from "../../../domain/articles/service.js";
import * as commands from "../../../domain/articles/commands.js";
import { createArticleLoaders } from "../../../domain/articles/loaders.js";
import { quotesOfArticleRelation } from "../../../domain/quotes/loaders.js";
import { articleResolvers } from "./resolvers.js";

/** The articles module of the API: SDL in ./schema.graphql, resolvers, guards, loaders. */
export const articlesModule = {
  name: "articles",
  resolvers: articleResolvers,
  guards: {
    "Article.revisions": "article.readUnpublished",
    "ArticleRevision": "article.readUnpublished",
    "Mutation.createArticle": commands.createArticle.action,
    "Mutation.updateArticle": commands.updateArticle.action,
    "Mutation.submitForReview": commands.submitForReview.action,
    "Mutation.publishArticle": commands.publishArticle.action,
    "Mutation.issueCorrection": commands.issueCorrection.action,
    "Mutation.retractArticle": commands.retractArticle.action,
    "Mutation.deleteArticle": commands.deleteArticle.action,
    "Mutation.restoreArticle": commands.restoreArticle.action,
    "Article.revision": "article.readUnpublished",
    "Article.diff": "article.readUnpublished",
  },
  loaders: createArticleLoaders,
  relations: { "Article.quotes": quotesOfArticleRelation },
  lists: { "Query.articles": articlesList },
  records: {
    // A global id that is not an article's is the resolver's BAD_USER_INPUT: no answer from SQL.
    "Query.article": {
      model: "Article",
      find(viewer, row, { slug, id }) {
        const parsed = typeof id === "string" ? parseGlobalId(id) : null;
        if (typeof id === "string" && parsed?.type !== "Article") return null;
        return findArticleSql(viewer, row, { slug: slug as string | null | undefined, id: parsed?.id ?? (id as null | undefined) });
      },
    },
  },
  readers: { "Article.id": globalIdReader("Article"), "Article.displayTitle": displayTitleReader },
} satisfies GraphQLModule;
