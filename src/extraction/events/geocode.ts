import { readFile } from "node:fs/promises";
import { countryByCode, lookupPlace, type GazetteerPlace } from "./gazetteer.js";
import { foldAccents } from "../patterns.js";

// Geocoding a place name the extractor returned: its kind, country, first-level region and point,
// with how sure the match is. The gazetteer the text scan uses (countries, regions, cities of
// 100,000 people or more, towns of 15,000 or more with names of several words) answers first; a name it does not know is looked up among the 132,000
// smaller GeoNames towns of gazetteer-data/localities.tsv, which is read only then (once per
// process), so start-up and idle memory do not pay for it.

/** What kind of place a geocoded name is (the database's PlaceKind, lower case). */
export type GeocodedKind = "country" | "region" | "city" | "site";

/** A place name resolved to the map. */
export interface GeocodedPlace {
  readonly kind: GeocodedKind;
  /** ISO 3166-1 alpha-2 code of its country. */
  readonly countryCode: string;
  /** Name of its country. */
  readonly country: string;
  /** Its first-level region (state, province), when known; a region's is its own name. */
  readonly admin1: string | null;
  readonly latitude: number;
  readonly longitude: number;
  /** How sure the match is, in [0, 1]. */
  readonly confidence: number;
  /** For a site: the name of the city it lies in ("Mogadishu" for "Mogadishu's international airport"). */
  readonly parent: string | null;
}

/** One row of localities.json: name, country code, region name ("" when unknown), population, lat, lon. */
type LocalityRow = readonly [string, string, string, number, number, number];

/** Folds a name for matching: no accents, one case, one apostrophe ("Mocímboa" = "mocimboa"). */
export function foldPlaceName(name: string): string {
  return foldAccents(name)
    .replace(/[’`]/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

// The towns file, found from the repository root: this module is three folders deep both as
// src/extraction/events/geocode.ts and as dist/extraction/events/geocode.js, and the data stays in src.
const LOCALITIES_FILE = new URL("../../../src/extraction/events/gazetteer-data/localities.tsv", import.meta.url);

let localityIndex: Promise<Map<string, LocalityRow[]>> | null = null;

/** One line of localities.tsv as a row. */
function parseLocality(line: string): LocalityRow {
  const [name = "", countryCode = "", admin1 = "", population = "0", lat = "0", lon = "0"] = line.split("\t");
  return [name, countryCode, admin1, Number(population), Number(lat), Number(lon)];
}

/** The small-town index, read on first use; rows of one folded name, most populous first. */
function localities(): Promise<Map<string, LocalityRow[]>> {
  localityIndex ??= readFile(LOCALITIES_FILE, "utf8").then((text) => {
    const index = new Map<string, LocalityRow[]>();
    for (const line of text.split("\n")) {
      if (!line || line.startsWith("#")) continue;
      const row = parseLocality(line);
      const key = foldPlaceName(row[0]);
      const list = index.get(key);
      if (list) list.push(row);
      else index.set(key, [row]);
    }
    return index;
  });
  return localityIndex;
}

// Confidence of a match, by how it was made. A country or region name is rarely anything else; a
// city name may be shared (two Tripolis), less so when the story names the city's country; a small
// town's name is often shared, and a town found only by the first word of a longer name is a guess.
const CONFIDENCE = { country: 0.95, region: 0.85, city: 0.9, cityOutsideStory: 0.75, town: 0.8, townAmbiguous: 0.6, townOutsideStory: 0.5, head: 0.55, site: 0.8 } as const;

function fromGazetteer(place: GazetteerPlace, storyCountries: ReadonlySet<string>): GeocodedPlace | null {
  if (place.lat === null || place.lon === null) return null;
  // (A continent or a sea several countries share lies in no one country, which a stored place needs; a lake or a sea
  // of one country is stored as a region of it.)
  if (place.kind === "continent" || (place.kind === "water" && !place.countryCode)) return null;
  const kind = place.kind === "water" ? "region" : place.kind;
  const confidence =
    kind === "country" ? CONFIDENCE.country : kind === "region" ? CONFIDENCE.region : storyCountries.size === 0 || storyCountries.has(place.countryCode) ? CONFIDENCE.city : CONFIDENCE.cityOutsideStory;
  return {
    kind,
    countryCode: place.countryCode,
    country: countryByCode(place.countryCode)?.name ?? place.countryCode,
    admin1: place.kind === "country" ? null : (place.admin1 ?? null),
    latitude: place.lat,
    longitude: place.lon,
    confidence,
    parent: null,
  };
}

function fromLocality(rows: readonly LocalityRow[], storyCountries: ReadonlySet<string>, head: boolean): GeocodedPlace | null {
  const inStory = rows.filter((row) => storyCountries.has(row[1]));
  const pool = inStory.length ? inStory : rows;
  const row = pool[0];
  if (!row) return null;
  const confidence = head ? CONFIDENCE.head : !inStory.length ? CONFIDENCE.townOutsideStory : inStory.length > 1 ? CONFIDENCE.townAmbiguous : CONFIDENCE.town;
  return { kind: "city", countryCode: row[1], country: countryByCode(row[1])?.name ?? row[1], admin1: row[2] || null, latitude: row[4], longitude: row[5], confidence, parent: null };
}

// "Mogadishu's international airport", "central Kabul", "the outskirts of Kabul": a site or part of
// a city keeps its own name and lies in the city.
const POSSESSIVE_SITE = /^(.+?)(?:'s|’s)\s+\S/u;
const PART_OF_CITY = /^(?:central|northern|southern|eastern|western|downtown|north-western|north-eastern|south-western|south-eastern|northwestern|northeastern|southwestern|southeastern)\s+(.+)$/iu;

/**
 * Geocodes one place name. `storyCountries` are the ISO codes of the countries the story names:
 * a shared name resolves to the place in one of them. Null when no gazetteer knows the name.
 */
export async function geocodePlace(name: string, storyCountries: ReadonlySet<string> = new Set()): Promise<GeocodedPlace | null> {
  const known = lookupPlace(name, storyCountries);
  // A big city abroad loses to a town of the same name in a country the story names ("Palma" in a
  // story about Mozambique is the Mozambican town, not Palma de Mallorca).
  const townInStory = known?.kind === "city" && storyCountries.size && !storyCountries.has(known.countryCode) ? await townsInStory(name, storyCountries) : [];
  if (townInStory.length) return fromLocality(townInStory, storyCountries, false);
  if (known) return fromGazetteer(known, storyCountries);
  const site = POSSESSIVE_SITE.exec(name) ?? PART_OF_CITY.exec(name);
  if (site?.[1]) {
    const city = await geocodePlace(site[1], storyCountries);
    if (city && city.kind !== "site") return { ...city, kind: "site", confidence: Math.min(city.confidence, CONFIDENCE.site), parent: site[1] };
  }
  const rows = (await localities()).get(foldPlaceName(name));
  if (rows) return fromLocality(rows, storyCountries, false);
  // "Mocimboa da Praia" is the GeoNames town "Mocímboa": a town named by the first word of a longer
  // name, only in a country the story names.
  const head = /^(\S+)\s/.exec(name)?.[1];
  const byHead = head ? await townsInStory(head, storyCountries) : [];
  return byHead.length ? fromLocality(byHead, storyCountries, true) : null;
}

/** The small towns of this name in the countries the story names. */
async function townsInStory(name: string, storyCountries: ReadonlySet<string>): Promise<LocalityRow[]> {
  if (!storyCountries.size) return [];
  return ((await localities()).get(foldPlaceName(name)) ?? []).filter((row) => storyCountries.has(row[1]));
}
