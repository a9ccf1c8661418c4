// `npm run eval:polnear -- PATH [--split dev|train] [--limit N] [--json OUT] [--errors]`: scores
// the extractor on PolNeAR (networkdynamics/PolNeAR: US political news with hand-made
// attribution keys, brat files with Source / Cue / Content spans). PATH is a local checkout of
// that repository, or its data/ folder. The corpus has no licence: it is read from outside this
// repository and nothing of it may be committed here. Its `test` split is kept for outside
// review, so this command refuses to read it: study errors on `train`, report on `dev`.
//
// The figures are defined as the team's reference PolNeAR scorer defines them (micro-averaged
// over the split, the first annotator's file of each article):
// - direct recall: quoted segments (between quotation marks, >= 4 words) inside a gold Content
//   span, found by an extracted direct or partial quote covering >= 60% of the segment;
// - direct precision: extracted direct or partial quotes that overlap some gold Content span;
// - speaker right: of the found segments whose attribution has a Source, the share where the
//   quote's attribution span overlaps the Source, or its speaker (else description) shares a
//   capitalised word with the Source; a pronoun Source stands for the nearest earlier
//   proper-noun Source;
// - reported-speech recall: gold attributions with no quotation mark in the Content and a
//   speech verb as Cue, found by any extracted quote covering >= 50% of the Content's first piece.
// `--errors` prints each miss (for study on `train` only; the output stays on your terminal).
import fs from "node:fs";
import path from "node:path";
import { extractArticle, type ExtractedQuote } from "../src/extraction/index.js";

interface Span {
  readonly kind: string;
  readonly pieces: readonly (readonly [number, number])[];
  readonly text: string;
}

interface Attribution {
  readonly content: Span;
  readonly source: Span | null;
  readonly cue: Span | null;
}

const QUOTE_MARKS = /["\u201c\u201d]/;
const SPEECH_CUE =
  /^(said|says|say|told|tells|added|adds|stated|states|announced|announces|declared|explained|wrote|writes|tweeted|asked|argued|argues|insisted|noted|claimed|claims|according to|warned|acknowledged|confirmed|denied|suggested|recalled|replied|responded|continued|urged|predicted|promised|conceded|admitted|maintained)$/i;
const PRONOUN_SOURCE = /^(he|she|they|it|we|i|his|her|their|the (official|spokesman|spokeswoman|source))$/i;
const NOT_NAMES = new Set(["the", "a", "an", "mr", "mrs", "ms", "dr", "sen", "rep", "gov"]);

/** Reads a brat standoff file: text-bound spans (T) and the attribution events (E) that join them. */
function parseAnnotations(file: string): Attribution[] {
  const spans = new Map<string, Span>();
  const events: Map<string, string>[] = [];
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (line.startsWith("T")) {
      const [id = "", middle = "", text = ""] = line.split("\t");
      const space = middle.indexOf(" ");
      const kind = space < 0 ? middle : middle.slice(0, space);
      const offsets = space < 0 ? "" : middle.slice(space + 1);
      const pieces = offsets.split(";").map((piece) => {
        const [start = Number.NaN, end = Number.NaN] = piece.trim().split(/\s+/).map(Number);
        return [start, end] as const;
      });
      spans.set(id, { kind, pieces, text });
    } else if (line.startsWith("E")) {
      const roles = new Map<string, string>();
      for (const part of (line.split("\t")[1] ?? "").split(/\s+/).filter(Boolean)) {
        const colon = part.indexOf(":");
        const role = (colon < 0 ? part : part.slice(0, colon)).replace(/\d+$/, "");
        roles.set(role, colon < 0 ? "" : part.slice(colon + 1));
      }
      events.push(roles);
    }
  }
  return events.flatMap((roles) => {
    const get = (role: string): Span | null => spans.get(roles.get(role) ?? "") ?? null;
    const content = get("Content");
    return content ? [{ content, source: get("Source"), cue: get("Cue") }] : [];
  });
}

/** Quoted segments of >= 4 words inside one Content piece, as [start, end) of the words between the marks. */
function quotedSegments(text: string, [start, end]: readonly [number, number]): [number, number][] {
  const segments: [number, number][] = [];
  for (const match of text.slice(start, end).matchAll(/["\u201c]([^"\u201c\u201d]{3,}?)["\u201d]/g)) {
    const inner = match[1] ?? "";
    if (inner.trim().split(/\s+/).filter(Boolean).length >= 4) segments.push([start + (match.index ?? 0) + 1, start + (match.index ?? 0) + 1 + inner.length]);
  }
  return segments;
}

const overlap = (a: readonly [number, number], b: readonly [number, number]): number => Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));

