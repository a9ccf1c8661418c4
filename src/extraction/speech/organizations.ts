import { type AnalyzedText, type Token } from "../text.js";
import { matchesOf } from "../patterns.js";
import type { TextRange } from "../types.js";
import type { Cast } from "./cast.js";
import { KNOWN_ORGANIZATIONS, KNOWN_ORGANIZATION_NAMES, ORGANIZATION_ALIASES, ORG_HEADS, ORG_NOUNS, TITLE_WORDS } from "./lexicon.js";
import { isCapitalized, isRoleWord, key } from "./phrases.js";
import { countryOfDemonym, lookupPlace } from "../events/gazetteer.js";

// Organizations are found by their shape, not from a list of names: a run of capitalized words
// that ends in an organization head ("Quds Force", "U.S. Embassy Baghdad", "Ministry of
// Transport"), a name before a lower-case head ("Los Lobos gang", "Anadolu news agency"), an
// acronym after one ("the prisons agency SNAI"), a nationality before "government" or "security
// forces". A short table only joins the spellings of the same body ("State Department").

/** An organization named in the text, with its canonical name. */
export interface OrganizationSpan extends TextRange {
  readonly name: string;
}

/** Words after "Press" or "News" that make it an event or an office, not a newspaper. */
const PRESS_EVENTS = /^(?:Briefings?|Conferences?|Releases?|Availability|Gaggle|Room|Statement|Pool|Call|Transcripts?)$/;
const EVENT_TAILS = /^(?:Day|Week|Month|Awards?|Prize|Festival|Games)$/;
const LOWER_CASE_HEADS = new Set(["agency", "gang", "cartel", "newspaper", "broadcaster", "militia"]);
const NATIONAL_BODIES = new Set(["government", "forces", "military", "army", "police", "ministry"]);
const PLACE_HEADS = new Set(["embassy", "consulate", "mission"]);
/** Words of rank or tenure capitalized before a title-case official ("Senior", "Former"); never the start of a body's name. */
const RANK_MODIFIERS = new Set(["senior", "former", "acting", "top", "retired", "interim", "veteran"]);
const CONNECTORS = new Set(["of", "for", "and", "&", "o", "de", "da", "di", "del", "al", "el", "la", "le", "van", "von", "bin", "ibn"]);
// Lower-case nouns that introduce an organization's proper name ("rights group Ain o Salish Kendra").
const NAMING_NOUNS = new Set(["group", "party", "organization", "organisation", "movement", "charity", "network", "company", "firm", "newspaper", "broadcaster", "agency", "watchdog", "union", "militia", "coalition"]);

/** The canonical name of an organization as written ("State Department" -> "U.S. Department of State"). */
export function canonicalOrganization(name: string): string {
  // A lower-case "the" is grammar; a capital one inside a sentence is part of the name.
  const bare = name.replace(/^the\s+/, "").trim();
  return ORGANIZATION_ALIASES.get(bare.toLowerCase()) ?? bare;
}

/** Whether the token is an acronym ("SNAI", "EU"). */
function isAcronym(token: Token): boolean {
  return /^\p{Lu}{2,6}$/u.test(token.text);
}

/**
 * "VOA's Somali Service", "VOA`s Afghanistan Service": a body named by its parent's possessive
 * and its own name with a head; the unit is the organization the story names, not the parent.
 */
function ownsNamedUnit(tokens: readonly Token[], index: number): boolean {
  const mark = tokens[index + 1]?.text ?? "";
  // The tagger splits "VOA`s" as "`" and "s".
  const after = /^['’]s$/.test(mark) ? index + 2 : /^[`'’]$/.test(mark) && tokens[index + 2]?.text === "s" ? index + 3 : -1;
  if (after < 0) return false;
  const rest = tokens.slice(after, after + 4);
  const headAt = rest.findIndex((token) => ORG_HEADS.has(key(token)));
  return headAt > 0 && rest.slice(0, headAt + 1).every((token) => isCapitalized(token));
}

