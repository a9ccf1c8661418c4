/**
 * Scores one extraction's incidents and places against one answer key (SLUG.txt + SLUG.gold.json,
 * as eval/first-sight/incidents/), with the figures issue 18's bar is stated in. Both
 * `npm run eval:extraction` and `scripts/eval-incidents.ts` count with this one module.
 *
 * An extracted incident matches a key's incident when their types are the same and either the
 * extracted span overlaps the key's evidence sentence or their places are the same (one to one,
 * best first). Then, as DESIGN.md's ACLED conventions and the keys' README define them:
 *   recall, precision   matched over the key's incidents, over the extracted incidents
 *   casualties right    key incidents with a fatality or injury minimum whose match has the same
 *                       minimums (the key's victims-only reading accepted too), over all of them
 *   place right         matched incidents whose place is the key's place or its `placeWithin`
 *   date right          matched incidents with the key's day (day precision), or its range
 *                       (earliest and latest; an undated incident's is dateLatest = publication
 *                       day only), or, when the key has no date, no date or that latest day only
 *   places P/R          the story's place names (case and "the" ignored; here and in "place
 *                       right", two spellings of one gazetteer entry, "Rangoon" and "Yangon", are one)
 * Only the sections a key lists in `keyed` are scored.
 */
import type { ExtractedIncident } from "../extraction/types.js";
import { lookupPlace } from "../extraction/events/gazetteer.js";
import { matchPairs } from "./score-extraction.js";

/** A casualty range as a key gives it. */
export interface KeyCount {
  readonly min: number | null;
  readonly max: number | null;
}

/** An incident as an answer key gives it. */
export interface KeyIncident {
  readonly type: string;
  readonly place: string | null;
  readonly placeWithin?: string | null;
  readonly date: string | null;
  readonly datePrecision: string;
  readonly dateEarliest?: string | null;
  readonly dateLatest?: string | null;
  readonly fatalities?: KeyCount;
  readonly injuries?: KeyCount;
  readonly fatalitiesExcludingAttackers?: KeyCount;
  readonly injuriesExcludingAttackers?: KeyCount;
  readonly evidence: string;
}

/** What the incident scorer reads from an answer key. */
export interface IncidentKey {
  readonly keyed?: readonly string[];
  readonly places?: readonly string[];
  readonly incidents?: readonly KeyIncident[];
}

/** What the incident scorer reads from an extraction. */
export interface IncidentExtraction {
  readonly places: readonly string[];
  readonly incidents: readonly ExtractedIncident[];
  /** The publication day the extractor was given (an undated incident's latest day). */
  readonly article?: { readonly publishedAt: string | null };
}

/** Counts of one story or of many (add them up with `addTally`). */
export interface IncidentTally {
  goldIncidents: number;
  predictedIncidents: number;
  matched: number;
  withCasualties: number;
  casualtiesRight: number;
  withPlace: number;
  placeRight: number;
  dated: number;
  dateRight: number;
  goldPlaces: number;
  predictedPlaces: number;
  placesMatched: number;
}

/** A tally with nothing counted yet. */
export function emptyTally(): IncidentTally {
  return { goldIncidents: 0, predictedIncidents: 0, matched: 0, withCasualties: 0, casualtiesRight: 0, withPlace: 0, placeRight: 0, dated: 0, dateRight: 0, goldPlaces: 0, predictedPlaces: 0, placesMatched: 0 };
}

/** Adds `part` into `total`. */
export function addTally(total: IncidentTally, part: IncidentTally): IncidentTally {
  for (const field of Object.keys(total) as (keyof IncidentTally)[]) total[field] += part[field];
  return total;
}

