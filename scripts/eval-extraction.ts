// `npm run eval:extraction [-- PATH ...] [--json OUT]`: runs the extractor on every story that
// has an answer key in this repository (seeds/*.gold.json, seeds/stories/*.gold.json and
// eval/first-sight/**/*.gold.json, each beside its .txt) and prints one row per story and the
// totals of each folder, micro-averaged (counts summed over the stories, then divided).
// PATH (files or folders) keeps only the keys under it: how a new batch is scored once on
// first sight. Keys with a `keyed` list are scored on those sections only.
// Keys whose incidents carry their evidence sentence (eval/first-sight/incidents/) are also scored
// with issue 18's incident figures (src/evaluation/score-incidents.ts): the "inc18" columns give
// the same totals as `npx tsx scripts/eval-incidents.ts FOLDER`.
import fs from "node:fs";
import path from "node:path";
import { scoreExtraction, type ExtractionScore, type Prf, type ScoredDocument } from "../src/evaluation/score-extraction.js";
import { addTally, emptyTally, incidentFigures, keysIncidents, scoreIncidents, type IncidentKey, type IncidentTally } from "../src/evaluation/score-incidents.js";
import { extractArticle } from "../src/extraction/index.js";

const root = path.resolve(import.meta.dirname, "..");
const KEY_ROOTS = ["seeds", "seeds/stories", "eval/first-sight"];

/** Every answer key under a folder: its own files, and those of subfolders for eval/first-sight. */
function keysUnder(folder: string, recursive: boolean): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return recursive ? keysUnder(full, true) : [];
    return entry.name.endsWith(".gold.json") ? [full] : [];
  });
}

function parseArgs(argv: readonly string[]): { filters: string[]; jsonOut: string | null } {
  const filters: string[] = [];
  let jsonOut: string | null = null;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === "--json") {
      jsonOut = argv[++i] ?? null;
      if (!jsonOut) throw new Error("eval:extraction: --json needs a file to write");
    } else if (arg.startsWith("--")) throw new Error(`eval:extraction: unknown option ${arg} (use PATH ... and --json OUT)`);
    else filters.push(path.resolve(arg));
  }
  return { filters, jsonOut };
}

interface Row {
  readonly story: string;
  readonly group: string;
  readonly score: ExtractionScore;
  /** Issue 18's incident counts, for a key whose incidents give their evidence sentences. */
  readonly incidents18: IncidentTally | null;
}

/** Sums of one group's counts, as rates. */
function totals(rows: readonly Row[]): Record<string, string> {
  const sum = (pick: (row: Row) => Prf | null) => {
    const present = rows.map(pick).filter((value): value is Prf => value !== null);
    const matched = present.reduce((total, value) => total + value.matched, 0);
    const gold = present.reduce((total, value) => total + value.gold, 0);
    const predicted = present.reduce((total, value) => total + value.predicted, 0);
    return { matched, gold, predicted, stories: present.length };
  };
  const rate = (numerator: number, denominator: number): string => (denominator ? (numerator / denominator).toFixed(3) : "-");
  const f1 = (matched: number, gold: number, predicted: number): string => (gold + predicted ? ((2 * matched) / (gold + predicted)).toFixed(3) : "-");
  const direct = sum((row) => row.score.directQuotes);
  const counts = rows.flatMap((row) => (row.score.quoteCounts ? [row.score.quoteCounts] : []));
  const quotes = counts.reduce((total, count) => total + count.quotes, 0);
  const right = counts.reduce((total, count) => total + count.speakersRight, 0);
  const indirect = counts.reduce((total, count) => total + count.indirect, 0);
  const indirectFound = counts.reduce((total, count) => total + count.indirectFound, 0);
  const people = sum((row) => row.score.people);
  const orgs = sum((row) => row.score.organizations);
  const places = sum((row) => row.score.places);
  const incidents = sum((row) => row.score.incidents);
  const scored18 = rows.flatMap((row) => (row.incidents18 ? [row.incidents18] : []));
  const figures18 = incidentFigures(scored18.reduce(addTally, emptyTally()));
  const issue18: Record<string, string> = scored18.length
    ? {
        "inc18 R": show3(figures18.incidentsRecall),
        "inc18 P": show3(figures18.incidentsPrecision),
        "casualties right": show3(figures18.casualtiesRight),
        "place right": show3(figures18.placeRight),
        "date right": show3(figures18.dateRight),
      }
    : {};
  return {
    stories: String(rows.length),
    "direct P": rate(direct.matched, direct.predicted),
    "direct R": rate(direct.matched, direct.gold),
    "indirect R": rate(indirectFound, indirect),
    "speakers right": rate(right, quotes),
    "people F1": f1(people.matched, people.gold, people.predicted),
    "orgs F1": f1(orgs.matched, orgs.gold, orgs.predicted),
    "places F1": f1(places.matched, places.gold, places.predicted),
    "incidents R": rate(incidents.matched, incidents.gold),
    ...issue18,
  };
}

