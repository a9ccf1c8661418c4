import type { GraphQLModule } from "../../module.js";
import * as commands from "../../../domain/ingest/commands.js";
import * as ingest from "../../../domain/ingest/ingest.js";
import { ingestResolvers } from "./resolvers.js";

/** The ingest module of the API: SDL in ./schema.graphql, resolvers, guards. */
export const ingestModule = {
  name: "ingest",
  resolvers: ingestResolvers,
  guards: {
    "Query.suggestions": "suggestion.read",
    "Mutation.ingestArticle": ingest.ingestArticle.action,
    "Mutation.acceptSuggestion": commands.acceptSuggestion.action,
    "Mutation.rejectSuggestion": commands.rejectSuggestion.action,
    "Mutation.acceptAllAbove": commands.acceptAllAbove.action,
  },
} satisfies GraphQLModule;
