import { annotationsModule } from "./modules/annotations/index.js";
import { articlesModule } from "./modules/articles/index.js";
import { auditModule } from "./modules/audit/index.js";
import { authModule } from "./modules/auth/index.js";
import { dashboardModule } from "./modules/dashboard/index.js";
import { incidentsModule } from "./modules/incidents/index.js";
import { ingestModule } from "./modules/ingest/index.js";
import { peopleModule } from "./modules/people/index.js";
import { placesModule } from "./modules/places/index.js";
import { quotesModule } from "./modules/quotes/index.js";
import { searchModule } from "./modules/search/index.js";
import { subscriptionsModule } from "./modules/subscriptions/index.js";

/**
 * Every module of the API, in one list: schema assembly (schema.ts) reads their SDL, resolvers and
 * guards from it, and the per-request context (context.ts) their loaders. Adding a module is a
 * folder under src/graphql/modules (and its domain under src/domain) and one line here, in
 * alphabetical order (the order of the SDL, so of introspection).
 */
export const MODULES = [
  annotationsModule,
  articlesModule,
  auditModule,
  authModule,
  dashboardModule,
  incidentsModule,
  ingestModule,
  peopleModule,
  placesModule,
  quotesModule,
  searchModule,
  subscriptionsModule,
] as const;
