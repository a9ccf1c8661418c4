/**
 * Ingest throughput (issue 5): 1,000 generated wire stories (template sentences with varied
 * people, titles, places, incidents and quotes), timed twice: the extraction alone (pure CPU),
 * then ingestArticle one story after the other into a fresh database (a new database on the
 * DATABASE_URL server, else an in-memory embedded PGlite), extraction included, as the CLI runs.
 *
 *   npm run bench:ingest                          # embedded PGlite
 *   DATABASE_URL=postgresql://... npm run bench:ingest
 *   npm run bench:ingest -- --stories 1000 --seed 1
 *   npm run bench:ingest -- --stories 300 --out /tmp/ingest.json   # elsewhere than the committed results
 *
 * Results go to bench/results/ingest-<embedded|postgres>.json.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { extractArticle } from "../src/extraction/index.js";
import { ingestArticle } from "../src/domain/ingest/ingest.js";
import { reviewableCount } from "../src/domain/ingest/store.js";
import { openBenchDatabase, percentile } from "./support.js";

const { values: options } = parseArgs({
  options: {
    /** Where to write the results (default: bench/results/<name>-<database>.json, the committed full run). */
    out: { type: "string" },
    stories: { type: "string", default: "1000" },
    seed: { type: "string", default: "1" },
  },
});
const storyCount = Number(options.stories);
const seed = Number(options.seed);

/** A small deterministic generator (mulberry32), so every run ingests the same stories. */
function random(state: number): () => number {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ["Maria", "John", "Aisha", "Pedro", "Li", "Fatima", "James", "Olga", "Samuel", "Nadia", "Kenji", "Grace", "Omar", "Elena", "David", "Amara"];
const LAST = ["Okafor", "Hansen", "Rahman", "Silva", "Novak", "Haddad", "Kim", "Moreau", "Petrov", "Mensah", "Garcia", "Ito", "Kowalski", "Nguyen", "Brennan", "Duarte"];
const TITLES = ["Interior Minister", "Police Chief", "Health Minister", "Governor", "Foreign Minister", "army spokesman", "Mayor", "Defense Secretary"];
const PLACES = ["Basra", "Mosul", "Kabul", "Aleppo", "Tripoli", "Mogadishu", "Kandahar", "Benghazi", "Sanaa", "Erbil", "Juba", "Goma"];
const ORGS = ["the Interior Ministry", "the United Nations", "the Red Cross", "the Health Ministry", "local officials"];
const EVENTS = [
  ["A car bomb exploded", "near a busy market"],
  ["Gunmen attacked", "a police checkpoint"],
  ["Protesters clashed with security forces", "outside the provincial council"],
  ["Rockets struck", "the airport"],
  ["A suicide bomber attacked", "a wedding party"],
];
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const QUOTES = [
  "We will find those responsible and bring them to justice",
  "The situation is under control",
  "This was a cowardly attack on innocent people",
  "Our hospitals are overwhelmed",
  "We call on all sides to show restraint",
  "The investigation has only just begun",
];

interface Story {
  readonly text: string;
  readonly publishedAt: string;
}

/** One generated story: a dateline, a titled speaker with a quote and its surname later, an incident with casualties, an attribution and an unnamed source. */
function story(next: () => number, index: number): Story {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const name = `${pick(FIRST)} ${pick(LAST)}`;
  const surname = name.split(" ")[1] as string;
  const place = pick(PLACES);
  const [event, target] = pick(EVENTS) as [string, string];
  const day = pick(DAYS);
  const killed = 2 + Math.floor(next() * 40);
  const injured = killed + Math.floor(next() * 100);
  const month = 1 + Math.floor(next() * 12);
  const date = `2019-${String(month).padStart(2, "0")}-${String(1 + Math.floor(next() * 28)).padStart(2, "0")}`;
  const text = [
    `${place.toUpperCase()} (Wire) — ${event} ${target} in ${place} on ${day}, killing at least ${killed} people and wounding ${injured} others, officials said. (Story ${index + 1}.)`,
    `“${pick(QUOTES)},” ${pick(TITLES)} ${name} said in a statement.`,
    `According to ${pick(ORGS)}, the death toll could rise. “${pick(QUOTES)},” ${surname} told reporters later.`,
    `“${pick(QUOTES)},” a senior security official said, speaking on condition of anonymity.`,
  ].join("\n\n");
  return { text, publishedAt: date };
}

async function main(): Promise<void> {
  const next = random(seed);
  const stories = Array.from({ length: storyCount }, (_, index) => story(next, index));

  // Extraction alone.
  const extractStarted = performance.now();
  let quotes = 0;
  for (const item of stories) quotes += extractArticle(item.text, { publishedAt: item.publishedAt }).quotes.length;
  const extractSeconds = (performance.now() - extractStarted) / 1000;

  // Ingest: extraction, resolution and the writes, one story after the other.
  const bench = await openBenchDatabase("ingest");
  const latencies: number[] = [];
  let suggestions = 0;
  const ingestStarted = performance.now();
  try {
    const session = { prisma: bench.database.prisma, viewer: { role: "ADMIN" as const, userId: null, tokenId: null }, requestId: "bench-ingest", live: null };
    for (const item of stories) {
      const started = performance.now();
      const result = await ingestArticle(session, { text: item.text, publishedAt: new Date(`${item.publishedAt}T00:00:00Z`) });
      latencies.push(performance.now() - started);
      suggestions += reviewableCount(result.counts);
    }
    const ingestSeconds = (performance.now() - ingestStarted) / 1000;
    const people = await bench.database.prisma.person.count({ where: { kind: "NAMED" } });
    const incidents = await bench.database.prisma.incident.count();
    const sorted = [...latencies].sort((a, b) => a - b);
    const result = {
      database: bench.kind,
      stories: storyCount,
      seed,
      extraction: { seconds: round(extractSeconds), storiesPerSecond: round(storyCount / extractSeconds), quotesFound: quotes },
      ingest: {
        seconds: round(ingestSeconds),
        storiesPerSecond: round(storyCount / ingestSeconds),
        msPerStory: { p50: round(percentile(sorted, 0.5)), p95: round(percentile(sorted, 0.95)), max: round(sorted.at(-1) ?? 0) },
        suggestions,
        namedPeople: people,
        incidents,
      },
      machine: { cpus: os.cpus().length, node: process.version },
      measuredAt: new Date().toISOString(),
    };
    const file = options.out ? path.resolve(options.out) : path.resolve(import.meta.dirname, "results", `ingest-${bench.kind}.json`);
    fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(
      `Extraction: ${result.extraction.storiesPerSecond} stories/s (${storyCount} in ${result.extraction.seconds} s, ${quotes} quotes). ` +
        `Ingest on ${bench.kind}: ${result.ingest.storiesPerSecond} stories/s (p50 ${result.ingest.msPerStory.p50} ms, p95 ${result.ingest.msPerStory.p95} ms; ` +
        `${suggestions} suggestions, ${people} named people, ${incidents} incidents). Written to ${path.relative(process.cwd(), file)}.\n`,
    );
  } finally {
    await bench.release();
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

await main();
