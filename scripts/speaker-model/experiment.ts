// Research spike (issue 17): does a speaker re-ranker trained on our own answer keys pick the
// speaker better than the rules on a batch it was not trained on?
//
//   npx tsx scripts/speaker-model/experiment.ts lobo --dump FILE [--no-rules]
//     leave one batch out over speech-2..speech-7 on one extractor's output (the current rules
//     have been tuned on speech-2..speech-6, so their figures there are not first sight);
//   npx tsx scripts/speaker-model/experiment.ts rolling --dumps DIR [--no-rules]
//     first sight as it would have been: for each batch, the extractor of the commit it was first
//     scored with (DIR/sm-dump-COMMIT.json, from dump.ts), the model trained only on the batches
//     that existed then.
// "Speaker right" is the scorer's own (src/evaluation/score-extraction.ts), applied per quote.
import fs from "node:fs";
import path from "node:path";
import { matchPairs, scoreExtraction, wordOverlapF1, type ScoredQuote } from "../../src/evaluation/score-extraction.js";
import type { ExtractedQuote } from "../../src/extraction/types.js";
import { candidatesOf, indexStory, withSpeaker, type Candidate } from "./features.js";
import { pick, trainRanker, type Group } from "./rank.js";
import type { DumpedStory, DumpFile } from "./types.js";

const BATCH_ORDER = ["seeds", "speech", "speech-2", "speech-3", "speech-4", "speech-5", "speech-6", "speech-7"];
/** The extractor commit each batch was first scored with (docs/extraction.md, first-sight table). */
const FIRST_SIGHT_COMMIT: Readonly<Record<string, string>> = {
  "speech-2": "910bd10",
  "speech-3": "38b8214",
  "speech-4": "2a1d30e",
  "speech-5": "98e94a7",
  "speech-6": "0095279",
  "speech-7": "58fefac",
};

type Outcome = "right" | "notFound" | "wrongSpeaker" | "noSpeaker";

/** One extracted quote ready for ranking: its candidates, and for a quote the key has, which candidates are right. */
interface PreparedQuote {
  readonly quote: ExtractedQuote;
  readonly candidates: readonly Candidate[];
  readonly right: readonly boolean[] | null;
}

interface PreparedStory {
  readonly story: DumpedStory;
  readonly quotes: readonly PreparedQuote[];
  /** For each key quote, the extracted quote it is matched with (as the scorer matches), or null. */
  readonly goldToQuote: readonly (number | null)[];
}

const isDirect = (quote: ScoredQuote): boolean => String(quote.kind ?? "direct").toLowerCase() !== "indirect";

/** The scorer's verdict on one guess for one key quote. */
function speakerRight(story: DumpedStory, gold: ScoredQuote, guess: { speaker: string | null; speakerDescription: string | null }): boolean {
  const key = { keyed: ["quotes"], quotes: [gold], people: story.key.people ?? [] };
  const predicted = { quotes: [{ text: gold.text, kind: gold.kind ?? "direct", speaker: guess.speaker, speakerDescription: guess.speakerDescription }] };
  return (scoreExtraction(key, predicted).quoteCounts?.speakersRight ?? 0) === 1;
}

/** Pairs key quotes with extracted quotes exactly as scoreExtraction does. */
function matchQuotes(story: DumpedStory): (number | null)[] {
  const gold = story.key.quotes ?? [];
  const predicted = story.extraction.quotes;
  const goldDirect = gold.map((quote, i) => [quote, i] as const).filter(([quote]) => isDirect(quote));
  const goldIndirect = gold.map((quote, i) => [quote, i] as const).filter(([quote]) => !isDirect(quote));
  const predictedDirect = predicted.map((quote, j) => [quote, j] as const).filter(([quote]) => isDirect(quote));
  const result: (number | null)[] = gold.map(() => null);
  for (const [i, j] of matchPairs(goldDirect, predictedDirect, ([g], [p]) => wordOverlapF1(g.text, p.text), 0.8)) result[(goldDirect[i] as readonly [ScoredQuote, number])[1]] = (predictedDirect[j] as readonly [ExtractedQuote, number])[1];
  for (const [i, j] of matchPairs(goldIndirect, predicted, (g, p) => wordOverlapF1(g[0].text, p.text), 0.6)) result[(goldIndirect[i] as readonly [ScoredQuote, number])[1]] = j;
  return result;
}

function prepare(story: DumpedStory, useRules: boolean): PreparedStory {
  const index = indexStory(story.text, story.extraction);
  const goldToQuote = (story.key.keyed && !story.key.keyed.includes("quotes")) ? [] : matchQuotes(story);
  const gold = story.key.quotes ?? [];
  const quotes = story.extraction.quotes.map((quote, j): PreparedQuote => {
    const candidates = candidatesOf(index, quote, useRules);
    // One extracted quote may stand for two key quotes (a direct and a reported one): a candidate right for either is right.
    const golds = gold.filter((_, i) => goldToQuote[i] === j);
    const right = golds.length > 0 ? candidates.map((candidate) => golds.some((quote) => speakerRight(story, quote, candidate))) : null;
    return { quote, candidates, right };
  });
  return { story, quotes, goldToQuote };
}

