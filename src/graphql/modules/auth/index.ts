import type { GraphQLModule } from "../../module.js";
import * as commands from "../../../domain/auth/commands.js";
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
    "Mutation.createUser": commands.createUser.action,
    "Mutation.setUserRole": commands.setUserRole.action,
    "Mutation.disableUser": commands.disableUser.action,
    "Mutation.createApiToken": commands.createApiToken.action,
    "Mutation.revokeApiToken": commands.revokeApiToken.action,
  },
  loaders: createAuthLoaders,
} satisfies GraphQLModule;
