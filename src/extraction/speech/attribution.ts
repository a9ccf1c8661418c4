import { type Token } from "../text.js";
import { escapeForRegExp, LETTER, matchesOf, trailingRun, wordOffsets } from "../patterns.js";
import type { ExtractedQuote, ExtractedQuoteMedium } from "../types.js";
import { type Cast, type GroupSpeaker, type PersonEntry, type SourceEntry, genderOfGivenName, surnameOf } from "./cast.js";
import { lookupPlace, countryOfDemonym } from "../events/gazetteer.js";
import { DESCRIBED_AGENCIES, DOCUMENT_NOUNS, GENDERED_WORDS, isCommonPluralNoun, KNOWN_ORGANIZATIONS, MEDIUM_CUES, NON_TERMINAL_ABBREVIATIONS, ORGANIZATION_ALIASES, ORG_HEADS, ORG_NOUNS, REPORTING_VERBS, ROLE_NOUNS, SOURCE_HEADS, STATEMENT_NOUNS, SUBJECT_PRONOUNS, TITLE_ABBREVIATIONS, TITLE_WORDS } from "./lexicon.js";
import { BODY_HEADS, canonicalOrganization, organizationInPhrase, organizationSpans, spelledOutAcronym, stateBodyName } from "./organizations.js";
import { registerPerson } from "./people.js";
import { type Phrase, acronymAfterArticle, beforeTimeAdverbial, endsInNoun, headOf, hyphenatedWord, isCapitalized, isNameWord, isNameToken, isRoleWord, key, nameRuns, nounPhraseAfter, nounPhraseBefore, phraseOf } from "./phrases.js";

// Who said it: turns the words that name a speaker ("the official", "she", "State Department
// spokesperson Heather Nauert", "the statement", "according to witnesses") into one member of
// the cast. Each way of referring has its own confidence, in the order the issue asks for:
// a name or a new description (explicit) > a definite reference back ("the official") >
// continuation of the previous quote > a pronoun.

/** Confidences of the attribution rules (explicit > reference > continuation > pronoun). */
export const CONFIDENCE = {
  explicit: 0.9,
  reference: 0.8,
  statement: 0.8,
  continuation: 0.75,
  pronoun: 0.7,
  /** A quotation paragraph with no attribution, one paragraph of narration after the last speaker's words. */
  distantContinuation: 0.5,
  ambiguousPronoun: 0.45,
  sentenceSubject: 0.6,
  none: 0.3,
} as const;

/** A speaker resolved to the cast: a person, an unnamed source, or a speaking organization/group. */
export interface Resolved {
  readonly person: PersonEntry | null;
  readonly source: SourceEntry | null;
  readonly group: GroupSpeaker | null;
  readonly confidence: number;
  /** True when the words were a statement's ("the statement said"): the medium is "statement". */
  readonly viaStatement: boolean;
}

/**
 * The `speaker` and `speakerKind` of a quote by the resolved speaker: a person's canonical name,
 * or a speaking organization's; an unnamed source or group (witnesses, protesters) names nobody.
 */
export function speakerOf(resolved: Resolved | null): Pick<ExtractedQuote, "speaker" | "speakerKind"> {
  if (resolved?.person) return { speaker: resolved.person.name, speakerKind: "person" };
  if (resolved?.group?.organization) return { speaker: resolved.group.organization, speakerKind: "organization" };
  return { speaker: null, speakerKind: null };
}

/**
 * The name of a speaking body the capitalized-name rule could not see: "the interior ministry"
 * (a lower-case body head after another word), "the Pentagon" or "Hamas" (proper nouns only).
 */
function bodyName(phrase: Phrase): string | null {
  const words = phrase.tokens.filter((token) => token.pos !== "DET");
  const head = key(headOf(phrase) as Token);
  const name = phrase.text.replace(/^(the|a|an)\s+/i, "");
  if (BODY_HEADS.has(head) && words.length >= 2) return name;
  // A lone "Police" or "Army" opening a sentence is capitalized by position, not a name.
  if (words.length === 1 && (BODY_HEADS.has(head) || ORG_NOUNS.has(head) || ORG_HEADS.has(head))) return null;
  if (words.length > 0 && words.every((token) => token.pos === "PROPN" && isCapitalized(token)) && !ROLE_NOUNS.has(head)) return canonicalOrganization(name);
  return null;
}

/** Staff who speak for someone ("a spokeswoman for X", "an aide to X"). */
const STAFF_NOUNS = new Set(["spokesman", "spokeswoman", "spokesperson", "aide", "aides", "adviser", "advisor", "lawyer", "lawyers", "attorney", "attorneys", "assistant", "representative", "envoy"]);

/**
 * The person the sentence after an indefinite description ("a lawyer for X said ...", "an
 * election official said ...") names as its speaker, set off by an appositive that shares a word
 * with the description ("Al Roe, part of Doe's legal team, said", "“…,” Jo Doe, head of the
 * Election Committee's office, said"): the described speaker, named next. `cues` are the
 * description's words in lower case; the appositive must hold one of them. Reads only the next
 * sentence (at most 1,200 characters after the description).
 */
