import { GraphQLError } from "graphql";
import type { Resolvers } from "../../../generated/graphql.js";
import { ErrorCode } from "../../errors.js";
import { toGlobalId } from "../../ids.js";
import { linkedQuotesPage } from "../../../domain/quotes/keysets.js";
import { mutationPayload } from "../../../core/failure.js";
import { acceptQuote, attributeQuote, createQuote, linkQuotes, rejectQuote, setQuoteVerification, updateQuote } from "../../../domain/quotes/mutations.js";
import { listQuotes } from "../../../domain/quotes/service.js";

/** Resolvers of the quotes module. */
export const quoteResolvers: Resolvers = {
  Query: {
    quotes: async (_parent, args, { prisma, viewer, loaders }) => {
      const page = await listQuotes(prisma, viewer, args);
      for (const { node } of page.edges) loaders.quoteById.prime(node.id, node);
      return page;
    },
  },
  Mutation: {
    createQuote: (_parent, { input }, context) => mutationPayload("quote", () => createQuote(context, input)),
    updateQuote: (_parent, { input }, context) => mutationPayload("quote", () => updateQuote(context, input)),
    attributeQuote: (_parent, { input }, context) => mutationPayload("quote", () => attributeQuote(context, input)),
    setQuoteVerification: (_parent, { input }, context) => mutationPayload("quote", () => setQuoteVerification(context, input)),
    linkQuotes: (_parent, { input }, context) => mutationPayload("quote", () => linkQuotes(context, input)),
    acceptQuote: (_parent, { input }, context) => mutationPayload("quote", () => acceptQuote(context, input)),
    rejectQuote: (_parent, { input }, context) => mutationPayload("quote", () => rejectQuote(context, input)),
  },
  Quote: {
    id: (quote) => toGlobalId("Quote", quote.id),
    span: (quote) => ({ start: quote.start, end: quote.end, exact: quote.text, prefix: quote.prefix, suffix: quote.suffix }),
    article: async (quote, _args, { loaders }) => {
      const article = await loaders.articleById.load(quote.articleId);
      // Quotes are only visible inside visible articles, so this means a broken invariant.
      if (!article) throw new GraphQLError("The quote's article is not available.", { extensions: { code: ErrorCode.NOT_FOUND } });
      return article;
    },
    speaker: (quote, _args, { loaders }) => (quote.speakerId ? loaders.personById.load(quote.speakerId) : null),
    speakerOrganization: (quote, _args, { loaders }) =>
      quote.speakerOrganizationId ? loaders.organizationById.load(quote.speakerOrganizationId) : null,
    linkedQuotes: async (quote, args, { loaders }) =>
      linkedQuotesPage((await loaders.linkedQuotes.load(quote.id)).map((row) => row.link), args),
  },
};
