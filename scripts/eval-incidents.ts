// Scores the extractor's incidents and places against answer keys (SLUG.txt + SLUG.gold.json in a
// folder, as eval/first-sight/incidents/), story by story and in total:
//
//   npx tsx scripts/eval-incidents.ts eval/first-sight/incidents [SLUG_PREFIX...] [--json]
//
// The figures are defined in src/evaluation/score-incidents.ts, which `npm run eval:extraction`
// uses too (its "incidents (issue 18)" lines give the same totals per folder).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { addTally, emptyTally, incidentFigures, scoreIncidents, type IncidentKey } from "../src/evaluation/score-incidents.js";
import { extractArticle } from "../src/extraction/index.js";

interface Key extends IncidentKey {
  readonly article: { readonly file: string; readonly headline?: string | null; readonly publishedAt?: string | null };
}

const args = process.argv.slice(2);
const json = args.includes("--json");
const [folder, ...prefixes] = args.filter((arg) => arg !== "--json");
if (!folder) {
  console.error("usage: tsx scripts/eval-incidents.ts FOLDER [SLUG_PREFIX...] [--json]");
  process.exit(2);
}
const slugs = readdirSync(folder)
  .filter((file) => file.endsWith(".gold.json"))
  .map((file) => file.slice(0, -".gold.json".length))
  .filter((slug) => prefixes.length === 0 || prefixes.some((prefix) => slug.startsWith(prefix)))
  .sort();
const total = emptyTally();
const stories = slugs.map((slug) => {
  const key = JSON.parse(readFileSync(path.join(folder, `${slug}.gold.json`), "utf8")) as Key;
  const text = readFileSync(path.join(folder, key.article.file), "utf8");
  const extraction = extractArticle(text, { publishedAt: key.article.publishedAt ?? null, headline: key.article.headline ?? null });
  const story = scoreIncidents(key, text, extraction);
  addTally(total, story);
  return { slug, ...incidentFigures(story) };
});
if (json) console.log(JSON.stringify({ stories, total: incidentFigures(total) }, null, 1));
else {
  for (const story of stories) console.log(`${story.slug}: ${story.counts}`);
  const t = incidentFigures(total);
  console.log(
    `\n${slugs.length} stories: incidents R=${t.incidentsRecall} P=${t.incidentsPrecision} | casualties right=${t.casualtiesRight} | place right=${t.placeRight} | date right=${t.dateRight} | places P=${t.placesPrecision} R=${t.placesRecall}\n(${t.counts})`,
  );
}
