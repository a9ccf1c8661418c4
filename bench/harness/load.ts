/**
 * The load generator: autocannon, run in the harness process (pinned to core 0), sending a
 * workload's cycle of operations from every connection to one target, recording each response's
 * latency (autocannon's histogram has no p95) and the server's resident memory meanwhile.
 */
import autocannon from "autocannon";
import { MAX_REQUESTS_PER_SOCKET } from "../../src/server/http-app.js";
import { percentile } from "../support.js";
import { cpuMs, residentMiB } from "./processes.js";
import { GRAPHQL_TARGETS, type ArticleLease, type Operation, type TargetName, type TokenKind } from "./workloads.js";

/** Bearer tokens by kind (created with the project's token command). */
export type Tokens = Readonly<Record<Exclude<TokenKind, "none">, string>>;

/** What one timed series measured. */
export interface LoadResult {
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly latencyMs: { readonly p50: number; readonly p95: number; readonly p99: number; readonly max: number };
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  /** Answers of M1 that were not a success (VERSION_CONFLICT and such): each one is a harness bug. */
  readonly failedEdits: number;
  /** The first failed edit's status and answer, to tell why. */
  readonly firstFailedEdit: string | null;
  /**
   * 200 answers of a GraphQL target (copydesk, PostGraphile) that carry GraphQL `errors` (or are
   * not JSON): each is a failure, not a served request, so it is left out of `requestsPerSecond`.
   */
  readonly graphqlErrors: number;
  /** The first such answer, to tell why. */
  readonly firstGraphqlError: string | null;
  readonly statuses: Readonly<Record<string, number>>;
  readonly peakRssMiB: number;
  /** The CPU time (user + system) of `cpuPids` per response, in ms. */
  readonly serverCpuMsPerRequest: number;
}

/** Options of one series. */
export interface LoadOptions {
  readonly url: string;
  readonly target: TargetName;
  readonly cycle: readonly Operation[];
  readonly tokens: Tokens;
  /** M1's articles, with their current versions (at least one per connection). */
  readonly leases: readonly ArticleLease[];
  /** For L0: the path that serves this workload's bytes. */
  readonly l0Path?: string;
  readonly connections: number;
  readonly durationSeconds: number;
  /** The server to sample VmRSS of. */
  readonly serverPid: number;
  /** Every process whose CPU time counts for this target (the server, plus the embedded database's host when that is another process). */
  readonly cpuPids: readonly number[];
  /** Finds the current version of an article whose edit failed, so it can be edited again. */
  readonly recoverLease: (lease: ArticleLease) => Promise<void>;
}

/**
 * The token a target gets for an operation: L0 serves fixed bytes, and the PostGraphile peer has no
 * users (its views apply the anonymous/VIEWER visibility), so both are sent none.
 */
export function tokenFor(target: TargetName, operation: Operation): TokenKind {
  return target === "L0" || target === "PostGraphile" ? "none" : operation.token;
}

/** The request headers of an operation's token. */
export function headersFor(token: TokenKind, tokens: Tokens): Record<string, string> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token !== "none") headers["authorization"] = `Bearer ${tokens[token]}`;
  return headers;
}

/** The version in an M1 answer (copydesk's `data` or L1's body), or null when the edit failed. */
function editedVersion(target: TargetName, body: string): number | null {
  try {
    const parsed = JSON.parse(body) as { data?: { updateArticle?: Edit }; updateArticle?: Edit };
    const edit = target === "copydesk" ? parsed.data?.updateArticle : parsed.updateArticle;
    return edit && edit.errors.length === 0 && edit.article ? edit.article.version : null;
  } catch {
    return null;
  }
}
interface Edit {
  readonly article: { readonly version: number } | null;
  readonly errors: readonly unknown[];
}

/** Whether a 200 answer of a GraphQL target (copydesk, PostGraphile) is a failure: `errors` present, or not a JSON object at all. */
export function carriesGraphqlErrors(body: string): boolean {
  try {
    const parsed = JSON.parse(body) as { errors?: readonly unknown[] } | null;
    return parsed === null || typeof parsed !== "object" || (parsed.errors?.length ?? 0) > 0;
  } catch {
    return true;
  }
}

/** The HTTP request of an operation for a target (its lease for edits). */
export function requestFor(target: TargetName, operation: Operation, lease: ArticleLease | null, l0Path?: string): { method: "GET" | "POST"; path: string; body?: string } {
  if (target === "L0") return { method: "GET", path: l0Path ?? "/" };
  if (target === "L1") {
    const shape = operation.l1(lease);
    if (!shape) throw new Error(`${operation.name} has no L1 counterpart`);
    return shape;
  }
  if (target === "L2") {
    if (!operation.l2) throw new Error(`${operation.name} has no L2 counterpart`);
    return operation.l2(lease);
  }
  if (target === "PostGraphile") {
    if (!operation.postgraphile) throw new Error(`${operation.name} has no PostGraphile counterpart`);
    return { method: "POST", path: "/graphql", body: JSON.stringify(operation.postgraphile()) };
  }
  return { method: "POST", path: "/graphql", body: JSON.stringify(operation.graphql(lease)) };
}

