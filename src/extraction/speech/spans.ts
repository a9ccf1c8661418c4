import { REPORTING_VERBS } from "./lexicon.js";
import type { QuoteSpan } from "./quotes.js";

// How a quotation is read once the marks are paired (quotes.ts): a quotation a reporting verb
// introduces with no comma or colon is still a sentence of its own when it opens with a capital.

/**
 * The words between a reporting verb and the quotation it introduces that name the medium or the
 * occasion ("said in a statement", "wrote on Twitter", "told reporters in a briefing"): at most
 * five words after a preposition. Read on the characters before the opening mark.
 */
const MEDIUM_PHRASE = /\s+(?:in|on|during|at|via|through)(?:\s+[\p{L}'’.-]+){1,5}\s*$/u;
/** Words a title leaves in lower case. */
const SMALL_WORDS = /^(?:a|an|the|of|and|or|in|on|at|to|for|with|by)$/;
/** The word right before the opening mark (after a medium phrase is taken off). */
const LAST_WORD = /([\p{L}]+)\s*$/u;

/**
 * `Doe said in a statement "For the government, the rule is ..."`: a quotation that opens with a
 * capital right after a reporting verb (or after the medium phrase that follows the verb) is
 * direct speech, as after a comma; quotes.ts reads a mark after a word as a partial quotation.
 */
export function withVerbIntroducedDirect(text: string, spans: readonly QuoteSpan[]): QuoteSpan[] {
  return spans.map((span) => {
    if (span.kind !== "partial" || !/^[\p{Lu}]/u.test(text[span.start] ?? "")) return span;
    const before = text.slice(Math.max(0, span.open - 60), span.open);
    // Only within the sentence: the window is cut at the last sentence end or line break.
    const sentence = before.slice(Math.max(before.lastIndexOf("\n"), before.search(/[.!?]\s+[^.!?]*$/)) + 1);
    const verbOf = (words: string): string | null => LAST_WORD.exec(words)?.[1]?.toLowerCase() ?? null;
    const bare = verbOf(sentence);
    const afterMedium = MEDIUM_PHRASE.test(sentence) ? verbOf(sentence.replace(MEDIUM_PHRASE, "")) : null;
    // "told “Morning Call” listeners": after "tell" the listener stands, and a show's name is quoted there.
    const introduced = [bare, afterMedium].some((word) => word !== null && REPORTING_VERBS.has(word) && !/^tell/.test(word) && word !== "told");
    // "said on “Meet the Press”": a short passage of capitalized words is a title, not a sentence.
    const words = text.slice(span.start, span.end).split(/\s+/).filter(Boolean);
    if (words.length <= 6 && words.every((word) => /^[^\p{Ll}]/u.test(word) || SMALL_WORDS.test(word))) return span;
    return introduced ? { ...span, kind: "direct" } : span;
  });
}
