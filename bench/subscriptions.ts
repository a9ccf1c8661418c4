/**
 * Live-update load test: one copydesk instance holds N open subscriptions (default 500, one per
 * WebSocket connection, all on one article, so every mutation fans out to all of them) while a
 * driver sends createAnnotation at a fixed rate (default 50/s for 20 s).
 *
 *   npm run bench:subscriptions                          # embedded PGlite, in-process pub/sub
 *   DATABASE_URL=postgresql://... npm run bench:subscriptions   # PostgreSQL, LISTEN/NOTIFY
 *   npm run bench:subscriptions -- --subscriptions 200 --rate 20 --seconds 10
 *   npm run bench:subscriptions -- --articles 50   # subscriptions and mutations spread over 50 articles
 *
 * The server runs in this process; the 500 clients and the driver run in a child process (this
 * file again, with --clients), so the server's memory and event loop are its own. Delivery
 * latency is measured by the clients from the moment the driver sent the mutation (the body
 * carries the send time) to the moment each subscriber received the event, so it includes the
 * mutation itself and any queue of mutations; `deliveryAfterCommitMs` starts instead from the
 * mutation's HTTP answer (sent after its commit), which isolates the fan-out. Memory per connection is the growth of the server's RSS and heap from before
 * the connections opened to when all subscriptions are open, after a GC, divided by N.
 * Results go to bench/results/subscriptions-<embedded|postgres>.json.
 */
import { fork } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import v8 from "node:v8";
import vm from "node:vm";
import { createClient, type Client } from "graphql-ws";
import WebSocket from "ws";
import { loadConfig } from "../src/config.js";
import { toGlobalId } from "../src/graphql/ids.js";
import { issueToken } from "../src/domain/auth/tokens.js";
import { buildServer } from "../src/server/index.js";
import { openBenchDatabase, percentile } from "./support.js";

const { values: options } = parseArgs({
  options: {
    /** Where to write the results (default: bench/results/<name>-<database>.json, the committed full run). */
    out: { type: "string" },
    subscriptions: { type: "string", default: "500" },
    rate: { type: "string", default: "50" },
    seconds: { type: "string", default: "20" },
    articles: { type: "string", default: "1" },
    clients: { type: "boolean", default: false },
  },
});

/** What the server process tells the client process. */
interface ClientPlan {
  readonly url: string;
  readonly subscriberTokens: readonly string[];
  readonly editorToken: string;
  readonly articleIds: readonly string[];
  readonly subscriptions: number;
  readonly rate: number;
  readonly seconds: number;
}

/** What the client process reports back. */
interface ClientReport {
  readonly deliveryMs: number[];
  /** Per delivery, from the mutation's HTTP answer (after its commit) to receipt; 0 when it came first. */
  readonly afterCommitMs: number[];
  readonly mutationSeconds: number;
  readonly mutationMs: number[];
  readonly mutationsSent: number;
  readonly mutationsFailed: number;
  readonly expectedDeliveries: number;
  readonly received: number;
  readonly connectSeconds: number;
}

type Message = { type: "plan"; plan: ClientPlan } | { type: "opened" } | { type: "go" } | { type: "report"; report: ClientReport };

const SUBSCRIPTION = `subscription($articleId: ID!) { annotationEvents(articleId: $articleId) { sequence kind annotation { id body } } }`;
const CREATE = `mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { annotation { id } errors { code message } } }`;
/** How long after the last mutation the clients wait for the last deliveries. */
const SETTLE_MS = 15_000;

/** Sends a message to the other process and waits until it is handed over (exit would drop it otherwise). */
function send(message: Message): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!process.send) return reject(new Error("not started by the benchmark's server process"));
    process.send(message, (error: Error | null) => (error ? reject(error) : resolve()));
  });
}

function nextMessage(child: NodeJS.Process | import("node:child_process").ChildProcess, type: Message["type"]): Promise<Message> {
  return new Promise((resolve) => {
    const onMessage = (message: Message) => {
      if (message.type !== type) return;
      child.off("message", onMessage);
      resolve(message);
    };
    child.on("message", onMessage);
  });
}

// ---------------------------------------------------------------------------- client process

