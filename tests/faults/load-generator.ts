/**
 * The overload test's load generator, run as a child process (`node --import tsx ...`) so that
 * its work does not share the event loop of the server under test. It drives autocannon against
 * /graphql with a cycle of one `createArticle` (a new slug every time) and one read, and prints
 * one JSON line on stdout: what was answered how, how fast, and which slugs were acknowledged or
 * refused, so that the test can compare them with what the database holds.
 *
 * Usage: load-generator.ts '<LoadPlan as JSON>'
 */
import autocannon from "autocannon";

/**
 * What to send: from `connections` connections, each sending as soon as it is answered, for
 * `durationSeconds`, or until `amount` requests were answered when it is given (a run whose size
 * does not depend on the machine's speed).
 */
export interface LoadPlan {
  readonly url: string;
  readonly token: string;
  readonly connections: number;
  readonly durationSeconds: number;
  readonly amount?: number;
  /** Seconds a request may go unanswered before autocannon counts it as a timeout (default 10). */
  readonly timeoutSeconds?: number;
  /** Every created article's slug starts with it and ends with a running number. */
  readonly slugPrefix: string;
}

/** Latency summary of the responses of one HTTP status, in milliseconds. */
export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export interface LoadReport {
  readonly requests: number;
  readonly requestsPerSecond: number;
  /** Responses by HTTP status, with their latency. */
  readonly byStatus: Record<string, LatencySummary>;
  /** Requests that got no answer at all: socket errors and autocannon's timeouts. */
  readonly errors: number;
  readonly timeouts: number;
  /** Slugs of `createArticle` answered 200 with the article. */
  readonly acknowledged: string[];
  /** Slugs of `createArticle` answered 503 OVERLOADED with Retry-After. */
  readonly refused: string[];
  /** Slugs sent whose answer was neither (cut off by the end of the run, or something unexpected). */
  readonly unresolved: string[];
  /** The first few answers that were neither a success nor a well-formed refusal. */
  readonly unexpected: string[];
}

const CREATE = `mutation LoadCreate($input: CreateArticleInput!) { createArticle(input: $input) { article { slug } errors { code } } }`;
const READ = `query LoadRead { articles(first: 5) { totalCount edges { node { slug headline } } } }`;

interface CreateContext {
  slug?: string;
}

function summarize(latencies: number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (quantile: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(quantile * sorted.length) - 1))] ?? 0;
  return { count: sorted.length, p50: at(0.5), p99: at(0.99), max: at(1) };
}

export async function generateLoad(plan: LoadPlan): Promise<LoadReport> {
  const headers = { "content-type": "application/json", authorization: `Bearer ${plan.token}` };
  const sent = new Set<string>();
  const acknowledged: string[] = [];
  const refused: string[] = [];
  const unexpected: string[] = [];
  const latencies = new Map<number, number[]>();
  let next = 0;

  const noteUnexpected = (status: number, body: string) => {
    if (unexpected.length < 5) unexpected.push(`${status} ${body.slice(0, 300)}`);
  };

  const requests: autocannon.Request[] = [
    {
      method: "POST",
      path: "/graphql",
      headers,
      setupRequest: (request: autocannon.Request, context: CreateContext) => {
        const slug = `${plan.slugPrefix}${next++}`;
        context.slug = slug;
        sent.add(slug);
        return { ...request, body: JSON.stringify({ query: CREATE, variables: { input: { slug, headline: `Load ${slug}`, body: `Body of ${slug}.` } } }) };
      },
      onResponse: (status: number, body: string, context: CreateContext) => {
        const slug = context.slug;
        context.slug = undefined;
        if (!slug) return;
        sent.delete(slug);
        const parsed = JSON.parse(body) as { data?: { createArticle?: { article: { slug: string } | null } | null }; errors?: { extensions?: { code?: string } }[] };
        if (status === 200 && parsed.data?.createArticle?.article?.slug === slug) acknowledged.push(slug);
        else if (status === 503 && parsed.errors?.[0]?.extensions?.code === "OVERLOADED") refused.push(slug);
        else {
          sent.add(slug);
          noteUnexpected(status, body);
        }
      },
    } as autocannon.Request,
    {
      method: "POST",
      path: "/graphql",
      headers,
      body: JSON.stringify({ query: READ }),
      onResponse: (status: number, body: string) => {
        const overloaded = status === 503 && body.includes('"OVERLOADED"');
        if (status !== 200 && !overloaded) noteUnexpected(status, body);
      },
    } as autocannon.Request,
  ];

  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: plan.url,
        connections: plan.connections,
        duration: plan.durationSeconds,
        ...(plan.amount !== undefined ? { amount: plan.amount } : {}),
        requests,
        timeout: plan.timeoutSeconds ?? 10,
      },
      (error: unknown, done: autocannon.Result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done)),
    );
    instance.on("response", (_client, statusCode: number, _bytes: number, responseTime: number) => {
      const list = latencies.get(statusCode) ?? [];
      list.push(responseTime);
      latencies.set(statusCode, list);
    });
  });

  const byStatus: Record<string, LatencySummary> = {};
  let answered = 0;
  for (const [status, list] of latencies) {
    byStatus[String(status)] = summarize(list);
    answered += list.length;
  }
  return {
    requests: answered,
    requestsPerSecond: Math.round(answered / (plan.amount !== undefined ? Math.max(result.duration, 0.001) : plan.durationSeconds)),
    byStatus,
    errors: result.errors,
    timeouts: result.timeouts,
    acknowledged,
    refused,
    unresolved: [...sent],
    unexpected,
  };
}

const [, , planJson] = process.argv;
if (planJson) {
  const report = await generateLoad(JSON.parse(planJson) as LoadPlan);
  process.stdout.write(`${JSON.stringify(report)}\n`);
}