/** Capitalised words of a name or Source, lower case, without articles and honorifics. */
function capitalisedWords(value: string | null | undefined): Set<string> {
  const found = (value ?? "").match(/(?<![\p{L}\p{N}_])[A-Z][\p{L}\p{N}_'-]+/gu) ?? [];
  return new Set(found.map((word) => word.toLowerCase()).filter((word) => !NOT_NAMES.has(word)));
}

const sharesWord = (a: Set<string>, b: Set<string>): boolean => [...a].some((word) => b.has(word));

interface Options {
  readonly data: string;
  readonly split: string;
  readonly limit: number | null;
  readonly jsonOut: string | null;
  readonly errors: boolean;
}

function parseArgs(argv: readonly string[]): Options {
  let checkout: string | null = null;
  let split = "dev";
  let limit: number | null = null;
  let jsonOut: string | null = null;
  let errors = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === "--split") split = argv[++i] ?? "";
    else if (arg === "--limit") limit = Number(argv[++i]);
    else if (arg === "--json") jsonOut = argv[++i] ?? null;
    else if (arg === "--errors") errors = true;
    else if (arg.startsWith("--")) throw new Error(`eval:polnear: unknown option ${arg}`);
    else checkout = arg;
  }
  if (!checkout) throw new Error("eval:polnear: name a local checkout of github.com/networkdynamics/PolNeAR (or its data/ folder): npm run eval:polnear -- PATH");
  if (split === "test") throw new Error("eval:polnear: the test split is kept for outside review and is never run here; use --split dev (the default) or train");
  if (split !== "dev" && split !== "train") throw new Error(`eval:polnear: --split must be dev or train, not ${JSON.stringify(split)}`);
  if (limit !== null && !(Number.isInteger(limit) && limit > 0)) throw new Error("eval:polnear: --limit needs a positive whole number");
  const data = fs.existsSync(path.join(checkout, "data", split)) ? path.join(checkout, "data") : checkout;
  if (!fs.existsSync(path.join(data, split, "text")) || !fs.existsSync(path.join(data, split, "attributions")))
    throw new Error(`eval:polnear: ${data} has no ${split}/text and ${split}/attributions folders; is it a PolNeAR checkout?`);
  return { data, split, limit, jsonOut, errors };
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  const textDir = path.join(options.data, options.split, "text");
  const annotationDir = path.join(options.data, options.split, "attributions");
  const annotationOf = new Map<string, string>();
  for (const file of fs.readdirSync(annotationDir).sort()) {
    const article = file.replace(/_[0-9a-f]{4}\.ann$/, "");
    if (!annotationOf.has(article)) annotationOf.set(article, path.join(annotationDir, file)); // the first annotator's
  }
  const articles = fs
    .readdirSync(textDir)
    .filter((file) => file.endsWith(".txt") && annotationOf.has(file.slice(0, -4)))
    .map((file) => file.slice(0, -4))
    .sort()
    .slice(0, options.limit ?? undefined);
  const total = { goldDirect: 0, foundDirect: 0, predictedDirect: 0, predictedDirectInContent: 0, speakersChecked: 0, speakersRight: 0, goldIndirect: 0, foundIndirect: 0, failures: 0 };
  const perArticle: { article: string; goldDirect: number; foundDirect: number; quotes: number }[] = [];
  const report = (article: string, what: string): void => {
    if (options.errors) process.stdout.write(`${article}: ${what}\n`);
  };
  let milliseconds = 0;
  for (const article of articles) {
    const text = fs.readFileSync(path.join(textDir, `${article}.txt`), "utf8");
    const gold = parseAnnotations(annotationOf.get(article) as string);
    let quotes: readonly ExtractedQuote[] = [];
    const began = performance.now();
    try {
      quotes = extractArticle(text).quotes;
    } catch (error) {
      total.failures += 1;
      report(article, `extraction failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    milliseconds += performance.now() - began;
    const direct = quotes.filter((quote) => quote.kind === "direct" || quote.kind === "partial");
    const contents = gold.flatMap((attribution) => attribution.content.pieces);
    total.predictedDirect += direct.length;
    for (const quote of direct) {
      if (contents.some((piece) => overlap([quote.start, quote.end], piece) > 0)) total.predictedDirectInContent += 1;
      else report(article, `quote outside every Content: ${JSON.stringify(quote.text.slice(0, 100))}`);
    }
    // Proper-noun Sources in text order, so that a pronoun Source can stand for the one before it.
    const properSources = gold
      .flatMap((attribution) => {
        const source = attribution.source;
        if (!source || PRONOUN_SOURCE.test(source.text.trim()) || capitalisedWords(source.text).size === 0) return [];
        return [{ at: source.pieces[0]?.[0] ?? 0, text: source.text }];
      })
      .sort((a, b) => a.at - b.at || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    let goldDirect = 0;
    let foundDirect = 0;
    for (const attribution of gold) {
      for (const segment of attribution.content.pieces.flatMap((piece) => quotedSegments(text, piece))) {
        total.goldDirect += 1;
        goldDirect += 1;
        let best: ExtractedQuote | null = null;
        for (const quote of direct) if (!best || overlap([quote.start, quote.end], segment) > overlap([best.start, best.end], segment)) best = quote;
        if (!best || overlap([best.start, best.end], segment) < 0.6 * (segment[1] - segment[0])) {
          report(article, `direct quote missed: ${JSON.stringify(text.slice(segment[0], segment[1]).slice(0, 100))}`);
          continue;
        }
        total.foundDirect += 1;
        foundDirect += 1;
        const source = attribution.source;
        if (!source) continue;
        let sourceText = source.text.trim();
        const pronoun = PRONOUN_SOURCE.test(sourceText);
        if (pronoun) {
          const sourceStart = source.pieces[0]?.[0] ?? 0;
          sourceText = properSources.filter((entry) => entry.at < sourceStart).at(-1)?.text ?? "";
          if (!sourceText) continue;
        }
        total.speakersChecked += 1;
        const attributionSpan = best.attribution;
        const bySpan = attributionSpan !== null && !pronoun && source.pieces.some((piece) => overlap([attributionSpan.start, attributionSpan.end], piece) > 0);
        const byName = sharesWord(capitalisedWords(best.speaker || best.speakerDescription || ""), capitalisedWords(sourceText));
        if (bySpan || byName) total.speakersRight += 1;
        else report(article, `speaker wrong: ${JSON.stringify(text.slice(segment[0], segment[1]).slice(0, 60))} is ${JSON.stringify(source.text)}${pronoun ? ` (${sourceText})` : ""}, got ${JSON.stringify(best.speaker ?? best.speakerDescription)}`);
      }
    }
    for (const attribution of gold) {
      const cue = (attribution.cue?.text ?? "").trim().toLowerCase();
      if (QUOTE_MARKS.test(attribution.content.text) || !SPEECH_CUE.test(cue)) continue;
      total.goldIndirect += 1;
      const piece = attribution.content.pieces[0] as readonly [number, number];
      if (quotes.some((quote) => overlap([quote.start, quote.end], piece) >= 0.5 * (piece[1] - piece[0]))) total.foundIndirect += 1;
      else report(article, `reported speech missed (${cue}): ${JSON.stringify(text.slice(piece[0], piece[1]).slice(0, 120))}`);
    }
    perArticle.push({ article, goldDirect, foundDirect, quotes: quotes.length });
  }
  const rate = (numerator: number, denominator: number): number | null => (denominator ? Math.round((numerator / denominator) * 1000) / 1000 : null);
  const summary = {
    split: options.split,
    articles: articles.length,
    directRecall: rate(total.foundDirect, total.goldDirect),
    directPrecision: rate(total.predictedDirectInContent, total.predictedDirect),
    speakerRight: rate(total.speakersRight, total.speakersChecked),
    indirectRecall: rate(total.foundIndirect, total.goldIndirect),
    ...total,
  };
  if (options.jsonOut) fs.writeFileSync(options.jsonOut, JSON.stringify({ summary, articles: perArticle }, null, 1));
  process.stdout.write(
    `PolNeAR ${options.split} (${articles.length} articles): direct R=${summary.directRecall} P=${summary.directPrecision} ` +
      `(gold ${total.goldDirect}, predicted ${total.predictedDirect}) | speaker right=${summary.speakerRight} (of ${total.speakersChecked}) | ` +
      `indirect R=${summary.indirectRecall} (of ${total.goldIndirect}) | failures ${total.failures} | extraction ${Math.round(milliseconds)} ms\n`,
  );
}

try {
  main();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
