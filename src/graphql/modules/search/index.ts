import type { GraphQLModule } from "../../module.js";
import { searchResolvers } from "./resolvers.js";

/** The search module of the API: SDL in ./schema.graphql, resolvers, guards. */
export const searchModule = {
  name: "search",
  resolvers: searchResolvers,
  guards: {},
} satisfies GraphQLModule;
