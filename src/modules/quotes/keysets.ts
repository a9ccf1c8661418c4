import type { Prisma } from "../../db/index.js";
import type { Quote } from "../../generated/prisma/client.js";
import type { OrderDirection, QuoteOrderField } from "../../generated/graphql.js";
import { Keyset } from "../../graphql/connection.js";

/** A keyset over quotes. */
export type QuoteKeyset = Keyset<Quote, Prisma.QuoteWhereInput, Prisma.QuoteOrderByWithRelationInput>;

/** The orderings `quotes(orderBy:)` offers. Ids are UUIDv7, so id order is creation order. */
export function quoteKeyset(field: QuoteOrderField = "CREATED_AT", direction: OrderDirection = "DESC"): QuoteKeyset {
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
