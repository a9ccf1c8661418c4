import type { Resolvers } from "../../../generated/graphql.js";
import { acceptAllAbove, acceptSuggestion, rejectSuggestion } from "../../../domain/ingest/commands.js";
import { ingestArticle } from "../../../domain/ingest/ingest.js";
import { listSuggestions } from "../../../domain/ingest/service.js";
import { reviewableCount } from "../../../domain/ingest/store.js";
import type { SuggestionRef } from "../../../domain/ingest/suggestions.js";
import { fail } from "../../../core/failure.js";
import { expectGlobalId } from "../../ids.js";
import { inputId, mutationPayload } from "../../payload.js";
import { parseSuggestionId, suggestionGlobalId } from "./suggestion-ids.js";

/** A suggestion id from mutation input: INVALID_INPUT when it is not one. */
function inputSuggestion(id: string): SuggestionRef {
  const ref = parseSuggestionId(id);
  if (!ref) throw fail("INVALID_INPUT", "input.id is not a suggestion id (a Quote, Person or Incident id, or a mention's suggestion id).", "input.id");
  return ref;
}

/** Resolvers of the ingest module: ingestArticle, the review queue and the review mutations. */
export const ingestResolvers: Resolvers = {
  Query: {
    suggestions: (_parent, args, { prisma, viewer }) => listSuggestions(prisma, viewer, { ...args, articleId: expectGlobalId(args.articleId, "Article", "articleId") }),
  },
  Mutation: {
    ingestArticle: async (_parent, { input, idempotencyKey }, context) => {
      // Live updates: ingest records a "suggestions.created" audit event in its transaction, which
      // the context's live hub publishes once it commits (src/domain/ingest/ingest.ts, suggest()).
      const { result, errors } = await mutationPayload("result", () => ingestArticle(context, { ...input, idempotencyKey }));
      return {
        article: result?.article ?? null,
        outcome: result?.outcome ?? null,
        suggestions: result ? { ...result.counts, total: reviewableCount(result.counts) } : null,
        replayed: result?.replayed ?? false,
        errors,
      };
    },
    acceptSuggestion: async (_parent, { input }, context) => {
      const { result, errors } = await mutationPayload("result", () => acceptSuggestion(context, { ...input, ...inputSuggestion(input.id) }));
      return { suggestion: result?.suggestion ?? null, alsoChanged: result?.alsoChanged ?? [], errors };
    },
    rejectSuggestion: async (_parent, { input }, context) => {
      const { result, errors } = await mutationPayload("result", () => rejectSuggestion(context, { ...input, ...inputSuggestion(input.id) }));
      return { suggestion: result?.suggestion ?? null, alsoChanged: result?.alsoChanged ?? [], errors };
    },
    acceptAllAbove: async (_parent, { input }, context) => {
      const { result, errors } = await mutationPayload("result", () => acceptAllAbove(context, { ...input, articleId: inputId(input.articleId, "Article", "input.articleId") }));
      return { article: result?.article ?? null, acceptedCount: result?.acceptedCount ?? 0, errors };
    },
  },
  Suggestion: {
    id: (suggestion) => suggestionGlobalId(suggestion),
  },
};
