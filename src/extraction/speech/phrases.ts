import type { Token } from "../text.js";
import type { TextRange } from "../types.js";
import { countryOfDemonym, lookupPlace } from "../events/gazetteer.js";
import { NOT_NAME_WORDS, ORG_HEADS, ORG_NOUNS, PERSONAL_SUBJECT_PRONOUNS, REPORTING_VERBS, ROLE_NOUNS, SOURCE_HEADS, TITLE_WORDS } from "./lexicon.js";

// Small readings of token sequences that several rules share: which tokens can be part of a
// name, where the noun phrase before a verb starts. They look only at wink's tags, the letters
// of the tokens and the closed word lists, so they behave the same on any story.

/** A slice of tokens and the text range it covers. */
export interface Phrase extends TextRange {
  readonly tokens: readonly Token[];
  readonly text: string;
}

/** The phrase made of tokens[from..to) of a text, or null when empty. */
export function phraseOf(text: string, tokens: readonly Token[], from: number, to: number): Phrase | null {
  if (to <= from) return null;
  const slice = tokens.slice(from, to);
  const first = slice[0];
  const last = slice[slice.length - 1];
  if (!first || !last) return null;
  return { start: first.start, end: last.end, tokens: slice, text: text.slice(first.start, last.end) };
}

/** Whether the token starts with a capital letter. */
export function isCapitalized(token: Token): boolean {
  return /^\p{Lu}/u.test(token.text);
}

/** Lower case for list look-ups, with curly apostrophes made straight. */
export function key(token: Token): string {
  const lower = token.text.toLowerCase();
  // (Most tokens hold no curly apostrophe: the replace, run for every look-up, costs more than the test.)
  return lower.includes("’") ? lower.replace(/’/g, "'") : lower;
}

/**
 * Whether a token can be part of a person's name: capitalized letters (an initial "J." too),
 * not an all-capitals word (acronyms, transcript labels), and not a word the lists say belongs
 * to titles, organizations, places or the calendar.
 */
export function isNameToken(token: Token): boolean {
  const word = token.text;
  // "McCain", "O'Brien", "Yar'Adua", "D'Souza": a capital may follow a prefix or an apostrophe;
  // "DuHaime", "DeSantis", "LaHood", "DiNapoli", "VanDyke": surnames with a Romance or Dutch particle glued on.
  if (!/^\p{Lu}(?:[\p{Ll}'’-]*\p{L}|\.)?$/u.test(word) && !/^(?:Mc|Mac|De|Di|Du|Da|La|Le|Van|Von|\p{Lu}\p{Ll}{0,3}['’])\p{Lu}\p{Ll}+$/u.test(word)) return false;
  if (word.length > 2 && word === word.toUpperCase()) return false;
  const lower = key(token);
  return !TITLE_WORDS.has(lower) && !ORG_HEADS.has(lower) && !NOT_NAME_WORDS.has(lower) && !isDemonymOrNoun(word, lower);
}

/**
 * A word with a demonym's ending that is not a name: a country's or region's demonym
 * ("Iranian", "Chinese", "European") or a noun of that shape ("Civilian", "Guardian"). Given
 * names of that shape ("Sean", "Brian", "Julian", "Dean") are names.
 */
function isDemonymOrNoun(word: string, lower: string): boolean {
  if (!/(?:ian|ean|ese|ish)$/.test(lower)) return false;
  return REGIONAL_ADJECTIVES.has(lower) || IAN_NOUNS.has(lower) || countryOfDemonym(word) !== undefined;
}
const IAN_NOUNS = new Set(["civilian", "civilians", "guardian", "librarian", "comedian", "historian", "musician", "politician", "physician", "technician", "pedestrian", "veteran", "vegetarian", "barbarian", "median", "ocean", "lebanese", "english", "polish", "spanish", "irish", "welsh", "finnish", "danish", "swedish", "turkish", "british", "squeamish", "lavish", "publish", "establish", "relish"]);

/**
 * The first part of a hyphenated name ("Jean" of "Jean-Pierre", "Adams" of "Adams-Allen"): a
 * capitalized word glued by a hyphen to a name word. The demonym ending that keeps "European"
 * out of names does not apply to it.
 */
