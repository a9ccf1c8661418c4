import type { Token } from "../text.js";
import type { ExtractedQuote, ExtractedQuoteMedium, TextRange } from "../types.js";
import { CONFIDENCE, type Resolved, describedAtLength, describedSpeaker, isPersonNoun, mainSubject, mediumOf, resolvePhrase, speakerDescription, speakerOf } from "./attribution.js";
import { NON_TERMINAL_ABBREVIATIONS, REPORTING_VERBS } from "./lexicon.js";
import { type Phrase, isNameToken, key, mistaggedName, nounPhraseAfter, phraseOf, subjectBefore } from "./phrases.js";
import type { QuoteSpan } from "./quotes.js";
import { type Walk, continuingSpeaker, isQuoted } from "./walk.js";

// Attribution of a passage in quotation marks. The speaker is named right after the closing
// mark (",” the official said" / ",” said Giorgos Papadakis"), or before the opening one
// ("Heather Nauert said, “"); a quote with neither, right after another quote, continues it.

const QUOTE_MARKS = /^(["“”„]|'')$/;
const END_OF_CLAUSE = /^[.!?;]$/;

/**
 * Whether tokens[index] is the full stop of an abbreviation ("N.Y.", the state in a party
 * designation "(D-Ore.)", ", R-Ky.,"): it ends no clause, though the tagger may end a sentence there.
 */
function abbreviationStop(tokens: readonly Token[], index: number): boolean {
  const stop = tokens[index];
  const state = tokens[index - 1];
  const next = tokens[index + 1];
  if (stop?.text !== "." || !state || state.end !== stop.start) return false;
  // "N.Y.": a stop between two capitals, with no space on either side.
  if (next !== undefined && next.start === stop.end && /^\p{Lu}$/u.test(state.text) && /^\p{Lu}/u.test(next.text)) return true;
  if (!/^\p{Lu}[\p{L}.]{0,4}$/u.test(state.text) || (next !== undefined && !/^(\)|\):|,)$/.test(next.text))) return false;
  // "D-Ore", "R-Ky": the party letter and its hyphen, written without spaces, before the state.
  const hyphen = tokens[index - 2];
  const party = tokens[index - 3];
  return hyphen?.text === "-" && hyphen.end === state.start && party !== undefined && /^[RDI]$/.test(party.text) && party.end === hyphen.start;
}

/** An attribution found next to a quote. */
interface Found {
  readonly resolved: Resolved;
  readonly verb: string | null;
  readonly range: TextRange | null;
  readonly cues: string;
  /** A trailer that opens a new sentence and reports a clause of its own ("... .” Doe said he would ..."). */
  readonly ownClause?: boolean;
}

/** Whether a token is a reporting verb used as a verb (not "the report", "a post"). */
export function isReportingVerb(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  // "pointed out": a phrasal verb reports as "noted" does.
  const pointedOut = token !== undefined && /^(point|points|pointed|pointing)$/.test(key(token)) && key(tokens[index + 1] ?? token) === "out";
  if (!token || !(REPORTING_VERBS.has(key(token)) || pointedOut)) return false;
  const before = tokens[index - 1];
  // "went on to say", "continued to say" report speech; "to say" otherwise is no report ("wants to say").
  // "went on to say", and "called Jo Lee to tell her that ...": an infinitive that says what the call was for reports too.
  const purpose = /^(tell|inform)$/.test(key(token)) && tokens.slice(index + 1, index + 8).some((word) => key(word) === "that");
  const goesOn = before !== undefined && key(before) === "to" && (purpose || /^(on|continued|proceeded)$/.test(key(tokens[index - 2] ?? before)));
  // "Some said ...": a quantity word is the verb's subject, not an article ("the report").
  const quantity = before !== undefined && token.pos === "VERB" && /^(some|many|most|both|several|few)$/i.test(before.text);
  if (before && ((before.pos === "DET" && !quantity) || (key(before) === "to" && !goesOn))) return false;
  return token.pos === "VERB" || (token.pos === "NOUN" && /ing$/.test(key(token)));
}

/**
 * Whether the token is a verb of its own: tagged VERB or AUX and not the second part of a
 * hyphenated word ("Texas-based", "op-ed", "U.S.-backed"), which the tagger splits at the hyphen
 * and whose last part it often reads as a verb.
 */
function isFiniteWord(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  const hyphen = tokens[index - 1];
  if (!token || (token.pos !== "VERB" && token.pos !== "AUX")) return false;
  return !(hyphen !== undefined && /^[-–]$/.test(hyphen.text) && hyphen.end === token.start && tokens[index - 2]?.end === hyphen.start);
}

