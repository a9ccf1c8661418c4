import type { PrismaClient } from "../db/index.js";
import type { Actor } from "../core/actor.js";
import type { Session } from "../core/session.js";
import type { LiveHub } from "../pubsub/hub.js";
import type { LoaderFactory } from "./module.js";
import { MODULES } from "./registry.js";

type Registered = (typeof MODULES)[number];
type LoadersOf<Module> = Module extends { readonly loaders: (...args: never[]) => infer Built } ? Built : Record<never, never>;
type Intersection<Union> = (Union extends unknown ? (value: Union) => void : never) extends (value: infer Both) => void ? Both : never;

/** The per-request DataLoaders of every registered module (built per request, never shared). */
export type Loaders = Intersection<LoadersOf<Registered>>;

/**
 * Each registered module's loader factory: a module's loaders are built together, when a resolver
 * first needs one. Read when the first request starts, not when this file loads: the registry's
 * modules import this file (for their context type), so MODULES is not there yet at load time.
 */
function loaderModules(): readonly LoaderFactory[] {
  return MODULES.flatMap((module): LoaderFactory[] => ("loaders" in module ? [module.loaders] : []));
}

/** What a request's loaders object holds besides the getters of its prototype. */
interface LoaderState {
  readonly prisma: PrismaClient;
  readonly viewer: Actor;
  /** Each module's loaders once built, by index in loaderModules(). */
  readonly built: (Record<string, unknown> | undefined)[];
}
const state = Symbol("loader state");
type LazyLoaders = { readonly [state]: LoaderState };

// One prototype with a getter per loader name, made on the first request from the names the
// factories return. A request then pays for the modules its resolvers touch: building all 32
// loaders of every module for each request was 4% of the CPU of a one-article read.
let loaderPrototype: object | null = null;

function prototypeFor(prisma: PrismaClient, viewer: Actor): object {
  if (loaderPrototype) return loaderPrototype;
  const prototype: PropertyDescriptorMap = {};
  loaderModules().forEach((create, index) => {
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
export function createLoaders(prisma: PrismaClient, viewer: Actor): Loaders {
  const lazy: LazyLoaders = Object.create(prototypeFor(prisma, viewer), {
    [state]: { value: { prisma, viewer, built: [] } satisfies LoaderState },
  }) as LazyLoaders;
  return lazy as unknown as Loaders;
}

/**
 * What every resolver receives: a domain {@link Session} (database, who is asking, request id,
 * live updates) and the request's loaders.
 */
export interface GraphQLContext extends Session {
  readonly loaders: Loaders;
  /** This instance's live updates: mutations publish through it, subscriptions listen; null when off (tests, CLI). */
  readonly live: LiveHub | null;
}

/** Creates the context of one request. */
export function createContext(prisma: PrismaClient, viewer: Actor, requestId: string, live: LiveHub | null = null): GraphQLContext {
  return { prisma, viewer, loaders: createLoaders(prisma, viewer), requestId, live };
}

// Subscription contexts whose loaders are replaced for each event (see renewLoaders).
const renewals = new WeakMap<GraphQLContext, () => void>();

/**
 * The context of one subscription. It lives as long as the subscription, but DataLoaders cache
 * for their whole life, so each event must be resolved with fresh ones: {@link renewLoaders}.
 */
export function createSubscriptionContext(prisma: PrismaClient, viewer: Actor, requestId: string, live: LiveHub): GraphQLContext {
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
