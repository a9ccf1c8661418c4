import type { PrismaClient } from "../../db/index.js";
import type { Article } from "../../generated/prisma/client.js";
import { decodeCursor, encodeCursor, pageSize, toConnectionPage, type ConnectionPage } from "../../graphql/connection.js";
import { badUserInput } from "../../graphql/errors.js";
import { expectGlobalId } from "../../graphql/ids.js";
import type { Viewer } from "../auth/viewer.js";
import { visibleArticles } from "./visibility.js";

const DEFAULT_PAGE_SIZE = 20;
const DISPLAY_TITLE_LIMIT = 120;

/** Finds one article by slug or global id (exactly one of them); null when absent or not visible. */
export async function findArticle(
  prisma: PrismaClient,
  viewer: Viewer,
  args: { slug?: string | null; id?: string | null },
): Promise<Article | null> {
  const hasSlug = args.slug !== undefined && args.slug !== null;
  const hasId = args.id !== undefined && args.id !== null;
  if (hasSlug === hasId) throw badUserInput("Give exactly one of slug or id.", hasSlug ? "id" : "slug");
  const where = hasSlug ? { slug: args.slug as string } : { id: expectGlobalId(args.id as string, "Article", "id") };
  return prisma.article.findFirst({ where: { ...where, ...visibleArticles(viewer) } });
}

type ArticleCursor = [publishedAt: string | null, id: string];

function articleCursor(article: Article): string {
  return encodeCursor([article.publishedAt?.toISOString() ?? null, article.id] satisfies ArticleCursor);
}

function parseArticleCursor(cursor: string): ArticleCursor {
  const [publishedAt, id] = decodeCursor(cursor);
  const validDate = publishedAt === null || (typeof publishedAt === "string" && !Number.isNaN(Date.parse(publishedAt)));
  if (!validDate || typeof id !== "string") throw badUserInput("after is not a cursor this list gave out.", "after");
  return [publishedAt, id];
}

/**
 * Lists visible articles newest first: publication date descending (undated last), then id
 * descending. Keyset pagination, so pages stay stable when articles are added.
 */
export async function listArticles(
  prisma: PrismaClient,
  viewer: Viewer,
  args: { first?: number | null; after?: string | null },
): Promise<ConnectionPage<Article>> {
  const size = pageSize(args.first, DEFAULT_PAGE_SIZE);
  const visible = visibleArticles(viewer);
  let after = {};
  if (args.after) {
    const [publishedAt, id] = parseArticleCursor(args.after);
    after =
      publishedAt === null
        ? { publishedAt: null, id: { lt: id } }
        : {
            OR: [
              { publishedAt: { lt: new Date(publishedAt) } },
              { publishedAt: new Date(publishedAt), id: { lt: id } },
              { publishedAt: null },
            ],
          };
  }
  const rows = await prisma.article.findMany({
    where: { AND: [visible, after] },
    orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { id: "desc" }],
    take: size + 1,
  });
  return toConnectionPage(rows, size, articleCursor, Boolean(args.after), () => prisma.article.count({ where: visible }));
}

/**
 * The headline, or for a story without one its opening paragraph (usually the first sentence of
 * a wire story), cut at a word boundary to 120 characters. Sentence splitting on abbreviations
 * such as "U.S." is unreliable, so we do not cut at the first full stop.
 */
export function displayTitle(article: Pick<Article, "headline" | "body">): string {
  if (article.headline?.trim()) return article.headline.trim();
  const opening = (article.body.trim().split("\n", 1)[0] ?? "").replace(/\s+/g, " ");
  if (opening.length <= DISPLAY_TITLE_LIMIT) return opening;
  const cut = opening.slice(0, DISPLAY_TITLE_LIMIT - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 1))}…`;
}
