import { type AnalyzedText, type Sentence, type Token } from "../text.js";
import { foldAccents, LETTER, matchesOf, wordOffsets } from "../patterns.js";
import type { TextRange } from "../types.js";
import { type Cast, type PersonEntry, oneLetterApart, surnameOf } from "./cast.js";
import { FEMALE_GIVEN_NAMES, GENDERED_WORDS, MALE_GIVEN_NAMES, ORG_HEADS, TITLE_ABBREVIATIONS, TITLE_ORGANIZATIONS, TITLE_WORDS } from "./lexicon.js";
import { BODY_HEADS, organizationInPhrase, organizationSpans } from "./organizations.js";
import { lookupPlace } from "../events/gazetteer.js";
import { arabicArticle, glued, hyphenatedWord, isCapitalized, isNameToken, isRoleWord, key, nameRuns, nickname, nounPhraseBefore, particleRun, phraseOf } from "./phrases.js";

// People are names the story gives a role: a title before the name ("Secretary of State Mike
// Pompeo", "Fire service spokeswoman Eleni Vasilakou") or an appositive after it ("Giorgos
// Papadakis, a retired schoolteacher"). Other capitalized pairs ("United States", "Kampala
// Central") are left alone here; a bare name becomes a person when it speaks (attribution.ts).

const TITLE_TAGS = new Set(["NOUN", "PROPN", "ADJ"]);
/** Words of time that may open a sentence right before a title; never part of the title. */
const TIME_WORDS = /^(?:yesterday|today|tonight|tomorrow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|earlier|later|meanwhile)$/i;
/** Words that open a sentence's adverbial or clause ("As analyst Jane Doe noted"); never part of the title. */
const OPENING_WORDS = /^(?:as|in|on|at|for|with|by|but|and|so|if|when|while|after|before|since|like|unlike)$/i;

/** A headline's document kind ("Readout of Secretary Doe's Call"): what the page is, never the person's title. */
const DOCUMENT_KINDS = /^(?:readout|statement|remarks|transcript|testimony)$/i;

/** A title found before or after a name, with where it is. */
interface FoundTitle {
  readonly titles: string[];
  readonly range: TextRange;
}

/** The title words right before a name: nouns, names and adjectives, "of" inside ("Secretary of State"). */
function titleBefore(text: string, tokens: readonly Token[], nameStart: number): FoundTitle | null {
  let from = nameStart;
  let index = nameStart - 1;
  while (index >= 0) {
    const token = tokens[index] as Token;
    const right = tokens[index + 1];
    const isGlued = right !== undefined && glued(token, right);
    // "Yesterday Finance Minister Doe": a sentence that opens on a time word.
    if (TIME_WORDS.test(token.text) || (OPENING_WORDS.test(token.text) && isCapitalized(token)) || DOCUMENT_KINDS.test(token.text)) break;
    if (TITLE_TAGS.has(token.pos) || isGlued || (isCapitalized(token) && token.pos !== "PUNCT" && !/^(A|An|The)$/.test(token.text)) || (key(token) === "of" && from < nameStart && index > 0)) {
      from = index;
      index -= 1;
      continue;
    }
    break;
  }
  while (from < nameStart && key(tokens[from] as Token) === "of") from += 1;
  const phrase = phraseOf(text, tokens, from, nameStart);
  // "Sen. Jane Doe", "Gov. Roe": an abbreviated title is a role too.
  if (!phrase || !phrase.tokens.some((token) => isRoleWord(token) || TITLE_ABBREVIATIONS.has(key(token)))) return null;
  // "Guayas police commander Colonel": a lower-case role followed by a capitalized rank is two
  // titles, the office and the rank.
  const split = phrase.tokens.findIndex(
    (token, i) => i > 0 && isCapitalized(token) && TITLE_WORDS.has(key(token)) && !isCapitalized(phrase.tokens[i - 1] as Token) && isRoleWord(phrase.tokens[i - 1] as Token),
  );
  if (split > 0) {
    const office = phrase.tokens[split - 1] as Token;
    const rank = phrase.tokens[split] as Token;
    return { titles: [text.slice(phrase.start, office.end), text.slice(rank.start, phrase.end)], range: phrase };
  }
  return { titles: [phrase.text], range: phrase };
}

/** A title before the name and a comma: "The United Nations envoy for Yemen, Lars Eklund, said". */
function titleBeforeComma(text: string, tokens: readonly Token[], nameStart: number, nameEnd: number): FoundTitle | null {
  // Copy may drop the second comma when the name is the subject: "The secretary-general of the
  // Association, Jane Doe expressed ...": a title phrase opening the sentence, the name, then a verb.
  const after = tokens[nameEnd];
  const verbAfter = after !== undefined && (after.pos === "VERB" || after.pos === "AUX") && /^\p{Ll}/u.test(after.text);
  if (tokens[nameStart - 1]?.text !== "," || (after?.text !== "," && !verbAfter)) return null;
  const phrase = nounPhraseBefore(text, tokens, nameStart - 1, 0);
  if (!phrase || !phrase.tokens.some(isRoleWord)) return after?.text === "," ? roleOpeningTheSentence(text, tokens, nameStart) : null;
  if (after?.text !== "," && phrase.tokens[0] !== tokens[0] && !/^(the|a|an)$/i.test(phrase.tokens[0]?.text ?? "")) return null;
  // "The United Nations envoy", "Its spokesman": the determiner is not part of the title.
  const from = /^(the|a|an|its|his|her|their)$/i.test((phrase.tokens[0] as Token).text) ? 1 : 0;
  const title = phraseOf(text, tokens, tokens.indexOf(phrase.tokens[from] as Token), tokens.indexOf(phrase.tokens[phrase.tokens.length - 1] as Token) + 1);
  return title ? { titles: [title.text], range: title } : null;
}

/** Words that attach a place of work to a role: "an analyst at the Institute". */
const ROLE_LINKS = /^(?:at|of|with|for|from|in)$/i;
/** The longest opening description read as a title before an appositive name (in tokens). */
const MAX_OPENING_TITLE = 16;

/**
 * "A security analyst at the U.S. based Fletcher School of Law and Diplomacy, Jo Roe, said":
 * a sentence opening on an indefinite or definite role whose place of work runs long (dots,
 * participles and "of" break the noun phrase) gives the whole opening, up to the comma, as the
 * title. The role must stand right after the determiner, before any linking preposition.
 */
