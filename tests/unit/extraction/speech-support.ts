import { extractArticle } from "../../../src/extraction/index.js";

// The speech pass as the speech test files drive it: extract a short text written for the test,
// then pick a quote by its first words.

export type Extraction = ReturnType<typeof extractArticle>;
export type Quote = Extraction["quotes"][number];

/** Tests name a quote by its first words; a direct quote's text may keep its opening mark. */
const opensWith = (quote: Quote, start: string): boolean => quote.text.replace(/^["“]/, "").startsWith(start);

/** Every quote (direct, partial and reported) of `text`. */
export const quotesOf = (text: string): readonly Quote[] => extractArticle(text).quotes;

/** The quote of `extraction` that opens with `start`. */
export const quoteIn = (extraction: Extraction, start: string): Quote | undefined =>
  extraction.quotes.find((quote) => opensWith(quote, start));

/** The quote of `text` that opens with `start`. */
export const quoteOf = (text: string, start: string): Quote | undefined => quoteIn(extractArticle(text), start);

/** The quoted words of `text`: direct and partial quotes, no reported speech. */
export const quotedWordsOf = (text: string): Quote[] => extractArticle(text).quotes.filter((quote) => quote.kind !== "indirect");

/** The direct or partial quote of `text` that opens with `start`. */
export const quotedWordsOpening = (text: string, start: string): Quote | undefined =>
  quotedWordsOf(text).find((quote) => opensWith(quote, start));

/** The reported speech of `text` ("X said that ..."). */
export const reportsOf = (text: string): Quote[] => extractArticle(text).quotes.filter((quote) => quote.kind === "indirect");

/** The report of `text` whose clause opens with `start`. */
export const reportOf = (text: string, start: string): Quote | undefined => reportsOf(text).find((quote) => quote.text.startsWith(start));

/** The names of the people `extraction` lists. */
export const peopleNames = (extraction: Extraction): string[] => extraction.people.map((person) => person.name);
