import DataLoader from "dataloader";
import type { PrismaClient } from "../../db/index.js";
import type { Quote } from "../../generated/prisma/client.js";
import type { Viewer } from "../auth/viewer.js";
import { visibleArticles } from "../articles/visibility.js";
import { visibleQuotes } from "./visibility.js";

/** Per-request loaders for quotes: by id (only inside visible articles), and all quotes of a batch of articles in one query, in reading order. */
export function createQuoteLoaders(prisma: PrismaClient, viewer: Viewer) {
  return {
    quoteById: new DataLoader<string, Quote | null>(async (ids) => {
      const rows = await prisma.quote.findMany({
        where: { id: { in: [...ids] }, ...visibleQuotes(viewer), article: visibleArticles(viewer) },
      });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    quotesByArticle: new DataLoader<string, Quote[]>(async (articleIds) => {
      const rows = await prisma.quote.findMany({
        where: { articleId: { in: [...articleIds] }, ...visibleQuotes(viewer) },
        orderBy: [{ articleId: "asc" }, { start: "asc" }, { id: "asc" }],
      });
      const byArticle = new Map<string, Quote[]>();
      for (const row of rows) {
        const list = byArticle.get(row.articleId) ?? [];
        list.push(row);
        byArticle.set(row.articleId, list);
      }
      return articleIds.map((id) => byArticle.get(id) ?? []);
    }),
  };
}
