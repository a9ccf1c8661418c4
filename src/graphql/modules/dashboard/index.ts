import type { GraphQLModule } from "../../module.js";
import { dashboardResolvers } from "./resolvers.js";

/** The dashboard module of the API: SDL in ./schema.graphql, resolvers, guards. */
export const dashboardModule = {
  name: "dashboard",
  resolvers: dashboardResolvers,
  guards: {
    "Query.annotationQueueCounts": "annotation.read",
  },
} satisfies GraphQLModule;
