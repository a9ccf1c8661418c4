import type { Token } from "../text.js";
import type { ExtractedQuote, ExtractedQuoteMedium, TextRange } from "../types.js";
import type { Resolved } from "./attribution.js";
import type { Cast, PersonEntry } from "./cast.js";
import type { QuoteSpan } from "./quotes.js";

// The state of one reading of the story, front to back: what has been quoted so far, which
// reporting verbs a quote already used, and the last speaker (for continuation quotes).

/** The last quote's speaker, where it was and its medium: what a continuation inherits. */
export interface PreviousQuote {
  readonly resolved: Resolved | null;
  readonly paragraph: number;
  readonly end: number;
  readonly medium: ExtractedQuoteMedium;
  /** Where the speaker was named (a continuation points back at it); absent when unknown. */
  readonly attribution?: TextRange | null;
}

/** Shared state of the speech pass while it reads the story in order. */
export interface Walk {
  readonly text: string;
  readonly cast: Cast;
  readonly quotes: ExtractedQuote[];
  readonly spans: readonly QuoteSpan[];
  /** Offsets of reporting verbs already used by a direct quote's attribution. */
  readonly usedVerbs: Set<number>;
  previous: PreviousQuote | null;
  /** The sentence the reported-speech pass read last, for "They say ..." opening the next one. */
  priorSentence: PriorSentence | null;
}

/** A sentence already read: its paragraph, tokens and story floor. */
export interface PriorSentence {
  readonly paragraph: number;
  readonly tokens: readonly Token[];
  readonly floor: number;
}

/** Whether a token lies inside quotation marks (its words are the quote's, not the story's). */
export function isQuoted(walk: Walk, token: Token | TextRange): boolean {
  return walk.spans.some((span) => token.start >= span.open && token.start < (span.close ?? span.end) + 1);
}

/** The dateline at the start of a wire story's first paragraph ("KAMPALA, June 27 (Reuters) - "): where the story proper starts. */
export function datelineEnd(text: string, paragraph: TextRange): number {
  const line = text.slice(paragraph.start, paragraph.end);
  const match = /^\p{Lu}[\p{Lu} .'’-]+(?:,[^\n–—]*?)?(?:\s*\([^)]*\))?\s+[–—-]{1,2}\s+/u.exec(line);
  return match ? paragraph.start + match[0].length : paragraph.start;
}

/** Verbs that say the last speaker goes on ("he added", "she continued"). */
const CONTINUING_VERBS = new Set(["add", "adds", "added", "adding", "continue", "continues", "continued"]);

/** The person whose words were quoted last, when `verb` says the same speaker goes on; else null. */
export function continuingSpeaker(walk: Walk, verb: string): PersonEntry | null {
  if (!CONTINUING_VERBS.has(verb.toLowerCase())) return null;
  const last = walk.quotes[walk.quotes.length - 1];
  return last?.speakerKind === "person" && last.speaker ? (walk.cast.personNamed(last.speaker) ?? null) : null;
}