/** Sends the cycle from `connections` connections for `durationSeconds` and measures. */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let failedEdits = 0;
  let firstFailedEdit: string | null = null;
  let graphqlErrors = 0;
  let firstGraphqlError: string | null = null;
  /** Counts a GraphQL target's answer with status 200 and GraphQL errors (refusals with another status are the statuses' business). */
  const checkAnswer = (status: number, body: string): void => {
    if (status !== 200 || !carriesGraphqlErrors(body)) return;
    graphqlErrors += 1;
    firstGraphqlError ??= body.slice(0, 300);
  };
  // Articles not being edited right now. An edit takes one, names the version the last edit of
  // it returned, and gives it back with the new version, so edits never conflict. (autocannon
  // resets a connection's context whenever its cycle starts over, so a connection cannot keep
  // an article of its own; between a request's setup and its response the context holds.)
  const free = [...options.leases];
  const requests: autocannon.Request[] = options.cycle.map((operation) => {
    const headers = headersFor(tokenFor(options.target, operation), options.tokens);
    if (!operation.write || options.target === "L0") {
      // Reads are the same bytes every time: built once, no per-request work in the generator.
      const shape = requestFor(options.target, operation, null, options.l0Path);
      const request: autocannon.Request = { method: shape.method, path: shape.path, headers, ...(shape.body === undefined ? {} : { body: shape.body }) };
      // A GraphQL target's 200 with `errors` must not pass for a served request.
      if (GRAPHQL_TARGETS.has(options.target)) request.onResponse = (status: number, body: string) => checkAnswer(status, body);
      return request;
    }
    return {
      method: "POST",
      path: "/",
      headers,
      setupRequest: (request: autocannon.Request, context: { lease?: ArticleLease }) => {
        // There are five articles per connection; should every one be out (edits failing and
        // their versions being looked up), an edit of a random one is sent and fails as it should.
        const lease = free.pop() ?? options.leases[Math.floor(Math.random() * options.leases.length)];
        if (!lease) throw new Error("no article to edit");
        context.lease = lease;
        const shape = requestFor(options.target, operation, lease);
        return { ...request, method: shape.method, path: shape.path, body: shape.body ?? "" };
      },
      onResponse: (status: number, body: string, context: { lease?: ArticleLease }) => {
        if (GRAPHQL_TARGETS.has(options.target)) checkAnswer(status, body);
        const lease = context.lease;
        if (!lease) return;
        context.lease = undefined;
        const version = status === 200 ? editedVersion(options.target, body) : null;
        if (version === null) {
          // Its version is unknown now: the article comes back once copydesk has told it.
          failedEdits += 1;
          firstFailedEdit ??= `${status} ${body.slice(0, 300)}`;
          void options.recoverLease(lease).then(
            () => free.push(lease),
            () => undefined,
          );
          return;
        }
        lease.version = version;
        lease.edits += 1;
        free.push(lease);
      },
    } as autocannon.Request;
  });

  let peakRssMiB = residentMiB(options.serverPid);
  const cpuOf = () => options.cpuPids.reduce((sum, pid) => sum + cpuMs(pid), 0);
  const cpuBefore = cpuOf();
  const sampler = setInterval(() => {
    peakRssMiB = Math.max(peakRssMiB, residentMiB(options.serverPid));
  }, 200);
  try {
    const result = await new Promise<autocannon.Result>((resolve, reject) => {
      const instance = autocannon(
        // A new connection where copydesk closes one: autocannon does not reconnect on
        // `Connection: close`, and every request after it on that socket got Node's 503.
        { url: options.url, connections: options.connections, duration: options.durationSeconds, requests, timeout: 10, reconnectRate: MAX_REQUESTS_PER_SOCKET },
        (error: unknown, done: autocannon.Result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done)),
      );
      instance.on("response", (_client, statusCode, _bytes, responseTime) => {
        latencies.push(responseTime);
        statuses[String(statusCode)] = (statuses[String(statusCode)] ?? 0) + 1;
      });
    });
    const serverCpuMsPerRequest = Math.round(((cpuOf() - cpuBefore) / Math.max(1, latencies.length)) * 100) / 100;
    latencies.sort((a, b) => a - b);
    return {
      requests: latencies.length,
      requestsPerSecond: Math.round((latencies.length - graphqlErrors) / options.durationSeconds),
      latencyMs: { p50: percentile(latencies, 0.5), p95: percentile(latencies, 0.95), p99: percentile(latencies, 0.99), max: percentile(latencies, 1) },
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      failedEdits,
      firstFailedEdit,
      graphqlErrors,
      firstGraphqlError,
      statuses,
      peakRssMiB,
      serverCpuMsPerRequest,
    };
  } finally {
    clearInterval(sampler);
  }
}