/** Runs of capitalized tokens (with "of", "for", "and" inside) as [from, to) index pairs. */
function capitalizedRuns(tokens: readonly Token[]): [number, number][] {
  const runs: [number, number][] = [];
  let index = 0;
  while (index < tokens.length) {
    if (!isCapitalized(tokens[index] as Token)) {
      index += 1;
      continue;
    }
    let end = index + 1;
    for (;;) {
      const next = tokens[end];
      const previous = tokens[end - 1] as Token;
      // "Sierra Leone People's Party", "Workers' Party": a common noun's possessive inside a name,
      // before the body's head ("Britain's Labour Party" is a place's: the name is "Labour Party").
      const possessive = next !== undefined && next.start === previous.end && /^['’]s?$/.test(next.text) && (previous.pos === "NOUN" || (/s$/.test(previous.text) && /^['’]$/.test(next.text)));
      const headAfter = tokens[end + 1];
      if (possessive && headAfter && headAfter.start - next.end === 1 && isCapitalized(headAfter) && ORG_HEADS.has(key(headAfter)) && end - index >= 1) {
        end += 2;
        continue;
      }
      if (!next || next.start - previous.end !== 1) break;
      if (isCapitalized(next)) {
        end += 1;
        continue;
      }
      const after = tokens[end + 1];
      if (CONNECTORS.has(key(next)) && after && isCapitalized(after) && after.start - next.end === 1) {
        end += 2;
        continue;
      }
      // "Office of the Press Secretary", "Office of the Spokesperson": "of the" inside a name.
      const third = tokens[end + 2];
      if (end === index + 1 && ORG_HEADS.has(key(tokens[index] as Token)) && key(next) === "of" && after && after.text === "the" && third && isCapitalized(third) && third.start - after.end === 1) {
        end += 3;
        continue;
      }
      break;
    }
    runs.push(...splitAtAnd(tokens, index, end));
    index = end;
  }
  return runs;
}

/**
 * "Middle East Broadcasting Network and Office of Cuba Broadcasting", "Department of State and
 * USAID": two bodies joined by "and" when each side is one by itself (a head word, or an acronym
 * or known name after "and"); "Ministry of Trade and Industry" stays one.
 */
function splitAtAnd(tokens: readonly Token[], from: number, to: number): [number, number][] {
  for (let i = from + 1; i < to - 1; i += 1) {
    if (key(tokens[i] as Token) !== "and") continue;
    const left = tokens.slice(from, i);
    const right = tokens.slice(i + 1, to);
    const single = right.length === 1 && (isAcronym(right[0] as Token) || KNOWN_ORGANIZATIONS.has((right[0] as Token).text));
    // The left side is a whole name: it ends in its head ("... Network") or its head takes "of"
    // ("Department of State"); "Senate Homeland Security and Governmental Affairs Committee" is one.
    const leftWhole = ORG_HEADS.has(key(left[left.length - 1] as Token)) || left.some((token, j) => ORG_HEADS.has(key(token)) && key(left[j + 1] ?? token) === "of");
    if (leftWhole && (single || right.some((token) => ORG_HEADS.has(key(token))))) return [[from, i], ...splitAtAnd(tokens, i + 1, to)];
  }
  return [[from, to]];
}

/** Organizations named in a token list (a sentence, or the words of a title). */
export function organizationSpans(text: string, tokens: readonly Token[]): readonly OrganizationSpan[] {
  // People, organizations and speakers each read a sentence's organizations; they are worked out once per token list.
  const cached = spansOfTokens.get(tokens);
  if (cached?.text === text) return cached.spans;
  const spans = readOrganizationSpans(text, tokens);
  spansOfTokens.set(tokens, { text, spans });
  return spans;
}

const spansOfTokens = new WeakMap<readonly Token[], { readonly text: string; readonly spans: readonly OrganizationSpan[] }>();

