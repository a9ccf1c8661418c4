import type { Prisma, PrismaClient } from "../../db/index.js";
import type { Quote } from "../../generated/prisma/client.js";
import type { QuoteKind, QuoteMedium, VerificationStatus } from "../../generated/prisma/enums.js";
import type { ConnectionPage, PageArgs, SortDirection } from "../../core/paging.js";
import { checkRange } from "../articles/service.js";
import { visibleEntityMentions } from "../visibility/people.js";
import type { Actor } from "../../core/actor.js";
import { visibleIncidents } from "../visibility/incidents.js";
import { matchingQuoteIds } from "../search/service.js";
import { quoteKeyset, type QuoteOrderField } from "./keysets.js";
import { visibleQuotes } from "../visibility/quotes.js";

const DEFAULT_PAGE_SIZE = 20;

/** Which quotes to list (every condition must hold); ids are record ids. */
export interface QuoteFilter {
  readonly speakerId?: string | null;
  readonly speakerOrganizationId?: string | null;
  readonly articleId?: string | null;
  /** Quotes in articles mentioning this place or reporting an incident there. */
  readonly placeId?: string | null;
  readonly verification?: readonly VerificationStatus[] | null;
  readonly medium?: readonly QuoteMedium[] | null;
  readonly kind?: readonly QuoteKind[] | null;
  /** Quotes in articles published at or after this time ... */
  readonly from?: Date | null;
  /** ... and before this one. */
  readonly to?: Date | null;
  /** Full-text search (see search/service.ts). */
  readonly search?: string | null;
}

/** How to sort quotes. */
export interface QuoteOrder {
  readonly field: QuoteOrderField;
  readonly direction: SortDirection;
}

/** Turns the `quotes(filter:)` argument into Prisma conditions (the range validated). */
async function quoteFilterWhere(prisma: PrismaClient, viewer: Actor, filter: QuoteFilter): Promise<Prisma.QuoteWhereInput[]> {
  const conditions: Prisma.QuoteWhereInput[] = [];
  if (filter.speakerId) conditions.push({ speakerId: filter.speakerId });
  if (filter.speakerOrganizationId) conditions.push({ speakerOrganizationId: filter.speakerOrganizationId });
  if (filter.articleId) conditions.push({ articleId: filter.articleId });
  const placeId = filter.placeId;
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
  if (filter.verification) conditions.push({ verification: { in: [...filter.verification] } });
  if (filter.medium) conditions.push({ medium: { in: [...filter.medium] } });
  if (filter.kind) conditions.push({ kind: { in: [...filter.kind] } });
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
