import type { GraphQLModule } from "../../module.js";
import { ingestResolvers } from "./resolvers.js";

/** The ingest module of the API: SDL in ./schema.graphql, resolvers, guards. */
export const ingestModule = {
  name: "ingest",
  resolvers: ingestResolvers,
  guards: {
    "Query.suggestions": "suggestion.read",
    "Mutation.ingestArticle": "article.ingest",
    "Mutation.acceptSuggestion": "suggestion.review",
    "Mutation.rejectSuggestion": "suggestion.review",
    "Mutation.acceptAllAbove": "suggestion.review",
  },
} satisfies GraphQLModule;
