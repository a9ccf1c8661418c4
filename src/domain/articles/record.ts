import { Prisma } from "../../db/index.js";
import type { Article } from "../../generated/prisma/client.js";
import type { ArticleLoaders } from "./loaders.js";

/**
 * An article as the API reads it: every column, the body only when the row already has
 * it. A body can hold 500,000 characters and a dashboard listing 20 articles shows none of them,
 * so lists and batched lookups leave it in the database ({@link WITHOUT_BODY}); a field that
 * needs it (`body`, `displayTitle` of a story without a headline, a correction's span, JSON-LD)
 * gets it through {@link bodyOf}. Rows that carry their body use it as it is: a single article
 * looked up by slug or id (one row, so no second statement), a subscription's article (read
 * once for all subscribers), a mutation's payload.
 */
export type ArticleRecord = Omit<Article, "body"> & { readonly body?: string };

/** The Prisma `omit` of every read of articles for the API. */
export const WITHOUT_BODY = { body: true } as const;

/** The article's body: the row's own, or loaded with the other bodies this request needs (one statement). */
export async function bodyOf(article: ArticleRecord, loaders: Pick<ArticleLoaders, "articleBodyById">): Promise<string> {
  if (article.body !== undefined) return article.body;
  const row = await loaders.articleBodyById.load(article.id);
  // Articles are only ever soft-deleted, so a row the request has read still has its body.
  if (!row) throw new Error(`Article ${article.id} vanished while its body was being read`);
  return row.body;
}

/**
 * The columns of an article read for the API (an ArticleRecord: every scalar field but the body;
 * the tsvector is not one either) aliased `alias`, for raw SQL that must return rows shaped like
 * Prisma's.
 */
export function articleRecordColumnsSql(alias: string): Prisma.Sql {
  const columns = Object.values(Prisma.ArticleScalarFieldEnum).filter((field) => !(field in WITHOUT_BODY));
  return Prisma.raw(columns.map((field) => `"${alias}"."${field}"`).join(", "));
}
