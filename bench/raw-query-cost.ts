/**
 * CPU per SQL statement by driver path: Q1's statement (one article by slug) sent through `pg`
 * directly, and through the Prisma client's `$queryRawUnsafe` (the path issue 20 requires for
 * raw SQL) as copydesk builds it (`createPrismaClient`: the pg driver adapter, named statements,
 * the `query` log event), with the adapter alone, and with `errorFormat: "minimal"`. Ten
 * statements in flight, as under the benchmark's ten connections; the paths take turns, five
 * rounds of 4,000 statements after a warm-up, and each round prints the process's CPU time
 * (user + system) per statement.
 *
 *   DATABASE_URL=postgresql://.../copydesk_bench taskset -c 1 node --import tsx bench/raw-query-cost.ts
 *
 * The database: `node dist/cli.js migrate && node dist/cli.js seed && node dist/cli.js
 * generate-corpus` on DATABASE_URL. Results: bench/results/q1-floor.md.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { createPrismaClient, PrismaClient } from "../src/db/client.js";

const url = process.env["DATABASE_URL"];
if (!url) throw new Error("set DATABASE_URL to a database with the generated corpus (see the comment at the top)");
const IN_FLIGHT = 10;
const ROUNDS = 5;
const PER_ROUND = 4000;

const pool = new pg.Pool({ connectionString: url, max: IN_FLIGHT });
const asCopydesk = createPrismaClient(url, { namedStatements: true });
const adapterOnly = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: IN_FLIGHT }) });
const minimalErrors = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: IN_FLIGHT }), errorFormat: "minimal" });

const sql = `SELECT "id", "slug", "headline", "body", "publishedAt", "status"::text AS "status" FROM "Article" WHERE "slug" = $1 AND "deletedAt" IS NULL AND "status"::text = ANY($2::text[])`;
const values = ["talks-on-reconstruction-funding-open-in-kandahar-c1", ["PUBLISHED", "CORRECTED", "RETRACTED"]];

const paths: Record<string, () => Promise<unknown>> = {
  "pg (named statement)": () => pool.query({ name: "q1", text: sql, values }),
  "Prisma as copydesk builds it": () => asCopydesk.$queryRawUnsafe(sql, ...values),
  "Prisma, adapter only": () => adapterOnly.$queryRawUnsafe(sql, ...values),
  "Prisma, errorFormat minimal": () => minimalErrors.$queryRawUnsafe(sql, ...values),
};

/** Sends `count` statements through `send`, IN_FLIGHT at a time. */
async function sendMany(send: () => Promise<unknown>, count: number): Promise<void> {
  let left = count;
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => { while (left-- > 0) await send(); }));
}

for (const send of Object.values(paths)) await sendMany(send, 3000);
const perStatement = new Map<string, number[]>();
for (let round = 0; round < ROUNDS; round += 1) {
  for (const [name, send] of Object.entries(paths)) {
    const before = process.cpuUsage();
    await sendMany(send, PER_ROUND);
    const used = process.cpuUsage(before);
    perStatement.set(name, [...(perStatement.get(name) ?? []), (used.user + used.system) / 1000 / PER_ROUND]);
  }
}
for (const [name, rounds] of perStatement) console.log(`${name.padEnd(30)} ${rounds.map((ms) => ms.toFixed(3)).join("  ")} ms CPU per statement`);
await Promise.all([pool.end(), asCopydesk.$disconnect(), adapterOnly.$disconnect(), minimalErrors.$disconnect()]);
