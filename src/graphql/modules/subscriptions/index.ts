import type { GraphQLModule } from "../../module.js";
import { subscriptionResolvers } from "./resolvers.js";

/** The subscriptions module of the API: SDL in ./schema.graphql, resolvers, guards. */
export const subscriptionsModule = {
  name: "subscriptions",
  resolvers: subscriptionResolvers,
  guards: {
    "AnnotationEvent": "annotation.read",
    "SuggestionsCreated": "suggestion.read",
    "ReviewQueueChange": "suggestion.read",
    "Subscription.annotationEvents": "annotation.read",
    "Subscription.suggestionsCreated": "suggestion.read",
    "Subscription.reviewQueueChanged": "suggestion.read",
    "Subscription.auditEvents": "audit.subscribe",
  },
} satisfies GraphQLModule;
