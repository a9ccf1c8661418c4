import DataLoader from "dataloader";
import type { PrismaClient } from "../../db/index.js";
import type { Article } from "../../generated/prisma/client.js";
import type { Viewer } from "../auth/viewer.js";
import { visibleArticles } from "./visibility.js";

/** Per-request loaders for articles: one query per batch of ids, visibility applied. */
export function createArticleLoaders(prisma: PrismaClient, viewer: Viewer) {
  return {
    articleById: new DataLoader<string, Article | null>(async (ids) => {
      const rows = await prisma.article.findMany({ where: { id: { in: [...ids] }, ...visibleArticles(viewer) } });
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
