import type { GraphQLModule } from "../../module.js";
import { acceptAllAbove, acceptSuggestion, rejectSuggestion } from "../../../domain/ingest/commands.js";
import { ingestArticle } from "../../../domain/ingest/ingest.js";
import { ingestResolvers } from "./resolvers.js";

/** The ingest module of the API: SDL in ./schema.graphql, resolvers, guards. */
export const ingestModule = {
  name: "ingest",
  resolvers: ingestResolvers,
  guards: {
    "Query.suggestions": "suggestion.read",
    "Mutation.ingestArticle": ingestArticle.action,
    "Mutation.acceptSuggestion": acceptSuggestion.action,
    "Mutation.rejectSuggestion": rejectSuggestion.action,
    "Mutation.acceptAllAbove": acceptAllAbove.action,
  },
} satisfies GraphQLModule;
