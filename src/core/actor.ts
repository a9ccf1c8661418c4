import type { ReviewStatus, Role } from "../generated/prisma/enums.js";

/** Who is asking: their role, and (once authenticated) their user and token ids. */
export interface Viewer {
  readonly role: Role;
  readonly userId: string | null;
  readonly tokenId: string | null;
}

/** A request without credentials: reads published content only. */
export const ANONYMOUS_VIEWER: Viewer = { role: "VIEWER", userId: null, tokenId: null };

const RANK: Record<Role, number> = { VIEWER: 0, REPORTER: 1, EDITOR: 2, ADMIN: 3 };

/** True when the viewer's role is `role` or above (VIEWER < REPORTER < EDITOR < ADMIN). */
export function hasRole(viewer: Viewer, role: Role): boolean {
  return RANK[viewer.role] >= RANK[role];
}

/**
 * The one rule for machine suggestions (quotes, mentions, people, incidents): REJECTED ones are
 * never shown, PENDING ones only to REPORTER and above, who review them.
 */
export function visibleReviewStatuses(viewer: Viewer): ReviewStatus[] {
  return hasRole(viewer, "REPORTER") ? ["ACCEPTED", "PENDING"] : ["ACCEPTED"];
}
