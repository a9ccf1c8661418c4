import { FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES } from "./lexicon.js";
import type { ExtractedAnonymousSource, ExtractedMention, ExtractedPerson, TextRange } from "../types.js";

// The cast of one story: every person, unnamed source and organization the speech pass finds,
// with every place it is named. The passes add to it in text order, and resolution ("Pompeo",
// "the official", "she") only looks at what was named before the position being resolved, as a
// reader would.

/** A person as the passes build it up. */
export interface PersonEntry {
  readonly name: string;
  readonly titles: string[];
  organization: string | null;
  readonly aliases: string[];
  gender: "male" | "female" | null;
  /** Offsets of every mention, in text order. */
  readonly mentions: number[];
  confidence: number;
}

/** An unnamed source ("a senior administration official") and the head noun later references use. */
export interface SourceEntry {
  readonly description: string;
  readonly head: string;
  readonly organization: string | null;
  readonly aliases: string[];
  readonly mentions: number[];
  confidence: number;
}

/** An organization or group that speaks ("the interior ministry said"): its words as written. */
export interface GroupSpeaker {
  readonly description: string;
  readonly head: string;
  readonly start: number;
  /** The organization's canonical name when the words name one (one of the cast's organizations); null for a group ("witnesses"). */
  readonly organization: string | null;
}

/** Who wrote a statement the story mentions, so "the statement said" can speak for them. */
export interface StatementEntry {
  readonly start: number;
  readonly author: { readonly person: PersonEntry } | { readonly group: GroupSpeaker };
}

/** Registry of the story's people, sources, organizations and mentions. */
export class Cast {
  readonly people: PersonEntry[] = [];
  readonly sources: SourceEntry[] = [];
  readonly groups: GroupSpeaker[] = [];
  readonly statements: StatementEntry[] = [];
  /**
   * Names the story gives without a title or a quote ("Ana Ruiz won the primary"), in text
   * order: a "he" or "she" with no titled person before it refers to the latest of them.
   */
  /** Untitled names; `opensSentence` when the name is its sentence's subject ("Ana Ruiz was unloading ..."). */
  readonly bareNames: { readonly name: string; readonly start: number; readonly opensSentence: boolean }[] = [];
  /** The story's quoted passages: a name said inside a quote is not who a later "he" is. */
  quoted: readonly TextRange[] = [];
  /**
   * The reported clauses read so far ("Doe said [Roe and Lee met]"), in reading order: a person
   * named only inside one is what was said, not who a later "he said" is.
   */
  reported: readonly (TextRange & { readonly kind: string })[] = [];
  /** Acronyms the story defines for organizations ("BNP" -> "Bangladesh Nationalist Party"). */
  readonly organizationAcronyms = new Map<string, string>();
  private readonly organizationNames: string[] = [];
  private readonly mentionList: ExtractedMention[] = [];
  private readonly mentionKeys = new Set<string>();

  constructor(private readonly text: string) {}

  /** Adds a person, or merges a new title into the person already known by that name. */
  addPerson(name: string, title: string | null, confidence: number): PersonEntry {
    const existing = this.personNamed(name);
    if (existing) {
      if (title && !existing.titles.some((known) => known.toLowerCase() === title.toLowerCase())) existing.titles.push(title);
      existing.confidence = Math.max(existing.confidence, confidence);
      return existing;
    }
    // "Steve was fond of saying ..." read as a speaker before the story's "Steve Jobs" is added:
    // a lone given name already in the cast is the full name's bearer, called by the given name.
    const words = name.split(/\s+/);
    if (words.length >= 2 && genderOfGivenName(name) !== null) {
      const given = (words[0] as string).toLowerCase();
      const lone = this.people.filter((person) => person.name.toLowerCase() === given);
      const others = this.people.filter((person) => person.name.includes(" ") && (person.name.split(/\s+/)[0] as string).toLowerCase() === given);
      const single = lone[0];
      if (lone.length === 1 && others.length === 0 && single !== undefined && single.titles.length === 0) {
        const alias = single.name;
        (single as { name: string }).name = name;
        if (!single.aliases.includes(alias)) single.aliases.push(alias);
        if (title && !single.titles.includes(title)) single.titles.push(title);
        single.confidence = Math.max(single.confidence, confidence);
        return single;
      }
    }
    const person: PersonEntry = { name, titles: title ? [title] : [], organization: null, aliases: [], gender: genderOfGivenName(name), mentions: [], confidence };
    this.people.push(person);
    return person;
  }

