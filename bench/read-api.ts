/**
 * Read API latency on the generated corpus: starts copydesk's real HTTP server on a fresh
 * database (a new database on the DATABASE_URL server, else an in-memory embedded PGlite),
 * loads the example story and the generated corpus (which ends with ANALYZE), then sends each workload sequentially
 * from one client and records p50/p95/p99 latency and the SQL statements per request.
 *
 *   npm run bench:read                          # embedded PGlite
 *   DATABASE_URL=postgresql://... npm run bench:read
 *   npm run bench:read -- --articles 500 --requests 100
 *
 * Results go to bench/results/read-api-<embedded|postgres>.json. The full load benchmark with
 * baselines (issue 9) builds on this; this script answers "what does one request cost".
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { execute, parse } from "graphql";
import { loadConfig } from "../src/config.js";
import { countStatements } from "../src/db/statements.js";
import { createContext } from "../src/graphql/context.js";
import { buildSchema } from "../src/graphql/schema.js";
import { ANONYMOUS_ACTOR } from "../src/core/actor.js";
import { generateCorpus } from "../src/seed/corpus.js";
import { seedExampleStory } from "../src/seed/example-story.js";
import { buildServer } from "../src/server/index.js";
import { openBenchDatabase, percentile } from "./support.js";

const { values: options } = parseArgs({
  options: {
    articles: { type: "string", default: "2000" },
    requests: { type: "string", default: "300" },
    warmup: { type: "string", default: "30" },
  },
});
const articles = Number(options.articles);
const requests = Number(options.requests);
const warmup = Number(options.warmup);

/** The workloads: the dashboard's nested query and the other documented entry points. */
const WORKLOADS: Record<string, string> = {
  "article(slug) scalars": `{ article(slug: "basra-consulate-2018") { id slug headline displayTitle publishedAt status } }`,
  "nested dashboard, 20 articles": `{ articles(first: 20) { edges { node { slug displayTitle
    quotes(first: 5) { edges { node { text speaker { name } } } }
    incidents { edges { node { type place { name } } } } } } } }`,
  "incidents by type and year, 50": `{ incidents(filter: { type: [attack, armed_clash], from: "2018-01-01", to: "2018-12-31" }, first: 50) {
    totalCount edges { node { type date fatalities { min max } place { name } } } } }`,
  "search, 20 hits": `{ search(query: "dangerous escalation", first: 20) { edges { node { rank snippet item { __typename } } } } }`,
  "quotes unverified this year with speakers, 50": `{ quotes(filter: { verification: [UNVERIFIED], from: "2018-01-01T00:00:00Z", to: "2019-01-01T00:00:00Z" }, first: 50) {
    totalCount edges { node { text speaker { name kind } article { slug } } } } }`,
};



async function main(): Promise<void> {
  const target = await openBenchDatabase("read");
  const { database } = target;
  try {
    await seedExampleStory(database.prisma);
    const generationStart = performance.now();
    const corpus = await generateCorpus(database.prisma, { articles });
    const generationSeconds = (performance.now() - generationStart) / 1000;
    const config = loadConfig({ PORT: "0", LOG_LEVEL: "silent", NODE_ENV: "production" });
    const app = await buildServer({ config, database });
    const baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
    const schema = buildSchema();
    const results: Record<string, { statements: number; p50: number; p95: number; p99: number; bytes: number }> = {};
    try {
      for (const [name, query] of Object.entries(WORKLOADS)) {
        const { result, statements } = await countStatements(async () =>
          execute({ schema, document: parse(query), contextValue: createContext(database.prisma, ANONYMOUS_ACTOR, "bench") }),
        );
        if (result.errors) throw new Error(`${name}: ${result.errors.map((error) => error.message).join("; ")}`);
        const body = JSON.stringify({ query });
        const timings: number[] = [];
        let bytes = 0;
        for (let index = 0; index < warmup + requests; index += 1) {
          const started = performance.now();
          const response = await fetch(`${baseUrl}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body });
          const text = await response.text();
          if (index >= warmup) timings.push(performance.now() - started);
          bytes = text.length;
          if (response.status !== 200) throw new Error(`${name}: HTTP ${response.status} ${text.slice(0, 200)}`);
        }
        timings.sort((a, b) => a - b);
        results[name] = { statements: statements.length, p50: percentile(timings, 0.5), p95: percentile(timings, 0.95), p99: percentile(timings, 0.99), bytes };
      }
    } finally {
      await app.close();
    }
    const report = {
      date: new Date().toISOString(),
      database: target.kind,
      node: process.version,
      cpus: os.cpus().length,
      corpus: corpus.counts,
      generationSeconds: Number(generationSeconds.toFixed(1)),
      requestsPerWorkload: requests,
      client: "one sequential client in the same process (latency, not throughput)",
      results,
    };
    const outDir = path.resolve(import.meta.dirname, "results");
    fs.mkdirSync(outDir, { recursive: true });
    fs.writeFileSync(path.join(outDir, `read-api-${target.kind}.json`), `${JSON.stringify(report, null, 2)}\n`);
    console.log(`corpus ${JSON.stringify(corpus.counts)} generated in ${report.generationSeconds} s on ${target.kind}`);
    console.table(results);
  } finally {
    await target.release();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
