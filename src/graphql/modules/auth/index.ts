import type { GraphQLModule } from "../../module.js";
import { createAuthLoaders } from "../../../domain/auth/loaders.js";
import { authResolvers } from "./resolvers.js";

/** The auth module of the API: SDL in ./schema.graphql, resolvers, guards, loaders. */
export const authModule = {
  name: "auth",
  resolvers: authResolvers,
  guards: {
    "User.disabledAt": "user.readAccount",
    "ApiToken": "token.read",
    "Query.apiTokens": "token.read",
    "Mutation.createUser": "user.create",
    "Mutation.setUserRole": "user.setRole",
    "Mutation.disableUser": "user.disable",
    "Mutation.createApiToken": "token.create",
    "Mutation.revokeApiToken": "token.revoke",
  },
  loaders: createAuthLoaders,
} satisfies GraphQLModule;
