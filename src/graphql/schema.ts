import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { makeExecutableSchema } from "@graphql-tools/schema";
import type { GraphQLSchema } from "graphql";
import { DateResolver, DateTimeResolver, JSONResolver } from "graphql-scalars";
import type { Resolvers } from "../generated/graphql.js";
import { annotationResolvers } from "./modules/annotations/resolvers.js";
import { articleResolvers } from "./modules/articles/resolvers.js";
import { auditResolvers } from "./modules/audit/resolvers.js";
import { applyRoleDirective } from "./policy.js";
import { authResolvers } from "./modules/auth/resolvers.js";
import { dashboardResolvers } from "./modules/dashboard/resolvers.js";
import { incidentResolvers } from "./modules/incidents/resolvers.js";
import { ingestResolvers } from "./modules/ingest/resolvers.js";
import { peopleResolvers } from "./modules/people/resolvers.js";
import { placeResolvers } from "./modules/places/resolvers.js";
import { quoteResolvers } from "./modules/quotes/resolvers.js";
import { searchResolvers } from "./modules/search/resolvers.js";
import { subscriptionResolvers } from "./modules/subscriptions/resolvers.js";
import { resolveTotalCounts } from "../core/paging.js";
import { nodeResolvers } from "./node.js";

/** src/ of this project, whether this file runs from src/ (tests) or dist/ (npm start). */
const SOURCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src");

/** The SDL files, relative to src/: the shared base, then every module's schema.graphql. */
function sdlFiles(): string[] {
  const modules = fs
    .readdirSync(path.join(SOURCE_DIR, "graphql", "modules"), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(SOURCE_DIR, "graphql", "modules", entry.name, "schema.graphql")))
    .map((entry) => `graphql/modules/${entry.name}/schema.graphql`)
    .sort();
  return ["graphql/base.graphql", ...modules];
}

/** Reads the schema-first SDL of every module. */
export function loadTypeDefs(): string[] {
  return sdlFiles().map((file) => fs.readFileSync(path.join(SOURCE_DIR, file), "utf8"));
}

const scalarResolvers: Resolvers = { DateTime: DateTimeResolver, Date: DateResolver, JSON: JSONResolver };

/** Builds the executable schema: every module's SDL with its resolvers, connection counts, and the role directive enforced. */
export function buildSchema(): GraphQLSchema {
  const schema = makeExecutableSchema({
    typeDefs: loadTypeDefs(),
    resolvers: [
      scalarResolvers,
      nodeResolvers,
      authResolvers,
      articleResolvers,
      quoteResolvers,
      peopleResolvers,
      placeResolvers,
      incidentResolvers,
      annotationResolvers,
      auditResolvers,
      searchResolvers,
      dashboardResolvers,
      subscriptionResolvers,
      ingestResolvers,
    ],
  });
  return applyRoleDirective(resolveTotalCounts(schema));
}