const show3 = (value: number | null): string => (value === null ? "-" : value.toFixed(3));
const show = (value: number | null | undefined): string => (value === null || value === undefined ? "-" : value.toFixed(2));

function main(): void {
  const { filters, jsonOut } = parseArgs(process.argv.slice(2));
  const keys = KEY_ROOTS.flatMap((folder) => keysUnder(path.join(root, folder), folder === "eval/first-sight"))
    .filter((file) => filters.length === 0 || filters.some((filter) => file === filter || file.startsWith(filter + path.sep) || file === filter.replace(/\.txt$/, ".gold.json")))
    .sort();
  if (keys.length === 0) throw new Error(`eval:extraction: no answer key (*.gold.json beside a .txt) under ${filters.length ? filters.join(", ") : KEY_ROOTS.join(", ")}`);
  const rows: Row[] = [];
  for (const keyFile of keys) {
    const textFile = keyFile.replace(/\.gold\.json$/, ".txt");
    if (!fs.existsSync(textFile)) throw new Error(`eval:extraction: ${path.relative(root, keyFile)} has no story beside it (${path.basename(textFile)})`);
    const key = JSON.parse(fs.readFileSync(keyFile, "utf8")) as ScoredDocument & IncidentKey & { article?: { publishedAt?: string | null; headline?: string | null } };
    const text = fs.readFileSync(textFile, "utf8");
    const extraction = extractArticle(text, { publishedAt: key.article?.publishedAt ?? null, headline: key.article?.headline ?? null });
    const keyedIncidents: IncidentKey["incidents"] = key.incidents;
    const withEvidence = keysIncidents(key) && (keyedIncidents ?? []).length > 0 && (keyedIncidents ?? []).every((incident) => typeof incident.evidence === "string");
    rows.push({
      story: path.basename(keyFile, ".gold.json"),
      group: path.relative(root, path.dirname(keyFile)),
      score: scoreExtraction(key, extraction),
      incidents18: withEvidence ? scoreIncidents(key, text, extraction) : null,
    });
  }
  const header = ["story".padEnd(44), "direct P/R".padEnd(11), "indirR", "spkrs", "people", "orgs ", "places", "inc P/R"].join(" ");
  const lines = [header];
  for (const row of rows) {
    const s = row.score;
    lines.push(
      [
        `${row.group}/${row.story}`.slice(-44).padEnd(44),
        (s.directQuotes ? `${show(s.directQuotes.precision)}/${show(s.directQuotes.recall)}` : "-").padEnd(11),
        show(s.indirectQuoteRecall).padEnd(6),
        show(s.speakerAccuracy).padEnd(5),
        show(s.people?.f1).padEnd(6),
        show(s.organizations?.f1).padEnd(5),
        show(s.places?.f1).padEnd(6),
        s.incidents ? `${show(s.incidents.precision)}/${show(s.incidents.recall)}` : "-",
      ].join(" "),
    );
  }
  const groups = [...new Set(rows.map((row) => row.group))];
  lines.push("", "totals (micro-averaged over the stories of each folder):");
  const summary: Record<string, Record<string, string>> = {};
  for (const group of [...groups, "all"]) {
    summary[group] = totals(group === "all" ? rows : rows.filter((row) => row.group === group));
    lines.push(`${group.padEnd(28)} ${Object.entries(summary[group] ?? {}).map(([name, value]) => `${name} ${value}`).join(" | ")}`);
  }
  process.stdout.write(`${lines.join("\n")}\n`);
  if (jsonOut) fs.writeFileSync(jsonOut, JSON.stringify({ stories: rows, totals: summary }, null, 1));
}

try {
  main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
