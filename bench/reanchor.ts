/**
 * Re-anchoring cost (issue 6): 500 annotations on a 5,000-word article, one realistic edit
 * (a paragraph inserted near the top, every "the" made "that" in three paragraphs, a paragraph
 * deleted, one paragraph's quotes straightened), timing reanchorArticle inside a transaction on a
 * fresh database (a new database on the DATABASE_URL server, else an in-memory embedded PGlite).
 * Each run is rolled back, so every run re-anchors the same 500 annotations.
 *
 *   npm run bench:reanchor                        # embedded PGlite
 *   DATABASE_URL=postgresql://... npm run bench:reanchor
 *   npm run bench:reanchor -- --annotations 500 --words 5000 --runs 30
 *
 * Results go to bench/results/reanchor-<embedded|postgres>.json.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { countStatements } from "../src/db/statements.js";
import { spanOf } from "../src/core/span.js";
import { reanchorArticle, type ReanchorSummary } from "../src/domain/articles/reanchor.js";
import { openBenchDatabase, percentile } from "./support.js";

const { values: options } = parseArgs({
  options: {
    annotations: { type: "string", default: "500" },
    words: { type: "string", default: "5000" },
    runs: { type: "string", default: "30" },
    warmup: { type: "string", default: "5" },
  },
});
const annotationCount = Number(options.annotations);
const wordCount = Number(options.words);
const runs = Number(options.runs);
const warmup = Number(options.warmup);

/** A small deterministic generator (mulberry32), so every run builds the same article. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A news-like body of about `words` words: the seed story's paragraphs, numbered and varied so that spans are mostly distinct. */
function buildBody(words: number): string {
  const seed = fs.readFileSync(path.resolve(import.meta.dirname, "../seeds/basra-consulate-2018.txt"), "utf8").split("\n");
  const places = ["Basra", "Baghdad", "Erbil", "Mosul", "Najaf", "Karbala", "Kirkuk", "Tikrit"];
  const paragraphs: string[] = [];
  let total = 0;
  for (let index = 0; total < words; index += 1) {
    const line = (seed[index % seed.length] ?? "").replaceAll("Basra", places[index % places.length] ?? "Basra");
    const paragraph = `(${index + 1}) On day ${index + 1}, ${line}`;
    paragraphs.push(paragraph);
    total += paragraph.split(/\s+/).length;
  }
  return paragraphs.join("\n");
}

/** The edit: a paragraph in near the top, every "the" in three paragraphs made "that", one paragraph out, one paragraph's quotes straightened. */
function editBody(body: string): string {
  const paragraphs = body.split("\n");
  paragraphs.splice(2, 0, "Editor\u2019s note: this story was updated with comment from the embassy and corrected casualty figures.");
  for (const index of [10, 25, 40]) {
    const paragraph = paragraphs[index] ?? "";
    paragraphs[index] = paragraph.replaceAll(" the ", " that ");
  }
  paragraphs.splice(30, 1);
  paragraphs[50] = (paragraphs[50] ?? "").replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
  return paragraphs.join("\n");
}



/** Thrown to roll a timed run back. */
class Rollback extends Error {}

async function main(): Promise<void> {
  const target = await openBenchDatabase("reanchor");
  const { database } = target;
  try {
    const prisma = database.prisma;
    const body = buildBody(wordCount);
    const newBody = editBody(body);
    const author = await prisma.user.create({ data: { name: "bench-reanchor", role: "EDITOR" } });
    const article = await prisma.article.create({
      data: { slug: "bench-reanchor", body, bodyHash: "bench", status: "PUBLISHED", revisions: { create: { number: 1, body } } },
    });
    // Spans of 1 to 8 words at random word starts.
    const next = random(6);
    const wordStarts: number[] = [];
    for (const found of body.matchAll(/\S+/g)) wordStarts.push(found.index);
    const rows = Array.from({ length: annotationCount }, () => {
      const first = Math.floor(next() * (wordStarts.length - 8));
      const last = first + Math.floor(next() * 8);
      const start = wordStarts[first] ?? 0;
      const lastStart = wordStarts[last] ?? start;
      const end = lastStart + (/\S+/.exec(body.slice(lastStart))?.[0].length ?? 1);
      return { targetType: "ARTICLE" as const, articleId: article.id, ...spanOf(body, start, end), anchoredRevision: 1, motivation: "commenting" as const, body: "Check this.", authorId: author.id };
    });
    await prisma.annotation.createMany({ data: rows });
    await prisma.$executeRawUnsafe("ANALYZE");

    const timings: number[] = [];
    // Written inside the transaction callback, read after it.
    const last: { summary: ReanchorSummary | null; statements: number } = { summary: null, statements: 0 };
    for (let run = 0; run < warmup + runs; run += 1) {
      try {
        await prisma.$transaction(
          async (tx) => {
            const { result, statements } = await countStatements(async () => {
              const started = performance.now();
              const done = (await reanchorArticle(tx, article.id, body, newBody, 2)).summary;
              return { done, elapsed: performance.now() - started };
            });
            if (run >= warmup) timings.push(result.elapsed);
            last.summary = result.done;
            last.statements = statements.length;
            throw new Rollback();
          },
          { timeout: 60_000 },
        );
      } catch (error) {
        if (!(error instanceof Rollback)) throw error;
      }
    }
    timings.sort((a, b) => a - b);
    const final = last.summary;
    const report = {
      date: new Date().toISOString(),
      database: target.kind,
      node: process.version,
      cpus: os.cpus().length,
      article: { words: body.split(/\s+/).length, characters: body.length, newCharacters: newBody.length },
      annotations: annotationCount,
      edit: "paragraph inserted near the top, every 'the' changed to 'that' in three paragraphs, a paragraph deleted, one paragraph's quotes straightened",
      runs,
      statementsPerRun: last.statements,
      outcome: final ? { kept: final.kept, moved: final.moved, fuzzy: final.fuzzy, orphaned: final.orphaned, stateChanges: final.changes.length } : null,
      milliseconds: { p50: percentile(timings, 0.5), p95: percentile(timings, 0.95), max: percentile(timings, 1), mean: Number((timings.reduce((a, b) => a + b, 0) / Math.max(1, timings.length)).toFixed(2)) },
    };
    const outDir = path.resolve(import.meta.dirname, "results");
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, `reanchor-${target.kind}.json`), `${JSON.stringify(report, null, 2)}\n`);
    console.log(JSON.stringify(report, null, 2));
  } finally {
    await target.release();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
