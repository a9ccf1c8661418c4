#!/usr/bin/env node
// Checks the incident and place sections of hand-made answer keys (*.gold.json beside their
// *.txt) before anyone scores against them. eval/check-keys.mjs (from the speech keys) checks the
// quotes and people of the same format; run both on a folder that keys both.
//
//   node eval/check-incident-keys.mjs DIR [DIR ...]
//
// A key is only worth its care if it can be trusted mechanically: every evidence sentence must be
// copied verbatim from the story, every incident's place must be one of the key's places, and the
// numbers and dates must be well-formed. Errors exit 1; warnings (a place name that does not occur
// in the text, which is allowed for canonical spellings) are printed but do not fail.
// No dependencies: node 20 only.
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, basename } from "node:path";

const INCIDENT_TYPES = new Set([
  "attack", "explosion", "protest", "riot", "armed_clash", "evacuation", "closure", "arrest",
  "diplomatic_action", "other",
]);
const PRECISIONS = new Set(["day", "week", "month", "unknown"]);
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

const dirs = process.argv.slice(2);
if (!dirs.length) {
  console.error("usage: check-incident-keys.mjs DIR [DIR ...]   (folders holding SLUG.txt and SLUG.gold.json)");
  process.exit(2);
}

let errors = 0, warnings = 0, keys = 0, incidentCount = 0, placeCount = 0;
const error = (where, msg) => { errors++; console.log(`ERROR ${where}: ${msg}`); };
const warn = (where, msg) => { warnings++; console.log(`warn  ${where}: ${msg}`); };
const isDay = (s) => typeof s === "string" && ISO_DAY.test(s) && !Number.isNaN(Date.parse(s + "T00:00:00Z"))
  && new Date(s + "T00:00:00Z").toISOString().slice(0, 10) === s;
// Whitespace is the only thing allowed to differ between an evidence span and the text.
const squash = (s) => String(s).replace(/\s+/g, " ").trim();

function checkCount(where, label, range) {
  if (range == null || typeof range !== "object") return error(where, `${label} must be {min, max}`);
  const { min, max } = range;
  for (const [k, v] of [["min", min], ["max", max]]) {
    if (v !== null && !(Number.isInteger(v) && v >= 0)) error(where, `${label}.${k} must be a non-negative integer or null, got ${JSON.stringify(v)}`);
  }
  if (Number.isInteger(min) && Number.isInteger(max) && min > max) error(where, `${label}.min ${min} > max ${max}`);
  // A max without a min is a ceiling ("nearly 100", "up to 100"): the README's convention from batch 18 on.
}

