import type { PrismaClient } from "../db/index.js";
import type { Actor } from "../core/actor.js";
import type { FieldReader, PlannedList, PlannedRecord, PlannedRelation } from "../core/plan.js";
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
  /**
   * The fields whose rows the read planner may read for a whole response at once
   * (src/graphql/planner.ts), by schema coordinate, each with the domain relation that says how.
   * A relation reads its module's loaders, which the request's loaders include.
   */
  readonly relations?: Readonly<Record<string, PlannedRelation<never>>>;
  /** Root lists a query may be answered from in SQL (src/graphql/answer.ts), by coordinate (`Query.articles`). */
  readonly lists?: Readonly<Record<string, PlannedList>>;
  /** Root records a query may be answered from in SQL, by coordinate (`Query.article`). */
  readonly records?: Readonly<Record<string, PlannedRecord>>;
  /** Fields with a resolver that answers built in SQL compute the same way, by coordinate (`Article.id`). */
  readonly readers?: Readonly<Record<string, FieldReader>>;
}
