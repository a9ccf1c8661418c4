import { execFile } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import type { LoadPlan, LoadReport } from "./load-generator.js";
import { post, slowArticleInserts, startLoggedServer, tokenFor, type LoggedServer, type RawResponse } from "../security/support.js";

const CREATE = `mutation Create($input: CreateArticleInput!) { createArticle(input: $input) { article { id slug } errors { code field } } }`;
type CreatePayload = { createArticle: { article: { id: string; slug: string } | null; errors: { code: string }[] } | null };

describe("overload: a bound on concurrent GraphQL requests", () => {
  let db: TestDatabase;
  let server: LoggedServer;
  let editor: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    // Inserting a "slow-" article takes a second, so the admitted requests are still in flight
    // when the others arrive.
    await slowArticleInserts(db, 1);
    editor = await tokenFor(db, "EDITOR");
    server = await startLoggedServer(db, { MAX_CONCURRENT_REQUESTS: "2" });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it("answers 503 OVERLOADED with Retry-After beyond the bound, at once, and loses nothing it accepted (5x load)", async () => {
    const articlesBefore = await db.prisma.article.count();
    const auditBefore = await db.prisma.auditEvent.count();
    const slugs = Array.from({ length: 10 }, (_, i) => `slow-load-${i}`);
    const timed = async (slug: string): Promise<{ slug: string; ms: number; response: RawResponse<CreatePayload> }> => {
      const started = Date.now();
      const response = await post<CreatePayload>(server.baseUrl, CREATE, { input: { slug, body: `Body of ${slug}.` } }, { token: editor });
      return { slug, ms: Date.now() - started, response };
    };
    const results = await Promise.all(slugs.map(timed));

    const accepted = results.filter((result) => result.response.status === 200);
    const refused = results.filter((result) => result.response.status === 503);
    expect(accepted.length + refused.length).toBe(10);
    expect(accepted.length).toBeGreaterThanOrEqual(1);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    for (const { response, ms } of refused) {
      expect(response.headers.get("retry-after")).toBe("1");
      expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: "OVERLOADED", retryable: true, retryAfterSeconds: 1, requestId: response.requestId });
      // Refused immediately, not after waiting in a queue behind the slow ones.
      expect(ms).toBeLessThan(1000);
    }
    for (const { response, slug } of accepted) {
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?.createArticle?.article?.slug).toBe(slug);
    }

    // Exactly the acknowledged articles exist, each with its revision and its one audit event.
    const stored = await db.prisma.article.findMany({ where: { slug: { in: slugs } }, include: { revisions: true } });
    expect(stored.map((article) => article.slug).sort()).toEqual(accepted.map((result) => result.slug).sort());
    for (const article of stored) expect(article.revisions).toHaveLength(1);
    expect(await db.prisma.article.count()).toBe(articlesBefore + accepted.length);
    expect(await db.prisma.auditEvent.count()).toBe(auditBefore + accepted.length);

    // The bound is released as requests finish: the server answers again at once.
    const after = await post<CreatePayload>(server.baseUrl, CREATE, { input: { slug: "after-the-load", body: "Calm again." } }, { token: editor });
    expect(after.status).toBe(200);
    expect(after.body.data?.createArticle?.article?.slug).toBe("after-the-load");
    expect(server.logs.filter((line) => line["msg"] === "graphql request refused: too many requests in flight")).toHaveLength(refused.length);
  }, 30_000);

  it("answers 503 REQUEST_TIMEOUT past the per-request limit, while the abandoned work still counts against the bound", async () => {
    const limited = await startLoggedServer(db, { REQUEST_TIMEOUT_MS: "300", MAX_CONCURRENT_REQUESTS: "1" });
    try {
      const started = Date.now();
      const slow = await post<CreatePayload>(limited.baseUrl, CREATE, { input: { slug: "slow-timeout", body: "Takes a second." } }, { token: editor });
      const elapsed = Date.now() - started;
      expect(slow.status).toBe(503);
      // PGlite runs in this process and pg_sleep blocks its thread, timers included, so only a
      // server database shows the answer coming before the work ends.
      if (db.kind === "server") expect(elapsed).toBeLessThan(900);
      expect(slow.body.errors?.[0]?.extensions).toMatchObject({ code: "REQUEST_TIMEOUT", retryable: true, requestId: slow.requestId });
      expect(slow.body.errors?.[0]?.message).toMatch(/may still have been applied/);

      // The abandoned insert is still running: it holds the only slot, so the next request is refused.
      const meanwhile = await post(limited.baseUrl, `{ articles(first: 1) { totalCount } }`, {}, { token: editor });
      expect(meanwhile.status).toBe(503);
      expect(meanwhile.body.errors?.[0]?.extensions?.["code"]).toBe("OVERLOADED");

      // The work was not cancelled: once it ends the article exists (with its audit event) and the slot is free.
      for (let waited = 0; waited < 5000 && (await db.prisma.article.count({ where: { slug: "slow-timeout" } })) === 0; waited += 100) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(await db.prisma.article.count({ where: { slug: "slow-timeout" } })).toBe(1);
      let after = await post(limited.baseUrl, `{ articles(first: 1) { totalCount } }`, {}, { token: editor });
      for (let tries = 0; after.status !== 200 && tries < 20; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        after = await post(limited.baseUrl, `{ articles(first: 1) { totalCount } }`, {}, { token: editor });
      }
      expect(after.status).toBe(200);
      expect(limited.logs.some((line) => line["msg"] === "graphql request timed out: answer abandoned" && line["reqId"] === slow.requestId)).toBe(true);
    } finally {
      await limited.close();
    }
  }, 30_000);
});

