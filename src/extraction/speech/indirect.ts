import type { Sentence, Token } from "../text.js";
import type { ExtractedQuote } from "../types.js";
import type { PersonEntry } from "./cast.js";
import { CONFIDENCE, type ResolveContext, type Resolved, describedSpeaker, documentSource, mainSubject, mediumOf, recordStatement, resolvePhrase, speakerDescription, speakerOf } from "./attribution.js";
import { isReportingVerb } from "./direct.js";
import { BARE_CLAUSE_VERBS, CLAUSE_TAKING_VERBS, DOCUMENT_NOUNS, PERSONAL_SUBJECT_PRONOUNS, QUOTE_ONLY_VERBS, REPORTING_VERBS, ROLE_NOUNS, SOURCE_HEADS, STATEMENT_NOUNS } from "./lexicon.js";
import { type Phrase, headOf, key, nounPhraseAfter, nounPhraseBefore, phraseOf, subjectBefore } from "./phrases.js";
import { type Walk, continuingSpeaker, isQuoted } from "./walk.js";

// Reported speech with a clear attribution: "X said (that) CLAUSE", "CLAUSE, X told Y",
// "CLAUSE, according to X", "According to X, CLAUSE". The reported clause must be a clause
// (it has a verb and does not start with one, which rules out "which the official said was
// caused by Iran"), and a first-person "I said" inside someone's own words is not reported.

/**
 * Past-tense verbs that, after "and" with no subject of their own, are the speaker's next act
 * ("said ... and urged", "... and accused", "... and rejected"): the reporting verbs, and verbs of
 * a stance taken aloud. Past forms only: "would resign and urge" coordinates inside the clause.
 */
/** A reporting verb in the past tense ("said", "told", "noted"). */
const PAST_REPORTING = /(ed|said|told|wrote)$/;
const SPEAKER_ACTS = new Set([
  ...[...REPORTING_VERBS].filter((verb) => PAST_REPORTING.test(verb)),
  ...["accused", "rejected", "dismissed", "condemned", "criticized", "criticised", "praised", "welcomed", "pledged", "expressed", "thanked", "appealed", "demanded", "refused", "declined", "called", "blamed", "vowed", "urged"],
]);

/**
 * Whether a past-tense verb after "and" at `and` goes on with the reporting verb before the
 * clause starting at `start`, not with the clause: the reporting verb is in the past ("said",
 * "noted"; after "says he spoke ... and asked", the "asked" is the clause's), and the clause's
 * own verb is not a simple past, which the verb after "and" could as well continue ("said the
 * ministry requested ... and urged" is read as one clause); "had cut ... and accused", "was
 * pleased ... and urged" are the speaker's next acts.
 */
function speakersNextAct(tokens: readonly Token[], start: number, and: number): boolean {
  let verb = start - 1;
  while (verb >= 0 && verb >= start - 12 && !REPORTING_VERBS.has(key(tokens[verb] as Token))) verb -= 1;
  const reporting = tokens[verb];
  if (!reporting || !PAST_REPORTING.test(key(reporting))) return false;
  const clause = tokens.slice(start, and);
  const first = clause.findIndex((token) => token.pos === "VERB" || token.pos === "AUX");
  return first >= 0 && (clause[first] as Token).pos === "AUX";
}

/**
 * "said she still considered herself an activist, and rejected the idea of ...": after a comma,
 * "and" and a past-tense verb of a stance taken aloud (not a reporting verb, whose clause would
 * follow) go on with the speaker's acts whatever the reported clause's own verb is.
 */
function commaAct(tokens: readonly Token[], and: number): boolean {
  const next = tokens[and + 1];
  return tokens[and - 1]?.text === "," && next !== undefined && /ed$/.test(key(next)) && !REPORTING_VERBS.has(key(next));
}

const CLAUSE_STARTS = new Set(["DET", "PROPN", "NOUN", "NUM", "PRON", "ADJ", "ADV"]);
// "told" needs "that" or a fronted clause: what follows it directly is the listener.
const TELL = /^(tell|tells|told|telling)$/;
const FIRST_PERSON = /^(i|we|you|it|they)$/i;

/**
 * Where the reported clause after a verb or "that" ends: the sentence's end, ";", ":", a dash,
 * a direct quotation (a partial one inside the clause stays in it), ", and <verb>", ", adding"
 * or ", according to".
 */
