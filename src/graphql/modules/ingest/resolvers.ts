import type { Resolvers } from "../../../generated/graphql.js";
import { mutationPayload } from "../../../core/failure.js";
import { reviewableCount } from "../../../domain/ingest/store.js";
import { acceptAllAbove, acceptSuggestion, ingest, rejectSuggestion } from "../../../domain/ingest/mutations.js";
import { listSuggestions } from "../../../domain/ingest/service.js";

/** Resolvers of the ingest module: ingestArticle, the review queue and the review mutations. */
export const ingestResolvers: Resolvers = {
  Query: {
    suggestions: (_parent, args, { prisma, viewer }) => listSuggestions(prisma, viewer, args),
  },
  Mutation: {
    ingestArticle: async (_parent, { input, idempotencyKey }, context) => {
      // Live updates: ingest records a "suggestions.created" audit event in its transaction, which
      // the context's live hub publishes once it commits (src/domain/ingest/ingest.ts, suggest()).
      const { result, errors } = await mutationPayload("result", () => ingest(context, input, idempotencyKey));
      return {
        article: result?.article ?? null,
        outcome: result?.outcome ?? null,
        suggestions: result ? { ...result.counts, total: reviewableCount(result.counts) } : null,
        replayed: result?.replayed ?? false,
        errors,
      };
    },
    acceptSuggestion: async (_parent, { input }, context) => {
      const { result, errors } = await mutationPayload("result", () => acceptSuggestion(context, input));
      return { suggestion: result?.suggestion ?? null, alsoChanged: result?.alsoChanged ?? [], errors };
    },
    rejectSuggestion: async (_parent, { input }, context) => {
      const { result, errors } = await mutationPayload("result", () => rejectSuggestion(context, input));
      return { suggestion: result?.suggestion ?? null, alsoChanged: result?.alsoChanged ?? [], errors };
    },
    acceptAllAbove: async (_parent, { input }, context) => {
      const { result, errors } = await mutationPayload("result", () => acceptAllAbove(context, input));
      return { article: result?.article ?? null, acceptedCount: result?.acceptedCount ?? 0, errors };
    },
  },
};
