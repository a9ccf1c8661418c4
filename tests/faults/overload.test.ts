import { execFile } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "../../src/db/index.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import type { LoadPlan, LoadReport } from "./load-generator.js";
import { post, startLoggedServer, tokenFor, type LoggedServer, type RawResponse } from "../security/support.js";

const CREATE = `mutation Create($input: CreateArticleInput!) { createArticle(input: $input) { article { id slug } errors { code field } } }`;
type CreatePayload = { createArticle: { article: { id: string; slug: string } | null; errors: { code: string }[] } | null };
/**
 * How long a condition may take to come true before the test gives up: a bound against hanging,
 * far above what any machine needs, never a speed requirement.
 */
const CONDITION = { timeout: 60_000, interval: 50 } as const;

/**
 * The server's database with every token lookup held at a gate the test opens: a request is then
 * surely in flight (past the bound's check, waiting on its authentication) for as long as the test
 * wants, whatever the machine's speed. The token lookup is each request's first statement and no
 * transaction is open while it waits, so on the embedded database (one connection) every held
 * request reaches the gate.
 */
interface GatedDatabase {
  readonly database: TestDatabase;
  /** Resolves once `count` token lookups are waiting at the gate. */
  waiting(count: number): Promise<void>;
  /** Lets every held lookup, and every later one, through. */
  open(): void;
}

function gateTokenLookups(db: TestDatabase): GatedDatabase {
  let opened!: () => void;
  const gate = new Promise<void>((resolve) => {
    opened = resolve;
  });
  let held = 0;
  const watchers: { count: number; resolve: () => void }[] = [];
  const prisma = db.prisma.$extends({
    query: {
      apiToken: {
        async findUnique({ args, query }) {
          held += 1;
          for (const watcher of watchers.filter((candidate) => candidate.count <= held)) watcher.resolve();
          await gate;
          return query(args);
        },
      },
    },
  }) as unknown as PrismaClient;
  return {
    database: { ...db, prisma },
    waiting: (count) => (held >= count ? Promise.resolve() : new Promise((resolve) => watchers.push({ count, resolve }))),
    open: () => opened(),
  };
}

