#!/usr/bin/env node
// Copied from the team's shared evaluation kit so tests and scripts in this repository can score
// extractions without it; keep in step with the original.
// Scores an extraction (quotes, speakers, people, places, incidents) against a gold file.
//
//   node score-extraction.mjs GOLD.json PREDICTED.json [--json]
//
// Both files use the format of seeds/*.gold.json. PREDICTED may hold extra fields; it
// needs at least { quotes: [{text, speaker, speakerDescription, kind}], people: [{name, aliases}],
// places: [string], organizations: [string], incidents: [{type, place, fatalities: {min,max}}] }.
// Matching is lenient on typography (curly vs straight quotes, dashes, case, trailing
// punctuation) and strict on content: a quote matches when the word overlap F1 >= 0.8.
import { readFileSync } from "node:fs";

const [goldPath, predPath, flag] = process.argv.slice(2);
if (!goldPath || !predPath) {
  console.error("usage: score-extraction.mjs GOLD.json PREDICTED.json [--json]");
  process.exit(2);
}
const gold = JSON.parse(readFileSync(goldPath, "utf8"));
const pred = JSON.parse(readFileSync(predPath, "utf8"));

const norm = (s) =>
  String(s ?? "")
    .normalize("NFKC")
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2013\u2014\u2212]/g, "-")
    .replace(/pic\.twitter\.com\/\S+/g, "")
    .replace(/\s+/g, " ")
    .toLowerCase()
    .trim()
    .replace(/^[\s"'.,;:!?…-]+|[\s"'.,;:!?…-]+$/g, "");
const words = (s) => norm(s).split(/[^\p{L}\p{N}@#']+/u).filter(Boolean);

function overlapF1(a, b) {
  const wa = words(a), wb = words(b);
  if (!wa.length || !wb.length) return 0;
  const count = new Map();
  for (const w of wb) count.set(w, (count.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wa) if ((count.get(w) ?? 0) > 0) { common++; count.set(w, count.get(w) - 1); }
  if (!common) return 0;
  const p = common / wa.length, r = common / wb.length;
  return (2 * p * r) / (p + r);
}

// One-to-one greedy matching by best score above a threshold.
function match(goldItems, predItems, score, threshold) {
  const pairs = [];
  goldItems.forEach((g, i) => predItems.forEach((p, j) => {
    const s = score(g, p);
    if (s >= threshold) pairs.push([s, i, j]);
  }));
  pairs.sort((a, b) => b[0] - a[0]);
  const gUsed = new Set(), pUsed = new Set(), out = [];
  for (const [s, i, j] of pairs) {
    if (gUsed.has(i) || pUsed.has(j)) continue;
    gUsed.add(i); pUsed.add(j); out.push([i, j, s]);
  }
  return out;
}

const prf = (matched, nGold, nPred) => {
  const precision = nPred ? matched / nPred : nGold ? 0 : 1;
  const recall = nGold ? matched / nGold : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision: round(precision), recall: round(recall), f1: round(f1), gold: nGold, predicted: nPred, matched };
};
const round = (x) => Math.round(x * 1000) / 1000;

// People: a name matches when it equals the gold name or one of its aliases.
const goldPeople = gold.people ?? [];
const personKeys = (p) => [p.name, ...(p.aliases ?? [])].map(norm).filter(Boolean);
const canonicalSpeaker = (name) => {
  const n = norm(name);
  if (!n) return null;
  const hit = goldPeople.find((p) => personKeys(p).includes(n) || norm(p.name).endsWith(" " + n));
  return hit ? norm(hit.name) : n;
};

const isDirect = (q) => String(q.kind ?? "direct").toLowerCase() !== "indirect";
const goldDirect = (gold.quotes ?? []).filter(isDirect);
const predDirect = (pred.quotes ?? []).filter(isDirect);
const directPairs = match(goldDirect, predDirect, (g, p) => overlapF1(g.text, p.text), 0.8);
const goldIndirect = (gold.quotes ?? []).filter((q) => !isDirect(q));
const predAll = pred.quotes ?? [];
const indirectPairs = match(goldIndirect, predAll, (g, p) => overlapF1(g.text, p.text), 0.6);

function speakerRight(g, p) {
  if (g.speaker == null) {
    if (p.speaker != null && canonicalSpeaker(p.speaker) !== null && !/official|source|spokes/i.test(p.speaker)) return false;
    const want = words(g.speakerDescription).filter((w) => w.length > 3).pop(); // head noun, e.g. "official"
    const got = norm(`${p.speakerDescription ?? ""} ${p.speaker ?? ""}`);
    return want ? got.includes(want) : true;
  }
  return p.speaker != null && canonicalSpeaker(p.speaker) === norm(g.speaker);
}
const attributed = [
  ...directPairs.map(([i, j]) => speakerRight(goldDirect[i], predDirect[j])),
  ...indirectPairs.map(([i, j]) => speakerRight(goldIndirect[i], predAll[j])),
];

const predPeople = pred.people ?? [];
const peoplePairs = match(goldPeople, predPeople, (g, p) => {
  const keys = personKeys(g);
  return keys.includes(norm(p.name)) || (p.aliases ?? []).some((a) => norm(a) === norm(g.name)) ? 1 : 0;
}, 1);

const aliasOf = { basrah: "basra", "u.s.": "united states", us: "united states", "state department": "u.s. department of state" };
const placeKey = (s) => { const n = norm(s).replace(/^the /, ""); return aliasOf[n] ?? n; };
const loose = (a, b) => { const x = placeKey(a), y = placeKey(b); return x && y && (x === y || x.includes(y) || y.includes(x)) ? 1 : 0; };
const listPairs = (g, p) => match(g ?? [], p ?? [], loose, 1);

const goldInc = gold.incidents ?? [];
const predInc = pred.incidents ?? [];
const sameType = (a, b) => String(a ?? "").toLowerCase() === String(b ?? "").toLowerCase();
const incPairs = match(goldInc, predInc, (g, p) => (sameType(g.type, p.type) ? 0.5 : 0) + (loose(g.place, p.place) ? 0.5 : 0), 1);
const casualtyChecks = incPairs
  .map(([i, j]) => [goldInc[i], predInc[j]])
  .filter(([g]) => g.fatalities?.min != null || g.injuries?.min != null)
  .map(([g, p]) => (g.fatalities?.min ?? null) === (p.fatalities?.min ?? null) && (g.injuries?.min ?? null) === (p.injuries?.min ?? null));
const goldWithCasualties = goldInc.filter((g) => g.fatalities?.min != null || g.injuries?.min != null).length;

const result = {
  directQuotes: prf(directPairs.length, goldDirect.length, predDirect.length),
  indirectQuoteRecall: prf(indirectPairs.length, goldIndirect.length, goldIndirect.length ? indirectPairs.length : 0).recall,
  speakerAccuracy: round(attributed.filter(Boolean).length / Math.max(1, goldDirect.length + goldIndirect.length)),
  people: prf(peoplePairs.length, goldPeople.length, predPeople.length),
  places: prf(listPairs(gold.places, pred.places).length, (gold.places ?? []).length, (pred.places ?? []).length),
  organizations: prf(listPairs(gold.organizations, pred.organizations).length, (gold.organizations ?? []).length, (pred.organizations ?? []).length),
  incidents: prf(incPairs.length, goldInc.length, predInc.length),
  casualtyAccuracy: round(casualtyChecks.filter(Boolean).length / Math.max(1, goldWithCasualties)),
};
if (flag === "--json") console.log(JSON.stringify(result));
else {
  const d = result.directQuotes, pe = result.people, inc = result.incidents;
  console.log(`direct quotes P=${d.precision} R=${d.recall} | indirect R=${result.indirectQuoteRecall} | speakers right=${result.speakerAccuracy} (of all gold quotes) | people F1=${pe.f1} | places F1=${result.places.f1} | orgs F1=${result.organizations.f1} | incidents P=${inc.precision} R=${inc.recall} | casualties right=${result.casualtyAccuracy}`);
}
