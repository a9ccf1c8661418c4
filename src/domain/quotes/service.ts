import type { Prisma, PrismaClient } from "../../db/index.js";
import type { Quote } from "../../generated/prisma/client.js";
import type { QuoteFilter, QuoteOrder } from "../../generated/graphql.js";
import type { ConnectionPage, PageArgs } from "../../core/paging.js";
import { optionalGlobalId } from "../../graphql/ids.js";
import { checkRange } from "../articles/service.js";
import { visibleEntityMentions } from "../articles/visibility.js";
import type { Actor } from "../../core/actor.js";
import { visibleIncidents } from "../incidents/visibility.js";
import { matchingQuoteIds } from "../search/service.js";
import { quoteKeyset } from "./keysets.js";
import { visibleQuotes } from "./visibility.js";

const DEFAULT_PAGE_SIZE = 20;

/** Turns the `quotes(filter:)` argument into Prisma conditions (ids and ranges validated). */
async function quoteFilterWhere(prisma: PrismaClient, viewer: Actor, filter: QuoteFilter): Promise<Prisma.QuoteWhereInput[]> {
  const conditions: Prisma.QuoteWhereInput[] = [];
  const speakerId = optionalGlobalId(filter.speakerId, "Person", "filter.speakerId");
  if (speakerId) conditions.push({ speakerId });
  const speakerOrganizationId = optionalGlobalId(filter.speakerOrganizationId, "Organization", "filter.speakerOrganizationId");
  if (speakerOrganizationId) conditions.push({ speakerOrganizationId });
  const articleId = optionalGlobalId(filter.articleId, "Article", "filter.articleId");
  if (articleId) conditions.push({ articleId });
  const placeId = optionalGlobalId(filter.placeId, "Place", "filter.placeId");
  if (placeId) {
    conditions.push({
      article: {
        OR: [
          { entityMentions: { some: { placeId, ...visibleEntityMentions(viewer) } } },
          { incidentMentions: { some: { incident: { placeId, ...visibleIncidents(viewer) } } } },
        ],
      },
    });
  }
  if (filter.verification) conditions.push({ verification: { in: filter.verification } });
  if (filter.medium) conditions.push({ medium: { in: filter.medium } });
  if (filter.kind) conditions.push({ kind: { in: filter.kind } });
  checkRange(filter.from, filter.to, "filter.from");
  if (filter.from) conditions.push({ article: { publishedAt: { gte: filter.from } } });
  if (filter.to) conditions.push({ article: { publishedAt: { lt: filter.to } } });
  if (filter.search !== undefined && filter.search !== null) {
    conditions.push({ id: { in: await matchingQuoteIds(prisma, viewer, filter.search, "filter.search") } });
  }
  return conditions;
}

/** Lists visible quotes, filtered, newest first unless `orderBy` says otherwise (keyset pagination). */
export async function listQuotes(
  prisma: PrismaClient,
  viewer: Actor,
  args: PageArgs & { filter?: QuoteFilter | null; orderBy?: QuoteOrder | null },
): Promise<ConnectionPage<Quote>> {
  const keyset = quoteKeyset(args.orderBy?.field, args.orderBy?.direction);
  const window = keyset.window(args, DEFAULT_PAGE_SIZE);
  const where: Prisma.QuoteWhereInput = {
    AND: [visibleQuotes(viewer), ...(args.filter ? await quoteFilterWhere(prisma, viewer, args.filter) : [])],
  };
  const rows = await prisma.quote.findMany({ where: { AND: [where, window.where] }, orderBy: window.orderBy, take: window.take });
  return keyset.page(rows, window, () => prisma.quote.count({ where }));
}
