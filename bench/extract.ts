/**
 * Extraction speed on real text (issue 17): the stories with answer keys in this repository
 * (seeds/ and eval/first-sight/), cut or joined into 5 KB stories, extracted one after another
 * on one core, in stories per second; then one 100 KB text (the stories joined), in
 * milliseconds. The bar: >= 50 stories/s of 5 KB, a 100 KB text in < 1 s.
 *
 *   npm run bench:extract                    # prints the figures and writes bench/results/extract.json
 *   npm run bench:extract -- --out /tmp/x.json --rounds 3
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

const texts = [path.join(root, "seeds"), path.join(root, "eval/first-sight")].flatMap((folder) => keyedTexts(folder));
if (texts.length === 0) throw new Error("bench:extract: no keyed stories found under seeds/ or eval/first-sight/");

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
