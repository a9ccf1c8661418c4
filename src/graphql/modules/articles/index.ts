import type { GraphQLModule } from "../../module.js";
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
import { createArticleLoaders } from "../../../domain/articles/loaders.js";
import { articleResolvers } from "./resolvers.js";

/** The articles module of the API: SDL in ./schema.graphql, resolvers, guards, loaders. */
export const articlesModule = {
  name: "articles",
  resolvers: articleResolvers,
  guards: {
    "Article.revisions": "article.readUnpublished",
    "ArticleRevision": "article.readUnpublished",
    "Mutation.createArticle": createArticle.action,
    "Mutation.updateArticle": updateArticle.action,
    "Mutation.submitForReview": submitForReview.action,
    "Mutation.publishArticle": publishArticle.action,
    "Mutation.issueCorrection": issueCorrection.action,
    "Mutation.retractArticle": retractArticle.action,
    "Mutation.deleteArticle": deleteArticle.action,
    "Mutation.restoreArticle": restoreArticle.action,
    "Article.revision": "article.readUnpublished",
    "Article.diff": "article.readUnpublished",
  },
  loaders: createArticleLoaders,
} satisfies GraphQLModule;