function roleOpeningTheSentence(text: string, tokens: readonly Token[], nameStart: number): FoundTitle | null {
  const comma = nameStart - 1;
  if (comma < 3 || comma > MAX_OPENING_TITLE || !/^(?:a|an|the)$/i.test(tokens[0]?.text ?? "")) return null;
  if (tokens.slice(1, comma).some((token) => token.pos === "PUNCT" && token.text !== "." && !/^[-–]$/.test(token.text))) return null;
  const link = tokens.findIndex((token, index) => index > 1 && index < comma && ROLE_LINKS.test(token.text));
  if (link < 0 || !isRoleWord(tokens[link - 1] as Token)) return null;
  const title = phraseOf(text, tokens, 1, comma);
  return title ? { titles: [title.text], range: title } : null;
}

/** The appositive after a name: ", a retired schoolteacher," gives "retired schoolteacher". */
/** ", 60," right after a name: an age, which only a person is given. The index after it, or null. */
function ageAfter(tokens: readonly Token[], nameEnd: number): number | null {
  return tokens[nameEnd]?.text === "," && /^\d{1,3}$/.test(tokens[nameEnd + 1]?.text ?? "") && Number(tokens[nameEnd + 1]?.text) >= 5 && tokens[nameEnd + 2]?.text === "," ? nameEnd + 2 : null;
}

function titleAfter(text: string, tokens: readonly Token[], nameEnd: number): FoundTitle | null {
  // "Yin Myint May, 60, a doctor, said": the appositive comes after the age.
  const age = ageAfter(tokens, nameEnd);
  if (age !== null) return titleAfter(text, tokens, age);
  if (tokens[nameEnd]?.text !== ",") return null;
  const article = tokens[nameEnd + 1];
  if (!article) return null;
  // "a retired schoolteacher", "the mayor", or a bare role: "director of the Beirut hospital".
  const bare = !/^(a|an|the)$/i.test(article.text);
  if (bare && !(isRoleWord(article) && !isCapitalized(article))) return null;
  let index = bare ? nameEnd + 1 : nameEnd + 2;
  while (index < tokens.length && index < nameEnd + 12) {
    const token = tokens[index] as Token;
    // The appositive ends at punctuation or where a relative clause starts ("a farmer who lost ...").
    if ((token.pos === "PUNCT" && token.text !== "-") || /^(who|whose|which|that|whom)$/i.test(token.text)) break;
    if (token.pos === "AUX" || token.pos === "VERB" && !/(ed|ing)$/.test(token.text)) return null;
    index += 1;
  }
  let from = bare ? nameEnd + 1 : nameEnd + 2;
  // An age is not part of the title: "a 38-year-old fisherman" -> "fisherman".
  while (from < index && /^(\d+|-|year|years|old)$/i.test((tokens[from] as Token).text)) from += 1;
  const phrase = phraseOf(text, tokens, from, index);
  // Any noun describes the person here ("a retired schoolteacher", "a fisherman"): the article
  // and the commas around it make it an appositive, not a role list.
  const last = phrase?.tokens[phrase.tokens.length - 1];
  if (!phrase || !phrase.tokens.some((token) => token.pos === "NOUN") || (last && last.pos !== "NOUN" && !isRoleWord(last) && !/^(of|for)$/.test(key(phrase.tokens[phrase.tokens.length - 2] ?? last)) && last.pos !== "PROPN")) return null;
  return { titles: [phrase.text], range: { start: article.start, end: phrase.end } };
}

/**
 * The organization a title names ("State Department spokesperson"), implies ("Secretary of
 * State"), or describes before the role ("Fire service spokeswoman" -> "Fire service").
 */
export function organizationOfTitle(text: string, tokens: readonly Token[], acronyms: ReadonlyMap<string, string> = new Map()): string | null {
  const defined = tokens.map((token) => acronyms.get(token.text)).find((name) => name !== undefined);
  if (defined) return defined;
  const named = organizationInPhrase(text, tokens);
  if (named) return acronyms.get(named) ?? named;
  const role = tokens.findIndex(isRoleWord);
  const body = tokens[role - 1];
  // "Fire service spokeswoman": a described body; a bare "Police" names none in particular.
  if (role > 1 && body && BODY_HEADS.has(key(body))) return text.slice((tokens[0] as Token).start, body.end);
  const title = tokens.map((token) => token.text).join(" ");
  return TITLE_ORGANIZATIONS.find((entry) => entry.title.test(title))?.organization ?? null;
}

/** The gender a title states ("spokeswoman", "Mr."), for checking pronouns later. */
export function genderOfTitle(title: string): "male" | "female" | null {
  for (const word of title.toLowerCase().split(/\s+/)) {
    const gender = GENDERED_WORDS.get(word);
    if (gender) return gender;
  }
  return null;
}