describe("overload: a bound on concurrent GraphQL requests", () => {
  let db: TestDatabase;
  let editor: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    editor = await tokenFor(db, "EDITOR");
  });
  afterAll(async () => {
    await db?.close();
  });

  it("answers 503 OVERLOADED with Retry-After beyond the bound while the admitted requests are still held, and loses nothing it accepted (5x load)", async () => {
    const gated = gateTokenLookups(db);
    // No token cache: each admitted request must look its token up, and so waits at the gate.
    const server = await startLoggedServer(gated.database, { MAX_CONCURRENT_REQUESTS: "2", TOKEN_CACHE_TTL_MS: "0" });
    try {
      const articlesBefore = await db.prisma.article.count();
      const auditBefore = await db.prisma.auditEvent.count();
      const slugs = Array.from({ length: 10 }, (_, i) => `load-${i}`);
      const answered: { slug: string; response: RawResponse<CreatePayload> }[] = [];
      let eightAnswered!: () => void;
      const firstEight = new Promise<void>((resolve) => {
        eightAnswered = resolve;
      });
      const all = slugs.map(async (slug) => {
        const response = await post<CreatePayload>(server.baseUrl, CREATE, { input: { slug, body: `Body of ${slug}.` } }, { token: editor });
        answered.push({ slug, response });
        if (answered.length === 8) eightAnswered();
        return { slug, response };
      });

      // Two requests fill the bound and wait at the shut gate, so no slot can free: the first
      // eight answers are the other eight requests, refused at once rather than queued.
      await gated.waiting(2);
      await firstEight;
      const refused = answered.slice(0, 8);
      for (const { response } of refused) {
        expect(response.status).toBe(503);
        expect(response.headers.get("retry-after")).toBe("1");
        expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: "OVERLOADED", retryable: true, retryAfterSeconds: 1, requestId: response.requestId });
      }
      expect(server.logs.filter((line) => line["msg"] === "graphql request refused: too many requests in flight")).toHaveLength(8);

      // Open the gate: the two admitted requests finish, each with its article.
      gated.open();
      const results = await Promise.all(all);
      const accepted = results.filter(({ slug }) => !refused.some((entry) => entry.slug === slug));
      expect(accepted).toHaveLength(2);
      for (const { response, slug } of accepted) {
        expect(response.status).toBe(200);
        expect(response.body.errors).toBeUndefined();
        expect(response.body.data?.createArticle?.article?.slug).toBe(slug);
      }

      // Exactly the acknowledged articles exist, each with its revision and its one audit event.
      const stored = await db.prisma.article.findMany({ where: { slug: { in: slugs } }, include: { revisions: true } });
      expect(stored.map((article) => article.slug).sort()).toEqual(accepted.map((result) => result.slug).sort());
      for (const article of stored) expect(article.revisions).toHaveLength(1);
      expect(await db.prisma.article.count()).toBe(articlesBefore + 2);
      expect(await db.prisma.auditEvent.count()).toBe(auditBefore + 2);

      // The bound was released as the requests finished: the server takes work again.
      const after = await post<CreatePayload>(server.baseUrl, CREATE, { input: { slug: "after-the-load", body: "Calm again." } }, { token: editor });
      expect(after.status).toBe(200);
      expect(after.body.data?.createArticle?.article?.slug).toBe("after-the-load");
    } finally {
      gated.open();
      await server.close();
    }
  });

  it("answers 503 REQUEST_TIMEOUT past the per-request limit, while the abandoned work still counts against the bound", async () => {
    const gated = gateTokenLookups(db);
    const limited = await startLoggedServer(gated.database, { REQUEST_TIMEOUT_MS: "300", MAX_CONCURRENT_REQUESTS: "1", TOKEN_CACHE_TTL_MS: "0" });
    try {
      // The request waits at the shut gate: its answer is given up after 300 ms, its work is not.
      const slow = await post<CreatePayload>(limited.baseUrl, CREATE, { input: { slug: "abandoned", body: "Held at the gate." } }, { token: editor });
      expect(slow.status).toBe(503);
      expect(slow.body.errors?.[0]?.extensions).toMatchObject({ code: "REQUEST_TIMEOUT", retryable: true, requestId: slow.requestId });
      expect(slow.body.errors?.[0]?.message).toMatch(/may still have been applied/);
      expect(limited.logs.some((line) => line["msg"] === "graphql request timed out: answer abandoned" && line["reqId"] === slow.requestId)).toBe(true);

      // The abandoned request still holds the only slot, so the next one is refused.
      const meanwhile = await post(limited.baseUrl, `{ articles(first: 1) { totalCount } }`, {}, { token: editor });
      expect(meanwhile.status).toBe(503);
      expect(meanwhile.body.errors?.[0]?.extensions?.["code"]).toBe("OVERLOADED");
      expect(await db.prisma.article.count({ where: { slug: "abandoned" } })).toBe(0);

      // The work was not cancelled: once the gate opens it stores the article and frees the slot.
      gated.open();
      await vi.waitFor(async () => expect(await db.prisma.article.count({ where: { slug: "abandoned" } })).toBe(1), CONDITION);
      await vi.waitFor(async () => expect((await post(limited.baseUrl, `{ articles(first: 1) { totalCount } }`, {}, { token: editor })).status).toBe(200), CONDITION);
      expect(await db.prisma.auditEvent.count({ where: { action: "article.create", targetId: (await db.prisma.article.findUniqueOrThrow({ where: { slug: "abandoned" } })).id } })).toBe(1);
    } finally {
      gated.open();
      await limited.close();
    }
  });
});

describe("overload: the event-loop bound", () => {
  let db: TestDatabase;
  let server: LoggedServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    // 200 ms: well under the 400 ms slices of busy work below.
    server = await startLoggedServer(db, { MAX_EVENT_LOOP_DELAY_MS: "200" });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  // Every step waits for a condition, never for a time: a slower machine only lags more (the
  // refusal comes sooner) and takes longer to calm down (the waits last longer).
  it("refuses GraphQL with 503 OVERLOADED while the event loop stays busy, keeps /healthz up, and recovers", async () => {
    const query = `{ articles(first: 1) { totalCount } }`;
    await vi.waitFor(async () => expect((await post(server.baseUrl, query)).status).toBe(200), CONDITION);
    // The server runs in this process: keep its event loop busy in 400 ms slices, as CPU-bound
    // work piling up would. under-pressure compares the MEAN delay of a one-second sample with
    // the bound, so one long block barely moves it; sustained lag does.
    const busyFor = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until) {
        // busy
      }
    };
    const hog = setInterval(() => busyFor(400), 0);
    let refused: Awaited<ReturnType<typeof post>>;
    try {
      do refused = await post(server.baseUrl, query);
      while (refused.status === 200);
    } finally {
      clearInterval(hog);
    }
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("1");
    expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: "OVERLOADED", retryable: true });
    expect(server.logs.some((line) => line["msg"] === "graphql request refused: server under pressure")).toBe(true);
    expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);

    // Nothing blocks any more: the server answers again once its next samples are calm.
    await vi.waitFor(async () => expect((await post(server.baseUrl, query)).status).toBe(200), CONDITION);
  }, 120_000);
});