function readOrganizationSpans(text: string, tokens: readonly Token[]): OrganizationSpan[] {
  const spans: OrganizationSpan[] = [];
  const add = (from: number, to: number, name?: string): void => {
    const first = tokens[from];
    const last = tokens[to - 1];
    if (!first || !last || to <= from) return;
    const written = text.slice(first.start, last.end);
    spans.push({ start: first.start, end: last.end, name: name ?? canonicalOrganization(written) });
  };
  for (const [runFrom, runTo] of capitalizedRuns(tokens)) {
    let from = runFrom;
    // A capital "The" at the start of a sentence is grammar; inside one it is part of the name.
    if (from === 0 && key(tokens[from] as Token) === "the") from += 1;
    if (from < runTo && /^(A|An)$/.test((tokens[from] as Token).text)) from += 1;
    // "a Senior State Department Official": a rank or tenure word describes the official, not the body.
    while (from < runTo - 1 && RANK_MODIFIERS.has(key(tokens[from] as Token))) from += 1;
    // A run that was only "The" or "A" names nothing.
    if (from >= runTo) continue;
    // Titles inside the run end the organization: "White House | Press Secretary Sarah Sanders".
    let to = runTo;
    // "Office of the Press Secretary": an office named by the role it serves keeps the role.
    const officeOfRole = key(tokens[from] as Token) === "office" && key(tokens[from + 1] ?? (tokens[from] as Token)) === "of";
    const role = officeOfRole ? -1 : tokens.slice(from, runTo).findIndex((token) => isRoleWord(token));
    if (role >= 0) {
      to = from + role;
      while (to > from && TITLE_WORDS.has(key(tokens[to - 1] as Token))) to -= 1;
    }
    // "Department of Defense Press Briefing", "Daily Press Briefing", "DoD News Transcript": "Press"
    // or "News" before an event names the event, not a newspaper; the organization (if any) is the words before it.
    const event = tokens.slice(from, to).findIndex((token, i) => (key(token) === "press" || key(token) === "news") && PRESS_EVENTS.test(tokens[from + i + 1]?.text ?? ""));
    if (event >= 0) to = from + event;
    if (to <= from) continue;
    if (officeOfRole && to - from >= 4) {
      add(from, to);
      continue;
    }
    // "World Press Freedom Day", "Harbor Press Awards": a run ending in an event's word names the event.
    if (EVENT_TAILS.test((tokens[runTo - 1] as Token).text)) continue;
    let head = -1;
    for (let i = from; i < to; i += 1) if (ORG_HEADS.has(key(tokens[i] as Token))) head = i;
    const distinctive = tokens.slice(from, to).some((token) => !ORG_HEADS.has(key(token)) && !CONNECTORS.has(key(token)));
    // "West Bank", "Gaza Strip": a place whose name ends like a body.
    if (head >= 0 && distinctive && lookupPlace(text.slice((tokens[from] as Token).start, (tokens[to - 1] as Token).end))) continue;
    // "Air Force One", "Marine One": a body's name and a number word is the aircraft, not the body;
    // "Intermediate-Range Nuclear Forces Treaty": a body's name before a treaty's word names the treaty.
    if (head >= 0 && /^(?:One|Two|Treaty|Accord|Convention)$/.test(tokens[head + 1]?.text ?? "")) continue;
    if (head >= 0 && distinctive) {
      let end = head + 1;
      const next = tokens[end];
      const headWord = key(tokens[head] as Token);
      if (next && end < to && (key(next) === "of" || key(next) === "for")) end = to;
      else if (PLACE_HEADS.has(headWord) && next && end < to && next.pos === "PROPN") end += 1;
      else if (PLACE_HEADS.has(headWord) && end === runTo && key(next ?? (tokens[0] as Token)) === "in" && tokens[end + 1] && isCapitalized(tokens[end + 1] as Token)) end += 2;
      add(from, end);
      continue;
    }
    const namer = tokens[runFrom - 1];
    if (namer && !isCapitalized(namer) && NAMING_NOUNS.has(key(namer)) && to - from >= 1 && !tokens.slice(from, to).some((token) => isRoleWord(token))) {
      add(from, to);
      continue;
    }
    const after = tokens[runTo];
    const afterNext = tokens[runTo + 1];
    const lowerHead = after && key(after) === "news" && afterNext ? afterNext : after;
    if (lowerHead && LOWER_CASE_HEADS.has(key(lowerHead)) && to === runTo && from < to) {
      add(from, to);
      continue;
    }
    for (let i = from; i < to; i += 1) {
      const token = tokens[i] as Token;
      const alias = ORGANIZATION_ALIASES.get(key(token));
      if (ownsNamedUnit(tokens, i)) continue;
      // "Pentagon Press Secretary", "Pentagon Briefing Room": a body's one-word name that modifies the
      // capitalized words after it names a post or a room, not the body as a party to the story.
      const following = tokens[i + 1];
      const modifier = i + 1 < runTo && following !== undefined && !CONNECTORS.has(key(following)) && !isAcronym(token);
      if ((KNOWN_ORGANIZATIONS.has(token.text) && !modifier) || (alias && isAcronym(token))) add(i, i + 1, alias ?? token.text);
    }
  }
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (first && last) {
    // Broadcasters named without a head word ("Voice of America", "Radio Free Asia").
    const words = text.slice(first.start, last.end);
    for (const match of matchesOf(KNOWN_ORGANIZATION_NAMES, words)) {
      const start = first.start + (match.index ?? 0);
      const end = start + match[0].length;
      if (!spans.some((span) => span.start <= start && span.end >= end)) spans.push({ start, end, name: canonicalOrganization(match[0]) });
    }
  }
  tokens.forEach((token, index) => {
    // "Saudi-led coalition", "Iranian-backed militias": a hyphenated leader and a body.
    const led = tokens[index + 2];
    const body = tokens[index + 3];
    if (isCapitalized(token) && tokens[index + 1]?.text === "-" && led && /^(led|backed|run|allied)$/.test(key(led)) && body && body.pos === "NOUN" && !isCapitalized(body) && /^(coalition|forces|militias?|government|alliance|group)$/.test(key(body))) add(index, index + 4);
    // "the provincial government of Sindh": a lower-case body of a named place.
    if (BODY_HEADS.has(key(token)) && !isCapitalized(token) && key(tokens[index + 1] ?? token) === "of" && tokens[index + 2] && isCapitalized(tokens[index + 2] as Token)) {
      let from = index;
      while (from > 0 && (tokens[from - 1] as Token).pos === "ADJ") from -= 1;
      let to = index + 3;
      while (tokens[to] && isCapitalized(tokens[to] as Token) && (tokens[to] as Token).start - (tokens[to - 1] as Token).end === 1) to += 1;
      add(from, to);
    }
    const before = tokens[index - 1];
    if (isAcronym(token) && before && ORG_NOUNS.has(key(before)) && !isCapitalized(before)) add(index, index + 1);
    // "Iranian government", "Sudanese security forces": a nationality and a state body, the
    // body being the head (not "Iranian military parade").
    if (/^\p{Lu}\p{Ll}+(?:ian|ean|an|ese|ish|i)$/u.test(token.text)) {
      let end = index + 1;
      if (key(tokens[end] ?? token) === "security") end += 1;
      const body = tokens[end];
      const following = tokens[end + 1];
      // "Sri Lankan", "South Korean": a two-word adjective starts at its first word.
      const previous = tokens[index - 1];
      const from = previous && isCapitalized(previous) && countryOfDemonym(`${previous.text} ${token.text}`) !== undefined ? index - 1 : index;
      if (body && NATIONAL_BODIES.has(key(body)) && !isCapitalized(body) && !(following && (following.pos === "NOUN" || following.pos === "PROPN"))) add(from, end + 1);
    }
  });
  return spans;
}

