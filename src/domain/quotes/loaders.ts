import { Prisma, type PrismaClient } from "../../db/index.js";
import type { Quote } from "../../generated/prisma/client.js";
import { byIdLoader, childrenLoader, RelationConnectionLoader } from "../../core/loaders.js";
import type { Actor } from "../../core/actor.js";
import { quoteKeyset, readingOrderKeyset } from "./keysets.js";
import type { PlannedConnection } from "../../core/plan.js";
import { visibleQuotes, visibleQuotesSql } from "../visibility/quotes.js";

/** A quote linked to another as the same statement, seen from the other one. */
export interface LinkedQuoteValue {
  readonly quote: Quote;
  readonly note: string | null;
  /** When the link was made: with the quote id, the position in `linkedQuotes`. */
  readonly linkedAt: Date;
}

/** Per-request loaders of the quotes module, visibility applied: by id, per article, per speaker (person or organization) and the links between quotes. */
export function createQuoteLoaders(prisma: PrismaClient, viewer: Actor) {
  const visible = visibleQuotes(viewer);
  const newestFirst = quoteKeyset("CREATED_AT", "DESC");
  /**
   * The quotes each speaker (a person or an organization) said, newest first: `pages` reads the
   * speakers with their window of quotes (one statement), `counts` their visible quote counts.
   */
  function quotesOfSpeakers(
    pages: (ids: string[], quotes: { where: Prisma.QuoteWhereInput; orderBy: Prisma.QuoteOrderByWithRelationInput[]; take: number }) => Promise<{ id: string; quotes: Quote[] }[]>,
    counts: (ids: string[], where: Prisma.QuoteWhereInput) => Promise<{ id: string; _count: { quotes: number } }[]>,
  ) {
    return new RelationConnectionLoader({
      keyset: newestFirst,
      defaultSize: 20,
      fetchPages: async (speakerIds, window) => {
        const rows = await pages(speakerIds, { where: { AND: [visible, window.where] }, orderBy: window.orderBy, take: window.take });
        return new Map(rows.map((row) => [row.id, row.quotes]));
      },
      fetchCounts: async (speakerIds) => new Map((await counts(speakerIds, visible)).map((row) => [row.id, row._count.quotes])),
    });
  }
  return {
    quoteById: byIdLoader((ids) => prisma.quote.findMany({ where: { id: { in: ids }, ...visible } })),
    quotesOfArticle: new RelationConnectionLoader({
      keyset: readingOrderKeyset,
      defaultSize: 50,
      fetchPages: async (articleIds, window) => {
        const rows = await prisma.article.findMany({
          relationLoadStrategy: "join",
          where: { id: { in: articleIds } },
          select: { id: true, quotes: { where: { AND: [visible, window.where] }, orderBy: window.orderBy, take: window.take } },
        });
        return new Map(rows.map((row) => [row.id, row.quotes]));
      },
      fetchCounts: async (articleIds) => {
        const rows = await prisma.article.findMany({ where: { id: { in: articleIds } }, select: { id: true, _count: { select: { quotes: { where: visible } } } } });
        return new Map(rows.map((row) => [row.id, row._count.quotes]));
      },
    }),
    quotesOfPerson: quotesOfSpeakers(
      (ids, quotes) => prisma.person.findMany({ relationLoadStrategy: "join", where: { id: { in: ids } }, select: { id: true, quotes } }),
      (ids, where) => prisma.person.findMany({ where: { id: { in: ids } }, select: { id: true, _count: { select: { quotes: { where } } } } }),
    ),
    quotesOfOrganization: quotesOfSpeakers(
      (ids, quotes) => prisma.organization.findMany({ relationLoadStrategy: "join", where: { id: { in: ids } }, select: { id: true, quotes } }),
      (ids, where) => prisma.organization.findMany({ where: { id: { in: ids } }, select: { id: true, _count: { select: { quotes: { where } } } } }),
    ),
    /** Both directions of the same-statement links of each quote (a quote has a handful at most). */
    linkedQuotes: childrenLoader(
      async (quoteIds): Promise<{ quoteId: string; link: LinkedQuoteValue }[]> => {
        const links = await prisma.quoteLink.findMany({
          where: {
            OR: [
              { fromQuoteId: { in: quoteIds }, toQuote: visible },
              { toQuoteId: { in: quoteIds }, fromQuote: visible },
            ],
          },
          include: { fromQuote: true, toQuote: true },
          orderBy: [{ createdAt: "asc" }, { fromQuoteId: "asc" }, { toQuoteId: "asc" }],
        });
        const asked = new Set(quoteIds);
        return links.flatMap((link) => [
          ...(asked.has(link.fromQuoteId) ? [{ quoteId: link.fromQuoteId, link: { quote: link.toQuote, note: link.note, linkedAt: link.createdAt } }] : []),
          ...(asked.has(link.toQuoteId) ? [{ quoteId: link.toQuoteId, link: { quote: link.fromQuote, note: link.note, linkedAt: link.createdAt } }] : []),
        ]);
      },
      (row) => row.quoteId,
    ),
  };
}

/** The loaders of the quotes module, as domain functions that batch through them name them. */
export type QuoteLoaders = ReturnType<typeof createQuoteLoaders>;

/** An article's quotes in reading order, for the read planner: the rows `quotesOfArticle` pages, visibility applied. */
export const quotesOfArticleRelation: PlannedConnection<QuoteLoaders> = {
  kind: "connection",
  model: "Quote",
  from: (viewer, row, article) =>
    Prisma.sql`FROM "Quote" ${Prisma.raw(`"${row}"`)} WHERE ${Prisma.raw(`"${row}"."articleId" = "${article}"."id"`)} AND ${visibleQuotesSql(viewer, row, article)}`,
  connection: (loaders) => loaders.quotesOfArticle,
};

/** The visible quotes a speaker said (`speakerColumn` of the quote names the parent), newest first, for the read planner. */
function quotesOfSpeakerRelation(speakerColumn: "speakerId" | "speakerOrganizationId", connection: PlannedConnection<QuoteLoaders>["connection"]): PlannedConnection<QuoteLoaders> {
  return {
    kind: "connection",
    model: "Quote",
    from: (viewer, row, speaker) =>
      Prisma.sql`FROM "Quote" ${Prisma.raw(`"${row}"`)} JOIN "Article" qa ON qa."id" = ${Prisma.raw(`"${row}"`)}."articleId"
        WHERE ${Prisma.raw(`"${row}"."${speakerColumn}" = "${speaker}"."id"`)} AND ${visibleQuotesSql(viewer, row, "qa")}`,
    connection,
  };
}

/** A person's quotes, for the read planner: the rows `quotesOfPerson` pages. */
export const quotesOfPersonRelation = quotesOfSpeakerRelation("speakerId", (loaders) => loaders.quotesOfPerson);

/** An organization's own quotes, for the read planner: the rows `quotesOfOrganization` pages. */
export const quotesOfOrganizationRelation = quotesOfSpeakerRelation("speakerOrganizationId", (loaders) => loaders.quotesOfOrganization);
