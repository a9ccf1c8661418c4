import type { GraphQLModule } from "../../module.js";
import { createQuoteLoaders } from "../../../domain/quotes/loaders.js";
import { quoteResolvers } from "./resolvers.js";

/** The quotes module of the API: SDL in ./schema.graphql, resolvers, guards, loaders. */
export const quotesModule = {
  name: "quotes",
  resolvers: quoteResolvers,
  guards: {
    "Mutation.createQuote": "quote.create",
    "Mutation.updateQuote": "quote.update",
    "Mutation.attributeQuote": "quote.attribute",
    "Mutation.setQuoteVerification": "quote.verify",
    "Mutation.linkQuotes": "quote.link",
    "Mutation.acceptQuote": "suggestion.review",
    "Mutation.rejectQuote": "suggestion.review",
  },
  loaders: createQuoteLoaders,
} satisfies GraphQLModule;