  /** The person with exactly this full name (case-insensitive), if any. */
  personNamed(name: string): PersonEntry | undefined {
    const key = name.toLowerCase();
    return this.people.find((person) => person.name.toLowerCase() === key);
  }

  /** The person whose surname (last word of the name) this is, when exactly one person has it. */
  personBySurname(surname: string): PersonEntry | undefined {
    const matches = this.surnameBearers(surname);
    return matches.length === 1 ? matches[0] : undefined;
  }

  /**
   * The people a lone name word may name: those whose surname it is, else those who bear it as
   * another word of their full name ("Gadet" of "James Gadet Dak", "Ban" of "Ban Ki-moon"), so
   * that a name the story shortens its own way is still the person it named in full.
   */
  private surnameBearers(word: string): PersonEntry[] {
    const key = word.toLowerCase();
    const bySurname = this.people.filter((person) => surnameOf(person.name).toLowerCase() === key);
    if (bySurname.length > 0 || key.length < 3) return bySurname;
    const byOtherWord = this.people.filter((person) => {
      const words = person.name.toLowerCase().split(/\s+/);
      return words.length >= 2 && words.slice(0, -1).includes(key);
    });
    if (byOtherWord.length > 0) return byOtherWord;
    // "Samarsinghe says" in a story that named "Prasad Samarasinghe": copy that drops one letter
    // of a long surname still names the one person who bears it in full.
    return this.people.filter((person) => person.name.includes(" ") && oneLetterDropped(surnameOf(person.name).toLowerCase(), key));
  }

  /**
   * The person a surname names at `position`: the only one with it, else the one of its bearers
   * mentioned last before the position ("Clinton" after "Bill Clinton" was just named).
   * `surnameOnly` for a transcript's label, which gives a surname and nothing else.
   */
  personBySurnameBefore(surname: string, position: number, surnameOnly = false): PersonEntry | undefined {
    const matches = surnameOnly ? this.people.filter((person) => surnameOf(person.name).toLowerCase() === surname.toLowerCase()) : this.surnameBearers(surname);
    // When several bearers share the surname, a mention that is the bare surname itself says
    // nothing of which one it was (the cast may hold every "Doe" of the story as the first Doe's):
    // the one named in full (or by given name) last is who the surname means.
    const shared = matches.length > 1;
    const telling = (at: number): boolean => !shared || this.text.slice(at, at + surname.length).toLowerCase() !== surname.toLowerCase();
    const lastBefore = (person: PersonEntry): number => person.mentions.filter((at) => at < position && telling(at)).pop() ?? person.mentions.filter((at) => at < position).pop() ?? -1;
    const ranked = matches.map((person) => ({ person, last: lastBefore(person) })).sort((a, b) => b.last - a.last);
    // "Hillary Clinton" named in the lead without a title, "former President Bill Clinton" only
    // further down: "Clinton said" between them is the one named last, titled or not.
    const bare = this.bareNames.filter((entry) => entry.start < position && !this.isQuoted(entry.start) && surnameOf(entry.name).toLowerCase() === surname.toLowerCase()).pop();
    if (bare && !this.personNamed(bare.name) && bare.start > (ranked[0]?.last ?? -1)) {
      const person = this.addPerson(bare.name, null, 0.8);
      this.mentionPerson(person, { start: bare.start, end: bare.start + bare.name.length }, 0.8);
      return person;
    }
    if (matches.length === 0 && !surnameOnly) {
      // "Spokesman Nanayakkara" after "Brigadier Udaya Nanyakkara": the surname misspelled by one letter.
      const near = this.people.filter((person) => oneLetterApart(surnameOf(person.name).toLowerCase(), surname.toLowerCase()) && person.mentions.some((at) => at < position));
      return near.length === 1 ? near[0] : undefined;
    }
    if (matches.length <= 1) return matches[0];
    return (ranked[0]?.last ?? -1) >= 0 ? ranked[0]?.person : undefined;
  }