function checkKey(dir, goldFile) {
  const where0 = join(dir, goldFile);
  let gold;
  try { gold = JSON.parse(readFileSync(where0, "utf8")); } catch (e) { return error(where0, `not JSON: ${e.message}`); }
  keys++;
  const slug = basename(goldFile, ".gold.json");
  const a = gold.article ?? {};
  if (a.slug !== slug) error(where0, `article.slug ${JSON.stringify(a.slug)} differs from the file name ${slug}`);
  if (a.file !== `${slug}.txt`) error(where0, `article.file should be ${slug}.txt`);
  const txtPath = join(dir, `${slug}.txt`);
  if (!existsSync(txtPath)) return error(where0, `no text file ${txtPath}`);
  const text = readFileSync(txtPath, "utf8");
  const flat = squash(text);
  const firstLine = text.split("\n")[0].trim();
  if (a.headline != null && squash(a.headline) !== squash(firstLine)) error(where0, `headline is not the text's first line (${JSON.stringify(firstLine)})`);
  if (!isDay(a.publishedAt)) error(where0, `article.publishedAt must be YYYY-MM-DD`);
  if (a.source) {
    for (const k of ["url", "publisher", "published", "retrieved"]) if (!a.source[k]) error(where0, `article.source.${k} missing`);
    if (a.source.published && a.source.published !== a.publishedAt) error(where0, `source.published ${a.source.published} differs from publishedAt ${a.publishedAt}`);
  }
  const keyed = gold.keyed ?? [];
  for (const section of ["incidents", "places"]) if (!keyed.includes(section)) error(where0, `keyed should list "${section}"`);

  const places = gold.places ?? [];
  if (!Array.isArray(places)) return error(where0, "places must be an array");
  const seen = new Set();
  for (const p of places) {
    placeCount++;
    if (typeof p !== "string" || !p.trim()) { error(where0, `place ${JSON.stringify(p)} is not a name`); continue; }
    if (seen.has(p.toLowerCase())) error(where0, `place ${p} listed twice`);
    seen.add(p.toLowerCase());
    if (!flat.toLowerCase().includes(p.toLowerCase())) warn(where0, `place "${p}" does not occur as written in the text (fine for a canonical spelling; check)`);
  }

  (gold.incidents ?? []).forEach((inc, i) => {
    incidentCount++;
    const where = `${where0} incident ${i + 1} (${inc.summary ?? "no summary"})`;
    if (!INCIDENT_TYPES.has(inc.type)) error(where, `type ${JSON.stringify(inc.type)} is not one of ${[...INCIDENT_TYPES].join(", ")}`);
    if (!inc.summary) error(where, "summary missing");
    if (!places.includes(inc.place)) error(where, `place ${JSON.stringify(inc.place)} is not in places`);
    // placeWithin: the larger named place holding a finer one (a district's city, a camp's country).
    if (inc.placeWithin != null && !places.includes(inc.placeWithin)) error(where, `placeWithin ${JSON.stringify(inc.placeWithin)} is not in places`);
    if (!/^[A-Z]{2}$/.test(inc.country ?? "")) error(where, `country ${JSON.stringify(inc.country)} must be ISO 3166-1 alpha-2`);
    if (inc.date !== null && !isDay(inc.date)) error(where, `date ${JSON.stringify(inc.date)} must be YYYY-MM-DD or null`);
    if (!PRECISIONS.has(inc.datePrecision)) error(where, `datePrecision ${JSON.stringify(inc.datePrecision)} must be day, week, month or unknown`);
    if (inc.datePrecision === "day" && inc.date === null) error(where, "datePrecision day needs a date");
    for (const k of ["dateEarliest", "dateLatest"]) if (inc[k] != null && !isDay(inc[k])) error(where, `${k} must be YYYY-MM-DD`);
    if (inc.dateEarliest && inc.dateLatest && inc.dateEarliest > inc.dateLatest) error(where, "dateEarliest after dateLatest");
    if (inc.date && inc.dateEarliest && inc.date < inc.dateEarliest) error(where, "date before dateEarliest");
    if (inc.date && inc.dateLatest && inc.date > inc.dateLatest) error(where, "date after dateLatest");
    const latest = inc.dateLatest ?? inc.date;
    if (latest && isDay(a.publishedAt) && latest > a.publishedAt) error(where, `date ${latest} is after publication ${a.publishedAt}`);
    checkCount(where, "fatalities", inc.fatalities);
    checkCount(where, "injuries", inc.injuries);
    // Optional victims-only counts, for a scorer that leaves the attackers' own dead out.
    for (const k of ["fatalitiesExcludingAttackers", "injuriesExcludingAttackers"]) {
      if (inc[k] === undefined) continue;
      checkCount(where, k, inc[k]);
      const all = inc[k.replace("ExcludingAttackers", "")];
      if (Number.isInteger(inc[k].min) && Number.isInteger(all?.min) && inc[k].min > all.min) error(where, `${k}.min exceeds the all-inclusive min`);
    }
    if (!("attributedTo" in inc)) error(where, "attributedTo missing (null when the story names nobody)");
    if (!inc.evidence) error(where, "evidence missing");
    else if (!flat.includes(squash(inc.evidence))) error(where, `evidence is not verbatim in the text: ${JSON.stringify(inc.evidence)}`);
  });
}

for (const dir of dirs) {
  const files = readdirSync(dir).filter((f) => f.endsWith(".gold.json")).sort();
  if (!files.length) error(dir, "no *.gold.json files");
  for (const f of files) checkKey(dir, f);
  for (const t of readdirSync(dir).filter((f) => f.endsWith(".txt"))) {
    if (!files.includes(t.replace(/\.txt$/, ".gold.json"))) error(join(dir, t), "text without a key");
  }
}
console.log(`${keys} keys, ${incidentCount} incidents, ${placeCount} places: ${errors} errors, ${warnings} warnings`);
process.exit(errors ? 1 : 0);
