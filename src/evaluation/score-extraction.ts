/**
 * Scores one extraction against one answer key (the format of seeds/*.gold.json): quotes and
 * their speakers, people, places, organizations and incidents. The figures are defined exactly
 * as the team's reference scorer defines them (DESIGN.md, "The extraction contract"), so a
 * number printed here is the number the issue's bar is stated in; tests/unit/evaluation checks
 * each rule on small keys.
 *
 * Matching is lenient on typography (curly or straight quotes, dashes, case, trailing
 * punctuation) and strict on content: a direct quote matches when the word-overlap F1 of the two
 * texts is at least 0.8 (0.6 for reported speech), one to one, best pairs first.
 *
 * A key may hold `keyed: ["quotes", "people", ...]`: then only those sections were written by
 * hand and only their figures are scored; the others come out null.
 */

/** The sections of an answer key that can be scored on their own. */
export const KEY_SECTIONS = ["quotes", "people", "places", "organizations", "incidents"] as const;

/** Sections a key may list in `keyed` that no figure reads (unnamed sources are scored through the quotes' speakers). */
const UNSCORED_SECTIONS: readonly string[] = ["anonymousSources"];

/** One section of an answer key. */
export type KeySection = (typeof KEY_SECTIONS)[number];

/** A quote as a key or an extraction gives it (extra fields are ignored). */
export interface ScoredQuote {
  readonly text: string;
  readonly speaker?: string | null;
  readonly speakerDescription?: string | null;
  readonly kind?: string | null;
}

/** A person as a key or an extraction gives it. */
export interface ScoredPerson {
  readonly name: string;
  readonly aliases?: readonly string[];
}

/** A casualty range; only the minimum is scored. */
export interface ScoredCount {
  readonly min?: number | null;
}

/** An incident as a key or an extraction gives it. */
export interface ScoredIncident {
  readonly type?: string | null;
  readonly place?: string | null;
  readonly fatalities?: ScoredCount | null;
  readonly injuries?: ScoredCount | null;
}

/** What the scorer reads from an answer key or an extraction. */
export interface ScoredDocument {
  readonly keyed?: readonly string[];
  readonly quotes?: readonly ScoredQuote[];
  readonly people?: readonly ScoredPerson[];
  readonly places?: readonly string[];
  readonly organizations?: readonly string[];
  readonly incidents?: readonly ScoredIncident[];
}

/** Precision, recall and F1 of one list, with the counts behind them. */
export interface Prf {
  /** null when nothing was predicted although the key has items: no false positive to count. */
  readonly precision: number | null;
  readonly recall: number;
  readonly f1: number;
  readonly gold: number;
  readonly predicted: number;
  readonly matched: number;
}

/** Every figure for one story; a figure of a section the key does not cover is null. */
export interface ExtractionScore {
  readonly directQuotes: Prf | null;
  readonly indirectQuoteRecall: number | null;
  /** Quotes (direct and reported) found with the right speaker, over all quotes of the key. */
  readonly speakerAccuracy: number | null;
  /** The counts behind the three quote figures, so that stories can be summed (micro-averaged). */
  readonly quoteCounts: { readonly quotes: number; readonly speakersRight: number; readonly indirect: number; readonly indirectFound: number } | null;
  readonly people: Prf | null;
  readonly places: Prf | null;
  readonly organizations: Prf | null;
  readonly incidents: Prf | null;
  /** Matched incidents with the key's casualty minimums, over the key's incidents with a casualty figure; null when it has none. */
  readonly casualtyAccuracy: number | null;
}

