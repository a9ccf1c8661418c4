import type { Prisma } from "../../db/index.js";
import type { Quote } from "../../generated/prisma/client.js";
import { Keyset, type ConnectionPage, type PageArgs, type SortDirection } from "../../core/paging.js";
import type { LinkedQuoteValue } from "./loaders.js";

/** A keyset over quotes. */
export type QuoteKeyset = Keyset<Quote, Prisma.QuoteWhereInput, Prisma.QuoteOrderByWithRelationInput>;

/** What quotes can be sorted by: when recorded, or where they are (article, then offset). */
export type QuoteOrderField = "CREATED_AT" | "POSITION";

/** The orderings `quotes(orderBy:)` offers. Ids are UUIDv7, so id order is creation order. */
export function quoteKeyset(field: QuoteOrderField = "CREATED_AT", direction: SortDirection = "DESC"): QuoteKeyset {
  const sort = direction === "ASC" ? "asc" : "desc";
  if (field === "POSITION") {
    return new Keyset(`quotes:position:${sort}`, [
      { field: "articleId", direction: sort, type: "uuid", value: (quote) => quote.articleId },
      { field: "start", direction: sort, type: "number", value: (quote) => quote.start },
      { field: "id", direction: sort, type: "uuid", value: (quote) => quote.id },
    ]);
  }
  return new Keyset(`quotes:created:${sort}`, [
    { field: "createdAt", direction: sort, type: "date", value: (quote) => quote.createdAt },
    { field: "id", direction: sort, type: "uuid", value: (quote) => quote.id },
  ]);
}

/** Quotes of one article in reading order. */
export const readingOrderKeyset: QuoteKeyset = new Keyset("quotes:reading", [
  { field: "start", direction: "asc", type: "number", value: (quote) => quote.start },
  { field: "id", direction: "asc", type: "uuid", value: (quote) => quote.id },
]);

/** The quotes linked to a quote, oldest link first. */
const linkedQuoteKeyset = new Keyset<LinkedQuoteValue, never, never>("linkedQuotes:linked:asc", [
  { field: "linkedAt", direction: "asc", type: "date", value: (link) => link.linkedAt },
  { field: "quoteId", direction: "asc", type: "uuid", value: (link) => link.quote.id },
]);

/**
 * A page of a quote's links, cut in memory from all of them: a quote has a handful at most, and
 * the links come in both directions from one query (see `linkedQuotes` in loaders.ts).
 */
export function linkedQuotesPage(links: readonly LinkedQuoteValue[], args: PageArgs): ConnectionPage<LinkedQuoteValue> {
  const window = linkedQuoteKeyset.window(args, 20);
  const ordered = [...links].sort((a, b) => a.linkedAt.getTime() - b.linkedAt.getTime() || a.quote.id.localeCompare(b.quote.id));
  let rows = ordered;
  if (window.after) {
    const [linkedAt, quoteId] = linkedQuoteKeyset.decode(window.after) as [Date, string];
    rows = ordered.filter((link) => link.linkedAt > linkedAt || (link.linkedAt.getTime() === linkedAt.getTime() && link.quote.id > quoteId));
  }
  return linkedQuoteKeyset.page(rows.slice(0, window.take), window, () => Promise.resolve(links.length));
}
