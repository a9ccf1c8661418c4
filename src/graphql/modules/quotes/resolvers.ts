import { GraphQLError } from "graphql";
import type { QuoteFilter as QuoteFilterArgument, Resolvers } from "../../../generated/graphql.js";
import { ErrorCode } from "../../errors.js";
import { optionalGlobalId, toGlobalId } from "../../ids.js";
import { inputId, mutationPayload, optionalInputId } from "../../payload.js";
import { linkedQuotesPage } from "../../../domain/quotes/keysets.js";
import { acceptQuote, attributeQuote, createQuote, linkQuotes, rejectQuote, setQuoteVerification, updateQuote } from "../../../domain/quotes/commands.js";
import { listQuotes, type QuoteFilter } from "../../../domain/quotes/service.js";

/** The `quotes(filter:)` argument with its global ids decoded (BAD_USER_INPUT naming a bad one). */
function quoteFilterOf(filter: QuoteFilterArgument | null | undefined): QuoteFilter | undefined {
  if (!filter) return undefined;
  return {
    ...filter,
    speakerId: optionalGlobalId(filter.speakerId, "Person", "filter.speakerId"),
    speakerOrganizationId: optionalGlobalId(filter.speakerOrganizationId, "Organization", "filter.speakerOrganizationId"),
    articleId: optionalGlobalId(filter.articleId, "Article", "filter.articleId"),
    placeId: optionalGlobalId(filter.placeId, "Place", "filter.placeId"),
  };
}

/** Resolvers of the quotes module: decode global ids, call the domain, map the result. */
export const quoteResolvers: Resolvers = {
  Query: {
    quotes: async (_parent, args, { prisma, viewer, loaders }) => {
      const page = await listQuotes(prisma, viewer, { ...args, filter: quoteFilterOf(args.filter) });
      for (const { node } of page.edges) loaders.quoteById.prime(node.id, node);
      return page;
    },
  },
  Mutation: {
    createQuote: (_parent, { input }, context) =>
      mutationPayload("quote", () =>
        createQuote(context, {
          ...input,
          articleId: inputId(input.articleId, "Article", "input.articleId"),
          speakerId: optionalInputId(input.speakerId, "Person", "input.speakerId"),
          speakerOrganizationId: optionalInputId(input.speakerOrganizationId, "Organization", "input.speakerOrganizationId"),
        }),
      ),
    updateQuote: (_parent, { input }, context) => mutationPayload("quote", () => updateQuote(context, { ...input, id: inputId(input.id, "Quote", "input.id") })),
    attributeQuote: (_parent, { input }, context) =>
      mutationPayload("quote", () =>
        attributeQuote(context, {
          ...input,
          quoteId: inputId(input.quoteId, "Quote", "input.quoteId"),
          speakerId: optionalInputId(input.speakerId, "Person", "input.speakerId"),
          unnamedSource: input.unnamedSource && {
            ...input.unnamedSource,
            organizationId: optionalInputId(input.unnamedSource.organizationId, "Organization", "input.unnamedSource.organizationId"),
          },
          organizationId: optionalInputId(input.organizationId, "Organization", "input.organizationId"),
        }),
      ),
    setQuoteVerification: (_parent, { input }, context) =>
      mutationPayload("quote", () => setQuoteVerification(context, { ...input, quoteId: inputId(input.quoteId, "Quote", "input.quoteId") })),
    linkQuotes: (_parent, { input }, context) =>
      mutationPayload("quote", () =>
        linkQuotes(context, {
          ...input,
          fromQuoteId: inputId(input.fromQuoteId, "Quote", "input.fromQuoteId"),
          toQuoteId: inputId(input.toQuoteId, "Quote", "input.toQuoteId"),
        }),
      ),
    acceptQuote: (_parent, { input }, context) => mutationPayload("quote", () => acceptQuote(context, { ...input, id: inputId(input.id, "Quote", "input.id") })),
    rejectQuote: (_parent, { input }, context) => mutationPayload("quote", () => rejectQuote(context, { ...input, id: inputId(input.id, "Quote", "input.id") })),
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
