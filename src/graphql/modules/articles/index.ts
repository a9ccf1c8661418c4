import type { GraphQLModule } from "../../module.js";
import { createArticleLoaders } from "../../../domain/articles/loaders.js";
import { articleResolvers } from "./resolvers.js";

/** The articles module of the API: SDL in ./schema.graphql, resolvers, guards, loaders. */
export const articlesModule = {
  name: "articles",
  resolvers: articleResolvers,
  guards: {
    "Article.revisions": "article.readUnpublished",
    "ArticleRevision": "article.readUnpublished",
    "Mutation.createArticle": "article.create",
    "Mutation.updateArticle": "article.update",
    "Mutation.submitForReview": "article.submit",
    "Mutation.publishArticle": "article.publish",
    "Mutation.issueCorrection": "article.correct",
    "Mutation.retractArticle": "article.retract",
    "Mutation.deleteArticle": "article.delete",
    "Mutation.restoreArticle": "article.restore",
    "Article.revision": "article.readUnpublished",
    "Article.diff": "article.readUnpublished",
  },
  loaders: createArticleLoaders,
} satisfies GraphQLModule;