function describedNamedNext(phraseEnd: number, cues: readonly string[], context: ResolveContext): PersonEntry | null {
  const { text } = context;
  const after = text.slice(phraseEnd, phraseEnd + 700);
  const end = /[.!?]["”’]?\s+(?=["“]?\p{Lu})/u.exec(after);
  if (!end) return null;
  let next = after.slice(end.index + end[0].length, end.index + end[0].length + 500);
  // The sentence may open with the speaker's quotation: "“…,” Jo Doe, head of ..., said".
  const quoted = /^["“][^"“”]{1,400}?[,?!]["”]\s+/u.exec(next);
  if (quoted) next = next.slice(quoted[0].length);
  const opening = /^((?:\p{Lu}[\p{L}'’-]+\s){1,3}\p{Lu}[\p{L}'’-]+),\s([^.;:!?"“”]{3,160}?),\s(\p{Ll}+)\b/u.exec(next);
  if (!opening || !REPORTING_VERBS.has(opening[3] ?? "")) return null;
  const name = opening[1] as string;
  const appositive = (opening[2] as string).toLowerCase();
  const appositiveWords = new Set(appositive.split(/[^\p{L}]+/u));
  if (!cues.some((cue) => appositiveWords.has(cue) || (cue.length > 4 && appositive.includes(cue)))) return null;
  // The name is a person's: the cast's, or a new full name that is no body, place or title.
  const known = context.cast.personNamed(name);
  if (known) return known;
  if (!name.includes(" ") || lookupPlace(name) || name.split(/\s+/).some((word) => TITLE_WORDS.has(word.toLowerCase()) || ORG_HEADS.has(word.toLowerCase()) || ORG_NOUNS.has(word.toLowerCase()))) return null;
  return context.cast.addPerson(name, null, CONFIDENCE.reference);
}

/**
 * A person's name as a speaker: the cast's (full name, or surname after a title), or a new full
 * name that is no body, place or title; null for any other words.
 */
function personByName(name: string, start: number, context: ResolveContext): PersonEntry | null {
  const bare = name.replace(TITLE_BEFORE_NAME, "");
  // "In Washington, a spokesman said", "On Monday, the agency said": an opening phrase, no name.
  const opener = /^\S+/u.exec(bare)?.[0] ?? "";
  if (OPENER_WORDS.test(opener) || SENTENCE_TIME_WORDS.test(opener)) return null;
  const known = context.cast.personNamed(bare) ?? (bare.includes(" ") ? undefined : context.cast.personBySurnameBefore(bare, start));
  if (known) return known;
  if (!bare.includes(" ") || lookupPlace(bare) || bare.split(/\s+/).some((word) => TITLE_WORDS.has(word.toLowerCase()) || ORG_HEADS.has(word.toLowerCase()) || ORG_NOUNS.has(word.toLowerCase()))) return null;
  return context.cast.addPerson(bare, null, CONFIDENCE.reference);
}

/** "Mr. ", "Dr. ": a courtesy title written before a name. */
const HONORIFIC = String.raw`(?:Mr|Mrs|Ms|Dr)\.\s+`;
const TITLE_BEFORE_NAME = new RegExp(`^${HONORIFIC}`, "u");

/**
 * The name a described subject stands beside, set off by a comma: before it, opening the sentence
 * with the appositive left open ("But Jo Doe, the director of the Harbor Rights Forum says",
 * "Jo Doe, editor of the \"Ledger\" weekly says"), or after it, closed before the reporting verb
 * ("The candidate of the Renewal Party, Mr. Doe, says"). Null when the words around are not so.
 */
function nameBesideDescription(context: ResolveContext, phrase: Phrase): PersonEntry | null {
  const { text } = context;
  const after = NAME_APPOSITIVE_AFTER.exec(text.slice(phrase.end, phrase.end + 80));
  if (after && REPORTING_VERBS.has(after[2] as string)) return personByName(after[1] as string, phrase.end, context);
  const from = Math.max(0, phrase.start - 200);
  const before = NAME_OPENING_BEFORE.exec((from === 0 ? "\n" : "") + text.slice(from, phrase.start));
  if (!before || !REPORTING_VERBS.has(NEXT_WORD.exec(text.slice(phrase.end, phrase.end + 30))?.[1] ?? "")) return null;
  return personByName(before[1] as string, phrase.start, context);
}

const NAME_WORDS = String.raw`(?:${HONORIFIC})?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,3}`;
const NAME_APPOSITIVE_AFTER = new RegExp(String.raw`^,\s+(${NAME_WORDS}),\s+(\p{Ll}+)\b`, "u");
const NAME_OPENING_BEFORE = new RegExp(String.raw`(?:[.!?]["”’]?\s+|\n\s*)(?:(?:But|And|Yet|So)\s+)?(${NAME_WORDS}),\s+(?:[^.!?\n,;:]*\s)?$`, "u");
const NEXT_WORD = /^\s+(\p{Ll}+)\b/u;

/** Words of a description that an appositive naming the same speaker may repeat (no determiners or prepositions). */
function descriptionCues(tokens: readonly Token[]): string[] {
  return tokens.filter((token) => /^\p{L}{3,}$/u.test(token.text) && !["DET", "ADP", "CCONJ", "PRON"].includes(token.pos) && !/^(?:senior|top|local|former|other|said|says)$/i.test(token.text)).map((token) => token.text.toLowerCase().replace(/s$/, ""));
}

/** Heads of newspapers' names, which stand alone for the paper ("the Herald", "the Times"). */
const NEWSPAPER_HEADS = /^(?:herald|times|post|journal|tribune|telegraph|guardian|gazette|observer|independent|chronicle|examiner|inquirer|globe|star|sun|mirror|express)$/;

/** Words that set people beside someone ("officials close to X", "aides traveling with X"). */
const COMPANION_WORDS = /^(?:close|closer|near|loyal|traveling|travelling|accompanying|familiar|allied|working)$/i;
const COMPANION_PREPOSITIONS = /^(?:to|with|for)$/i;

/** "Senior officials traveling with ", "Aides close to " right before a name: [words, noun]. */
const COMPANIONS_BEFORE = /(?<![\p{L}])((?:(?:[Tt]he|[Ss]ome|[Ss]everal|[Mm]any|[Ss]enior|[Oo]ther|[Tt]wo|[Tt]hree|U\.S\.|\p{Lu}\p{Ll}+)\s+){0,3}?(\p{L}+s)\s+(?:(?:close|closer|near|loyal|allied|familiar)\s+(?:to|with)|(?:traveling|travelling|working|flying)\s+with|accompanying)\s+)$/u;
const SOURCE_OR_STAFF = (word: string): boolean => SOURCE_HEADS.has(word.toLowerCase()) || STAFF_NOUNS.has(word.toLowerCase()) || /^(?:fighters|forces|associates|loyalists)$/i.test(word);

/**
 * The index of the staff or source noun that heads a phrase naming someone only as whom they
 * speak for or are near: `X's spokesman` (the staff noun last, after a possessive) or
 * `officials close to X`, `aides traveling with X`, `people accompanying X`; -1 otherwise.
 */
function staffOrCompanions(tokens: readonly Token[]): number {
  const lastIndex = tokens.length - 1;
  const last = tokens[lastIndex];
  if (last && lastIndex >= 2 && STAFF_NOUNS.has(key(last)) && !isCapitalized(last) && /^['’]s$/.test(tokens[lastIndex - 1]?.text ?? "")) return lastIndex;
  for (let index = 0; index <= Math.min(2, tokens.length - 3); index += 1) {
    const noun = tokens[index] as Token;
    if (isCapitalized(noun) && index > 0) continue;
    if (!/s$/i.test(noun.text) || !(SOURCE_HEADS.has(key(noun)) || STAFF_NOUNS.has(key(noun)))) continue;
    const next = tokens[index + 1] as Token;
    if (/^accompanying$/i.test(next.text) || (COMPANION_WORDS.test(next.text) && COMPANION_PREPOSITIONS.test(tokens[index + 2]?.text ?? ""))) return index;
  }
  return -1;
}

/** How the story describes the speaker: a person's first title, or the source's or group's words. */
export function speakerDescription(resolved: Resolved | null): string | null {
  if (!resolved) return null;
  if (resolved.person) return resolved.person.titles[0] ?? null;
  return resolved.source?.description ?? resolved.group?.description ?? null;
}

/** The medium the attribution's words name ("in a statement", "told a news conference"), or null. */
export function mediumOf(words: string): ExtractedQuoteMedium | null {
  return MEDIUM_CUES.find((cue) => cue.pattern.test(words))?.medium ?? null;
}

/** What resolution needs besides the phrase: the text, the cast, and whom to leave out. */
export interface ResolveContext {
  readonly text: string;
  readonly cast: Cast;
  /** The speaker whose own words contain the phrase: "he" inside their quote is someone else. */
  readonly insideSpeaker?: PersonEntry | null;
  /**
   * The person whose words were reported last, when the verb says the same speaker goes on
   * ("he added", "she continued"): a pronoun subject of that verb is them when they fit.
   */
  readonly continuing?: PersonEntry | null;
}

/**
 * Where a time adverbial closing a subject starts ("Vietnam on Tuesday issued a statement ..."
 * gives "Vietnam": when a subject spoke is never part of its name), or the phrase's end when none
 * does; the subject keeps at least one word.
 */
const timeTailStart = (tokens: readonly Token[], from: number): number => beforeTimeAdverbial(tokens, tokens.length, from + 1);

/** Resolves the words that name a speaker, as read at `position`; null when they name nobody. */
export function resolvePhrase(phrase: Phrase | null, position: number, context: ResolveContext): Resolved | null {
  if (!phrase) return null;
  let from = 0;
  while (from < phrase.tokens.length && ["CCONJ", "ADV", "PUNCT"].includes((phrase.tokens[from] as Token).pos)) from += 1;
  const trimmed = phraseOf(context.text, phrase.tokens, from, timeTailStart(phrase.tokens, from));
  if (!trimmed) return null;
  const tokens = trimmed.tokens;
  const first = tokens[0] as Token;
  if (tokens.length === 1 && first.pos === "PRON") {
    const resolved = resolvePronoun(first, position, context);
    // "Doe says ... ¶ He explains ... ¶ “...,” he said": the pronoun that named a speaker is that
    // person's latest mention, so the next pronoun continues the chain rather than a person only
    // named inside the reported words since (an offset only: no mention is reported for it).
    if (resolved?.person) notePronounMention(resolved.person, first.start);
    return resolved;
  }

  // "Jo Doe, the director of the Harbor Rights Forum says", "The candidate of the Renewal Party,
  // Mr. Doe, says": a description set off from its name by a comma describes the named speaker.
  const appositiveName = isCapitalized(first) && first.pos === "PROPN" ? null : nameBesideDescription(context, trimmed);
  if (appositiveName) return { person: appositiveName, source: null, group: null, confidence: CONFIDENCE.reference, viaStatement: false };

  const statementAt = tokens.findIndex((token) => STATEMENT_NOUNS.has(key(token)) && token.pos === "NOUN");
  if (statementAt >= 0) return resolveStatement(trimmed, statementAt, position, context);

  const again = sameDescribedSpeakerAgain(tokens, position, context);
  if (again) return again;

  // "the U.N. refugee agency says" in a story that names UNHCR: the agency described is that one.
  const described = describedAgency(trimmed, context);
  if (described) return described;

  // "The organization's Web site says", "the ministry's website said": a body's own site speaks
  // for the body, as its statement does; the possessor says which body.
  const owned = ownedChannel(tokens);
  if (owned > 0) {
    const owner = phraseOf(context.text, tokens, 0, owned);
    const body = owner ? resolvePhrase(owner, position, context) : null;
    if (body?.group?.organization) return { ...body, viaStatement: true };
  }

  // "A spokeswoman for Jane Doe", "an aide to Minister Doe": the speaker is the staff member, an
  // unnamed source, not the person they speak for.
  const staffAt = tokens.findIndex((token, index) => index <= 2 && STAFF_NOUNS.has(key(token)) && !isCapitalized(token) && /^(for|to|of)$/i.test(tokens[index + 1]?.text ?? ""));
  if (staffAt >= 0 && nameRuns(tokens.slice(staffAt + 2)).length > 0) {
    // The body they speak for is one the story names ("a spokesman for the ruling Harbor
    // People's Party"), so that a later "the party said" can find it.
    const body = organizationInPhrase(context.text, tokens.slice(staffAt + 2));
    if (body !== null) context.cast.addOrganization(body);
    // "A lawyer for Jo Doe said ... ¶ Al Roe, part of Doe's legal team, said ...": the staff member
    // the next sentence names is who spoke (keys name a described speaker named next).
    const named = /^an?$/i.test(first.text) ? describedNamedNext(trimmed.end, descriptionCues(tokens.slice(staffAt)), context) : null;
    if (named) return { person: named, source: null, group: null, confidence: CONFIDENCE.reference, viaStatement: false };
    const source = context.cast.addSource(lowerFirst(trimmed.text, /^(the|that|this)$/i.test(first.text)), key(tokens[staffAt] as Token), body, CONFIDENCE.explicit);
    context.cast.mentionSource(source, trimmed, CONFIDENCE.explicit);
    return { person: null, source, group: null, confidence: CONFIDENCE.explicit, viaStatement: false };
  }
  // "President Roe's spokesman", "the ministry's spokeswoman": staff named by whom they speak for,
  // and "officials close to Roe", "aides traveling with the minister": people described by whom
  // they are near. Either way the speaker is the unnamed staff or officials, not the person named.
  const nearby = staffOrCompanions(tokens);
  if (nearby >= 0) {
    // Whom they speak for or are near stays a person of the story (the pronouns after may be theirs).
    const named = /^['’]s$/.test(tokens[nearby - 1]?.text ?? "") ? phraseOf(context.text, tokens, 0, nearby - 1) : phraseOf(context.text, tokens, nearby + 2, tokens.length);
    if (named) personIn(named, context);
    const source = context.cast.addSource(lowerFirst(trimmed.text, /^(the|that|this)$/i.test(first.text)), key(tokens[nearby] as Token), null, CONFIDENCE.explicit);
    context.cast.mentionSource(source, trimmed, CONFIDENCE.explicit);
    return { person: null, source, group: null, confidence: CONFIDENCE.explicit, viaStatement: false };
  }
  // The subject phrase stopped at the verb or preposition ("Officials traveling with | Berg"):
  // the words before it say the speakers are the officials beside the named person.
  const companions = COMPANIONS_BEFORE.exec(context.text.slice(Math.max(0, trimmed.start - 90), trimmed.start));
  if (companions && SOURCE_OR_STAFF(companions[2] as string)) {
    personIn(trimmed, context);
    const description = `${companions[1]}${trimmed.text}`;
    const source = context.cast.addSource(lowerFirst(description, /^(the|that|this)\b/i.test(description)), (companions[2] as string).toLowerCase(), null, CONFIDENCE.explicit);
    context.cast.mentionSource(source, trimmed, CONFIDENCE.explicit);
    return { person: null, source, group: null, confidence: CONFIDENCE.explicit, viaStatement: false };
  }
  // "Secretary Roe and Minister Lee said": two people speak together, neither alone; an unnamed
  // source the phrase describes.
  const and = tokens.findIndex((token) => key(token) === "and");
  // Each side a name ("Jan Novak") or a title and a surname ("Minister Lee").
  const named = (side: readonly Token[]): boolean => {
    const last = side[side.length - 1];
    if (!last || side.length > 5 || !isNameToken(last)) return false;
    return side.length >= 2 && (isNameToken(side[side.length - 2] as Token) || TITLE_WORDS.has(key(side[side.length - 2] as Token)));
  };
  if (and > 0 && named(tokens.slice(0, and)) && named(tokens.slice(and + 1))) {
    const source = context.cast.addSource(trimmed.text, "and", null, CONFIDENCE.explicit);
    context.cast.mentionSource(source, trimmed, CONFIDENCE.explicit);
    return { person: null, source, group: null, confidence: CONFIDENCE.explicit, viaStatement: false };
  }
  // "Ukrainians", "many Iraqis": a nation's people speak as an unnamed group, not as a body.
  const headToken = headOf(trimmed) as Token;
  // "House Democrats", "Senate Republicans": a party's members speak as a group too.
  const members = /s$/.test(headToken.text) && isCapitalized(headToken) && PARTY_MEMBERS.has(key(headToken));
  if ((members || (headToken.pos === "PROPN" && /s$/.test(headToken.text) && countryOfDemonym(headToken.text.slice(0, -1)) !== undefined)) && tokens.length <= 3) {
    const source = context.cast.addSource(lowerFirst(trimmed.text, /^(the|that|this)$/i.test(first.text)), key(headToken), null, CONFIDENCE.explicit);
    context.cast.mentionSource(source, trimmed, CONFIDENCE.explicit);
    return { person: null, source, group: null, confidence: CONFIDENCE.explicit, viaStatement: false };
  }
  // "The international group Freedom Forum Watch … Freedom Forum Watch said": a name the story
  // already gave as an organization's (and no one's name) is that body speaking, not a person.
  const bareName = trimmed.text.replace(/^the\s+/i, "");
  // "AU says" in a story that names the African Union: an acronym the story spells out is that body.
  // The acronym stays one of the story's organizations, as the body's own short name.
  const spelledOut = context.cast.personNamed(bareName) ? null : spelledOutAcronym(context.cast, bareName);
  if (spelledOut !== null) context.cast.addOrganization(bareName);
  const bodyNamed = context.cast.organizations.find((organization) => organization.toLowerCase() === bareName.toLowerCase()) ?? spelledOut ?? undefined;
  // Not a country's army or police ("Afghan police"), which stays an unnamed source (below).
  if (bodyNamed !== undefined && !context.cast.personNamed(bodyNamed) && !tokens.some((token) => GENERIC_INSTITUTIONS.has(key(token)))) {
    context.cast.mention(trimmed, "organization", bodyNamed, CONFIDENCE.explicit);
    // "The MDC said" after "the Movement for Democratic Change": the body speaks by its full name.
    const group: GroupSpeaker = { description: trimmed.text, head: key(headOf(trimmed) as Token), start: trimmed.start, organization: spelledOutAcronym(context.cast, bodyNamed) ?? bodyNamed };
    context.cast.groups.push(group);
    return { person: null, source: null, group, confidence: CONFIDENCE.explicit, viaStatement: false };
  }
  // "The Herald said", "the Kremlin said", "the Times reported": "the" and one capitalized word that is no title, role
  // or kind of body is a body's name, though the tagger may read it as a common noun.
  const single = tokens.length === 2 && key(first) === "the" ? (tokens[1] as Token) : null;
  if (single && single.pos === "NOUN" && /^\p{Lu}\p{Ll}{2,}$/u.test(single.text) && (!/s$/.test(single.text) || NEWSPAPER_HEADS.test(key(single)))) {
    const word = key(single);
    if (!ROLE_NOUNS.has(word) && !TITLE_WORDS.has(word) && !SOURCE_HEADS.has(word) && !STAFF_NOUNS.has(word) && !GENERIC_INSTITUTIONS.has(word) && !BODY_HEADS.has(word) && !ORG_NOUNS.has(word) && (!ORG_HEADS.has(word) || NEWSPAPER_HEADS.test(word)) && !STATEMENT_NOUNS.has(word) && !DOCUMENT_NOUNS.has(word)) {
      // The spelling the story already gave the body ("The Herald") is kept.
      const name = context.cast.organizations.find((organization) => organization.replace(/^the\s+/i, "").toLowerCase() === word) ?? canonicalOrganization(single.text);
      context.cast.addOrganization(name);
      context.cast.mention(trimmed, "organization", name, CONFIDENCE.explicit);
      const group: GroupSpeaker = { description: trimmed.text, head: word, start: trimmed.start, organization: name };
      context.cast.groups.push(group);
      return { person: null, source: null, group, confidence: CONFIDENCE.explicit, viaStatement: false };
    }
  }
  // "the chairman of the Joint Chiefs of Staff told ...", the lead's role named in the next
  // paragraph: the person named there, not a "person" read from the body's capitals.
  const roleWord = tokens[1];
  if (tokens.length >= 4 && /^the$/i.test(first.text) && roleWord !== undefined && !isCapitalized(roleWord) && ROLE_NOUNS.has(key(roleWord)) && key(tokens[2] as Token) === "of") {
    const lateNamed = namedInNextParagraph(tokens, key(roleWord), trimmed.start, context);
    if (lateNamed) {
      context.cast.mentionPerson(lateNamed, trimmed, CONFIDENCE.reference);
      return { person: lateNamed, source: null, group: null, confidence: CONFIDENCE.reference, viaStatement: false };
    }
  }
  // "Civilians here say", "Separatists say": a plural common noun capitalized only because it
  // opens the sentence describes unnamed people, never a person or a body named "Civilians".
  const plural = openingCommonPlural(trimmed, context);
  if (plural) return plural;
  const person = personIn(trimmed, context);
  if (person) return { person, source: null, group: null, confidence: CONFIDENCE.explicit, viaStatement: false };

  // "the regional police chief": a role noun the tagger reads as an adjective at the end of the
  // phrase is its head, not the body noun before it.
  const lastWord = tokens[tokens.length - 1] as Token;
  const roleAtEnd = tokens.length >= 3 && lastWord.pos === "ADJ" && !isCapitalized(lastWord) && ROLE_NOUNS.has(key(lastWord));
  const head = roleAtEnd ? key(lastWord) : key(headOf(trimmed) as Token);
  const definite = /^(the|that|this)$/i.test(first.text);
  // "a spokesman says ... ¶ ... the campaign spokesman, Jo Doe, predicted ...": a bare
  // indefinite role the story names only later is that person (a delayed identification).
  if (!definite && tokens.length === 2) {
    const later = namedLater(head, position, context);
    if (later) {
      context.cast.mentionPerson(later, trimmed, CONFIDENCE.reference);
      return { person: later, source: null, group: null, confidence: CONFIDENCE.reference, viaStatement: false };
    }
  }
  // "An election official said ... ¶ “…,” Jo Doe, head of the Election Committee's office, said":
  // a person described by an indefinite role and named in the next sentence (keys name them).
  if (/^an?$/i.test(first.text) && tokens.length <= 5 && (ROLE_NOUNS.has(head) || SOURCE_HEADS.has(head)) && !head.endsWith("s")) {
    const next = describedNamedNext(trimmed.end, descriptionCues(tokens), context);
    if (next) {
      context.cast.mentionPerson(next, trimmed, CONFIDENCE.reference);
      return { person: next, source: null, group: null, confidence: CONFIDENCE.reference, viaStatement: false };
    }
  }
  // "NATO Secretary General Jo Doe says ... NATO's chief says": a body's head, named before.
  const led = bodysHeadNamedBefore(tokens, head, position, context);
  if (led) {
    context.cast.mentionPerson(led, trimmed, CONFIDENCE.reference);
    return { person: led, source: null, group: null, confidence: CONFIDENCE.reference, viaStatement: false };
  }
  // "A coalition of opposition parties says ... ¶ The RHDP coalition, which includes ...": a body
  // described by its kind in the lead is the one the story names with that kind soon after.
  if (!definite && tokens.length >= 2 && /^(a|an)$/i.test(first.text)) {
    const body = bodyNamedLater(key(tokens[1] as Token), trimmed.end, context);
    if (body) {
      context.cast.addOrganization(body);
      const group: GroupSpeaker = { description: trimmed.text, head: key(tokens[1] as Token), start: trimmed.start, organization: body };
      context.cast.groups.push(group);
      return { person: null, source: null, group, confidence: CONFIDENCE.reference, viaStatement: false };
    }
  }
  // "Secretary calls Iraq ...": a deck or headline drops the article; a lone capitalized title is
  // the one person of the story who holds it.
  if (tokens.length === 1 && isCapitalized(first) && (TITLE_WORDS.has(head) || ROLE_NOUNS.has(head)) && !head.endsWith("s")) {
    const holders = context.cast.people.filter((person) => person.titles.some((title) => title.toLowerCase().split(/[\s,]+/).includes(head)));
    if (holders.length === 1) {
      const holder = holders[0] as PersonEntry;
      context.cast.mentionPerson(holder, trimmed, CONFIDENCE.reference);
      return { person: holder, source: null, group: null, confidence: CONFIDENCE.reference, viaStatement: false };
    }
  }
  if (definite) {
    const aged = ageDescribedPerson(trimmed, head, context);
    if (aged) {
      context.cast.mentionPerson(aged, trimmed, CONFIDENCE.reference);
      return { person: aged, source: null, group: null, confidence: CONFIDENCE.reference, viaStatement: false };
    }
    const titled = titleHolder(tokens, head, position, context) ?? namedInNextParagraph(tokens, head, trimmed.start, context);
    if (titled) {
      context.cast.mentionPerson(titled, trimmed, CONFIDENCE.reference);
      return { person: titled, source: null, group: null, confidence: CONFIDENCE.reference, viaStatement: false };
    }
    const named = knownAs(trimmed, position, context);
    if (named) return named;
    const earlier = referenceBack(trimmed, head, position, context);
    if (earlier) return earlier;
  }
  // "both Presidents", "the Foreign Ministers": a capitalized plural of a title is people described, not a body.
  const headWord = headOf(trimmed);
  const pluralOfRole = headWord !== undefined && isCapitalized(headWord) && head.endsWith("s") && (ROLE_NOUNS.has(head.slice(0, -1)) || ROLE_NOUNS.has(head.replace(/es$/, "")));
  // "The director of the Information Department says": a lower-case role noun before "of"/"for"
  // and a body is a person described by that role (an unnamed source), not the body.
  const roleAt = tokens.findIndex((token) => key(token) === head);
  const roleOfBody = roleAt >= 0 && ROLE_NOUNS.has(head) && !isCapitalized(tokens[roleAt] as Token) && /^(of|for)$/i.test(tokens[roleAt + 1]?.text ?? "") && organizationInPhrase(context.text, tokens.slice(roleAt + 2)) !== null;
  if (SOURCE_HEADS.has(head) || pluralOfRole || roleOfBody || roleAtEnd) {
    // "two police officers in the area", "a health ministry official in the Houthi-run capital
    // Sanaa": where the source sits is part of how the story describes them (and of how keys
    // write them), so the description keeps it.
    const headAt = tokens.indexOf(headOf(trimmed) as Token);
    const described = trimmed;
    const lead = /^(a|an|the)$/i.test(first.text) ? 1 : 0;
    // "a health ministry official" belongs to the health ministry; "a police officer" names no body.
    const body = tokens.findIndex((token, index) => index > lead && index < headAt && BODY_HEADS.has(key(token)) && !isCapitalized(token));
    const organization =
      organizationInPhrase(context.text, tokens) ??
      (body >= 0 ? context.text.slice((tokens[lead] as Token).start, (tokens[body] as Token).end) : null);
    const source = context.cast.addSource(lowerFirst(described.text, definite), head, organization, CONFIDENCE.explicit);
    context.cast.mentionSource(source, trimmed, CONFIDENCE.explicit);
    return { person: null, source, group: null, confidence: CONFIDENCE.explicit, viaStatement: false };
  }
  // "the U.N. news agency IRIN": an acronym right after the kind of body it is names that body,
  // not the one that opens the description.
  // "Chad's army says", "Afghan police say", "the government in Khartoum says": a generic force or
  // government noun that only a place qualifies is the country's institution described, an
  // unnamed source as "the army" is (the contract's speaker), not a body the story names.
  // When the institution is a state body ("Mali's army", "the Sudanese government"), it speaks as
  // that body, spelled with the country's adjective (`stateBodyName`); police, troops and
  // authorities stay unnamed.
  if (placeQualifiedInstitution(tokens)) {
    const body = stateBodyName(trimmed.text);
    const group: GroupSpeaker = { description: trimmed.text, head, start: trimmed.start, organization: body };
    context.cast.groups.push(group);
    return { person: null, source: null, group, confidence: CONFIDENCE.explicit, viaStatement: false };
  }
  const lastToken = tokens[tokens.length - 1];
  const kind = tokens[tokens.length - 2];
  const namedAfterKind = lastToken !== undefined && kind !== undefined && tokens.length >= 3 && /^\p{Lu}{2,6}$/u.test(lastToken.text) && !isCapitalized(kind) && ORG_NOUNS.has(key(kind));
  const organization = namedAfterKind ? lastToken.text : organizationInPhrase(context.text, tokens);
  const looksLikeBody = organization !== null || ORG_NOUNS.has(head) || ORG_HEADS.has(head) || tokens.some((token) => token.pos === "PROPN") || acronymAfterArticle(tokens);
  if (endsInNoun(trimmed) && looksLikeBody && tokens.length <= 8) {
    // "the EU delegation in Kampala": a body of the organization named before its head is that body.
    const modifier = organizationSpans(context.text, tokens)[0];
    const headToken = headOf(trimmed) as Token;
    const bodyOfOrganization = modifier !== undefined && headToken.start >= modifier.end && BODY_HEADS.has(head);
    const spelled = bodyOfOrganization ? bodyName(trimmed) : (organization ?? bodyName(trimmed) ?? (acronymAfterArticle(tokens) ? (tokens[1] as Token).text : null));
    // "according to HAPP" after "the Harbor Association ... (HAPP)": the body speaks by its full
    // name; the acronym it is cited by stays listed as the story's spelling.
    const named = spelled !== null ? (spelledOutAcronym(context.cast, spelled) ?? spelled) : null;
    if (spelled !== null) context.cast.addOrganization(spelled);
    if (named !== null && organization === null) context.cast.mention(trimmed, "organization", named, CONFIDENCE.reference);
    const group: GroupSpeaker = { description: trimmed.text, head, start: trimmed.start, organization: named };
    context.cast.groups.push(group);
    return { person: null, source: null, group, confidence: CONFIDENCE.explicit, viaStatement: false };
  }
  return null;
}

/** "the 27-year-old Indian doctor": an age in a definite description. */
const AGE_DESCRIBED = /^the (?:[\p{L}-]+ )?\d{1,3}-year-old\b/iu;
/** How far back (characters) the person an age description refers to was last mentioned. */
const AGE_REFERENCE_REACH = 900;

/**
 * "Mohamed Doe said ... ¶ ..., the 27-year-old Indian doctor said ...": a definite description that
 * gives a person's age is the press's way back to someone already named, the person of the story
 * mentioned last before it (outside quotation marks, within a few paragraphs), whose gender fits
 * a gendered head ("the 40-year-old woman"). Null when nobody was named that close.
 */
function ageDescribedPerson(phrase: Phrase, head: string, context: ResolveContext): PersonEntry | null {
  if (!AGE_DESCRIBED.test(phrase.text) || head.endsWith("s") || !isPersonNoun(head)) return null;
  const gender = GENDERED_WORDS.get(head) ?? null;
  const latest = context.cast.people
    .filter((person) => gender === null || person.gender === null || person.gender === gender)
    .map((person) => ({ person, last: lastTextMentionBefore(context, person, phrase.start, (at) => context.cast.isQuoted(at)) }))
    .filter((candidate) => candidate.last >= 0 && phrase.start - candidate.last <= AGE_REFERENCE_REACH)
    .sort((a, b) => b.last - a.last)[0];
  return latest?.person ?? null;
}

/**
 * An unnamed source for a phrase that opens its sentence with a capitalized plural of a common
 * noun (wink's lexicon: `isCommonPluralNoun`) and has no other capitalized word ("Civilians here",
 * "Separatists", "Villagers nearby"), described as written; null for anything else, and for a
 * word the story names as a body or a person.
 */
function openingCommonPlural(phrase: Phrase, context: ResolveContext): Resolved | null {
  const [first, ...rest] = phrase.tokens;
  if (!first || rest.length > 3 || !/^\p{Lu}\p{Ll}+s$/u.test(first.text) || !startsSentence(context.text, first.start)) return null;
  if (rest.some((token) => isCapitalized(token) || token.pos === "PROPN" || token.pos === "NUM")) return null;
  const word = key(first);
  // "Gates told reporters" after "Robert Gates": a surname, however common the noun it spells.
  if (SOURCE_HEADS.has(word) || context.cast.personNamed(first.text) || context.cast.personBySurname(first.text) || writtenAfterAWord(context.text, first.text) || context.cast.organizations.some((name) => name.toLowerCase() === word)) return null;
  if (countryOfDemonym(first.text.slice(0, -1)) !== undefined || !isCommonPluralNoun(first.text)) return null;
  // "Civilians here say": a place adverb right after the noun is part of the description.
  const after = LOCATIVE_AFTER.exec(context.text.slice(phrase.end, phrase.end + 12));
  const description = after ? `${phrase.text}${after[0]}` : phrase.text;
  const source = context.cast.addSource(description, word, null, CONFIDENCE.explicit);
  context.cast.mentionSource(source, phrase, CONFIDENCE.explicit);
  return { person: null, source, group: null, confidence: CONFIDENCE.explicit, viaStatement: false };
}
/** Whether the word appears capitalized right after another word on one line ("Robert Gates", "the Gates"). */
function writtenAfterAWord(text: string, word: string): boolean {
  return new RegExp(`\\p{L}[^\\S\\n]+${escapeForRegExp(word)}\\b`, "u").test(text);
}
const LOCATIVE_AFTER = /^ (?:here|there|nearby|locally)(?= \p{Ll})/u;

/** The organization of the cast the text last introduced as "<noun> <Name>" before `position` ("organization Liberty Watch"), or null. */
function introducedAs(context: ResolveContext, noun: string, position: number): string | null {
  const before = context.text.slice(0, position).toLowerCase();
  let best: { readonly name: string; readonly at: number } | null = null;
  for (const name of context.cast.organizations) {
    const at = before.lastIndexOf(`${noun} ${name.toLowerCase()}`);
    if (at >= 0 && (best === null || at > best.at)) best = { name, at };
  }
  return best?.name ?? null;
}

/** The agency a description stands for (`DESCRIBED_AGENCIES`) when the story names it; null otherwise. */
function describedAgency(phrase: Phrase, context: ResolveContext): Resolved | null {
  const entry = DESCRIBED_AGENCIES.find((candidate) => candidate.description.test(phrase.text));
  // "The U.N. Refugee Agency" capitalized is a name as the story writes it, not a description.
  if (!entry || isCapitalized(phrase.tokens[phrase.tokens.length - 1] as Token)) return null;
  const known = (name: string): string | undefined => context.cast.organizations.find((organization) => organization.toLowerCase() === name.toLowerCase());
  const named = entry.names.map(known).find((name) => name !== undefined) ?? entry.names.find((name) => new RegExp(`\\b${escapeForRegExp(name)}\\b`).test(context.text));
  if (!named) return null;
  context.cast.addOrganization(named);
  context.cast.mention(phrase, "organization", named, CONFIDENCE.reference);
  const group: GroupSpeaker = { description: phrase.text, head: key(headOf(phrase) as Token), start: phrase.start, organization: named };
  context.cast.groups.push(group);
  return { person: null, source: null, group, confidence: CONFIDENCE.reference, viaStatement: false };
}

/** Plural nouns for a party's members ("Democrats"): people described, not the party as a body. */
const PARTY_MEMBERS = new Set(["democrats", "republicans", "conservatives", "liberals", "socialists", "communists", "greens", "islamists", "loyalists", "royalists", "nationalists"]);

/** A body's own channels: what one says, its owner says. */
const OWNED_CHANNELS = new Set(["website", "site", "blog", "homepage"]);

/** The index of the possessive "'s" before a channel noun that ends the phrase ("The organization's Web site"), or -1. */
function ownedChannel(tokens: readonly Token[]): number {
  const last = tokens[tokens.length - 1];
  if (!last || !OWNED_CHANNELS.has(key(last))) return -1;
  const possessive = tokens.findIndex((token) => /^['’]s$/.test(token.text));
  return possessive > 0 && possessive >= tokens.length - 4 ? possessive : -1;
}

/** How far back (in characters) a bare repeated noun may reach a fuller description of the same speaker. */
const REPEATED_HEAD_REACH = 1200;

/**
 * "Police in the province of X say … Police blame the rebels and say …", "Two officials in the
 * area said … The officials added …": a bare plural or institution noun (with "the" at most)
 * repeated soon after a fuller description with the same head is that same unnamed speaker, not
 * a new one; the fuller description (the latest before) says who they are.
 */
function sameDescribedSpeakerAgain(tokens: readonly Token[], position: number, context: ResolveContext): Resolved | null {
  const last = tokens[tokens.length - 1];
  if (!last || tokens.length > 2 || (tokens.length === 2 && key(tokens[0] as Token) !== "the")) return null;
  if (last.pos !== "NOUN" && last.pos !== "PROPN") return null;
  const head = key(last);
  if (!(GENERIC_INSTITUTIONS.has(head) || (SOURCE_HEADS.has(head) && head.endsWith("s")))) return null;
  const fuller = (description: string): boolean => description.split(/\s+/).length > tokens.length;
  const group = [...context.cast.groups]
    .filter((candidate) => candidate.head === head && candidate.organization === null && candidate.start < position && position - candidate.start <= REPEATED_HEAD_REACH && fuller(candidate.description))
    .pop();
  const sourceAt = (source: SourceEntry): number => source.mentions.filter((at) => at < position).pop() ?? -1;
  const source = context.cast.sources
    .filter((candidate) => candidate.head === head && sourceAt(candidate) >= 0 && position - sourceAt(candidate) <= REPEATED_HEAD_REACH && fuller(candidate.description))
    .sort((a, b) => sourceAt(a) - sourceAt(b))
    .pop();
  if (source && (!group || sourceAt(source) > group.start)) {
    context.cast.mentionSource(source, phraseOf(context.text, tokens, 0, tokens.length) ?? { start: (tokens[0] as Token).start, end: last.end }, CONFIDENCE.reference);
    return { person: null, source, group: null, confidence: CONFIDENCE.reference, viaStatement: false };
  }
  if (group) return { person: null, source: null, group, confidence: CONFIDENCE.reference, viaStatement: false };
  return null;
}

/** Institutions every country has, named by their kind: only a place tells them apart. */
const GENERIC_INSTITUTIONS = new Set(["army", "military", "police", "government", "forces", "troops", "authorities"]);

/**
 * Whether the phrase is a generic institution (`GENERIC_INSTITUTIONS`) that nothing but a place
 * qualifies: a country or its demonym before it ("Chad's army", "Afghan police", "the Sudanese
 * government"), a place after "in" or "of" ("the government in Khartoum", "police in the
 * southern province of X"). A capitalized word that is no place ("the Mobile Police", "Kenya
 * Defence Forces") is a name and leaves it a body.
 */
function placeQualifiedInstitution(tokens: readonly Token[]): boolean {
  const headAt = tokens.findIndex((token) => GENERIC_INSTITUTIONS.has(key(token)));
  if (headAt < 0) return false;
  const placeWord = (token: Token): boolean => lookupPlace(token.text) !== undefined || countryOfDemonym(token.text) !== undefined;
  const before = tokens.slice(0, headAt).filter((token) => token.pos !== "DET" && !/^['’]s$/.test(token.text));
  // A country of several words ("Sri Lanka's army") is one place.
  const onePlace = before.length === 1 ? placeWord(before[0] as Token) : before.length > 1 && before.length <= 3 && lookupPlace(before.map((token) => token.text).join(" "))?.kind === "country";
  if (before.length > 0 && !onePlace) return false;
  const after = tokens.slice(headAt + 1);
  if (after.length === 0) return before.length >= 1;
  if (!/^(in|of)$/i.test((after[0] as Token).text)) return false;
  // After the preposition: lower-case words and places only, ending in a capitalized place.
  const capitals = after.slice(1).filter(isCapitalized);
  return capitals.length >= 1 && capitals.length <= 2 && after.slice(1).every((token) => !isCapitalized(token) || placeWord(token) || capitals.length === 1);
}

/** "the statement said", "a statement from the agency", "An official statement from X said". */
function resolveStatement(phrase: Phrase, at: number, position: number, context: ResolveContext): Resolved | null {
  const tokens = phrase.tokens;
  const preposition = tokens[at + 1];
  if (preposition && /^(from|by|of)$/i.test(preposition.text)) {
    const author = resolvePhrase(phraseOf(context.text, tokens, at + 2, tokens.length), position, context);
    if (!author) return null;
    recordStatement(author, phrase.start, context.cast);
    return { ...author, viaStatement: true };
  }
  if (!/^(the|that|this|its|his|her|their)$/i.test((tokens[0] as Token).text)) return null;
  const statement = [...context.cast.statements].reverse().find((entry) => entry.start < position);
  if (!statement) return null;
  if ("person" in statement.author) {
    context.cast.mentionPerson(statement.author.person, phrase, CONFIDENCE.statement);
    return { person: statement.author.person, source: null, group: null, confidence: CONFIDENCE.statement, viaStatement: true };
  }
  return { person: null, source: null, group: statement.author.group, confidence: CONFIDENCE.statement, viaStatement: true };
}

/** Remembers who issued a statement, so that "the statement said" can speak for them later. */
export function recordStatement(author: Resolved, start: number, cast: Cast): void {
  if (author.person) cast.statements.push({ start, author: { person: author.person } });
  else if (author.group) cast.statements.push({ start, author: { group: author.group } });
}

/** A person the phrase names: a known full name, a known surname, or a new name with a title. */
function personIn(phrase: Phrase, context: ResolveContext): PersonEntry | null {
  const { cast, text } = context;
  const lower = phrase.text.toLowerCase();
  const known = cast.people
    .map((person) => ({ person, at: lower.lastIndexOf(person.name.toLowerCase()) }))
    .filter((entry) => entry.at >= 0)
    .sort((a, b) => b.at - a.at)[0];
  if (known) {
    const start = phrase.start + known.at;
    cast.mentionPerson(known.person, { start, end: start + known.person.name.length }, CONFIDENCE.explicit);
    return known.person;
  }
  const runs = nameRuns(phrase.tokens);
  // "Analyst Jane Doe of the Atlantic Council", "Doe, from the Brookings Institution": the head
  // is the full name before the preposition, the body after it is where the person works.
  const affiliation = runs.find(([from, to]) => to - from >= 2 && /^(of|from|at)$/i.test(phrase.tokens[to]?.text ?? "") && to + 1 < phrase.tokens.length);
  if (affiliation) {
    const head = phraseOf(text, phrase.tokens, 0, affiliation[1]);
    const person = head ? personIn(head, context) : null;
    if (person) {
      person.organization ??= organizationInPhrase(text, phrase.tokens.slice(affiliation[1] + 1));
      return person;
    }
  }
  const run = runs[runs.length - 1];
  // A new name must be the phrase's head: "the Uganda Human Rights Commission" names no person,
  // "RNC spokesman Sean Spicer" does (the organization is in the title before the name).
  const nameStartsAt = run ? (phrase.tokens[run[0]] as Token).start : 0;
  if (run && run[1] === phrase.tokens.length && !organizationSpans(text, phrase.tokens).some((span) => span.end > nameStartsAt)) {
    const [from, to] = run;
    const nameStart = (phrase.tokens[from] as Token).start;
    const name = text.slice(nameStart, (phrase.tokens[to - 1] as Token).end);
    const titleTokens = phrase.tokens.slice(0, from).filter((token) => token.pos !== "DET");
    const hasTitle = titleTokens.some(isRoleWord);
    const title = hasTitle && titleTokens.length > 0 ? text.slice((titleTokens[0] as Token).start, (titleTokens[titleTokens.length - 1] as Token).end) : null;
    const person = registerPerson(cast, name, title, titleTokens, text, CONFIDENCE.reference);
    cast.mentionPerson(person, { start: nameStart, end: nameStart + name.length }, CONFIDENCE.reference);
    return person;
  }
  // "Clinton aides", "Trump supporters": people of a person, not the person.
  const head = phrase.tokens[phrase.tokens.length - 1];
  if (head && !isCapitalized(head) && /s$/.test(key(head)) && SOURCE_HEADS.has(key(head))) return null;
  for (const [index, token] of phrase.tokens.entries()) {
    // "al-Karim said" after "Commander Yusuf al-Karim": a surname may open on a lower-case
    // particle joined by a hyphen (Arabic "al-", "el-", "ad-"), capitalized after it.
    const particle = index === 0 && PARTICLES.test(token.text) && phrase.tokens[1]?.text === "-" && phrase.tokens[1].start === token.end;
    if (!isCapitalized(token) && !particle) continue;
    // A hyphenated surname ("Thomas-Greenfield") is several tokens.
    const word = particle ? particleSurname(phrase.tokens) : hyphenatedWord(phrase.tokens, index);
    if (word === null) continue;
    const surname = word.text.replace(/[’']s$/, "");
    const person = cast.personBySurnameBefore(surname, phrase.start);
    if (person) {
      cast.mentionPerson(person, { start: token.start, end: token.start + surname.length }, CONFIDENCE.explicit);
      cast.addAlias(person, surname);
      return person;
    }
  }
  return loneSurname(phrase, context);
}

/** Lower-case particles that open a hyphenated surname ("al-Hakim", "el-Amin", "ad-Din"). */
const PARTICLES = /^(?:al|el|ad|ash|as|at|az|an|ar|ul|bin)$/;

/** "al-Karim" as one word when a capitalized part follows the particle's hyphen, else null. */
function particleSurname(tokens: readonly Token[]): { readonly text: string; readonly end: number; readonly next: number } | null {
  const [particle, hyphen, part] = tokens;
  if (!particle || !hyphen || !part || part.start !== hyphen.end || !/^\p{Lu}\p{Ll}/u.test(part.text)) return null;
  const rest = hyphenatedWord(tokens, 2);
  return { text: `${particle.text}-${rest.text}`, end: rest.end, next: rest.next };
}

/**
 * A place that speaks by metonymy ("Moscow said", "Israel warned"): a country, a capital or a
 * large city; a small town that shares a surname ("Warren", "Jackson") does not count.
 */
function speaksForAPlace(word: string): boolean {
  const place = lookupPlace(word);
  return place !== undefined && (place.kind === "country" || place.capital === true || (place.population ?? 0) >= 1_000_000);
}

/** Whether only punctuation, quotation marks or a line break come between the last sentence end and the offset. */
function startsSentence(text: string, offset: number): boolean {
  return /(^|[.!?:]\s*|\n)["“”'‘’\s(]*$/u.test(text.slice(Math.max(0, offset - 12), offset));
}

/**
 * Whether the word appears capitalized after a lower-case word or a comma somewhere in the text,
 * on the same line: a headline's last word before a paragraph break puts nothing mid-sentence.
 */
function capitalizedMidSentence(text: string, word: string): boolean {
  return new RegExp(`[\\p{Ll},;][^\\S\\n]+${escapeForRegExp(word)}\\b`, "u").test(text);
}

const HONORIFIC_GENDER: ReadonlyMap<string, "male" | "female"> = new Map([
  ["mr.", "male"],
  ["mr", "male"],
  ["mrs.", "female"],
  ["mrs", "female"],
  ["ms.", "female"],
  ["ms", "female"],
]);

/**
 * "Trump said", "Mr. Clyburn said", "Sen. Sanders told reporters": a lone surname (after titles
 * or an honorific) names a person the story expects its reader to know, unless it is an
 * acronym, a known organization or a place ("Moscow said" is a government speaking).
 */
function loneSurname(phrase: Phrase, context: ResolveContext): PersonEntry | null {
  const tokens = phrase.tokens.filter((token) => token.pos !== "DET");
  const last = tokens[tokens.length - 1];
  if (!last || !isNameToken(last) || last.text.endsWith(".")) return null;
  // The tagger may read a surname as another word ("Skelly" as an adverb): it is a name when the
  // story prints it after a given name too ("Bill Skelly").
  if (last.pos !== "PROPN" && !new RegExp(`\\p{Lu}\\p{Ll}+ ${last.text}(?![\\p{L}])`, "u").test(context.text)) return null;
  const before = tokens.slice(0, -1);
  if (!before.every((token) => TITLE_WORDS.has(key(token)) || isRoleWord(token))) return null;
  // "the Poles", "the Kurds": an article right before a lone plural word names a people, not a person.
  if (before.length === 0 && /\p{Ll}s$/u.test(last.text) && phrase.tokens.length > 1 && (phrase.tokens[phrase.tokens.length - 2] as Token).pos === "DET") return null;
  // "Mr. Tolima" is a person even where "Tolima" alone could be a place.
  const honorific = before.find((token) => HONORIFIC_GENDER.has(key(token)));
  if (!honorific && (KNOWN_ORGANIZATIONS.has(last.text) || ORGANIZATION_ALIASES.has(key(last)) || speaksForAPlace(last.text) || countryOfDemonym(last.text))) return null;
  if (organizationInPhrase(context.text, phrase.tokens) !== null) return null;
  // A capital at the start of a sentence proves nothing ("Prosecutors said"): the word must be
  // capitalized mid-sentence somewhere in the story too, or follow a title.
  if (before.length === 0 && startsSentence(context.text, last.start)) {
    const cache = context.cast.capitalizedMidSentence;
    const known = cache.get(last.text) ?? capitalizedMidSentence(context.text, last.text);
    cache.set(last.text, known);
    if (!known) return null;
  }
  const title = before.length > 0 && before.some(isRoleWord) ? context.text.slice((before[0] as Token).start, (before[before.length - 1] as Token).end) : null;
  const person = registerPerson(context.cast, last.text, title, before, context.text, CONFIDENCE.reference);
  if (honorific) person.gender ??= HONORIFIC_GENDER.get(key(honorific)) ?? null;
  context.cast.mentionPerson(person, last, CONFIDENCE.reference);
  return person;
}

/** Whether "known as" (any case, as `knownAs` matches it) ends by `position`; the first one is found once per text. */
const KNOWN_AS = /known as/iu;
let firstKnownAs: { text: string; at: number } | null = null;
function knownAsBefore(text: string, position: number): boolean {
  if (firstKnownAs?.text !== text) firstKnownAs = { text, at: KNOWN_AS.exec(text)?.index ?? -1 };
  return firstKnownAs.at >= 0 && firstKnownAs.at + "known as".length <= position;
}

/**
 * "the official", "the spokeswoman", "the agency": the most recent unnamed source with that head
 * noun, else the most recently named person whose title has it, else the most recent speaking
 * organization whose words have it.
 */
/**
 * "the U.N. mission said", after "the U.N. mission in Congo, known as MONUSCO": a description the
 * story gave a name to with "known as" is that named body ("called" is more often the verb).
 */
function knownAs(phrase: Phrase, position: number, context: ResolveContext): Resolved | null {
  const words = escapeForRegExp(phrase.text.replace(/^(the|that|this)\s+/i, ""));
  if (!/\s/.test(words)) return null;
  // (No "known as" before the phrase, no match: the pattern built for the phrase is not run over the text before it.)
  if (!knownAsBefore(context.text, position)) return null;
  const match = new RegExp(`\\b${words}\\b[^.;]{0,40}?,?\\s+(?:also\\s+)?known as\\s+(\\p{Lu}[\\p{L}-]*(?:\\s\\p{Lu}[\\p{L}-]*){0,4})`, "iu").exec(context.text.slice(0, position));
  const name = match?.[1];
  if (!name || !/^\p{Lu}{2,}$|\s/u.test(name)) return null;
  const organization = canonicalOrganization(name);
  context.cast.addOrganization(organization);
  const group: GroupSpeaker = { description: phrase.text, head: name.toLowerCase(), start: phrase.start, organization };
  context.cast.groups.push(group);
  return { person: null, source: null, group, confidence: CONFIDENCE.reference, viaStatement: false };
}

/**
 * "the rebel leader" after "rebel leader Jo Doe", "the Harbor Training Command commander" after
 * "Gen. Jo Doe, commander of the Harbor Training Command": a definite description with a role
 * head whose every word is in the title of exactly one person named before is that person, even
 * when an unnamed source with the same head word spoke earlier.
 */
function titleHolder(tokens: readonly Token[], head: string, position: number, context: ResolveContext): PersonEntry | null {
  if (!ROLE_NOUNS.has(head) || head.endsWith("s")) return null;
  const words = tokens.slice(1).map((token) => key(token)).filter((word) => !/^(?:['’]s|of|the|for|,)$/.test(word));
  if (words.length < 2 || words[words.length - 1] !== head) return null;
  const holders = context.cast.people.filter((person) => {
    const titleWords = new Set(person.titles.join(" ").toLowerCase().split(/[\s,]+/));
    return words.every((word) => titleWords.has(word)) && lastMentionBefore(person, position) >= 0;
  });
  if (holders.length === 0) {
    // A header line the title reader missed ("White House Press Secretary Ari Fleischer briefed"):
    // the title's words right before a person's first mention.
    const titleBefore = new RegExp(`${words.map(escapeForRegExp).join("\\s+")}\\s+$`, "i");
    // Or an appositive the title reader missed, with the role's head noun ("Malo, a 14-year veteran
    // officer who ..." for "the police officer"), after the first mention of an untitled person.
    const appositive = new RegExp(`^[\\p{L}'’.-]*,\\s+an?\\s+[^,.;:!?"“”\\n]{0,40}?\\b${escapeForRegExp(head)}\\b`, "iu");
    const written = context.cast.people.filter((person) => {
      const first = person.mentions[0];
      if (first === undefined || first >= position) return false;
      return titleBefore.test(context.text.slice(Math.max(0, first - 60), first)) || (person.titles.length === 0 && appositive.test(context.text.slice(first + person.name.length, first + person.name.length + 80)));
    });
    return written.length === 1 ? (written[0] as PersonEntry) : null;
  }
  return holders.length === 1 ? (holders[0] as PersonEntry) : null;
}

/**
 * "… into a force, the training mission's commander said yesterday. ¶ Army Lt. Gen. Jo Doe, who …,
 * spoke with reporters …": a lead that gives a speaker only by role, and names no one before,
 * names them as the next paragraph opens (a delayed identification). The role description is
 * that person when the next paragraph's first words hold exactly one person's full name.
 */
function namedInNextParagraph(tokens: readonly Token[], head: string, start: number, context: ResolveContext): PersonEntry | null {
  if (!ROLE_NOUNS.has(head) || head.endsWith("s") || tokens.length < 2) return null;
  const text = context.text;
  const paragraphBreak = /\n\s*\n/g;
  paragraphBreak.lastIndex = start;
  const next = paragraphBreak.exec(text);
  if (!next) return null;
  // The description is in the story's first paragraph of text: no earlier break but the ones
  // after the headline, byline and dateline lines, which are short.
  const before = text.slice(0, start).split(/\n\s*\n/);
  if (before.slice(0, -1).some((paragraph) => paragraph.length > 160)) return null;
  const paragraphStart = start - (before[before.length - 1] ?? "").length;
  if (context.cast.people.some((person) => person.mentions.some((at) => at >= paragraphStart && at < start))) return null;
  // Nobody is named before it either, but in a byline ("By Jo Doe").
  const paragraphOf = (at: number): string => text.slice(text.lastIndexOf("\n", at) + 1, (text.indexOf("\n", at) + 1 || text.length + 1) - 1);
  const namedBefore = [...context.cast.people.flatMap((person) => person.mentions), ...context.cast.bareNames.map((entry) => entry.start)];
  if (namedBefore.some((at) => at < start && paragraphOf(at).length > 60)) return null;
  const paragraphOpens = next.index + next[0].length;
  // "Speaking alongside Secretary Roe, Army Gen. Jo Doe praised ...": a participle phrase may open
  // the paragraph; the name is the subject after its comma.
  const participle = /^\p{Lu}\p{Ll}+ing\b[^,;:!?\n]{0,100},\s+/u.exec(text.slice(paragraphOpens, paragraphOpens + 120));
  const opening = text.slice(paragraphOpens + (participle?.[0].length ?? 0), paragraphOpens + (participle?.[0].length ?? 0) + 70);
  // The paragraph opens with the name, after nothing but title words ("Army Lt. Gen. Jo Doe").
  const named = context.cast.people.filter((person) => {
    const at = opening.indexOf(person.name);
    return person.name.includes(" ") && at >= 0 && /^(?:\p{Lu}[\p{L}.-]*\s+)*$/u.test(opening.slice(0, at));
  });
  return named.length === 1 ? (named[0] as PersonEntry) : null;
}

/**
 * "a spokesman says ..." opening a story that later names "Mr. Doe's campaign spokesman, Jo Roe"
 * and no other holder of that role: the unnamed role is that person, named later. Only a bare
 * "a"/"an" and a singular role noun; the person's first mention comes after the description and
 * nobody with that role word in a title is named before it.
 */
function namedLater(head: string, position: number, context: ResolveContext): PersonEntry | null {
  if (!ROLE_NOUNS.has(head) || head.endsWith("s")) return null;
  const holders = context.cast.people.filter((person) => holdsRoleInLowerCase(person, head));
  if (holders.length !== 1) return null;
  const holder = holders[0] as PersonEntry;
  const firstAt = Math.min(...holder.mentions);
  if (!(firstAt > position)) return null;
  // Another unnamed holder of the role spoke before: this is someone else again.
  if (context.cast.sources.some((source) => source.head === head && (source.mentions[0] ?? Infinity) < position)) return null;
  return holder;
}

/** Words for whoever leads a body, whatever the title ("NATO's chief" for its Secretary General). */
const LEADER_WORDS = /^(?:chief|head|leader|boss)$/;

/**
 * "NATO's chief", "the alliance's secretary general" after "NATO Secretary General Jo Doe": a
 * capitalized body and "'s" before a role is the one person named before whose title or
 * organization is that body, when the role is in the title or is a word for a body's leader.
 */
function bodysHeadNamedBefore(tokens: readonly Token[], head: string, position: number, context: ResolveContext): PersonEntry | null {
  if (tokens.length !== 3 || !/^['’]s$/.test((tokens[1] as Token).text) || !isCapitalized(tokens[0] as Token) || !ROLE_NOUNS.has(head) || key(tokens[2] as Token) !== head) return null;
  const body = key(tokens[0] as Token);
  const holders = context.cast.people.filter((person) => {
    const titleWords = person.titles.join(" ").toLowerCase().split(/[\s,]+/);
    const ofBody = titleWords.includes(body) || (person.organization ?? "").toLowerCase().split(/\s+/).includes(body);
    return ofBody && (LEADER_WORDS.test(head) || titleWords.includes(head)) && lastMentionBefore(person, position) >= 0;
  });
  return holders.length === 1 ? (holders[0] as PersonEntry) : null;
}

/** Kinds of body a story may describe before it names one ("a coalition of ..."). */
const DESCRIBED_BODY_KINDS = /^(?:coalition|alliance|movement|front|union|federation|bloc)$/;
/** "The RHDP coalition", "the Harbor Workers alliance": a body named before its kind, with where it stands (read once per text). */
const bodiesNamedByKind = new WeakMap<Cast, readonly { readonly name: string; readonly kind: string; readonly at: number }[]>();
/** How far after a description (in characters) its body may be named: the next paragraph or two. */
const NAMED_LATER_REACH = 700;

/**
 * The body a lead's "a coalition of ..." describes: the first body the story names as "the <Name>
 * <kind>" with the same kind after it, near enough, when just one name does so there.
 */
function bodyNamedLater(kind: string, after: number, context: ResolveContext): string | null {
  if (!DESCRIBED_BODY_KINDS.test(kind)) return null;
  let named = bodiesNamedByKind.get(context.cast);
  if (!named) {
    named = matchesOf(/\b[Tt]he ((?:\p{Lu}[\p{L}'’-]*\s+){0,3}?\p{Lu}[\p{L}'’-]*)\s+(\p{Ll}+)\b/gu, context.text)
      .filter((match) => DESCRIBED_BODY_KINDS.test(match[2] ?? ""))
      .map((match) => ({ name: match[1] as string, kind: match[2] as string, at: match.index }));
    bodiesNamedByKind.set(context.cast, named);
  }
  const names = new Set(named.filter((entry) => entry.kind === kind && entry.at > after && entry.at - after <= NAMED_LATER_REACH && !context.cast.isQuoted(entry.at)).map((entry) => entry.name));
  if (names.size !== 1) return null;
  const name = [...names][0] as string;
  // A place ("the Ivory Coast coalition") or a person is no body's name.
  if (lookupPlace(name) || context.cast.personNamed(name)) return null;
  return name;
}

/**
 * Whether one of the person's titles has the role word written in lower case ("campaign
 * spokesman"): a description as an unnamed source's is, not a rank before a name ("President Roe").
 */
function holdsRoleInLowerCase(person: PersonEntry, head: string): boolean {
  return person.titles.some((title) => title.split(/[\s,]+/).includes(head));
}

function referenceBack(phrase: Phrase, head: string, position: number, context: ResolveContext): Resolved | null {
  const { cast } = context;
  const singular = head.replace(/s$/, "");
  // "The Taliban spokesman" after "a spokesman for the army": a capitalized word the reference
  // adds before its head ("Taliban") must be in the earlier description, or it is someone else.
  const marks = phrase.tokens.filter((token) => isCapitalized(token) && token !== phrase.tokens[0] && key(token) !== head && /^\p{Lu}\p{Ll}/u.test(token.text)).map(key);
  const fits = (words: string): boolean => {
    const known = new Set(words.toLowerCase().split(/[^\p{L}]+/u));
    return marks.every((word) => known.has(word));
  };
  const source = [...cast.sources]
    // "the president" is one of them, not "both presidents".
    .filter((entry) => (entry.head === head || (entry.head.replace(/s$/, "") === singular && !(singular === head && entry.head !== head && /^(both|the two|two|three|all)\b/i.test(entry.description)))) && (entry.mentions[0] ?? Infinity) < position)
    .filter((entry) => fits([entry.description, ...entry.aliases, entry.organization ?? ""].join(" ")))
    .pop();
  // "a spokesman said ... ¶ the campaign spokesman, Jo Roe, added ... ¶ the spokesman said": a
  // person whose title has the role, named after the unnamed source last spoke, is the nearer one.
  const sourceLast = source ? (source.mentions.filter((at) => at < position).pop() ?? -1) : -1;
  const titledAfter =
    source && ROLE_NOUNS.has(head) && !head.endsWith("s")
      ? cast.people.filter((entry) => holdsRoleInLowerCase(entry, head) && fits(entry.titles.join(" ")) && lastMentionBefore(entry, position) > sourceLast)
      : [];
  if (titledAfter.length === 1) {
    const person = titledAfter[0] as PersonEntry;
    cast.mentionPerson(person, phrase, CONFIDENCE.reference);
    return { person, source: null, group: null, confidence: CONFIDENCE.reference, viaStatement: false };
  }
  if (source) {
    const alias = lowerFirst(phrase.text, true);
    if (alias.toLowerCase() !== source.description.toLowerCase() && !source.aliases.includes(alias)) source.aliases.push(alias);
    cast.mentionSource(source, phrase, CONFIDENCE.reference);
    return { person: null, source, group: null, confidence: CONFIDENCE.reference, viaStatement: false };
  }
  const ranked = cast.people
    .filter((entry) => ROLE_NOUNS.has(head) && entry.titles.some((title) => title.toLowerCase().split(/\s+/).some((word) => word === head || TITLE_ABBREVIATIONS.get(word) === head)) && fits([...entry.titles, entry.organization ?? ""].join(" ")))
    .map((entry) => ({ entry, last: lastMentionBefore(entry, position) }))
    .filter((candidate) => candidate.last >= 0)
    .sort((a, b) => b.last - a.last);
  const person = subjectOver(ranked, position, context.text) ?? ranked[0];
  if (person) {
    cast.mentionPerson(person.entry, phrase, CONFIDENCE.reference);
    return { person: person.entry, source: null, group: null, confidence: CONFIDENCE.reference, viaStatement: false };
  }
  const groups = [...cast.groups].filter((entry) => entry.start < position && entry.description.toLowerCase().split(/\s+/).includes(head));
  const namedGroup = groups.filter((entry) => entry.organization !== null).pop();
  if (namedGroup) return { person: null, source: null, group: namedGroup, confidence: CONFIDENCE.reference, viaStatement: false };
  // "the coalition", "the army": the latest organization named before whose name has that head.
  // A body named in the story's text comes before one read from its title line: a title-case
  // headline capitalizes common words ("Ruling Party Alleges …"), so its "name" may be none.
  const titleEnd = context.text.indexOf("\n");
  const withWord =
    ORG_NOUNS.has(head) || ORG_HEADS.has(head) || BODY_HEADS.has(head)
      ? ((titleEnd > 0 ? (cast.organizationMentionWithWordBefore(singular, position, titleEnd) ?? organizationWrittenWithWordBefore(context, singular, titleEnd, position)) : null) ??
        cast.organizationMentionWithWordBefore(singular, position))
      : null;
  // A bare "the group" or "the organization" after a named body spoke later than that name (one
  // the headline gave, "Rights Group Faults …") is the body that spoke: the story's subject.
  // "group", "organization": nouns of any body, which name no kind of body of their own.
  const anyBodyNoun = /^(group|organization|organisation)$/.test(head);
  const bareBody = phrase.tokens.length === 2 && anyBodyNoun;
  const spokeLater = bareBody && withWord ? [...cast.groups].filter((entry) => entry.start < position && entry.start > withWord.start && entry.organization !== null && entry.organization !== withWord.name).pop() : undefined;
  if (spokeLater?.organization) {
    cast.mention(phrase, "organization", spokeLater.organization, CONFIDENCE.reference);
    return { person: null, source: null, group: spokeLater, confidence: CONFIDENCE.reference, viaStatement: false };
  }
  const organization = withWord?.name ?? null;
  if (organization) {
    cast.mention(phrase, "organization", organization, CONFIDENCE.reference);
    const group: GroupSpeaker = { description: phrase.text, head, start: phrase.start, organization };
    cast.groups.push(group);
    return { person: null, source: null, group, confidence: CONFIDENCE.reference, viaStatement: false };
  }
  const group = groups.pop();
  if (group) return { person: null, source: null, group, confidence: CONFIDENCE.reference, viaStatement: false };
  // "according to the Harbor Association ... The group said ...": "the group" and "the
  // organization" name no head of their own; they refer back to the body that spoke last.
  const bare = phrase.tokens.length === 2 && !phrase.tokens.slice(1).some((token) => token.pos === "PROPN" || isCapitalized(token));
  // "the nonprofit organization Liberty Watch … The organization says": the body the story
  // introduced with that very noun before its name.
  const introduced = bare && anyBodyNoun ? introducedAs(context, head, position) : null;
  if (introduced) {
    cast.mention(phrase, "organization", introduced, CONFIDENCE.reference);
    const group: GroupSpeaker = { description: phrase.text, head, start: phrase.start, organization: introduced };
    cast.groups.push(group);
    return { person: null, source: null, group, confidence: CONFIDENCE.reference, viaStatement: false };
  }
  const spoke = bare && anyBodyNoun ? [...cast.groups].filter((entry) => entry.start < position && entry.organization !== null).pop() : undefined;
  if (spoke?.organization) {
    cast.mention(phrase, "organization", spoke.organization, CONFIDENCE.reference);
    return { person: null, source: null, group: spoke, confidence: CONFIDENCE.reference, viaStatement: false };
  }
  // No body has spoken yet: "the organization" is the one the story has named most (its subject).
  const subject = bare && anyBodyNoun ? cast.mostNamedOrganizationBefore(position, Math.max(0, titleEnd)) : null;
  if (subject) {
    cast.mention(phrase, "organization", subject, CONFIDENCE.reference);
    const group: GroupSpeaker = { description: phrase.text, head, start: phrase.start, organization: subject };
    cast.groups.push(group);
    return { person: null, source: null, group, confidence: CONFIDENCE.reference, viaStatement: false };
  }
  return null;
}

/**
 * The latest organization of the cast whose name has `word` ("party" of "Sierra Leone People's
 * Party") written in the text between `from` and `position`, where no speaker's mention recorded it
 * ("a spokesman for the ruling X Party says"), with where it stands.
 */
function organizationWrittenWithWordBefore(context: ResolveContext, word: string, from: number, position: number): { readonly name: string; readonly start: number } | null {
  const wanted = word.toLowerCase();
  let best: { readonly name: string; readonly start: number } | null = null;
  for (const name of context.cast.organizations) {
    if (!name.toLowerCase().split(/[\s-]+/).some((part) => part === wanted || part === `${wanted}s`)) continue;
    const at = context.text.lastIndexOf(name, position - 1);
    if (at >= from && at < position && (best === null || at > best.start)) best = { name, start: at };
  }
  return best;
}

/**
 * The candidate a reference back ("the president") means instead of the latest person with the
 * role, when that mention is no subject ("Doe backed President Roe's plan. ... the president said" is
 * Doe's) and an earlier candidate was the subject of a sentence in the same paragraph.
 */
function subjectOver<T extends { readonly entry: PersonEntry; readonly last: number }>(candidates: readonly T[], position: number, text: string): T | undefined {
  const [best, ...rest] = candidates;
  if (!best || isSubjectMention(text, best.last)) return undefined;
  return rest.find((candidate) => {
    const at = lastMentionBefore(candidate.entry, best.last + 1, (offset) => !isSubjectMention(text, offset));
    return at >= 0 && !text.slice(at, position).includes("\n");
  });
}

/**
 * "he said", "she added": the most recently mentioned person whose known gender fits (unknown
 * fits too), never the person whose own words these are. Confident only when no other person
 * who fits was mentioned in between.
 */
function resolvePronoun(pronoun: Token, position: number, context: ResolveContext): Resolved | null {
  const gender = SUBJECT_PRONOUNS.get(pronoun.text.toLowerCase());
  if (gender === undefined || gender === null) return null;
  const fitting = context.cast.people
    .filter((person) => person !== context.insideSpeaker && (person.gender === null || person.gender === gender))
    .map((person) => ({ person, last: lastTextMentionBefore(context, person, position, (at) => context.cast.isQuoted(at)) }))
    .filter((candidate) => candidate.last >= 0)
    .sort((a, b) => b.last - a.last);
  // "Doe told reporter Jo Lee that ... “...,” he said": the journalist a story names as the
  // interviewer is not who its pronouns quote while someone else fits.
  const interviewer = (candidate: { readonly person: PersonEntry }): boolean => candidate.person.titles.some((title) => JOURNALIST.test(title));
  const candidates = fitting.some((candidate) => !interviewer(candidate)) ? fitting.filter((candidate) => !interviewer(candidate)) : fitting;
  // A person named last inside a reported clause ("Doe said [Roe and Lee met]") is what was said;
  // "he said" after it continues the reporting speaker when they fit and were named since the
  // paragraph before.
  const head = candidates[0];
  if (head && context.cast.isReported(head.last)) {
    const speaker = candidates.find((candidate) => {
      const at = lastTextMentionBefore(context, candidate.person, position, (offset) => context.cast.isQuoted(offset) || context.cast.isReported(offset));
      return at >= 0 && (context.text.slice(at, position).match(/\n\s*\n/g) ?? []).length <= 1;
    });
    if (speaker && speaker !== head) {
      candidates.splice(candidates.indexOf(speaker), 1);
      candidates.unshift(speaker);
    }
  }
  // "A senior official said ... He said ...": an unnamed source who speaks as one person, the
  // speaker named after every fitting person's last mention, in this paragraph or the one before,
  // is who the pronoun continues.
  const source = latestSingleSource(context, position, gender);
  if (source && source.at > (candidates[0]?.last ?? -1)) {
    return { person: null, source: source.source, group: null, confidence: CONFIDENCE.ambiguousPronoun, viaStatement: false };
  }
  // "… among them one woman in the town of X. ¶ She said …": a single person the story describes
  // by a gendered noun, after every fitting person's last mention and in a later paragraph than
  // the best of them, is who the pronoun continues (an unnamed source).
  const described = describedPersonBefore(context, gender, candidates[0]?.last ?? -1, position);
  if (described) {
    const source = context.cast.addSource(described.description, described.head, null, CONFIDENCE.ambiguousPronoun);
    context.cast.mentionSource(source, { start: described.start, end: described.start + described.description.length }, CONFIDENCE.ambiguousPronoun);
    return { person: null, source, group: null, confidence: CONFIDENCE.ambiguousPronoun, viaStatement: false };
  }
  const continuing = context.continuing;
  if (continuing && continuing !== context.insideSpeaker && candidates.some((candidate) => candidate.person === continuing)) {
    continuing.gender ??= gender;
    return { person: continuing, source: null, group: null, confidence: CONFIDENCE.pronoun, viaStatement: false };
  }
  const best = candidates[0];
  if (!best) {
    // No titled or quoted person fits: the latest name the story gave without a title, unless its
    // given name is of the other gender ("Ana Ruiz" for "he").
    const bare = context.cast.bareNames
      .filter((entry) => entry.start < position && !context.cast.isQuoted(entry.start) && (genderOfGivenName(entry.name) ?? gender) === gender)
      .pop();
    if (bare) {
      const person = context.cast.addPerson(bare.name, null, CONFIDENCE.ambiguousPronoun);
      person.gender ??= gender;
      context.cast.mentionPerson(person, { start: bare.start, end: bare.start + bare.name.length }, CONFIDENCE.reference);
      return { person, source: null, group: null, confidence: CONFIDENCE.ambiguousPronoun, viaStatement: false };
    }
    // No named person yet: a speaker described by a single role ("the caretaker prime
    // minister said ... “We will rebuild,” she said").
    const described = context.cast.groups.filter((group) => group.start < position && ROLE_NOUNS.has(group.head) && !group.head.endsWith("s")).pop();
    return described ? { person: null, source: null, group: described, confidence: CONFIDENCE.ambiguousPronoun, viaStatement: false } : null;
  }
  // An untitled name that opened a sentence of this paragraph after the best candidate's last
  // mention is the subject the pronoun continues ("Ana Ruiz was unloading cows ... She said ..."),
  // and so is one before it when that mention is no subject ("Ana Ruiz is a spokeswoman.
  // Speaking with reporter Jo Lee, she said ...").
  // The same for a name that is its sentence's subject after a fronted phrase ("Since launching
  // his bid, Doe has taken ..."), and for one in the paragraph before when the pronoun opens its own.
  const bestIsSubject = isSubjectMention(context.text, best.last);
  const bareSubject = [...context.cast.bareNames.map((entry) => ({ ...entry, length: entry.name.length })), ...bareSurnames(context, best.last, position)]
    .sort((a, b) => a.start - b.start)
    .filter((entry) => {
      if (entry.start >= position || context.cast.isQuoted(entry.start)) return false;
      // A given name of the other gender ("Ana Ruiz" for "he") is no antecedent.
      if ((genderOfGivenName(entry.name) ?? gender) !== gender) return false;
      if (!entry.opensSentence && !(context.cast.isReported(entry.start) ? false : isSubjectMention(context.text, entry.start))) return false;
      if (!context.text.slice(entry.start, position).includes("\n")) return entry.start > best.last || !bestIsSubject;
      // Across the break, also before the best candidate when that one is no subject and shares its paragraph.
      const sharesParagraph = entry.start < best.last && !bestIsSubject && !context.text.slice(entry.start, best.last).includes("\n");
      return (entry.start > best.last || sharesParagraph) && opensParagraphAfter(context.text, entry.start, position);
    })
    .pop();
  if (bareSubject && !context.cast.personNamed(bareSubject.name)) {
    const person = context.cast.addPerson(fullBareName(context.cast, bareSubject), null, CONFIDENCE.ambiguousPronoun);
    person.gender ??= gender;
    context.cast.mentionPerson(person, { start: bareSubject.start, end: bareSubject.start + bareSubject.length }, CONFIDENCE.reference);
    return { person, source: null, group: null, confidence: CONFIDENCE.ambiguousPronoun, viaStatement: false };
  }
  // "President Doe ... Prime Minister Roe ... The President thanked him. He noted that ...": a
  // sentence of this paragraph that opens with "The <title>" after the latest mention is the
  // subject the pronoun continues, when exactly one fitting person holds that title.
  const titled = subjectByTitle(context.text, best.last, position);
  const holders = titled ? candidates.filter((candidate) => candidate.person.titles.some((title) => title.toLowerCase().split(/\s+/).pop() === titled)) : [];
  const holder = holders.length === 1 ? holders[0] : undefined;
  if (holder) {
    holder.person.gender ??= gender;
    return { person: holder.person, source: null, group: null, confidence: CONFIDENCE.ambiguousPronoun, viaStatement: false };
  }
  // A pronoun continues the subject of the clauses before it rather than a person only mentioned
  // inside them ("Doe said Roe would win. “...,” she said" is Doe's): when the latest fitting
  // mention is no subject, the person who was one later in the same paragraph is preferred.
  // The same holds for a pronoun opening the next paragraph ("Doe went after Roe, calling him
  // “a stiff.” ¶ He says, “...”" is Doe's) when the subject and the mention share a paragraph.
  if (!bestIsSubject) {
    const subject = candidates.slice(1).find((candidate) => {
      const at = lastTextMentionBefore(context, candidate.person, best.last + 1, (offset) => context.cast.isQuoted(offset) || !isSubjectMention(context.text, offset));
      return at >= 0 && (!context.text.slice(at, position).includes("\n") || (!context.text.slice(at, best.last).includes("\n") && opensParagraphAfter(context.text, best.last, position)));
    });
    if (subject) {
      subject.person.gender ??= gender;
      return { person: subject.person, source: null, group: null, confidence: CONFIDENCE.ambiguousPronoun, viaStatement: false };
    }
  }
  const rival = candidates[1];
  // Another person who fits, named in the same paragraph, makes the pronoun ambiguous, unless
  // only the best candidate is known to have the pronoun's gender.
  const sure =
    !rival || context.text.slice(rival.last, best.last).includes("\n") || (best.person.gender === gender && rival.person.gender === null);
  best.person.gender ??= gender;
  const confidence = sure ? CONFIDENCE.pronoun : CONFIDENCE.ambiguousPronoun;
  return { person: best.person, source: null, group: null, confidence, viaStatement: false };
}

/**
 * "Jo Doe ... Since launching her bid, Doe has ...": the surname alone of an untitled name the
 * story gave in full, between the best candidate's mention and the pronoun (the untitled are
 * no members of the cast while the story is read, so their surnames are no mentions yet).
 */
function bareSurnames(context: ResolveContext, from: number, position: number): { readonly name: string; readonly start: number; readonly opensSentence: boolean; readonly length: number }[] {
  const found: { name: string; start: number; opensSentence: boolean; length: number }[] = [];
  const seen = new Set<string>();
  for (const entry of [...context.cast.bareNames, ...givenNamePairs(context, position)]) {
    if (entry.start >= position || !/\s/.test(entry.name) || seen.has(entry.name) || context.cast.isQuoted(entry.start)) continue;
    seen.add(entry.name);
    const surname = entry.name.split(/\s+/).pop() ?? "";
    if (surname.length < 3 || context.cast.people.some((person) => person.name.split(/\s+/).pop() === surname)) continue;
    for (const at of wordOffsets(context.text, surname, LETTER, /[\p{L}'’-]/u, Math.max(entry.start + entry.name.length, from + 1), position)) {
      // Not the surname of another full name ("Bo Doe" is not Jo Doe); a capitalized word that
      // ends the sentence before ("... serving in ISAF. Doe called ...") is no given name.
      const previous = /(\p{Lu}[\p{L}.'’-]*)\s$/u.exec(context.text.slice(Math.max(0, at - 30), at))?.[1];
      if (previous !== undefined && !endsSentence(previous)) continue;
      found.push({ name: entry.name, start: at, opensSentence: false, length: surname.length });
    }
  }
  return found;
}

/** A capitalized word that closes a sentence ("ISAF.", "Kabul."), not an initial ("M.") or a title's abbreviation ("Gen."). */
function endsSentence(word: string): boolean {
  return /\p{L}{2,}\.$/u.test(word) && !/\p{L}\.\p{L}/u.test(word) && !NON_TERMINAL_ABBREVIATIONS.has(word.toLowerCase());
}

/** Two capitalised words, a given name and a surname, that no capitalised word follows. */
const GIVEN_NAME_PAIR = /(?<![\p{L}.'’-])(\p{Lu}\p{Ll}+) (\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)(?![\p{L}'’-]| \p{Lu})/gu;
/** The characters a match of GIVEN_NAME_PAIR is made of (and more: any letter, a lone surrogate), space and hyphen. */
const PAIR_CHARACTER = /^[\p{L} \-\uD800-\uDFFF]$/u;
let pairsOfText: { readonly text: string; readonly pairs: readonly RegExpExecArray[] } | null = null;

/**
 * The matches of GIVEN_NAME_PAIR in `text.slice(0, position)`, without a scan of that slice per call (it is asked
 * for each phrase, so that was a whole-text scan per phrase). The whole text's matches are found once; those whose
 * look-ahead ends before `position` are the slice's too. Only near the cut can the slice differ (a match its end
 * makes, a longer one it cuts): the slice is matched again from where such a match could start, the start of the
 * run of name characters before `position` or the next whole-text match, whichever comes first.
 */
function pairMatchesBefore(text: string, position: number): RegExpExecArray[] {
  if (pairsOfText?.text !== text) pairsOfText = { text, pairs: matchesOf(GIVEN_NAME_PAIR, text) };
  const { pairs } = pairsOfText;
  let shared = 0;
  while (shared < pairs.length && (pairs[shared] as RegExpExecArray).index + (pairs[shared] as RegExpExecArray)[0].length + 2 <= position) shared += 1;
  const last = pairs[shared - 1];
  const after = last ? last.index + last[0].length : 0;
  let runStart = position;
  while (runStart > after && PAIR_CHARACTER.test(text.charAt(runStart - 1))) runStart -= 1;
  const next = pairs[shared];
  const from = next !== undefined && next.index < runStart ? next.index : runStart;
  const found = pairs.slice(0, shared);
  const slice = text.slice(0, position);
  GIVEN_NAME_PAIR.lastIndex = from;
  for (let match = GIVEN_NAME_PAIR.exec(slice); match !== null; match = GIVEN_NAME_PAIR.exec(slice)) found.push(match);
  GIVEN_NAME_PAIR.lastIndex = 0;
  return found;
}

/**
 * "Donald Roe", "Maria Doe": two capitalized words before `position` whose first is a common given
 * name, a person's full name even where the tagger or the name rules took no note of it.
 */
function givenNamePairs(context: ResolveContext, position: number): { readonly name: string; readonly start: number }[] {
  const pairs: { name: string; start: number }[] = [];
  for (const match of pairMatchesBefore(context.text, position)) {
    const name = match[0];
    if (genderOfGivenName(name) === null || TITLE_WORDS.has((match[2] ?? "").toLowerCase()) || lookupPlace(match[2] ?? "")) continue;
    pairs.push({ name, start: match.index });
  }
  return pairs;
}

/** A bare surname's full name when the story gave one without a title before it ("Jo Doe ... Doe has ..."). */
function fullBareName(cast: ResolveContext["cast"], entry: { readonly name: string; readonly start: number }): string {
  if (/\s/.test(entry.name)) return entry.name;
  const full = cast.bareNames.find((other) => other.start < entry.start && /\s/.test(other.name) && other.name.split(/\s+/).pop() === entry.name);
  return full?.name ?? entry.name;
}

/**
 * The title word of the latest sentence between `from` and `to`, in one paragraph, whose subject
 * is "The <Title>" ("The President expressed ...", "The Prime Minister noted ..."): "president".
 */
function subjectByTitle(text: string, from: number, to: number): string | null {
  const between = text.slice(from, to);
  if (between.includes("\n")) return null;
  const openings = matchesOf(/(?:^|[.!?]["”’]?\s+)The ((?:\p{Lu}[\p{Ll}-]+\s+){0,2}\p{Lu}[\p{Ll}-]+)\s+\p{Ll}/gu, between);
  const role = openings.pop()?.[1]?.split(/\s+/).pop()?.toLowerCase() ?? "";
  return ROLE_NOUNS.has(role) ? role : null;
}

/**
 * Whether `position` is in the first sentence of the paragraph right after
 * the one holding `from`: where a pronoun still continues the last paragraph's subject.
 */
function opensParagraphAfter(text: string, from: number, position: number): boolean {
  const between = text.slice(from, position);
  const first = between.indexOf("\n");
  const last = between.lastIndexOf("\n");
  if (first < 0 || /\S/.test(between.slice(first, last))) return false;
  // The quotation the pronoun attributes may open the paragraph ("“...,” he says").
  return !/[.!?]["”’]?\s+\S/.test(between.slice(last + 1).replace(/^\s*["“](?:[^”"]*[”"](?=[,\s]))?/, ""));
}

/** Words that open an adverbial phrase before a sentence's subject: prepositions, subordinators, adverbs. */
const OPENER_WORDS = /^(?:after|before|while|when|since|during|despite|in|on|at|with|without|as|for|from|unlike|like|instead|still|yet|meanwhile|then|now|later|earlier|once|until|although|though|because|if|asked|pressed|told|questioned|last|this)$/i;

/**
 * "Speaking at a town hall, Doe went after Roe": the subject after a fronted phrase (a participle,
 * a prepositional or subordinate clause closed by a comma), when a lower-case word (its verb)
 * follows the name. Returns the words between the comma and the mention, as the sentence-opening
 * match does.
 */
function afterOpeningPhrase(text: string, at: number): RegExpExecArray | null {
  const from = Math.max(0, at - 160);
  const before = (from === 0 ? "\n" : "") + text.slice(from, at);
  const match = /(?:[.!?]["”’]?\s+|\n\s*)(\p{Lu}[\p{Ll}]+)\b[^.!?\n“”"]{0,100},\s+((?:\p{Lu}[\p{L}.'’-]*\s+){0,5})$/u.exec(before);
  if (!match) return null;
  const first = match[1] ?? "";
  if (!(OPENER_WORDS.test(first) || /\p{Ll}(?:ing|ed)$/u.test(first))) return null;
  // The name must be followed by its verb, not continue a list ("..., Doe and Roe met").
  if (!/^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s+(?!and\b|or\b|of\b)\p{Ll}/u.test(text.slice(at, at + 80))) return null;
  return /((?:\p{Lu}[\p{L}.'’-]*\s+){0,5})$/u.exec(match[0]);
}

/** Connectives that open a sentence, set off by a comma, before its subject ("However, ..."). */
const SENTENCE_CONNECTIVES = /^(?:however|meanwhile|separately|still|instead|also|earlier|later|nonetheless|nevertheless|similarly|likewise),$/i;

/** Time words that may open a sentence before its subject. */
const SENTENCE_TIME_WORDS = /^(?:yesterday|today|tonight|earlier|later|meanwhile|monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/i;

/**
 * Whether a mention opens its sentence, after nothing but capitalized words (titles, a first
 * name) and an opening quotation mark: the sentence's subject, as far as the words show.
 */
function isSubjectMention(text: string, at: number): boolean {
  const from = Math.max(0, at - 80);
  const before = (from === 0 ? "\n" : "") + text.slice(from, at);
  // Lower-case title words may stand between the capitals ("Party spokesman Jo Doe said").
  const opening = /(?:[.!?]["”’]?\s+|\n\s*)["“]?((?:[\p{L}.'’-]+,?\s+){0,6})$/u.exec(before);
  // "... toppled Mr. Doe": the dot of a title's abbreviation ends no sentence.
  const abbreviated = opening !== null && opening[0].startsWith(".") && NON_TERMINAL_ABBREVIATIONS.has(`${trailingRun(before.slice(0, opening.index), /[\p{L}.]/u)}.`.toLowerCase());
  const openings = [abbreviated ? null : opening, afterOpeningPhrase(text, at)];
  // Only titles and names before it ("Regarding President X's ..." opens with no subject), and
  // no possessive after it ("X's stance").
  // A time word may open the sentence before its subject ("Yesterday Secretary Doe called ..."),
  // and so may a connective set off by a comma ("However, spokesman Jo Doe told ...").
  const onlyTitlesAndNames = (opening: RegExpExecArray | null): boolean => {
    if (!opening) return false;
    const words = (opening[1] ?? "").trim().split(/\s+/).filter(Boolean);
    // So may a conjunction ("And Doe, for all ..., seems to agree").
    if (words[0] && (SENTENCE_TIME_WORDS.test(words[0]) || SENTENCE_CONNECTIVES.test(words[0]) || /^(?:and|but|so|yet)$/i.test(words[0]))) words.shift();
    return words.every((word) => !word.endsWith(",") && (TITLE_WORDS.has(word.toLowerCase()) || isNameWord(word)));
  };
  // ", Doe said.": a name right before a reporting verb is that verb's subject wherever it stands.
  // Within the mention's sentence: "... toppled Mr. Doe. ¶ He says" gives Doe no verb.
  const rest = text.slice(at, at + 60);
  const sentenceEnd = /\p{L}\p{Ll}{2,}[.!?]["”’]?\s|\n/u.exec(rest);
  const verbAfter = /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3}\s+(\p{Ll}+)\b/u.exec(sentenceEnd ? rest.slice(0, sentenceEnd.index + sentenceEnd[0].length) : rest)?.[1];
  if (verbAfter !== undefined && REPORTING_VERBS.has(verbAfter) && !/(?:^|[^\p{L}])(?:to|by|of|for|with)\s+$/iu.test(text.slice(Math.max(0, at - 6), at))) return true;
  if (isAppositiveSubject(text, at)) return true;
  if (!openings.some(onlyTitlesAndNames)) return false;
  return !/^\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,3}['’]s\b/u.test(text.slice(at, at + 60));
}

/**
 * "A security analyst at the U.S. based Institute of Law, Jo Doe, does not believe ...": a name set
 * off by commas right after a description that opens its sentence is that sentence's subject. The
 * description may hold abbreviation dots ("U.S. based") but no other sentence end.
 */
function isAppositiveSubject(text: string, at: number): boolean {
  const from = Math.max(0, at - 160);
  const before = (from === 0 ? "\n" : "") + text.slice(from, at);
  if (!/(?:[.!?]["”’]?\s+|\n\s*)(?:A|An|The) (?:[^.!?\n,;“”"]|\.(?=\S|\s+\p{Ll}))+,\s+$/u.test(before)) return false;
  return /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3},\s/u.test(text.slice(at, at + 60));
}

/** The unnamed source of one person ("the official", "a spokesman") mentioned last before a position, within this paragraph or the one before. */
function latestSingleSource(context: ResolveContext, position: number, gender: "male" | "female"): { readonly source: SourceEntry; readonly at: number } | null {
  let best: { source: SourceEntry; at: number } | null = null;
  for (const source of context.cast.sources) {
    // "a policeman", "a woman, wearing …": any one person a noun describes, of the pronoun's gender.
    // A person the story introduced by an indefinite description ("a policeman", "a woman, wearing
    // …"), of the pronoun's gender; "the actor" or "the businessman" more often refers back to a name.
    const introduced = /^(?:a|an|one|another)\s/i.test(source.description) && isPersonNoun(source.head) && (GENDERED_PERSON_NOUNS.get(source.head) ?? gender) === gender;
    if (/(?:s|men|people|police|staff|children)$/.test(source.head) || !(SOURCE_HEADS.has(source.head) || ROLE_NOUNS.has(source.head) || introduced)) continue;
    for (const at of source.mentions) if (at < position && !context.cast.isQuoted(at) && !context.cast.isReported(at) && (!best || at > best.at)) best = { source, at };
  }
  if (!best || (context.text.slice(best.at, position).match(/\n\s*\n/g) ?? []).length > 1) return null;
  return best;
}

/** Nouns that describe one person of a known gender ("a woman", "one father of three"). */
const GENDERED_PERSON_NOUNS: ReadonlyMap<string, "male" | "female"> = new Map([
  ...["woman", "mother", "girl", "wife", "widow", "grandmother", "daughter", "sister", "housewife", "businesswoman"].map((noun) => [noun, "female"] as const),
  ...["man", "father", "boy", "husband", "widower", "grandfather", "son", "brother", "businessman"].map((noun) => [noun, "male"] as const),
]);

/**
 * The last person described by a determiner and a gendered noun ("one woman", "an elderly man")
 * outside quotations between the best named candidate's mention (`after`) and the pronoun, in its
 * paragraph or the one before, and in a later paragraph than that candidate: "she" then continues
 * the description rather than a name from further up.
 */
function describedPersonBefore(context: ResolveContext, gender: "male" | "female", after: number, position: number): { readonly description: string; readonly head: string; readonly start: number } | null {
  const text = context.text;
  const paragraphStart = (at: number): number => {
    const breaks = matchesOf(/\n\s*\n/g, text.slice(0, at));
    return breaks.length > 0 ? (breaks[breaks.length - 1] as RegExpExecArray).index + (breaks[breaks.length - 1] as RegExpExecArray)[0].length : 0;
  };
  const here = paragraphStart(position);
  const window = here > 0 ? paragraphStart(Math.max(0, here - 2)) : 0;
  const from = Math.max(window, after + 1);
  let found: { description: string; head: string; start: number } | null = null;
  for (const match of matchesOf(/\b(?:one|a|an|another)\s+(?:[\p{Ll}-]+\s+){0,2}?(\p{Ll}+)\b(?!['’])/gu, text.slice(from, position))) {
    const head = match[1] ?? "";
    if (GENDERED_PERSON_NOUNS.get(head) !== gender) continue;
    const start = from + match.index;
    if (context.cast.isQuoted(start)) continue;
    // A person the sentence is about ("… including one woman", "One man said"), not a predicate
    // ("She is a grandmother") or a preposition's object ("between a man and a woman", "after a
    // man claiming …").
    const wordBefore = /([\p{L}’']+)\W*$/u.exec(text.slice(Math.max(0, start - 30), start))?.[1]?.toLowerCase() ?? "";
    if (COPULAS_AND_PREPOSITIONS.has(wordBefore)) continue;
    found = { description: match[0], head, start };
  }
  // The best named candidate must lie in an earlier paragraph than the description.
  if (!found || (after >= 0 && paragraphStart(found.start) <= after)) return null;
  return found;
}

/** Words before a noun phrase that make it a predicate or a preposition's object, not a person the sentence is about. */
const COPULAS_AND_PREPOSITIONS = new Set(["is", "was", "are", "were", "be", "been", "being", "’s", "'s", "as", "between", "of", "to", "for", "with", "by", "from", "about", "after", "before", "like", "than", "into", "on", "at", "against", "toward", "towards", "became", "becomes", "become", "remains", "remained"]);

/** Titles of the journalists a story names as its interviewers. */
const JOURNALIST = /\b(?:reporter|correspondent|interviewer)\b/i;

/** The text scans of `textMentions`, per cast, per person, with how many people the cast held then. */
const scannedMentions = new WeakMap<Cast, Map<PersonEntry, { readonly people: number; readonly offsets: readonly number[] }>>();

/**
 * What `textMentions` reads from the text alone, per cast (a cast is one text's), per name: the
 * full name's subject mentions and the offsets where the surname stands as a name. Only which
 * bearer of a shared surname owns it depends on the cast, so a growing cast rescans nothing.
 */
const nameScans = new WeakMap<Cast, Map<string, { readonly named: readonly number[]; readonly surnamed: readonly number[] }>>();

/**
 * Every place the text names a person, read from the text rather than from the mentions the
 * reading has recorded so far: the full name, and the surname alone when no other person of the
 * cast bears it ("Doe has taken a stance" before anyone quoted Doe). A surname right after another
 * capitalized word that is no title ("Jo Doe" of another Doe) or right before one ("Doe Tower") is
 * left out. The recorded mentions are kept too.
 */
function textMentions(context: ResolveContext, person: PersonEntry): readonly number[] {
  const { cast, text } = context;
  let perCast = scannedMentions.get(cast);
  if (!perCast) {
    perCast = new Map();
    scannedMentions.set(cast, perCast);
  }
  let scanned = perCast.get(person);
  if (!scanned || scanned.people !== cast.people.length) {
    const { named, surnamed } = scanName(context, person.name);
    const offsets = new Set<number>(named);
    const surname = surnameOf(person.name);
    const bearers = cast.people.filter((other) => other !== person && surnameOf(other.name).toLowerCase() === surname.toLowerCase());
    // A surname several people bear ("Doe" of Jo Doe and Al Doe) is the one the story named in full
    // first, whom it calls by the surname (people.ts findPersonMentions reads it so too).
    const firstAt = (someone: PersonEntry): number => {
      const at = text.indexOf(someone.name);
      return at < 0 ? Infinity : at;
    };
    const ours = (at: number): boolean => firstAt(person) < at && bearers.every((other) => firstAt(other) > firstAt(person));
    for (const at of surnamed) if (bearers.length === 0 || ours(at)) offsets.add(at);
    scanned = { people: cast.people.length, offsets: [...offsets].sort((a, b) => a - b) };
    perCast.set(person, scanned);
  }
  if (person.mentions.length === 0) return scanned.offsets;
  return [...new Set([...scanned.offsets, ...person.mentions])].sort((a, b) => a - b);
}

/** The cast-independent part of `textMentions` for one name, scanned once per text. */
function scanName(context: ResolveContext, name: string): { readonly named: readonly number[]; readonly surnamed: readonly number[] } {
  const { cast, text } = context;
  let perCast = nameScans.get(cast);
  if (!perCast) {
    perCast = new Map();
    nameScans.set(cast, perCast);
  }
  const cached = perCast.get(name);
  if (cached) return cached;
  const named: number[] = [];
  for (const at of wordOffsets(text, name, LETTER, LETTER)) if (isSubjectMention(text, at)) named.push(at);
  const surnamed: number[] = [];
  const surname = surnameOf(name);
  if (surname !== name && surname.length >= 3) {
    for (const at of wordOffsets(text, surname, /[\p{L}.'’-]/u, /[\p{L}-]/u)) {
      const before = /(\S+)\s+$/u.exec(text.slice(Math.max(0, at - 30), at))?.[1] ?? "";
      const after = text.slice(at + surname.length, at + surname.length + 3);
      if (/^\s\p{Lu}\p{Ll}/u.test(after)) continue;
      if (/^\p{Lu}[\p{L}'’-]*$/u.test(before) && !TITLE_WORDS.has(before.toLowerCase()) && !OPENER_WORDS.test(before) && !/^(?:The|But|And|So|Then|Now|Also)$/.test(before)) {
        // "Donald Trump" is the person named in full; another given name is another person.
        if (!name.endsWith(`${before} ${surname}`)) continue;
      }
      if (isSubjectMention(text, at)) surnamed.push(at);
    }
  }
  const scan = { named, surnamed };
  perCast.set(name, scan);
  return scan;
}

/** Offset of a person's last mention before a position as the text names them (`textMentions`), leaving out the ones `skip` names, or -1. */
function lastTextMentionBefore(context: ResolveContext, person: PersonEntry, position: number, skip: (offset: number) => boolean = () => false): number {
  let last = -1;
  for (const at of textMentions(context, person)) if (at < position && !skip(at)) last = at;
  return last;
}

/** Records a resolved subject pronoun's offset among the person's mentions (kept in order). */
function notePronounMention(person: PersonEntry, at: number): void {
  if (person.mentions.includes(at)) return;
  person.mentions.push(at);
  person.mentions.sort((a, b) => a - b);
}

/** Offset of a person's last mention before a position (leaving out the mentions `skip` names), or -1. */
function lastMentionBefore(person: PersonEntry, position: number, skip: (offset: number) => boolean = () => false): number {
  let last = -1;
  for (const at of person.mentions) if (at < position && !skip(at)) last = at;
  return last;
}

const QUANTIFIERS = /^(the|a|an|one|another|many|some|several|most|other|few|two|three|four|five|half|almost|nearly|about|more|both)$/i;

/**
 * A speaker the cast cannot place but the words describe: ",” the moderator said", ",” said the
 * 52-year-old", "several residents said". A determiner or a quantity and a noun (or
 * an adjective used as one) make an unnamed source.
 */
/**
 * "opposition parties said", "rights groups say": a plural of a body or role noun with a modifier and
 * no determiner is a described group, as "some parties" is. Not a name ("Western Union") nor a
 * bare plural alone ("parties").
 */
function barePluralGroup(subject: Phrase, head: Token): boolean {
  const singular = key(head).replace(/ies$/, "y").replace(/s$/, "");
  if (head.pos !== "NOUN" || !/s$/.test(key(head)) || !(ORG_NOUNS.has(singular) || ROLE_NOUNS.has(singular))) return false;
  return subject.tokens.every((token) => (token.pos === "NOUN" || token.pos === "ADJ") && !isCapitalized(token));
}

/**
 * ",” a guard, dressed in black and holding a rifle, told reporters": a person described at
 * length (a determiner, a person noun, then an aside) is an unnamed source whose description is
 * all those words, as stories and keys give it.
 */
export function describedAtLength(cast: Cast, subject: Phrase, head: Token): Resolved {
  const description = lowerFirst(subject.text, true);
  const source = cast.addSource(description, key(head), null, CONFIDENCE.explicit);
  cast.mentionSource(source, subject, CONFIDENCE.explicit);
  return { person: null, source, group: null, confidence: CONFIDENCE.explicit, viaStatement: false };
}

/** A noun that names one person or people by role or kind ("policeman", "officer", "woman", "witnesses"). */
export function isPersonNoun(word: string): boolean {
  const lower = word.toLowerCase();
  return SOURCE_HEADS.has(lower) || ROLE_NOUNS.has(lower) || GENDERED_PERSON_NOUNS.has(lower) || STAFF_NOUNS.has(lower) || /(?:man|woman|men|women|worker|er|or|ist)$/.test(lower);
}

export function describedSpeaker(cast: Cast, subject: Phrase): Resolved | null {
  const first = subject.tokens[0];
  const head = headOf(subject);
  if (!first || !head || subject.tokens.length < 2 || subject.tokens.length > 8 || !(QUANTIFIERS.test(first.text) || first.pos === "NUM" || barePluralGroup(subject, head))) return null;
  // "the two" (the two people just named) is a description as "the two leaders" is.
  const countOnly = head.pos === "NUM" && subject.tokens.length === 2 && key(first) === "the";
  if ((!["NOUN", "ADJ"].includes(head.pos) && !countOnly) || subject.tokens.some((token) => token.pos === "PRON")) return null;
  const description = lowerFirst(subject.text, true);
  const source = cast.addSource(description, key(head), null, CONFIDENCE.reference);
  cast.mentionSource(source, subject, CONFIDENCE.reference);
  return { person: null, source, group: null, confidence: CONFIDENCE.reference, viaStatement: false };
}

/**
 * "according to a new poll by the Harbor Institute", "according to court records": a document
 * the story cites is an unnamed source described by those words.
 */
export function documentSource(cast: Cast, phrase: Phrase, text: string): Resolved | null {
  const head = headOf(phrase);
  // "a Harbor University Poll": a document's head may be capitalized in its name.
  if (!head || (head.pos !== "NOUN" && head.pos !== "PROPN") || !DOCUMENT_NOUNS.has(key(head)) || phrase.tokens.length > 12) return null;
  const source = cast.addSource(lowerFirst(phrase.text, true), key(head), organizationInPhrase(text, phrase.tokens), CONFIDENCE.explicit);
  cast.mentionSource(source, phrase, CONFIDENCE.explicit);
  return { person: null, source, group: null, confidence: CONFIDENCE.explicit, viaStatement: false };
}

/** "The official" -> "the official" for descriptions and aliases; names keep their capitals. */
function lowerFirst(text: string, definiteOrIndefinite: boolean): string {
  return definiteOrIndefinite || /^(A|An|The)\s/.test(text) ? text.replace(/^(A|An|The|Both)(?=\s)/, (word) => word.toLowerCase()) : text;
}

/** The subject of the first verb of a token list (its main clause), from `floor` on. */
export function mainSubject(text: string, tokens: readonly Token[], floor: number, isQuoted: (token: Token) => boolean): Phrase | null {
  const verb = tokens.findIndex((token, index) => index >= floor && !isQuoted(token) && (token.pos === "VERB" || token.pos === "AUX"));
  if (verb < 0) return null;
  return nounPhraseBefore(text, tokens, verb, floor);
}

/** The noun phrase after "according to" or an inverted "said". */
export function phraseAfter(text: string, tokens: readonly Token[], start: number): Phrase | null {
  return nounPhraseAfter(text, tokens, start, tokens.length);
}
