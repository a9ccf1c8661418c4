import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { makeExecutableSchema } from "@graphql-tools/schema";
import type { GraphQLSchema } from "graphql";
import { DateResolver, DateTimeResolver } from "graphql-scalars";
import type { Resolvers } from "../generated/graphql.js";
import { articleResolvers } from "../modules/articles/resolvers.js";
import { peopleResolvers } from "../modules/people/resolvers.js";
import { quoteResolvers } from "../modules/quotes/resolvers.js";
import { nodeResolvers } from "./node.js";

/** The SDL files, relative to src/, in the order they are printed. */
const SDL_FILES = [
  "graphql/base.graphql",
  "modules/articles/schema.graphql",
  "modules/quotes/schema.graphql",
  "modules/people/schema.graphql",
] as const;

/** src/ of this project, whether this file runs from src/ (tests) or dist/ (npm start). */
const SOURCE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src");

/** Reads the schema-first SDL of every module. */
export function loadTypeDefs(): string[] {
  return SDL_FILES.map((file) => fs.readFileSync(path.join(SOURCE_DIR, file), "utf8"));
}

const scalarResolvers: Resolvers = { DateTime: DateTimeResolver, Date: DateResolver };

/** Builds the executable schema: every module's SDL with its resolvers. */
export function buildSchema(): GraphQLSchema {
  return makeExecutableSchema({
    typeDefs: loadTypeDefs(),
    resolvers: [scalarResolvers, nodeResolvers, articleResolvers, quoteResolvers, peopleResolvers],
  });
}