  /** Records an alias once ("Pompeo", "@SecPompeo"); the full name itself is not an alias. */
  addAlias(person: PersonEntry, alias: string): void {
    if (alias.toLowerCase() === person.name.toLowerCase()) return;
    if (!person.aliases.some((known) => known.toLowerCase() === alias.toLowerCase())) person.aliases.push(alias);
  }

  /** Adds an unnamed source, or returns the one already described the same way. */
  addSource(description: string, head: string, organization: string | null, confidence: number): SourceEntry {
    const existing = this.sources.find((source) => source.description.toLowerCase() === description.toLowerCase());
    if (existing) return existing;
    const source: SourceEntry = { description, head, organization, aliases: [], mentions: [], confidence };
    this.sources.push(source);
    return source;
  }

  /** Records an organization's canonical name once. */
  addOrganization(name: string): void {
    if (!this.organizationNames.some((known) => known.toLowerCase() === name.toLowerCase())) this.organizationNames.push(name);
  }

  /** Canonical organization names in order of first mention. */
  get organizations(): readonly string[] {
    return this.organizationNames;
  }

  /** The organization named last before `position` whose name has the word ("coalition" -> "Saudi-led coalition"), or null. */
  organizationWithWordBefore(word: string, position: number): string | null {
    return this.organizationMentionWithWordBefore(word, position)?.name ?? null;
  }

  /**
   * The organization the story has named most often between `from` and `position` (the latest of
   * those tied), or null: what "the organization" means when no body's name has that word.
   */
  mostNamedOrganizationBefore(position: number, from = 0): string | null {
    const counts = new Map<string, { count: number; last: number }>();
    for (const mention of this.mentionList) {
      if (mention.type !== "organization" || mention.start >= position || mention.start < from) continue;
      const entry = counts.get(mention.name) ?? { count: 0, last: -1 };
      counts.set(mention.name, { count: entry.count + 1, last: Math.max(entry.last, mention.start) });
    }
    const ranked = [...counts.entries()].sort((a, b) => b[1].count - a[1].count || b[1].last - a[1].last);
    const best = ranked[0];
    // One mention apiece says nothing of which body the story is about.
    if (!best || (best[1].count < 2 && ranked.length > 1)) return null;
    return best[0];
  }

  /** The latest mention before `position` of an organization whose name has this word, with where it stands. */
  organizationMentionWithWordBefore(word: string, position: number, from = 0): { readonly name: string; readonly start: number } | null {
    const wanted = word.toLowerCase();
    const named = this.mentionList
      .filter((mention) => mention.type === "organization" && mention.start < position && mention.start >= from)
      .filter((mention) => mention.name.toLowerCase().split(/[\s-]+/).some((part) => part === wanted || part === `${wanted}s`))
      .sort((a, b) => a.start - b.start)
      .pop();
    return named ? { name: named.name, start: named.start } : null;
  }

  /** Whether an offset lies inside a reported clause read so far. */
  isReported(offset: number): boolean {
    return this.reported.some((range) => range.kind === "indirect" && offset >= range.start && offset < range.end);
  }

