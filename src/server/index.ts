import { AsyncLocalStorage } from "node:async_hooks";
import type { Server } from "node:http";
import type { Socket } from "node:net";
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { ApolloServer, HeaderMap, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from "@apollo/server/plugin/landingPage/default";
import { fastifyApolloHandler } from "@as-integrations/fastify";
import fastifyRateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyBaseLogger, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { DestinationStream } from "pino";
import type { Config } from "./config.js";
import type { Database } from "./db/index.js";
import { countStatements } from "./db/statements.js";
import { createContext, type GraphQLContext } from "./graphql/context.js";
import { classifyDatabaseError } from "./db/faults.js";
import { EventLoopPressure } from "./event-loop.js";
import { databaseFaultError, ErrorCode, withoutSuggestions } from "./graphql/errors.js";
import { jitExecutionPlugin } from "./graphql/jit.js";
import { nulInputError } from "./graphql/nul-input.js";
import { BODY_LIMIT_BYTES, EXPENSIVE_QUERY_COST, MAX_DOCUMENT_LENGTH, MAX_RESPONSE_CHARACTERS, operationCost, queryLimits } from "./graphql/limits.js";
import { buildSchema } from "./graphql/schema.js";
import { applyTrustedDocument, loadTrustedDocuments, persistedHashMismatch } from "./graphql/trusted-documents.js";
import { attachSubscriptionServer } from "./graphql/websocket.js";
import { TokenCache } from "./domain/auth/token-cache.js";
import { authenticate, AuthenticationError } from "./domain/auth/tokens.js";
import { prefersHtml, registerPlayground } from "./playground/route.js";
import { acceptsOnlyLegacyJson } from "./graphql/http-status.js";
import { createPubSub, LiveHub, type PubSub } from "./pubsub/index.js";

declare module "fastify" {
  interface FastifyInstance {
    /** This instance's live updates, for operators and tests: which pub/sub, and what is open now. */
    readonly live: LiveStatus;
  }
}

/** What an instance's live updates look like right now. */
export interface LiveStatus {
  /** in-process (embedded database) or postgres (LISTEN/NOTIFY). */
  readonly pubsub: PubSub["kind"];
  /** Open WebSocket connections. */
  connections(): number;
  /** Open subscriptions. */
  subscriptions(): number;
}

/** What the HTTP server needs: settings and an open database. */
export interface ServerDependencies {
  readonly config: Config;
  readonly database: Database;
  /** Where the JSON log lines go (stdout when left out); tests read them from here. */
  readonly logStream?: DestinationStream;
  /**
   * The pub/sub of live updates. Left out, the server opens its own for the configured database
   * (LISTEN/NOTIFY with DATABASE_URL, in-process on the embedded one) and closes it with itself;
   * tests pass one to run two instances in one process over an embedded database.
   */
  readonly pubsub?: PubSub;
}

/** What the request log line says about one GraphQL request, filled in as the request goes. */
interface GraphQLRequestTrace {
  operationName: string | null;
  operationType: string | null;
  tokenId: string | null;
  cost: number | null;
  /** True when a compiled query (graphql-jit, src/graphql/jit.ts) gave the answer. */
  compiled: boolean;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;
const READINESS_TIMEOUT_MS = 2000;
/** At shutdown, how long live events already being delivered get before WebSockets close. */
const SUBSCRIPTION_DRAIN_MS = 2000;
/** What an overloaded server asks clients to wait before retrying (HTTP Retry-After, seconds). */
const OVERLOAD_RETRY_AFTER_SECONDS = 1;

/** How long an idle keep-alive connection stays open (node's default; fastify's 72 s held slow clients' sockets). */
const KEEP_ALIVE_TIMEOUT_MS = 5000;
/** Requests one keep-alive connection may carry before the server closes it. */
const MAX_REQUESTS_PER_SOCKET = 1000;
/** The longest a request's headers may take to arrive (within the read timeout). */
const HEADERS_TIMEOUT_MS = 10_000;
/** How often node looks for requests past their header or read timeout. */
const CONNECTIONS_CHECKING_INTERVAL_MS = 1000;

/**
 * Bounds the TCP connections of the HTTP server (WebSockets included, which start as HTTP): at
 * most `maxPerInstance` open at once (node closes the rest as they arrive) and `maxPerAddress`
 * from one client address; past either, the new connection is destroyed at once, so a flood of
 * idle sockets cannot use up the process's file descriptors.
 */
function limitConnections(server: Server, bounds: Config["connections"], log: FastifyBaseLogger): void {
  server.maxConnections = bounds.maxPerInstance;
  const open = new Map<string, number>();
  let refused = 0;
  server.on("connection", (socket: Socket) => {
    const address = socket.remoteAddress ?? "unknown";
    const count = (open.get(address) ?? 0) + 1;
    if (count > bounds.maxPerAddress) {
      // One log line per 1000 refusals: a flood must not flood the log too.
      if (refused++ % 1000 === 0) log.warn({ address, open: count - 1, refused }, "connection refused: too many open connections from one address");
      socket.destroy();
      return;
    }
    open.set(address, count);
    socket.once("close", () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}

/** Error codes whose message is meant for the client; anything else is masked. */
const EXPOSED_CODES: ReadonlySet<string> = new Set([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.FORBIDDEN,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.DATABASE_UNAVAILABLE,
  ErrorCode.DATABASE_TIMEOUT,
  ErrorCode.TRANSACTION_CONFLICT,
  ErrorCode.RATE_LIMITED,
  ErrorCode.BAD_REQUEST,
  ErrorCode.REQUEST_TOO_LARGE,
  ErrorCode.OVERLOADED,
  ErrorCode.REQUEST_TIMEOUT,
  ErrorCode.REPLAY_LIMIT_EXCEEDED,
  ErrorCode.TRUSTED_DOCUMENT_REQUIRED,
  ErrorCode.RESPONSE_TOO_LARGE,
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);

function withTimeout<T>(promise: Promise<T>, ms: number, fallback: T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(fallback), ms);
    void promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      () => {
        clearTimeout(timer);
        resolve(fallback);
      },
    );
  });
}

/** The GraphQL error shape for requests refused before GraphQL runs. */
function errorBody(message: string, code: string, requestId: string): { errors: GraphQLFormattedError[] } {
  return { errors: [{ message, extensions: { code, requestId } }] };
}

/** RATE_LIMITED with the time to wait, in the body and as HTTP 429 Retry-After. */
function rateLimited(retryAfterSeconds: number): GraphQLError {
  const seconds = Math.max(1, retryAfterSeconds);
  return new GraphQLError(`Too many requests: try again in ${seconds} seconds.`, {
    extensions: {
      code: ErrorCode.RATE_LIMITED,
      retryAfterSeconds: seconds,
      http: { status: 429, headers: new HeaderMap([["retry-after", String(seconds)]]) },
    },
  });
}

/** The 503 body of a request refused because the server is at one of its overload bounds. */
function overloaded(requestId: string): { errors: GraphQLFormattedError[] } {
  return {
    errors: [
      {
        message: `The server is busy: try again in ${OVERLOAD_RETRY_AFTER_SECONDS} second.`,
        extensions: { code: ErrorCode.OVERLOADED, retryable: true, retryAfterSeconds: OVERLOAD_RETRY_AFTER_SECONDS, requestId },
      },
    ],
  };
}

/** The 503 body of a request that outlived the per-request time limit (its work may go on). */
function timedOut(requestId: string, limitMs: number): { errors: GraphQLFormattedError[] } {
  return {
    errors: [
      {
        message:
          `The request took longer than ${limitMs} ms and its answer was abandoned. A mutation may still have been applied: ` +
          "read the record before retrying, or retry with the same idempotency key.",
        extensions: { code: ErrorCode.REQUEST_TIMEOUT, retryable: true, requestId },
      },
    ],
  };
}

/** Settles with the promise's value, or with `onTimeout()` when `ms` pass first (0 = never). */
function raceTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  if (ms <= 0) return promise;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(onTimeout()), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** The `query` of a GraphQL request (POST body or GET parameters), when it is a string. */
function documentOf(payload: unknown): string | null {
  if (typeof payload !== "object" || payload === null || !("query" in payload)) return null;
  return typeof payload.query === "string" ? payload.query : null;
}

/** The operationName a request asked for, for the log line of a request that never resolved one. */
function requestedOperationName(body: unknown): string | null {
  if (typeof body !== "object" || body === null || !("operationName" in body)) return null;
  return typeof body.operationName === "string" ? body.operationName.slice(0, 100) : null;
}

/** The fastify request being answered and its log line, for the Apollo hooks that run inside it. */
interface RequestScope {
  readonly request: FastifyRequest;
  readonly trace: GraphQLRequestTrace;
}

// Apollo hooks and formatError see a copy of the GraphQL context, not the fastify request: the
// /graphql route opens this scope around each request so they can find it (and its id).
const requestScope = new AsyncLocalStorage<RequestScope>();

/**
 * Builds the HTTP server: GraphQL (Apollo Server on fastify) at /graphql, /healthz (the process
 * is up), /readyz (the database answers) and the GraphiQL playground (/playground, and /graphql
 * for browsers). Fastify because its hooks give request ids, pino
 * logging and an orderly close, and it carries the graphql-ws WebSocket server on the same port.
 */
export async function buildServer({ config, database, logStream, pubsub: givenPubSub }: ServerDependencies): Promise<FastifyInstance> {
  const production = config.nodeEnv === "production";
  const app = Fastify({
    logger: logStream ? { level: config.logLevel, stream: logStream } : { level: config.logLevel },
    genReqId: (request) => {
      const incoming = request.headers["x-request-id"];
      return typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit: BODY_LIMIT_BYTES,
    // Slow clients: a request's headers and body must arrive within the read timeout (node
    // checks every second here instead of every 30 s, so a trickling client is cut near the
    // bound), an idle keep-alive connection is closed after 5 s, and one connection carries at
    // most 1000 requests. Without these a body trickled at 1 byte per 20 s stayed open 420 s+.
    requestTimeout: config.connections.readTimeoutMs,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    maxRequestsPerSocket: MAX_REQUESTS_PER_SOCKET,
    http: { connectionsCheckingInterval: CONNECTIONS_CHECKING_INTERVAL_MS, headersTimeout: Math.min(HEADERS_TIMEOUT_MS, config.connections.readTimeoutMs) },
  });
  limitConnections(app.server, config.connections, app.log);

  // Fastify answers bodies it cannot read (malformed or empty JSON, too large, a content type
  // other than JSON) before Apollo sees them; give them the GraphQL error shape and a typed code.
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, "unexpected error while handling a request");
      return reply.code(500).send(errorBody("Internal server error. Quote the request id when you report it.", ErrorCode.INTERNAL_SERVER_ERROR, request.id));
    }
    const code = status === 413 ? ErrorCode.REQUEST_TOO_LARGE : ErrorCode.BAD_REQUEST;
    return reply.code(status).send(errorBody(error.message, code, request.id));
  });

  // Overload, part one: when the event loop lags (CPU-bound work piling up), refuse new GraphQL
  // requests at once with 503 rather than queue them; health and readiness still answer. The
  // same signal refuses new WebSocket subscriptions (src/graphql/websocket.ts).
  const pressure = new EventLoopPressure(config.overload.maxEventLoopDelayMs);
  app.addHook("onRequest", async (request, reply) => {
    if (!pressure.underPressure || !request.url.startsWith("/graphql")) return;
    request.log.warn({ pressure: "eventLoopDelay", value: pressure.delay, statusCode: 503 }, "graphql request refused: server under pressure");
    return reply.code(503).header("retry-after", String(OVERLOAD_RETRY_AFTER_SECONDS)).send(overloaded(request.id));
  });

  // Rate limits on mutations and expensive queries, one per token and one per client address,
  // both applied in the Apollo plugin below once the operation is known (fastify's own hook runs
  // before the body is read, when a query cannot be told from a mutation).
  await app.register(fastifyRateLimit, { global: false });
  const timeWindow = config.rateLimit.windowSeconds * 1000;
  const perToken = app.createRateLimit({
    max: config.rateLimit.perToken,
    timeWindow,
    keyGenerator: (request) => `token:${requestScope.getStore()?.trace.tokenId ?? request.ip}`,
  });
  const perIp = app.createRateLimit({ max: config.rateLimit.perIp, timeWindow, keyGenerator: (request) => `ip:${request.ip}` });

  const schema = buildSchema();
  const limits = queryLimits();
  // Trusted-documents mode: only the operations of TRUSTED_DOCUMENTS_FILE run, over HTTP and WebSocket.
  const trusted = config.trustedDocumentsFile ? loadTrustedDocuments(config.trustedDocumentsFile) : null;
  if (trusted) app.log.info({ file: config.trustedDocumentsFile, documents: trusted.size }, "trusted-documents mode: only listed operations run");

  // The playground (src/playground): with PLAYGROUND=graphiql a browser at /graphql gets the
  // self-hosted GraphiQL, so Apollo's own landing page (which loads Apollo Sandbox from Apollo's
  // CDN) is turned off; PLAYGROUND=apollo keeps Apollo's page at /graphql and GraphiQL at /playground.
  const playground = await registerPlayground(app, config.playground);
  const playgroundAtGraphQL = config.playground === "graphiql" ? playground : null;
  const landingPage =
    config.playground !== "apollo"
      ? ApolloServerPluginLandingPageDisabled()
      : production
        ? ApolloServerPluginLandingPageProductionDefault()
        : ApolloServerPluginLandingPageLocalDefault();

  const guard: ApolloServerPlugin<GraphQLContext> = {
    async requestDidStart() {
      return {
        // Apollo answers a document that does not parse or validate, or variables that do not
        // coerce, with 400; to a client that accepts only application/json the GraphQL-over-HTTP
        // spec asks for 200 (the request itself was well-formed; a malformed one never gets here).
        async willSendResponse({ request: graphQLRequest, response }) {
          if (response.http.status === 400 && acceptsOnlyLegacyJson(graphQLRequest.http?.headers.get("accept"))) response.http.status = 200;
        },
        async didResolveOperation({ document, operation, request: graphQLRequest, contextValue }) {
          if (!operation) return;
          const nul = nulInputError(document, graphQLRequest.variables ?? {});
          if (nul) throw nul;
          const entry = requestScope.getStore();
          const cost = operationCost(schema, document, graphQLRequest.variables ?? {});
          if (entry) {
            entry.trace.operationName = operation.name?.value ?? null;
            entry.trace.operationType = operation.operation;
            entry.trace.cost = cost;
          }
          if (!entry || (operation.operation !== "mutation" && cost < EXPENSIVE_QUERY_COST)) return;
          for (const limiter of contextValue.viewer.tokenId ? [perToken, perIp] : [perIp]) {
            const limit = await limiter(entry.request);
            if (!limit.isAllowed && limit.isExceeded) throw rateLimited(limit.ttlInSeconds);
          }
        },
      };
    },
  };

  // One masking of errors for HTTP responses and WebSocket messages: codes meant for the client
  // pass, database faults get their typed code, anything else is logged and masked.
  const maskError = (formatted: GraphQLFormattedError, error: unknown, requestId: string | undefined): GraphQLFormattedError => {
    const code = String(formatted.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
    // Apollo's hideSchemaDetailsFromClientErrors leaves the suggestions of variable-coercion
    // errors ("Field "stauts" is not defined ... Did you mean "status"?"): removed here, for all.
    if (EXPOSED_CODES.has(code)) return production ? { ...formatted, message: withoutSuggestions(formatted.message) } : formatted;
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    // Database faults (lost connection, server restart, timeout, exhausted conflict retries)
    // are the client's business: they get a typed code and whether to retry, still without
    // the driver's message (it can name tables or carry SQL); the log line has the error.
    const fault = classifyDatabaseError(original);
    if (fault) {
      const { message, code: faultCode, retryable } = databaseFaultError(fault);
      app.log.warn({ err: original, path: formatted.path, reqId: requestId, fault }, "database fault while executing a GraphQL operation");
      return {
        message,
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: faultCode, retryable, ...(requestId ? { requestId } : {}) },
      };
    }
    app.log.error({ err: original, path: formatted.path, reqId: requestId }, "unexpected error while executing a GraphQL operation");
    return {
      message: "Internal server error. Quote the request id when you report it.",
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...(requestId ? { requestId } : {}) },
    };
  };

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    logger: app.log,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    // Apollo's cache-control plugin, on by default, computes a cache policy for every field of
    // every response; copydesk declares no @cacheControl hints (answers depend on the viewer's
    // role), so it only cost time: disabled, the nested dashboard query (Q2) served 89-96
    // instead of 74-80 req/s in an A/B run (bench/README.md).
    plugins: [
      guard,
      landingPage,
      ApolloServerPluginCacheControlDisabled(),
      ...(config.jitCompileAfter > 0
        ? [
            jitExecutionPlugin(schema, config.jitCompileAfter, () => {
              const entry = requestScope.getStore();
              if (entry) entry.trace.compiled = true;
            }),
          ]
        : []),
    ],
    // main.ts owns signals: fastify.close() drains in-flight requests, then stops Apollo (onClose).
    stopOnTerminationSignals: false,
    formatError: (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError =>
      maskError(formatted, error, requestScope.getStore()?.request.id),
  });
  await apollo.start();

  // Live updates: every instance publishes its committed audit events and hears everyone's.
  const pubsub = givenPubSub ?? (await createPubSub(config.database, database, app.log));
  const hub = new LiveHub(pubsub, app.log);
  // Live tokens looked up in the last TOKEN_CACHE_TTL_MS are reused; any audited change of a
  // user or their tokens (revoke, role, disable), on any instance, empties the cache.
  const tokenCache = config.tokenCacheTtlMs > 0 ? new TokenCache(config.tokenCacheTtlMs) : null;
  if (tokenCache) {
    hub.observe((event) => {
      if (event.targetType === "User") tokenCache.clear();
    });
  }
  const subscriptions = attachSubscriptionServer({
    server: app.server,
    schema,
    prisma: database.prisma,
    hub,
    production,
    log: app.log,
    formatError: (error, requestId) => maskError(error.toJSON(), error, requestId),
    trusted,
    tokenCache,
    bounds: config.connections,
    pressure,
    countExpensive: async (address, tokenId) => {
      // @fastify/rate-limit's limiters take a request but read only its address (through the key
      // generators above) and its route's rate-limit settings (none here): a WebSocket
      // operation passes those two, so a replay counts in the very buckets HTTP requests do.
      const scoped = { ip: address, routeOptions: { config: {} } } as unknown as FastifyRequest;
      const trace: GraphQLRequestTrace = { operationName: null, operationType: "subscription", tokenId, cost: null, compiled: false };
      return requestScope.run({ request: scoped, trace }, async () => {
        for (const limiter of tokenId ? [perToken, perIp] : [perIp]) {
          const limit = await limiter(scoped);
          if (!limit.isAllowed && limit.isExceeded) return Math.max(1, limit.ttlInSeconds);
        }
        return null;
      });
    },
  });
  const live: LiveStatus = { pubsub: pubsub.kind, connections: () => subscriptions.connections(), subscriptions: () => hub.subscriptions };
  app.decorate("live", live);

  // Shutdown: fastify.close() stops accepting connections and waits for the open ones, but a
  // keep-alive connection stays open after its in-flight request is answered (until fastify's
  // 72 s keep-alive timeout), which held the drain past main.ts's grace period. Every response
  // sent once closing has begun therefore asks the client to close its connection.
  // WebSockets are not requests fastify waits for: once /readyz is red (the load balancer stops
  // sending new clients), events already being delivered are sent and every socket is closed
  // with 1001, so its client reconnects elsewhere and resumes with lastEventId.
  let closing = false;
  app.addHook("preClose", async () => {
    closing = true;
    await subscriptions.close(SUBSCRIPTION_DRAIN_MS);
  });
  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
    if (closing) reply.header("connection", "close");
  });

  const handler = fastifyApolloHandler<GraphQLContext>(apollo, {
    context: async (request) => {
      try {
        const viewer = await authenticate(database.prisma, request.headers.authorization, { production, cache: tokenCache });
        const scope = requestScope.getStore();
        if (scope) scope.trace.tokenId = viewer.tokenId;
        return createContext(database.prisma, viewer, request.id, hub);
      } catch (error) {
        const fault = classifyDatabaseError(error);
        if (fault) {
          // The token lookup could not reach the database: the whole request is unavailable
          // (HTTP 503), not unauthenticated.
          const { message, code, retryable } = databaseFaultError(fault);
          throw new GraphQLError(message, {
            originalError: error instanceof Error ? error : undefined,
            extensions: { code, retryable, http: { status: 503, headers: new HeaderMap([["retry-after", "1"]]) } },
          });
        }
        if (!(error instanceof AuthenticationError)) throw error;
        throw new GraphQLError(error.message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
      }
    },
  });
  // Overload, part two: a bound on GraphQL requests in flight. One more is refused at once (503
  // with Retry-After), never queued: a queue would only hand the client a timeout later while
  // holding its memory now.
  let inFlight = 0;
  const refusedWhenFull = (request: FastifyRequest, reply: FastifyReply): string | null => {
    if (inFlight < config.overload.maxConcurrentRequests) return null;
    void reply.code(503).header("retry-after", String(OVERLOAD_RETRY_AFTER_SECONDS)).header("content-type", "application/json; charset=utf-8");
    request.log.warn({ inFlight, statusCode: 503, sqlStatements: 0 }, "graphql request refused: too many requests in flight");
    return JSON.stringify(overloaded(request.id));
  };
  // Checked first before the body is read, so that a refusal costs neither reading nor parsing
  // it (under a storm of retries that ignore Retry-After, refusals are most of the work), and
  // again in the handler, since requests admitted meanwhile may have filled the bound.
  app.addHook("onRequest", async (request, reply) => {
    // Cheapest test first: below the bound (nearly always) nothing else is looked at.
    if (inFlight < config.overload.maxConcurrentRequests || request.routeOptions.url !== "/graphql") return;
    if (reply.sent || (playgroundAtGraphQL && prefersHtml(request))) return;
    const refusal = refusedWhenFull(request, reply);
    if (refusal !== null) return reply.send(refusal);
  });
  app.route<{ Reply: string }>({
    method: ["GET", "POST", "OPTIONS"],
    url: "/graphql",
    handler: async function graphql(request, reply) {
      if (playgroundAtGraphQL && prefersHtml(request)) return playgroundAtGraphQL.send(reply);
      const refusal = refusedWhenFull(request, reply);
      if (refusal !== null) return refusal;
      inFlight += 1;
      let work: Promise<unknown> = Promise.resolve();
      try {
        const trace: GraphQLRequestTrace = { operationName: null, operationType: null, tokenId: null, cost: null, compiled: false };
        const started = performance.now();
        const payload = request.method === "GET" ? request.query : request.body;
        const untrusted = trusted ? applyTrustedDocument(trusted, payload) : null;
        if (untrusted) {
          void reply.code(400).header("content-type", "application/json; charset=utf-8");
          request.log.info({ statusCode: 400, sqlStatements: 0, code: untrusted.code }, "graphql request refused: not a trusted document");
          return JSON.stringify(errorBody(untrusted.message, untrusted.code, request.id));
        }
        if (trusted && request.method === "GET") {
          // Apollo's fastify integration reads a GET request's parameters from the URL, not from
          // request.query: write the rewritten parameters back into it.
          const parameters = Object.entries(payload as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === "string");
          request.raw.url = `/graphql?${new URLSearchParams(parameters).toString()}`;
        }
        if (typeof payload === "object" && payload !== null && persistedHashMismatch(payload)) {
          void reply.code(400).header("content-type", "application/json; charset=utf-8");
          request.log.info({ statusCode: 400, sqlStatements: 0, code: ErrorCode.BAD_REQUEST }, "graphql request refused: persisted query hash does not match the document");
          return JSON.stringify(
            errorBody(
              "extensions.persistedQuery.sha256Hash is not the SHA-256 of query: send the hash of the exact text, or leave persistedQuery out.",
              ErrorCode.BAD_REQUEST,
              request.id,
            ),
          );
        }
        const document = documentOf(payload);
        if (document !== null && document.length > MAX_DOCUMENT_LENGTH) {
          // Refused before Apollo parses it: a document of comments or blanks has few tokens but
          // still costs reading; no legitimate client sends one this long.
          void reply.code(400).header("content-type", "application/json; charset=utf-8");
          request.log.info({ documentLength: document.length, statusCode: 400, sqlStatements: 0 }, "graphql request refused: document too long");
          return JSON.stringify(errorBody(`The GraphQL document is longer than ${MAX_DOCUMENT_LENGTH} characters.`, ErrorCode.BAD_REQUEST, request.id));
        }
        // One scope per request: every SQL statement Prisma sends for it (authentication, loaders,
        // mutations) is counted here and reported on the request's log line.
        const running = requestScope.run({ request, trace }, () => countStatements(async () => handler.call(this, request, reply)));
        work = running;
        // Per-request time limit. Apollo cannot cancel an execution, so the work goes on (each
        // statement stays bounded by statement_timeout, each transaction by its timeout) and keeps
        // its place under the in-flight bound until it ends; only the answer is given up.
        const outcome = await raceTimeout<Awaited<typeof running> | null>(running, config.overload.requestTimeoutMs, () => null);
        if (outcome === null) {
          void reply.code(503).header("retry-after", String(OVERLOAD_RETRY_AFTER_SECONDS)).header("content-type", "application/json; charset=utf-8");
          request.log.warn(
            { operationName: trace.operationName ?? requestedOperationName(payload), operationType: trace.operationType, statusCode: 503, timeoutMs: config.overload.requestTimeoutMs },
            "graphql request timed out: answer abandoned",
          );
          return JSON.stringify(timedOut(request.id, config.overload.requestTimeoutMs));
        }
        const { statements } = outcome;
        let result = outcome.result;
        // Mutations are answered whatever their size: their change is made already.
        if (typeof result === "string" && result.length > MAX_RESPONSE_CHARACTERS && trace.operationType !== "mutation") {
          // The cost limit counts values, not their size: a query of long fields can still build
          // a huge answer. It is not sent (the client and proxies are spared, and so is the
          // socket's memory); the client is told how to ask for less.
          request.log.warn({ responseCharacters: result.length, operationName: trace.operationName, operationType: trace.operationType }, "graphql response refused: too large");
          void reply.code(400);
          result = JSON.stringify(
            errorBody(
              `The answer is longer than ${MAX_RESPONSE_CHARACTERS} characters: ask for fewer items, or leave long fields such as body out of lists.`,
              ErrorCode.RESPONSE_TOO_LARGE,
              request.id,
            ),
          );
        }
        request.log.info(
          {
            operationName: trace.operationName ?? requestedOperationName(payload),
            operationType: trace.operationType,
            tokenId: trace.tokenId,
            cost: trace.cost,
            compiled: trace.compiled,
            statusCode: reply.statusCode,
            durationMs: Math.round((performance.now() - started) * 100) / 100,
            sqlStatements: statements.length,
          },
          "graphql request",
        );
        return result;
      } finally {
        // Released when the work ends, which is later than the answer after a timeout.
        void work.finally(() => {
          inFlight -= 1;
        }).catch(() => undefined);
      }
    },
  });

  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/readyz", async (_request, reply) => {
    if (closing) return reply.code(503).send({ status: "shutting down", database: "unknown" });
    const ready = await withTimeout(database.ping(), READINESS_TIMEOUT_MS, false);
    return reply.code(ready ? 200 : 503).send({ status: ready ? "ready" : "unavailable", database: ready ? "up" : "down" });
  });

  app.addHook("onClose", async () => {
    pressure.stop();
    await apollo.stop();
    hub.close();
    if (!givenPubSub) await pubsub.close();
  });
  return app;
}
