import type { GraphQLModule } from "../../module.js";
import { acceptQuote, attributeQuote, createQuote, linkQuotes, rejectQuote, setQuoteVerification, updateQuote } from "../../../domain/quotes/commands.js";
import { createQuoteLoaders } from "../../../domain/quotes/loaders.js";
import { quoteResolvers } from "./resolvers.js";

/** The quotes module of the API: SDL in ./schema.graphql, resolvers, guards, loaders. */
export const quotesModule = {
  name: "quotes",
  resolvers: quoteResolvers,
  guards: {
    "Mutation.createQuote": createQuote.action,
    "Mutation.updateQuote": updateQuote.action,
    "Mutation.attributeQuote": attributeQuote.action,
    "Mutation.setQuoteVerification": setQuoteVerification.action,
    "Mutation.linkQuotes": linkQuotes.action,
    "Mutation.acceptQuote": acceptQuote.action,
    "Mutation.rejectQuote": rejectQuote.action,
  },
  loaders: createQuoteLoaders,
} satisfies GraphQLModule;