describe("overload: the event-loop bound", () => {
  let db: TestDatabase;
  let server: LoggedServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    // 200 ms: well under the 400 ms slices of busy work below, over the pauses of a busy test machine.
    server = await startLoggedServer(db, { MAX_EVENT_LOOP_DELAY_MS: "200" });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it("refuses GraphQL with 503 OVERLOADED while the event loop stays busy, keeps /healthz up, and recovers", { retry: 1, timeout: 30_000 }, async () => {
    const query = `{ articles(first: 1) { totalCount } }`;
    expect((await post(server.baseUrl, query)).status).toBe(200);
    // The server runs in this process: keep its event loop busy in 400 ms slices, as CPU-bound
    // work piling up would. under-pressure compares the MEAN delay of a one-second sample with
    // the bound, so one long block barely moves it; sustained lag does.
    const busyFor = (ms: number) => {
      const until = Date.now() + ms;
      while (Date.now() < until) {
        // busy
      }
    };
    const hog = setInterval(() => busyFor(400), 0);
    let refused: Awaited<ReturnType<typeof post>>;
    try {
      refused = await post(server.baseUrl, query);
      for (let tries = 0; refused.status !== 503 && tries < 20; tries += 1) refused = await post(server.baseUrl, query);
    } finally {
      clearInterval(hog);
    }
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: "OVERLOADED", retryable: true });
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);
    expect(server.logs.some((line) => line["msg"] === "graphql request refused: server under pressure")).toBe(true);

    // Nothing blocks any more: within a few samples the server answers again.
    let recovered = await post(server.baseUrl, query);
    for (let tries = 0; recovered.status !== 200 && tries < 60; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      recovered = await post(server.baseUrl, query);
    }
    expect(recovered.status).toBe(200);
  });
});

/**
 * `npm test` runs the load case in a reduced form (a few seconds); `npm run test:faults` sets
 * FAULTS_FULL=1 and runs it for long enough to see a steady state.
 */
const FULL_LOAD = process.env["FAULTS_FULL"] === "1";
const LOAD_SECONDS = FULL_LOAD ? { warmUp: 2, capacity: 5, overload: 20 } : { warmUp: 1, capacity: 2, overload: 3 };
/**
 * The share of its capacity the server must still serve under the storm of refusals (measured on
 * a quiet machine: 0.55-0.61 on PGlite, where the refusals share the thread with the database,
 * 0.88 on PostgreSQL). `npm test` runs other files beside this one, so its reduced form asks less.
 */
const MIN_SERVED_SHARE = FULL_LOAD ? 0.5 : 0.3;
const GENERATOR = path.join(import.meta.dirname, "load-generator.ts");
const ROOT = path.resolve(import.meta.dirname, "../..");

/** Runs the load generator in a child process (its own event loop and core) and returns its report. */
function runLoadGenerator(plan: LoadPlan): Promise<LoadReport> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--import", "tsx", GENERATOR, JSON.stringify(plan)], { cwd: ROOT, maxBuffer: 256 * 1024 * 1024, timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`load generator failed: ${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as LoadReport);
    });
  });
}

