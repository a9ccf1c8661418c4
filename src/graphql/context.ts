import type { PrismaClient } from "../db/index.js";
import { createAnnotationLoaders } from "../modules/annotations/loaders.js";
import { createArticleLoaders } from "../modules/articles/loaders.js";
import { createAuditLoaders } from "../modules/audit/loaders.js";
import { createAuthLoaders } from "../modules/auth/loaders.js";
import type { Viewer } from "../modules/auth/viewer.js";
import type { LiveHub } from "../pubsub/hub.js";
import { createIncidentLoaders } from "../modules/incidents/loaders.js";
import { createPeopleLoaders } from "../modules/people/loaders.js";
import { createPlaceLoaders } from "../modules/places/loaders.js";
import { createQuoteLoaders } from "../modules/quotes/loaders.js";

/** The per-request DataLoaders of every module (built per request, never shared). */
export type Loaders = ReturnType<typeof createLoaders>;

/** Builds a fresh set of DataLoaders for one request. */
export function createLoaders(prisma: PrismaClient, viewer: Viewer) {
  return {
    ...createAuthLoaders(prisma, viewer),
    ...createArticleLoaders(prisma, viewer),
    ...createQuoteLoaders(prisma, viewer),
    ...createPeopleLoaders(prisma, viewer),
    ...createPlaceLoaders(prisma, viewer),
    ...createIncidentLoaders(prisma, viewer),
    ...createAnnotationLoaders(prisma, viewer),
    ...createAuditLoaders(prisma, viewer),
  };
}

/** What every resolver receives: the database, who is asking, the loaders and the request id. */
export interface GraphQLContext {
  readonly prisma: PrismaClient;
  readonly viewer: Viewer;
  readonly loaders: Loaders;
  readonly requestId: string;
  /** This instance's live updates: mutations publish through it, subscriptions listen; null when off (tests, CLI). */
  readonly live: LiveHub | null;
}

/** Creates the context of one request. */
export function createContext(prisma: PrismaClient, viewer: Viewer, requestId: string, live: LiveHub | null = null): GraphQLContext {
  return { prisma, viewer, loaders: createLoaders(prisma, viewer), requestId, live };
}

// Subscription contexts whose loaders are replaced for each event (see renewLoaders).
const renewals = new WeakMap<GraphQLContext, () => void>();

/**
 * The context of one subscription. It lives as long as the subscription, but DataLoaders cache
 * for their whole life, so each event must be resolved with fresh ones: {@link renewLoaders}.
 */
export function createSubscriptionContext(prisma: PrismaClient, viewer: Viewer, requestId: string, live: LiveHub): GraphQLContext {
  // Built on first use after each renewal: most payloads never touch a loader, and building
  // every module's loaders for each of 500 subscribers on every event is measurable.
  let loaders: Loaders | null = null;
  const context: GraphQLContext = {
    prisma,
    viewer,
    requestId,
    live,
    get loaders() {
      loaders ??= createLoaders(prisma, viewer);
      return loaders;
    },
  };
  renewals.set(context, () => {
    loaders = null;
  });
  return context;
}

/**
 * Gives a subscription context fresh loaders, so an event is resolved with what the database
 * holds now and not what an earlier event cached. Subscription fields call it as each event
 * starts resolving (graphql-ws resolves one event of a subscription at a time); a no-op for a
 * request's context.
 */
export function renewLoaders(context: GraphQLContext): void {
  renewals.get(context)?.();
}