/** With --interactions, every feature is also crossed with "is the rules' choice", so the model can learn when to distrust the rules. */
let crossWithRules = false;

function vectorize(names: readonly string[], candidate: Candidate): number[] {
  const plain = names.map((name) => candidate.features[name] ?? 0);
  const rules = candidate.features.isRules ?? 0;
  return crossWithRules ? [1, ...plain, ...plain.map((value) => value * rules)] : [1, ...plain];
}

interface Tally {
  quotes: number;
  rules: Record<Outcome, number>;
  model: Record<Outcome, number>;
  /** Found quotes for which some candidate is right: the most a re-ranker can reach. */
  reachable: number;
  /** Story-level scorer totals, as a check that the per-quote verdicts add up to the scorer's figure. */
  scorerRules: number;
  scorerModel: number;
}

const emptyOutcomes = (): Record<Outcome, number> => ({ right: 0, notFound: 0, wrongSpeaker: 0, noSpeaker: 0 });
const emptyTally = (): Tally => ({ quotes: 0, rules: emptyOutcomes(), model: emptyOutcomes(), reachable: 0, scorerRules: 0, scorerModel: 0 });

function outcome(story: DumpedStory, gold: ScoredQuote, guess: ExtractedQuote | null): Outcome {
  if (!guess) return "notFound";
  if (speakerRight(story, gold, guess)) return "right";
  return guess.speaker === null && guess.speakerDescription === null ? "noSpeaker" : "wrongSpeaker";
}

/** Scores rules and model on one prepared story. */
function evaluate(prepared: PreparedStory, weights: readonly number[], names: readonly string[], tally: Tally, errors: string[] | null): void {
  const { story } = prepared;
  const chosen = prepared.quotes.map((entry) => withSpeaker(entry.quote, entry.candidates[pick(weights, entry.candidates.map((candidate) => vectorize(names, candidate)))] as Candidate));
  const gold = story.key.quotes ?? [];
  gold.forEach((quote, i) => {
    const j = prepared.goldToQuote[i] ?? null;
    tally.quotes += 1;
    tally.rules[outcome(story, quote, j === null ? null : (story.extraction.quotes[j] as ExtractedQuote))] += 1;
    tally.model[outcome(story, quote, j === null ? null : (chosen[j] as ExtractedQuote))] += 1;
    const entry = j === null ? undefined : prepared.quotes[j];
    const rightOnes = entry ? entry.candidates.filter((candidate) => speakerRight(story, quote, candidate)).map((candidate) => candidate.id) : [];
    if (rightOnes.length > 0) tally.reachable += 1;
    if (errors) {
      const guess = (q: ExtractedQuote | undefined): string => (q ? `${q.speaker ?? "-"} / ${q.speakerDescription ?? "-"}` : "NOT FOUND");
      const rulesOk = outcome(story, quote, entry?.quote ?? null) === "right";
      const modelOk = j !== null && outcome(story, quote, chosen[j] as ExtractedQuote) === "right";
      if (!rulesOk || !modelOk)
        errors.push(
          `${rulesOk ? "R" : "r"}${modelOk ? "M" : "m"} ${story.story.split("/").pop()} | ${quote.kind ?? "direct"} "${quote.text.slice(0, 50)}" | key ${quote.speaker ?? "-"} / ${quote.speakerDescription ?? "-"} | rules ${guess(entry?.quote)} | model ${guess(j === null ? undefined : chosen[j])} | right: ${rightOnes.join("; ") || "(no candidate)"}`,
        );
    }
  });
  tally.scorerRules += scoreExtraction(story.key, story.extraction).quoteCounts?.speakersRight ?? 0;
  tally.scorerModel += scoreExtraction(story.key, { ...story.extraction, quotes: chosen }).quoteCounts?.speakersRight ?? 0;
}

function groupsOf(stories: readonly PreparedStory[], names: readonly string[]): Group[] {
  return stories.flatMap((prepared) => prepared.quotes.flatMap((entry) => (entry.right ? [{ vectors: entry.candidates.map((candidate) => vectorize(names, candidate)), right: entry.right }] : [])));
}

const rate = (numerator: number, denominator: number): string => (denominator ? (numerator / denominator).toFixed(3) : "-");

