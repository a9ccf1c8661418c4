import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { makeExecutableSchema } from "@graphql-tools/schema";
import type { GraphQLSchema } from "graphql";
import { DateResolver, DateTimeResolver, JSONResolver } from "graphql-scalars";
import type { Resolvers } from "../generated/graphql.js";
import { resolveTotalCounts } from "./connection.js";
import { nodeResolvers } from "./node.js";
import { mapArgumentErrors } from "./errors.js";
import { applyGuards, type Guards } from "./policy.js";
import { applyReadPlanner, type Relations } from "./planner.js";
import { MODULES } from "./registry.js";

/** src/ of this project, whether this file runs from src/ (tests) or dist/ (npm start). */
const SOURCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src");

/** The SDL files, relative to src/: the shared base, then every registered module's schema.graphql. */
function sdlFiles(): string[] {
  return ["graphql/base.graphql", ...MODULES.map((module) => `graphql/modules/${module.name}/schema.graphql`)];
}

/** Reads the schema-first SDL of every module. */
export function loadTypeDefs(): string[] {
  return sdlFiles().map((file) => fs.readFileSync(path.join(SOURCE_DIR, file), "utf8"));
}

const scalarResolvers: Resolvers = { DateTime: DateTimeResolver, Date: DateResolver, JSON: JSONResolver };

/** Every module's guards, in one map; two modules guarding the same coordinate is a mistake caught here. */
function allGuards(): Guards {
  const guards: Record<string, Guards[string]> = {};
  for (const module of MODULES) {
    const moduleGuards: Guards = module.guards;
    for (const [coordinate, action] of Object.entries(moduleGuards)) {
      if (coordinate in guards) throw new Error(`Two modules guard ${coordinate}.`);
      guards[coordinate] = action;
    }
  }
  return guards;
}

/** Every module's planned relations, in one map; two modules planning the same coordinate is a mistake caught here. */
export function allRelations(): Relations {
  const relations: Record<string, Relations[string]> = {};
  for (const module of MODULES) {
    if (!("relations" in module)) continue;
    for (const [coordinate, relation] of Object.entries(module.relations)) {
      if (coordinate in relations) throw new Error(`Two modules plan ${coordinate}.`);
      // A module's relation reads its own module's loaders, which every request's Loaders include.
      relations[coordinate] = relation as Relations[string];
    }
  }
  return relations;
}

/** Options of {@link buildSchema}. */
export interface SchemaOptions {
  /** Read planned relations for a whole response in one statement (src/graphql/planner.ts); default on. */
  readonly readPlanner?: boolean;
}

/**
 * Builds the executable schema: every registered module's SDL with its resolvers, connection
 * counts, the domain's argument errors as BAD_USER_INPUT, every module's guards enforced, and
 * the read planner.
 */
export function buildSchema(options: SchemaOptions = {}): GraphQLSchema {
  const schema = makeExecutableSchema({
    typeDefs: loadTypeDefs(),
    resolvers: [scalarResolvers, nodeResolvers, ...MODULES.map((module) => module.resolvers)],
  });
  const guards = allGuards();
  const guarded = applyGuards(mapArgumentErrors(resolveTotalCounts(schema)), guards);
  return options.readPlanner === false ? guarded : applyReadPlanner(guarded, allRelations(), guards);
}