  /** Whether an offset lies inside a quoted passage (binary search: the passages are in text order and do not overlap). */
  isQuoted(offset: number): boolean {
    let low = 0;
    let high = this.quoted.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const range = this.quoted[middle] as TextRange;
      if (offset < range.start) high = middle - 1;
      else if (offset >= range.end) low = middle + 1;
      else return true;
    }
    return false;
  }

  /** Answers of `capitalizedMidSentence` already computed for this text, by word. */
  readonly capitalizedMidSentence = new Map<string, boolean>();

  /** Records where a person, source or organization is named (once per span and type). */
  mention(range: TextRange, type: ExtractedMention["type"], name: string, confidence: number): void {
    const key = `${range.start}:${range.end}:${type}`;
    if (this.mentionKeys.has(key)) return;
    this.mentionKeys.add(key);
    this.mentionList.push({ start: range.start, end: range.end, type, name, text: this.text.slice(range.start, range.end), confidence });
  }

  /** Records a person mention and keeps their mention offsets in order for pronoun resolution. */
  mentionPerson(person: PersonEntry, range: TextRange, confidence: number): void {
    this.mention(range, "person", person.name, confidence);
    // One word names one person: a surname two people share, credited ahead of the reading to the
    // one the story named first, is the mention of whoever the reading finds it names.
    for (const other of this.people) {
      if (other === person) continue;
      const at = other.mentions.indexOf(range.start);
      if (at >= 0 && surnameOf(other.name).toLowerCase() === surnameOf(person.name).toLowerCase()) other.mentions.splice(at, 1);
    }
    if (!person.mentions.includes(range.start)) {
      person.mentions.push(range.start);
      person.mentions.sort((a, b) => a - b);
    }
  }

  /** Records a mention of an unnamed source. */
  mentionSource(source: SourceEntry, range: TextRange, confidence: number): void {
    this.mention(range, "anonymous", source.description, confidence);
    if (!source.mentions.includes(range.start)) source.mentions.push(range.start);
  }

  /** People, sources and mentions in the contract's shape. */
  /**
   * "Robert Gates" and "Robert M. Gates" are one person: a name that another person's name gives
   * with middle initials added is merged into that fuller name (titles, aliases, mentions). Returns
   * the merged names, each to the name it became, so quotes can follow.
   */
  mergeInitialVariants(): Map<string, string> {
    const withoutInitials = (name: string): string => name.split(/\s+/).filter((word, index, words) => index === 0 || index === words.length - 1 || !/^\p{Lu}\.$/u.test(word)).join(" ");
    const renamed = new Map<string, string>();
    for (const person of [...this.people]) {
      if (person.name.split(/\s+/).length < 2 || withoutInitials(person.name) !== person.name) continue;
      const fuller = this.people.filter((other) => other !== person && other.name !== withoutInitials(other.name) && withoutInitials(other.name) === person.name);
      const into = fuller.length === 1 ? fuller[0] : undefined;
      if (!into) continue;
      this.mergeInto(person, into);
      renamed.set(person.name, into.name);
    }
    // "Timochenko" read as a person of its own, after "Timoleon Jimenez, better known as
    // Timochenko" made it his alias: the one person who has the name as an alias.
    for (const person of [...this.people]) {
      const owners = this.people.filter((other) => other !== person && other.aliases.some((alias) => alias.toLowerCase() === person.name.toLowerCase()) && other.name.includes(" "));
      const into = owners.length === 1 ? owners[0] : undefined;
      if (!into || person.name.includes(" ")) continue;
      this.mergeInto(person, into);
      renamed.set(person.name, into.name);
    }
    if (renamed.size > 0) {
      for (const [index, mention] of this.mentionList.entries()) {
        const name = mention.type === "person" ? renamed.get(mention.name) : undefined;
        if (name) this.mentionList[index] = { ...mention, name };
      }
    }
    return renamed;
  }

  /** Moves a person's titles, aliases and mentions to another and drops the person. */
  private mergeInto(person: PersonEntry, into: PersonEntry): void {
    for (const title of person.titles) if (!into.titles.some((known) => known.toLowerCase() === title.toLowerCase())) into.titles.push(title);
    for (const alias of [person.name, ...person.aliases]) this.addAlias(into, alias);
    into.mentions.push(...person.mentions);
    into.mentions.sort((a, b) => a - b);
    into.organization ??= person.organization;
    into.gender ??= person.gender;
    into.confidence = Math.max(into.confidence, person.confidence);
    this.people.splice(this.people.indexOf(person), 1);
  }

  result(): { people: ExtractedPerson[]; anonymousSources: ExtractedAnonymousSource[]; mentions: ExtractedMention[] } {
    return {
      people: this.people.map((person) => ({
        name: person.name,
        titles: [...person.titles],
        organization: person.organization,
        // "Jonathan R. Hoffman" is also written "Jonathan Hoffman": the name without its middle
        // initials is one of its spellings.
        aliases: [...person.aliases, ...[withoutMiddleInitials(person.name)].filter((short) => short !== person.name && !person.aliases.some((alias) => alias.toLowerCase() === short.toLowerCase()))],
        confidence: round(person.confidence),
      })),
      anonymousSources: this.sources.map((source) => ({
        description: source.description,
        organization: source.organization,
        aliases: [...source.aliases],
        confidence: round(source.confidence),
      })),
      mentions: [...this.mentionList].sort((a, b) => a.start - b.start || a.end - b.end),
    };
  }
}

