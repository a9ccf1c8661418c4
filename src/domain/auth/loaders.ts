import type { PrismaClient } from "../../db/index.js";
import { byIdLoader } from "../../core/loaders.js";
import type { Actor } from "../../core/actor.js";
import { seenAs, userView, type UserReach, type VisibleUser } from "../visibility/users.js";

/** Users by id as `viewer` sees them when reached that way (no statement when the view is nothing). */
function usersSeenBy(prisma: PrismaClient, viewer: Actor, reach: UserReach) {
  const view = userView(viewer, reach);
  return byIdLoader<VisibleUser>(async (ids) => (view ? (await prisma.user.findMany({ where: { id: { in: ids } } })).map((user) => seenAs(user, view)) : []));
}

/**
 * Per-request loaders of the auth module, visibility applied (src/domain/visibility/users.ts):
 * `userById` for users as such (node(id:), authors, actors), `signerById` for the signer of
 * published work (a fact-check's reviewer). Disabled users are included: a note keeps its author
 * after the account is closed. The row carries the e-mail address, but the User type exposes
 * only the id, name and role.
 */
export function createAuthLoaders(prisma: PrismaClient, viewer: Actor) {
  const userById = usersSeenBy(prisma, viewer, "user");
  return {
    userById,
    // One loader when both views are the same, so an author and a reviewer share one statement.
    signerById: userView(viewer, "signer") === userView(viewer, "user") ? userById : usersSeenBy(prisma, viewer, "signer"),
  };
}

/** The loaders of the auth module, as domain functions that batch through them name them. */
export type AuthLoaders = ReturnType<typeof createAuthLoaders>;
