import { extractEvents } from "./events/index.js";
import { extractSpeech } from "./speech/index.js";
import { analyzeText } from "./text.js";
import type { Extraction, ExtractionOptions } from "./types.js";

export type * from "./types.js";

/**
 * Extracts quotes, speakers, unnamed sources, people, organizations, places and incidents from
 * an article's text. Pure: text in, structured result out, no database and no network.
 */
export function extractArticle(text: string, options: ExtractionOptions = {}): Extraction {
  const analyzed = analyzeText(text);
  const speech = extractSpeech(analyzed, options);
  const events = extractEvents(analyzed, options, speech);
  const mentions = [...speech.mentions, ...events.mentions].sort((a, b) => a.start - b.start || a.end - b.end);
  return {
    article: { headline: options.headline ?? null, publishedAt: options.publishedAt ?? null },
    quotes: speech.quotes,
    people: speech.people,
    anonymousSources: speech.anonymousSources,
    organizations: speech.organizations,
    places: events.places,
    incidents: events.incidents,
    mentions,
  };
}
