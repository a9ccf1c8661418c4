import type { User } from "../../generated/prisma/client.js";
import type { Role } from "../../generated/prisma/enums.js";
import type { Actor } from "../../core/actor.js";
import { may } from "../../core/policy.js";

/** A user as a viewer sees them: the role is null for those who may not see it. */
export type VisibleUser = Omit<User, "role"> & { readonly role: Role | null };

/**
 * How a user is reached: as the signer of published work (a fact-check's reviewer, whose
 * fact-check the viewer may already see), or as a user (`node(id:)`, an author, an actor).
 */
export type UserReach = "signer" | "user";

/** What a viewer sees of a user reached that way: the whole user, the display name only, or nothing. */
export type UserView = "whole" | "name" | null;

/**
 * The one rule for what a viewer may see of a user. Newsroom staff (`user.read`, reporters and
 * above) see every user, name and role, wherever one appears. Anyone else (viewers, anonymous
 * clients) sees a user only as the signer of published work, by display name: a fact-check on a
 * published article is public, and so is its reviewer's name; never the role, and never a user
 * by id (`node(id:)` answers null) or as the author of anything else.
 */
export function userView(viewer: Actor, reach: UserReach): UserView {
  if (may(viewer, "user.read")) return "whole";
  return reach === "signer" ? "name" : null;
}

/** The user as `view` shows them: under "name", the row keeps only its id and name. */
export function seenAs(user: User, view: "whole" | "name"): VisibleUser {
  return view === "whole" ? user : { ...user, role: null, email: null, disabledAt: null };
}