async function runClients(): Promise<void> {
  const { plan } = (await nextMessage(process, "plan")) as Extract<Message, { type: "plan" }>;
  const deliveryMs: number[] = [];
  // Receipt times by send time (the body carries it), matched with the mutation's answer later.
  const receipts: { sentAt: number; receivedAt: number }[] = [];
  let received = 0;
  const clients: Client[] = [];
  const connectStarted = performance.now();
  await Promise.all(
    Array.from({ length: plan.subscriptions }, async (_, index) => {
      const token = plan.subscriberTokens[index % plan.subscriberTokens.length] as string;
      const client = createClient({ url: plan.url, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0, lazy: false });
      clients.push(client);
      client.subscribe<{ annotationEvents: { annotation: { body: string } | null } }>(
        { query: SUBSCRIPTION, variables: { articleId: plan.articleIds[index % plan.articleIds.length] } },
        {
          next: (result) => {
            const body = result.data?.annotationEvents.annotation?.body ?? "";
            const sentAt = Number(body.split(" ")[1]);
            const receivedAt = performance.timeOrigin + performance.now();
            if (Number.isFinite(sentAt)) {
              deliveryMs.push(receivedAt - sentAt);
              receipts.push({ sentAt, receivedAt });
            }
            received += 1;
          },
          error: (error) => console.error("subscription error", error),
          complete: () => undefined,
        },
      );
    }),
  );
  const connectSeconds = (performance.now() - connectStarted) / 1000;
  await send({ type: "opened" });
  await nextMessage(process, "go");

  const mutationMs: number[] = [];
  const answeredAt = new Map<number, number>();
  let mutationsSent = 0;
  let mutationsFailed = 0;
  const inFlight: Promise<void>[] = [];
  const interval = 1000 / plan.rate;
  const total = plan.rate * plan.seconds;
  const start = performance.now();
  for (let i = 0; i < total; i += 1) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const sentAt = performance.timeOrigin + performance.now();
    mutationsSent += 1;
    inFlight.push(
      fetch(plan.url.replace(/^ws/, "http"), {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${plan.editorToken}` },
        body: JSON.stringify({ query: CREATE, variables: { input: { target: { articleId: plan.articleIds[i % plan.articleIds.length] }, selector: { start: 0, end: 4 }, motivation: "commenting", body: `bench ${sentAt}` } } }),
      })
        .then(async (response) => {
          const json = (await response.json()) as { data?: { createAnnotation?: { annotation: unknown } } };
          if (!json.data?.createAnnotation?.annotation) mutationsFailed += 1;
          const answered = performance.timeOrigin + performance.now();
          answeredAt.set(sentAt, answered);
          mutationMs.push(answered - sentAt);
        })
        .catch(() => {
          mutationsFailed += 1;
        }),
    );
  }
  await Promise.all(inFlight);
  const mutationSeconds = (performance.now() - start) / 1000;
  // Subscriptions and mutations go round the articles alike: each mutation reaches N / articles.
  const expectedDeliveries = Math.round(((mutationsSent - mutationsFailed) * plan.subscriptions) / plan.articleIds.length);
  const settleUntil = performance.now() + SETTLE_MS;
  while (received < expectedDeliveries && performance.now() < settleUntil) await new Promise((resolve) => setTimeout(resolve, 50));
  const afterCommitMs = receipts.map(({ sentAt, receivedAt }) => Math.max(0, receivedAt - (answeredAt.get(sentAt) ?? receivedAt)));
  await send({ type: "report", report: { deliveryMs, afterCommitMs, mutationSeconds, mutationMs, mutationsSent, mutationsFailed, expectedDeliveries, received, connectSeconds } });
  await Promise.all(clients.map((client) => client.dispose()));
  process.disconnect();
}

// ---------------------------------------------------------------------------- server process

/** A full garbage collection, so memory growth is what stays allocated. */
function collectGarbage(): void {
  v8.setFlagsFromString("--expose-gc");
  const gc = vm.runInNewContext("gc") as () => void;
  gc();
  gc();
}

function memory(): { rssMb: number; heapUsedMb: number } {
  collectGarbage();
  const usage = process.memoryUsage();
  return { rssMb: usage.rss / 2 ** 20, heapUsedMb: usage.heapUsed / 2 ** 20 };
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

async function runServer(): Promise<void> {
  const subscriptions = Number(options.subscriptions);
  const rate = Number(options.rate);
  const seconds = Number(options.seconds);
  const articles = Number(options.articles);
  const target = await openBenchDatabase("subscriptions");
  const { database } = target;
  // The configuration decides the pub/sub: DATABASE_URL (LISTEN/NOTIFY) for the server,
  // in-process for the embedded database, as `npm start` would.
  const config = loadConfig({
    ...(target.kind === "postgres" ? { DATABASE_URL: database.url } : {}),
    PORT: "0",
    LOG_LEVEL: "warn",
    NODE_ENV: "production",
    RATE_LIMIT_PER_TOKEN: "1000000",
    RATE_LIMIT_PER_IP: "1000000",
    MAX_EVENT_LOOP_DELAY_MS: "0",
    MAX_CONCURRENT_REQUESTS: "1000",
    // Every bench subscriber connects from 127.0.0.1: lift the per-address bounds meant for floods.
    MAX_CONNECTIONS_PER_ADDRESS: "100000",
    MAX_WEBSOCKETS: "100000",
    MAX_WEBSOCKETS_PER_ADDRESS: "100000",
  });
  const app = await buildServer({ config, database });
  try {
    const baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
    const editor = await issueToken(database.prisma, { userName: "bench-editor", role: "EDITOR", tokenName: "bench" });
    const subscriberTokens = await Promise.all(
      Array.from({ length: 5 }, (_, i) => issueToken(database.prisma, { userName: `bench-reporter-${i}`, role: "REPORTER", tokenName: "bench" }).then((issued) => issued.token)),
    );
    const articleRows = await Promise.all(
      Array.from({ length: articles }, (_, i) =>
        database.prisma.article.create({ data: { slug: `bench-live-${i}`, body: "Body of the live benchmark article.", bodyHash: "bench", status: "DRAFT" } }),
      ),
    );
    const plan: ClientPlan = {
      url: `${baseUrl.replace(/^http/, "ws")}/graphql`,
      subscriberTokens,
      editorToken: editor.token,
      articleIds: articleRows.map((row) => toGlobalId("Article", row.id)),
      subscriptions,
      rate,
      seconds,
    };

    const before = memory();
    const child = fork(process.argv[1] as string, ["--clients"], { stdio: "inherit" });
    child.send({ type: "plan", plan } satisfies Message);
    await nextMessage(child, "opened");
    while (app.live.subscriptions() < subscriptions) await new Promise((resolve) => setTimeout(resolve, 50));
    const open = memory();
    let peakRssMb = open.rssMb;
    const sampler = setInterval(() => {
      peakRssMb = Math.max(peakRssMb, process.memoryUsage().rss / 2 ** 20);
    }, 250);
    const reportPromise = nextMessage(child, "report");
    child.send({ type: "go" } satisfies Message);
    const { report } = (await reportPromise) as Extract<Message, { type: "report" }>;
    clearInterval(sampler);

    const delivery = [...report.deliveryMs].sort((x, y) => x - y);
    const mutation = [...report.mutationMs].sort((x, y) => x - y);
    const afterCommit = [...report.afterCommitMs].sort((x, y) => x - y);
    const results = {
      date: new Date().toISOString(),
      database: target.kind,
      pubsub: app.live.pubsub,
      node: process.version,
      cpus: os.cpus().length,
      setup: `${subscriptions} subscriptions (one per WebSocket connection, ${subscriberTokens.length} REPORTER tokens) to annotationEvents of ${articles} article(s); createAnnotation at ${rate}/s for ${seconds} s from one HTTP client, round the same articles (each mutation reaches ${Math.round(subscriptions / articles)} subscribers); clients in a child process`,
      loadAverage: os.loadavg().map((value) => round(value, 1)),
      connectSeconds: round(report.connectSeconds),
      mutations: {
        sent: report.mutationsSent,
        failed: report.mutationsFailed,
        answeredPerSecond: round(report.mutationsSent / report.mutationSeconds, 1),
        p50Ms: percentile(mutation, 0.5),
        p99Ms: percentile(mutation, 0.99),
      },
      deliveries: { expected: report.expectedDeliveries, received: report.received, perSecond: round(report.received / seconds, 0) },
      deliveryLatencyMs: { p50: percentile(delivery, 0.5), p90: percentile(delivery, 0.9), p99: percentile(delivery, 0.99), max: percentile(delivery, 1) },
      deliveryAfterCommitMs: { p50: percentile(afterCommit, 0.5), p90: percentile(afterCommit, 0.9), p99: percentile(afterCommit, 0.99), max: percentile(afterCommit, 1) },
      memory: {
        beforeConnectionsRssMb: round(before.rssMb, 1),
        withSubscriptionsRssMb: round(open.rssMb, 1),
        peakRssUnderLoadMb: round(peakRssMb, 1),
        rssPerConnectionKb: round(((open.rssMb - before.rssMb) * 1024) / subscriptions, 1),
        heapPerConnectionKb: round(((open.heapUsedMb - before.heapUsedMb) * 1024) / subscriptions, 1),
      },
    };
    const file = options.out ? path.resolve(options.out) : path.resolve(import.meta.dirname, "results", `subscriptions-${target.kind}${articles > 1 ? `-${articles}-articles` : ""}.json`);
    fs.writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(results, null, 2)}\nWritten to ${path.relative(process.cwd(), file)}\n`);
  } finally {
    await app.close();
    await target.release();
  }
}

(options.clients ? runClients() : runServer()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
