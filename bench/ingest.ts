/**
 * Ingest throughput (issue 5): 1,000 generated wire stories (template sentences with varied
 * people, titles, places, incidents and quotes), timed three times: the extraction alone (pure
 * CPU); ingestArticle one story after the other into a fresh database (a new database on the
 * DATABASE_URL server, else an in-memory embedded PGlite), extraction included, as the CLI runs;
 * and the same stories into a second fresh database with their extraction done beforehand
 * ("writes only": geocoding, resolution and the transaction), which is the database's share.
 * Each pass first ingests `--warmup` other stories (100) untimed, and the extraction pass first
 * extracts them: the figures are of a process past its JIT warm-up, as the HTTP workloads of
 * `npm run bench` are timed after theirs (over 200 stories the warm-up was a third of the time).
 *
 *   npm run bench:ingest                          # embedded PGlite
 *   DATABASE_URL=postgresql://... npm run bench:ingest
 *   npm run bench:ingest -- --stories 1000 --seed 1 --warmup 100
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
import type { Extraction } from "../src/extraction/types.js";
import { ingestArticle, ingestArticleWith, type Extractor } from "../src/domain/ingest/ingest.js";
import { reviewableCount } from "../src/domain/ingest/store.js";
import { openBenchDatabase, percentile } from "./support.js";

const { values: options } = parseArgs({
  options: {
    /** Where to write the results (default: bench/results/<name>-<database>.json, the committed full run). */
    out: { type: "string" },
    stories: { type: "string", default: "1000" },
    /** Stories ingested before each timed pass, untimed, so that the figures are of a warmed-up process (as the HTTP workloads are timed after their warm-up). */
    warmup: { type: "string", default: "100" },
    seed: { type: "string", default: "1" },
  },
});
const storyCount = Number(options.stories);
const warmupCount = Number(options.warmup);
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

/** One timed pass of ingest over `stories` into a fresh database. */
interface IngestPass {
  readonly seconds: number;
  /** CPU time of this process (user + system) over the pass. */
  readonly nodeCpuSeconds: number;
  /** CPU time of the PostgreSQL backends serving the pass's database (null on the embedded database). */
  readonly postgresCpuSeconds: number | null;
  readonly latencies: number[];
  readonly suggestions: number;
  readonly namedPeople: number;
  readonly incidents: number;
}

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

/** Clock ticks per second of /proc/<pid>/stat's CPU times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

/**
 * CPU seconds so far of each PostgreSQL backend connected to the bench database, by pid. On a
 * shared machine the wall clock includes waiting for a core; CPU time does not, so it is the
 * steadier figure to compare two builds by.
 */
