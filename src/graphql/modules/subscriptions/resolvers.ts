import { GraphQLError } from "graphql";
import type { Resolvers } from "../../../generated/graphql.js";
import type { ArticleRecord } from "../../../domain/articles/record.js";
import { auditEventWhere } from "../../../domain/audit/filter.js";
import { auditEventFilterOf } from "../audit/filter.js";
import { annotationEvents, articleChanges, auditEventFeed, reviewQueueChanges, suggestionsCreated } from "../../../domain/subscriptions/service.js";
import { renewLoaders, type GraphQLContext } from "../../context.js";
import { ErrorCode } from "../../errors.js";
import { expectGlobalId, toGlobalId } from "../../ids.js";
import { guard } from "../../policy.js";
import { liveResults, openLiveStream, unwrap, type Delivery } from "./stream.js";

// Each subscription authorizes when it starts (guards wrap `resolve`, which runs per event, not
// `subscribe`): a refused subscription gets one FORBIDDEN error and nothing else. Then its
// article argument is decoded and must be visible, and the domain says what the feed sends.

/** The article of a subscription, as the viewer sees it now; NOT_FOUND when it is missing or not visible. */
async function visibleArticle(context: GraphQLContext, globalId: string, argument: string): Promise<ArticleRecord> {
  const id = expectGlobalId(globalId, "Article", argument);
  const article = await context.loaders.articleById.load(id);
  if (!article) throw new GraphQLError("The article does not exist or is not visible to you.", { extensions: { code: ErrorCode.NOT_FOUND, argument } });
  return article;
}

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
    articleChanged: {
      subscribe: async (_root, args, context) => {
        const article = await visibleArticle(context, args.id, "id");
        return openLiveStream(context, args.lastEventId, articleChanges(context, liveResults(context), article));
      },
      resolve: resolveDelivery,
    },
    annotationEvents: {
      subscribe: async (_root, args, context) => {
        guard(context, "annotation.read");
        const article = await visibleArticle(context, args.articleId, "articleId");
        return openLiveStream(context, args.lastEventId, annotationEvents(context, liveResults(context), article));
      },
      resolve: resolveDelivery,
    },
    suggestionsCreated: {
      subscribe: async (_root, args, context) => {
        guard(context, "suggestion.read");
        const article = await visibleArticle(context, args.articleId, "articleId");
        return openLiveStream(context, args.lastEventId, suggestionsCreated(context, liveResults(context), article));
      },
      resolve: resolveDelivery,
    },
    reviewQueueChanged: {
      subscribe: async (_root, args, context) => {
        guard(context, "suggestion.read");
        return openLiveStream(context, args.lastEventId, reviewQueueChanges(context, liveResults(context)));
      },
      resolve: resolveDelivery,
    },
    auditEvents: {
      subscribe: async (_root, args, context) => {
        guard(context, "audit.subscribe");
        return openLiveStream(context, args.lastEventId, auditEventFeed(context, auditEventWhere(auditEventFilterOf(args.filter))));
      },
      resolve: resolveDelivery,
    },
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