/**
 * `npm test` runs the load case in a reduced form whose size is a number of requests, not a
 * number of seconds, and checks only what holds on any machine: every request answered with a
 * success or a well-formed refusal, exactly the acknowledged articles stored, the server answering
 * again afterwards. `npm run test:faults` sets FAULTS_FULL=1 and runs it for long enough to see a
 * steady state, and only there checks the figures that depend on the machine being quiet: that
 * the excess was refused, refused within a second, and that the server kept serving a good part of
 * its capacity.
 */
const FULL_LOAD = process.env["FAULTS_FULL"] === "1";
const LOAD_SECONDS = { warmUp: 2, capacity: 5, overload: 20 };
/** Requests of each phase of the reduced form. */
const REDUCED_AMOUNT = { warmUp: 20, capacity: 40, overload: 80 };
/**
 * The share of its capacity the server must still serve under the storm of refusals (measured on
 * a quiet machine: 0.55-0.61 on PGlite, where the refusals share the thread with the database,
 * 0.88 on PostgreSQL).
 */
const MIN_SERVED_SHARE = 0.5;
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

  it("keeps serving at capacity, refuses the excess at once with 503, and stores exactly what it acknowledged", { timeout: 600_000 }, async () => {
    const auditBefore = await db.prisma.auditEvent.count();
    const plan = { url: server.baseUrl, token: editor };
    // The reduced form's size is counted in requests; a busy machine only makes it slower.
    const phase = (name: keyof typeof LOAD_SECONDS) =>
      FULL_LOAD ? { durationSeconds: LOAD_SECONDS[name] } : { durationSeconds: LOAD_SECONDS[name], amount: REDUCED_AMOUNT[name], timeoutSeconds: 120 };
    await runLoadGenerator({ ...plan, connections: bound, ...phase("warmUp"), slugPrefix: "load-warm-" });
    // Capacity: as many connections as the bound admits, each sending as fast as it is answered.
    const capacity = await runLoadGenerator({ ...plan, connections: bound, ...phase("capacity"), slugPrefix: "load-capacity-" });
    const capacityRate = FULL_LOAD ? (capacity.byStatus["200"]?.count ?? 0) / LOAD_SECONDS.capacity : capacity.requestsPerSecond;
    expect(capacity.byStatus["200"]?.count ?? 0).toBeGreaterThan(0);

    // Twice the clients the bound admits, each sending its next request as soon as it is answered,
    // refusals included (a client that ignores Retry-After): twice the capacity, offered. (A
    // fixed rate would not do: autocannon sends each second's quota in a burst at its start.)
    const overload = await runLoadGenerator({ ...plan, connections: bound * 2, ...phase("overload"), slugPrefix: "load-over-" });
    const servedRate = FULL_LOAD ? (overload.byStatus["200"]?.count ?? 0) / LOAD_SECONDS.overload : 0;
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
    if (FULL_LOAD) {
      // The excess was refused, and refused at once rather than queued behind the admitted work.
      // (That a refusal never waits for a slot is shown on any machine by the first test above.)
      expect(overload.byStatus["503"]?.count ?? 0).toBeGreaterThan(0);
      expect(overload.byStatus["503"]?.p99 ?? 0).toBeLessThan(1000);
      // No collapse: the server still did useful work at a good part of its capacity.
      expect(servedRate).toBeGreaterThan(MIN_SERVED_SHARE * capacityRate);
    } else {
      // Every one of the counted requests was answered, however long it took.
      for (const [report, amount] of [[capacity, REDUCED_AMOUNT.capacity], [overload, REDUCED_AMOUNT.overload]] as const) {
        expect(report.requests).toBeGreaterThanOrEqual(amount);
      }
    }

    // The server answers again once the load stops.
    await vi.waitFor(async () => expect((await post(server.baseUrl, `{ articles(first: 1) { totalCount } }`, {}, { token: editor })).status).toBe(200), CONDITION);
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
