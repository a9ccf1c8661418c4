import type { PrismaClient } from "../../db/index.js";
import type { ReviewStatus } from "../../generated/prisma/enums.js";
import type { Actor } from "../../core/actor.js";
import { invalidArgument } from "../../core/failure.js";
import { decodeCursor, encodeCursor, pageSize, toConnectionPage, type ConnectionPage, type PageArgs } from "../../core/paging.js";
import { visibleReviewStatuses } from "../../core/policy.js";
import { visibleArticles } from "../visibility/articles.js";
import { articleSuggestions, sortKey, type SuggestionKind, type SuggestionValue } from "./suggestions.js";

const DEFAULT_PAGE_SIZE = 20;
const ORDERING = "suggestions";

/** Arguments of `suggestions(articleId:, ...)`; `articleId` is the article's record id. */
export interface SuggestionListArgs extends PageArgs {
  readonly articleId: string;
  readonly status?: ReviewStatus | null;
  readonly minConfidence?: number | null;
  readonly kinds?: readonly SuggestionKind[] | null;
}

/** Is `a` after the cursor's key `b` in review order? */
function after(a: [number, number, string], b: readonly unknown[]): boolean {
  const [position, rank, id] = b as [number, number, string];
  return a[0] !== position ? a[0] > position : a[1] !== rank ? a[1] > rank : a[2] > id;
}

/**
 * The review queue of one visible article: its machine suggestions of one status in text order.
 * An article has at most a few hundred suggestions, so the page is cut from the whole sorted list;
 * the cursor is the sort key, so a page boundary stays put when suggestions are reviewed.
 */
export async function listSuggestions(prisma: PrismaClient, viewer: Actor, args: SuggestionListArgs): Promise<ConnectionPage<SuggestionValue>> {
  const size = pageSize(args.first, DEFAULT_PAGE_SIZE);
  const articleId = args.articleId;
  const status = args.status ?? "PENDING";
  if (args.minConfidence !== null && args.minConfidence !== undefined && !(args.minConfidence >= 0 && args.minConfidence <= 1)) {
    throw invalidArgument("minConfidence must be between 0 and 1.", "minConfidence");
  }
  const cursor = args.after ? decodeCursor(args.after, ORDERING) : null;
  const article = await prisma.article.findFirst({ where: { id: articleId, ...visibleArticles(viewer) }, select: { id: true } });
  // Rejected suggestions are never shown (visibleReviewStatuses), whatever `status` asks for.
  const all = !article || !visibleReviewStatuses(viewer).includes(status) ? [] : await articleSuggestions(prisma, articleId, { statuses: [status], minConfidence: args.minConfidence, kinds: args.kinds });
  const rest = cursor ? all.filter((item) => after(sortKey(item), cursor)) : all;
  return toConnectionPage(rest.slice(0, size + 1), size, (item) => encodeCursor(ORDERING, sortKey(item)), cursor !== null, async () => all.length);
}