/** ",” the official said." / ",” said Giorgos Papadakis, a retired schoolteacher." */
function trailer(walk: Walk, span: QuoteSpan, paragraph: readonly Token[]): Found | null {
  const after = span.close === null ? span.end : span.close + 1;
  const tokens: Token[] = [];
  for (const token of paragraph) {
    if (token.start < after) continue;
    if (tokens.length === 0 && token.text === ",") continue;
    if ((END_OF_CLAUSE.test(token.text) && !abbreviationStop(paragraph, paragraph.indexOf(token))) || QUOTE_MARKS.test(token.text)) break;
    tokens.push(token);
  }
  const runOn = runOnAttribution(walk, span, tokens);
  if (runOn) return runOn;
  let verb = tokens.findIndex((_, index) => index < 10 && isReportingVerb(tokens, index));
  let subject: Phrase | null = null;
  // "told AFP", "asked reporters": after these verbs the noun phrase is the listener.
  const invertedAfterComma = verb > 0 && tokens[verb - 1]?.text === "," && !/^(told|tells|tell|asked|asks|ask)$/.test(key(tokens[verb] as Token)) ? speakerAfterVerb(walk.text, tokens.slice(verb)) : null;
  if (invertedAfterComma && invertedAfterComma.tokens.some(isNameToken)) {
    // "“A challenge” for Clinton, said Kunin": the inverted verb after a comma names its speaker.
    subject = invertedAfterComma;
  } else if (verb < 0 || tokens.slice(0, verb).some((token, index) => token.pos === "VERB" && isFiniteWord(tokens, index) && !mistaggedName(tokens, index))) {
    // ",” Ana Ruiz, the campaign's manager, said" / ",” Lee, who has proposed ..., said": a
    // name, then an appositive or relative clause between commas, then the verb.
    const apposed = apposedSubject(walk.text, tokens) ?? (/[,?!]\s*$/.test(walk.text.slice(span.start, span.end)) ? (nameThenVerb(walk.text, tokens) ?? unclosedRelative(walk.text, tokens)) : null);
    if (!apposed) return describedAtLengthTrailer(walk, tokens);
    ({ verb, subject } = apposed);
  } else if (verb === 0) {
    subject = speakerAfterVerb(walk.text, tokens);
  } else {
    subject = subjectBefore(walk.text, tokens, verb, 0);
    // The words between the quote and the verb must all be the subject (not ", which he said").
    // "“…” by China, Onodera said": the quotation's own last words may run on to a comma before the subject.
    const subjectAt = subject ? tokens.findIndex((token) => token.start === subject?.start) : -1;
    const afterOwnWords = subjectAt > 1 && subjectAt <= 6 && tokens[subjectAt - 1]?.text === "," && (tokens[0] as Token).pos === "ADP" && subject !== null && subject.tokens.some(isNameToken) && !isTitleCase(walk.text.slice(span.start, span.end)) && !/,\s*$/.test(walk.text.slice(span.start, span.end));
    if (!subject || (subject.start !== (tokens[0] as Token).start && !afterOwnWords)) subject = apposedSubject(walk.text, tokens)?.subject ?? null;
    if (!subject) return null;
  }
  const verbToken = tokens[verb] as Token;
  if (!subject) return null;
  const reportsClause = clauseFollows(tokens, verb);
  const resolved = resolvePhrase(subject, subject.start, { text: walk.text, cast: walk.cast, continuing: continuingSpeaker(walk, key(verbToken)) }) ?? describedSpeaker(walk.cast, subject);
  if (!resolved) return null;
  // ",” he said the talks failed": the verb also reports the clause after it, which is read too.
  if (span.kind === "direct" && !reportsClause) walk.usedVerbs.add(verbToken.start);
  const last = tokens[tokens.length - 1] as Token;
  return {
    resolved,
    verb: key(verbToken),
    range: { start: Math.min(subject.start, verbToken.start), end: Math.max(subject.end, verbToken.end) },
    cues: walk.text.slice((tokens[0] as Token).start, last.end),
    ownClause: reportsClause && subject.start === (tokens[0] as Token).start && verb > 0,
  };
}

/**
 * "“Many would call that a defeat” if she lost, said Jo Doe, an analyst.", "“The politics are so
 * blatant” in the legislature, he said.": a quotation that opens its sentence and closes with no
 * punctuation of its own runs on into the sentence, whose attribution is the clause after its last
 * comma (an inverted "said X" or "X said").
 */