function clauseEnd(walk: Walk, tokens: readonly Token[], start: number): number {
  for (let index = start; index < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    if (/^[;:—–]$/.test(token.text)) return index;
    // "said the rebels are lying, because he says the weather was clear": a reason the speaker gives
    // with an attribution of its own ("because he says", "since officials claim") is a second
    // report, no part of the first.
    // Without the comma the reason is inside the report ("started killing civilians because they
    // said the town backs the rebels": the soldiers' saying, part of what is reported).
    if (/^(because|since)$/.test(key(token)) && index > start + 1 && tokens[index - 1]?.text === "," && reasonAttribution(tokens, index + 1)) return index - 1;
    // "... a water shortage.The cyclone slammed ...": a full stop glued to both words (a space lost
    // in the copy) still ends the sentence, and the report with it.
    if (gluedFullStop(tokens, index)) return index;
    // 'was confident that "the town would recover" from ...': a quotation right after the
    // conjunction "that" is a fragment inside the reported clause, which goes on past it.
    if (/^([“"]|'')$/.test(token.text) && key(tokens[index - 1] ?? token) !== "that" && walk.spans.some((span) => span.open === token.start && span.kind === "direct")) return index;
    const next = tokens[index + 1];
    if (token.text === "," && next && REPORTING_VERBS.has(key(next)) && /ing$/.test(key(next))) return index;
    // ",” adding ...": a partial quotation closed by its own comma, then the participle.
    const afterMark = tokens[index + 2];
    if (token.text === "," && next && /^[”"]$/.test(next.text) && afterMark && REPORTING_VERBS.has(key(afterMark)) && /ing$/.test(key(afterMark))) return index + 2;
    // "..., Press Secretary Jo Doe told reporters here today.": a trailing attribution of the whole sentence ends the clause.
    if (token.text === "," && trailingAttribution(tokens, index + 1)) return index;
    // ", and a hospital official said ...", ", but both the party and local residents said ...": a
    // new attribution (a subject of up to ten words, then its verb) ends the clause.
    if (token.text === "," && /^(and|but)$/.test(key(next ?? token)) && tokens.slice(index + 2, index + 8).some((candidate, offset) => REPORTING_VERBS.has(key(candidate)) && candidate.pos === "VERB" && !continuesAnAct(tokens, index + 2 + offset))) return index;
    if (token.text === "," && /^(and|but)$/.test(key(next ?? token)) && laterAttribution(tokens, index + 2)) return index;
    // "several correspondents have said they're coming, so we will take a break": a clause joined
    // with "I" or "we" for its subject is the writer's or the briefer's own, no longer the report.
    if (token.text === "," && /^(so|and|but)$/.test(key(next ?? token)) && /^(i|we)$/.test(key(tokens[index + 2] ?? token)) && ["AUX", "VERB"].includes(tokens[index + 3]?.pos ?? "")) return index;
    // "..., while other sources put the toll at 33": a contrast with a subject of its own is the
    // writer's, set beside the report, not part of it.
    if (token.text === "," && key(next ?? token) === "while" && contrastClause(tokens, index + 2)) return index;
    // "was pleased by the talks and urged both sides ...", "still backed the plan, and rejected
    // the idea ...": "and" or "but" then, with no subject, a past-tense verb of speaking or of a
    // stance taken aloud goes on with the speaker's own acts, not with the reported clause.
    if (/^(and|but)$/.test(key(token)) && next && next.pos === "VERB" && SPEAKER_ACTS.has(key(next)) && (speakersNextAct(tokens, start, index) || commaAct(tokens, index))) return index > start && tokens[index - 1]?.text === "," ? index - 1 : index;
    // "told her that the town is in his thoughts and, while his team will keep him updated, he
    // urged her to ...": after "and" an opening subordinate clause, then "he"/"she" and a
    // past-tense act of speaking: the speaker's next act, not the reported clause.
    if (/^(and|but)$/.test(key(token)) && next?.text === "," && speakerAfterAside(tokens, index + 2)) return index;
    // "confirmed that fighting took place but did not say ...": a negated predicate after "but" is the speaker's own.
    if (key(token) === "but" && tokens[index + 1]?.pos === "AUX" && /^(not|n't|n’t)$/.test(key(tokens[index + 2] ?? token))) return index;
    if (token.text === "," && ["and", "but", "according"].includes(key(tokens[index + 1] ?? token))) {
      const next = tokens[index + 2];
      // ", and added that ..." is the speaker's next act; ", but failed to ..." goes on with the reported clause's subject.
      // ", and will not stop ...": a modal goes on with the reported clause's subject (the
      // speaker's own next act is told in the past: ", and has ...", ", and was ...").
      if (key(tokens[index + 1] as Token) === "according" || (next && (REPORTING_VERBS.has(key(next)) || (next.pos === "AUX" && !CLAUSE_MODALS.test(next.text) && !auxOfTheClause(tokens, start, next))))) return index;
    }
  }
  let end = tokens.length;
  while (end > start && /^[.!?…]$/.test((tokens[end - 1] as Token).text)) end -= 1;
  return end;
}

/**
 * Whether tokens[at..] open an attribution of their own: a personal pronoun or a subject of up to
 * ten noun-phrase words, then a reporting verb ("he says", "officials said").
 */
function reasonAttribution(tokens: readonly Token[], at: number): boolean {
  const first = tokens[at];
  const verb = tokens[at + 1];
  if (first && verb && PERSONAL_SUBJECT_PRONOUNS.has(first.text.toLowerCase()) && verb.pos === "VERB" && REPORTING_VERBS.has(key(verb))) return true;
  return laterAttribution(tokens, at);
}

/** Conjunctions that open a subordinate clause set off by commas ("while his team ..."). */
const ASIDE_OPENERS = /^(while|although|though|as|when|after|before|since|if|because)$/;
/**
 * Whether the tokens at `at` are a subordinate clause closed by a comma and then "he"/"she"/"they"
 * and a past-tense act of speaking ("while ..., he urged"): at most twenty words of aside.
 */
function speakerAfterAside(tokens: readonly Token[], at: number): boolean {
  const opener = tokens[at];
  if (!opener || !ASIDE_OPENERS.test(key(opener))) return false;
  for (let index = at + 1; index < Math.min(tokens.length - 2, at + 22); index += 1) {
    if ((tokens[index] as Token).text !== ",") continue;
    const subject = tokens[index + 1] as Token;
    const verb = tokens[index + 2] as Token;
    return /^(he|she|they)$/i.test(subject.text) && verb.pos === "VERB" && SPEAKER_ACTS.has(key(verb));
  }
  return false;
}

/** Auxiliaries by the grammatical number they agree with in the present, and the present forms of "be". */
const SINGULAR_AUX = /^(is|was|has|does)$/i;
const PLURAL_AUX = /^(are|were|have|do)$/i;
const PRESENT_BE = /^(is|are|am)$/i;

/**
 * Whether an auxiliary after ", and" cannot be the speaker's next act, so goes on with the
 * reported clause's subject: it disagrees in number with a present reporting verb ("Doe says
 * troops have moved north, and are now on the border": "says" is singular, "are" plural; "the
 * rebels say the town is calm, and has power again"), or it is a present "be" after a past one
 * ("said the roads were cut, and are still closed": the speaker's own next act is told in the past).
 */
function auxOfTheClause(tokens: readonly Token[], start: number, aux: Token): boolean {
  let verb = start - 1;
  while (verb >= 0 && verb >= start - 12 && !REPORTING_VERBS.has(key(tokens[verb] as Token))) verb -= 1;
  const reporting = tokens[verb];
  if (!reporting) return false;
  const said = key(reporting);
  if (/^(says|tells|adds|notes|claims|insists|argues|states|explains|reports|warns)$/.test(said)) return PLURAL_AUX.test(aux.text);
  if (/^(say|tell|add|note|claim|insist|argue|state|explain|report|warn)$/.test(said)) return SINGULAR_AUX.test(aux.text);
  return PAST_REPORTING.test(said) && PRESENT_BE.test(aux.text);
}

/** Heads after "according to" that are norms or plans, not sources ("according to plan", "according to the rules"). */
const NORM_HEADS = new Set(["plan", "plans", "rule", "rules", "law", "laws", "schedule", "tradition", "custom", "script", "design", "form", "procedure", "protocol", "constitution", "bible", "scripture", "need", "needs", "size", "age", "type", "taste", "merit", "merits", "standard", "standards", "guidelines", "regulations"]);

/**
 * The source after "according to" in tokens[from..to) when the whole phrase names no one the
 * cast knows: the phrase cut before its first modifier (a participle, "familiar with", a relative
 * pronoun, a time: "last week"), then the owner of a possessive ("Harbor Pollster's polling
 * average"), the phrase after "of" ("early results of the exit poll"), or the cut phrase itself,
 * an unnamed source described by its words when its head is a noun and no norm ("according to
 * plan" reports nothing). `end` is where the source's words end.
 */
function accordingSource(walk: Walk, tokens: readonly Token[], from: number, to: number, context: ResolveContext): { resolved: Resolved; end: number } | null {
  let cut = from;
  while (cut < to) {
    const token = tokens[cut] as Token;
    const next = tokens[cut + 1];
    const modifier = (token.pos === "VERB" && cut > from) || (token.pos === "ADJ" && cut > from && next?.pos === "ADP") || /^(who|which|that|whose)$/i.test(token.text) || (cut > from + 1 && WHEN.test(token.text) && !/^(on|this)$/i.test(token.text) && tokens[cut - 1]?.pos !== "DET");
    if (modifier || token.pos === "PUNCT" && token.text !== "'" && !/^('s|’s)$/.test(token.text) && token.text !== "-") break;
    cut += 1;
  }
  const words = tokens.slice(from, cut);
  if (words.length === 0 || words.length > 12) return null;
  const read = (start: number, end: number): Resolved | null => {
    const phrase = end > start ? phraseOf(walk.text, tokens, start, end) : null;
    return phrase ? (resolvePhrase(phrase, phrase.start, context) ?? documentSource(walk.cast, phrase, walk.text)) : null;
  };
  const possessive = words.findIndex((token) => /^('s|’s)$/.test(token.text));
  const owner = possessive > 0 ? read(from, from + possessive) : null;
  if (owner && (owner.person || owner.group)) return { resolved: owner, end: cut };
  const whole = read(from, cut);
  if (whole) return { resolved: whole, end: cut };
  const of = words.findIndex((token) => key(token) === "of");
  const after = of > 0 ? read(from + of + 1, cut) : null;
  if (after) return { resolved: after, end: cut };
  const head = [...words].reverse().find((token) => token.pos === "NOUN" || token.pos === "PROPN");
  const phrase = phraseOf(walk.text, tokens, from, cut);
  if (!head || !phrase || NORM_HEADS.has(key(head)) || words.some((token) => token.pos === "PRON" && !/^('s|’s)$/.test(token.text)) || !/^(DET|ADJ|NOUN|PROPN|NUM)$/.test((words[0] as Token).pos)) return null;
  const description = phrase.text.replace(/^(A|An|The)(?=\s)/, (article) => article.toLowerCase());
  const source = walk.cast.addSource(description, key(head), null, CONFIDENCE.reference);
  walk.cast.mentionSource(source, phrase, CONFIDENCE.reference);
  return { resolved: { person: null, source, group: null, confidence: CONFIDENCE.reference, viaStatement: false }, end: cut };
}

/** Modals that, after ", and" with no subject, go on with the reported clause ("said A is B, and will ..."). */
const CLAUSE_MODALS = /^(will|would|can|could|may|might|should|must|cannot|wo)$/i;

/** Whether tokens[index] is a full stop glued to a lower-case word before it and a capitalized word after it ("shortage.The"). */
function gluedFullStop(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index] as Token;
  const before = tokens[index - 1];
  const after = tokens[index + 1];
  return token.text === "." && before !== undefined && after !== undefined && before.end === token.start && after.start === token.end && /\p{Ll}$/u.test(before.text) && /^\p{Lu}\p{Ll}/u.test(after.text);
}

/**
 * Whether tokens[at..] are a closing attribution: a subject of at most eight words (a name, a
 * title, a description), a reporting verb, then only its listener and adverbials to the end.
 */
function trailingAttribution(tokens: readonly Token[], at: number): boolean {
  let verb = at;
  while (verb < tokens.length && verb < at + 8 && ["DET", "ADJ", "NOUN", "PROPN"].includes((tokens[verb] as Token).pos)) verb += 1;
  const token = tokens[verb];
  if (verb === at || !token || token.pos !== "VERB" || !REPORTING_VERBS.has(key(token)) || /ing$/.test(key(token))) return false;
  const rest = tokens.slice(verb + 1);
  return rest.length > 0 && /^[.!?]$/.test((rest[rest.length - 1] as Token).text) && !rest.some((word) => word.pos === "VERB" || word.pos === "AUX" || word.pos === "SCONJ" || /^([,;:“"”]|'')$/.test(word.text));
}

/**
 * Whether tokens[from..to) read as a clause of their own. A clause after the verb must not start
 * with a verb ("said was" is no report) unless a relative pronoun stands for its subject ("who
 * they said had set fire"); one before the attribution can ("Suspected fighters stormed ...,
 * officials said").
 */
function isClause(tokens: readonly Token[], from: number, to: number, fronted = false): boolean {
  const first = tokens[from];
  if (!first || to - from < 2) return false;
  // 'added that “more than a million people are on the street”': a quotation that is the whole
  // clause after the conjunction "that" is reported speech in the speaker's words.
  // 'told VOA “dozens” of civilians were killed': a quotation of a few words in lower case that
  // opens the clause's subject (a finite clause follows its first word) is part of it too.
  if (/^([“"]|'')$/.test(first.text)) return (key(tokens[from - 1] ?? first) === "that" || (/^\p{Ll}/u.test(tokens[from + 1]?.text ?? "") && finiteClauseStart(tokens, from + 1) === from + 1)) && isClause(tokens, from + 1, to, fronted);
  const finite = (token: Token): boolean => (token.pos === "VERB" && !/ing$/i.test(token.text)) || token.pos === "AUX";
  // "said fighting took place", "said raising money had been hard": a gerund subject, then a finite verb.
  // "that removing dead bodies and sheltering the homeless remain priorities": the gerund's object
  // (and a second gerund) may stand between, up to twelve words.
  const gerundSubject = first.pos === "VERB" && /ing$/i.test(first.text) && tokens.slice(from + 1, Math.min(to, from + 13)).some(finite);
  // "said targeted sanctions are ...": a past participle before its noun, then a finite verb.
  const participleSubject = first.pos === "VERB" && /ed$/i.test(first.text) && tokens[from + 1]?.pos === "NOUN" && tokens.slice(from + 2, Math.min(to, from + 6)).some(finite);
  if (!fronted && !gerundSubject && !participleSubject && (first.pos === "VERB" || first.pos === "AUX")) return false;
  return tokens.slice(from, to).some((token) => token.pos === "VERB" || token.pos === "AUX");
}

/** Nouns for a published piece that can report ("an article reporting that ..."), beside the document nouns. */
const PIECE_NOUNS = new Set(["article", "story", "stories", "articles", "broadcast", "editorial", "column", "edition", "dispatch", "headline"]);

/**
 * The document a reporting participle right after it belongs to ("the article in the Post
 * reporting that", "a new poll showing ..."), or null: the phrase before the participle must
 * have a document or piece noun in it, and no comma may stand between.
 */
function documentBefore(text: string, tokens: readonly Token[], index: number, floor: number): Phrase | null {
  const before = tokens[index - 1];
  if (!before || (before.pos !== "NOUN" && before.pos !== "PROPN")) return null;
  const phrase = nounPhraseBefore(text, tokens, index, floor);
  if (!phrase) return null;
  // "the article in the January edition of the Post": an "in" or "of" phrase may follow the piece.
  let start = tokens.indexOf(phrase.tokens[0] as Token);
  // A statement is left out: "Doe issued a statement saying ..." reports Doe's words, as before.
  const piece = (token: Token): boolean => token.pos === "NOUN" && (DOCUMENT_NOUNS.has(key(token)) || PIECE_NOUNS.has(key(token)));
  for (let hops = 0; hops < 2 && !phrase.tokens.some(piece) && /^(in|of)$/i.test(tokens[start - 1]?.text ?? ""); hops += 1) {
    const outer = nounPhraseBefore(text, tokens, start - 1, floor);
    if (!outer) break;
    start = tokens.indexOf(outer.tokens[0] as Token);
    if (outer.tokens.some(piece)) return phraseOf(text, tokens, start, index);
  }
  return phrase.tokens.some(piece) ? phrase : null;
}

/** "said at least 30 people ...", "said about 200 ...": a clause that opens with a quantity. */
function startsWithQuantity(tokens: readonly Token[], at: number): boolean {
  return [tokens[at + 1], tokens[at + 2]].some((token) => token?.pos === "NUM");
}

/** A time word that opens an adverbial ("said on Monday ..."), not a possessive subject ("said Monday’s toll ..."). */
function isTimeWord(tokens: readonly Token[], at: number): boolean {
  const word = (tokens[at] as Token).text;
  // "said this week ..." is a time; "said this could ..." has "this" for its subject.
  if (/^(this|last)$/i.test(word) && !WHEN.test(tokens[at + 1]?.text ?? "")) return false;
  if (!WHEN.test(word)) return false;
  // "said Saturday night's raid ...": a run of time words closed by a possessive is the subject's
  // modifier, not a time of the saying.
  let end = at + 1;
  while (end < at + 4 && WHEN.test(tokens[end]?.text ?? "")) end += 1;
  return !/^('s|’s)$/.test(tokens[end]?.text ?? "");
}

const WHEN = /^(on|late|early|last|this|earlier|later|yesterday|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|night|morning|afternoon|evening)$/i;

/**
 * Where the listener after "told" ends: a pronoun ("him"), a name ("Reuters", "The Associated
 * Press"), a plural noun ("reporters") or a determiner and nouns ("a news conference"), then an
 * optional place or manner ("in Quito", "by telephone"). -1 when none is there.
 */
function listenerEnd(tokens: readonly Token[], at: number): number {
  const first = tokens[at];
  if (!first) return -1;
  let end = at;
  if (first.pos === "PRON" && /^(me|him|her|us|them)$/i.test(first.text)) end = at + 1;
  else if (first.pos === "PROPN" || (first.text === "The" && tokens[at + 1]?.pos === "PROPN")) {
    end = at + 1;
    // "The Star-Ledger": a hyphen glued to the names on both sides is inside the name.
    const gluedHyphen = (index: number): boolean => /^[-–]$/.test(tokens[index]?.text ?? "") && tokens[index - 1]?.end === tokens[index]?.start && tokens[index + 1]?.start === tokens[index]?.end && tokens[index + 1]?.pos === "PROPN";
    while (tokens[end]?.pos === "PROPN" || gluedHyphen(end)) end += 1;
    // "told VOA Sierra Leoneans would ...": an outlet's acronym, then names and a finite verb:
    // the names after the acronym are the reported clause's subject, not the listener's name.
    const verb = tokens[end];
    if (end > at + 1 && /^\p{Lu}{2,5}$/u.test(first.text) && verb && (verb.pos === "AUX" || (verb.pos === "VERB" && !/ing$/i.test(verb.text)))) end = at + 1;
  } else if (first.pos === "NOUN") {
    // "told host Jo Doe she ...": a role noun, then the listener's name.
    end = at + 1;
    while (tokens[end]?.pos === "PROPN" && tokens[end + 1]?.pos !== "AUX" && !(tokens[end + 1]?.pos === "VERB" && !/ing$/i.test(tokens[end + 1]?.text ?? ""))) end += 1;
  }
  else if (first.pos === "ADJ" && (tokens[at + 1]?.pos === "NOUN" || tokens[at + 1]?.pos === "ADJ")) {
    // "told French media he ...", "told local reporters the ...": adjectives, then nouns.
    end = at + 1;
    while (tokens[end]?.pos === "ADJ") end += 1;
    if (tokens[end]?.pos !== "NOUN") return -1;
    while (tokens[end]?.pos === "NOUN") end += 1;
  } else if (first.pos === "DET") {
    end = at + 1;
    while (tokens[end]?.pos === "ADJ") end += 1;
    // "told the AP his firm ...": a name after the article is the listener too.
    if (tokens[end]?.pos !== "NOUN" && tokens[end]?.pos !== "PROPN") return -1;
    while (tokens[end]?.pos === "NOUN" || tokens[end]?.pos === "PROPN") end += 1;
  } else return -1;
  const preposition = tokens[end];
  const object = tokens[end + 1];
  // "told The Star-Ledger of Newark last week she ...": a place or manner after the listener.
  if (preposition && /^(in|at|by|from|of)$/i.test(preposition.text) && object && (object.pos === "PROPN" || object.pos === "NOUN")) end += 2;
  return end;
}

/**
 * Where a clause reported without "that" starts after the verb, past a time adverbial ("said
 * on Monday the country ..."), or -1 when what follows is not a clause.
 */
function bareClauseStart(tokens: readonly Token[], at: number): number {
  if (at < 0) return -1;
  // "says, however, the city will ...", "said, in a statement, the plan ...": an adverbial set off
  // by commas (no verb in it), then a clause with its subject and finite verb.
  if (tokens[at]?.text === ",") {
    const close = tokens.findIndex((token, index) => index > at + 1 && index <= at + 7 && token.text === ",");
    const aside = close > 0 ? tokens.slice(at + 1, close) : [];
    // "said, in doing so, the troops ...": a gerund right after the aside's preposition is no finite verb.
    const gerundAfterPreposition = (token: Token, at: number): boolean => at > 0 && /ing$/i.test(token.text) && aside[at - 1]?.pos === "ADP";
    const plain = aside.length > 0 && aside.every((token, at) => ((token.pos !== "VERB" && token.pos !== "AUX") || gerundAfterPreposition(token, at)) && token.pos !== "PUNCT" && /^[\p{L}\d'’.-]+$/u.test(token.text));
    if (plain && finiteClauseStart(tokens, close + 1) === close + 1) return close + 1;
    // "says, in the first round the party won ...": a comma, then a fronted phrase with no comma of its own.
    return frontedPhraseClause(tokens, at + 1) ? at + 1 : -1;
  }
  let start = at;
  // "said here the plan would fail": "here" (where the speaker spoke) is the saying's, when a
  // clause with its own subject and finite verb follows it ("said here is the plan" keeps it).
  if (/^here$/i.test(tokens[start]?.text ?? "")) {
    let after = start + 1;
    while (after < tokens.length && after < start + 5 && isTimeWord(tokens, after)) after += 1;
    if (finiteClauseStart(tokens, after) === after) start = after;
  }
  while (start < tokens.length && start < at + 4 && isTimeWord(tokens, start)) start += 1;
  const first = tokens[start];
  if (!first) return -1;
  // "tells VOA “dozens” of civilians were killed": a quotation mark, then words in lower case
  // that open a clause with its subject and finite verb; the quoted words are part of the report.
  if (OPENING_MARK.test(first.text) && /^\p{Ll}/u.test(tokens[start + 1]?.text ?? "") && finiteClauseStart(tokens, start + 1) === start + 1) return start;
  // "said if he were president, the program would ...": a condition or time clause opens the report.
  // "said if elected he would ...": an elliptical condition (a participle, no comma) opens it too.
  const elliptical = /^(if|when|once|unless|though|although)$/i.test(first.text) && tokens[start + 1]?.pos === "VERB" && /ed$/i.test(tokens[start + 1]?.text ?? "") && [2, 3, 4].some((offset) => finiteClauseStart(tokens, start + offset) === start + offset);
  const subordinate = elliptical || (/^(if|when|once|unless|while|although|though|because)$/i.test(first.text) && tokens.slice(start + 2, start + 20).some((token) => token.text === ","));
  // "says despite heavy losses, the rebels ...": a prepositional phrase, a comma, then the clause.
  const comma = tokens.findIndex((token, index) => index > start + 1 && index <= start + 8 && token.text === ",");
  // "says despite being a Stanford alumna, she ...": a gerund may stand inside the phrase.
  const gerundOnly = (token: Token): boolean => (token.pos === "VERB" || token.pos === "AUX") && /ing$/i.test(token.text) && /^(despite|after|before|since|without)$/i.test(first.text);
  const fronted = /^(despite|after|before|since|during|amid|with|without|in|under|for|like|unlike)$/i.test(first.text) && comma > 0 && !tokens.slice(start + 1, comma).some((token) => (token.pos === "VERB" || token.pos === "AUX") && !gerundOnly(token)) && finiteClauseStart(tokens, comma + 1) === comma + 1;
  if (fronted || frontedPhraseClause(tokens, start)) return start;
  // "said legalizing it could ...": a gerund subject, then a finite verb.
  // "said having Doe at the top of the ticket puts ...": a finite verb further on, after the gerund's object (no comma or other verb between).
  const gerundObject = (from: number): boolean => {
    for (let index = from; index < from + 12 && index < tokens.length; index += 1) {
      const token = tokens[index] as Token;
      if (token.pos === "PUNCT" || token.pos === "SCONJ" || token.pos === "PRON") return false;
      if (token.pos === "VERB" && !/(ing|ed|en)$/i.test(token.text) && /s$/i.test(token.text) && index > from + 1) return true;
    }
    return false;
  };
  const gerund = first.pos === "VERB" && /ing$/i.test(first.text) && (tokens.slice(start + 1, start + 6).some((token) => token.pos === "AUX") || gerundObject(start + 1));
  // "says targeted sanctions are not to blame": a past participle the tagger read as a verb
  // modifies the noun after it, when that noun and a finite verb make a clause.
  const participle = first.pos === "VERB" && /ed$/i.test(first.text) && tokens[start + 1]?.pos === "NOUN" && finiteClauseStart(tokens, start + 1) === start + 1;
  return CLAUSE_STARTS.has(first.pos) || subordinate || gerund || participle || startsWithQuantity(tokens, start) ? start : -1;
}

/**
 * Where a finite clause starts after a verb: a noun phrase or a subject pronoun, then a finite
 * verb ("the two countries will ...", "they looked forward ..."); -1 when none does.
 * `prepositions` (true unless told) lets the subject take a place or field after a noun and a
 * hyphenated name ("10 percent of the housing in Port-au-Prince"); false keeps the reading of
 * before the seventeenth pass, used where a longer subject would move a span's start.
 */
/** Prepositions of a place, time or occasion that may open a reported clause with no comma after their phrase. */
const FRONTING_PREPOSITIONS = /^(in|during|after|before|since|over|under|within|throughout|across|among)$/i;
/** Nouns of the medium a reporting verb's phrase names ("said in a statement the ..."): the saying's, not the clause's. */
const MEDIUM_NOUNS = /^(statement|statements|interview|interviews|speech|speeches|letter|letters|report|reports|release|briefing|conference|remarks|message|post|posts|tweet|broadcast|address|email|video|op-ed|column|article|testimony|hearing|meeting|call)$/i;

/**
 * "says in the first round the party won the south": a short prepositional phrase (a preposition,
 * then at most four words of a noun phrase, no comma) fronted before a clause with its own subject
 * and finite verb. Not a phrase naming the medium ("said in a statement the plan ..."), which is
 * the saying's.
 */
function frontedPhraseClause(tokens: readonly Token[], start: number): boolean {
  if (!FRONTING_PREPOSITIONS.test(tokens[start]?.text ?? "")) return false;
  for (let end = start + 2; end <= start + 5 && end < tokens.length; end += 1) {
    const last = tokens[end - 1] as Token;
    if (!["DET", "ADJ", "NOUN", "NUM", "PROPN"].includes(last.pos) || MEDIUM_NOUNS.test(last.text)) return false;
    if (!["NOUN", "NUM"].includes(last.pos) || !["DET", "PROPN", "PRON", "NOUN"].includes(tokens[end]?.pos ?? "")) continue;
    if (finiteClauseStart(tokens, end) === end) return true;
  }
  return false;
}

function finiteClauseStart(tokens: readonly Token[], at: number, prepositions = true): number {
  let index = at;
  while (index < tokens.length && index < at + 4 && isTimeWord(tokens, index)) index += 1;
  const start = index;
  // "claimed up to 200 civilians were killed", "said at least 20 ...": a quantity's modifier opens the subject.
  const modifier = /^(up|at|more|nearly|about|almost|over|some|around)$/i.test(tokens[index]?.text ?? "") ? (/^(to|least|than)$/i.test(tokens[index + 1]?.text ?? "") ? 2 : 1) : 0;
  if (modifier > 0 && tokens[index + modifier]?.pos === "NUM") index += modifier;
  // "conceded there have been delays": an existential "there" is the clause's subject.
  if (/^there$/i.test(tokens[start]?.text ?? "") && (tokens[start + 1]?.pos === "AUX" || tokens[start + 1]?.pos === "VERB")) return start;
  let nouns = 0;
  let reach = start + 10;
  while (index < tokens.length && index < reach) {
    const token = tokens[index] as Token;
    // "the surrounded rebel leadership": a participle between a determiner and a noun modifies it.
    const modifier = token.pos === "VERB" && /ed$/i.test(token.text) && tokens[index - 1]?.pos === "DET" && ["NOUN", "PROPN", "ADJ"].includes(tokens[index + 1]?.pos ?? "");
    // "10 percent of the housing in the capital has been destroyed": a place or field after a
    // noun of the subject (a determiner or a name after the preposition) belongs to it; the
    // subject may then run a few words longer.
    const inPhrase = prepositions && /^(in|at|on|from|for)$/i.test(token.text) && nouns > 0 && ["NOUN", "PROPN"].includes(tokens[index - 1]?.pos ?? "") && ["DET", "PROPN"].includes(tokens[index + 1]?.pos ?? "");
    if (inPhrase) reach = Math.max(reach, index + 10);
    // "Port-au-Prince": a hyphen glued to the words on both sides is inside a name.
    const hyphen = prepositions && /^[-–]$/.test(token.text) && tokens[index - 1]?.end === token.start && tokens[index + 1]?.start === token.end;
    // "it's as bad": a contracted "is" (tagged as an auxiliary) is the verb, not a possessive
    // (in the older reading too, which keeps "But, he added, it's ..." as one span).
    const possessive = /^('s|’s|')$/i.test(token.text) && (token.pos !== "AUX" || !prepositions);
    // "“dozens” of civilians were killed": a closing quotation mark after a word of the subject.
    const closingMark = prepositions && nouns > 0 && CLOSING_MARK.test(token.text) && tokens[index - 1]?.end === token.start;
    if (NOUN_PHRASE.has(token.pos) || modifier || inPhrase || hyphen || possessive || closingMark || /^(of|and)$/i.test(token.text)) {
      if (token.pos === "NOUN" || token.pos === "PROPN" || (token.pos === "PRON" && PERSONAL_SUBJECT_PRONOUNS.has(token.text.toLowerCase()))) nouns += 1;
      index += 1;
      continue;
    }
    break;
  }
  // "a city official quickly denied the claim": an adverb may stand between the subject and its verb.
  if (nouns > 0 && tokens[index]?.pos === "ADV" && /ly$/i.test(tokens[index]?.text ?? "") && tokens[index + 1]?.pos === "VERB") index += 1;
  const verb = tokens[index];
  if (nouns === 0 || !verb || !(verb.pos === "AUX" || verb.pos === "VERB") || /ing$/i.test(verb.text)) return -1;
  // A pronoun is a subject only alone ("they looked"), and an object pronoun is none; a possessive
  // opens a noun phrase ("his coalition could ...").
  if ((tokens[start] as Token).pos === "PRON" && index !== start + 1 && !(POSSESSIVES.test((tokens[start] as Token).text) && /^(NOUN|ADJ)$/.test(tokens[start + 1]?.pos ?? ""))) return -1;
  return start;
}
const NOUN_PHRASE = new Set(["DET", "ADJ", "NOUN", "PROPN", "NUM", "PRON"]);
/** Possessive determiners the tagger reads as pronouns ("his coalition"). */
const POSSESSIVES = /^(my|your|his|her|its|our|their)$/i;
/** A quotation mark that may open a quotation, as a token ('' is two apostrophes). */
const OPENING_MARK = /^(?:[“"]|'')$/;
/** A quotation mark that may close a quotation inside a clause's subject. */
const CLOSING_MARK = /^(?:[”"]|'')$/;

/** Words that stand alone for some of a group of people ("Some said ...", "Others say ...", "Another said ...": one more of them). */
const QUANTITY_PRONOUNS = /^(some|many|others|most|several|few|both|another|half)$/i;

/**
 * Where a quantity that is the verb's whole subject starts: "Others said", "About 4 in 10
 * say", "47% say", "Three in five said"; -1 when the subject is no such quantity. It must open the
 * clause (the sentence, or after a comma or a conjunction).
 */
function quantityStart(tokens: readonly Token[], verb: number, floor: number, anywhere = false): number {
  let end = verb;
  while (end - 1 >= floor && tokens[end - 1]?.pos === "ADV") end -= 1;
  const opens = (at: number): boolean => anywhere || at === floor || /^(,|;|:|and|but|while|yet)$/i.test(tokens[at - 1]?.text ?? "");
  // "about two-thirds, 67 percent, say": a share restated in figures between commas stands for the share before it.
  if (tokens[end - 1]?.text === "," && end - 4 > floor && /^(%|percent)$/i.test(tokens[end - 2]?.text ?? "") && tokens[end - 3]?.pos === "NUM" && tokens[end - 4]?.text === ",") end -= 4;
  // "47 percent of voters polled say", "half of those surveyed said": the quantity's "of" phrase
  // (a noun phrase, then perhaps a participle of the poll) is part of the subject.
  let of = end - 1;
  if (tokens[of]?.pos === "VERB" && /ed$/i.test(tokens[of]?.text ?? "")) of -= 1;
  while (of > floor && of >= end - 6 && ["NOUN", "PROPN", "ADJ", "DET", "PRON"].includes(tokens[of]?.pos ?? "") && key(tokens[of] as Token) !== "of") of -= 1;
  if (of > floor && of < end - 1 && key(tokens[of] as Token) === "of") end = of;
  const last = tokens[end - 1];
  if (!last) return -1;
  // "Almost half said", "more than half said": a modifier of the quantity opens the subject.
  const modified = (at: number): number => {
    if (at - 2 >= floor && /^(more|less|fewer|at)$/i.test(tokens[at - 2]?.text ?? "") && /^(than|least)$/i.test(tokens[at - 1]?.text ?? "")) return at - 2;
    return at - 1 >= floor && /^(about|nearly|almost|roughly|around|only|just|some|over|under)$/i.test(tokens[at - 1]?.text ?? "") ? at - 1 : at;
  };
  if (end - 1 >= floor && QUANTITY_PRONOUNS.test(last.text) && opens(modified(end - 1))) return modified(end - 1);
  // "Each side said", "Neither party says": one or none of the sides just named.
  if (end - 2 >= floor && /^(each|neither|either)$/i.test(tokens[end - 2]?.text ?? "") && last.pos === "NOUN" && opens(end - 2)) return end - 2;
  // "Those surveyed said", "those polled say": the people a poll asked.
  if (end - 2 >= floor && /^those$/i.test(tokens[end - 2]?.text ?? "") && /^(surveyed|polled|questioned|interviewed|asked)$/i.test(last.text) && opens(end - 2)) return end - 2;
  let start = -1;
  // "47% say", "47 percent say".
  if (/^(%|percent)$/i.test(last.text) && tokens[end - 2]?.pos === "NUM") start = end - 2;
  // "4 in 10 say", "three of five said", "nine out of 10 say".
  else if (last.pos === "NUM" && /^(in|of)$/i.test(tokens[end - 2]?.text ?? "") && tokens[end - 3]?.pos === "NUM") start = end - 3;
  else if (last.pos === "NUM" && /^of$/i.test(tokens[end - 2]?.text ?? "") && /^out$/i.test(tokens[end - 3]?.text ?? "") && tokens[end - 4]?.pos === "NUM") start = end - 4;
  // "Two-thirds said", "three-quarters say", "a third say", "a majority said", "majorities in all five states say".
  else if (/^(thirds?|quarters?|fifths?|tenths?|majority|majorities|plurality|minority)$/i.test(last.text)) {
    if (tokens[end - 2]?.text === "-" && (tokens[end - 2] as Token).start === (tokens[end - 3]?.end ?? -1) && tokens[end - 3]?.pos === "NUM") start = end - 3;
    else if (/^(a|one|two|three|four)$/i.test(tokens[end - 2]?.text ?? "")) start = end - 2;
    else if (/s$/i.test(last.text) && /^(majorities|minorities)$/i.test(last.text)) start = end - 1;
  }
  if (start < floor) return -1;
  start = modified(start);
  return opens(start) ? start : -1;
}
function quantitySubject(tokens: readonly Token[], verb: number, floor: number): boolean {
  return quantityStart(tokens, verb, floor) >= 0;
}

/** The unnamed source a quantity subject describes ("others", "about 4 in 10"). */
function quantitySource(walk: Walk, tokens: readonly Token[], verb: number, floor: number, anywhere = false): Resolved | null {
  let end = verb;
  while (end - 1 >= floor && tokens[end - 1]?.pos === "ADV") end -= 1;
  const start = quantityStart(tokens, verb, floor, anywhere);
  if (start < 0) return null;
  const phrase = phraseOf(walk.text, tokens, start, end);
  if (!phrase) return null;
  // "two-thirds, 67 percent,": the share restated in figures is no part of the description.
  const description = phrase.text.replace(/^\p{Lu}/u, (letter) => letter.toLowerCase()).replace(/\s*,\s*[\d.,]+\s*(?:%|percent)\s*,$/i, "");
  const source = walk.cast.addSource(description, key(phrase.tokens[phrase.tokens.length - 1] as Token), null, CONFIDENCE.reference);
  walk.cast.mentionSource(source, phrase, CONFIDENCE.reference);
  return { person: null, source, group: null, confidence: CONFIDENCE.reference, viaStatement: false };
}

/**
 * The person a speaker names earlier in the sentence of their own words that a "he"/"she" at
 * `subjectAt` goes on with ("I asked Tom Reed if I could go, and he said ..."): the nearest run of
 * names before the pronoun, not the speaker's own, of no other gender, a person already known or
 * a verb's object.
 */
function namedInOwnWords(walk: Walk, tokens: readonly Token[], floor: number, subjectAt: number, gender: "male" | "female", speaker: PersonEntry): Resolved | null {
  for (let end = subjectAt; end > floor; end -= 1) {
    if (tokens[end - 1]?.pos !== "PROPN" || !/^\p{Lu}/u.test(tokens[end - 1]?.text ?? "")) continue;
    let start = end - 1;
    while (start - 1 >= floor && tokens[start - 1]?.pos === "PROPN" && /^\p{Lu}/u.test(tokens[start - 1]?.text ?? "")) start -= 1;
    const phrase = phraseOf(walk.text, tokens, start, end);
    if (!phrase || start === floor) return null;
    const name = phrase.text;
    const own = speaker.name.split(/\s+/);
    if (name.split(/\s+/).some((word) => own.includes(word))) return null;
    const known = walk.cast.personNamed(name) ?? walk.cast.personBySurname(name);
    // An unknown name must be a verb's object ("asked Tom"), not a place ("in Paris").
    if (!known && tokens[start - 1]?.pos !== "VERB") return null;
    if ((known?.gender ?? gender) !== gender) return null;
    const person = known ?? walk.cast.addPerson(name, null, CONFIDENCE.ambiguousPronoun);
    person.gender ??= gender;
    walk.cast.mentionPerson(person, phrase, CONFIDENCE.reference);
    return { person, source: null, group: null, confidence: CONFIDENCE.ambiguousPronoun, viaStatement: false };
  }
  return null;
}

/**
 * "We welcome the government's leadership in announcing that it will ...", "the council's decision
 * in declaring that ...": a gerund after "in" or "by" that completes a noun with a possessor reports
 * for the possessor (the owner of the act), not for the sentence's subject. The possessor's noun
 * phrase, or null.
 */
function possessorOfGerund(text: string, tokens: readonly Token[], index: number, floor: number): Phrase | null {
  if (!/^(in|by)$/i.test(tokens[index - 1]?.text ?? "")) return null;
  // The possessed noun: one to three words (adjectives, nouns) right before the preposition.
  let at = index - 2;
  while (at > floor && index - 2 - at < 3 && ["NOUN", "ADJ"].includes(tokens[at]?.pos ?? "")) at -= 1;
  if (at === index - 2 || !/^(['’]s|['’])$/.test(tokens[at]?.text ?? "")) return null;
  return nounPhraseBefore(text, tokens, at, floor);
}

/**
 * The antecedent of "who" when the participle at `index` stands in its relative clause ("Doe, who
 * summoned the leaders on Monday saying ..."): no comma or other stop may come between "who" and
 * the participle (after one, the participle may go with the main clause), at most 15 words.
 */
function relativeAntecedent(text: string, tokens: readonly Token[], index: number, floor: number): Phrase | null {
  for (let at = index - 1; at > floor && at >= index - 15; at -= 1) {
    const word = tokens[at] as Token;
    if (/^[,;:.“”"—–]$/.test(word.text)) return null;
    if (/^who$/i.test(word.text)) {
      const end = tokens[at - 1]?.text === "," ? at - 1 : at;
      const antecedent = nounPhraseBefore(text, tokens, end, floor);
      return antecedent && antecedent.tokens.some((token) => token.pos === "PROPN" || token.pos === "NOUN") ? antecedent : null;
    }
  }
  return null;
}

/** "said that was ...": "that" right before a finite verb is a demonstrative subject. */
function finiteAfterThat(tokens: readonly Token[], that: number): boolean {
  const next = tokens[that + 1];
  return next !== undefined && (next.pos === "AUX" || (next.pos === "VERB" && !/ing$/i.test(next.text))) && !/^(is|are|was|were)$/i.test(tokens[that + 2]?.text ?? "");
}

/** "quoted X as saying": the index of "quoted" before the "as" at `as`, or -1. */
function quotedAs(tokens: readonly Token[], as: number, floor: number): number {
  for (let index = as - 1; index >= floor && index >= as - 8; index -= 1) {
    const word = key(tokens[index] as Token);
    if (/^(quoted|quotes|quoting|cited|cites|citing)$/.test(word)) return index;
    if (/^[,.;:]$/.test(word)) return -1;
  }
  return -1;
}

/** Options for reading one sentence. */
export interface SentenceOptions {
  /** Index of the first token of the story proper (after a dateline or a transcript label). */
  readonly floor: number;
  /** Index of the paragraph the sentence is in. */
  readonly paragraph: number;
  /** When the sentence is someone's own words (a briefing turn): "he" is not them. */
  readonly insideSpeaker: PersonEntry | null;
}

/** Records who issued each statement the sentence mentions ("Sarah Sanders released an official statement"). */
export function recordStatements(walk: Walk, sentence: Sentence, options: SentenceOptions): void {
  const tokens = sentence.tokens;
  tokens.forEach((token, index) => {
    if (index < options.floor || token.pos !== "NOUN" || !STATEMENT_NOUNS.has(key(token)) || isQuoted(walk, token)) return;
    const preposition = tokens[index + 1];
    const context = { text: walk.text, cast: walk.cast, insideSpeaker: options.insideSpeaker };
    let author: Resolved | null = null;
    if (preposition && /^(from|by)$/i.test(preposition.text)) {
      author = resolvePhrase(nounPhraseAfter(walk.text, tokens, index + 2, tokens.length), token.start, context);
    } else {
      // The subject of the verb nearest before the noun: "Sarah Sanders released an official statement".
      let verb = index - 1;
      while (verb >= options.floor && !((tokens[verb] as Token).pos === "VERB" && !isQuoted(walk, tokens[verb] as Token))) verb -= 1;
      // "In its statement Friday, the council said ...": no verb before the noun; the author is
      // the subject of the clause the opening phrase leads into.
      const opening = verb < options.floor && /^(its|his|her|their)$/i.test(key(tokens[index - 1] ?? token)) ? mainSubject(walk.text, tokens, index + 1, (word) => isQuoted(walk, word)) : null;
      const subject = opening ?? (verb >= options.floor ? nounPhraseBefore(walk.text, tokens, verb, options.floor) : null);
      if (subject && !subject.tokens.some((word) => STATEMENT_NOUNS.has(key(word)))) author = resolvePhrase(subject, subject.start, context);
    }
    if (author) recordStatement(author, token.start, walk.cast);
  });
}

/** Finds the indirect quotes of one sentence and records them. */
export function findIndirectSpeech(walk: Walk, sentence: Sentence, options: SentenceOptions): void {
  const tokens = sentence.tokens;
  readSentence(walk, tokens, options);
  walk.priorSentence = { paragraph: options.paragraph, tokens, floor: options.floor };
}

function readSentence(walk: Walk, tokens: readonly Token[], options: SentenceOptions): void {
  const context = { text: walk.text, cast: walk.cast, insideSpeaker: options.insideSpeaker };
  const quotedOut = (token: Token): boolean => isQuoted(walk, token);
  let lastInSentence: Resolved | null = null;
  tokens.forEach((token, index) => {
    if (index < options.floor || isQuoted(walk, token)) return;
    const word = key(token);
    if (word === "according" && key(tokens[index + 1] ?? token) === "to") {
      // "According to X, CLAUSE." names the source up to the comma; "CLAUSE, according to X."
      // up to the end of the sentence.
      let from = -1;
      let to = -1;
      let sourceEnd = -1;
      // "But according to X, CLAUSE", "In addition, according to X, CLAUSE": only connectives
      // before it, which are no part of the report.
      const connectives = tokens.slice(options.floor, index).every((candidate) => candidate.pos === "CCONJ" || candidate.text === "," || /^(however|still|yet|also|meanwhile|in|addition|moreover|and|but|so)$/i.test(candidate.text));
      // "Over the long term, according to X, the deficits will ...", "His criticism, according to X,
      // was ...": a parenthetical source inside a sentence whose words before it have no finite
      // verb; the report is the whole sentence around the attribution.
      const verbless = !connectives && tokens[index - 1]?.text === "," && !tokens.slice(options.floor, index).some((candidate) => (candidate.pos === "VERB" && !/ing$/i.test(candidate.text)) || candidate.pos === "AUX" || isQuoted(walk, candidate));
      const parentheticalEnd = connectives || verbless ? tokens.findIndex((candidate, at) => at > index + 2 && at <= index + 16 && candidate.text === ",") : -1;
      if (index === options.floor || (connectives && parentheticalEnd > 0)) {
        sourceEnd = tokens.findIndex((candidate, at) => at > index + 1 && candidate.text === ",");
        from = sourceEnd + 1;
        to = sourceEnd > 0 ? clauseEnd(walk, tokens, from) : -1;
      } else if (verbless && parentheticalEnd > 0 && parentheticalEnd + 2 < tokens.length) {
        sourceEnd = parentheticalEnd;
        from = options.floor;
        to = clauseEnd(walk, tokens, parentheticalEnd + 1);
      } else if (tokens[index - 1]?.text === "," || (index - options.floor >= 4 && isClause(tokens, options.floor, index, true))) {
        // "CLAUSE, according to X." / "CLAUSE according to a count by X, but ...".
        sourceEnd = clauseEnd(walk, tokens, index + 2);
        from = options.floor;
        to = tokens[index - 1]?.text === "," ? index - 1 : index;
      }
      const resolveSource = (end: number): Resolved | null => {
        // "according to the Harbor Association (HAPP)": the acronym in brackets is no part of the source's words.
        const bracket = tokens.findIndex((candidate, at) => at > index + 2 && at < end && candidate.text === "(");
        if (bracket > 0) end = bracket;
        const phrase = end > index + 2 ? phraseOf(walk.text, tokens, index + 2, end) : null;
        return phrase && end - index <= 16 ? (resolvePhrase(phrase, phrase.start, context) ?? documentSource(walk.cast, phrase, walk.text)) : null;
      };
      // The source may end at a comma before an appositive or another clause ("according to
      // Harborwatch, the largest tally by far", "according to a count by X, but ...").
      const comma = tokens.findIndex((candidate, at) => at > index + 2 && at < sourceEnd && candidate.text === ",");
      const whole = resolveSource(sourceEnd);
      const byComma = whole ?? (comma > 0 ? resolveSource(comma) : null);
      // "according to a publishing executive familiar with the talks", "according to early results
      // of the exit poll conducted by ...", "according to Harbor Pollster's polling average": the
      // source's own noun phrase, read without its modifiers, or an unnamed source it describes.
      const trimmed = byComma || sourceEnd <= index + 2 ? null : accordingSource(walk, tokens, index + 2, comma > 0 ? comma : sourceEnd, context);
      if (trimmed && !byComma) sourceEnd = trimmed.end;
      const resolved = byComma ?? trimmed?.resolved ?? null;
      if (!resolved) return;
      if (!whole && comma > 0 && !trimmed) sourceEnd = comma;
      const source = phraseOf(walk.text, tokens, index + 2, sourceEnd);
      if (!source) return;
      if (resolved && from >= 0 && isClause(tokens, from, to, from === options.floor)) {
        emit(walk, options.paragraph, tokens, from, to, resolved, "according to", { start: token.start, end: source.end }, walk.text.slice(source.start, source.end));
        lastInSentence = resolved;
      }
      return;
    }
    // The tagger may read "reports" after "There are" as a verb; the frame says it is the noun.
    if (/^(reports|claims|accounts)$/.test(word) && existentialFrame(tokens, index, options.floor) > 0) {
      const told = thereAreReports(walk, tokens, index, options);
      if (told) lastInSentence = told;
      return;
    }
    if (word === "know" && !walk.usedVerbs.has(token.start)) {
      const told = letKnow(walk, tokens, index, options, context);
      if (told) lastInSentence = told;
      return;
    }
    if (ACCUSING.test(word) && !walk.usedVerbs.has(token.start)) {
      const accuser = accusation(walk, tokens, index, options, context, lastInSentence);
      if (accuser) lastInSentence = accuser;
      return;
    }
    // "urged X to ...": read so when the pattern holds; "urged that ..." goes on below.
    if (URGING.test(word) && token.pos === "VERB" && !walk.usedVerbs.has(token.start) && key(tokens[index + 1] ?? token) !== "that") {
      const urger = accusation(walk, tokens, index, options, context, lastInSentence);
      if (urger) {
        lastInSentence = urger;
        return;
      }
    }
    if (ASKING.has(word) && isReportingVerb(tokens, index) && !walk.usedVerbs.has(token.start)) {
      const asked = askedQuestion(walk, tokens, index, options, context);
      if (asked) lastInSentence = asked;
      return;
    }
    // "Doe explained how the city would pay", "explained to reporters why ...": the explanation is
    // reported as an asked question is (a "that" clause goes on to the reporting verbs below).
    if (EXPLAINING.has(word) && token.pos === "VERB" && !walk.usedVerbs.has(token.start) && key(tokens[index + 1] ?? token) !== "that") {
      const explained = askedQuestion(walk, tokens, index, options, context);
      if (explained) {
        lastInSentence = explained;
        return;
      }
    }
    // "Doe made clear that ...", "Doe was clear that ...": "clear" stands for the verb, the subject is before the pair.
    // "Doe ... made clear the two nations stand together": after "make clear" a clause (a subject
    // and a finite verb) may follow with no "that"; "made clear her support" reports no clause.
    const madeClear =
      word === "clear" &&
      /^(made|make|makes|making|was|is|has been|had been|been)$/.test(key(tokens[index - 1] ?? token)) &&
      (/^(that|,)$/.test(key(tokens[index + 1] ?? token)) || (/^(made|make|makes|making)$/.test(key(tokens[index - 1] ?? token)) && finiteClauseStart(tokens, index + 1) === index + 1));
    // "an article in the Post reporting that ...": "reporting" reports only for a document before it
    // (elsewhere it is a correspondent's work: "reporting from Kabul").
    const documentReports = word === "reporting" && key(tokens[index + 1] ?? token) === "that" && documentBefore(walk.text, tokens, index, options.floor) !== null;
    // "Another said ...": one more of the people just described (the verb check reads "another" as an article).
    const anotherSaid = token.pos === "VERB" && REPORTING_VERBS.has(word) && /^another$/i.test(tokens[index - 1]?.text ?? "") && quantitySubject(tokens, index, options.floor);
    // "The military contends it is clearing ...": a verb that takes a reported clause reports one
    // whenever "that" or a subject and a finite verb follow it, in every form the list has.
    const takesClause = token.pos === "VERB" && CLAUSE_TAKING_VERBS.has(word) && (key(tokens[index + 1] ?? token) === "that" || finiteClauseStart(tokens, index + 1) === index + 1);
    if (!madeClear && !documentReports && (!(isReportingVerb(tokens, index) || nounReadVerb(tokens, index) || adjectiveReadVerb(tokens, index) || anotherSaid || takesClause) || QUOTE_ONLY_VERBS.has(word) || walk.usedVerbs.has(token.start))) return;
    // "spoke to her counterpart and made clear ...": "and" or "but" before the verb (or before "made" of "made clear").
    // "offered the man a job, then says ...", "and then said ...": "then" after a comma or "and" joins the verb to the clause's subject too.
    const before = index - (madeClear ? 2 : 1);
    const afterConjunction = /^(and|but)$/.test(key(tokens[before] ?? token)) || (key(tokens[before] ?? token) === "then" && /^(,|and|but)$/.test(key(tokens[before - 1] ?? token)));
    // "..., making clear that ...": the participle stands for the verb.
    // "Ukrainians are noting that ...": a progressive is a finite verb with its own subject.
    const progressive = !madeClear && /ing$/.test(word) && /^(is|are|was|were|am)$/i.test(tokens[index - 1]?.text ?? "");
    const gerund = !progressive && /ing$/.test(madeClear ? key(tokens[index - 1] ?? token) : word);
    // "went on to say that ...": the subject is the clause's, as after "and".
    const goesOn = key(tokens[index - 1] ?? token) === "to";
    let subject: Phrase | null = gerund || goesOn ? null : subjectBefore(walk.text, tokens, madeClear || progressive ? index - 1 : index, options.floor);
    // "an article in the Post reporting that ...", "a report saying that ...": a participle right
    // after a document (no comma) reports for that document, not for the clause's subject.
    if (gerund && !madeClear) subject = documentBefore(walk.text, tokens, index, options.floor);
    // "the vote, which witnesses said was rigged": the tagger may take "which" into the subject.
    const relativeWord = subject && subject.tokens.length > 1 && /^(which|who|whom)$/i.test((subject.tokens[0] as Token).text) ? (subject.tokens[0] as Token) : null;
    if (subject && relativeWord) {
      const at = tokens.indexOf(relativeWord);
      subject = phraseOf(walk.text, tokens, at + 1, at + subject.tokens.length);
    }
    // The host of a participle is the subject when it names a speaker ("a redacted copy of the memo seen by Reuters" names none; Reuters stays).
    const host = subject ? participleHost(walk.text, tokens, subject, options.floor) : null;
    let hostResolved: Resolved | null = null;
    if (host && subject) {
      // An unnamed source is described by the whole phrase, the participle and its complement
      // included ("many teachers polled by VOA around the capital", "initial reports spread by
      // local media"); a name or a body is still read from the host alone.
      const whole = phraseOf(walk.text, tokens, tokens.indexOf(host.tokens[0] as Token), tokens.indexOf(subject.tokens[subject.tokens.length - 1] as Token) + 1);
      const named = resolvePhrase(host, host.start, context);
      // "Officials traveling with the secretary": a group of people a present participle
      // describes is an unnamed source described by the whole phrase, as one found by no name.
      const afterHost = tokens[tokens.indexOf(host.tokens[host.tokens.length - 1] as Token) + 1];
      const describedGroup = named !== null && named.person === null && ((named.group !== null && !named.group.organization) || (named.source !== null && !named.source.organization)) && afterHost?.pos === "VERB" && /ing$/i.test(afterHost.text);
      const unnamed = !named || (named.person === null && named.group === null) || describedGroup;
      // "Initial reports spread by ...": documents read as a group of people are the documents' words.
      const documents = whole && named?.group && !named.group.organization && !describedGroup ? documentSource(walk.cast, whole, walk.text) : null;
      const described = describedGroup && whole ? describedByParticiple(walk, whole, host) : null;
      hostResolved = described ?? documents ?? (unnamed && whole ? (describedSpeaker(walk.cast, whole) ?? documentSource(walk.cast, whole, walk.text)) : null) ?? named ?? describedSpeaker(walk.cast, host);
      if (hostResolved) subject = host;
    }
    let resolved: Resolved | null = null;
    // "Another official, Col. Jo Doe, told reporters ...": a description, then the name set off by
    // commas right before the sentence's first verb, is the subject (not "CLAUSE, said X").
    const appositive = !subject && !gerund && !goesOn && !afterConjunction && tokens[index - 1]?.text === "," && firstVerb(walk, tokens, options.floor) === index ? appositiveSubject(walk, tokens, options.floor, context) : null;
    // "compared with four in 10 who said ...": a quantity of people before "who" is the speaker.
    const quantityWho = !subject && !gerund && key(tokens[index - 1] ?? token) === "who" && quantityStart(tokens, index - 1, options.floor, true) >= 0 ? quantitySource(walk, tokens, index - 1, options.floor, true) : null;
    const pronoun = subject && subject.tokens.length === 1 ? subject.text.toLowerCase() : null;
    // The body "it" stands for, found at most once (finding it records the body's mention).
    let itBody: Resolved | null = null;
    if (pronoun === "they") resolved = theyWhoSpeak(walk, tokens, subject as Phrase, token, options, context);
    else if ((pronoun === "i" || pronoun === "we") && options.insideSpeaker) {
      // "I said that ..." in a briefer's own turn or an author's statement: what they said before.
      // "We've made clear that ...": the briefer speaks for the office whose words they give.
      resolved = { person: options.insideSpeaker, source: null, group: null, confidence: CONFIDENCE.pronoun, viaStatement: false };
    } else if (pronoun === "it" && walk.previous?.resolved && !walk.previous.resolved.person && options.paragraph - walk.previous.paragraph <= 1) {
      // "The party said ... It says Mr. Doe had been campaigning": "it" goes on with the body or
      // document that spoke last, in this paragraph or the one before.
      resolved = { ...walk.previous.resolved, confidence: CONFIDENCE.pronoun };
    } else if (pronoun === "it" && (itBody = itsBody(walk, tokens, subject as Phrase, options.floor, context)) !== null) {
      // "North Korea withdrew from the treaty, and in May it announced ...": "it" after the
      // sentence's own subject, a body or country, is that body.
      resolved = itBody;
    } else if (pronoun !== null && FIRST_PERSON.test(pronoun)) return;
    else if (quantitySubject(tokens, index, options.floor)) resolved = quantitySource(walk, tokens, index, options.floor);
    // "Another official, Col. Jo Doe, told reporters ...": a description, then the name set off by
    // commas right before the verb.
    else if (appositive) resolved = appositive;
    else if (hostResolved) resolved = hostResolved;
    else if (quantityWho) resolved = quantityWho;
    // "The group's annual report released Thursday says ...": a document that reports, read when
    // no person, body or described source is found in the subject, is an unnamed source.
    else if (subject) resolved = resolvePhrase(subject, subject.start, { ...context, continuing: continuingSpeaker(walk, word) }) ?? describedSpeaker(walk.cast, subject) ?? documentSource(walk.cast, subject, walk.text);
    else if (gerund && key(tokens[index - 1] ?? token) === "as" && quotedAs(tokens, index - 1, options.floor) > 0) {
      // "The Herald quoted spokesman Jo Doe as saying ...": the speaker is the one quoted.
      const quoted = quotedAs(tokens, index - 1, options.floor);
      subject = phraseOf(walk.text, tokens, quoted + 1, index - 1);
      resolved = subject ? (resolvePhrase(subject, subject.start, context) ?? describedSpeaker(walk.cast, subject)) : null;
    } else if (gerund || goesOn || afterConjunction) {
      // "Doe delayed the ruling but said ...": the verb shares the clause's subject.
      // "... could not reach Doe, who summoned the leaders saying ...": a participle inside a
      // relative clause shares the relative pronoun's antecedent, not the sentence's subject.
      const antecedent = gerund ? (possessorOfGerund(walk.text, tokens, index, options.floor) ?? relativeAntecedent(walk.text, tokens, index, options.floor)) : null;
      const byAntecedent = antecedent ? (resolvePhrase(antecedent, antecedent.start, context) ?? describedSpeaker(walk.cast, antecedent)) : null;
      const main = lastInSentence || byAntecedent ? null : mainSubject(walk.text, tokens, options.floor, quotedOut);
      resolved = byAntecedent ?? lastInSentence ?? resolvePhrase(main, token.start, context) ?? appositiveSubject(walk, tokens, options.floor, context) ?? (main && (gerund || afterConjunction) ? describedSpeaker(walk.cast, main) : null);
    }
    // "I asked Tom if I could ..., and he said ...": in a speaker's own words, "he"/"she" that finds
    // no one else is the person the speaker just named in the same sentence.
    if ((pronoun === "he" || pronoun === "she") && options.insideSpeaker && (!resolved || resolved.person === options.insideSpeaker)) {
      const named = namedInOwnWords(walk, tokens, options.floor, tokens.findIndex((candidate) => candidate.start === subject?.start), pronoun === "he" ? "male" : "female", options.insideSpeaker);
      if (named) resolved = named;
    }
    let from = -1;
    let to = -1;
    let fronted = false;
    const that = tokens.findIndex((candidate, at) => at > index && at <= index + 20 && key(candidate) === "that");
    // 'told "Hello Radio" listeners that ...': a show's name in quotation marks (a short run of capitalized words) is no clause.
    const between = that > 0 ? withoutQuotedTitles(tokens.slice(index + 1, that)) : [];
    const next = tokens[index + 1];
    // Between the verb and "that" only its objects and adverbials, and participles of the
    // medium ("in a statement carried by state media that ...").
    // A participle glued by a hyphen ("a U.S.-hosted event") is a modifier, not a verb.
    // A capitalized "verb" before a name is a word of that name ("The Associated Press").
    // ("The Associated Press"), and one after "of", an article or a name is a place's ("newspaper of Charleston").
    const inName = (candidate: Token, at: number): boolean => /^\p{Lu}/u.test(candidate.text) && (between[at + 1]?.pos === "PROPN" || ["ADP", "DET", "PROPN"].includes(between[at - 1]?.pos ?? ""));
    const finite = (candidate: Token, at: number): boolean =>
      (candidate.pos === "VERB" && key(between[at + 1] ?? candidate) !== "by" && !inName(candidate, at) && !(at > 0 && /^[-–]$/.test((between[at - 1] as Token).text) && (between[at - 1] as Token).end === candidate.start)) ||
      candidate.pos === "AUX" ||
      /^([.;“"]|'')$/.test(candidate.text);
    const relative = subject ? tokens[tokens.findIndex((candidate) => candidate.start === subject?.start) - 1] : undefined;
    // "CLAUSE, said Omar Fadel, ...": no subject before a verb that follows a comma means the
    // speaker comes after it and the report before it (the last reading below).
    const inverted = !subject && !appositive && !gerund && tokens[index - 1]?.text === "," && key(tokens[index + 1] ?? token) !== "that" && !quantitySubject(tokens, index, options.floor);
    // "said the raids that led to the arrests took place ...": a "that" whose clause opens with a
    // verb is a relative pronoun inside the reported clause, not the conjunction.
    // A gerund after it ("that fighting took place") is the reported clause's subject.
    const relativeThat = that > 0 && ((tokens[that + 1]?.pos === "VERB" && !/ing$/i.test(tokens[that + 1]?.text ?? "")) || tokens[that + 1]?.pos === "AUX") && (tokens[that - 1]?.pos === "NOUN" || tokens[that - 1]?.pos === "PROPN");
    // "Doe emphasized the two countries will ...": a verb that reports a clause, with no "that",
    // when a subject and a finite verb follow it ("Doe confirmed the arrests" reports a fact).
    const bareFinite = !inverted && !BARE_CLAUSE_VERBS.has(word) && (CLAUSE_TAKING_VERBS.has(word) || madeClear) && (that < 0 || relativeThat) ? finiteClauseStart(tokens, index + 1) : -1;
    // "As Secretary Doe said, we will ...": the clause after the comma is the one reported.
    const subjectAt = subject ? tokens.findIndex((candidate) => candidate.start === subject?.start) : -1;
    const asBefore = subjectAt > options.floor - 1 && key(tokens[subjectAt - 1] ?? token) === "as" && (subjectAt - 1 === options.floor || tokens[subjectAt - 2]?.pos === "CCONJ" || tokens[subjectAt - 2]?.text === ",");
    // "As the Secretary said in a statement earlier today, ...": the medium and time may stand before the comma.
    const asComma = asBefore ? tokens.findIndex((candidate, at) => at > index && at <= index + 14 && candidate.text === ",") : -1;
    if (asComma > 0 && !tokens.slice(index + 1, asComma).some((candidate) => candidate.pos === "VERB" || candidate.pos === "AUX")) {
      from = asComma + 1;
      to = clauseEnd(walk, tokens, from);
    } else if (!inverted && that === index + 1 && finiteAfterThat(tokens, that)) {
      // "said that was a mistake": "that" is the clause's subject, not its conjunction.
      from = that;
      to = clauseEnd(walk, tokens, from);
    } else if (!inverted && that > 0 && !relativeThat && !between.some(finite)) {
      from = that + 1;
      to = clauseEnd(walk, tokens, from);
    } else if (bareFinite > 0) {
      from = bareFinite;
      to = clauseEnd(walk, tokens, from);
    } else if (!inverted && subject && correspondentComma(tokens, index) > 0) {
      // "Jane Doe reports from Colombo, a peace mission arrived ...".
      from = correspondentComma(tokens, index) + 1;
      to = clauseEnd(walk, tokens, from);
    } else if (
      !inverted &&
      BARE_CLAUSE_VERBS.has(word) &&
      bareClauseStart(tokens, TELL.test(word) ? listenerEnd(tokens, index + 1) : index + 1) > 0 &&
      (bareClause(walk, tokens, TELL.test(word) ? listenerEnd(tokens, index + 1) : index + 1) !== null || (!TELL.test(word) && !adverbsToTheEnd(tokens, index + 1)))
    ) {
      // "..., a senior official said here today.": only adverbs and times after the verb ("here"
      // may open a clause) make no clause of their own; the trailing reading below takes the
      // sentence. An object after it ("the mayor said no") still reports nothing.
      from = bareClauseStart(tokens, TELL.test(word) ? listenerEnd(tokens, index + 1) : index + 1);
      to = clauseEnd(walk, tokens, from);
    } else if (!inverted && subject && next?.text === "," && BARE_CLAUSE_VERBS.has(word) && !TELL.test(word) && opensTheSentence(tokens, subjectAt, options.floor) && clauseAfterComma(walk, tokens, index + 2)) {
      // "And he says, if elections were held the party would lose", "Doe said, the talks will go on":
      // an attribution that opens the sentence, a comma, then the clause it reports (no quotation).
      from = index + 2;
      to = clauseEnd(walk, tokens, from);
    } else if (!inverted && relative && (/^(who|which|that|what)$/i.test(relative.text) || contactRelative(tokens, relative, subject, next)) && next && next.pos !== "DET" && next.pos !== "PUNCT") {
      // "protesters who they said had set fire to buses": what the relative clause reports.
      // "protested what they say are unfair prices": a free relative reports the same way.
      from = index + 1;
      to = clauseEnd(walk, tokens, from);
      fronted = true;
    } else {
      // "CLAUSE, a senior official told The Wall Street Journal on Friday." / "CLAUSE, said X."
      // Up to the next comma: ", medics said, as fighting intensified" keeps its subordinate clause.
      const restEnd = tokens.findIndex((candidate, at) => at > index && candidate.text === ",");
      const rest = tokens.slice(index + 1, restEnd < 0 ? tokens.length : restEnd);
      // "said in a statement summarizing the meeting": a participle right after a noun modifies it
      // (the medium), and is no verb of a clause of its own.
      const modifier = (candidate: Token, at: number): boolean => candidate.pos === "VERB" && /(ing|ed)$/i.test(candidate.text) && rest[at - 1]?.pos === "NOUN";
      const restIsAdverbial = !rest.some((candidate, at) => ((candidate.pos === "VERB" && !modifier(candidate, at)) || candidate.pos === "AUX" || key(candidate) === "that" || isQuoted(walk, candidate)));
      // "Reacting to the ruling, Doe said, “...”": the verb introduces the quotation after it, and
      // an opening participle or prepositional phrase before it is no report.
      const after = tokens[restEnd + 1];
      const opening = tokens[options.floor];
      const openingPhrase = opening !== undefined && ((opening.pos === "VERB" && /ing$/i.test(opening.text)) || opening.pos === "ADP");
      const introducesQuote = openingPhrase && restEnd === index + 1 && after !== undefined && (isQuoted(walk, after) || /^[“"]$/.test(after.text));
      const subjectStart = subject ? tokens.findIndex((candidate) => candidate.start === subject?.start) : index;
      // "CLAUSE ... skills “that are essential,” the general said.": a partial quotation that closes
      // the clause with its comma inside the marks; the report runs up to that comma.
      const closedPartial = /^[”"]$/.test(tokens[subjectStart - 1]?.text ?? "") && tokens[subjectStart - 2]?.text === "," && isQuoted(walk, tokens[subjectStart - 2] as Token) && !isQuoted(walk, tokens[options.floor] as Token) && !/^[“"]$/.test(tokens[options.floor]?.text ?? "");
      const comma = closedPartial ? subjectStart - 2 : subjectStart - 1;
      // The clause ends before the quotation's opening mark when it is a clause without it (the
      // partial quotation is its own quote), else it keeps the quoted words.
      const openMark = closedPartial ? tokens.findLastIndex((candidate, at) => at < comma && at > options.floor && /^[“"]$/.test(candidate.text)) : -1;
      if (restIsAdverbial && !introducesQuote && comma >= options.floor && tokens[comma]?.text === ",") {
        from = options.floor;
        const clauseBeforeMark = openMark > options.floor && ["NOUN", "PROPN", "NUM"].includes(tokens[openMark - 1]?.pos ?? "") && isClause(tokens, options.floor, openMark, true);
        to = clauseBeforeMark ? openMark : closedPartial ? comma + 2 : comma;
        // "The plan, he said, would cost ...": a parenthetical attribution inside the clause; the
        // report runs on past it (its words are kept in, as one span).
        // "..., the executive told The Washington Post, Fiorina would ...": the listener may stand before the comma.
        const listened = TELL.test(word) && listenerEnd(tokens, index + 1) === restEnd;
        // "If that is the case, he says, the board could ...": after an opening subordinate clause
        // the main clause after the attribution is reported too, with the condition it depends on.
        const subordinateOpening = /^(if|when|unless|once|although|though|because|since)$/i.test(tokens[from]?.text ?? "");
        if ((restEnd === index + 1 || listened) && subject && (!isClause(tokens, from, to, true) || subordinateOpening)) {
          // "Rather, he said, the city would borrow": after an opening adverbial, the clause after the attribution is reported.
          // (Without a prepositional phrase in its subject: a longer clause after the attribution
          // keeps the opening phrase with it, as PolNeAR's spans do: "Like X, he said, Y's jabs at Z were ...".)
          const clauseAfter = finiteClauseStart(tokens, restEnd + 1, false) === restEnd + 1;
          // An opening condition stays with the main clause it belongs to (one span across the attribution).
          if (clauseAfter && !subordinateOpening) from = restEnd + 1;
          if (clauseAfter || isClause(tokens, restEnd + 1, clauseEnd(walk, tokens, restEnd + 1), true)) to = clauseEnd(walk, tokens, restEnd + 1);
        }
        if (!subject) {
          subject = nounPhraseAfter(walk.text, tokens, index + 1, tokens.length);
          resolved = resolvePhrase(subject, token.start, context) ?? (subject ? describedSpeaker(walk.cast, subject) : null);
        }
      }
    }
    if (!resolved || from < 0 || !isClause(tokens, from, to, fronted || from === options.floor)) return;
    // "The rule is clear that ...": only someone who speaks makes a thing clear.
    const speaks = resolved.person !== null || resolved.group?.organization != null || (resolved.source !== null && (SOURCE_HEADS.has(resolved.source.head) || ROLE_NOUNS.has(resolved.source.head)));
    if (madeClear && !speaks) return;
    const attribution = subject ? { start: Math.min(subject.start, token.start), end: Math.max(subject.end, token.end) } : { start: token.start, end: token.end };
    const cues = walk.text.slice(token.start, (tokens[Math.max(from - 1, index)] as Token).end);
    const verb = madeClear ? `${key(tokens[index - 1] as Token)} clear` : word;
    emit(walk, options.paragraph, tokens, from, to, resolved, madeClear ? `${key(tokens[index - 1] as Token)} clear` : word, attribution, cues);
    lastInSentence = resolved;
  });
}

/** Whether only adverbs and time words ("here today", "again on Friday") follow `at` to the sentence's end. */
function adverbsToTheEnd(tokens: readonly Token[], at: number): boolean {
  let index = at;
  while (index < tokens.length && (tokens[index]?.pos === "ADV" || isTimeWord(tokens, index))) index += 1;
  return index > at && tokens.slice(index).every((token) => /^[.!?]$/.test(token.text));
}

/** The body or country that is the sentence's subject before "it" (no person, no pronoun). */
function itsBody(walk: Walk, tokens: readonly Token[], subject: Phrase, floor: number, context: ResolveContext): Resolved | null {
  const main = mainSubject(walk.text, tokens, floor, (candidate) => isQuoted(walk, candidate));
  if (!main || main.start >= subject.start || (main.tokens.length === 1 && (main.tokens[0] as Token).pos === "PRON")) return null;
  const resolved = resolvePhrase(main, main.start, context);
  return resolved && resolved.person === null && (resolved.group?.organization || resolved.source?.organization) ? { ...resolved, confidence: CONFIDENCE.pronoun } : null;
}

/** Whether the subject at `subjectAt` opens the sentence, perhaps after a conjunction ("And he says, ..."). */
function opensTheSentence(tokens: readonly Token[], subjectAt: number, floor: number): boolean {
  return subjectAt === floor || (subjectAt === floor + 1 && (tokens[floor]?.pos === "CCONJ" || /^(also|then|still|now)$/i.test(tokens[floor]?.text ?? "")));
}

/** A reported clause right after a comma at `at`: a condition ("if ..., X would") or a subject and a finite verb, unquoted. */
const CONDITION_OPENERS = /^(if|unless|once|when)$/i;
function clauseAfterComma(walk: Walk, tokens: readonly Token[], at: number): boolean {
  const first = tokens[at];
  if (!first || isQuoted(walk, first) || OPENING_MARK.test(first.text)) return false;
  return CONDITION_OPENERS.test(first.text) || finiteClauseStart(tokens, at, false) === at;
}

/**
 * Who "they" is as the subject of a reporting verb at `token`.
 * "Police fired tear gas at protesters who they said had set fire to buses": "they" is the
 * sentence's subject when that is a body of people, else the last speaking group.
 * "Aid officials say ... They say ...": "they" opening a sentence goes on with the group or
 * unnamed source who spoke last in the same paragraph.
 */
function theyWhoSpeak(walk: Walk, tokens: readonly Token[], subject: Phrase, token: Token, options: SentenceOptions, context: ResolveContext): Resolved | null {
  const main = mainSubject(walk.text, tokens, options.floor, (candidate) => isQuoted(walk, candidate));
  const group = main && main.start < subject.start && main.text.toLowerCase() !== "they" ? resolvePhrase(main, main.start, context) : null;
  const previous = walk.previous?.resolved;
  const spokeLast = previous && previous.person === null && (previous.group !== null || previous.source !== null) && walk.previous?.paragraph === options.paragraph && subject.start === tokens[options.floor]?.start ? previous : null;
  const last = spokeLast ? null : walk.cast.groups.filter((entry) => entry.start < token.start).pop();
  const resolved = group?.group || group?.source ? group : spokeLast ? spokeLast : last ? { person: null, source: null, group: last, confidence: CONFIDENCE.ambiguousPronoun, viaStatement: false } : null;
  if (resolved) return { ...resolved, confidence: CONFIDENCE.ambiguousPronoun };
  // "Opposition supporters clashed with the police. They accuse the authorities of ...": "they"
  // opening a sentence, with no group that spoke before, is the plural subject of the sentence
  // before it in the same paragraph, an unnamed source described by that subject's words.
  const before = walk.priorSentence;
  if (!before || before.paragraph !== options.paragraph || subject.start !== tokens[options.floor]?.start) return null;
  const prior = mainSubject(walk.text, before.tokens, before.floor, (candidate) => isQuoted(walk, candidate));
  const head = prior ? headOf(prior) : undefined;
  if (!prior || !head || (head.pos !== "NOUN" && !(head.pos === "PROPN" && head === prior.tokens[0])) || !/[^s]s$/i.test(head.text) || prior.tokens.length > 12 || prior.tokens.some((token) => token.pos === "PRON")) return null;
  const described = describedSpeaker(walk.cast, prior);
  if (described) return { ...described, confidence: CONFIDENCE.ambiguousPronoun };
  const description = prior.text.replace(/^\p{Lu}/u, (letter) => (/^(The|A|An)\b/.test(prior.text) ? letter.toLowerCase() : letter));
  return { person: null, source: walk.cast.addSource(description, key(head), null, CONFIDENCE.ambiguousPronoun), group: null, confidence: CONFIDENCE.ambiguousPronoun, viaStatement: false };
}


/**
 * "The party's spokesman, Jo Doe, welcomed the vote and predicted ...": when the sentence's subject
 * is a description with a name in apposition, the name between the commas before the first verb.
 */
function appositiveSubject(walk: Walk, tokens: readonly Token[], floor: number, context: ResolveContext): Resolved | null {
  const verb = firstVerb(walk, tokens, floor);
  if (verb < 2 || tokens[verb - 1]?.text !== ",") return null;
  const name = nounPhraseBefore(walk.text, tokens, verb - 1, floor);
  if (!name || !/^\p{Lu}/u.test(name.text) || tokens[tokens.indexOf(name.tokens[0] as Token) - 1]?.text !== ",") return null;
  const resolved = resolvePhrase(name, name.start, context);
  return resolved?.person ? resolved : null;
}

/**
 * The bare clause (no "that") after "told" and its listener, as [from, to], when it is a clause:
 * "told reporters on Sept. 24, 2008." or "told VOA on the condition of anonymity." reports no
 * clause after the verb (the report, if any, is the clause before it). Only after "tell": "Asked
 * if ..., the mayor said no." still reports no clause before the verb.
 */
function bareClause(walk: Walk, tokens: readonly Token[], at: number): [number, number] | null {
  const from = bareClauseStart(tokens, at);
  if (from <= 0) return null;
  const to = clauseEnd(walk, tokens, from);
  return isClause(tokens, from, to, false) ? [from, to] : null;
}

/** The index of the sentence's first verb outside quotation marks, or -1. */
function firstVerb(walk: Walk, tokens: readonly Token[], floor: number): number {
  return tokens.findIndex((candidate, at) => at >= floor && !isQuoted(walk, candidate) && (candidate.pos === "VERB" || candidate.pos === "AUX"));
}

/** The tokens without any quoted name of a show, book or slogan: at most six capitalized words between quotation marks. */
function withoutQuotedTitles(tokens: readonly Token[]): Token[] {
  const kept: Token[] = [];
  for (let at = 0; at < tokens.length; at += 1) {
    const token = tokens[at] as Token;
    if (/^[“"]$/.test(token.text)) {
      const close = tokens.findIndex((candidate, later) => later > at && later <= at + 7 && /^[”"]$/.test(candidate.text));
      if (close > at + 1 && tokens.slice(at + 1, close).every((word) => /^[\p{Lu}\d]/u.test(word.text))) {
        at = close;
        continue;
      }
    }
    kept.push(token);
  }
  return kept;
}

/**
 * "Police report the fire killed three", "Officials claim the ships arrived": after a plural
 * subject the tagger reads a present-tense reporting verb as the head of a noun compound ("police
 * report"). It is the verb when a name or a plural noun stands before it and a finite clause
 * opens right after it.
 */
function nounReadVerb(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  const before = tokens[index - 1];
  if (!token || !before || token.pos !== "NOUN" || !REPORTING_VERBS.has(key(token)) || /(?:ing|ed)$/.test(key(token))) return false;
  // "VOA's Jane Doe reports from Kabul that ...", "As Jane Doe reports from Nairobi, ...": a
  // correspondent's verb after the name, with a clause after the place (a credit line alone,
  // "reports from Kabul.", reports nothing).
  // "Jane Doe reports for VOA from Geneva that ...": the outlet may come before the place.
  if (before.pos === "PROPN" && /^(from|for)$/.test(key(tokens[index + 1] ?? token))) {
    const after = tokens.slice(index + 2, index + 12);
    const that = after.findIndex((word) => key(word) === "that");
    const comma = after.findIndex((word) => word.text === ",");
    const opensWithAs = tokens.slice(0, index).some((word, at) => at === 0 && key(word) === "as");
    return that >= 0 || (opensWithAs && comma >= 0) || correspondentComma(tokens, index) > 0;
  }
  // "4 in 10 say", "47% say": a quantity of people is plural too.
  // "Some say it is ...": a quantity pronoun that opens the clause stands for people.
  const plural = quantitySubject(tokens, index, 0) || before.pos === "PROPN" || before.pos === "NUM" || /^(%|percent)$/.test(before.text) || (before.pos === "NOUN" && (/[^s]s$/.test(key(before)) || /^(police|people|spokespeople)$/.test(key(before))));
  // "Saudi state media that it had ...": a relative pronoun after the nouns that follow makes them the verb-noun's compound, not a clause.
  let after = index + 1;
  while (tokens[after] && ["DET", "ADJ", "NOUN", "PROPN"].includes((tokens[after] as Token).pos)) after += 1;
  if (after > index + 1 && /^(that|which|who)$/i.test(tokens[after]?.text ?? "")) return false;
  return plural && finiteClauseStart(tokens, index + 1) === index + 1;
}

/**
 * "Jane Doe reports from Colombo, a peace mission arrived ...": a correspondent's verb, "from"
 * and a place (names only), then a comma and a finite clause, which is the report. The index of
 * the comma, or -1 (a credit line, "reports from Kabul.", reports nothing).
 */
function correspondentComma(tokens: readonly Token[], index: number): number {
  if (key(tokens[index + 1] ?? (tokens[index] as Token)) !== "from") return -1;
  let at = index + 2;
  while (at < index + 7 && tokens[at]?.pos === "PROPN") at += 1;
  return at > index + 2 && tokens[at]?.text === "," && finiteClauseStart(tokens, at + 1) === at + 1 ? at : -1;
}

/**
 * "President Roe informed the Governor that ...": the tagger may read a past-tense reporting verb
 * as an adjective. It is the verb when a name or a noun stands right before it and "that" follows
 * within its object (a listener of at most five words, no verb of its own).
 */
function adjectiveReadVerb(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  const before = tokens[index - 1];
  if (!token || !before || token.pos !== "ADJ" || !/ed$/.test(key(token)) || !REPORTING_VERBS.has(key(token)) || !["PROPN", "NOUN"].includes(before.pos)) return false;
  for (let at = index + 1; at <= index + 6 && at < tokens.length; at += 1) {
    const word = tokens[at] as Token;
    if (key(word) === "that") return at > index + 1;
    if (!["DET", "PROPN", "NOUN", "ADJ", "PRON"].includes(word.pos)) return false;
  }
  return false;
}

/** An unnamed source described by a group's noun phrase and the participle phrase after it ("officials traveling with Doe"). */
function describedByParticiple(walk: Walk, whole: Phrase, host: Phrase): Resolved | null {
  const head = host.tokens[host.tokens.length - 1];
  if (!head || whole.tokens.length > 10) return null;
  const description = whole.text.replace(/^(A|An|The)(?=\s)/, (word) => word.toLowerCase());
  const source = walk.cast.addSource(description, key(head), null, CONFIDENCE.reference);
  walk.cast.mentionSource(source, whole, CONFIDENCE.reference);
  return { person: null, source, group: null, confidence: CONFIDENCE.reference, viaStatement: false };
}

/**
 * "A police officer assigned to the unit said ...", "Early reports spread by local media said
 * ...": a past participle and its complement between a noun phrase and the verb modify that noun
 * phrase, which is the subject (the phrase read right before the verb is the participle's object).
 * A prepositional phrase after the head stays in ("an officer in the border unit assigned to ...").
 */
function participleHost(text: string, tokens: readonly Token[], subject: Phrase, floor: number): Phrase | null {
  const start = tokens.indexOf(subject.tokens[0] as Token);
  for (let at = start - 1; at > floor && at >= start - 8; at -= 1) {
    const token = tokens[at] as Token;
    if (!PARTICIPLE_SPAN.has(token.pos)) return null;
    const complement = tokens[at + 1];
    // The participle ("assigned", "released") or a verb the tagger took for a noun before an agent ("spread by").
    // An irregular participle ("spread", "put", "held") is one when its agent follows ("spread by").
    // A present participle too ("Officials traveling with the secretary said ...").
    const participle = (token.pos === "VERB" && (/(?:ed|en|wn|ing)$/i.test(token.text) || key(complement ?? token) === "by")) || (token.pos === "NOUN" && key(complement ?? token) === "by");
    if (!participle || !complement || !/^(by|to|in|at|from|for|with|on|under|near|around|outside|inside|across)$/i.test(complement.text)) continue;
    let end = at;
    while (end - 1 > floor && tokens[end - 1]?.pos === "ADV") end -= 1;
    if (!["NOUN", "PROPN"].includes(tokens[end - 1]?.pos ?? "")) continue;
    const host = nounPhraseBefore(text, tokens, end, floor);
    if (!host) return null;
    const hostStart = tokens.indexOf(host.tokens[0] as Token);
    // "an officer in the border unit": the head before the preposition is the one meant.
    if (/^(in|of|at|with|from)$/i.test(tokens[hostStart - 1]?.text ?? "") && hostStart - 1 > floor) {
      const outer = nounPhraseBefore(text, tokens, hostStart - 1, floor);
      if (outer) return phraseOf(text, tokens, tokens.indexOf(outer.tokens[0] as Token), end);
    }
    return phraseOf(text, tokens, hostStart, end);
  }
  return null;
}
const PARTICIPLE_SPAN = new Set(["ADP", "PART", "DET", "ADJ", "NOUN", "PROPN", "ADV", "VERB", "NUM", "CCONJ"]);

/**
 * "Doe let Roe know that CLAUSE", "... called Roe to let him know that CLAUSE": the clause is
 * what the subject of "let" told the listener. Only a listener (a name, a pronoun, a noun phrase)
 * may stand between "let" and "know".
 */
function letKnow(walk: Walk, tokens: readonly Token[], index: number, options: SentenceOptions, context: ResolveContext): Resolved | null {
  if (key(tokens[index + 1] ?? (tokens[index] as Token)) !== "that") return null;
  let at = index - 1;
  while (at > index - 7 && at >= options.floor && NOUN_PHRASE.has((tokens[at] as Token).pos) && !/^(let|lets|letting)$/i.test((tokens[at] as Token).text)) at -= 1;
  if (at === index - 1 || at < options.floor || !/^(let|lets|letting)$/i.test((tokens[at] as Token).text)) return null;
  const from = index + 2;
  const to = clauseEnd(walk, tokens, from);
  if (finiteClauseStart(tokens, from) !== from || !isClause(tokens, from, to)) return null;
  // "to let him know": the subject is the clause's, before the verb "to" follows.
  const subject = key(tokens[at - 1] ?? (tokens[at] as Token)) === "to" ? mainSubject(walk.text, tokens, options.floor, (word) => isQuoted(walk, word)) : subjectBefore(walk.text, tokens, at, options.floor);
  if (!subject || (subject.tokens.length === 1 && FIRST_PERSON.test(subject.text))) return null;
  let resolved = resolvePhrase(subject, subject.start, context) ?? describedSpeaker(walk.cast, subject);
  // "The President let President Roe know": a bare title is never the listener named after it.
  const listener = phraseOf(walk.text, tokens, at + 1, index);
  const heard = listener ? resolvePhrase(listener, listener.start, context) : null;
  if (resolved?.person && heard?.person === resolved.person) resolved = describedSpeaker(walk.cast, subject);
  if (!resolved) return null;
  const token = tokens[index] as Token;
  const verb = tokens[at] as Token;
  emit(walk, options.paragraph, tokens, from, to, resolved, "let know", { start: Math.min(subject.start, verb.start), end: Math.max(subject.end, token.end) }, walk.text.slice(verb.start, (tokens[from - 1] as Token).end));
  return resolved;
}

/**
 * "There are reports (that) CLAUSE", "There were unconfirmed reports that CLAUSE": the story
 * cites reports it does not name; the clause is theirs, as an unnamed source's ("reports").
 * Only the existential frame: "reports that CLAUSE" as an object ("denied reports that ...")
 * is what someone else answered, not a report the story relays.
 */
function thereAreReports(walk: Walk, tokens: readonly Token[], index: number, options: SentenceOptions): Resolved | null {
  const at = existentialFrame(tokens, index, options.floor);
  if (at < 0) return null;
  const that = key(tokens[index + 1] ?? (tokens[index] as Token)) === "that" ? index + 1 : -1;
  const from = that > 0 ? that + 1 : finiteClauseStart(tokens, index + 1);
  if (from < 0 || (that > 0 && finiteAfterThat(tokens, that))) return null;
  const to = clauseEnd(walk, tokens, from);
  if (!isClause(tokens, from, to)) return null;
  const token = tokens[index] as Token;
  const head = key(token);
  const source = walk.cast.addSource(head, head, null, CONFIDENCE.reference);
  const resolved: Resolved = { person: null, source, group: null, confidence: CONFIDENCE.reference, viaStatement: false };
  emit(walk, options.paragraph, tokens, from, to, resolved, "reports", { start: (tokens[at - 1] as Token).start, end: token.end }, walk.text.slice(token.start, (tokens[from - 1] as Token).end));
  return resolved;
}

/** The index of "are"/"were"/"been" in "There are (unconfirmed) reports" before the noun at `index`, or -1. */
function existentialFrame(tokens: readonly Token[], index: number, floor: number): number {
  let at = index - 1;
  while (at > floor && tokens[at]?.pos === "ADJ") at -= 1;
  return /^(are|were|been)$/i.test(tokens[at]?.text ?? "") && at - 1 >= floor && /^there$/i.test(tokens[at - 1]?.text ?? "") ? at : -1;
}

/** Verbs that report a question. */
const ASKING = new Set(["ask", "asks", "asked"]);
/** Verbs that report a "how"/"why"/"what" clause as "asked" reports a question. */
const EXPLAINING = new Set(["explain", "explains", "explained"]);
/** Words that open a reported question ("asked whether ...", "asked how ..."). */
const QUESTION_OPENERS = new Set(["whether", "if", "what", "how", "who", "why", "when", "where", "which"]);

/**
 * "Doe asked whether the port would reopen", "Roe asked the minister how long ...": the question
 * is reported speech of the asker. Not the passive ("Doe, asked whether ..., said"), whose asker
 * the sentence does not name.
 */
function askedQuestion(walk: Walk, tokens: readonly Token[], index: number, options: SentenceOptions, context: ResolveContext): Resolved | null {
  const before = tokens[index - 1];
  // "Asked if he would run, Doe said no", "when asked how ...": a question the sentence does not
  // say who put; reported all the same, as an unnamed questioner's.
  // ("Doe, asked if he would run, said no" stays unread: the aside is the answer's setting.)
  const passive = index === options.floor || (before !== undefined && /^(was|were|been|being|is|are|be|when|once|after)$/i.test(before.text));
  if (passive) return passiveQuestion(walk, tokens, index, options);
  if (!before || /^(if|,)$/i.test(before.text)) return null;
  // Only the person asked may stand between the verb and the question.
  const opener = questionOpener(walk, tokens, index, 6);
  if (opener < 0) return null;
  const subject = subjectBefore(walk.text, tokens, index, options.floor);
  if (!subject || subject.tokens.length === 1 && FIRST_PERSON.test(subject.text)) return null;
  const resolved = resolvePhrase(subject, subject.start, context) ?? describedSpeaker(walk.cast, subject);
  const to = clauseEnd(walk, tokens, opener);
  if (!resolved || !isClause(tokens, opener, to, false)) return null;
  const token = tokens[index] as Token;
  emit(walk, options.paragraph, tokens, opener, to, resolved, key(token), { start: Math.min(subject.start, token.start), end: Math.max(subject.end, token.end) }, walk.text.slice(token.start, (tokens[opener] as Token).start));
  return resolved;
}

const ACCUSING = /^accus(?:e|es|ed|ing)$/;
/** "urged the council to act": an appeal made aloud, read as a charge is (the one urged and what they are to do). */
const URGING = /^urg(?:e|es|ed|ing)$/;
/** Words that may stand in the accused's noun phrase between "accused" and "of". */
const ACCUSED_WORDS = new Set(["DET", "ADJ", "ADV", "NOUN", "PROPN", "NUM", "PRON", "ADP", "PART", "CCONJ"]);

/**
 * "The group accused Mr. Doe of staging a coup", "Roe accuses the council of being insincere": a
 * charge laid aloud is reported speech of the accuser, the accused and the charge ("Mr. Doe of
 * staging a coup"), as PolNeAR spans it. Only with "of" and a gerund within a dozen words (no verb
 * or punctuation between); not the passive ("was accused of"), whose accuser goes unnamed, nor
 * "the accused". The charge ends where the clause does, at a comma before a participle, or at
 * "and" before the accuser's next act ("... and urged"). "urged X to <verb> ..." is read the same
 * way with "to" and a verb's base form (the one urged may go unsaid: "urged to act").
 */
function accusation(walk: Walk, tokens: readonly Token[], index: number, options: SentenceOptions, context: ResolveContext, last: Resolved | null): Resolved | null {
  const before = tokens[index - 1];
  // "was accused of" is passive (no accuser named), but "are accusing each other of" is a progressive, the subject's act.
  const progressive = /ing$/i.test((tokens[index] as Token).text) && /^(was|were|is|are|am)$/i.test(before?.text ?? "");
  if (!before || index === options.floor || (!progressive && /^(was|were|been|being|is|are|be|am|the|an?|of|by)$/i.test(before.text))) return null;
  const urging = URGING.test(key(tokens[index] as Token));
  const link = urging ? "to" : "of";
  let of = -1;
  for (let at = index + 1; at <= index + 12 && at < tokens.length; at += 1) {
    const candidate = tokens[at] as Token;
    // "urged to “give him time”": the one urged may go unsaid.
    if (key(candidate) === link && (at > index + 1 || urging)) {
      of = at;
      break;
    }
    // Only the accused's noun phrase, perhaps a day ("accused Mr. Doe Friday of ..."), stands between.
    if (!ACCUSED_WORDS.has(candidate.pos) || isQuoted(walk, candidate)) return null;
  }
  // 'accused the junta of “stealing” the vote': the charge may open on the accuser's word, quoted.
  const quotedCharge = of >= 0 && OPENING_MARK.test(tokens[of + 1]?.text ?? "");
  const charge = tokens[of + (quotedCharge ? 2 : 1)];
  if (of < 0 || !charge) return null;
  // The charge is a gerund ("of staging"); what is urged, a verb's base form ("to resign", "to “act now”").
  // The charge may be a noun phrase too ("accused each other of election fraud", "of a cover-up").
  const nounCharge = charge.pos === "NOUN" || ((charge.pos === "ADJ" || charge.pos === "DET") && /^(NOUN|ADJ)$/.test(tokens[of + (quotedCharge ? 3 : 2)]?.pos ?? ""));
  if (urging ? !(charge.pos === "VERB" || charge.pos === "AUX" || quotedCharge) || /(ed|ing)$/i.test(charge.text) : !(/ing$/i.test(charge.text) || /^not$/i.test(charge.text) || nounCharge)) return null;
  let to = clauseEnd(walk, tokens, index + 1);
  for (let at = of + 2; at < to; at += 1) {
    const candidate = tokens[at] as Token;
    const next = tokens[at + 1];
    if (candidate.text === "," && next?.pos === "VERB" && /ing$/i.test(next.text)) {
      to = at;
      break;
    }
    // "... of rigging the poll and are demanding a delay": "and" before a finite verb of the accuser's ends the charge too.
    const accusersVerb = next !== undefined && (next.pos === "AUX" || (next.pos === "VERB" && !/(ing|ed)$/i.test(next.text)));
    if (/^(and|but)$/i.test(candidate.text) && next?.pos === "VERB" && (SPEAKER_ACTS.has(key(next)) || REPORTING_VERBS.has(key(next))) && PAST_REPORTING.test(key(next))) {
      to = tokens[at - 1]?.text === "," ? at - 1 : at;
      break;
    }
    if (/^(and|but)$/i.test(candidate.text) && accusersVerb && !urging) {
      to = tokens[at - 1]?.text === "," ? at - 1 : at;
      break;
    }
  }
  const gerund = !progressive && /ing$/.test(key(tokens[index] as Token));
  const afterAnd = /^(and|but)$/i.test(before.text);
  let resolved: Resolved | null = null;
  let subject: Phrase | null = null;
  if (!gerund && !afterAnd) {
    subject = subjectBefore(walk.text, tokens, progressive ? index - 1 : index, options.floor);
    // "a spokesman for the leader on Thursday accused ...": a time before the verb is no subject; the sentence's is.
    if (subject && isTimeWord(tokens, tokens.findIndex((candidate) => candidate.start === subject?.start))) subject = mainSubject(walk.text, tokens, options.floor, (candidate) => isQuoted(walk, candidate));
    if (!subject) return null;
    // "They accuse the authorities of ...": "they" is read as for any reporting verb (a group that spoke or was named before).
    const they = subject.tokens.length === 1 && /^they$/i.test(subject.text);
    if (subject.tokens.length === 1 && FIRST_PERSON.test(subject.text) && !they) return null;
    resolved = they ? theyWhoSpeak(walk, tokens, subject, tokens[index] as Token, options, context) : (resolvePhrase(subject, subject.start, context) ?? describedSpeaker(walk.cast, subject));
  } else {
    const main = last ? null : mainSubject(walk.text, tokens, options.floor, (candidate) => isQuoted(walk, candidate));
    resolved = last ?? resolvePhrase(main, (tokens[index] as Token).start, context) ?? (main ? describedSpeaker(walk.cast, main) : null);
  }
  if (!resolved || to <= of + 1) return null;
  const token = tokens[index] as Token;
  const attribution = subject ? { start: Math.min(subject.start, token.start), end: Math.max(subject.end, token.end) } : { start: token.start, end: token.end };
  emit(walk, options.paragraph, tokens, index + 1, to, resolved, key(token), attribution, token.text);
  return resolved;
}

/**
 * The index of the word that opens the question after "asked" at `index` (whether, if, how ...),
 * within `reach` words, or -1 when a verb, punctuation or a quotation comes first: then what
 * follows is not the question asked.
 */
function questionOpener(walk: Walk, tokens: readonly Token[], index: number, reach: number): number {
  for (let at = index + 1; at <= index + reach && at < tokens.length; at += 1) {
    const candidate = tokens[at] as Token;
    if (QUESTION_OPENERS.has(key(candidate))) return at;
    if (candidate.pos === "VERB" || candidate.pos === "AUX" || candidate.pos === "PUNCT" || isQuoted(walk, candidate)) return -1;
  }
  return -1;
}

/** The question after a passive "asked" ("Asked whether the port would reopen, ..."), as an unnamed questioner's reported speech. */
function passiveQuestion(walk: Walk, tokens: readonly Token[], index: number, options: SentenceOptions): Resolved | null {
  // Only where or by whom it was asked may stand between ("asked on Fox News whether ...").
  const opener = questionOpener(walk, tokens, index, 5);
  if (opener < 0) return null;
  let to = clauseEnd(walk, tokens, opener);
  // The question ends at the comma before the main clause ("Asked if ..., Doe said no").
  const comma = tokens.findIndex((candidate, at) => at > opener && at < to && candidate.text === ",");
  if (comma > 0) to = comma;
  if (!isClause(tokens, opener, to, false)) return null;
  const source = walk.cast.addSource("an unnamed questioner", "questioner", null, CONFIDENCE.none);
  const resolved: Resolved = { person: null, source, group: null, confidence: CONFIDENCE.none, viaStatement: false };
  const token = tokens[index] as Token;
  // No quotation after it continues the questioner.
  const previous = walk.previous;
  emit(walk, options.paragraph, tokens, opener, to, resolved, key(token), { start: token.start, end: token.end }, walk.text.slice(token.start, (tokens[opener] as Token).start));
  walk.previous = previous;
  return null;
}

/**
 * "a move they say is meant to delay the vote": a relative clause with no relative word, a noun
 * then a pronoun subject ("they", "he", "she") and the reporting verb, then a form of "be" whose
 * subject is that noun; the verb reports what follows it.
 */
function contactRelative(tokens: readonly Token[], relative: Token, subject: Phrase | null, next: Token | undefined): boolean {
  return relative.pos === "NOUN" && subject !== null && subject.tokens.length === 1 && /^(he|she|they)$/i.test(subject.text) && next !== undefined && /^(is|are|was|were)$/i.test(next.text) && tokens.indexOf(relative) > 0;
}

/** Records one indirect quote. */
function emit(walk: Walk, paragraph: number, tokens: readonly Token[], from: number, to: number, resolved: Resolved, verb: string, attribution: { start: number; end: number }, cues: string): void {
  // "that, due to the storm, she will ...": the report starts after the comma.
  while (from < to - 1 && tokens[from]?.text === ",") from += 1;
  // "said the depots were full, and that the trucks would leave": two reported clauses under one
  // verb, each reported on its own (the first-sight keys' convention from batch 20 on).
  const second = secondThatClause(tokens, from, to);
  if (second > 0) {
    const firstEnd = tokens[second - 2]?.text === "," ? second - 2 : second - 1;
    emitClause(walk, paragraph, tokens, from, firstEnd, resolved, verb, attribution, cues);
    emitClause(walk, paragraph, tokens, second + 1, to, resolved, verb, attribution, cues);
    return;
  }
  emitClause(walk, paragraph, tokens, from, to, resolved, verb, attribution, cues);
  // "said the North had two bombs, and was working on a missile": a second verb phrase with no
  // subject of its own, in the progressive or the perfect, goes on with the reported clause's
  // subject; it is reported on its own (the clause ended at ", and").
  const verbPhrase = subjectlessVerbPhrase(tokens, to);
  if (verbPhrase > 0) emitClause(walk, paragraph, tokens, verbPhrase, clauseEnd(walk, tokens, verbPhrase), resolved, verb, attribution, cues);
}

/**
 * The index of the auxiliary of ", and was working on ...", ", and had been trying to ..." right
 * after a reported clause ending at `to`: an auxiliary of tense (no modal) then a present
 * participle or "been"; -1 when there is none. A passive or an adjective ("and was taken to
 * hospital", "and was pleased") is the speaker's own act and stays out.
 */
function subjectlessVerbPhrase(tokens: readonly Token[], to: number): number {
  if (tokens[to]?.text !== "," || !/^(and|but)$/.test(key(tokens[to + 1] ?? (tokens[to] as Token)))) return -1;
  const aux = tokens[to + 2];
  const after = tokens[to + 3];
  if (!aux || !after || !/^(is|are|was|were|has|have|had)$/i.test(aux.text)) return -1;
  const progressive = /^(is|are|was|were)$/i.test(aux.text) && after.pos === "VERB" && /ing$/i.test(after.text) && !REPORTING_VERBS.has(key(after));
  const perfect = /^(has|have|had)$/i.test(aux.text) && /^been$/i.test(after.text) && /ing$/i.test(tokens[to + 4]?.text ?? "");
  return progressive || perfect ? to + 2 : -1;
}

/**
 * The index of "that" in "..., and that CLAUSE" (or "but that") inside a reported clause tokens[from..to): "and"
 * then the conjunction "that" (not "that" as a pronoun or determiner), a subject and a finite verb
 * after it, and a clause of its own before "and", set off by a comma or itself opened by "that";
 * -1 when there is none. Only the first such
 * "that" splits; a third clause stays with the second.
 */
function secondThatClause(tokens: readonly Token[], from: number, to: number): number {
  for (let index = from + 2; index < to - 2; index += 1) {
    const word = tokens[index] as Token;
    // The tagger may read the conjunction as a determiner ("and that repairs are ..."); a subject
    // and a finite verb after it decide ("and that was ..." has none: "that" is the subject).
    if (key(word) !== "that" || !/^(and|but)$/.test(key(tokens[index - 1] as Token))) continue;
    const firstEnd = tokens[index - 2]?.text === "," ? index - 2 : index - 1;
    // With no comma, only parallel complements split ("noted that A and that B"); "said A and
    // that B" stays one report (PolNeAR's spans keep it whole, and the first-sight keys' examples
    // set the second clause off with a comma).
    if (firstEnd === index - 1 && key(tokens[from - 1] ?? word) !== "that") continue;
    // "and that a third was wounded": a subject with no noun (an article, an ordinal or a number)
    // then its verb is a clause too.
    const opener = tokens[index + 1];
    const headless = opener?.pos === "DET" && ["ADJ", "NUM"].includes(tokens[index + 2]?.pos ?? "") && ["AUX", "VERB"].includes(tokens[index + 3]?.pos ?? "");
    // "and that in some towns the rates are falling": a short fronted phrase may open it.
    const secondIsClause = finiteClauseStart(tokens, index + 1) === index + 1 || headless || frontedPhraseClause(tokens, index + 1);
    if (!secondIsClause || !isClause(tokens, from, firstEnd, true)) continue;
    return index;
  }
  return -1;
}

function emitClause(walk: Walk, paragraph: number, tokens: readonly Token[], from: number, to: number, resolved: Resolved, verb: string, attribution: { start: number; end: number }, cues: string): void {
  const clause = phraseOf(walk.text, tokens, from, to);
  if (!clause) return;
  const quote: ExtractedQuote = {
    start: clause.start,
    end: clause.end,
    text: clause.text,
    ...speakerOf(resolved),
    speakerDescription: speakerDescription(resolved),
    kind: "indirect",
    medium: resolved.viaStatement ? "statement" : mediumOf(cues) ?? "other",
    reportingVerb: verb,
    attribution,
    confidence: Math.round(resolved.confidence * 0.9 * 100) / 100,
  };
  walk.quotes.push(quote);
  // "Ruiz said that the levee would hold. “We have sandbags,”": a quotation with no
  // attribution of its own right after reported speech continues that speaker.
  if (quote.start > (walk.previous?.end ?? -1)) walk.previous = { resolved, paragraph, end: clause.end, medium: quote.medium };
}

/**
 * Whether tokens[at..] are a subject of up to ten words made only of noun-phrase words ("both
 * Yemen's government and local residents"), then a reporting verb: a new attribution.
 */
function laterAttribution(tokens: readonly Token[], at: number): boolean {
  let index = at;
  while (index < at + 10 && index < tokens.length && (["DET", "ADJ", "NOUN", "PROPN", "NUM", "CCONJ", "PART"].includes((tokens[index] as Token).pos) || /^('s|’s)$/.test((tokens[index] as Token).text))) index += 1;
  const verb = tokens[index];
  return index > at && verb !== undefined && verb.pos === "VERB" && REPORTING_VERBS.has(key(verb)) && !continuesAnAct(tokens, index);
}

/**
 * Whether tokens[at] is "continue" going on with an act ("her party and others continue to work
 * ...", "continued the talks"): a verb of speaking only when it closes or introduces words ("...,
 * he continued.", "she continued: ...", "continued that ..."), not when an infinitive or an object
 * follows it.
 */
function continuesAnAct(tokens: readonly Token[], at: number): boolean {
  const after = tokens[at + 1];
  return /^continu(?:e|es|ed|ing)$/.test(key(tokens[at] as Token)) && after !== undefined && !/^(?:[,.;:!?“"”]|that)$/i.test(after.text);
}

/**
 * Whether tokens[at..] are another source's account ("other sources put the toll at 33", "local
 * residents included a child"): a noun phrase whose head is a source noun opens it, and a finite
 * verb follows before the next comma, within fifteen words. A contrast the speaker draws ("China
 * expects 6 percent, while the U.S. will see 2") and a participle ("while noting ...") are not.
 */
function contrastClause(tokens: readonly Token[], at: number): boolean {
  const first = tokens[at];
  if (!first || !["DET", "NOUN", "PROPN", "ADJ", "NUM"].includes(first.pos)) return false;
  for (let index = at + 1; index < tokens.length && index < at + 15; index += 1) {
    const token = tokens[index] as Token;
    if (/^[,;:]$/.test(token.text)) return false;
    if (token.pos === "AUX" || (token.pos === "VERB" && !/ing$/i.test(token.text) && ["NOUN", "PROPN", "PRON", "ADV"].includes(tokens[index - 1]?.pos ?? ""))) {
      return tokens.slice(at, index).some((word) => word.pos === "NOUN" && SOURCE_HEADS.has(key(word)));
    }
  }
  return false;
}
