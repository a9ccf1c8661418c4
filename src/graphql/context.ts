import type { PrismaClient } from "../db/index.js";
import { createAnnotationLoaders } from "../domain/annotations/loaders.js";
import { createArticleLoaders } from "../domain/articles/loaders.js";
import { createAuditLoaders } from "../domain/audit/loaders.js";
import { createAuthLoaders } from "../domain/auth/loaders.js";
import type { Viewer } from "../core/actor.js";
import type { LiveHub } from "../pubsub/hub.js";
import { createIncidentLoaders } from "../domain/incidents/loaders.js";
import { createPeopleLoaders } from "../domain/people/loaders.js";
import { createPlaceLoaders } from "../domain/places/loaders.js";
import { createQuoteLoaders } from "../domain/quotes/loaders.js";

/** Each module's loader factory: a module's loaders are built together, when a resolver first needs one. */
const LOADER_MODULES = [
  createAuthLoaders,
  createArticleLoaders,
  createQuoteLoaders,
  createPeopleLoaders,
  createPlaceLoaders,
  createIncidentLoaders,
  createAnnotationLoaders,
  createAuditLoaders,
] as const;

/** The per-request DataLoaders of every module (built per request, never shared). */
export type Loaders = ReturnType<typeof createAuthLoaders> &
  ReturnType<typeof createArticleLoaders> &
  ReturnType<typeof createQuoteLoaders> &
  ReturnType<typeof createPeopleLoaders> &
  ReturnType<typeof createPlaceLoaders> &
  ReturnType<typeof createIncidentLoaders> &
  ReturnType<typeof createAnnotationLoaders> &
  ReturnType<typeof createAuditLoaders>;

/** What a request's loaders object holds besides the getters of its prototype. */
interface LoaderState {
  readonly prisma: PrismaClient;
  readonly viewer: Viewer;
  /** Each module's loaders once built, by index in LOADER_MODULES. */
  readonly built: (Record<string, unknown> | undefined)[];
}
const state = Symbol("loader state");
type LazyLoaders = { readonly [state]: LoaderState };

// One prototype with a getter per loader name, made on the first request from the names the
// factories return. A request then pays for the modules its resolvers touch: building all 32
// loaders of every module for each request was 4% of the CPU of a one-article read.
let loaderPrototype: object | null = null;

function prototypeFor(prisma: PrismaClient, viewer: Viewer): object {
  if (loaderPrototype) return loaderPrototype;
  const prototype: PropertyDescriptorMap = {};
  LOADER_MODULES.forEach((create, index) => {
    for (const name of Object.keys(create(prisma, viewer))) {
      if (name in prototype) throw new Error(`Two loader modules name a loader ${name}`);
      prototype[name] = {
        enumerable: true,
        get(this: LazyLoaders) {
          const { prisma: client, viewer: who, built } = this[state];
          const loaders = (built[index] ??= create(client, who) as Record<string, unknown>);
          return loaders[name];
        },
      };
    }
  });
  loaderPrototype = Object.create(null, prototype) as object;
  return loaderPrototype;
}

/** A fresh set of DataLoaders for one request; each module's loaders are built on first use. */
export function createLoaders(prisma: PrismaClient, viewer: Viewer): Loaders {
  const lazy: LazyLoaders = Object.create(prototypeFor(prisma, viewer), {
    [state]: { value: { prisma, viewer, built: [] } satisfies LoaderState },
  }) as LazyLoaders;
  return lazy as unknown as Loaders;
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
