import type { Resolvers } from "../../../generated/graphql.js";
import { toGlobalId } from "../../ids.js";
import { inputId, mutationPayload } from "../../payload.js";
import { createApiToken, createUser, disableUser, revokeApiToken, setUserRole } from "../../../domain/auth/commands.js";
import { listApiTokens } from "../../../domain/auth/service.js";

/**
 * Resolvers of the auth module: a User shows its global id, name and role (the row's e-mail
 * never); admins manage users and tokens. Tokens have no global id: their plain id goes through.
 */
export const authResolvers: Resolvers = {
  Query: {
    apiTokens: (_parent, args, { prisma, viewer }) => listApiTokens(prisma, viewer, args),
  },
  Mutation: {
    createUser: (_parent, { input }, context) => mutationPayload("user", () => createUser(context, input)),
    setUserRole: (_parent, { input }, context) =>
      mutationPayload("user", () => setUserRole(context, { ...input, userId: inputId(input.userId, "User", "input.userId") })),
    disableUser: (_parent, { input }, context) =>
      mutationPayload("user", () => disableUser(context, { ...input, userId: inputId(input.userId, "User", "input.userId") })),
    createApiToken: async (_parent, { input }, context) => {
      const payload = await mutationPayload("result", () => createApiToken(context, { ...input, userId: inputId(input.userId, "User", "input.userId") }));
      return { token: payload.result?.token ?? null, apiToken: payload.result?.apiToken ?? null, errors: payload.errors };
    },
    revokeApiToken: (_parent, { input }, context) => mutationPayload("apiToken", () => revokeApiToken(context, input)),
  },
  User: {
    id: (user) => toGlobalId("User", user.id),
  },
};
