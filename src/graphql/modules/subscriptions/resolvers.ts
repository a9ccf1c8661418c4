import type { Resolvers } from "../../../generated/graphql.js";
import { renewLoaders, type GraphQLContext } from "../../context.js";
import { toGlobalId } from "../../ids.js";
import { annotationEvents, articleChanged, auditEventFeed, reviewQueueChanged, suggestionsCreated } from "../../../domain/subscriptions/service.js";
import { unwrap, type Delivery } from "../../../domain/subscriptions/stream.js";

/**
 * Each event of a subscription starts here: fresh loaders for the subscriber (its context lives
 * as long as the subscription), then the payload, or this event's error.
 */
function resolveDelivery<T>(delivery: Delivery<T> | undefined, _args: unknown, context: GraphQLContext): T {
  renewLoaders(context);
  return unwrap(delivery);
}

/** Resolvers of live updates: the five subscriptions and their payload types. */
export const subscriptionResolvers: Resolvers = {
  Subscription: {
    articleChanged: { subscribe: (_root, args, context) => articleChanged(context, args), resolve: resolveDelivery },
    annotationEvents: { subscribe: (_root, args, context) => annotationEvents(context, args), resolve: resolveDelivery },
    suggestionsCreated: { subscribe: (_root, args, context) => suggestionsCreated(context, args), resolve: resolveDelivery },
    reviewQueueChanged: { subscribe: (_root, args, context) => reviewQueueChanged(context, args), resolve: resolveDelivery },
    auditEvents: { subscribe: (_root, args, context) => auditEventFeed(context, args), resolve: resolveDelivery },
  },
  AnnotationEvent: {
    sequence: ({ event }) => event.sequence,
    annotationId: ({ event }) => toGlobalId("Annotation", event.targetId),
    actor: ({ event }, _args, { loaders }) => (event.actorId ? loaders.userById.load(event.actorId) : null),
    at: ({ event }) => new Date(event.createdAt),
  },
  ArticleChange: {
    sequence: ({ event }) => event.sequence,
    action: ({ event }) => event.action,
    articleId: ({ event }) => toGlobalId("Article", event.targetId),
    at: ({ event }) => new Date(event.createdAt),
  },
  SuggestionsCreated: {
    sequence: ({ event }) => event.sequence,
    quotes: ({ quotes }) => [...quotes],
    quoteCount: ({ counts }) => counts.quotes,
    personCount: ({ counts }) => counts.people,
    incidentCount: ({ counts }) => counts.incidents,
    mentionCount: ({ counts }) => counts.mentions,
    at: ({ event }) => new Date(event.createdAt),
  },
  ReviewQueueChange: {
    sequence: ({ event }) => event.sequence,
    action: ({ event }) => event.action,
    articleId: ({ event }) => (event.articleId ? toGlobalId("Article", event.articleId) : null),
    annotationQueueCounts: ({ annotationQueueCounts }) => [...annotationQueueCounts],
    at: ({ event }) => new Date(event.createdAt),
  },
};
