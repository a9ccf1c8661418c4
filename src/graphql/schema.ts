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
import { registerSqlAnswerer, SqlAnswerer } from "./answer.js";
import type { FieldReader, PlannedList, PlannedRecord } from "../core/plan.js";
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

/** One kind of every module's coordinates (lists, readers) in one map; two modules naming the same coordinate is a mistake caught here. */
function allOf<T>(kind: "lists" | "records" | "readers", pick: (module: (typeof MODULES)[number]) => Readonly<Record<string, T>> | undefined): Record<string, T> {
  const all: Record<string, T> = {};
  for (const module of MODULES) {
    for (const [coordinate, value] of Object.entries(pick(module) ?? {})) {
      if (coordinate in all) throw new Error(`Two modules declare ${kind} for ${coordinate}.`);
      all[coordinate] = value;
    }
  }
  return all;
}

/** Options of {@link buildSchema}. */
export interface SchemaOptions {
  /**
   * Read planned relations for a whole response in one statement (src/graphql/planner.ts), and
   * answer the queries the read graph covers entirely in SQL (src/graphql/answer.ts); default on.
   */
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
  if (options.readPlanner === false) return guarded;
  const relations = allRelations();
  const planned = applyReadPlanner(guarded, relations, guards);
  const lists = allOf<PlannedList>("lists", (module) => ("lists" in module ? module.lists : undefined));
  const records = allOf<PlannedRecord>("records", (module) => ("records" in module ? module.records : undefined));
  const readers = allOf<FieldReader>("readers", (module) => ("readers" in module ? module.readers : undefined));
  registerSqlAnswerer(planned, new SqlAnswerer({ schema, relations, lists, records, readers, guards }));
  return planned;
}