/** Lower-case heads that make a phrase an organization by itself ("the interior ministry", "Fire service"). */
export const BODY_HEADS = new Set([
  "ministry", "department", "agency", "service", "commission", "council", "delegation", "office", "committee",
  "association", "government", "police", "army", "embassy", "consulate", "bureau", "court", "parliament",
]);

/** The first organization a phrase names, canonical, or null. */
export function organizationInPhrase(text: string, tokens: readonly Token[]): string | null {
  return organizationSpans(text, tokens)[0]?.name ?? null;
}

/**
 * Finds the organizations of the text, adding names and mentions to the cast. An acronym the
 * story defines ("Bangladesh Nationalist Party (BNP)") becomes another name of the organization.
 */
export function findOrganizations(analyzed: AnalyzedText, cast: Cast, skip: (range: TextRange) => boolean): void {
  const { text } = analyzed;
  for (const sentence of analyzed.sentences) {
    // All-capital lines are transcript headers and labels ("DEPARTMENT PRESS BRIEFING").
    if (skip(sentence) || !/\p{Ll}/u.test(sentence.text)) continue;
    const titleCase = isTitleCase(sentence.text);
    for (const span of organizationSpans(text, sentence.tokens)) {
      // In a title-case headline every word is capitalized, so a run that goes on through a verb
      // ("Main Opposition Group Accuses Government Of ...") is a body only when the story names
      // it elsewhere too.
      if (titleCase && !namedElsewhere(text, text.slice(span.start, span.end), span) && runsOn(sentence.tokens, span)) continue;
      const defined = /^\s*\((\p{Lu}{2,8})\)/u.exec(text.slice(span.end, span.end + 12));
      if (defined?.[1]) cast.organizationAcronyms.set(defined[1], span.name);
      const name = cast.organizationAcronyms.get(span.name) ?? span.name;
      cast.addOrganization(name);
      cast.mention(span, "organization", name, 0.7);
    }
    for (const token of sentence.tokens) {
      const name = cast.organizationAcronyms.get(token.text);
      if (name && !/^\(/.test(text.slice(token.start - 1, token.start))) cast.mention(token, "organization", name, 0.7);
    }
  }
}

/** A headline in title case: four or more words, nearly all longer ones capitalized, no closing full stop. */
function isTitleCase(line: string): boolean {
  const words = line.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const long = words.filter((word) => word.length > 3);
  if (words.length < 4 || long.length < 3 || /[.!?]\s*$/.test(line.trim())) return false;
  return long.filter((word) => /^\p{Lu}/u.test(word)).length >= long.length * 0.8;
}

/** Whether `name` occurs in the text outside the range it was found in. */
function namedElsewhere(text: string, name: string, found: TextRange): boolean {
  const first = text.indexOf(name);
  if (first < 0) return false;
  return first !== found.start || text.indexOf(name, found.end) >= 0;
}

/** A span that takes in a verb ("... Group Accuses Government ..."): in a headline, the sentence rather than a name. */
function runsOn(tokens: readonly Token[], span: TextRange): boolean {
  return tokens.some((token) => token.start >= span.start && token.end <= span.end && token.pos === "VERB");
}

/** The initials of a name's capitalized words ("Movement for Democratic Change" -> "MDC"). */
function capitalInitials(name: string): string {
  return (name.match(/(?<![\p{L}'’])\p{Lu}/gu) ?? []).join("");
}

/**
 * The full name of an organization an acronym stands for: the one the story defines in brackets
 * ("Bangladesh Nationalist Party (BNP)"), else the one organization of the story, named in two or
 * more words, whose capitalized words' initials spell it ("the Movement for Democratic Change" ...
 * "The MDC says"). Null when the story spells out no such body, or more than one.
 */
export function spelledOutAcronym(cast: Cast, acronym: string): string | null {
  if (!/^\p{Lu}{2,6}$/u.test(acronym)) return null;
  const defined = cast.organizationAcronyms.get(acronym);
  if (defined) return defined;
  const matches = cast.organizations.filter((name) => /\s/.test(name) && capitalInitials(name) === acronym);
  return matches.length === 1 ? (matches[0] as string) : null;
}

// A state's institution speaking as a body (first-sight speech README, "A named institution
// speaking as a body"): "the Pakistani army", "Sri Lanka's military", "Kenya's government", "the
// Sri Lankan military", "the government of Nepal" are organizations; "police", "troops",
// "authorities", "officials" describe people and stay unnamed sources.
/** The institution heads (last word, or two) that make a place-qualified phrase a body. */
const STATE_BODY_HEADS = /^(?:army|military|government|navy|air force|armed forces|police force|police service|coast guard|ministry|[a-z]+ ministry|cabinet|parliament|senate|junta|council|court|supreme court|high court|military government|interim government|transitional government|military junta)$/;
/** "the government of Nepal", "the army of Chad". */
const BODY_OF_PLACE = /^(government|army|military|parliament|cabinet) of ((?:the )?\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,2})$/u;

/** A country's adjective ("Sri Lankan") from its name or its possessive ("Sri Lanka's"), or null when the words name no country. */
function countryAdjective(words: string): string | null {
  const place = lookupPlace(words.replace(/['’]s?$/, ""));
  if (place?.kind !== "country") return countryOfDemonym(words) !== undefined ? words : null;
  return place.demonyms?.[0] ?? null;
}

/**
 * The name of the state body a speaker's description names, or null: a country, its adjective or
 * its possessive before an institution ("Sri Lanka's army" -> "Sri Lankan army"), or an
 * institution "of" a place ("the government of Nepal"). The leading article is dropped.
 */
export function stateBodyName(description: string): string | null {
  const bare = description.trim().replace(/^(?:the|The)\s+/, "");
  if (bare.length > 60) return null;
  const of = BODY_OF_PLACE.exec(bare);
  if (of?.[2] && lookupPlace(of[2].replace(/^the /, "")) !== undefined) return bare;
  const words = bare.split(/\s+/);
  // The place is one to three capitalized words (the last may be possessive); the head follows in lower case.
  for (let placeWords = Math.min(3, words.length - 1); placeWords >= 1; placeWords -= 1) {
    const place = words.slice(0, placeWords).join(" ");
    const head = words.slice(placeWords).join(" ");
    if (!/^\p{Lu}/u.test(place) || !STATE_BODY_HEADS.test(head.toLowerCase()) || /^\p{Lu}/u.test(head) !== /^\p{Lu}/u.test(words[placeWords] ?? "")) continue;
    const adjective = countryAdjective(place);
    if (adjective === null) continue;
    // A capitalized head is a proper name already ("Pakistan Army"), and a place before the head
    // ("U.S. military", "Pakistani army") is the text's own spelling: kept as written; a
    // possessive ("Sri Lanka's army") takes the country's adjective.
    return /^\p{Lu}/u.test(head) || !/['’]s?$/.test(place) ? bare : `${adjective} ${head}`;
  }
  return null;
}
