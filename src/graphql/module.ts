import type { PrismaClient } from "../db/index.js";
import type { Actor } from "../core/actor.js";
import type { Resolvers } from "../generated/graphql.js";
import type { Guards } from "./policy.js";

/** A module's per-request DataLoaders: built for one request (or one subscription event) and never shared. */
export type LoaderFactory = (prisma: PrismaClient, viewer: Actor) => object;

/**
 * One module of the API as the registry (registry.ts) lists it: its SDL is
 * src/graphql/modules/<name>/schema.graphql; its resolvers call the domain; its guards say which
 * policy action each guarded field needs; its loaders batch the reads of its resolvers.
 */
export interface GraphQLModule {
  readonly name: string;
  readonly resolvers: Resolvers;
  readonly guards?: Guards;
  readonly loaders?: LoaderFactory;
}
