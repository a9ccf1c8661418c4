import { lookupPlace } from "../events/gazetteer.js";
import type { AnalyzedText } from "../text.js";
import type { ExtractedQuote, TextRange } from "../types.js";
import { CONFIDENCE, type Resolved, resolvePhrase, speakerDescription, speakerOf } from "./attribution.js";
import type { Cast } from "./cast.js";
import { phraseOf } from "./phrases.js";

// A headline that reports speech in headline style: "Town Falls to Rebels, Spokesman Says",
// "Agency News Critical to U.S. Interests, Director Tells Congress", "City Hall Says Talks Will
// Resume". The clause is the speaker's reported speech; the speaker is read after the whole story,
// since a headline names them only by a role or a body the story spells out below.

const HEADLINE_VERBS = "(?:Says|Say|Tells\\s+\\p{Lu}[\\p{L}.]*|Warns|Claims|Insists|Confirms|Denies|Vows)";
const SPEAKER_WORDS = "(?:\\p{Lu}[\\p{L}.'’-]*\\s+){0,3}\\p{Lu}[\\p{L}.'’-]*";
/** "CLAUSE, Speaker Says": the clause ends at the last comma (a closing quotation mark may follow it). */
const SAYS_AFTER = new RegExp(`^(.+),['’”"]?\\s+(${SPEAKER_WORDS})\\s+${HEADLINE_VERBS}\\s*$`, "u");
/** "Speaker Says CLAUSE". */
const SAYS_BEFORE = new RegExp(`^(${SPEAKER_WORDS})\\s+(?:Says|Say|Warns|Claims|Insists|Confirms|Denies|Vows)\\s+(.+)$`, "u");

/** The reported clause of a headline and the words that name its speaker, or null. */
export function headlineReport(line: string): { clause: [number, number]; speaker: [number, number] } | null {
  const after = SAYS_AFTER.exec(line);
  if (after?.[1] && after[2]) {
    const speakerAt = line.lastIndexOf(after[2]);
    return { clause: [0, after[1].length], speaker: [speakerAt, speakerAt + after[2].length] };
  }
  const before = SAYS_BEFORE.exec(line);
  if (before?.[1] && before[2]) return { clause: [line.length - before[2].length, line.length], speaker: [0, before[1].length] };
  return null;
}

/** Words a title-case headline keeps in lower case. */
const MINOR_WORDS = /^(a|an|the|and|but|or|nor|for|of|to|in|on|at|by|as|with|from|vs\.?)$/i;

/** Whether a line ending in a full stop is a headline in title case: every word of four letters or more, and four in five of all words but the minor ones, capitalized. */
function titleCaseLine(line: string): boolean {
  if (!/\.$/.test(line) || /\.\s/.test(line)) return false;
  const words = line.replace(/\.$/, "").split(/\s+/).filter((word) => /^[\p{L}‘'"“]/u.test(word) && !MINOR_WORDS.test(word));
  if (words.length < 4) return false;
  const capitalized = (word: string): boolean => /^[‘'"“]?\p{Lu}/u.test(word);
  return words.filter((word) => word.replace(/^[‘'"“]/, "").length >= 4).every(capitalized) && words.filter(capitalized).length >= 0.8 * words.length;
}

/**
 * The headline's reported speech as an indirect quote, or null. A role word alone ("Spokesman",
 * "Director") is the one person of the story with that title; a place is the government that
 * sits there, an unnamed source ("Harare Says ...").
 */
export function quoteHeadline(analyzed: AnalyzedText, cast: Cast, headline: TextRange): ExtractedQuote | null {
  return quoteHeadlines(analyzed, cast, headline)[0] ?? null;
}

/**
 * The headline's reports, one per clause: "Army Claims Victory; Rebels Say Retreat Is Strategic"
 * joins two headlines with ";", each read on its own (read as one, the second clause would be
 * taken into the first speaker's words).
 */
export function quoteHeadlines(analyzed: AnalyzedText, cast: Cast, headline: TextRange): ExtractedQuote[] {
  const raw = analyzed.text.slice(headline.start, headline.end);
  const parts: TextRange[] = [];
  let from = 0;
  for (let semicolon = raw.indexOf(";"); semicolon >= 0; semicolon = raw.indexOf(";", from)) {
    parts.push({ start: headline.start + from, end: headline.start + semicolon });
    from = semicolon + 1;
    while (from < raw.length && /\s/.test(raw[from] as string)) from += 1;
  }
  parts.push({ start: headline.start + from, end: headline.end });
  return parts.flatMap((part) => {
    const quote = quoteHeadlinePart(analyzed, cast, part);
    return quote ? [quote] : [];
  });
}

function quoteHeadlinePart(analyzed: AnalyzedText, cast: Cast, headline: TextRange): ExtractedQuote | null {
  const raw = analyzed.text.slice(headline.start, headline.end);
  // "Mayor Says The Bridge Will Reopen.": a headline in title case may be printed with a full
  // stop (some archives add one); a sentence in ordinary case with one is the story's first line.
  const line = titleCaseLine(raw.trim()) ? raw.trim().replace(/\.$/, "") : raw.trim();
  if (/[.!?]$/.test(line)) return null;
  const found = headlineReport(line);
  if (!found) return null;
  const offset = headline.start + raw.indexOf(line);
  const speakerWords = line.slice(found.speaker[0], found.speaker[1]);
  let resolved: Resolved | null = null;
  if (!speakerWords.includes(" ")) {
    const holders = cast.people.filter((person) => person.titles.some((title) => new RegExp(`\\b${speakerWords}\\b`, "i").test(title)));
    if (holders.length === 1 && holders[0]) resolved = { person: holders[0], source: null, group: null, confidence: CONFIDENCE.reference, viaStatement: false };
  }
  if (!resolved && lookupPlace(speakerWords) !== undefined) {
    const source = cast.addSource(speakerWords, speakerWords.toLowerCase(), null, CONFIDENCE.reference);
    resolved = { person: null, source, group: null, confidence: CONFIDENCE.reference, viaStatement: false };
  }
  if (!resolved) {
    const tokens = analyzed.sentences.flatMap((sentence) => sentence.tokens).filter((token) => token.start >= offset + found.speaker[0] && token.end <= offset + found.speaker[1]);
    const phrase = phraseOf(analyzed.text, tokens, 0, tokens.length);
    resolved = phrase ? resolvePhrase(phrase, analyzed.text.length, { text: analyzed.text, cast }) : null;
  }
  if (!resolved || (!resolved.person && !resolved.group?.organization && !resolved.source)) return null;
  const clause = line.slice(found.clause[0], found.clause[1]).replace(/[,\s]+$/, "");
  // "Army Claims Victory": a single word is a thing claimed, no clause reported.
  if (!/\s/.test(clause)) return null;
  const start = offset + found.clause[0];
  return {
    start,
    end: start + clause.length,
    text: clause,
    ...speakerOf(resolved),
    speakerDescription: speakerDescription(resolved),
    kind: "indirect",
    medium: "other",
    reportingVerb: "says",
    attribution: { start: offset + found.speaker[0], end: offset + found.speaker[1] },
    confidence: Math.round(resolved.confidence * 0.9 * 100) / 100,
  };
}
