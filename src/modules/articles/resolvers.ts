import type { Resolvers } from "../../generated/graphql.js";
import { pageSize } from "../../graphql/connection.js";
import { toGlobalId } from "../../graphql/ids.js";
import { displayTitle, findArticle, listArticles } from "./service.js";

/** Resolvers of the articles module: parse arguments, call the service, map the result. */
export const articleResolvers: Resolvers = {
  Query: {
    article: (_parent, args, { prisma, viewer }) => findArticle(prisma, viewer, args),
    articles: (_parent, args, { prisma, viewer }) => listArticles(prisma, viewer, args),
  },
  Article: {
    id: (article) => toGlobalId("Article", article.id),
    displayTitle: (article) => displayTitle(article),
    quotes: async (article, args, { loaders }) =>
      (await loaders.quotesByArticle.load(article.id)).slice(0, pageSize(args.first, 50)),
  },
  ArticleConnection: {
    totalCount: (page) => page.totalCount(),
  },
};
