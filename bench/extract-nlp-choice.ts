// Compares wink-nlp (wink-eng-lite-web-model) with compromise on the example story: sentence
// boundaries, whether token offsets reconstruct the text exactly, and time per story.
//   npx tsx bench/extract-nlp-choice.ts [FILE]
// The result decided src/extraction/text.ts (see the comment at its top).
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import nlp from "compromise";
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

const file = process.argv[2] ?? "seeds/basra-consulate-2018.txt";
const text = readFileSync(file, "utf8");
const lines = text.split(/\r?\n/).filter((line) => line.trim() !== "");
const wink = winkNLP(model);
const its = wink.its;

/** Sentences of each line, by wink. */
function winkSentences(): string[] {
  return lines.flatMap((line) => wink.readDoc(line).sentences().out() as string[]);
}
/** Sentences of each line, by compromise. */
function compromiseSentences(): string[] {
  return lines.flatMap((line) => nlp(line).sentences().out("array") as string[]);
}
/** Whether wink's tokens plus preceding spaces give back each line exactly. */
function winkTokensExact(): boolean {
  return lines.every((line) => {
    const doc = wink.readDoc(line);
    const values = doc.tokens().out(its.value);
    const spaces = doc.tokens().out(its.precedingSpaces);
    return values.map((value, i) => (spaces[i] ?? "") + value).join("") === line.trimEnd();
  });
}
/** Whether compromise's per-term offsets (pre + text + post) give back each line exactly. */
function compromiseTokensExact(): boolean {
  return lines.every((line) => {
    const json = nlp(line).json({ offset: true }) as { terms: { pre: string; text: string; post: string }[] }[];
    const rebuilt = json.flatMap((s) => s.terms.map((t) => t.pre + t.text + t.post)).join("");
    return rebuilt === line || rebuilt.trim() === line.trim();
  });
}
function timePerStory(run: () => unknown, rounds = 50): number {
  run();
  const start = performance.now();
  for (let i = 0; i < rounds; i += 1) run();
  return (performance.now() - start) / rounds;
}

const report = {
  file,
  wink: {
    sentences: winkSentences(),
    tokensExact: winkTokensExact(),
    msPerStory: timePerStory(() => lines.map((line) => wink.readDoc(line).tokens().out(its.pos))),
  },
  compromise: {
    sentences: compromiseSentences(),
    tokensExact: compromiseTokensExact(),
    msPerStory: timePerStory(() => lines.map((line) => nlp(line).json({ offset: true }))),
  },
};
for (const name of ["wink", "compromise"] as const) {
  const r = report[name];
  console.log(`\n== ${name}: ${r.sentences.length} sentences, tokens exact: ${r.tokensExact}, ${r.msPerStory.toFixed(2)} ms/story`);
  r.sentences.forEach((s, i) => console.log(`${String(i).padStart(2)} | ${s}`));
}

// The chosen stack end to end: wink analysis plus the speech pass, on every story with an
// answer key (the seed and seeds/stories/*), so the cost of the rules is visible next to the
// cost of the library.
const { analyzeText } = await import("../src/extraction/text.js");
const { extractSpeech } = await import("../src/extraction/speech/index.js");
const { extractArticle } = await import("../src/extraction/index.js");
const { readdirSync } = await import("node:fs");
const stories = [
  readFileSync("seeds/basra-consulate-2018.txt", "utf8"),
  ...readdirSync("seeds/stories")
    .filter((name) => name.endsWith(".txt"))
    .map((name) => readFileSync(`seeds/stories/${name}`, "utf8")),
];
const rounds = 20;
const analysed = stories.map((story) => analyzeText(story));
const perStory = (run: () => void): number => timePerStory(run, rounds) / stories.length;
const analysis = perStory(() => stories.forEach((story) => analyzeText(story)));
const speech = perStory(() => analysed.forEach((analyzedStory) => extractSpeech(analyzedStory, {})));
const whole = perStory(() => stories.forEach((story) => extractArticle(story, {})));
console.log(`\n== ${stories.length} stories: analyzeText ${analysis.toFixed(2)} ms/story, extractSpeech ${speech.toFixed(2)} ms/story, extractArticle ${whole.toFixed(2)} ms/story (${Math.round(1000 / whole)} stories/s)`);