/** The last word of a name ("Pompeo" of "Mike Pompeo", "Marcos" of "Ferdinand Marcos Jr."). */
/** A name without the initials between its first and last words ("Jo R. Doe" → "Jo Doe"). */
export function withoutMiddleInitials(name: string): string {
  return name
    .split(/\s+/)
    .filter((word, index, words) => index === 0 || index === words.length - 1 || !/^\p{Lu}\.$/u.test(word))
    .join(" ");
}

// surnameOf is asked for every person at every look-up by surname; a name's surname is worked out once.
const surnames = new Map<string, string>();
export function surnameOf(name: string): string {
  const known = surnames.get(name);
  if (known !== undefined) return known;
  if (surnames.size > 10_000) surnames.clear();
  const surname = readSurname(name);
  surnames.set(name, surname);
  return surname;
}

function readSurname(name: string): string {
  // "Peter T. Lane, Jr.": the comma before a suffix is no part of the surname.
  const parts = name.split(/,?\s+/).filter((part, index) => index === 0 || !/^(Jr\.?|Sr\.?|II|III|IV)$/.test(part));
  // "Ban Ki-moon", "Kang Kyung-wha": a Korean name gives the family name first and the given name
  // last, two syllables joined by a hyphen with no capital after it ("Thomas-Greenfield" has one).
  if (parts.length === 2 && /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(parts[1] ?? "") && /^\p{Lu}\p{Ll}+$/u.test(parts[0] ?? "")) return parts[0] as string;
  return parts[parts.length - 1] ?? name;
}

/** The gender a full name's given name tells ("Hillary Clinton"), for checking pronouns; null when it tells none. */
export function genderOfGivenName(name: string): "male" | "female" | null {
  const words = name.toLowerCase().split(/\s+/);
  if (words.length < 2) return null;
  const given = words[0] ?? "";
  if (MALE_GIVEN_NAMES.has(given)) return "male";
  if (FEMALE_GIVEN_NAMES.has(given)) return "female";
  return null;
}

/** Rounds a confidence to two decimals so the JSON stays readable. */
export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Whether `short` is `full` with one letter, not the first, left out ("Samarasinghe",
 * "Samarsinghe"): the one test behind both misspelled-surname rules below.
 */
function dropsOneLetter(full: string, short: string, minimumFullLength: number): boolean {
  if (full.length < minimumFullLength || short.length !== full.length - 1 || full[0] !== short[0]) return false;
  let at = 0;
  while (at < short.length && full[at] === short[at]) at += 1;
  return full.slice(at + 1) === short.slice(at);
}

/** Whether `short` is `full` (seven letters or more) with one letter, not the first, left out. */
function oneLetterDropped(full: string, short: string): boolean {
  return dropsOneLetter(full, short, 7);
}

/**
 * Whether one word of seven letters or more is the other with one letter (not the first) added:
 * the same surname misspelled ("Nanyakkara", "Nanayakkara").
 */
export function oneLetterApart(a: string, b: string): boolean {
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return dropsOneLetter(longer, shorter, 8);
}
