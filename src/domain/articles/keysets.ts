import type { Prisma } from "../../db/index.js";
import type { ArticleRevision, Correction, EntityMention } from "../../generated/prisma/client.js";
import type { ArticleRecord } from "./record.js";
import { Keyset, type SortDirection } from "../../core/paging.js";

/** A keyset over articles. */
export type ArticleKeyset = Keyset<ArticleRecord, Prisma.ArticleWhereInput, Prisma.ArticleOrderByWithRelationInput>;

/** What articles can be sorted by. */
export type ArticleOrderField = "PUBLISHED_AT" | "UPDATED_AT" | "CREATED_AT";

/** The orderings `articles(orderBy:)` offers, each ending on the id so positions are unique. */
export function articleKeyset(field: ArticleOrderField = "PUBLISHED_AT", direction: SortDirection = "DESC"): ArticleKeyset {
  const sort = direction === "ASC" ? "asc" : "desc";
  const id = { field: "id", direction: sort, type: "uuid", value: (article: ArticleRecord) => article.id } as const;
  switch (field) {
    case "PUBLISHED_AT":
      return new Keyset(`articles:published:${sort}`, [
        { field: "publishedAt", direction: sort, type: "date", nullable: true, value: (article) => article.publishedAt },
        id,
      ]);
    case "UPDATED_AT":
      return new Keyset(`articles:updated:${sort}`, [
        { field: "updatedAt", direction: sort, type: "date", value: (article) => article.updatedAt },
        id,
      ]);
    case "CREATED_AT":
      return new Keyset(`articles:created:${sort}`, [
        { field: "createdAt", direction: sort, type: "date", value: (article) => article.createdAt },
        id,
      ]);
  }
}

/** Revisions newest first. */
export const revisionKeyset = new Keyset<ArticleRevision, Prisma.ArticleRevisionWhereInput, Prisma.ArticleRevisionOrderByWithRelationInput>(
  "revisions:number:desc",
  [
    { field: "number", direction: "desc", type: "number", value: (revision) => revision.number },
    { field: "id", direction: "desc", type: "uuid", value: (revision) => revision.id },
  ],
);

/** Corrections oldest first. */
export const correctionKeyset = new Keyset<Correction, Prisma.CorrectionWhereInput, Prisma.CorrectionOrderByWithRelationInput>(
  "corrections:created:asc",
  [
    { field: "createdAt", direction: "asc", type: "date", value: (correction) => correction.createdAt },
    { field: "id", direction: "asc", type: "uuid", value: (correction) => correction.id },
  ],
);

/** Mentions in reading order. */
export const mentionKeyset = new Keyset<EntityMention, Prisma.EntityMentionWhereInput, Prisma.EntityMentionOrderByWithRelationInput>(
  "mentions:start:asc",
  [
    { field: "start", direction: "asc", type: "number", value: (mention) => mention.start },
    { field: "id", direction: "asc", type: "uuid", value: (mention) => mention.id },
  ],
);