describe("overload: twice the server's capacity from a load generator", () => {
  const bound = 4;
  let db: TestDatabase;
  let server: LoggedServer;
  let editor: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    editor = await tokenFor(db, "EDITOR");
    server = await startLoggedServer(db, {
      MAX_CONCURRENT_REQUESTS: String(bound),
      // The rate limits are not under test here: the concurrency bound is.
      RATE_LIMIT_PER_TOKEN: "100000000",
      RATE_LIMIT_PER_IP: "100000000",
      LOG_LEVEL: "warn",
    });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it("keeps serving at capacity, refuses the excess at once with 503, and stores exactly what it acknowledged", { timeout: 180_000 }, async () => {
    const auditBefore = await db.prisma.auditEvent.count();
    const plan = { url: server.baseUrl, token: editor };
    await runLoadGenerator({ ...plan, connections: bound, durationSeconds: LOAD_SECONDS.warmUp, slugPrefix: "load-warm-" });
    // Capacity: as many connections as the bound admits, each sending as fast as it is answered.
    const capacity = await runLoadGenerator({ ...plan, connections: bound, durationSeconds: LOAD_SECONDS.capacity, slugPrefix: "load-capacity-" });
    const capacityRate = (capacity.byStatus["200"]?.count ?? 0) / LOAD_SECONDS.capacity;
    expect(capacityRate).toBeGreaterThan(0);

    // Twice the clients the bound admits, each sending its next request as soon as it is answered,
    // refusals included (a client that ignores Retry-After): twice the capacity, offered. (A
    // fixed rate would not do: autocannon sends each second's quota in a burst at its start.)
    const overload = await runLoadGenerator({ ...plan, connections: bound * 2, durationSeconds: LOAD_SECONDS.overload, slugPrefix: "load-over-" });
    const servedRate = (overload.byStatus["200"]?.count ?? 0) / LOAD_SECONDS.overload;
    const summary = {
      mode: FULL_LOAD ? "full" : "reduced",
      database: db.kind,
      bound,
      capacityPerSecond: Math.round(capacityRate),
      answeredPerSecond: overload.requestsPerSecond,
      servedPerSecond: Math.round(servedRate),
      byStatus: overload.byStatus,
      acknowledgedCreates: overload.acknowledged.length,
      refusedCreates: overload.refused.length,
      unresolvedCreates: overload.unresolved.length,
    };
    console.info(`2x overload: ${JSON.stringify(summary)}`);

    // Every request was answered, and only with a success or a well-formed refusal.
    for (const report of [capacity, overload]) {
      expect(report.unexpected).toEqual([]);
      expect(report.errors).toBe(0);
      expect(report.timeouts).toBe(0);
      expect(Object.keys(report.byStatus).filter((status) => status !== "200" && status !== "503")).toEqual([]);
    }
    // The excess was refused, and refused at once rather than queued behind the admitted work.
    expect(overload.byStatus["503"]?.count ?? 0).toBeGreaterThan(0);
    expect(overload.byStatus["503"]?.p99 ?? 0).toBeLessThan(1000);
    // No collapse: the server still did useful work at a good part of its capacity.
    expect(servedRate).toBeGreaterThan(MIN_SERVED_SHARE * capacityRate);

    // The server answers again once the load stops.
    let after = await post(server.baseUrl, `{ articles(first: 1) { totalCount } }`, {}, { token: editor });
    for (let tries = 0; after.status !== 200 && tries < 50; tries += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      after = await post(server.baseUrl, `{ articles(first: 1) { totalCount } }`, {}, { token: editor });
    }
    expect(after.status).toBe(200);
    expect((await fetch(`${server.baseUrl}/readyz`)).status).toBe(200);

    // Every acknowledged article is stored whole, no refused one is, and nothing else appeared.
    const reports = [capacity, overload];
    const acknowledged = new Set(reports.flatMap((report) => report.acknowledged));
    const refused = new Set(reports.flatMap((report) => report.refused));
    const unresolved = new Set(reports.flatMap((report) => report.unresolved));
    const stored = await db.prisma.article.findMany({
      where: { OR: [{ slug: { startsWith: "load-capacity-" } }, { slug: { startsWith: "load-over-" } }] },
      select: { slug: true, _count: { select: { revisions: true } } },
    });
    const storedSlugs = new Set(stored.map((article) => article.slug));
    expect([...acknowledged].filter((slug) => !storedSlugs.has(slug))).toEqual([]);
    expect([...refused].filter((slug) => storedSlugs.has(slug))).toEqual([]);
    // An unresolved one (its connection was cut when the run ended) may or may not have committed.
    expect([...storedSlugs].filter((slug) => !acknowledged.has(slug) && !unresolved.has(slug))).toEqual([]);
    for (const article of stored) expect(article._count.revisions).toBe(1);
    const warmStored = await db.prisma.article.count({ where: { slug: { startsWith: "load-warm-" } } });
    expect(await db.prisma.auditEvent.count()).toBe(auditBefore + warmStored + stored.length);
  });
});
