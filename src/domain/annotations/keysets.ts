import type { Prisma } from "../../db/index.js";
import type { Annotation, ClaimReview } from "../../generated/prisma/client.js";
import { Keyset } from "../../core/paging.js";

/** Annotations oldest first (the review queue, threads and nested lists): creation time, then id. */
export const annotationKeyset = new Keyset<Annotation, Prisma.AnnotationWhereInput, Prisma.AnnotationOrderByWithRelationInput>(
  "annotations:created:asc",
  [
    { field: "createdAt", direction: "asc", type: "date", value: (annotation) => annotation.createdAt },
    { field: "id", direction: "asc", type: "uuid", value: (annotation) => annotation.id },
  ],
);

/** Fact-checks oldest first: creation time, then id. */
export const claimReviewKeyset = new Keyset<ClaimReview, Prisma.ClaimReviewWhereInput, Prisma.ClaimReviewOrderByWithRelationInput>(
  "claimReviews:created:asc",
  [
    { field: "createdAt", direction: "asc", type: "date", value: (review) => review.createdAt },
    { field: "id", direction: "asc", type: "uuid", value: (review) => review.id },
  ],
);
