import type { GraphQLModule } from "../../module.js";
import { globalIdReader } from "../../ids.js";
import { articlesList, displayTitleReader } from "../../../domain/articles/service.js";
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
  readers: { "Article.id": globalIdReader("Article"), "Article.displayTitle": displayTitleReader },
} satisfies GraphQLModule;