/** Registers a person with a title, setting organization and gender from the title when known. */
export function registerPerson(cast: Cast, name: string, title: string | null, titleTokens: readonly Token[], text: string, confidence: number): PersonEntry {
  // 'Benjamin “Benny” Gantz' is Benjamin Gantz: the nickname is no part of the name.
  const person = cast.addPerson(name.replace(/\s[“"][^”"\s]+[”"](?=\s)/u, ""), title, confidence);
  // "Peter Lowe, Jr." is also written without the suffix ("Peter Lowe"): the shorter form is an alias.
  const unsuffixed = person.name.replace(/,?\s+(?:Jr\.?|Sr\.?|II|III|IV)$/u, "");
  if (unsuffixed !== person.name && unsuffixed.includes(" ")) cast.addAlias(person, unsuffixed);
  if (title) {
    person.organization ??= organizationOfTitle(text, titleTokens, cast.organizationAcronyms);
    person.gender ??= genderOfTitle(title);
  }
  return person;
}

/** Finds every titled or appositive-described person in the text and adds them to the cast. */
export function findPeople(analyzed: AnalyzedText, cast: Cast, skip: (range: TextRange) => boolean): void {
  const { text } = analyzed;
  const headlineCase = headlineCaseReader(analyzed);
  for (const sentence of analyzed.sentences) {
    if (skip(sentence)) continue;
    const tokens = sentence.tokens;
    for (const written of nameRuns(tokens, true)) {
      const trimmed = headlineCase.trim(tokens, written);
      if (!trimmed) continue;
      const run = withoutTitleTail(tokens, trimmed);
      if (!run) continue;
      // "But Chin Malin, justice spokesman, said": a capitalized function word opening the
      // sentence is no part of the name (as in findUntitledPeople).
      const [from, to] = run[0] === 0 && OPENING_FUNCTION_WORDS.has(key(tokens[0] as Token)) && run[1] - run[0] >= 3 ? [run[0] + 1, run[1]] : run;
      const found = titleBefore(text, tokens, from) ?? titleAfter(text, tokens, to) ?? titleBeforeComma(text, tokens, from, to);
      const name = text.slice((tokens[from] as Token).start, (tokens[to - 1] as Token).end);
      // "Tin Aung Soe, 60, said": a name given an age is a person, with no title to keep.
      // Two or three plain name words: a rank the lexicon lacks ("Specialist Jo A. Doe, 30,") is no given name.
      const plain = to - from >= 2 && to - from <= 3 && tokens.slice(from, to).every((token) => token.pos === "PROPN" && !/^\p{Lu}\.$/u.test(token.text) && !isRoleWord(token) && !TITLE_WORDS.has(key(token)));
      if (!found && plain && ageAfter(tokens, to) !== null) {
        if (!cast.personNamed(name) && !lookupPlace(name)) cast.mentionPerson(registerPerson(cast, name, null, [], text, 0.8), { start: (tokens[from] as Token).start, end: (tokens[to - 1] as Token).end }, 0.8);
        continue;
      }
      if (!found) continue;
      const titleTokens = tokens.filter((token) => token.start >= found.range.start && token.end <= found.range.end);
      let person: PersonEntry | null = null;
      for (const title of found.titles) person = registerPerson(cast, name, title, titleTokens, text, 0.9);
      if (person) cast.mentionPerson(person, { start: (tokens[from] as Token).start, end: (tokens[to - 1] as Token).end }, 0.9);
    }
  }
}

/**
 * A name run whose first words end a title ("Ambassador-at-Large Jo Roe", "Under
 * Secretary-General Jo Roe", "Petty Officer 1st Class Jo Roe"): the tagger splits a hyphenated
 * title at its hyphens and reads the last part as a name word, and a rank's "Class" after an
 * ordinal is a capitalized word too. Those words are the title's, not the name's; what is left must
 * still be two words (a lone surname is read by findTitledSurnames).
 */
function withoutTitleTail(tokens: readonly Token[], run: [number, number]): [number, number] | null {
  let [from] = run;
  const to = run[1];
  for (;;) {
    const token = tokens[from] as Token;
    const before = tokens[from - 1];
    const glue = before !== undefined && before.end === token.start && /^[-–]$/.test(before.text);
    const rankClass = key(token) === "class" && before !== undefined && /^(?:\d+(?:st|nd|rd|th)|first|second|third)$/i.test(before.text);
    if (!glue && !rankClass) break;
    from += 1;
    if (from >= to) return null;
  }
  if (from === run[0]) return run;
  return to - from >= 2 ? [from, to] : null;
}

/**
 * Headlines in title case capitalize every word, so a name run there may run on into the
 * headline's verb or nouns ("Ambassador Jane Doe Speaks to ...", "Secretary Roe Holds Press
 * Conference"). In such a line a run keeps only the end words the story also capitalizes outside
 * its title-case lines (or common given names) or the tagger reads as names, and needs two words left.
 */
interface HeadlineCaseReader {
  readonly trim: (tokens: readonly Token[], run: [number, number]) => [number, number] | null;
  /** A word printed in a title-case line that the story writes elsewhere in lower case only ("Minister Talks To ..."). */
  readonly headlineOnly: (token: Token) => boolean;
}

// One reader per analysed text: findPeople and findTitledSurnames both ask it.
const headlineCaseReaders = new WeakMap<AnalyzedText, HeadlineCaseReader>();

function headlineCaseReader(analyzed: AnalyzedText): HeadlineCaseReader {
  let reader = headlineCaseReaders.get(analyzed);
  if (!reader) {
    reader = readHeadlineCase(analyzed);
    headlineCaseReaders.set(analyzed, reader);
  }
  return reader;
}

function readHeadlineCase(analyzed: AnalyzedText): HeadlineCaseReader {
  const { text, paragraphs } = analyzed;
  const isHeadlineCaseLine = (line: string): boolean => {
    if (/[.!?]["”’)]?\s*$/u.test(line)) return false;
    const words = line.split(/\s+/).slice(1).filter((word) => /^\p{L}{4,}/u.test(word));
    return words.length >= 3 && words.filter((word) => /^\p{Lu}/u.test(word)).length >= 0.8 * words.length;
  };
  const titleLines = paragraphs.filter((paragraph) => isHeadlineCaseLine(text.slice(paragraph.start, paragraph.end)));
  if (titleLines.length === 0) return { trim: (_tokens, run) => run, headlineOnly: () => false };
  const inTitleLine = (offset: number): boolean => titleLines.some((line) => offset >= line.start && offset < line.end);
  // The words the story capitalizes, and writes in lower case, outside its title-case lines: read
  // on first need, since most name runs lie outside those lines and never ask.
  let wordsOutsideTitleLines: { capitalized: Set<string>; lowerCase: Set<string> } | null = null;
  const outside = (): { capitalized: Set<string>; lowerCase: Set<string> } => {
    if (wordsOutsideTitleLines) return wordsOutsideTitleLines;
    const capitalized = new Set<string>();
    const lowerCase = new Set<string>();
    for (const paragraph of paragraphs) {
      if (titleLines.includes(paragraph)) continue;
      for (const word of matchesOf(/\p{Lu}[\p{L}'’-]*/gu, text.slice(paragraph.start, paragraph.end))) capitalized.add(word[0].toLowerCase());
      for (const word of matchesOf(/(?=\p{Ll})(?<![\p{L}'’-])\p{Ll}[\p{L}'’-]*/gu, text.slice(paragraph.start, paragraph.end))) lowerCase.add(word[0]);
    }
    wordsOutsideTitleLines = { capitalized, lowerCase };
    return wordsOutsideTitleLines;
  };
  const capitalizedWord = (token: Token): boolean => outside().capitalized.has(token.text.toLowerCase()) || MALE_GIVEN_NAMES.has(token.text.toLowerCase()) || FEMALE_GIVEN_NAMES.has(token.text.toLowerCase());
  const suffix = (token: Token | undefined): boolean => token !== undefined && /^(?:Jr\.?|Sr\.?|II|III|IV)$/.test(token.text);
  return {
    headlineOnly: (token) => inTitleLine(token.start) && !capitalizedWord(token) && outside().lowerCase.has(token.text.toLowerCase()),
    trim: (tokens, run) => {
      let [from, to] = run;
      if (!inTitleLine((tokens[from] as Token).start)) return run;
      // From the end, whole words the tagger does not read as names and the story capitalizes
      // nowhere else: a suffix goes with the word before it, a hyphen joins parts.
      for (;;) {
        let last = to - 1;
        while (last > from && suffix(tokens[last])) last -= 1;
        let first = last;
        while (first - 2 >= from && tokens[first - 1]?.text === "-") first -= 2;
        const parts = tokens.slice(first, last + 1).filter((token) => token.text !== "-");
        // "Donald Doe En Route to ...": a word of two letters the story capitalizes nowhere else is
        // the headline's, though the tagger reads it as a name.
        const headlineShort = (part: Token): boolean => part.text.length <= 2 && !capitalizedWord(part);
        if (to - from < 2 || parts.some((part) => capitalizedWord(part) || (part.pos === "PROPN" && !headlineShort(part))) || /^\p{Lu}\.$/u.test((tokens[last] as Token).text)) break;
        to = first;
      }
      // The same from the front ("Slams", "Offers"): a name tagged as one may be printed only in the headline.
      while (to - from >= 2 && (tokens[from] as Token).pos !== "PROPN" && !capitalizedWord(tokens[from] as Token)) from += 1;
      // "Tells VOA N. Korea Nuke Test ...": a compass initial before a place's last word is a headline's
      // abbreviated place ("N. Korea", "S. Africa"), no person's initial.
      const compassPlace = (at: number): boolean => {
        const compass = ({ "N.": "North", "S.": "South", "E.": "East", "W.": "West" } as Record<string, string>)[(tokens[at] as Token).text];
        return compass !== undefined && tokens[at + 1] !== undefined && lookupPlace(`${compass} ${(tokens[at + 1] as Token).text}`) !== undefined;
      };
      for (let at = from; at < to - 1; at += 1) if (compassPlace(at)) return null;
      // "... Aid Groups May Scale Back Somalia Operations": a name's first word the story writes
      // in capitals nowhere else (nor a given name, nor an initial) is a headline word the tagger took for a name.
      if (!capitalizedWord(tokens[from] as Token) && !/^\p{Lu}\.$/u.test((tokens[from] as Token).text)) return null;
      while (to - from >= 1 && /^\p{Lu}\.$/u.test((tokens[to - 1] as Token).text)) to -= 1;
      const words = tokens.slice(from, to).filter((token) => token.text !== "-" && !suffix(token) && !/^\p{Lu}\.$/u.test(token.text)).length;
      // "Statement on Marine Helicopter Tragedy": a run none of whose words the story capitalizes
      // elsewhere, nor a given name, is the headline's topic in capitals, not a person.
      if (!tokens.slice(from, to).some(capitalizedWord)) return null;
      return words >= 2 ? [from, to] : null;
    },
  };
}

/**
 * Records the names the story gives without a title ("Ana Ruiz", "Omar Fadel") outside
 * quotation marks: two or three name words the tagger reads as names, not an organization, a
 * place or someone already in the cast. They become people only when a pronoun needs them.
 */
export function findBareNames(analyzed: AnalyzedText, cast: Cast, skip: (range: TextRange) => boolean): void {
  const { text } = analyzed;
  // How often each capitalized word stands as a token, and how often it ends a name run: a
  // person named in full is later called by the surname alone ("Rafael Mendes" ... "Mendes
  // said"); a two-word organization or place ("Silver Lake") rarely is.
  const asToken = new Map<string, number>();
  const candidates: { name: string; surname: string; start: number; sentence: number; from: number; to: number; opensSentence: boolean }[] = [];
  analyzed.sentences.forEach((sentence, index) => {
    const tokens = sentence.tokens;
    for (const token of tokens) if (isCapitalized(token)) asToken.set(token.text, (asToken.get(token.text) ?? 0) + 1);
    if (skip(sentence)) return;
    for (const written of nameRuns(tokens)) {
      const run = withoutTitleTail(tokens, written);
      if (!run) continue;
      const [from, to] = run;
      const first = tokens[from] as Token;
      const last = tokens[to - 1] as Token;
      const words = tokens.slice(from, to).filter((token) => token.text !== "-");
      if (words.length > 3 || cast.isQuoted(first.start) || words.some((token) => token.pos !== "PROPN")) continue;
      // A name that opens its sentence before a verb is its subject ("Ana Ruiz was unloading ...").
      const next = tokens[to];
      // So is one set off by an appositive or a relative clause ("Ana Ruiz, who runs the shelter, ...").
      const opensSentence = from === 0 && next !== undefined && (next.pos === "VERB" || next.pos === "AUX" || (next.text === "," && /^(?:who|whose|a|an|the)$/i.test(tokens[to + 1]?.text ?? "")));
      candidates.push({ name: text.slice(first.start, last.end), surname: last.text, start: first.start, sentence: index, from, to, opensSentence });
    }
  });
  const endsRun = new Map<string, number>();
  for (const candidate of candidates) endsRun.set(candidate.surname, (endsRun.get(candidate.surname) ?? 0) + 1);
  for (const candidate of candidates) {
    if (!candidate.opensSentence && (asToken.get(candidate.surname) ?? 0) <= (endsRun.get(candidate.surname) ?? 0)) continue;
    const tokens = (analyzed.sentences[candidate.sentence] as Sentence).tokens;
    const first = tokens[candidate.from] as Token;
    const last = tokens[candidate.to - 1] as Token;
    if (lookupPlace(candidate.name) || cast.personNamed(candidate.name) || ORG_HEADS.has(key(tokens[candidate.to] ?? last))) continue;
    if (organizationSpans(text, tokens).some((span) => span.start < last.end && span.end > first.start)) continue;
    cast.bareNames.push({ name: candidate.name, start: candidate.start, opensSentence: candidate.opensSentence });
  }
}

/** Titles that stand right before a surname alone ("Secretary Hagel", "Gen. Milley", "Mr. Lee"). */
const SURNAME_TITLES = new Set(
  `secretary minister president senator sen. rep. representative gov. governor mayor ambassador general gen. admiral adm.
  col. colonel lt. lieutenant sgt. sergeant maj. major capt. captain cmdr. commander chairman chairwoman judge justice
  king queen pope dr. mr. mister mrs. ms. prof. professor speaker premier chancellor envoy spokesperson spokesman spokeswoman
  director congressman congresswoman sheikh ayatollah sir dame rev. bishop cardinal sheriff detective inspector
  administrator commissioner coordinator`.split(/\s+/),
);

/**
 * People the story names by a title and a surname alone ("Secretary Hagel", "Foreign Minister
 * Lavrov", "President Xi"): a person unless someone with that surname is already known. When the
 * story also gives the full name without a title ("Joe Biden" ... "President Biden"), the person
 * is the full name. Read before the story (so a later "he" can refer to them) and again after it,
 * when speakers found while reading may own the surname.
 */
export function findTitledSurnames(analyzed: AnalyzedText, cast: Cast): void {
  const { text } = analyzed;
  const headlineCase = headlineCaseReader(analyzed);
  for (const sentence of analyzed.sentences) {
    const tokens = sentence.tokens;
    for (let index = 1; index < tokens.length; index += 1) {
      const token = tokens[index] as Token;
      const title = tokens[index - 1] as Token;
      // "Ms. Jean-Pierre": a hyphenated surname is one word ("Jean" alone is no surname).
      const word = hyphenatedWord(tokens, index);
      const next = tokens[word.next];
      if (token.pos !== "PROPN" || !isNameToken(token) || token.text.endsWith(".")) continue;
      // "Foreign Minister Talks To VOA": in a title-case headline, a word after a title that the
      // story capitalizes nowhere else is the headline's verb or noun, not a surname.
      if (headlineCase.headlineOnly(token)) continue;
      // "Ambassador-at-Large Roe", "Secretary-General Roe": the tagger splits a hyphenated title
      // at its hyphens, so the word before the surname is only its last part; the compound's
      // first part says whether it is a person's title.
      const compound = hyphenatedTitleStart(tokens, index - 1);
      const hyphenTitle = compound !== null && SURNAME_TITLES.has(key(tokens[compound] as Token));
      if (token.start - title.end !== 1 || (!hyphenTitle && (!isCapitalized(title) || !TITLE_WORDS.has(key(title))))) continue;
      // The word before is a person's title ("Secretary", "Gen.", "Mr."), or closes one with
      // "of" in it ("Secretary of State"); "Press Gaggle", "Public Affairs" or "Executive Order" name no one.
      const found = titleBefore(text, tokens, index);
      if (!hyphenTitle && !SURNAME_TITLES.has(key(title)) && !(found && /\bof\b/.test(found.titles[0] ?? ""))) continue;
      // A given name after the title is a full name, read by findPeople; "Biden's" is Biden.
      if (next && (isNameToken(next) || (isCapitalized(next) && next.pos === "PROPN")) && next.start - word.end <= 1) continue;
      if (particleRun(tokens, word.next) > 0 || arabicArticle(tokens, word.next) > 0 || nickname(tokens, word.next) > 0) continue;
      // "Press Secretary Rear Admiral ...", "Secretary Air Force ...": a title or a body goes on.
      if (next && isCapitalized(next) && (TITLE_WORDS.has(key(next)) || ORG_HEADS.has(key(next)))) continue;
      // "Secretary of State Washington, DC" in a header: a city and its state, not a surname.
      if (next?.text === "," && /^(?:D\.?C\.?|\p{Lu}{2}|\p{Lu}\p{Ll}{1,4}\.)$/u.test(tokens[word.next + 1]?.text ?? "")) continue;
      // "Amina Sheikh Warsame": "Sheikh" after a given name that opens the name is part of the
      // name, not a title before a surname ("Prime Minister Sheikh Hasina", "Qatar's Sheikh
      // Tamim" keep their titles).
      const given = tokens[index - 2];
      const beforeGiven = tokens[index - 3];
      if (
        /^(?:sheikh|sheik)$/.test(key(title)) &&
        given !== undefined &&
        given.pos === "PROPN" &&
        isNameToken(given) &&
        title.start - given.end === 1 &&
        !TITLE_WORDS.has(key(given)) &&
        !HONORIFIC_NAMES.has(key(given)) &&
        lookupPlace(given.text) === undefined &&
        (beforeGiven === undefined || !isCapitalized(beforeGiven))
      ) {
        const person = registerPerson(cast, text.slice(given.start, word.end), null, [], text, 0.8);
        cast.mentionPerson(person, { start: given.start, end: word.end }, 0.8);
        continue;
      }
      const titleTokens = found ? tokens.filter((candidate) => candidate.start >= found.range.start && candidate.end <= found.range.end) : [title];
      titledSurname(cast, text, word.text, { start: token.start, end: word.end }, found?.titles[0] ?? title.text, titleTokens);
    }
    pluralTitledSurnames(cast, text, tokens);
  }
}

/** Rulers' and clerics' honorifics that stand before "Sheikh" ("Emir Sheikh Tamim"). */
const HONORIFIC_NAMES = new Set(["emir", "amir", "prince", "princess", "king", "crown", "imam", "mullah", "ayatollah", "sultan"]);

/** The index of the first part of a hyphenated word ending at `last` ("Ambassador" of "Ambassador-at-Large"), or null when it is no compound. */
function hyphenatedTitleStart(tokens: readonly Token[], last: number): number | null {
  let index = last;
  while (index >= 2) {
    const hyphen = tokens[index - 1] as Token;
    const part = tokens[index - 2] as Token;
    if (!/^[-–]$/.test(hyphen.text) || hyphen.end !== (tokens[index] as Token).start || part.end !== hyphen.start) break;
    index -= 2;
  }
  return index < last ? index : null;
}

/** The person a title and a surname name: someone known by that surname, else a new person. */
function titledSurname(cast: Cast, text: string, surname: string, range: TextRange, title: string, titleTokens: readonly Token[]): void {
  const folded = foldAccents(surname);
  const known =
    cast.personBySurnameBefore(surname, range.start) ??
    cast.people.find((person) => foldAccents(surnameOf(person.name)) === folded) ??
    // "Mr. Gbabgo" in a story about Mr. Gbagbo: two letters swapped in a surname of five or more is a typo of it.
    cast.people.find((person) => swappedLetters(foldAccents(surnameOf(person.name)), folded)) ??
    // "Spokesman Nanayakkara" after "Brigadier Udaya Nanyakkara": one letter more or less in a
    // long surname (seven letters or more) is the same surname misspelled.
    cast.people.find((person) => oneLetterApart(foldAccents(surnameOf(person.name)), folded));
  if (known) {
    cast.mentionPerson(known, range, 0.8);
    return;
  }
  const full = cast.bareNames.find((entry) => entry.name.endsWith(` ${surname}`));
  const person = registerPerson(cast, full?.name ?? surname, title, titleTokens, text, 0.8);
  cast.mentionPerson(person, range, 0.8);
}

/** Whether two words of five letters or more differ only by two neighbouring letters swapped ("Gbagbo", "Gbabgo"). */
function swappedLetters(a: string, b: string): boolean {
  if (a.length !== b.length || a.length < 5 || a === b) return false;
  let at = 0;
  while (a[at] === b[at]) at += 1;
  return at > 0 && a[at] === b[at + 1] && a[at + 1] === b[at] && a.slice(at + 2) === b.slice(at + 2);
}

/** "Presidents Obama and Calderón", "Secretaries Roe and Doe": a plural title before two surnames. */
function pluralTitledSurnames(cast: Cast, text: string, tokens: readonly Token[]): void {
  tokens.forEach((token, index) => {
    const singular = key(token).replace(/(?:ies)$/, "y").replace(/s$/, "");
    if (!isCapitalized(token) || singular === key(token) || !SURNAME_TITLES.has(singular)) return;
    const first = tokens[index + 1];
    const and = tokens[index + 2];
    const second = tokens[index + 3];
    const after = tokens[index + 4];
    if (!first || !second || key(and ?? token) !== "and" || !isNameToken(first) || !isNameToken(second)) return;
    // "Presidents Obama and Calderón", not "Presidents Jane Doe and ..." (full names are read elsewhere).
    if (after && isNameToken(after) && after.start - second.end <= 1) return;
    const title = `${token.text.slice(0, 1)}${singular.slice(1)}`;
    for (const name of [first, second]) titledSurname(cast, text, name.text, name, title, [token]);
  });
}

/** ", better known as Name", " (also known as Name)", ", alias Name" right after a person's full name. */
const KNOWN_AS = /^,?\s*\(?(?:(?:better|also|widely|commonly|popularly)\s+known\s+as|a\.k\.a\.?|aka|alias)\s+[“"]?(\p{Lu}[\p{L}'’-]+(?:\s\p{Lu}[\p{L}'’-]+){0,2})/u;

/**
 * Records every later mention of the known people: the full name, the surname alone ("Pompeo")
 * and social handles that contain the surname ("@SecPompeo"). Surnames and handles become aliases.
 */
export function findPersonMentions(analyzed: AnalyzedText, cast: Cast): void {
  const { text } = analyzed;
  const bySurname = new Map<string, { person: PersonEntry; fullNames: TextRange[] }>();
  for (const person of cast.people) {
    const fullNames: TextRange[] = [];
    for (const at of wordOffsets(text, person.name, LETTER, LETTER)) {
      const range = { start: at, end: at + person.name.length };
      fullNames.push(range);
      cast.mentionPerson(person, range, 0.9);
      // "Timoleon Jimenez, better known as Timochenko": the name the story goes on to use is the person's alias.
      const knownAs = KNOWN_AS.exec(text.slice(range.end, range.end + 80));
      if (knownAs?.[1]) cast.addAlias(person, knownAs[1]);
    }
    const surname = surnameOf(person.name);
    if (cast.personBySurname(surname) === person) bySurname.set(surname, { person, fullNames });
    // "Donald Doe" and "Melania Doe": a surname several people bear alone is the one the story
    // named first, whom it calls by the surname; the others it keeps naming in full.
    else if (!bySurname.has(surname) && fullNames.length > 0 && surnameOf(person.name) === person.name.split(/\s+/).pop()) {
      const bearers = cast.people.filter((other) => surnameOf(other.name) === surname);
      const firstNamed = bearers.map((other) => ({ other, at: wordOffsets(text, other.name, LETTER, LETTER)[0] ?? -1 })).filter((entry) => entry.at >= 0).sort((a, b) => a.at - b.at)[0];
      if (firstNamed?.other === person) bySurname.set(surname, { person, fullNames: [] });
    }
  }
  // Full names of every bearer stay theirs: the first-named bearer's surname mentions skip them.
  for (const [surname, entry] of bySurname) {
    if (entry.fullNames.length > 0) continue;
    for (const other of cast.people) {
      if (surnameOf(other.name) !== surname) continue;
      for (const at of wordOffsets(text, other.name, LETTER, LETTER)) entry.fullNames.push({ start: at, end: at + other.name.length });
    }
  }
  // One pass over the tokens for every surname ("Pompeo", "Pompeo's").
  for (const sentence of analyzed.sentences) {
    sentence.tokens.forEach((token, index) => {
      // "Thomas-Greenfield" is three tokens; the surname is the whole hyphenated word.
      const word = sentence.tokens[index + 1]?.text === "-" ? hyphenatedWord(sentence.tokens, index) : token;
      const surname = word.text.replace(/[’']s$/, "");
      const entry = bySurname.get(surname);
      if (!entry || entry.fullNames.some((range) => token.start >= range.start && token.end <= range.end)) return;
      // "Hillary Ruiz" is no mention of Bill Ruiz: a surname right after a given name is someone's full name.
      const before = sentence.tokens[index - 1];
      if (before && before.end + 1 === token.start && isNameToken(before) && before.pos === "PROPN") return;
      cast.mentionPerson(entry.person, { start: token.start, end: token.start + surname.length }, 0.8);
      cast.addAlias(entry.person, surname);
    });
  }
  for (const entity of analyzed.entities) {
    if (entity.type !== "MENTION") continue;
    const handle = entity.text.toLowerCase();
    const owners = cast.people.filter((person) => {
      if (person.aliases.some((alias) => alias.toLowerCase() === handle)) return true;
      const surname = surnameOf(person.name).toLowerCase();
      return surname.length >= 4 && handle.includes(surname);
    });
    const owner = owners.length === 1 ? owners[0] : undefined;
    if (!owner) continue;
    cast.addAlias(owner, entity.text);
    cast.mentionPerson(owner, entity, 0.8);
  }
}

/** Last words of things named after a person ("Ben Franklin Room", "Jane Doe Act"): no one. */
const NAMESAKE_HEADS = new Set(["room", "hall", "center", "centre", "building", "street", "avenue", "road", "bridge", "airport", "award", "prize", "act", "foundation", "library", "school", "stadium", "square", "park", "memorial", "fund", "doctrine", "plan"]);

/** Function words that open a sentence capitalized and the tagger may join to a name after them. */
const OPENING_FUNCTION_WORDS = new Set(["as", "in", "at", "on", "for", "but", "and", "with", "by", "from", "to", "of", "if", "when", "while", "after", "before", "since", "so", "then"]);

/** A name run findUntitledPeople may take for a person; `sure` once something says it is one. */
interface Candidate {
  readonly name: string;
  readonly from: number;
  readonly to: number;
  sure: boolean;
  readonly known: boolean;
}

/** Verbs that follow a correspondent's name in a credit line ("VOA's Jane Doe reports from ..."). */
const CREDIT_VERBS = new Set(["reports", "reported", "reporting"]);

/**
 * Named people the story gives no title: a name run whose first word is a common given name
 * ("Paul Whelan", "Todd Lynch"), or a correspondent a credit line names ("VOA's Al Doe reports
 * from ...", "Jane Roe reports for VOA"). Read after the story, so they never take a pronoun or a
 * quote the reading gave to someone else; a place, an organization or a title-case line is no one.
 */
export function findUntitledPeople(analyzed: AnalyzedText, cast: Cast): void {
  const { text } = analyzed;
  const headlineCase = headlineCaseReader(analyzed);
  for (const sentence of analyzed.sentences) {
    const tokens = sentence.tokens;
    const organizations = organizationSpans(text, tokens);
    const candidates: Candidate[] = [];
    for (const written of nameRuns(tokens)) {
      const run = headlineCase.trim(tokens, written);
      if (!run || run[0] !== written[0] || run[1] !== written[1]) continue;
      // "As Jane Doe reports from ...": a capitalized function word opening the sentence is no part of the name.
      const [from, to] = OPENING_FUNCTION_WORDS.has(key(tokens[run[0]] as Token)) && run[1] - run[0] >= 3 ? [run[0] + 1, run[1]] : run;
      const first = tokens[from] as Token;
      const last = tokens[to - 1] as Token;
      const words = tokens.slice(from, to).filter((token) => token.text !== "-");
      if (words.length < 2 || words.length > 4 || NAMESAKE_HEADS.has(key(last)) || ORG_HEADS.has(key(last))) continue;
      const given = key(first);
      // "USS Carl Vinson", "Fort Sam Houston", "the James S. Brady Briefing Room": a name inside a longer proper name.
      const before = tokens[from - 1];
      const after = tokens[to];
      const titled = before !== undefined && (isRoleWord(before) || TITLE_WORDS.has(key(before)) || before.text.endsWith("."));
      const shifted = from !== run[0];
      if ((before && !shifted && isCapitalized(before) && before.pos !== "PUNCT" && !titled && !/^['’]s$/.test(before.text)) || (after && isCapitalized(after) && after.start - last.end <= 1)) continue;
      const possessor = tokens[from - 2];
      const credited =
        CREDIT_VERBS.has(key(tokens[to] ?? first)) ||
        (before !== undefined && /^['’]s$/.test(before.text) && possessor !== undefined && /^\p{Lu}{2,5}$/u.test(possessor.text) && after !== undefined && !isCapitalized(after) && after.pos !== "PUNCT");
      const name = text.slice(first.start, last.end);
      const known = cast.personNamed(name) !== undefined;
      // "Robert Hall, who was killed ...": only a person is taken up by "who".
      // A role among the words ("Senior Defense Official Number Two, who ...") is a title, not a name.
      const who = after?.text === "," && /^(?:who|whose|whom)$/i.test(tokens[to + 1]?.text ?? "") && !tokens.slice(from, to).some(isRoleWord);
      const sure = credited || who || MALE_GIVEN_NAMES.has(given) || FEMALE_GIVEN_NAMES.has(given);
      if (!known && (cast.personBySurname(last.text) || lookupPlace(name) || ORG_HEADS.has(key(tokens[to] ?? first)))) continue;
      if (organizations.some((span) => span.start < last.end && span.end > first.start)) continue;
      candidates.push({ name, from, to, sure: sure || known, known });
    }
    // "the negotiators — Ivan Marquez, Jesus Santrich and Joaquin Gomez —": names listed with a
    // person (three or more, only commas and "and" between them) are people too, whatever their
    // given names (two, "Al Qaeda and Osama bin Laden", may pair a body with a person).
    const joined = (left: Candidate, right: Candidate): boolean => {
      const between = tokens.slice(left.to, right.from);
      return between.length > 0 && between.length <= 2 && between.every((token) => token.text === "," || key(token) === "and");
    };
    for (let start = 0; start < candidates.length; ) {
      let end = start + 1;
      while (end < candidates.length && joined(candidates[end - 1] as Candidate, candidates[end] as Candidate)) end += 1;
      const list = candidates.slice(start, end);
      if (list.length >= 3 && list.some((candidate) => candidate.sure)) for (const candidate of list) candidate.sure = true;
      start = end;
    }
    for (const candidate of candidates) {
      if (!candidate.sure || candidate.known || cast.personNamed(candidate.name)) continue;
      const range = { start: (tokens[candidate.from] as Token).start, end: (tokens[candidate.to - 1] as Token).end };
      const person = cast.addPerson(candidate.name, null, 0.6);
      cast.mentionPerson(person, range, 0.6);
    }
  }
}

/** One name word of a credit: capitalized, or an initial ("MacKenzie C. Babb", "Jones-Cruise"). */
const CREDIT_NAME = String.raw`\p{Lu}[\p{Ll}\p{Lu}'’-]*\p{Ll}[\p{L}'’-]*(?:\s+(?:\p{Lu}\.\s+)?\p{Lu}[\p{Ll}\p{Lu}'’-]*\p{Ll}[\p{L}'’-]*){1,2}`;
/**
 * Lines that credit the story's writer or editor: "By Jane Q. Doe" alone on its line, a
 * sign-off "I'm Jane Doe.", "Jane Doe adapted the story for ...", "Jane Doe was the editor.".
 */
const CREDIT_LINES: readonly RegExp[] = [
  new RegExp(String.raw`^By\s+(${CREDIT_NAME})\s*$`, "u"),
  new RegExp(String.raw`^I['’]m\s+(${CREDIT_NAME})\.\s*$`, "u"),
  new RegExp(String.raw`(?:^|[.!?]\s+)(${CREDIT_NAME})\s+(?:was the editor|edited (?:this|the) story|adapted (?:this|the) story|wrote (?:this|the) story)\b`, "u"),
];
/** Words that make a credit an outlet's, not a person's ("By VOA News", "By Staff Writers"). */
const OUTLET_WORDS = /\b(?:News|Service|Press|Staff|Writers?|Reports?|Agency|Wire|Desk|Bureau|Network|Radio|Television|Times|Post)\b/;

/**
 * The writer and editor a credit line names are people of the story: answer keys list them, and
 * they stand in header and footer lines the reading of speech skips.
 */
export function findCredits(text: string, cast: Cast): void {
  let offset = 0;
  for (const line of text.split("\n")) {
    const trimmed = line.trim();
    const start = offset + line.indexOf(trimmed);
    offset += line.length + 1;
    if (trimmed.length > 200) continue;
    for (const pattern of CREDIT_LINES) {
      const match = pattern.exec(trimmed);
      const name = match?.[1];
      if (!match || !name || OUTLET_WORDS.test(name) || lookupPlace(name)) continue;
      const person = cast.addPerson(name, null, 0.8);
      const at = start + match.index + match[0].indexOf(name);
      cast.mentionPerson(person, { start: at, end: at + name.length }, 0.8);
    }
  }
}

/** A word of a name in a topic: capitalized, hyphenated parts ("Dong-Young"), or an initial. */
const TOPIC_NAME_WORD = /^(?:\p{Lu}\.|\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*)$/u;
const isTitleWord = (word: string): boolean => word.toLowerCase().split("-").every((part) => TITLE_WORDS.has(part) || part === "elect");

/**
 * A briefing transcript's topic index ("Dina Powell's Senate Confirmation/ Cultural Exchanges",
 * "Hostages: Keith Stansell, Thomas Howes", "Secretary Jane\nDoe/ ..."), printed before the first
 * turn: a topic that ends in a full name (two or three name words) whose first word is a given name
 * or follows a title names a person of the story (the tagger reads every title-case topic as a
 * name, so it is not asked). Topics run over line ends.
 */
export function findTopicIndexNames(text: string, indexEnd: number, cast: Cast): void {
  const index = text.slice(0, indexEnd);
  // Topics are set apart by slashes: "Topic/ Topic", "Topic / Topic", or "Topic/Topic".
  if (!/\S\/\s|\s\/\s/.test(index)) return;
  // The same name read in a line and in the joined topic is mentioned once.
  const seen = new Set<number>();
  const add = (spelled: string, start: number, end: number): void => {
    if (seen.has(start)) return;
    seen.add(start);
    const person = cast.addPerson(spelled, null, 0.7);
    cast.mentionPerson(person, { start, end }, 0.7);
  };
  // An index may print one topic a line ("Travel of Jane Doe and John Roe" over "Meetings with
  // ..."), which the joined reading below runs into the next line: a line's topic, or a part of it
  // before or after "and", that ends in a given name and a surname names a person too. Only the
  // sure shape (a known given name, two words) is read so, since no topic is joined to vouch for it.
  for (const topic of matchesOf(/[^/:,;\n]+/g, index)) {
    let offset = topic.index ?? 0;
    for (const part of topic[0].split(/(\s+and\s+)/)) {
      const words = /^\s+and\s+$/.test(part) ? [] : (part.split(/['’]s\b/)[0]?.trim().split(/\s+/) ?? []);
      const name = words.slice(-2);
      const first = (name[0] ?? "").toLowerCase();
      if (name.length === 2 && name.every((word) => TOPIC_NAME_WORD.test(word) && !isTitleWord(word) && !ORG_HEADS.has(word.toLowerCase())) && (MALE_GIVEN_NAMES.has(first) || FEMALE_GIVEN_NAMES.has(first)) && !lookupPlace(name.join(" "))) {
        const start = offset + part.lastIndexOf(`${name[0]} ${name[1]}`);
        if (start >= offset) add(name.join(" "), start, start + name.join(" ").length);
      }
      offset += part.length;
    }
  }
  if (!/\S\/\s/.test(index)) return;
  // One line end inside a topic is a space (same length, so offsets hold); a blank line ends it.
  const joined = index.replace(/[ \t]*\n[ \t]*(?=\S)/g, (gap) => " ".repeat(gap.length));
  for (const topic of matchesOf(/[^/:,;\n]+/g, joined)) {
    // "Dina Powell's Senate Confirmation": the name is what comes before the possessive.
    const words = topic[0].split(/['’]s\b/)[0]?.replace(/\s+and\s.*$/, "").trim().split(/\s+/) ?? [];
    for (const size of [3, 2]) {
      const name = words.slice(-size);
      const before = words[words.length - size - 1] ?? "";
      const first = (name[0] ?? "").toLowerCase();
      if (name.length !== size || !name.every((word) => TOPIC_NAME_WORD.test(word) && !isTitleWord(word) && !ORG_HEADS.has(word.toLowerCase()))) continue;
      const start = topic.index + topic[0].indexOf(name[0] as string);
      if (!(before !== "" && isTitleWord(before)) && !MALE_GIVEN_NAMES.has(first) && !FEMALE_GIVEN_NAMES.has(first)) continue;
      const spelled = name.join(" ");
      if (lookupPlace(spelled)) break;
      add(spelled, start, start + (joined.slice(start).indexOf(name[name.length - 1] as string) + (name[name.length - 1] as string).length));
      break;
    }
  }
}
