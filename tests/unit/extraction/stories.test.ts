import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { scoreExtraction, type ExtractionScore, type ScoredDocument } from "../../../src/evaluation/score-extraction.js";
import { extractArticle } from "../../../src/extraction/index.js";

// Every story with an answer key in seeds/ (seeds/*.txt and seeds/stories/*.txt) goes through the
// whole extraction and is scored by src/evaluation/score-extraction.ts, the scorer the issue's
// bar is stated in. These stories are in-sample (the rules were written with them in view), so
// each must meet the product's promise, not merely its past score; the generality measure is
// the first-sight table in docs/extraction.md (npm run eval:extraction).

const root = path.resolve(import.meta.dirname, "../../..");
const storyFiles = [path.join(root, "seeds"), path.join(root, "seeds/stories")].flatMap((dir) =>
  fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".txt") && fs.existsSync(path.join(dir, name.replace(/\.txt$/, ".gold.json"))))
    .map((name) => path.join(dir, name)),
);
const example = path.join(root, "seeds/basra-consulate-2018.txt");

/** A figure the key covers (every seed key covers every section). */
function covered<T>(value: T | null): T {
  if (value === null) throw new Error("the seed keys cover every section");
  return value;
}

const table = new Map<string, ExtractionScore>();

/** Extracts a story as `npm run extract` does and scores it against its answer key. */
function score(file: string): { score: ExtractionScore; text: string; extraction: ReturnType<typeof extractArticle>; hasCasualties: boolean } {
  const gold = JSON.parse(fs.readFileSync(file.replace(/\.txt$/, ".gold.json"), "utf8")) as ScoredDocument & { article: { publishedAt: string | null } };
  const text = fs.readFileSync(file, "utf8");
  const extraction = extractArticle(text, { publishedAt: gold.article.publishedAt });
  const result = scoreExtraction(gold, extraction);
  table.set(path.basename(file, ".txt"), result);
  const hasCasualties = (gold.incidents ?? []).some((i) => i.fatalities?.min != null || i.injuries?.min != null);
  return { score: result, text, extraction, hasCasualties };
}

afterAll(() => {
  const show = (value: number | null): string => (value === null ? "-" : value.toFixed(2));
  const rows = [...table].sort(([a], [b]) => a.localeCompare(b)).map(([slug, s]) => {
    const direct = covered(s.directQuotes);
    const incidents = covered(s.incidents);
    return [
      slug.padEnd(34),
      `${show(direct.precision)}/${show(direct.recall)}`.padEnd(10),
      show(s.indirectQuoteRecall).padEnd(9),
      show(s.speakerAccuracy).padEnd(9),
      show(covered(s.people).f1).padEnd(7),
      show(covered(s.places).f1).padEnd(7),
      show(covered(s.organizations).f1).padEnd(6),
      `${show(incidents.precision)}/${show(incidents.recall)}`.padEnd(10),
      show(s.casualtyAccuracy),
    ].join(" ");
  });
  console.log(["story                              direct P/R indirectR speakers people places orgs   inc P/R    casualties", ...rows].join("\n"));
});

describe("the example story meets the issue's bar", () => {
  it("scores direct quotes P = R = 1, speakers >= 0.9, people F1 = 1, incidents R >= 0.8, casualties right", () => {
    const { score: s } = score(example);
    expect(covered(s.directQuotes)).toMatchObject({ precision: 1, recall: 1 });
    expect(s.speakerAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(covered(s.people).f1).toBe(1);
    expect(covered(s.incidents).recall).toBeGreaterThanOrEqual(0.8);
    expect(s.casualtyAccuracy).toBe(1);
  });
});

describe("the other stories together", () => {
  it("keep mean incident recall >= 0.75, places F1 >= 0.9 and casualty minimums >= 0.75", () => {
    const results = storyFiles.filter((file) => file !== example).map((file) => score(file));
    const scores = results.map((r) => r.score);
    const mean = (values: number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;
    expect(mean(scores.map((s) => covered(s.incidents).recall))).toBeGreaterThanOrEqual(0.75);
    expect(mean(scores.map((s) => covered(s.places).f1))).toBeGreaterThanOrEqual(0.9);
    // Only stories whose key reports a casualty figure have one to get right.
    const withCasualties = results.filter((r) => r.hasCasualties).map((r) => r.score.casualtyAccuracy ?? 0);
    expect(mean(withCasualties)).toBeGreaterThanOrEqual(0.75);
  });
});

describe.each(storyFiles.filter((file) => file !== example).map((file) => [path.basename(file, ".txt"), file]))("%s", (_slug, file) => {
  it("keeps the product's promise on quotes, speakers and people, with every span exactly the text it names", () => {
    const { score: s, text, extraction } = score(file);
    const direct = covered(s.directQuotes);
    // The promise for quotes: direct recall >= 0.95, the speaker right for >= 0.9 of all
    // quotes, people F1 >= 0.9; a story with no quotes gets none.
    if (direct.gold > 0) expect(direct.recall).toBeGreaterThanOrEqual(0.95);
    else expect(direct.predicted).toBe(0);
    if ((s.quoteCounts?.quotes ?? 0) > 0) expect(s.speakerAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(covered(s.people).f1).toBeGreaterThanOrEqual(0.9);
    // The product's promise per story: incident recall >= 0.8, places F1 >= 0.9 (issue 17's "Done means"; twenty-first pass, h18aa).
    // One explicit exception: guayaquil-prison-riot-2024's key holds 4 incidents, one of them ("a rival group killed a member
    // of the gang") with place null, and src/evaluation/score-extraction.ts matches an incident on type AND place, where an
    // empty place never matches; 3/4 = 0.75 is the most any extraction can score there, so its floor is that ceiling.
    const incidentFloor = _slug === "guayaquil-prison-riot-2024" ? 0.75 : 0.8;
    expect(covered(s.incidents).recall).toBeGreaterThanOrEqual(incidentFloor);
    expect(covered(s.places).f1).toBeGreaterThanOrEqual(0.9);
    for (const item of [...extraction.quotes, ...extraction.mentions]) expect(text.slice(item.start, item.end)).toBe(item.text);
    for (const quote of extraction.quotes) expect(quote.speakerKind === null).toBe(quote.speaker === null);
    for (const incident of extraction.incidents) {
      expect(incident.start).toBeGreaterThanOrEqual(0);
      expect(incident.end).toBeLessThanOrEqual(text.length);
      expect(incident.place === null || extraction.places.includes(incident.place)).toBe(true);
    }
  });
});
