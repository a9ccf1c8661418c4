import { type AnalyzedText } from "../text.js";
import { matchesOf } from "../patterns.js";
import type { EventsExtraction, ExtractedMention, ExtractionOptions, SpeechExtraction, TextRange } from "../types.js";
import { MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAY_NAMES } from "./calendar-words.js";
import { findKnownLocalities, findPlaces, lookupPlace, placeOfDateline, type PlaceMatch } from "./gazetteer.js";
import { extractIncidents, isLocative, type PlacedMention } from "./incidents.js";

/** "the capital" with no name, demonym or "of" that says which ("in the capital", "the suburbs of the capital"). */
const BARE_CAPITAL = /(?<=\bthe\s)capital\b(?!\s*,?\s*(?:city\s+)?(?:of\b|\p{Lu}))/gu;

/** A weekday or month name (after a country it is a date, "in Kenya Sunday", not what the country modifies). */
const DATE_WORD = new RegExp(`^(?:${WEEKDAY_NAMES}|${MONTH_NAMES}|${MONTH_ABBREVIATIONS})\\.?$`);

// The events pass: places (gazetteer names, demonyms, localities and the dateline) and the
// incidents the story reports, with their places, dates and casualty counts.

/** A wire dateline opening a paragraph: "KAMPALA, June 27 (Reuters) - ", "MERSIN, Turkey (Dec 20) – ". */
const DATELINE = /^([A-Z][A-Z.'’ -]{2,}?)(?:,\s+[A-Z][\p{L}.]*(?:\s+[A-Z][\p{L}.]*)*)?(?:,?\s+\(?[A-Z][a-z]{2,8}\.?\s+\d{1,2}\)?)?\s*(?:\([^)]*\))?\s*[-–—]\s+/u;

/**
 * A press release's dateline with its year ("WASHINGTON, Nov. 29, 2010 — ", "KABUL, Afghanistan,
 * June 18, 2013 - ", or the date alone: "July 9, 2007 – "): its date is the release's, never an incident's. It names the issuing office,
 * so it gives no place (answer keys do not list it either).
 */
const RELEASE_DATELINE = /^(?:[A-Z][A-Z.'’ -]{2,}?(?:,\s+[A-Z][\p{L}.]*(?:\s+[A-Z][\p{L}.]*)*)?,?\s+)?[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}\s*[-–—]\s+/u;

/** Nouns that say what kind of place a region's name is ("Guayas province", "Kerala state") or where in it ("Borno countryside"). */
const REGION_KIND_NOUN = /^(?:provinces?|states?|regions?|governorates?|count(?:y|ies)|districts?|departments?|prefectures?|oblasts?|territor(?:y|ies)|areas?|countryside|borders?|coasts?|capital|cit(?:y|ies)|towns?|villages?|valleys?|highlands?|lowlands?|parts?|sides?|islands?|archipelagos?|peninsulas?)$/i;

/** The dateline of the story (within its first three paragraphs), with the place it names. */
export function findDateline(analyzed: AnalyzedText): { range: TextRange; place: PlacedMention | null } | null {
  for (const paragraph of analyzed.paragraphs.slice(0, 3)) {
    const line = analyzed.text.slice(paragraph.start, paragraph.end);
    const release = RELEASE_DATELINE.exec(line);
    if (release) return { range: { start: paragraph.start, end: paragraph.start + release[0].length }, place: null };
    const m = DATELINE.exec(line);
    if (!m) continue;
    const word = (m[1] ?? "").trim();
    const found = placeOfDateline(word);
    const start = paragraph.start;
    const sentence = analyzed.sentences.findIndex((s) => s.end > start);
    const place: PlacedMention | null = found
      ? { start, end: start + word.length, text: word, name: found.name, kind: found.kind, countryCode: found.countryCode, demonym: false, locative: true, sentence }
      : null;
    return { range: { start, end: start + m[0].length }, place };
  }
  return null;
}

/**
 * The headline at the top of the text, when the text carries one: the first paragraph when it is
 * the headline the caller gave, or a short first line with no closing punctuation before the body.
 */
export function findHeadline(analyzed: AnalyzedText, headline: string | null | undefined): TextRange | null {
  const [first, second] = analyzed.paragraphs;
  if (!first || !second) return null;
  const line = analyzed.text.slice(first.start, first.end).trim();
  const given = headline?.trim();
  if (given && line === given) return first;
  const words = line.split(/\s+/).length;
  return words <= 16 && !/[.!?:;"”’)]$/.test(line) && !/\n/.test(line) ? first : null;
}

/** Places and incidents of an analyzed text (the speech pass's result helps attribute them). */
export function extractEvents(analyzed: AnalyzedText, options: ExtractionOptions, speech: SpeechExtraction): EventsExtraction {
  const { text } = analyzed;
  const people = speech.mentions.filter((m) => m.type === "person");
  const dateline = findDateline(analyzed);
  // (A place that runs past the person's words is the place: "in the Khan Bani Said area" read by the speech pass as
  // "Khan Bani" who "said"; a person's name holds a place only when it covers it, "Jim Washington".)
  const notAPerson = (p: PlaceMatch): boolean => !people.some((person) => person.start <= p.start && p.end <= person.end);
  const bySentence = analyzed.sentences.map((sentence) => findPlaces(text, sentence.start, sentence.end).filter(notAPerson));
  // A locality the story introduced ("the village of Saravali") is a place wherever it is named again.
  const localities = new Map(bySentence.flat().flatMap((p) => (p.kind === "locality" || p.kind === "region" ? [[p.name, p.kind] as const] : [])));
  const places: PlacedMention[] = [];
  analyzed.sentences.forEach((sentence, index) => {
    const first = bySentence[index] ?? [];
    const found = [...first, ...findKnownLocalities(text, localities, sentence.start, sentence.end, first).filter(notAPerson)].sort((a, b) => a.start - b.start);
    for (const place of found) {
      places.push({ ...place, locative: !place.demonym && isLocative(sentence, place, found), sentence: index });
    }
  });
  // "the suburbs of the capital" after "the capital Conakry": a bare "the capital" is the last capital the story named
  // of a country its headline or first paragraphs name (not "Washington" where officials spoke of another country).
  const opening = analyzed.paragraphs[2]?.end ?? text.length;
  const storyCountries = new Set(places.filter((p) => p.kind === "country" && p.start < opening).map((p) => p.countryCode));
  for (const m of matchesOf(BARE_CAPITAL, text)) {
    const start = m.index + m[0].length - "capital".length;
    if (places.some((p) => p.start <= start && start < p.end)) continue;
    const named = [...places].reverse().find((p) => p.end <= start && p.kind === "city" && !p.demonym && p.countryCode !== null && storyCountries.has(p.countryCode) && lookupPlace(p.name)?.capital === true);
    const index = analyzed.sentences.findIndex((x) => x.start <= start && start < x.end);
    const sentence = analyzed.sentences[index];
    if (!named || !sentence) continue;
    const match: PlaceMatch = { start, end: start + "capital".length, text: "capital", name: named.name, kind: "city", countryCode: named.countryCode, demonym: false };
    places.push({ ...match, locative: isLocative(sentence, match, places.filter((p) => p.sentence === index)), sentence: index });
  }
  places.sort((a, b) => a.start - b.start);
  // A country name used as a modifier ("at the U.S. Embassy", "Uganda Human Rights Commission")
  // names an institution, not a place the story is about or where something happened.
  const asModifier = (p: PlacedMention): boolean => {
    if (p.demonym) return false;
    const next = analyzed.sentences[p.sentence]?.tokens.find((t) => t.start >= p.end);
    // (Twenty-first pass, h18aa: a region's name before a noun that is no kind of place, "the Guayas police commander", "the
    // Litoral penitentiary", names an institution too; "Guayas province" names the region.)
    if (p.kind === "region") return next !== undefined && next.start - p.end <= 1 && next.pos === "NOUN" && !REGION_KIND_NOUN.test(next.text);
    if (p.kind !== "country") return false;
    // "the Bangladeshi capital" names the country whose capital it is.
    // "in Kenya Sunday": a weekday or month after the name is the date, not a noun it modifies.
    return next !== undefined && next.start - p.end <= 1 && (next.pos === "NOUN" || next.pos === "PROPN") && !/^(?:['’]s|capital)$/.test(next.text) && !DATE_WORD.test(next.text);
  };
  const named = places.filter((p) => !p.demonym && !asModifier(p));
  // (h18ak: a continent, "Africa", "West Africa", is a place the story names but too wide to be where an incident happened:
  // the incidents pass reads its country or town instead. A lake or a sea is, to the incidents pass, a named area as a
  // region is, "the Lake Thar Thar region".)
  const incidentPlaces = places.filter((p) => p.kind !== "continent" && (p.demonym || !asModifier(p))).map((p): PlacedMention => (p.kind === "water" ? { ...p, kind: "region" } : p));
  const incidents = extractIncidents(analyzed, options.publishedAt, incidentPlaces, dateline?.place ?? null, dateline ? [dateline.range] : [], findHeadline(analyzed, options.headline));

  const names: string[] = [];
  const add = (name: string | null): void => {
    if (name && !names.includes(name)) names.push(name);
  };
  const inOrder = [...(dateline?.place ? [dateline.place] : []), ...named].sort((a, b) => a.start - b.start);
  // A site's city is named too ("central Kabul" names Kabul), and the site keeps its finer name (issue 18).
  inOrder.forEach((p) => {
    if (p.parent) add(p.parent);
    add(p.name);
  });
  incidents.forEach((incident) => add(incident.place));

  const mentions: ExtractedMention[] = inOrder.map((p) => ({
    type: "place",
    name: p.name,
    text: p.text,
    start: p.start,
    end: p.end,
    confidence: p.kind === "locality" || p.kind === "region" ? 0.6 : p.kind === "city" && !p.locative ? 0.75 : 0.9,
  }));
  return { places: names, incidents, mentions };
}
