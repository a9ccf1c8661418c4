import type { Prisma } from "../../db/index.js";
import { hasRole, type Viewer } from "../auth/viewer.js";

/** The one rule for which quotes a viewer may see: no deleted or rejected ones; pending machine suggestions from REPORTER up. */
export function visibleQuotes(viewer: Viewer): Prisma.QuoteWhereInput {
  return hasRole(viewer, "REPORTER")
    ? { deletedAt: null, reviewStatus: { not: "REJECTED" } }
    : { deletedAt: null, reviewStatus: "ACCEPTED" };
}
