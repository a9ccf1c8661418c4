import type { Sentence, Token } from "../text.js";
import { CONFIDENCE, type Resolved, resolvePhrase, speakerDescription, speakerOf } from "./attribution.js";
import { type Phrase, subjectBefore } from "./phrases.js";
import type { QuoteSpan } from "./quotes.js";
import { type Walk, isQuoted } from "./walk.js";

// A partial quotation is the words of the sentence's subject ("Doe called the plan “a blatant abuse
// of power”"). direct.ts reads that subject when the sentence opens on it; a subject set off by an
// aside ("Doe, for his part, is labeling ... “…”"), after an opening participle ("Speaking to
// reporters, Doe referred to X as “…”") or before a relative clause ("Doe, who leads the race,
// mocked X for “…”") is read here, after the walk, for the partial quotations it left unquoted.

/** Words that give a name, not words said, right before the quotation ("dubbed “…”", "the film “…”"). */
const NAMING_BEFORE = /\b(?:called|calls|calling|dubbed|nicknamed|so-called|known\s+as|code-?named|named|titled|entitled|the|a|an|his|her|their|its|our)\s*["“]?$/i;

/**
 * Words that give a name right before a quotation, even after a verb that characterizes:
 * "vehicles called “caspers”" (right after "called" with no object, a name; "called the ban
 * “negative”" has its object between).
 */
const NAME_GIVING_BEFORE = /\b(?:dubbed|nicknamed|so-called|known\s+as|code-?named|named|titled|entitled|calls?|called|calling)(?:\s+(?:itself|themselves|himself|herself))?\s*["“]?$/i;
/**
 * "describing the reports as “negative”", "called the ban “illegal”", "labeled it a “critical
 * step”": a verb that characterizes aloud, then at most eight words (no quotation mark, no
 * clause break), then the mark. A word or two quoted there is the subject's own word, not a scare
 * quote. Read on the sentence's characters before the opening mark.
 */
const CHARACTERIZING_BEFORE = /\b(?:describ|characteriz|characteris|call|label|brand|term|dismiss)(?:e|es|ed|ing|s|led|ling|ling)?\b(?:\s+[^\s"“”;:.]+){0,8}?\s*["“]$/i;
/** "... as “negative” and inciting “instability”": a partial joined by "and"/"or" and at most three words to the one before it. */
const JOINED_TO_PARTIAL = /["”](?:\s*,)?\s+(?:and|or)(?:\s+[^\s"“”;:.]+){0,3}?\s*["“]$/i;

/**
 * Partial quotations of three words or more, with lower-case words, that the walk left without a
 * speaker: the subject of the first finite verb of their sentence before the quotation, when it
 * resolves to a named person or a speaking body. Only the sentence's own subject (no pronoun,
 * no description), at the confidence of a sentence's subject.
 */
export function quotePartialsBySubject(walk: Walk, spans: readonly QuoteSpan[], sentences: readonly Sentence[]): void {
  const quoted = new Set(walk.quotes.map((quote) => quote.start));
  const context = { text: walk.text, cast: walk.cast };
  // The short partial given last, for a second one joined to it ("“negative” and inciting “instability”").
  let lastShort: { end: number; sentence: Sentence } | null = null;
  for (const span of spans) {
    if (span.kind !== "partial" || quoted.has(span.start)) continue;
    const text = walk.text.slice(span.start, span.end);
    const words = text.split(/\s+/).filter(Boolean);
    const sentence = sentences.find((candidate) => span.open >= candidate.start && span.open < candidate.end);
    if (!sentence) continue;
    const before = walk.text.slice(Math.max(0, span.open - 30), span.open + 1);
    const long = words.length >= 3 && words.filter((word) => /^\p{Ll}/u.test(word)).length >= 2;
    // One or two lower-case words: only as a characterization aloud, or joined to one read so.
    const leadIn = walk.text.slice(Math.max(sentence.start, span.open - 120), span.open + 1);
    const short =
      !long &&
      words.length <= 2 &&
      words.every((word) => /^\p{Ll}/u.test(word)) &&
      !NAME_GIVING_BEFORE.test(before) &&
      (CHARACTERIZING_BEFORE.test(leadIn) || (lastShort !== null && lastShort.sentence === sentence && JOINED_TO_PARTIAL.test(walk.text.slice(lastShort.end, span.open + 1))));
    if (!long && !short) continue;
    if (long && NAMING_BEFORE.test(before)) continue;
    const tokens = sentence.tokens;
    // The first finite verb whose subject names someone ("Speaking in Ohio, which is ..., Doe said").
    let found: { subject: Phrase; resolved: Resolved } | null = null;
    for (const verb of finiteVerbs(walk, tokens, span.open)) {
      const subject = subjectBefore(walk.text, tokens, verb, 0);
      if (!subject || /^(?:i|we|you|he|she|they|it)$/i.test(subject.text)) continue;
      const resolved = resolvePhrase(subject, subject.start, context);
      if (resolved && (resolved.person !== null || resolved.group?.organization != null)) {
        found = { subject, resolved };
        break;
      }
    }
    if (!found) continue;
    const { subject, resolved } = found;
    walk.quotes.push({
      start: span.start,
      end: span.end,
      text,
      ...speakerOf(resolved),
      speakerDescription: speakerDescription(resolved),
      kind: "partial",
      medium: "other",
      reportingVerb: null,
      attribution: { start: subject.start, end: subject.end },
      confidence: Math.min(resolved.confidence, CONFIDENCE.sentenceSubject),
    });
    quoted.add(span.start);
    if (short) lastShort = { end: span.close ?? span.end, sentence };
  }
}

/** The finite verbs (not participles) before an offset, up to the first word in quotation marks. */
function finiteVerbs(walk: Walk, tokens: readonly Token[], before: number): number[] {
  const verbs: number[] = [];
  for (let index = 1; index < tokens.length && (tokens[index] as Token).start < before; index += 1) {
    const token = tokens[index] as Token;
    if (isQuoted(walk, token)) break;
    if ((token.pos === "VERB" && !/ing$/i.test(token.text)) || token.pos === "AUX") verbs.push(index);
  }
  return verbs;
}
