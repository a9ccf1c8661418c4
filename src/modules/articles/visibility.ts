import type { Prisma } from "../../db/index.js";
import type { ArticleStatus } from "../../generated/prisma/enums.js";
import { hasRole, type Viewer } from "../auth/viewer.js";

/** Statuses anyone may read; drafts and articles in review need REPORTER or above. */
export const PUBLIC_ARTICLE_STATUSES: readonly ArticleStatus[] = ["PUBLISHED", "CORRECTED", "RETRACTED"];

/** The one rule for which articles a viewer may see: never deleted ones, drafts only from REPORTER up. */
export function visibleArticles(viewer: Viewer): Prisma.ArticleWhereInput {
  return hasRole(viewer, "REPORTER")
    ? { deletedAt: null }
    : { deletedAt: null, status: { in: [...PUBLIC_ARTICLE_STATUSES] } };
}
