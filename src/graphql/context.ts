import type { PrismaClient } from "../db/index.js";
import { createAnnotationLoaders } from "../modules/annotations/loaders.js";
import { createArticleLoaders } from "../modules/articles/loaders.js";
import { createAuditLoaders } from "../modules/audit/loaders.js";
import { createAuthLoaders } from "../modules/auth/loaders.js";
import type { Viewer } from "../modules/auth/viewer.js";
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
}

/** Creates the context of one request. */
export function createContext(prisma: PrismaClient, viewer: Viewer, requestId: string): GraphQLContext {
  return { prisma, viewer, loaders: createLoaders(prisma, viewer), requestId };
}
