import type { GraphQLModule } from "../../module.js";
import { createApiToken, createUser, disableUser, revokeApiToken, setUserRole } from "../../../domain/auth/commands.js";
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
    "Mutation.createUser": createUser.action,
    "Mutation.setUserRole": setUserRole.action,
    "Mutation.disableUser": disableUser.action,
    "Mutation.createApiToken": createApiToken.action,
    "Mutation.revokeApiToken": revokeApiToken.action,
  },
  loaders: createAuthLoaders,
} satisfies GraphQLModule;