function startsHyphenatedName(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  const hyphen = tokens[index + 1];
  const after = tokens[index + 2];
  if (!token || !hyphen || !after || hyphen.text !== "-" || hyphen.start !== token.end || after.start !== hyphen.end) return false;
  const lower = key(token);
  return /^\p{Lu}[\p{Ll}'’]+$/u.test(token.text) && !TITLE_WORDS.has(lower) && !ORG_HEADS.has(lower) && !NOT_NAME_WORDS.has(lower) && isNameToken(after);
}

/**
 * The lower-case second syllable of a hyphenated Korean given name ("Ban Ki-moon", "Moon
 * Jae-in", "Song Young-moo"): one romanized syllable, a shape no English suffix ("-era",
 * "-led", "-based") has.
 */
function isGivenNameSyllable(word: string): boolean {
  return /^(?:[bcdghjkmnpstw]|ch|kk|ss|tt|pp|jj)?h?(?:a|ae|e|eo|eu|i|o|oe|oo|u|ui|wa|wae|we|wo|ya|yae|ye|yeo|yo|yu|yeon|young)(?:n|ng|l|k|m|p)?$/.test(word);
}

/**
 * The word that starts at tokens[index], with the parts a glued hyphen joins to it ("Thomas",
 * "-", "Greenfield" is "Thomas-Greenfield"), and the index after it.
 */
export function hyphenatedWord(tokens: readonly Token[], index: number): { readonly text: string; readonly end: number; readonly next: number } {
  const first = tokens[index] as Token;
  let text = first.text;
  let end = first.end;
  let next = index + 1;
  for (;;) {
    const hyphen = tokens[next];
    const part = tokens[next + 1];
    if (!hyphen || !part || hyphen.text !== "-" || hyphen.start !== end || part.start !== hyphen.end || !/^\p{Lu}/u.test(part.text)) break;
    text += `-${part.text}`;
    end = part.end;
    next += 2;
  }
  return { text, end, next };
}

/** Whether a word alone could be part of a name (isNameToken without the tagger). */
export function isNameWord(word: string): boolean {
  return isNameToken({ text: word, pos: "PROPN", start: 0, end: word.length });
}

/**
 * A surname with a nationality's ending ("Kamian", "Petrosian"): after a given name, a word
 * ending like a demonym is a name unless it is one a country or a region has ("Iranian", "Asian").
 */
function isDemonymShapedSurname(token: Token): boolean {
  const lower = key(token);
  if (!/(?:ian|ean|ese|ish)$/.test(lower) || !/^\p{Lu}\p{Ll}+$/u.test(token.text)) return false;
  if (TITLE_WORDS.has(lower) || ORG_HEADS.has(lower) || NOT_NAME_WORDS.has(lower) || REGIONAL_ADJECTIVES.has(lower)) return false;
  return countryOfDemonym(token.text) === undefined;
}
const REGIONAL_ADJECTIVES = new Set(["crimean", "siberian", "bavarian", "chechen", "andean", "aegean", "iberian", "balkan", "european", "asian", "african", "korean", "caucasian", "arabian", "eurasian", "caribbean", "mediterranean", "christian", "lutheran", "presbyterian", "episcopalian", "amish", "jewish", "english", "scottish", "flemish", "kurdish", "yiddish", "hispanic"]);

const NAME_PARTICLES = new Set(["le", "la", "de", "du", "da", "di", "van", "von", "der", "den", "ter", "bin", "ibn", "dos", "das", "del"]);
/** 'Benjamin “Benny” Gantz': a quoted nickname between a given name and a surname, as tokens (3), or 0. */
export function nickname(tokens: readonly Token[], at: number): number {
  const open = tokens[at];
  const word = tokens[at + 1];
  const close = tokens[at + 2];
  const surname = tokens[at + 3];
  if (!open || !word || !close || !surname || !/^[“"]$/.test(open.text) || !/^[”"]$/.test(close.text)) return 0;
  return word.start === open.end && close.start === word.end && surname.start - close.end === 1 && isNameToken(word) && isNameToken(surname) ? 3 : 0;
}

/** "al-Assad", "el-Sisi": the article glued by a hyphen to a surname, as tokens (3), or 0. */
export function arabicArticle(tokens: readonly Token[], at: number): number {
  const article = tokens[at];
  const hyphen = tokens[at + 1];
  const surname = tokens[at + 2];
  if (!article || !hyphen || !surname || !/^(al|el|ad|ash|as|at|an|ar)$/.test(article.text) || !/^[-‑]$/.test(hyphen.text)) return 0;
  return hyphen.start === article.end && surname.start === hyphen.end && isNameToken(surname) ? 3 : 0;
}

/** How many particles ("le", "von der") start at tokens[at] before a surname glued by single spaces, or 0. */
export function particleRun(tokens: readonly Token[], at: number): number {
  let end = at;
  while (end < at + 2 && tokens[end] && NAME_PARTICLES.has(key(tokens[end] as Token)) && (end === at || (tokens[end] as Token).start - (tokens[end - 1] as Token).end === 1)) end += 1;
  const surname = tokens[end];
  const before = tokens[end - 1];
  if (end === at || !surname || !before || surname.start - before.end !== 1 || !isNameToken(surname) || surname.pos !== "PROPN") return 0;
  return end - at;
}

/** Whether a token is a role word ("spokesperson", "Minister") that makes a phrase a title. */
export function isRoleWord(token: Token): boolean {
  return ROLE_NOUNS.has(key(token));
}

/** Whether two neighbouring tokens are parts of one hyphenated word ("state-run", "Iranian-linked"). */
export function glued(left: Token, right: Token): boolean {
  return left.end === right.start && (/^[-–]$/.test(left.text) || /^[-–]$/.test(right.text));
}

// Honorifics that are also used as given names ("Prime Minister Sheikh Hasina").
const NAME_HONORIFICS = new Set(["sheikh", "sheik", "emir", "prince", "princess", "ayatollah", "imam", "mullah"]);

/**
 * Runs of 2 to 4 name tokens in a token list: [from, to) index pairs. With `honorifics`, a single
 * name after one of the honorifics that double as names, itself after a title, takes it in.
 */
export function nameRuns(tokens: readonly Token[], honorifics = false): [number, number][] {
  const runs: [number, number][] = [];
  let index = 0;
  while (index < tokens.length) {
    const token = tokens[index];
    if (!token || !(isNameToken(token) || startsHyphenatedName(tokens, index))) {
      index += 1;
      continue;
    }
    let end = index + 1;
    for (;;) {
      const next = tokens[end];
      const previous = tokens[end - 1];
      // The tagger splits a hyphenated name ("Thomas-Greenfield") at the hyphen: one name word.
      const after = tokens[end + 1];
      if (next && previous && after && next.text === "-" && next.start === previous.end && after.start === next.end && (isNameToken(after) || isGivenNameSyllable(after.text)) && !previous.text.endsWith(".")) {
        end += 2;
        continue;
      }
      // "Jean-Yves Le Drian", "Ursula von der Leyen", "Staffan de Mistura": particles before a surname.
      const particles = next && previous && next.start - previous.end === 1 ? (arabicArticle(tokens, end) || particleRun(tokens, end) || nickname(tokens, end)) : 0;
      if (particles > 0) {
        end += particles;
        continue;
      }
      if (!next || !previous || !(isNameToken(next) || startsHyphenatedName(tokens, end) || isDemonymShapedSurname(next)) || next.start - previous.end !== 1) break;
      end += 1;
    }
    // A generational suffix belongs to the name ("Ferdinand Marcos Jr.").
    const suffix = tokens[end];
    const beforeSuffix = tokens[end - 1] as Token;
    if (suffix && /^(Jr\.?|Sr\.?|II|III|IV)$/.test(suffix.text) && suffix.start - beforeSuffix.end <= 1 && end - index >= 2) end += 1;
    // "Edmund G. Doe, Jr.": the suffix may follow a comma.
    else if (suffix?.text === "," && /^(Jr\.|Sr\.)$/.test(tokens[end + 1]?.text ?? "") && suffix.start === beforeSuffix.end && end - index >= 2) end += 2;
    const honorific = tokens[index - 1];
    if (honorifics && end - index === 1 && honorific && NAME_HONORIFICS.has(key(honorific)) && index >= 2 && isRoleWord(tokens[index - 2] as Token)) {
      runs.push([index - 1, end]);
      index = end;
      continue;
    }
    const last = tokens[end - 1];
    // A name needs a given name and a surname, and does not end in an initial.
    // "Minister of Ports Ana Doe": after "of" and a title, the first capitals name the office's
    // field, not the person; the name is the last two words (and any initial between them).
    const of = tokens[index - 1];
    const office = tokens[index - 2];
    // A run with a place in it is a body's name ("president of Radio Free Europe"), not an office's field and a name.
    if (of && office && (key(of) === "of" || key(of) === "for") && (isRoleWord(office) || TITLE_WORDS.has(key(office))) && !tokens.slice(index, end).some((word) => lookupPlace(word.text) !== undefined)) {
      const isWord = (at: number): boolean => {
        const word = tokens[at] as Token;
        return word.text !== "-" && tokens[at - 1]?.text !== "-" && !/^\p{Lu}\.$/u.test(word.text) && !/^(Jr\.?|Sr\.?|II|III|IV)$/.test(word.text);
      };
      const countWords = (from: number): number => tokens.slice(from, end).filter((_, at) => isWord(from + at)).length;
      while (countWords(index) > 2) index += 1;
    }
    // A country is no part of a name: "ambassador to Afghanistan Jane Doe" (the office's field),
    // "told reporter Jane Doe Ethiopia is ..." (the reported clause's subject).
    const isCountry = (token: Token | undefined): boolean => token !== undefined && lookupPlace(token.text)?.kind === "country";
    const countWords = (from: number, to: number): number => tokens.slice(from, to).filter((word, at, run) => word.text !== "-" && run[at - 1]?.text !== "-").length;
    if (countWords(index, end) >= 3 && isCountry(tokens[index]) && /^\p{Ll}*$/u.test(tokens[index - 1]?.text ?? "")) index += 1;
    if (countWords(index, end) >= 3 && isCountry(tokens[end - 1]) && tokens[end - 2]?.text !== "-") end -= 1;
    // "Analyst Jane Doe said": a role noun capitalized by the sentence's start is her title, not her given name.
    if (end - index >= 3 && isRoleWord(tokens[index] as Token) && (tokens[index] as Token).pos === "NOUN") index += 1;
    // "Jean-Yves" is one word of a name: count the words a hyphen does not join to the one before.
    const words = tokens.slice(index, end).filter((word, at, run) => word.text !== "-" && run[at - 1]?.text !== "-").length;
    if (words >= 2 && words <= 5 && last && (!last.text.endsWith(".") || /^[JS]r\.$/.test(last.text))) runs.push([index, end]);
    index = end;
  }
  return runs;
}

const NOUN_PHRASE_TAGS = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM"]);

/**
 * A name the tagger read as a verb ("Will Hart", "Hope said"): a capitalized name word tagged
 * VERB that stands next to another name word or right before a verb, after punctuation or a name.
 */
export function mistaggedName(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  const left = tokens[index - 1];
  const right = tokens[index + 1];
  // A surname read as an adverb ("Skelly", "Daly") after a verb or a closing mark ("said Skelly", "” Skelly said").
  if (token?.pos === "ADV" && /\p{Ll}ly$/u.test(token.text) && isNameToken(token) && left !== undefined && (left.pos === "VERB" || /^[”"’,]$/.test(left.text))) return true;
  // "said Acting Director Jane Roe": a capitalized rank word the tagger reads as a verb opens a title.
  if (token?.pos === "VERB" && /^(Acting|Outgoing|Incoming|Presiding|Ranking|Managing|Serving)$/.test(token.text) && right !== undefined && /^\p{Lu}/u.test(right.text)) return true;
  if (!token || token.pos !== "VERB" || !isNameToken(token)) return false;
  const nextIsName = right !== undefined && right.pos === "PROPN" && isNameToken(right);
  // "press secretary Will Hart": after a title noun only when a surname follows.
  if (left && left.pos !== "PUNCT" && left.pos !== "PROPN" && left.pos !== "VERB" && !(left.pos === "NOUN" && nextIsName)) return false;
  // "said Skelly.": a capitalized word after a verb that closes the clause is its inverted subject.
  const closesClause = left?.pos === "VERB" && (right === undefined || /^[.,;]$/.test(right.text));
  return nextIsName || right?.pos === "VERB" || closesClause;
}
const CONNECTORS = new Set(["of", "from", "for", "in", "at"]);
/** Reflexive pronouns that may intensify a subject ("the ministry itself said"). */
const REFLEXIVES = /^(itself|himself|herself|themselves)$/i;

/**
 * The noun phrase that ends right before tokens[end] (the subject of a verb), going left no
 * further than `floor`. It takes determiners, adjectives, nouns, names, numbers, possessive "'s",
 * hyphen-glued words and "of/from/for/in/at" between two nouns ("Turkey’s Ministry of
 * Transport", "the EU delegation in Kampala"); a lone personal pronoun is a phrase too.
 */
export function nounPhraseBefore(text: string, tokens: readonly Token[], end: number, floor: number): Phrase | null {
  let index = end - 1;
  // "The official also said", "Observers have said": adverbs and auxiliaries between subject and
  // verb are not part of the subject; nor is an intensifying reflexive ("the Kremlin itself has said").
  while (index >= floor && (tokens[index]?.pos === "ADV" || isAuxiliary(tokens[index]) || (REFLEXIVES.test(tokens[index]?.text ?? "") && index > floor && ["NOUN", "PROPN"].includes(tokens[index - 1]?.pos ?? "")))) index -= 1;
  const stop = index + 1;
  const only = tokens[index];
  if (only && only.pos === "PRON" && PERSONAL_SUBJECT_PRONOUNS.has(only.text.toLowerCase())) {
    return phraseOf(text, tokens, index, stop);
  }
  let from = stop;
  while (index >= floor) {
    const token = tokens[index];
    if (!token) break;
    const right = tokens[index + 1];
    const leftToken = tokens[index - 1];
    const isGlued = (right !== undefined && index + 1 < stop && glued(token, right)) || (leftToken !== undefined && index > floor && glued(leftToken, token));
    // "shipping agents": a gerund that modifies the noun after it.
    const modifier = token.pos === "VERB" && /ing$/.test(token.text) && right !== undefined && index + 1 < stop && right.pos === "NOUN";
    const lower = key(token);
    // "a bill that critics say ...": after a noun, "that" starts a relative clause.
    if (lower === "that" && leftToken && (leftToken.pos === "NOUN" || leftToken.pos === "PROPN") && index < stop - 1) break;
    // "Bernie Sanders’ campaign": an apostrophe glued to a word ending in "s" is its possessive.
    const sPossessive = /^['’]$/.test(token.text) && leftToken !== undefined && leftToken.end === token.start && /s$/i.test(leftToken.text) && index + 1 < stop && right !== undefined && right.start > token.end;
    if (NOUN_PHRASE_TAGS.has(token.pos) || isGlued || modifier || sPossessive || lower === "'s" || (token.pos === "PRON" && /^(its|his|her|their)$/.test(lower)) || mistaggedName(tokens, index)) {
      from = index;
      index -= 1;
      continue;
    }
    const left = tokens[index - 1];
    // "medics and residents": "and" between two nouns joins one subject.
    // "ambassador to Afghanistan Jane Doe", "envoy to the talks": "to" after a role word names the office's field.
    const officeField = lower === "to" && left !== undefined && isRoleWord(left);
    // "Secretary Doe on the Hill said": "on" and a named place after a name says where the person
    // spoke (withoutPlace drops it again); elsewhere "on" starts no part of a subject.
    const namedPlaceOn = lower === "on" && left?.pos === "PROPN" && tokens.slice(from, stop).every((word, at) => (at === 0 && key(word) === "the") || (word.pos === "PROPN" && /^\p{Lu}/u.test(word.text)));
    const joins = CONNECTORS.has(lower) || officeField || namedPlaceOn || (lower === "and" && (tokens[from]?.pos === "NOUN" || tokens[from]?.pos === "PROPN"));
    if (joins && index > floor && left && (left.pos === "NOUN" || left.pos === "PROPN") && from < stop) {
      from = index;
      index -= 1;
      continue;
    }
    break;
  }
  // The phrase starts at a word that can start a noun phrase, not at a connector.
  while (from < stop && CONNECTORS.has(key(tokens[from] as Token))) from += 1;
  return phraseOf(text, tokens, from, stop);
}

/**
 * The noun phrase that starts at tokens[start] (the speaker after an inverted "said"), up to a
 * comma, a full stop, a verb or a preposition that starts an adverbial ("at the time").
 */
export function nounPhraseAfter(text: string, tokens: readonly Token[], start: number, limit: number): Phrase | null {
  let index = start;
  while (index < limit) {
    const token = tokens[index];
    if (!token) break;
    const left = tokens[index - 1];
    const isGlued = left !== undefined && index > start && glued(left, token);
    const lower = key(token);
    if (NOUN_PHRASE_TAGS.has(token.pos) || isGlued || lower === "'s" || mistaggedName(tokens, index)) {
      index += 1;
      continue;
    }
    const right = tokens[index + 1];
    if (CONNECTORS.has(lower) && index > start && right && (NOUN_PHRASE_TAGS.has(right.pos))) {
      index += 1;
      continue;
    }
    break;
  }
  return phraseOf(text, tokens, start, index);
}

/** Whether a phrase's head (last word) is a noun or name. */
export function endsInNoun(phrase: Phrase): boolean {
  const last = phrase.tokens[phrase.tokens.length - 1];
  return last !== undefined && (last.pos === "NOUN" || last.pos === "PROPN" || adjectiveReadHead(phrase.tokens, phrase.tokens.length - 1) || acronymAfterArticle(phrase.tokens));
}

/**
 * "the WHO said": an acronym in capitals after an article is a body's name, though the tagger
 * reads some as the word they spell ("WHO" as the pronoun "who").
 */
export function acronymAfterArticle(tokens: readonly Token[]): boolean {
  const last = tokens[tokens.length - 1];
  return tokens.length === 2 && last !== undefined && /^\p{Lu}{2,6}$/u.test(last.text) && /^the$/i.test(tokens[0]?.text ?? "");
}

/**
 * "Sri Lanka's military says", "a senior official said": the tagger may read a body or source
 * noun that ends a phrase as an adjective; after a determiner, a possessive or (in a phrase that
 * opens with "the") a name it is the head.
 */
function adjectiveReadHead(tokens: readonly Token[], at: number): boolean {
  const token = tokens[at];
  const before = tokens[at - 1];
  if (!token || token.pos !== "ADJ" || !before || !(ORG_NOUNS.has(key(token)) || SOURCE_HEADS.has(key(token)))) return false;
  // "the Sri Lankan military says": a nationality the tagger reads as a name stands before it too.
  return before.pos === "DET" || before.pos === "ADJ" || before.pos === "PART" || /^('s|’s)$/.test(key(before)) || (before.pos === "PROPN" && /^the$/i.test(tokens[0]?.text ?? ""));
}

/**
 * The subject of the verb at tokens[verb]: the noun phrase right before it, or, when an
 * appositive stands between ("John Smith, a spokesman for the ministry, said"), the name before
 * the appositive.
 */
export function subjectBefore(text: string, tokens: readonly Token[], verb: number, floor: number): Phrase | null {
  const dashed = subjectBeforeDashes(text, tokens, verb, floor);
  if (dashed) return withoutPlace(text, dashed);
  const adjacent = adjacentSubject(text, tokens, verb, floor);
  const subject = (adjacent && nameBeforeOpenAppositive(text, tokens, adjacent, floor)) ?? adjacent ?? openingName(text, tokens, verb, floor);
  return subject && withoutPlace(text, subject);
}

/** A dash token: a hyphen, an en or em dash, or two hyphens, standing alone. */
const DASH = /^(?:-|–|—|--)$/;

/**
 * "The rebel group - battered by a long offensive - says ...": an aside set off by dashes between
 * the subject and its verb. The subject is the noun phrase before the first dash (an aside of at
 * most twenty words); null when the verb does not follow a closing dash.
 */
function subjectBeforeDashes(text: string, tokens: readonly Token[], verb: number, floor: number): Phrase | null {
  let close = verb - 1;
  while (close > floor && tokens[close]?.pos === "ADV") close -= 1;
  if (!DASH.test(tokens[close]?.text ?? "")) return null;
  for (let open = close - 2; open > floor && open >= close - 21; open -= 1) {
    if (!DASH.test(tokens[open]?.text ?? "")) continue;
    // "Minister for Water Affairs - Dr. Jane Doe - says": a name between the dashes is the
    // speaker the title before it introduces (adjacentSubject reads it).
    if (tokens.slice(open + 1, close).every((token) => /^\p{Lu}/u.test(token.text))) return null;
    const subject = nounPhraseBefore(text, tokens, open, floor);
    return subject && subject.tokens.some((token) => token.pos === "NOUN" || token.pos === "PROPN") ? subject : null;
  }
  return null;
}

/**
 * "VOA's Jane Doe in Lisbon reports ...": a person's name, then where they are ("in Lisbon",
 * "from Kabul"); the speaker is the name. A description keeps its place ("officials in Kabul").
 */
function withoutPlace(text: string, subject: Phrase): Phrase {
  const words = subject.tokens;
  const at = words.findIndex((token, index) => index >= 2 && /^(in|from|on)$/.test(token.text));
  // "on the Hill": the place may take "the".
  const place = words.slice(at + 1).filter((token, index) => !(index === 0 && key(token) === "the"));
  if (at < 0 || place.length === 0 || !place.every((token) => token.pos === "PROPN" && /^\p{Lu}/u.test(token.text))) return subject;
  const run = nameRuns(words.slice(0, at)).pop();
  // "Secretary McHugh": a title and a name in capitals, which nameRuns may not read as a run.
  const titledName = words.slice(0, at).every((token) => token.pos === "PROPN" && /^\p{Lu}/u.test(token.text));
  return (run && run[1] === at) || titledName ? (phraseOf(text, words, 0, at) ?? subject) : subject;
}

/**
 * "Jane Doe, a U.S. rescue worker says ...": an appositive whose closing comma the copy dropped.
 * The subject read is the description ("a U.S. rescue worker"); the name that opens the clause
 * before its comma is the speaker.
 */
function nameBeforeOpenAppositive(text: string, tokens: readonly Token[], adjacent: Phrase, floor: number): Phrase | null {
  // "Jo Doe, Minister of Health says ...": a capitalized title opens the appositive as an article does.
  const opener = adjacent.tokens[0];
  const titled = opener !== undefined && /^\p{Lu}/u.test(opener.text) && (TITLE_WORDS.has(key(opener)) || ROLE_NOUNS.has(key(opener)));
  if (!/^an?$/i.test(opener?.text ?? "") && !titled) return null;
  const first = tokens.indexOf(adjacent.tokens[0] as Token);
  if (first < floor + 2 || tokens[first - 1]?.text !== ",") return null;
  let start = floor;
  while (start < first - 1 && (tokens[start]?.pos === "CCONJ" || tokens[start]?.pos === "ADV")) start += 1;
  const name = nounPhraseAfter(text, tokens, start, first - 1);
  if (!name || start + name.tokens.length !== first - 1) return null;
  const run = nameRuns(name.tokens).pop();
  return run && run[1] === name.tokens.length && run[1] - run[0] >= 2 ? name : null;
}

/**
 * "Dana Lusk, 34, a nurse from Dayton, said" / "But Mr. Tolima, a retired teacher who lives
 * near the school, said": a name that opens the clause, set off by a comma, when a comma also stands right
 * before the verb and no more than 40 words lie between.
 */
function openingName(text: string, tokens: readonly Token[], verb: number, floor: number): Phrase | null {
  let end = verb;
  while (end - 1 >= floor && tokens[end - 1]?.pos === "ADV") end -= 1;
  if (tokens[end - 1]?.text !== ",") return null;
  let start = floor;
  while (start < end && (tokens[start]?.pos === "CCONJ" || tokens[start]?.pos === "ADV" || tokens[start]?.text === ",")) start += 1;
  if (end - start > 40) return null;
  const name = nounPhraseAfter(text, tokens, start, end);
  if (!name) return null;
  // "Sen. Jane Doe (D-Calif.), who ..., said": a party and state in brackets after the name.
  let after = start + name.tokens.length;
  if (tokens[after]?.text === "(") {
    const close = tokens.findIndex((token, index) => index > after && index <= after + 8 && token.text === ")");
    if (close > 0) after = close + 1;
  }
  if (tokens[after]?.text !== ",") return null;
  const run = nameRuns(name.tokens).pop();
  const last = name.tokens[name.tokens.length - 1] as Token;
  // The phrase must end in a name ("Ms. Lee", "Tad Devine"), not a description.
  return (run && run[1] === name.tokens.length) || (isNameToken(last) && last.pos === "PROPN") ? name : null;
}

/** A US politician's party and state after the name: "R", "D-Calif.", "R-Ky", "I-Vt.". */
const PARTY_DESIGNATION = /^[RDI](?:\s*-\s*\p{Lu}[\p{L}.]*(?:\s\p{Lu}[\p{L}.]*)?)?$/u;

/** The perfect's auxiliary before a reporting verb ("have said", "has told"); not "be" (a passive's subject is no speaker) nor a modal ("would respond" reports nothing yet). */
// The future's modals too: "“…,” the president will say", "Doe would later say" (not "can", "may":
// "The network can confirm that ..." is the statement's own voice).
const AUXILIARIES = new Set(["have", "has", "had", "'ve", "’ve", "will", "would", "'ll", "’ll"]);
function isAuxiliary(token: Token | undefined): boolean {
  return token !== undefined && (token.pos === "AUX" || token.pos === "PART" || token.pos === "VERB") && AUXILIARIES.has(key(token));
}

/** Words of a time adverbial between a subject and its verb ("on Friday", "this morning", "late Tuesday"). */
const TIME_ADVERBIAL_WORDS = /^(?:on|late|early|last|this|earlier|later|today|tonight|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|night|week|weekend)$/i;
/** The words that make such a run a time adverbial rather than a stray "on" or "this". */
const TIME_ADVERBIAL_HEADS = /^(?:today|tonight|yesterday|monday|tuesday|wednesday|thursday|friday|saturday|sunday|morning|afternoon|evening|night|week|weekend)$/i;

/**
 * Where a time adverbial right before `end` starts ("witnesses in the town on Friday said",
 * "the union, this morning, announced"), or `end` when there is none.
 */
export function beforeTimeAdverbial(tokens: readonly Token[], end: number, floor: number): number {
  let start = end;
  while (start - 1 >= floor && TIME_ADVERBIAL_WORDS.test(tokens[start - 1]?.text ?? "")) start -= 1;
  return start < end && tokens.slice(start, end).some((token) => TIME_ADVERBIAL_HEADS.test(token.text)) ? start : end;
}

/**
 * "residents reached by telephone said": a noun, then a past participle and its by-phrase (a
 * reduced relative clause); the noun phrase before the participle is the subject.
 */
function beforeReducedRelative(text: string, tokens: readonly Token[], at: number, floor: number): Phrase | null {
  const by = tokens[at - 1];
  const participle = by && key(by) === "by" ? at - 2 : at - 1;
  const verb = tokens[participle];
  const head = tokens[participle - 1];
  if (!verb || verb.pos !== "VERB" || !/(?:ed|en|wn)$/.test(key(verb)) || participle <= floor || !head || (head.pos !== "NOUN" && head.pos !== "PROPN")) return null;
  return nounPhraseBefore(text, tokens, participle, floor);
}

/**
 * The subject before a time adverbial that stands before its verb: "officials on Friday said",
 * "a news report published Wednesday said", "residents reached by telephone Friday said", "the
 * groups who wrote to her on Thursday say" (the relative clause's antecedent). Null when the
 * words before the adverbial are none of these.
 */
function subjectBeforeTime(text: string, tokens: readonly Token[], timeStart: number, floor: number): Phrase | null {
  for (let at = timeStart - 1; at > floor && at >= timeStart - 8; at -= 1) {
    const word = tokens[at] as Token;
    if (/^[,;:]$/.test(word.text)) break;
    const before = tokens[at - 1];
    if (/^(who|which)$/i.test(word.text) && before && (before.pos === "NOUN" || before.pos === "PROPN")) return nounPhraseBefore(text, tokens, at, floor);
  }
  const before = nounPhraseBefore(text, tokens, timeStart, floor);
  const start = before ? tokens.indexOf(before.tokens[0] as Token) : timeStart;
  return beforeReducedRelative(text, tokens, start, floor) ?? before;
}

/** The subject right before the verb, or across one appositive or relative clause between commas. */
/**
 * "Residents in Mogadishu, Somalia say": a place's country or state after its comma is not the
 * subject; the noun phrase the place belongs to ("Residents in Mogadishu") is, with the place.
 */
function placeAfterComma(text: string, tokens: readonly Token[], verb: number, floor: number): Phrase | null {
  const place = nounPhraseBefore(text, tokens, verb, floor);
  if (!place || place.tokens.length > 3 || !place.tokens.every((token) => token.pos === "PROPN" && isNameToken(token))) return null;
  // Both the place and the word after the comma must be places the gazetteer knows ("Trump, Bernie Sanders warned" is two people).
  if (lookupPlace(place.text) === undefined) return null;
  const comma = tokens.indexOf(place.tokens[0] as Token) - 1;
  if (comma <= floor || tokens[comma]?.text !== ",") return null;
  const owner = nounPhraseBefore(text, tokens, comma, floor);
  if (!owner || owner.tokens.length < 3) return null;
  const connector = owner.tokens.findIndex((token, index) => index > 0 && /^(?:in|from|of|at)$/i.test(token.text));
  const head = owner.tokens[connector - 1];
  // The phrase's head is a common noun ("residents", "officials") and a name follows the connector.
  // A sentence's first word may be tagged as a name for its capital ("Residents in ...").
  const commonHead = head !== undefined && (head.pos === "NOUN" || (tokens.indexOf(head) === floor && /^\p{Lu}\p{Ll}+s$/u.test(head.text)));
  if (connector < 1 || !head || !commonHead || !owner.tokens.slice(connector + 1).every((token) => token.pos === "PROPN")) return null;
  if (lookupPlace(text.slice((owner.tokens[connector + 1] as Token).start, (owner.tokens[owner.tokens.length - 1] as Token).end)) === undefined) return null;
  return phraseOf(text, tokens, tokens.indexOf(owner.tokens[0] as Token), verb);
}

/**
 * "sources close to her campaign", "people familiar with the talks", "aides close to the
 * governor" right before the verb at `end`: a plural noun, "close to" or "familiar with" (or
 * "loyal to"), then a noun phrase of up to six words (a possessive pronoun may open it). The
 * whole phrase, or null.
 */
function sourceCloseTo(text: string, tokens: readonly Token[], end: number, floor: number): Phrase | null {
  let at = end - 1;
  while (at > floor && at >= end - 6 && (["DET", "ADJ", "NOUN", "PROPN", "NUM"].includes(tokens[at]?.pos ?? "") || /^(his|her|their|its|our|my|'s|’s)$/i.test(tokens[at]?.text ?? ""))) at -= 1;
  if (at === end - 1 || !/^(to|with)$/i.test(tokens[at]?.text ?? "")) return null;
  const link = key(tokens[at - 1] as Token);
  if (!(key(tokens[at] as Token) === "to" ? /^(close|loyal)$/.test(link) : link === "familiar")) return null;
  const head = tokens[at - 2];
  if (!head || at - 2 < floor || (head.pos !== "NOUN" && head.pos !== "PROPN") || !/(s|^people|^police|^staff)$/i.test(head.text)) return null;
  let start = at - 2;
  while (start - 1 >= floor && ["DET", "ADJ", "NUM"].includes(tokens[start - 1]?.pos ?? "")) start -= 1;
  return phraseOf(text, tokens, start, end);
}

function adjacentSubject(text: string, tokens: readonly Token[], verb: number, floor: number): Phrase | null {
  let end = verb;
  while (end - 1 >= floor && (tokens[end - 1]?.pos === "ADV" || isAuxiliary(tokens[end - 1]))) end -= 1;
  // A time adverbial between the subject and the verb is neither ("officials on Friday said").
  const timeStart = beforeTimeAdverbial(tokens, end, floor);
  if (timeStart < end && timeStart > floor && tokens[timeStart - 1]?.text !== ",") {
    const subject = subjectBeforeTime(text, tokens, timeStart, floor);
    if (subject) return subject;
  }
  // "a survivor, who said he ...": the relative pronoun stands for the noun phrase before it.
  // "several reporters that have said they ...": so does a restrictive "that" right after a noun
  // (the tagger reads it as a pronoun; no comma stands before it).
  const relativeThat = /^that$/i.test(tokens[end - 1]?.text ?? "") && tokens[end - 1]?.pos === "PRON" && ["NOUN", "PROPN"].includes(tokens[end - 2]?.pos ?? "");
  // "reports in two newspapers, which said ...": "which" after a comma stands for a body or a document.
  const relativeWhich = /^which$/i.test(tokens[end - 1]?.text ?? "") && tokens[end - 2]?.text === ",";
  if (end - 1 > floor && (/^who$/i.test(tokens[end - 1]?.text ?? "") || relativeThat || relativeWhich)) {
    const comma = tokens[end - 2]?.text === "," ? end - 2 : end - 1;
    const found = nounPhraseBefore(text, tokens, comma, floor);
    // "The crew rescued a fisherman, who ...": a second determiner not after "of" starts the
    // antecedent (the tagger may take the verb before it for a noun).
    const second = found ? found.tokens.map((token, at) => (at > 0 && token.pos === "DET" && !CONNECTORS.has(key(found.tokens[at - 1] as Token)) ? at : -1)).reduce((a, b) => Math.max(a, b), -1) : -1;
    // "is disputing reports in ..., which": a progressive's participle is no modifier of the antecedent.
    const progressive = found && found.tokens.length > 1 && found.tokens[0]?.pos === "VERB" && /ing$/i.test(found.tokens[0].text) && tokens[tokens.indexOf(found.tokens[0]) - 1]?.pos === "AUX" ? 1 : 0;
    const antecedent = found && (second > 0 || progressive > 0) ? phraseOf(text, found.tokens, Math.max(second, progressive), found.tokens.length) : found;
    if (antecedent && antecedent.tokens.some((token) => token.pos === "NOUN" || token.pos === "PROPN")) return antecedent;
  }
  // "Gov. Jane Doe (R) said": a party and state in brackets between the name and the verb.
  if (tokens[end - 1]?.text === ")") {
    const open = tokens.findLastIndex((token, index) => index < end - 1 && index >= end - 8 && token.text === "(");
    if (open > floor && PARTY_DESIGNATION.test(text.slice((tokens[open + 1] as Token).start, (tokens[end - 2] as Token).end))) return nounPhraseBefore(text, tokens, open, floor);
    // "A spokesman for the Harbor Party (HP) says", "the aid agency (Jane Doe) tells": a short
    // bracket with no verb in it. A name in it is the speaker the description stands for; an
    // acronym or anything else is an aside, and the subject is the phrase before it.
    const inside = open > floor ? tokens.slice(open + 1, end - 1) : [];
    // An acronym the tagger read as a verb ("(MEND)") is still an acronym.
    const acronym = (token: Token): boolean => /^\p{Lu}{2,8}$/u.test(token.text);
    if (inside.length > 0 && inside.length <= 6 && !inside.some((token) => ((token.pos === "VERB" || token.pos === "AUX") && !acronym(token)) || token.pos === "PUNCT")) {
      const run = nameRuns(inside).pop();
      if (run && run[0] === 0 && run[1] === inside.length) return phraseOf(text, tokens, open + 1, end - 1);
      // The phrase before an acronym must name someone who speaks: a role, a source or a body
      // ("the Interconnection System (SIEPAC) announced at ..." is a participle's object).
      const before = nounPhraseBefore(text, tokens, open, floor);
      if (before?.tokens.some((token) => ROLE_NOUNS.has(key(token)) || SOURCE_HEADS.has(key(token)) || ORG_HEADS.has(key(token)))) return before;
    }
  }
  // "sources close to her campaign say", "officials familiar with the talks said": the source
  // noun with its "close to" / "familiar with" phrase is the subject, not the phrase's object.
  const closeTo = sourceCloseTo(text, tokens, end, floor);
  if (closeTo) return closeTo;
  // "Minister for Water Affairs - Dr. Omar Farid - says": a name (after its titles) set off by a
  // pair of spaced dashes, as by commas, is the subject the description before it stands for.
  const dashed = dashedName(text, tokens, end, floor);
  if (dashed) return dashed;
  if (tokens[end - 1]?.text !== ",") return placeAfterComma(text, tokens, verb, floor) ?? nounPhraseBefore(text, tokens, verb, floor);
  // The words between the comma before the verb and the comma before that one.
  let comma = end - 2;
  while (comma >= floor && comma >= end - 22 && tokens[comma]?.text !== ",") comma -= 1;
  if (comma < floor || tokens[comma]?.text !== ",") return null;
  const inside = phraseOf(text, tokens, comma + 1, end - 1);
  const first = inside?.tokens[0];
  if (!inside || !first) return null;
  const nameBefore = (): Phrase | null => {
    const name = nounPhraseBefore(text, tokens, comma, floor);
    const run = name ? nameRuns(name.tokens).pop() : undefined;
    return name && run && run[1] === name.tokens.length ? name : null;
  };
  // "Richard Gordon, who visited the area on Sunday, said" / "The union, this morning, said".
  if (/^(who|which|whose)$/i.test(first.text) || beforeTimeAdverbial(inside.tokens, inside.tokens.length, 0) === 0) return nounPhraseBefore(text, tokens, comma, floor);
  // "Sen. Jane Doe, R-Ky., said": a party and state set off by commas.
  if (PARTY_DESIGNATION.test(inside.text)) return nameBefore();
  // "Port officials, however, said": a sentence adverb set off by commas.
  if (inside.tokens.length <= 2 && inside.tokens.every((token) => token.pos === "ADV")) return nounPhraseBefore(text, tokens, comma, floor);
  // "The official, speaking on condition of anonymity, said": a present participle's aside.
  if (first.pos === "VERB" && /ing$/i.test(first.text) && inside.tokens.length <= 10) return nounPhraseBefore(text, tokens, comma, floor);
  // "The Harbor Front, made up of former dock workers, say", "The union, backed by the drivers,
  // said": a past participle's aside (no auxiliary in it; a reporting verb there is an inverted
  // attribution, "The plan, said the minister, ...").
  const pastParticiple = first.pos === "VERB" && !/ing$/i.test(first.text) && !REPORTING_VERBS.has(key(first)) && ["ADP", "PART"].includes(inside.tokens[1]?.pos ?? "");
  if (pastParticiple && inside.tokens.length <= 12 && !inside.tokens.some((token) => token.pos === "AUX")) return nounPhraseBefore(text, tokens, comma, floor);
  // "The government, while welcoming outside help, has told", "The ministry, in a statement, said":
  // a subordinator or preposition opens an aside with no finite verb in it.
  // (A "verb" right after the participle is its object the tagger misread: "while welcoming help".)
  const finiteInside = inside.tokens.some((token, at) => token.pos === "AUX" || (token.pos === "VERB" && !/(ing|ed|en)$/i.test(token.text) && !/ing$/i.test(inside.tokens[at - 1]?.text ?? "")));
  if (/^(while|though|although|despite|after|before|since|when|once|in|on|at|for|without|amid|unlike)$/i.test(first.text) && first === inside.tokens[0] && inside.tokens.length >= 2 && inside.tokens.length <= 12 && !finiteInside) {
    const before = nounPhraseBefore(text, tokens, comma, floor);
    if (before) return before;
  }
  // "Maria Santos, 52, told".
  if (inside.tokens.length === 1 && first.pos === "NUM") return nounPhraseBefore(text, tokens, comma, floor);
  // "The United Nations envoy for Yemen, Lars Eklund, said": the name between the commas.
  // "The top commander in Iraq, General Jane Doe, said": a title may stand before that name.
  const nameInside = nameRuns(inside.tokens).pop();
  if (nameInside && nameInside[1] === inside.tokens.length && inside.tokens.slice(0, nameInside[0]).every((token) => TITLE_WORDS.has(key(token)) || isRoleWord(token))) return inside;
  // "The government daily, The Harbor Times, said": a body's name with its article, every other
  // word capitalized, after a description in lower case (a determiner, then common nouns).
  const described = nounPhraseBefore(text, tokens, comma, floor);
  if (
    /^the$/i.test(first.text) &&
    inside.tokens.length >= 2 &&
    inside.tokens.length <= 5 &&
    inside.tokens.slice(1).every((token) => /^\p{Lu}/u.test(token.text)) &&
    described &&
    described.tokens[0]?.pos === "DET" &&
    described.tokens.length >= 2 &&
    described.tokens.slice(1).every((token) => /^\p{Ll}/u.test(token.text))
  )
    return inside;
  // "The leader of the main rebel group, Harbor Front for Democracy, said": a body's capitalized
  // name (no article) after a lower-case description names the group the description ends in; the
  // speaker is the role the description opens with ("the leader"), or the body when it opens with none.
  const bodyName =
    inside.tokens.length >= 2 &&
    inside.tokens.length <= 8 &&
    /^\p{Lu}/u.test(first.text) &&
    /^\p{Lu}/u.test(inside.tokens[inside.tokens.length - 1]?.text ?? "") &&
    inside.tokens.every((token) => /^\p{Lu}/u.test(token.text) || /^(of|for|and|the)$/.test(token.text)) &&
    described !== null &&
    described.tokens[0]?.pos === "DET" &&
    described.tokens.length >= 3 &&
    described.tokens.slice(1).every((token) => !/^\p{Lu}/u.test(token.text));
  if (bodyName && described) {
    const ofAt = described.tokens.findIndex((token) => key(token) === "of");
    const role = ofAt > 0 && described.tokens.slice(0, ofAt).some((token) => token.pos === "NOUN" && ROLE_NOUNS.has(key(token)));
    return role ? described : inside;
  }
  // "Another opposition leader, Marta Lind of the Union of Farmers, told": the name, then the body
  // it speaks for ("of", "from", "with" a name), between the commas; the speaker is the name.
  const affiliation = inside.tokens.findIndex((token, at) => at >= 2 && /^(of|from|with)$/i.test(token.text) && /^(the|\p{Lu})/u.test(inside.tokens[at + 1]?.text ?? ""));
  const named = affiliation > 0 ? inside.tokens.slice(0, affiliation) : [];
  const namedRun = nameRuns(named).pop();
  if (namedRun && namedRun[1] === named.length && namedRun[1] - namedRun[0] >= 2 && named.slice(0, namedRun[0]).every((token) => TITLE_WORDS.has(key(token)) || isRoleWord(token))) return phraseOf(text, named, 0, named.length);
  // "John Smith, a spokesman for the ministry, said" / "Levan Kapanadze, a 24-year-old student
  // who joined the protest, said" / "Amal Haddad, director of the hospital, said".
  if (/^(a|an|the)$/i.test(first.text) || isRoleWord(first)) return nameBefore();
  return null;
}

/** A spaced dash ("-", "–", "—" with a space before it), not a hyphen inside a word. */
function isSpacedDash(tokens: readonly Token[], at: number): boolean {
  const token = tokens[at];
  const before = tokens[at - 1];
  return token !== undefined && /^[-–—]$/.test(token.text) && before !== undefined && before.end < token.start;
}

/**
 * The name between two spaced dashes right before tokens[end] ("... Affairs - Dr. Omar Farid -
 * says"): only titles and a name, at most eight words, may stand inside; null otherwise.
 */
function dashedName(text: string, tokens: readonly Token[], end: number, floor: number): Phrase | null {
  if (!isSpacedDash(tokens, end - 1)) return null;
  let open = end - 2;
  while (open > floor && open >= end - 10 && !isSpacedDash(tokens, open)) open -= 1;
  if (open <= floor || !isSpacedDash(tokens, open)) return null;
  const inside = tokens.slice(open + 1, end - 1);
  const run = nameRuns(inside).pop();
  if (!run || run[1] !== inside.length || run[1] - run[0] < 2 || !inside.slice(0, run[0]).every((token) => TITLE_WORDS.has(key(token)) || isRoleWord(token))) return null;
  return phraseOf(text, tokens, open + 1, end - 1);
}

const POST_MODIFIERS = new Set(["of", "from", "with", "in", "at", "for", "on", "familiar", "who", "close", "involved", "briefed", ","]);

/** The head noun of a phrase: the last noun before a post-modifier ("people" of "two people familiar with the matter"). */
export function headOf(phrase: Phrase): Token | undefined {
  let head: Token | undefined;
  for (const [at, token] of phrase.tokens.entries()) {
    // "a poll released Sunday": a past participle after the head starts a reduced relative clause.
    // "reports spread by local media": an irregular participle with its agent after it does too.
    if (head && (POST_MODIFIERS.has(key(token)) || (token.pos === "VERB" && (/(?:ed|en)$/i.test(token.text) || key(phrase.tokens[at + 1] ?? token) === "by")))) break;
    if (token.pos === "NOUN" || token.pos === "PROPN" || adjectiveReadHead(phrase.tokens, at)) head = token;
  }
  return head ?? phrase.tokens[phrase.tokens.length - 1];
}
