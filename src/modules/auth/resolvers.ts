import type { Resolvers } from "../../generated/graphql.js";
import { toGlobalId } from "../../graphql/ids.js";

/** Resolvers of the auth module: a User shows its global id, name and role (the row's e-mail never). */
export const authResolvers: Resolvers = {
  User: {
    id: (user) => toGlobalId("User", user.id),
  },
};