async function backendCpu(bench: Awaited<ReturnType<typeof openBenchDatabase>>): Promise<Map<number, number>> {
  const rows = await bench.database.prisma.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`;
  const cpu = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      cpu.set(pid, (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND);
    } catch {
      // A PostgreSQL server on another machine (or gone meanwhile): no CPU figure for it.
    }
  }
  return cpu;
}

/** Ingests `warmup` untimed, then `stories` one after the other with `command`, into a fresh database, timing each of `stories`. */
async function ingestPass(warmup: readonly Story[], stories: readonly Story[], command: typeof ingestArticle, label: string): Promise<IngestPass> {
  const bench = await openBenchDatabase(label);
  try {
    const session = { prisma: bench.database.prisma, viewer: { role: "ADMIN" as const, userId: null, tokenId: null }, requestId: "bench-ingest", live: null };
    const latencies: number[] = [];
    let suggestions = 0;
    // The pool's connections, opened before timing so that every backend is counted from the start.
    await Promise.all(Array.from({ length: 4 }, () => bench.database.prisma.$queryRaw`SELECT 1`));
    for (const item of warmup) await command(session, { text: item.text, publishedAt: new Date(`${item.publishedAt}T00:00:00Z`) });
    const postgresBefore = bench.kind === "postgres" ? await backendCpu(bench) : null;
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    for (const item of stories) {
      const storyStarted = performance.now();
      const result = await command(session, { text: item.text, publishedAt: new Date(`${item.publishedAt}T00:00:00Z`) });
      latencies.push(performance.now() - storyStarted);
      suggestions += reviewableCount(result.counts);
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const postgresAfter = postgresBefore ? await backendCpu(bench) : null;
    const postgresCpuSeconds = postgresBefore && postgresAfter ? [...postgresAfter].reduce((sum, [pid, seconds]) => sum + seconds - (postgresBefore.get(pid) ?? 0), 0) : null;
    const namedPeople = await bench.database.prisma.person.count({ where: { kind: "NAMED" } });
    const incidents = await bench.database.prisma.incident.count();
    return { seconds, nodeCpuSeconds: (cpu.user + cpu.system) / 1e6, postgresCpuSeconds, latencies, suggestions, namedPeople, incidents };
  } finally {
    await bench.release();
  }
}

/** A pass's numbers for the JSON. */
function summarize(pass: IngestPass) {
  const sorted = [...pass.latencies].sort((a, b) => a - b);
  return {
    seconds: round(pass.seconds),
    storiesPerSecond: round(storyCount / pass.seconds),
    msPerStory: { p50: round(percentile(sorted, 0.5)), p95: round(percentile(sorted, 0.95)), max: round(sorted.at(-1) ?? 0) },
    /** CPU milliseconds per story: this process, and the PostgreSQL backends (null on the embedded database). */
    cpuMsPerStory: { node: round((pass.nodeCpuSeconds * 1000) / storyCount), postgres: pass.postgresCpuSeconds === null ? null : round((pass.postgresCpuSeconds * 1000) / storyCount) },
    suggestions: pass.suggestions,
    namedPeople: pass.namedPeople,
    incidents: pass.incidents,
  };
}

async function main(): Promise<void> {
  const next = random(seed);
  const stories = Array.from({ length: storyCount }, (_, index) => story(next, index));
  // Other stories (numbered after the timed ones, so no text repeats) for the warm-up.
  const warmup = Array.from({ length: warmupCount }, (_, index) => story(next, storyCount + index));

  // Extraction alone; its results are kept for the writes-only pass.
  const extracted = new Map<string, Extraction>();
  for (const item of warmup) extracted.set(item.text, extractArticle(item.text, { publishedAt: item.publishedAt }));
  const extractStarted = performance.now();
  let quotes = 0;
  for (const item of stories) {
    const extraction = extractArticle(item.text, { publishedAt: item.publishedAt });
    extracted.set(item.text, extraction);
    quotes += extraction.quotes.length;
  }
  const extractSeconds = (performance.now() - extractStarted) / 1000;

  // Ingest as the CLI runs it: extraction, resolution and the writes, one story after the other.
  const ingest = summarize(await ingestPass(warmup, stories, ingestArticle, "ingest"));
  // The same without the extraction's CPU: the database's share (and geocoding, resolution).
  const precomputed: Extractor = (text) => {
    const extraction = extracted.get(text);
    if (!extraction) throw new Error("A story the extraction pass did not see.");
    return extraction;
  };
  const writes = summarize(await ingestPass(warmup, stories, ingestArticleWith(precomputed), "ingest_writes"));
  const result = {
    database: process.env["DATABASE_URL"] ? "postgres" : "embedded",
    stories: storyCount,
    warmupStories: warmupCount,
    seed,
    extraction: { seconds: round(extractSeconds), storiesPerSecond: round(storyCount / extractSeconds), quotesFound: quotes },
    ingest,
    writes,
    machine: { cpus: os.cpus().length, node: process.version, loadAverage: os.loadavg().map(round) },
    measuredAt: new Date().toISOString(),
  };
  const file = options.out ? path.resolve(options.out) : path.resolve(import.meta.dirname, "results", `ingest-${result.database}.json`);
  fs.writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(
    `Extraction: ${result.extraction.storiesPerSecond} stories/s (${storyCount} in ${result.extraction.seconds} s, ${quotes} quotes). ` +
      `Ingest on ${result.database}: ${ingest.storiesPerSecond} stories/s (p50 ${ingest.msPerStory.p50} ms, p95 ${ingest.msPerStory.p95} ms; ` +
      `${ingest.suggestions} suggestions, ${ingest.namedPeople} named people, ${ingest.incidents} incidents). ` +
      `Writes only (extraction done beforehand): ${writes.storiesPerSecond} stories/s (p50 ${writes.msPerStory.p50} ms, p95 ${writes.msPerStory.p95} ms; ${writes.suggestions} suggestions; ` +
      `CPU per story: node ${writes.cpuMsPerStory.node} ms, PostgreSQL ${writes.cpuMsPerStory.postgres ?? "–"} ms). ` +
      `Load average ${result.machine.loadAverage.join(" / ")}. Written to ${path.relative(process.cwd(), file)}.\n`,
  );
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

await main();
