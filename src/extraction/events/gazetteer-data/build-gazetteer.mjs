#!/usr/bin/env node
// Regenerates gazetteer.json, the events pass's place list, from two MIT-licensed npm data
// packages and the hand-kept curated.json beside this file. The packages are not dependencies
// of copydesk (only their data is), so fetch them with npm's own client first:
//
//   cd /tmp && npm pack countries-list@3.4.1 city-timezones@1.3.4 && \
//     mkdir cl ct && tar xzf countries-list-3.4.1.tgz -C cl && tar xzf city-timezones-1.3.4.tgz -C ct
//   node src/extraction/events/gazetteer-data/build-gazetteer.mjs /tmp/cl/package /tmp/ct/package
//
// Countries: every ISO 3166-1 entry of countries-list, with its aliases; its point is the
// population-weighted centre of its cities (a representative point, not a border centroid).
// Cities: every city of 100,000 people or more in city-timezones (simplemaps' basic world
// cities), every capital, and curated additions; a name shared by two cities keeps both,
// and the extractor disambiguates by the countries the story names.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const [countriesDir, citiesDir] = process.argv.slice(2);
if (!countriesDir || !citiesDir) {
  console.error("usage: build-gazetteer.mjs COUNTRIES_LIST_DIR CITY_TIMEZONES_DIR");
  process.exit(2);
}
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
    ...(isCapital ? { capital: true } : {}),
  });
}
for (const extra of curated.additions) {
  places.push({ name: extra.name, aliases: extra.aliases, kind: "city", countryCode: extra.country, lat: extra.lat, lon: extra.lon, population: null });
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
places.sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) || a.countryCode.localeCompare(b.countryCode) : a.kind === "country" ? -1 : 1));
writeFileSync(join(here, "gazetteer.json"), JSON.stringify({ source: "countries-list@3.4.1, city-timezones@1.3.4 (MIT), curated.json", places }) + "\n");
console.log(`${places.filter((p) => p.kind === "country").length} countries, ${places.filter((p) => p.kind === "city").length} cities`);