/** Lower case, one kind of quote mark and dash, no outer punctuation: how two texts are compared. */
export function normalizeText(value: string | null | undefined): string {
  return String(value ?? "")
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2013\u2014\u2212]/g, "-")
    .replace(/pic\.twitter\.com\/\S+/g, "")
    .replace(/\s+/g, " ")
    .toLowerCase()
    .trim()
    .replace(/^[\s"'.,;:!?…-]+|[\s"'.,;:!?…-]+$/g, "");
}

function wordsOf(value: string | null | undefined): string[] {
  return normalizeText(value)
    .split(/[^\p{L}\p{N}@#']+/u)
    .filter(Boolean);
}

/** F1 of the two texts' word multisets (0 when either is empty). */
export function wordOverlapF1(a: string, b: string): number {
  const left = wordsOf(a);
  const right = wordsOf(b);
  if (left.length === 0 || right.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const word of right) counts.set(word, (counts.get(word) ?? 0) + 1);
  let common = 0;
  for (const word of left) {
    const available = counts.get(word) ?? 0;
    if (available > 0) {
      common += 1;
      counts.set(word, available - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / left.length;
  const recall = common / right.length;
  return (2 * precision * recall) / (precision + recall);
}

/** One-to-one matching, best score first, of pairs scoring at least `threshold`: [goldIndex, predictedIndex]. */
export function matchPairs<G, P>(gold: readonly G[], predicted: readonly P[], score: (g: G, p: P) => number, threshold: number): [number, number][] {
  const candidates: [number, number, number][] = [];
  gold.forEach((g, i) =>
    predicted.forEach((p, j) => {
      const value = score(g, p);
      if (value >= threshold) candidates.push([value, i, j]);
    }),
  );
  // A stable sort keeps key order among equal scores, as the reference scorer does.
  candidates.sort((a, b) => b[0] - a[0]);
  const goldUsed = new Set<number>();
  const predictedUsed = new Set<number>();
  const pairs: [number, number][] = [];
  for (const [, i, j] of candidates) {
    if (goldUsed.has(i) || predictedUsed.has(j)) continue;
    goldUsed.add(i);
    predictedUsed.add(j);
    pairs.push([i, j]);
  }
  return pairs;
}

const round3 = (value: number): number => Math.round(value * 1000) / 1000;

function prf(matched: number, gold: number, predicted: number): Prf {
  const precision = predicted ? matched / predicted : gold ? null : 1;
  const recall = gold ? matched / gold : 1;
  const p = precision ?? 0;
  const f1 = p + recall ? (2 * p * recall) / (p + recall) : 0;
  return { precision: precision === null ? null : round3(precision), recall: round3(recall), f1: round3(f1), gold, predicted, matched };
}

// Spellings of the same place or body that keys and extractions both use.
const PLACE_ALIASES: Readonly<Record<string, string>> = { basrah: "basra", "u.s.": "united states", us: "united states", "state department": "u.s. department of state" };

function placeKey(value: string | null | undefined): string {
  const normalized = normalizeText(value).replace(/^the /, "");
  return PLACE_ALIASES[normalized] ?? normalized;
}

/** Places and organizations match loosely: equal, or one name contains the other. */
function looseMatch(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = placeKey(a);
  const y = placeKey(b);
  return x !== "" && y !== "" && (x === y || x.includes(y) || y.includes(x));
}

const isDirect = (quote: ScoredQuote): boolean => String(quote.kind ?? "direct").toLowerCase() !== "indirect";

/** The sections a key covers: its `keyed` list, or all of them. */
export function keyedSections(key: ScoredDocument): ReadonlySet<KeySection> {
  if (!key.keyed) return new Set(KEY_SECTIONS);
  const unknown = key.keyed.filter((section) => !(KEY_SECTIONS as readonly string[]).includes(section) && !UNSCORED_SECTIONS.includes(section));
  if (unknown.length > 0) throw new Error(`answer key: keyed lists unknown sections ${unknown.join(", ")}; use ${[...KEY_SECTIONS, ...UNSCORED_SECTIONS].join(", ")}`);
  return new Set(key.keyed.filter((section): section is KeySection => (KEY_SECTIONS as readonly string[]).includes(section)));
}

/** Scores `predicted` against the answer key `key`. */
export function scoreExtraction(key: ScoredDocument, predicted: ScoredDocument): ExtractionScore {
  const sections = keyedSections(key);
  const goldPeople = key.people ?? [];
  const personKeys = (person: ScoredPerson): string[] => [person.name, ...(person.aliases ?? [])].map(normalizeText).filter(Boolean);
  // A predicted speaker's name read as the key's person it names (full name, alias or surname).
  const canonicalSpeaker = (name: string | null | undefined): string | null => {
    const normalized = normalizeText(name);
    if (!normalized) return null;
    const hit = goldPeople.find((person) => personKeys(person).includes(normalized) || normalizeText(person.name).endsWith(` ${normalized}`));
    return hit ? normalizeText(hit.name) : normalized;
  };
  const speakerRight = (gold: ScoredQuote, guess: ScoredQuote): boolean => {
    if (gold.speaker == null) {
      // An unnamed source: no named person may be given, and the description's head noun must appear.
      if (guess.speaker != null && canonicalSpeaker(guess.speaker) !== null && !/official|source|spokes/i.test(guess.speaker)) return false;
      const head = wordsOf(gold.speakerDescription)
        .filter((word) => word.length > 3)
        .pop();
      const given = normalizeText(`${guess.speakerDescription ?? ""} ${guess.speaker ?? ""}`);
      return head ? given.includes(head) : true;
    }
    if (guess.speaker == null) return false;
    const isPerson = goldPeople.some((person) => normalizeText(person.name) === normalizeText(gold.speaker));
    // An organization speaks ("the State Department said"): its names match loosely, as places do.
    if (!isPerson) return looseMatch(gold.speaker, guess.speaker);
    return canonicalSpeaker(guess.speaker) === normalizeText(gold.speaker);
  };

  let directQuotes: Prf | null = null;
  let indirectQuoteRecall: number | null = null;
  let speakerAccuracy: number | null = null;
  let quoteCounts: ExtractionScore["quoteCounts"] = null;
  if (sections.has("quotes")) {
    const goldDirect = (key.quotes ?? []).filter(isDirect);
    const guessDirect = (predicted.quotes ?? []).filter(isDirect);
    const directPairs = matchPairs(goldDirect, guessDirect, (g, p) => wordOverlapF1(g.text, p.text), 0.8);
    const goldIndirect = (key.quotes ?? []).filter((quote) => !isDirect(quote));
    const guessAll = predicted.quotes ?? [];
    // Reported speech may be found as any kind of quote.
    const indirectPairs = matchPairs(goldIndirect, guessAll, (g, p) => wordOverlapF1(g.text, p.text), 0.6);
    const right = [
      ...directPairs.map(([i, j]) => speakerRight(goldDirect[i] as ScoredQuote, guessDirect[j] as ScoredQuote)),
      ...indirectPairs.map(([i, j]) => speakerRight(goldIndirect[i] as ScoredQuote, guessAll[j] as ScoredQuote)),
    ].filter(Boolean).length;
    directQuotes = prf(directPairs.length, goldDirect.length, guessDirect.length);
    indirectQuoteRecall = goldIndirect.length ? round3(indirectPairs.length / goldIndirect.length) : 1;
    speakerAccuracy = round3(right / Math.max(1, goldDirect.length + goldIndirect.length));
    quoteCounts = { quotes: goldDirect.length + goldIndirect.length, speakersRight: right, indirect: goldIndirect.length, indirectFound: indirectPairs.length };
  }

  let people: Prf | null = null;
  if (sections.has("people")) {
    const guessPeople = predicted.people ?? [];
    const pairs = matchPairs(
      goldPeople,
      guessPeople,
      (g, p) => (personKeys(g).includes(normalizeText(p.name)) || (p.aliases ?? []).some((alias) => normalizeText(alias) === normalizeText(g.name)) ? 1 : 0),
      1,
    );
    people = prf(pairs.length, goldPeople.length, guessPeople.length);
  }

  const listScore = (section: "places" | "organizations"): Prf | null => {
    if (!sections.has(section)) return null;
    const gold = key[section] ?? [];
    const guess = predicted[section] ?? [];
    return prf(matchPairs(gold, guess, (g, p) => (looseMatch(g, p) ? 1 : 0), 1).length, gold.length, guess.length);
  };

  let incidents: Prf | null = null;
  let casualtyAccuracy: number | null = null;
  if (sections.has("incidents")) {
    const goldIncidents = key.incidents ?? [];
    const guessIncidents = predicted.incidents ?? [];
    const sameType = (a: string | null | undefined, b: string | null | undefined): boolean => String(a ?? "").toLowerCase() === String(b ?? "").toLowerCase();
    // An incident matches on type and place together.
    const pairs = matchPairs(goldIncidents, guessIncidents, (g, p) => (sameType(g.type, p.type) ? 0.5 : 0) + (looseMatch(g.place, p.place) ? 0.5 : 0), 1);
    const hasCasualties = (incident: ScoredIncident): boolean => incident.fatalities?.min != null || incident.injuries?.min != null;
    const checks = pairs
      .map(([i, j]) => [goldIncidents[i] as ScoredIncident, guessIncidents[j] as ScoredIncident] as const)
      .filter(([g]) => hasCasualties(g))
      .map(([g, p]) => (g.fatalities?.min ?? null) === (p.fatalities?.min ?? null) && (g.injuries?.min ?? null) === (p.injuries?.min ?? null));
    const withCasualties = goldIncidents.filter(hasCasualties).length;
    incidents = prf(pairs.length, goldIncidents.length, guessIncidents.length);
    casualtyAccuracy = withCasualties ? round3(checks.filter(Boolean).length / withCasualties) : null;
  }

  return {
    directQuotes,
    indirectQuoteRecall,
    speakerAccuracy,
    quoteCounts,
    people,
    places: listScore("places"),
    organizations: listScore("organizations"),
    incidents,
    casualtyAccuracy,
  };
}
