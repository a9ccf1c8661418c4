import type { PrismaClient } from "../../db/index.js";
import { geocodePlace } from "../../extraction/events/geocode.js";
import { lookupPlace } from "../../extraction/events/gazetteer.js";
import { foldText } from "./fingerprint.js";
import { geocodedPlaceData } from "./store.js";

// The one-off command that puts on the map the places ingest stored before it geocoded them
// (kind OTHER, no country, no coordinates). A shared name resolves to the place in a country named
// by the articles that mention it, as at ingest.

/** What `geocode-places` did. */
export interface GeocodeSummary {
  /** Machine-made places without a country or coordinates that were looked at. */
  readonly examined: number;
  /** Of those, places that now have kind, country and coordinates. */
  readonly geocoded: number;
  /** Names no gazetteer knows (left as they were). */
  readonly unknown: readonly string[];
  /** Names whose place in that country exists already as another record (left as they were: merge them). */
  readonly duplicates: readonly string[];
}

/** The ISO codes of the countries named by the articles that mention each place, by place id. */
async function storyCountriesOf(prisma: PrismaClient, placeIds: readonly string[]): Promise<Map<string, Set<string>>> {
  const own = await prisma.entityMention.findMany({ where: { placeId: { in: [...placeIds] } }, select: { placeId: true, articleId: true } });
  const articleIds = [...new Set(own.map((mention) => mention.articleId))];
  const named = await prisma.entityMention.findMany({ where: { articleId: { in: articleIds }, placeId: { not: null } }, select: { articleId: true, place: { select: { name: true, countryCode: true, kind: true } } } });
  const countriesByArticle = new Map<string, Set<string>>();
  for (const mention of named) {
    const place = mention.place;
    const code = place?.kind === "COUNTRY" ? place.countryCode : place && lookupPlace(place.name)?.kind === "country" ? (lookupPlace(place.name)?.countryCode ?? null) : null;
    if (!code) continue;
    const set = countriesByArticle.get(mention.articleId) ?? new Set<string>();
    set.add(code);
    countriesByArticle.set(mention.articleId, set);
  }
  const result = new Map<string, Set<string>>();
  for (const mention of own) {
    if (!mention.placeId) continue;
    const set = result.get(mention.placeId) ?? new Set<string>();
    for (const code of countriesByArticle.get(mention.articleId) ?? []) set.add(code);
    result.set(mention.placeId, set);
  }
  return result;
}

/**
 * Geocodes every machine-made place that has no country or no coordinates: kind, country, region,
 * coordinates and confidence, and for a site the city it lies in (found, or created). Running it
 * again changes nothing more.
 */
export async function geocodeStoredPlaces(prisma: PrismaClient): Promise<GeocodeSummary> {
  const targets = await prisma.place.findMany({ where: { origin: "MACHINE", OR: [{ countryCode: null }, { latitude: null }, { longitude: null }] }, orderBy: { id: "asc" }, select: { id: true, name: true } });
  const contexts = await storyCountriesOf(prisma, targets.map((place) => place.id));
  let geocoded = 0;
  const unknown: string[] = [];
  const duplicates: string[] = [];
  for (const place of targets) {
    const geocode = await geocodePlace(place.name, contexts.get(place.id) ?? new Set());
    if (!geocode) {
      unknown.push(place.name);
      continue;
    }
    const taken = await prisma.place.findFirst({ where: { name: place.name, countryCode: geocode.countryCode, id: { not: place.id } }, select: { id: true } });
    if (taken) {
      duplicates.push(place.name);
      continue;
    }
    let parentId: string | null = null;
    if (geocode.parent) {
      const parentGeocode = await geocodePlace(geocode.parent, new Set([geocode.countryCode]));
      const parent =
        (await prisma.place.findFirst({ where: { name: { equals: geocode.parent, mode: "insensitive" }, countryCode: geocode.countryCode }, orderBy: { id: "asc" }, select: { id: true } })) ??
        (await prisma.place.create({ data: geocodedPlaceData(geocode.parent, parentGeocode ?? undefined, null), select: { id: true } }));
      parentId = parent.id;
    }
    const { name: _name, aliases: _aliases, origin: _origin, ...columns } = geocodedPlaceData(place.name, geocode, parentId);
    await prisma.place.update({ where: { id: place.id }, data: columns });
    geocoded++;
  }
  return { examined: targets.length, geocoded, unknown: [...new Set(unknown)].sort((a, b) => foldText(a).localeCompare(foldText(b))), duplicates };
}

/** The summary as the one line the command prints. */
export function geocodeSummaryLine(summary: GeocodeSummary): string {
  const parts = [`Geocoded ${summary.geocoded} of ${summary.examined} machine-made place(s) without a position.`];
  if (summary.unknown.length) parts.push(`Not in the gazetteer (left as they were): ${summary.unknown.join(", ")}.`);
  if (summary.duplicates.length) parts.push(`Already stored under the same name and country (merge them): ${summary.duplicates.join(", ")}.`);
  return parts.join(" ");
}
