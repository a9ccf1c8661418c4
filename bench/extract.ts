/**
 * Extraction speed on real text (issue 17): the stories with answer keys in this repository
 * (seeds/ and eval/first-sight/), cut or joined into 5 KB stories, extracted one after another
 * on one core, in stories per second; then one 100 KB text (the stories joined), in
 * milliseconds. The bar: >= 50 stories/s of 5 KB, a 100 KB text in < 1 s.
 *
 *   npm run bench:extract                    # prints the figures and writes bench/results/extract.json
 *   npm run bench:extract -- --out /tmp/x.json --rounds 3
 *   npm run bench:extract -- --studied-through 30          # seeds/ and the studied first sights only (see below)
 *   npm run bench:extract -- --only eval/first-sight/speech-2 --only seeds   # these folders only
 *
 * By default every keyed folder under eval/first-sight/ is read, held-out ones included, so the
 * figures are the project's own; a helper who may not touch held-out folders passes
 * `--studied-through N` (seeds/ plus eval/first-sight/speech, speech-2 .. speech-N, incidents,
 * incidents-2 .. incidents-N, built by name: eval/first-sight/ itself is never listed) or
 * `--only FOLDER` (repeatable; a path from the repository root or an absolute one; nothing else
 * is read). The figures then come from fewer, other stories: compare them only with a run on
 * the same folders.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { extractArticle } from "../src/extraction/index.js";

const { values: options } = parseArgs({
  options: {
    out: { type: "string" },
    rounds: { type: "string", default: "3" },
    only: { type: "string", multiple: true },
    "studied-through": { type: "string" },
  },
});
const rounds = Number(options.rounds);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error("bench:extract: --rounds needs a positive whole number");

const root = path.resolve(import.meta.dirname, "..");

/** Every story text that has an answer key beside it. */
function keyedTexts(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return keyedTexts(full);
    return entry.name.endsWith(".txt") && fs.existsSync(full.replace(/\.txt$/, ".gold.json")) ? [fs.readFileSync(full, "utf8")] : [];
  });
}

/** The folders read: every keyed one by default, else the studied first sights up to a number, else those named. */
function foldersRead(): string[] {
  if (options.only !== undefined && options["studied-through"] !== undefined) throw new Error("bench:extract: give --only or --studied-through, not both");
  if (options.only !== undefined) return options.only.map((folder) => path.resolve(root, folder));
  if (options["studied-through"] !== undefined) {
    const last = Number(options["studied-through"]);
    if (!Number.isInteger(last) || last < 1) throw new Error("bench:extract: --studied-through needs a positive whole number");
    const sights = ["speech", "incidents"].flatMap((side) => [side, ...Array.from({ length: last - 1 }, (_, i) => `${side}-${i + 2}`)]);
    return [path.join(root, "seeds"), ...sights.map((name) => path.join(root, "eval/first-sight", name))];
  }
  return [path.join(root, "seeds"), path.join(root, "eval/first-sight")];
}

const texts = foldersRead().flatMap((folder) => keyedTexts(folder));
if (texts.length === 0) throw new Error("bench:extract: no keyed stories found in the folders read");

/** Stories of about `size` characters: each text cut at a paragraph near the size, or joined with the next ones. */
function storiesOf(size: number): string[] {
  return texts.map((_, index) => {
    let story = "";
    for (let next = index; story.length < size; next += 1) story += `${texts[next % texts.length]}\n\n`;
    const cut = story.lastIndexOf("\n\n", size);
    return story.slice(0, cut > size / 2 ? cut : size);
  });
}

const stories = storiesOf(5_000);
const meanSize = Math.round(stories.reduce((sum, story) => sum + story.length, 0) / stories.length);
// One warm-up pass: wink's model loads and the JIT settles before anything is timed.
for (const story of stories) extractArticle(story);
const throughput: number[] = [];
for (let round = 0; round < rounds; round += 1) {
  const began = performance.now();
  for (const story of stories) extractArticle(story);
  throughput.push(stories.length / ((performance.now() - began) / 1000));
}
const large = storiesOf(100_000)[0] as string;
const largeTimes: number[] = [];
for (let round = 0; round < rounds; round += 1) {
  const began = performance.now();
  extractArticle(large);
  largeTimes.push(performance.now() - began);
}

const result = {
  when: new Date().toISOString(),
  machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? "unknown", node: process.version },
  folders: options.only ?? (options["studied-through"] !== undefined ? `seeds/ and the studied first sights through ${options["studied-through"]}` : "every keyed folder"),
  stories: stories.length,
  meanStoryChars: meanSize,
  storiesPerSecond: { best: Math.round(Math.max(...throughput)), worst: Math.round(Math.min(...throughput)) },
  largeText: { chars: large.length, milliseconds: { best: Math.round(Math.min(...largeTimes)), worst: Math.round(Math.max(...largeTimes)) } },
};
console.log(
  `${stories.length} stories of ~${meanSize} chars: ${result.storiesPerSecond.worst}-${result.storiesPerSecond.best} stories/s (bar: >= 50) | ` +
    `one ${large.length}-char text: ${result.largeText.milliseconds.best}-${result.largeText.milliseconds.worst} ms (bar: < 1000)`,
);
const out = options.out ?? path.join(root, "bench/results/extract.json");
fs.writeFileSync(out, `${JSON.stringify(result, null, 1)}\n`);
