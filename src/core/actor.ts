import type { Role } from "../generated/prisma/enums.js";
import { fail } from "./failure.js";

/** Who is asking: their role, and (once authenticated) their user and token ids. */
export interface Actor {
  readonly role: Role;
  readonly userId: string | null;
  readonly tokenId: string | null;
}

/** A request without credentials: reads published content only. */
export const ANONYMOUS_ACTOR: Actor = { role: "VIEWER", userId: null, tokenId: null };

const RANK: Record<Role, number> = { VIEWER: 0, REPORTER: 1, EDITOR: 2, ADMIN: 3 };

/** True when the actor's role is `role` or above (VIEWER < REPORTER < EDITOR < ADMIN). Rules name actions, not roles: see policy.ts. */
export function hasRole(viewer: Actor, role: Role): boolean {
  return RANK[viewer.role] >= RANK[role];
}

/** The id of the user behind the actor; commands that record an author need one (FORBIDDEN otherwise). */
export function requireUser(actor: Actor): string {
  if (!actor.userId) throw fail("FORBIDDEN", "This needs an authenticated user: send `Authorization: Bearer <token>`.");
  return actor.userId;
}

/** Every field of Actor: {@link actorKey} must see them all. */
const ACTOR_FIELDS = ["role", "userId", "tokenId"] as const satisfies readonly (keyof Actor)[];
// Fails to compile when Actor gains a field ACTOR_FIELDS does not list.
const everyActorField: [Exclude<keyof Actor, (typeof ACTOR_FIELDS)[number]>] extends [never] ? true : never = true;
void everyActorField;

/**
 * The actor as a key: equal for two actors with equal fields. What is computed from an actor
 * alone (the SQL of an answer, see SqlAnswerer) may be remembered by it.
 */
export function actorKey(actor: Actor): string {
  return JSON.stringify(ACTOR_FIELDS.map((field) => actor[field]));
}