const placeKey = (value: string | null | undefined): string =>
  (value ?? "")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/^the\s+/, "")
    .replace(/[’']/g, "'")
    .trim();
// Two spellings of one gazetteer entry ("Rangoon" and "Yangon", "Burma" and "Myanmar") are one
// place: the extractor names places by the gazetteer's canonical name and geocodes them alike.
const canonical = (value: string | null | undefined): string => placeKey(value ? (lookupPlace(value.trim().replace(/^the\s+/i, ""))?.name ?? value) : value);
const samePlace = (a: string | null | undefined, b: string | null | undefined): boolean => Boolean(a && b && (placeKey(a) === placeKey(b) || canonical(a) === canonical(b)));

/** Where the key's evidence sentence is in the text (whitespace-insensitive), or null. */
function evidenceRange(text: string, evidence: string): { start: number; end: number } | null {
  const at = text.indexOf(evidence);
  if (at >= 0) return { start: at, end: at + evidence.length };
  const head = evidence.slice(0, 40);
  const loose = text.indexOf(head);
  return loose >= 0 ? { start: loose, end: loose + evidence.length } : null;
}

const minimum = (count: KeyCount | undefined): number | null => count?.min ?? null;

function casualtiesRight(gold: KeyIncident, predicted: ExtractedIncident): boolean {
  const fatalities = [minimum(gold.fatalities), ...(gold.fatalitiesExcludingAttackers ? [minimum(gold.fatalitiesExcludingAttackers)] : [])];
  const injuries = [minimum(gold.injuries), ...(gold.injuriesExcludingAttackers ? [minimum(gold.injuriesExcludingAttackers)] : [])];
  return fatalities.includes(predicted.fatalities.min) && injuries.includes(predicted.injuries.min);
}

function dateRight(gold: KeyIncident, predicted: ExtractedIncident, publishedAt: string | null): boolean {
  if (gold.date && gold.datePrecision === "day") return predicted.date === gold.date;
  const earliest = gold.dateEarliest ?? null;
  const latest = gold.dateLatest ?? null;
  if (earliest || latest) return (predicted.dateEarliest ?? null) === earliest && (predicted.dateLatest ?? null) === latest;
  if (gold.date) return predicted.date === gold.date && predicted.datePrecision === gold.datePrecision;
  // A key with no date at all is an undated incident, as one whose latest day is the publication
  // day (the keys' convention, and what ingest stores: docs/data-model.md, "Undated incidents").
  return predicted.date === null && predicted.dateEarliest === null && (predicted.dateLatest === null || predicted.dateLatest === publishedAt);
}

/** Whether a key scores incidents (its `keyed` list names them, or it has no list). */
export function keysIncidents(key: IncidentKey): boolean {
  return (key.keyed ?? ["incidents"]).includes("incidents");
}

/** The counts of one story: its key, its text (for the evidence sentences) and the extraction. */
export function scoreIncidents(key: IncidentKey, text: string, extraction: IncidentExtraction): IncidentTally {
  const keyed = new Set(key.keyed ?? ["incidents", "places"]);
  const story = emptyTally();
  if (keyed.has("incidents")) {
    const gold = key.incidents ?? [];
    const predicted = extraction.incidents;
    const evidences = gold.map((g) => evidenceRange(text, g.evidence));
    // A pair needs the same type; its span overlapping the key's evidence counts more than its place.
    const matched = matchPairs(gold.map((g, i) => ({ g, evidence: evidences[i] ?? null })), predicted, ({ g, evidence }, p) => {
      if (g.type !== p.type) return 0;
      const overlaps = evidence !== null && p.start < evidence.end && evidence.start < p.end;
      const place = samePlace(g.place, p.place) || samePlace(g.placeWithin, p.place);
      return (overlaps ? 2 : 0) + (place ? 1 : 0);
    }, 1);
    const pairs = matched.map(([i, j]) => [gold[i], predicted[j]] as [KeyIncident, ExtractedIncident]);
    story.goldIncidents = gold.length;
    story.predictedIncidents = predicted.length;
    story.matched = pairs.length;
    story.withCasualties = gold.filter((g) => minimum(g.fatalities) !== null || minimum(g.injuries) !== null).length;
    story.casualtiesRight = pairs.filter(([g, p]) => (minimum(g.fatalities) !== null || minimum(g.injuries) !== null) && casualtiesRight(g, p)).length;
    story.withPlace = pairs.filter(([g]) => g.place).length;
    story.placeRight = pairs.filter(([g, p]) => g.place && (samePlace(g.place, p.place) || samePlace(g.placeWithin, p.place))).length;
    story.dated = pairs.length;
    story.dateRight = pairs.filter(([g, p]) => dateRight(g, p, extraction.article?.publishedAt ?? null)).length;
  }
  if (keyed.has("places")) {
    const gold = new Set((key.places ?? []).map(canonical));
    const predicted = new Set(extraction.places.map(canonical));
    story.goldPlaces = gold.size;
    story.predictedPlaces = predicted.size;
    story.placesMatched = [...predicted].filter((p) => gold.has(p)).length;
  }
  return story;
}

const ratio = (part: number, whole: number): number | null => (whole ? Math.round((part / whole) * 1000) / 1000 : null);

/** The rates of a tally (null where nothing was counted) and its counts in words. */
export function incidentFigures(t: IncidentTally) {
  return {
    incidentsRecall: ratio(t.matched, t.goldIncidents),
    incidentsPrecision: ratio(t.matched, t.predictedIncidents),
    casualtiesRight: ratio(t.casualtiesRight, t.withCasualties),
    placeRight: ratio(t.placeRight, t.withPlace),
    dateRight: ratio(t.dateRight, t.dated),
    placesPrecision: ratio(t.placesMatched, t.predictedPlaces),
    placesRecall: ratio(t.placesMatched, t.goldPlaces),
    counts: `${t.matched}/${t.goldIncidents} gold, ${t.predictedIncidents} extracted; casualties ${t.casualtiesRight}/${t.withCasualties}; place ${t.placeRight}/${t.withPlace}; date ${t.dateRight}/${t.dated}`,
  };
}
