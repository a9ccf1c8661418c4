import type { PrismaClient } from "../../db/index.js";
import { byIdLoader } from "../../core/loaders.js";
import type { Actor } from "../../core/actor.js";

/**
 * Per-request loaders of the auth module. Users are readable by every viewer (as authors,
 * reviewers and revision makers), disabled ones included: a note keeps its author after the
 * account is closed. The row carries the e-mail address, but the User type only exposes the id,
 * name and role, so nothing else reaches a client.
 */
export function createAuthLoaders(prisma: PrismaClient, _viewer: Actor) {
  return {
    userById: byIdLoader((ids) => prisma.user.findMany({ where: { id: { in: ids } } })),
  };
}

/** The loaders of the auth module, as domain functions that batch through them name them. */
export type AuthLoaders = ReturnType<typeof createAuthLoaders>;