function row(label: string, tally: Tally): string {
  const { rules, model } = tally;
  if (tally.scorerRules !== rules.right || tally.scorerModel !== model.right) throw new Error(`${label}: per-quote verdicts disagree with the scorer`);
  return [
    label.padEnd(22),
    String(tally.quotes).padStart(5),
    `${rate(rules.right, tally.quotes)} (${rules.right})`.padEnd(13),
    `${rate(model.right, tally.quotes)} (${model.right})`.padEnd(13),
    `${(model.right - rules.right >= 0 ? "+" : "") + (model.right - rules.right)}`.padStart(5),
    `${rate(tally.reachable, tally.quotes)}`.padStart(9),
    String(rules.notFound).padStart(9),
    `${rules.wrongSpeaker}/${rules.noSpeaker}`.padStart(11),
    `${model.wrongSpeaker}/${model.noSpeaker}`.padStart(11),
  ].join(" ");
}

const HEADER = `${"held-out batch".padEnd(22)} quotes ${"rules right".padEnd(13)} ${"model right".padEnd(13)}  gain reachable not-found rules w/n  model w/n`;

function addInto(total: Tally, part: Tally): void {
  total.quotes += part.quotes;
  total.reachable += part.reachable;
  total.scorerRules += part.scorerRules;
  total.scorerModel += part.scorerModel;
  for (const key of Object.keys(part.rules) as Outcome[]) {
    total.rules[key] += part.rules[key];
    total.model[key] += part.model[key];
  }
}

let ridge = 0.002;

/** Trains on `train`, tests on `test`, returns the tally and the weights. */
function runFold(train: readonly PreparedStory[], test: readonly PreparedStory[], names: readonly string[], errors: string[] | null): { tally: Tally; weights: number[] } {
  const weights = trainRanker(groupsOf(train, names), (crossWithRules ? 2 : 1) * names.length + 1, { l2: ridge });
  const tally = emptyTally();
  for (const prepared of test) evaluate(prepared, weights, names, tally, errors);
  return { tally, weights };
}

function load(file: string): DumpFile {
  return JSON.parse(fs.readFileSync(file, "utf8")) as DumpFile;
}

function featureNames(prepared: readonly PreparedStory[]): string[] {
  const first = prepared.flatMap((story) => story.quotes).find((entry) => entry.candidates.length > 0);
  return Object.keys(first?.candidates[0]?.features ?? {});
}

function main(): void {
  const [mode, ...args] = process.argv.slice(2);
  const option = (name: string): string | null => {
    const at = args.indexOf(name);
    return at >= 0 ? (args[at + 1] ?? null) : null;
  };
  const useRules = !args.includes("--no-rules");
  crossWithRules = args.includes("--interactions");
  ridge = Number(option("--l2") ?? ridge);
  const errors: string[] | null = args.includes("--errors") ? [] : null;
  const lines = [`mode ${mode}, rules' choice as a feature: ${useRules ? "yes" : "no"}, crossed with every feature: ${crossWithRules ? "yes" : "no"}, L2 ${ridge}`, HEADER];
  const total = emptyTally();
  if (mode === "lobo") {
    const dump = load(option("--dump") ?? "");
    const prepared = dump.stories.map((story) => prepare(story, useRules));
    const names = featureNames(prepared);
    let lastWeights: number[] = [];
    for (const held of BATCH_ORDER.slice(2)) {
      const { tally, weights } = runFold(
        prepared.filter((entry) => entry.story.batch !== held),
        prepared.filter((entry) => entry.story.batch === held),
        names,
        errors,
      );
      lastWeights = weights;
      addInto(total, tally);
      lines.push(row(held, tally));
    }
    lines.push(row("micro, speech-2..7", total));
    if (args.includes("--weights")) lines.push("", "weights of the last fold:", ...["bias", ...names].map((name, i) => `  ${name.padEnd(24)} ${(lastWeights[i] ?? 0).toFixed(3)}`));
  } else if (mode === "rolling") {
    const dir = option("--dumps") ?? "/tmp";
    for (const held of BATCH_ORDER.slice(2)) {
      const commit = FIRST_SIGHT_COMMIT[held] as string;
      const dump = load(path.join(dir, `sm-dump-${commit}.json`));
      const earlier = new Set(BATCH_ORDER.slice(0, BATCH_ORDER.indexOf(held)));
      const prepared = dump.stories.filter((story) => earlier.has(story.batch) || story.batch === held).map((story) => prepare(story, useRules));
      const names = featureNames(prepared);
      const { tally } = runFold(
        prepared.filter((entry) => entry.story.batch !== held),
        prepared.filter((entry) => entry.story.batch === held),
        names,
        errors,
      );
      addInto(total, tally);
      lines.push(row(`${held} @${commit}`, tally));
    }
    lines.push(row("micro, speech-2..7", total));
  } else throw new Error("experiment: mode is lobo or rolling");
  lines.push("", "rules/model w/n: quotes found with a wrong speaker / with no speaker; reachable: found and some candidate right (a re-ranker's ceiling).");
  if (errors) lines.push("", "per key quote the rules (r) or the model (m) get wrong (capital: right):", ...errors);
  process.stdout.write(`${lines.join("\n")}\n`);
}

main();