function runOnAttribution(walk: Walk, span: QuoteSpan, tokens: readonly Token[]): Found | null {
  if (span.kind !== "direct" || /[,.?!;:…—–-]["'’”]*\s*$/u.test(walk.text.slice(span.start, span.end)) || tokens.length < 3) return null;
  // The first comma after which a reporting verb comes (an appositive may follow the name: ", said
  // Jo Doe, an analyst"); the words before it carry on the quotation's sentence, with no
  // reporting verb of their own.
  const comma = tokens.findIndex((token, index) => index >= 1 && token.text === "," && tokens.slice(index + 1, index + 9).some((_, offset) => isReportingVerb(tokens, index + 1 + offset)));
  if (comma < 1 || tokens.slice(0, comma).some((token, index) => isReportingVerb(tokens, index) && token.pos === "VERB")) return null;
  const tail = tokens.slice(comma + 1);
  const verb = tail.findIndex((_, index) => index < 8 && isReportingVerb(tail, index));
  if (verb < 0) return null;
  let subject: Phrase | null = null;
  // "told The Post", "asked reporters": after these the noun phrase is the listener.
  if (verb === 0 && /^(told|tells|tell|asked|asks|ask)$/.test(key(tail[0] as Token))) return null;
  if (verb === 0) subject = speakerAfterVerb(walk.text, tail);
  else {
    subject = subjectBefore(walk.text, tail, verb, 0);
    if (subject && subject.start !== (tail[0] as Token).start) subject = null;
  }
  if (!subject || !subject.tokens.some((token) => isNameToken(token) || (token.pos === "PRON" && /^(he|she)$/i.test(token.text)) || token.pos === "NOUN")) return null;
  const verbToken = tail[verb] as Token;
  const resolved = resolvePhrase(subject, subject.start, { text: walk.text, cast: walk.cast, continuing: continuingSpeaker(walk, key(verbToken)) }) ?? describedSpeaker(walk.cast, subject);
  if (!resolved) return null;
  walk.usedVerbs.add(verbToken.start);
  return {
    resolved,
    verb: key(verbToken),
    range: { start: Math.min(subject.start, verbToken.start), end: Math.max(subject.end, verbToken.end) },
    cues: walk.text.slice((tokens[0] as Token).start, (tokens[tokens.length - 1] as Token).end),
  };
}

/** Whether a reported clause follows the verb at tokens[verb]: "that", or a subject and then a finite verb before any comma. */
function clauseFollows(tokens: readonly Token[], verb: number): boolean {
  const next = tokens[verb + 1];
  if (!next) return false;
  if (key(next) === "that") return true;
  if (!["DET", "NOUN", "PROPN", "PRON", "NUM"].includes(next.pos) || /^(me|him|her|us|them|reporters)$/i.test(next.text)) return false;
  for (let index = verb + 2; index < tokens.length && tokens[index]?.text !== ","; index += 1) {
    const token = tokens[index] as Token;
    if (token.pos === "AUX" || (token.pos === "VERB" && !/ing$/i.test(token.text))) return true;
  }
  return false;
}

/**
 * The speaker after an inverted verb ("said House Speaker Ana Ruiz in a statement"): the noun
 * phrase after it, without the adverbial that follows a name ("in a statement", "on Tuesday").
 */
function speakerAfterVerb(text: string, tokens: readonly Token[]): Phrase | null {
  const phrase = nounPhraseAfter(text, tokens, 1, tokens.length);
  if (!phrase) return null;
  const cut = phrase.tokens.findIndex((token, index) => index > 0 && /^(in|at|on|during|after|before|from)$/i.test(token.text) && isNameToken(phrase.tokens[index - 1] as Token));
  return cut > 0 ? phraseOf(text, tokens, 1, 1 + cut) : phrase;
}

/**
 * The subject of a trailer whose name comes first and whose verb follows an appositive or a
 * relative clause set off by commas: the name phrase and the verb's index, or null.
 */
function apposedSubject(text: string, tokens: readonly Token[]): { verb: number; subject: Phrase } | null {
  const name = nounPhraseAfter(text, tokens, 0, tokens.length);
  if (!name || !name.tokens.some((token) => isNameToken(token) || token.pos === "PRON")) return null;
  const comma = name.tokens.length;
  if (tokens[comma]?.text !== ",") return null;
  for (let index = comma + 2; index < tokens.length && index <= comma + 30; index += 1) {
    let before = index - 1;
    while (before > comma && tokens[before]?.pos === "ADV") before -= 1;
    if (tokens[before]?.text === "," && before > comma && isReportingVerb(tokens, index)) return { verb: index, subject: name };
  }
  return null;
}

/**
 * ",” Jo Doe, who chairs the Harbor Fund said in a statement.": a name and a relative clause whose
 * closing comma the copy dropped, then the reporting verb; the name is the speaker.
 */
function unclosedRelative(text: string, tokens: readonly Token[]): { verb: number; subject: Phrase } | null {
  const name = nounPhraseAfter(text, tokens, 0, tokens.length);
  if (!name || !name.tokens.some(isNameToken)) return null;
  const comma = name.tokens.length;
  if (tokens[comma]?.text !== "," || !/^(?:who|whom)$/i.test(tokens[comma + 1]?.text ?? "")) return null;
  for (let index = comma + 3; index < tokens.length && index <= comma + 20; index += 1) {
    if (tokens[index]?.text === ",") return null;
    if (isReportingVerb(tokens, index)) return { verb: index, subject: name };
  }
  return null;
}

/**
 * ",” a guard, dressed in black and holding a rifle told reporters.": a determiner and a person
 * noun, an aside after a comma (its own commas, or none before the verb), then a reporting verb.
 * The speaker is an unnamed source described by every word before the verb.
 */
function describedAtLengthTrailer(walk: Walk, tokens: readonly Token[]): Found | null {
  if (!/^(a|an|the|one|another)$/i.test(tokens[0]?.text ?? "")) return null;
  let comma = 1;
  while (comma < tokens.length && comma <= 4 && ["ADJ", "NOUN"].includes((tokens[comma] as Token).pos) && !isNameToken(tokens[comma] as Token)) comma += 1;
  const head = tokens[comma - 1] as Token;
  if (comma < 2 || tokens[comma]?.text !== "," || head.pos !== "NOUN" || !isPersonNoun(head.text)) return null;
  for (let index = comma + 2; index < tokens.length && index <= comma + 30; index += 1) {
    if (!isReportingVerb(tokens, index)) continue;
    const before = tokens[index - 1] as Token;
    // The verb follows the aside: after its closing comma, or right after a noun that ends it.
    if (before.text !== "," && before.pos !== "NOUN") return null;
    const subject = phraseOf(walk.text, tokens, 0, before.text === "," ? index - 1 : index);
    if (!subject) return null;
    const verb = tokens[index] as Token;
    walk.usedVerbs.add(verb.start);
    return { resolved: describedAtLength(walk.cast, subject, head), verb: key(verb), range: { start: subject.start, end: verb.end }, cues: walk.text.slice((tokens[0] as Token).start, (tokens[tokens.length - 1] as Token).end) };
  }
  return null;
}

/**
 * ",” Toomey fumed on Tuesday." / ",” Blunt, after a long pause, said": after a quotation that
 * ends in a comma the clause is its attribution, whatever the tagger made of its words: a name
 * (or "he"/"she") first, then a past-tense verb, or a reporting verb after an aside in commas.
 */
function nameThenVerb(text: string, tokens: readonly Token[]): { verb: number; subject: Phrase } | null {
  const first = tokens[0];
  let end = 0;
  if (first && first.pos === "PRON" && /^(he|she)$/i.test(first.text)) end = 1;
  else while (end < tokens.length && end < 4 && isNameToken(tokens[end] as Token)) end += 1;
  const next = tokens[end];
  if (end === 0 || !next) return null;
  const subject = phraseOf(text, tokens, 0, end);
  if (!subject) return null;
  // ",” Doe notes.": a reporting verb right after the name is its verb, though the tagger may read
  // "notes" or "writes" as a noun.
  if (/^\p{Ll}+ed$/u.test(next.text) || REPORTING_VERBS.has(next.text)) return { verb: end, subject };
  if (next.text !== ",") return null;
  for (let index = end + 2; index < tokens.length && index <= end + 12; index += 1) {
    if (tokens[index - 1]?.text === "," && isReportingVerb(tokens, index)) return { verb: index, subject };
  }
  return null;
}

/** "Heather Nauert said, “" / "The statement read:" / ", adding that “" (then the earlier speaker). */
function lead(walk: Walk, span: QuoteSpan, paragraph: readonly Token[], paragraphIndex: number): Found | null {
  const before = paragraph.filter((token) => token.end <= span.open);
  let from = before.length;
  while (from > 0) {
    const token = before[from - 1] as Token;
    if ((END_OF_CLAUSE.test(token.text) && !abbreviationStop(paragraph, paragraph.indexOf(token))) || QUOTE_MARKS.test(token.text)) break;
    from -= 1;
  }
  const tokens = before.slice(from);
  const last = tokens[tokens.length - 1];
  if (!last) return null;
  // "According to the port authority, “...”": the source between "to" and the comma.
  if (key(tokens[0] as Token) === "according" && key(tokens[1] ?? last) === "to" && last.text === "," && tokens.length <= 14) {
    const source = phraseOf(walk.text, tokens, 2, tokens.length - 1);
    const resolved = source ? (resolvePhrase(source, source.start, { text: walk.text, cast: walk.cast }) ?? describedSpeaker(walk.cast, source)) : null;
    if (source && resolved) return { resolved, verb: "according to", range: { start: (tokens[0] as Token).start, end: source.end }, cues: walk.text.slice((tokens[0] as Token).start, last.end) };
  }
  let verb = -1;
  // "... rose to announce, “": an infinitive reporting verb right before the comma or colon.
  const introducingInfinitive = (index: number): boolean =>
    span.kind === "direct" && index >= tokens.length - 2 && index > 1 && REPORTING_VERBS.has(key(tokens[index] as Token)) && key(tokens[index - 1] as Token) === "to" && /^[,:]$/.test(last.text);
  for (let index = tokens.length - 1; index >= 0; index -= 1) {
    if (isReportingVerb(tokens, index) || introducingInfinitive(index)) {
      verb = index;
      break;
    }
  }
  if (verb < 0) return null;
  // "Said Jo Doe, who grew up here, “…”", "In other words, explained moderator Jo Doe: “…”": an
  // inverted verb at the start or after a comma, then a name and a comma or the colon, names the
  // speaker after it, whatever a relative clause after the name holds.
  const invertedSpeaker = verb === 0 || tokens[verb - 1]?.text === "," ? speakerAfterVerb(walk.text, tokens.slice(verb)) : null;
  const invertedEnd = invertedSpeaker ? tokens.findIndex((token) => token.start >= invertedSpeaker.end) : -1;
  const inverted = invertedSpeaker !== null && invertedSpeaker.tokens.some(isNameToken) && invertedEnd > verb && /^[,:]$/.test(tokens[invertedEnd]?.text ?? "") ? invertedSpeaker : null;
  // A direct quote's verb introduces it: only its objects or a "that" may stand between. A
  // partial quote can sit inside the reported clause ("said he was “deeply disappointed”").
  if (span.kind === "direct" && !inverted && tokens.slice(verb + 1).some((token, index) => isFiniteWord(tokens, verb + 1 + index)) && !subordinateClauseBefore(tokens.slice(verb + 1))) return null;
  const verbToken = tokens[verb] as Token;
  const cues = walk.text.slice((tokens[0] as Token).start, last.end);
  // "“We will,” said Dr. Amal Haddad, “never ...”": the speaker after the verb.
  // "X addressed the talks saying, “...”": a participle's subject is the clause's, not the noun before it.
  // "The editor, Jo Doe, stood up to announce, “...”": an infinitive of purpose that introduces the
  // quotation is the clause subject's, as a participle is.
  const purpose = verb > 1 && span.kind === "direct" && key(tokens[verb - 1] as Token) === "to" && verb >= tokens.length - 2 && tokens.slice(0, verb - 1).some((token) => token.pos === "VERB");
  const participle = (verb > 0 && /ing$/.test(key(verbToken)) && tokens.slice(0, verb).some((token) => token.pos === "VERB")) || purpose;
  const mainClause = participle ? mainSubject(walk.text, tokens.slice(0, purpose ? verb - 1 : verb), 0, () => false) : null;
  let clauseSubject = mainClause;
  let clauseSpeaker = clauseSubject ? resolvePhrase(clauseSubject, clauseSubject.start, { text: walk.text, cast: walk.cast }) : null;
  if (participle && !clauseSpeaker) {
    clauseSubject = namedClauseSubject(walk.text, tokens.slice(0, purpose ? verb - 1 : verb));
    clauseSpeaker = clauseSubject ? resolvePhrase(clauseSubject, clauseSubject.start, { text: walk.text, cast: walk.cast }) : null;
  }
  const subject = clauseSpeaker ? clauseSubject : (inverted ?? (verb === 0 ? speakerAfterVerb(walk.text, tokens) : (relativeClauseSubject(walk.text, tokens, verb) ?? subjectBefore(walk.text, tokens, verb, 0))));
  let resolved = clauseSpeaker ?? (subject ? resolvePhrase(subject, subject.start, { text: walk.text, cast: walk.cast, continuing: continuingSpeaker(walk, key(verbToken)) }) : null);
  if (!resolved && !subject) {
    const previous = walk.previous;
    const leftOfVerb = tokens[verb - 1];
    if (previous && previous.paragraph === paragraphIndex && (/ing$/.test(key(verbToken)) || leftOfVerb?.text === "," || key(leftOfVerb ?? verbToken) === "and")) {
      resolved = previous.resolved ? { ...previous.resolved, confidence: CONFIDENCE.continuation } : null;
    } else {
      resolved = resolvePhrase(mainSubject(walk.text, tokens, 0, () => false), verbToken.start, { text: walk.text, cast: walk.cast });
    }
  }
  if (!resolved && subject) resolved = describedSpeaker(walk.cast, subject);
  if (!resolved) return null;
  // A partial quote shares its verb with the reported clause around it, which is read too.
  if (span.kind === "direct") walk.usedVerbs.add(verbToken.start);
  const range = subject ? { start: subject.start, end: verbToken.end } : { start: verbToken.start, end: verbToken.end };
  return { resolved, verb: key(verbToken), range, cues };
}

/** Words that open an adverbial clause fronted in a reported sentence ("said that once ..., “...”"). */
/**
 * "A White House official who spoke anonymously said Wednesday, “...”", "Doe, who chairs the
 * panel, told reporters: “...”": the subject is the noun phrase before the relative "who", whose
 * clause runs up to the reporting verb (an adverb or a comma before it, no noun of its own).
 */
function relativeClauseSubject(text: string, tokens: readonly Token[], verb: number): Phrase | null {
  const who = tokens.slice(0, verb).findLastIndex((token) => /^(?:who|whom)$/i.test(token.text));
  if (who < 1 || verb - who < 2 || tokens.slice(who + 1, verb).some((token) => QUOTE_MARKS.test(token.text) || END_OF_CLAUSE.test(token.text))) return null;
  // "... missionaries who were detained ..., President Doe said": a noun right before the verb is its own subject.
  if (["NOUN", "PROPN", "PRON"].includes((tokens[verb - 1] as Token).pos)) return null;
  const end = tokens[who - 1]?.text === "," ? who - 1 : who;
  const subject = subjectBefore(text, tokens, end, 0);
  return subject && subject.tokens.some((token) => token.pos === "NOUN" || token.pos === "PROPN") && !subject.tokens.some((token) => token.pos === "VERB") ? subject : null;
}

const SUBORDINATORS = /^(?:once|if|when|whenever|while|because|since|after|before|although|though|unless|until|as)$/i;

/**
 * "Doe said that once the council goes on recess, “I intend ...”": after the verb, a "that" and a
 * fronted adverbial clause closed by the comma right before the quotation, whose verbs are the
 * clause's, not a new sentence's; the quotation is still the reported words of the verb's subject.
 */
function subordinateClauseBefore(after: readonly Token[]): boolean {
  const opener = key(after[0] as Token) === "that" ? 1 : 0;
  const commas = after.filter((token) => token.text === ",").length;
  return after.length >= opener + 3 && SUBORDINATORS.test(after[opener]?.text ?? "") && after[after.length - 1]?.text === "," && commas === 1;
}

/**
 * The named subject of a clause whose first verbs belong to a fronted phrase ("On Monday, after
 * staying quiet, Doe appeared ... and endorsed Roe, saying") or that opens on a name with an
 * appositive ("Leader Jo Doe, R-Ky., delivered a message"): the subject of its first finite verb
 * that has a name or a personal pronoun for one, or null.
 */
function namedClauseSubject(text: string, tokens: readonly Token[]): Phrase | null {
  for (let index = 1; index < tokens.length; index += 1) {
    const token = tokens[index] as Token;
    if (!(token.pos === "VERB" || token.pos === "AUX") || /ing$/.test(key(token))) continue;
    if (/^(after|before|while|since|to|by|when|if)$/i.test(tokens[index - 1]?.text ?? "")) continue;
    const subject = subjectBefore(text, tokens, index, 0);
    if (subject && subject.tokens.some((word) => isNameToken(word) || (word.pos === "PRON" && /^(he|she)$/i.test(word.text)))) return subject;
  }
  return null;
}

/** The subject of the sentence a partial quote sits in ("Smith called the plan “a disaster”"). */
function sentenceSubject(walk: Walk, span: QuoteSpan, paragraph: readonly Token[]): Found | null {
  let from = paragraph.findIndex((token) => token.start >= span.open);
  while (from > 0 && !END_OF_CLAUSE.test((paragraph[from - 1] as Token).text)) from -= 1;
  const tokens = paragraph.slice(Math.max(0, from));
  const subject = mainSubject(walk.text, tokens, 0, (token) => isQuoted(walk, token));
  if (!subject || subject.start > span.open) return null;
  const resolved = resolvePhrase(subject, subject.start, { text: walk.text, cast: walk.cast });
  return resolved ? { resolved: { ...resolved, confidence: CONFIDENCE.sentenceSubject }, verb: null, range: subject, cues: "" } : null;
}

/**
 * "The governor leaned in and boomed: “...”", "Ruiz answered with a smile: “...”": a direct
 * quote that a colon introduces belongs to the subject of the clause before the colon, whatever
 * its verb.
 */
function colonClause(walk: Walk, span: QuoteSpan, paragraph: readonly Token[], above: boolean): Found | null {
  const before = above ? [...paragraph] : paragraph.filter((token) => token.end <= span.open);
  // "):" may come as one token after a bracket ("Rep. Jane Doe (R-Ore.):").
  const mark = before[before.length - 1]?.text ?? "";
  // "Doe also embraced the plan -- “...”": a dash introduces the words as a colon does, but
  // only a named person's (a dash also sets off asides and lists).
  const dash = !above && /^(?:--|—|–)$/.test(mark);
  if (!/^\)?:$/.test(mark) && !dash) return null;
  let from = before.length - 1;
  while (from > 0 && !(END_OF_CLAUSE.test((before[from - 1] as Token).text) && !abbreviationStop(before, from - 1)) && !QUOTE_MARKS.test((before[from - 1] as Token).text)) from -= 1;
  const clause = before.slice(from, -1);
  const label = dash ? null : labelBeforeColon(walk, clause);
  if (label) return label;
  const subject = mainSubject(walk.text, clause, 0, (token) => isQuoted(walk, token)) ?? namedClauseSubject(walk.text, clause);
  // "I wrote:" in a first-person piece names nobody the reader can be given.
  if (!subject || /^(i|we|you)$/i.test(subject.text)) return null;
  const resolved = resolvePhrase(subject, subject.start, { text: walk.text, cast: walk.cast });
  if (!resolved || (dash && !(resolved.person && subject.tokens.some(isNameToken)))) return null;
  return { resolved: { ...resolved, confidence: Math.min(resolved.confidence, CONFIDENCE.sentenceSubject) }, verb: null, range: subject, cues: walk.text.slice(subject.start, (before[before.length - 1] as Token).end) };
}

/** Words that introduce the name of a show, book, song or programme rather than words said. */
const WORK_NOUNS = /^(show|program|programme|podcast|book|memoir|biography|film|movie|song|series|column|segment|documentary|album|novel|newsletter|broadcast|titled|entitled|headlined)$/;
const BEFORE_TITLE = /^(on|in|of|with|to|at|from|for|by|the|told|read|'s|’s)$/;

/** Whether the words before an opening mark introduce a title: `on ABC's “`, `the podcast “`, `her memoir, “`. */
function namesWork(before: readonly Token[]): boolean {
  let last = before.length - 1;
  while (last >= 0 && QUOTE_MARKS.test((before[last] as Token).text)) last -= 1;
  const word = before[last];
  if (!word) return false;
  if (word.text === ",") return WORK_NOUNS.test(key(before[last - 1] ?? word));
  return BEFORE_TITLE.test(key(word)) || WORK_NOUNS.test(key(word));
}

/**
 * `Rep. Jane Doe (R-Ore.): “…”`, `Pollsters agree - Jo Lee: “…”`, `According to the Harbor Post: “…”`:
 * a clause before the colon that is nothing but a name (after a dash, if any) labels the quotation
 * with its speaker, as a transcript's label does; so does an according-to source.
 */
function labelBeforeColon(walk: Walk, clause: readonly Token[]): Found | null {
  const dash = clause.findLastIndex((token) => /^(-|--|–|—)$/.test(token.text) && token.pos === "PUNCT" && !glued(clause, token));
  let tokens = clause.slice(dash + 1);
  const according = key(tokens[0] ?? ({ text: "" } as Token)) === "according" && key(tokens[1] ?? ({ text: "" } as Token)) === "to";
  if (according) tokens = tokens.slice(2);
  // A party and state in brackets after the name ("(R-Ore.)") is no part of it.
  const open = tokens.findIndex((token) => token.text === "(");
  if (open > 0) tokens = tokens.slice(0, open);
  if (tokens.length === 0 || tokens.length > 8 || tokens.some((token) => token.pos === "VERB" || token.pos === "AUX" || token.pos === "PRON")) return null;
  const phrase = phraseOf(walk.text, tokens, 0, tokens.length);
  if (!phrase || !(according || isNameToken(tokens[tokens.length - 1] as Token))) return null;
  const resolved = resolvePhrase(phrase, phrase.start, { text: walk.text, cast: walk.cast }) ?? (according ? describedSpeaker(walk.cast, phrase) : null);
  if (!resolved) return null;
  return { resolved: { ...resolved, confidence: Math.min(resolved.confidence, CONFIDENCE.sentenceSubject) }, verb: according ? "according to" : null, range: phrase, cues: walk.text.slice(phrase.start, phrase.end) };
}

/** Whether a hyphen is part of a word ("D-Ore", "well-known"), touching the tokens on both sides. */
function glued(clause: readonly Token[], token: Token): boolean {
  const at = clause.indexOf(token);
  const left = clause[at - 1];
  const right = clause[at + 1];
  return left !== undefined && right !== undefined && left.end === token.start && right.start === token.end;
}

const TITLE_SMALL_WORDS = /^(a|an|the|of|and|or|for|to|in|on|at|by|with|from|de|la|le)$/;

/** Whether a passage of at most six words has every word but the small ones capitalized. */
export function isTitleCase(passage: string): boolean {
  const words = passage.replace(/[.,!?;:]+$/, "").split(/\s+/).filter((word) => /\p{L}/u.test(word));
  if (words.length === 0 || words.length > 6) return false;
  return words.every((word, index) => /^[\p{Lu}\p{N}'‘#@]/u.test(word) || (index > 0 && TITLE_SMALL_WORDS.test(word)));
}

/**
 * Capitalized abbreviations ("Dr.", "Gen.") and the initials "U.S.", "U.N.", "U.K.": a full stop in these
 * is taken for no sentence end between a quote and its speaker.
 */
const ABBREVIATIONS = new RegExp(
  `\\b(?:${[...NON_TERMINAL_ABBREVIATIONS].map((word) => word.charAt(0).toUpperCase() + word.slice(1, -1)).join("|")}|U\\.S|U\\.N|U\\.K)\\.`,
  "g",
);

/** The text between two offsets with the full stops of abbreviations ("Dr.", "U.S.") taken out. */
function between(text: string, from: number, to: number): string {
  return text.slice(from, to).replace(ABBREVIATIONS, "");
}

/** Whether nothing but words of one sentence stands between two offsets (no full stop). */
function sameSentence(text: string, from: number, to: number): boolean {
  return from <= to && !/[.!?]["”’]?\s/.test(between(text, from, to));
}

/** The person a paragraph of narration has speak: the named subject of its first reporting verb, or null. */
function narrationSpeaker(walk: Walk, tokens: readonly Token[]): Resolved | null {
  for (let index = 1; index < tokens.length; index += 1) {
    if (!isReportingVerb(tokens, index) || isQuoted(walk, tokens[index] as Token)) continue;
    const subject = subjectBefore(walk.text, tokens, index, 0);
    if (!subject || !subject.tokens.some(isNameToken)) return null;
    const resolved = resolvePhrase(subject, subject.start, { text: walk.text, cast: walk.cast });
    return resolved?.person ? resolved : null;
  }
  return null;
}

/**
 * "Ruiz touted her record on the plan. “We need to ...”": a quotation no verb attributes that
 * opens a sentence right after one of narration in its paragraph is the words of that sentence's
 * subject when the subject is a named person (or a pronoun for one), less surely than a verb's.
 */
function narratedBefore(walk: Walk, span: QuoteSpan, paragraph: readonly Token[]): Found | null {
  const before = paragraph.filter((token) => token.end <= span.open);
  const stop = before[before.length - 1];
  if (!stop || stop.text !== "." || abbreviationStop(paragraph, before.length - 1)) return null;
  let from = before.length - 1;
  while (from > 0 && !(END_OF_CLAUSE.test((before[from - 1] as Token).text) && !abbreviationStop(paragraph, from - 1)) && !QUOTE_MARKS.test((before[from - 1] as Token).text)) from -= 1;
  // The sentence before must be narration: no quotation mark in it.
  if (from > 0 && QUOTE_MARKS.test((before[from - 1] as Token).text)) return null;
  const sentence = before.slice(from, -1);
  if (sentence.length < 3) return null;
  const subject = mainSubject(walk.text, sentence, 0, (token) => isQuoted(walk, token));
  if (!subject || subject.start !== (sentence[0] as Token).start) return null;
  const resolved = resolvePhrase(subject, subject.start, { text: walk.text, cast: walk.cast });
  if (!resolved?.person) return null;
  return { resolved: { ...resolved, confidence: Math.min(resolved.confidence, CONFIDENCE.distantContinuation) }, verb: null, range: subject, cues: "" };
}

/**
 * "Clinton, clearly frustrated, responded by pointing a finger ... / “I do not have ...”": a
 * paragraph that is nothing but a quotation no verb attributes, right after a paragraph of
 * narration that has a named person speak (the subject of its reporting verb), is that person's,
 * as surely as a quotation after a sentence of narration is (`narratedBefore`).
 */
function narratedAbove(walk: Walk, paragraph: readonly Token[]): Found | null {
  if (paragraph.length < 3 || paragraph.some((token) => QUOTE_MARKS.test(token.text))) return null;
  const resolved = narrationSpeaker(walk, paragraph);
  return resolved ? { resolved: { ...resolved, confidence: Math.min(resolved.confidence, CONFIDENCE.distantContinuation) }, verb: null, range: null, cues: "" } : null;
}

/** Words that give something a name right before a quotation ("calls itself “…”", "dubbed “…”"). */
const NAMING_BEFORE = /\b(?:(?:calls?|called|calling)\s+(?:itself|themselves|himself|herself)|dubbed|nicknamed|so-called|known\s+as|code-?named|named|titled|entitled)\s*["“]?$/i;

/** Attributes one quoted passage and records it; null for scare quotes and titles (unattributed partial quotes). */
export function attributeQuote(walk: Walk, span: QuoteSpan, paragraphs: { readonly open: number; readonly close: number }, tokensOf: (paragraph: number) => readonly Token[]): ExtractedQuote | null {
  const text = walk.text.slice(span.start, span.end);
  const wordCount = text.split(/\s+/).filter(Boolean).length;
  if (span.kind === "partial" && wordCount < 2) return null;
  // "a group that calls itself “Harbor 12”", "a plan dubbed “Clean Sweep”": a short passage
  // that a naming verb introduces is a name, not words anyone said.
  if (span.kind === "partial" && wordCount <= 4 && NAMING_BEFORE.test(walk.text.slice(Math.max(0, span.start - 40), span.start))) return null;
  const closeTokens = tokensOf(paragraphs.close);
  const openTokens = tokensOf(paragraphs.open);
  const startsParagraph = openTokens[0] !== undefined && openTokens[0].start === span.open;
  // "The statement read:" on its own line introduces the quote that opens the next paragraph.
  const previousParagraph = tokensOf(paragraphs.open - 1);
  const introducedAbove = startsParagraph && previousParagraph[previousParagraph.length - 1]?.text === ":";
  // A quotation closed by a full stop and introduced by its own verb ("Doe said, “... party.” He
  // added that ...") is that verb's: the sentence after the closing mark is a new one.
  const closesSentence = /\.\s*$/.test(text);
  const introduced = closesSentence ? lead(walk, span, openTokens, paragraphs.open) : null;
  // "“It's sad,” Cruz said. “This is the consequence ...” Ohio Gov. Jo Doe said he would ...": a
  // quotation closed by its own full stop, after another one in its paragraph, goes on with that
  // one's speaker; the next sentence's "X said" reports X's own clause, not these words.
  const trailing = introduced ? null : trailer(walk, span, closeTokens);
  const goesOn = walk.previous !== null && walk.previous.paragraph === paragraphs.open && walk.previous.resolved !== null;
  const after = trailing?.ownClause && closesSentence && goesOn ? null : trailing;
  // "Dore says, “...,” he said the talks failed": a name before the quotation beats a pronoun after it.
  const named = after && after.resolved.confidence <= CONFIDENCE.pronoun && !closesSentence ? lead(walk, span, openTokens, paragraphs.open) : null;
  let found =
    introduced ??
    (named?.resolved.person && named.resolved.confidence > (after?.resolved.confidence ?? 0) ? named : after) ??
    (closesSentence ? null : lead(walk, span, openTokens, paragraphs.open)) ??
    (introducedAbove ? lead(walk, span, previousParagraph, paragraphs.open - 1) : null) ??
    (span.kind === "direct" ? colonClause(walk, span, introducedAbove ? previousParagraph : openTokens, introducedAbove) : null);
  let medium: ExtractedQuoteMedium | null = null;
  let confidence: number;
  const previous = walk.previous;
  const continues = previous !== null && (previous.paragraph === paragraphs.open || (previous.paragraph === paragraphs.open - 1 && startsParagraph));
  // A paragraph that is nothing but a quotation, one paragraph of narration after a named
  // person's words ("Doe told CNN ... / What that means is unclear. / “We have to ...”"), goes on
  // with that person, less surely.
  const wholeParagraph = startsParagraph && closeTokens[closeTokens.length - 1] !== undefined && (closeTokens[closeTokens.length - 1] as Token).end <= span.end + 1;
  const continuesAcross = !continues && previous !== null && span.kind === "direct" && wholeParagraph && previous.paragraph === paragraphs.open - 2 && previous.resolved?.person != null;
  if (found) {
    confidence = found.resolved.confidence;
    medium = found.resolved.viaStatement ? "statement" : mediumOf(found.cues);
  } else if (continues && previous && (span.kind === "direct" || sameSentence(walk.text, previous.end, span.open))) {
    // The words go on from the quote before: its attribution names their speaker too.
    found = previous.resolved ? { resolved: previous.resolved, verb: null, range: previous.attribution ?? null, cues: "" } : null;
    confidence = CONFIDENCE.continuation;
    medium = previous.medium;
  } else if (continuesAcross && previous) {
    // "Army spokesman Jo Doe confirmed fighting ..." in the narration between: the quotation is
    // the words of the person that paragraph has speak, not of the one quoted before it.
    const between = narrationSpeaker(walk, tokensOf(paragraphs.open - 1));
    const resolved = between ?? previous.resolved;
    found = resolved ? { resolved, verb: null, range: between ? null : (previous.attribution ?? null), cues: "" } : null;
    confidence = CONFIDENCE.distantContinuation;
    medium = previous.medium;
  } else {
    found = span.kind === "partial" ? sentenceSubject(walk, span, openTokens) : (narratedBefore(walk, span, openTokens) ?? (wholeParagraph ? narratedAbove(walk, tokensOf(paragraphs.open - 1)) : null));
    if (!found && span.kind === "partial") return null;
    confidence = found ? found.resolved.confidence : CONFIDENCE.none;
  }
  // “Morning Joe”, “Make America Great Again”: a short title-case passage no speech verb
  // introduces is the name of a show, book or slogan, not words someone said; so is one that a
  // preposition, a possessive or a work's noun introduces (`said on NBC's “Meet the Press,”`), whatever verb is near.
  if (found?.verb == null && isTitleCase(text)) return null;
  if (isTitleCase(text) && namesWork(openTokens.filter((token) => token.end <= span.open))) {
    // The title is part of the narration around the quote before it: a quotation right after
    // it (`on “This Week.” “But …”`) still continues that quote.
    if (walk.previous && walk.previous.paragraph === paragraphs.open) walk.previous = { ...walk.previous, end: span.end };
    return null;
  }
  const resolved = found?.resolved ?? null;
  // “We will,” she said, “never surrender.”: the second part of a quote split by its
  // attribution is as direct as the first.
  const split = span.kind === "partial" && previous !== null && previous.paragraph === paragraphs.open && /^[”"]?\s*,?[^.!?“”"]*,\s*$/.test(between(walk.text, previous.end, span.open)) && walk.quotes.at(-1)?.kind === "direct";
  const quote: ExtractedQuote = {
    start: span.start,
    end: span.end,
    text,
    ...speakerOf(resolved),
    speakerDescription: speakerDescription(resolved),
    kind: split ? "direct" : span.kind,
    medium: medium ?? "other",
    reportingVerb: found?.verb ?? null,
    attribution: found?.range ? { start: found.range.start, end: found.range.end } : null,
    confidence: Math.round(confidence * 100) / 100,
  };
  walk.previous = { resolved, paragraph: paragraphs.close, end: span.end, medium: quote.medium, attribution: quote.attribution };
  walk.quotes.push(quote);
  return quote;
}
