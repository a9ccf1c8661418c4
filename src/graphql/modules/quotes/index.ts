import type { GraphQLModule } from "../../module.js";
import { globalIdReader } from "../../ids.js";
import * as commands from "../../../domain/quotes/commands.js";
import { createQuoteLoaders } from "../../../domain/quotes/loaders.js";
import { organizationReference, personReference } from "../../../domain/people/loaders.js";
import { articleReference } from "../../../domain/articles/loaders.js";
import { quoteResolvers } from "./resolvers.js";

/** The quotes module of the API: SDL in ./schema.graphql, resolvers, guards, loaders. */
export const quotesModule = {
  name: "quotes",
  resolvers: quoteResolvers,
  guards: {
    "Mutation.createQuote": commands.createQuote.action,
    "Mutation.updateQuote": commands.updateQuote.action,
    "Mutation.attributeQuote": commands.attributeQuote.action,
    "Mutation.setQuoteVerification": commands.setQuoteVerification.action,
    "Mutation.linkQuotes": commands.linkQuotes.action,
    "Mutation.acceptQuote": commands.acceptQuote.action,
    "Mutation.rejectQuote": commands.rejectQuote.action,
  },
  loaders: createQuoteLoaders,
  relations: {
    "Quote.article": articleReference("articleId"),
    "Quote.speaker": personReference("speakerId"),
    "Quote.speakerOrganization": organizationReference("speakerOrganizationId"),
  },
  readers: { "Quote.id": globalIdReader("Quote") },
} satisfies GraphQLModule;
