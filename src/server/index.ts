import type { FastifyInstance } from "fastify";
import type { DestinationStream } from "pino";
import type { Config } from "../config.js";
import type { Database } from "../db/index.js";
import { TokenCache } from "../domain/auth/token-cache.js";
import { sqlAnswererOf } from "../graphql/answer.js";
import { createContext } from "../graphql/context.js";
import { queryLimits } from "../graphql/limits.js";
import { buildSchema } from "../graphql/schema.js";
import { loadTrustedDocuments } from "../graphql/trusted-documents.js";
import { registerPlayground } from "../playground/route.js";
import { createPubSub, LiveHub, type PubSub } from "../pubsub/index.js";
import { errorMasker } from "./errors.js";
import { registerGraphQLRoute } from "./graphql-route.js";
import { requestViewers, startGraphQLServer } from "./graphql-server.js";
import { SqlLane } from "./sql-lane.js";
import { createHttpApp, registerHealthRoutes } from "./http-app.js";
import { drainOnClose, stopOnClose } from "./lifecycle.js";
import { InFlightBound, limitConnections, refuseUnderPressure } from "./overload.js";
import { registerRateLimits } from "./rate-limits.js";
import { attachSubscriptionServer } from "./websocket.js";

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

/**
 * Builds the HTTP server: GraphQL (Apollo Server on fastify) at /graphql, /healthz (the process
 * is up), /readyz (the database answers) and the GraphiQL playground (/playground, and /graphql
 * for browsers). Fastify because its hooks give request ids, pino logging and an orderly close,
 * and it carries the graphql-ws WebSocket server on the same port. The parts are registered in
 * this order because fastify runs hooks in it (the event-loop check before the in-flight bound).
 */
export async function buildServer({ config, database, logStream, pubsub: givenPubSub }: ServerDependencies): Promise<FastifyInstance> {
  const production = config.nodeEnv === "production";
  const app = createHttpApp(config, logStream);
  limitConnections(app.server, config.connections, app.log);
  const pressure = refuseUnderPressure(app, config.overload.maxEventLoopDelayMs);
  const rateLimits = await registerRateLimits(app, config.rateLimit);

  const schema = buildSchema();
  // Trusted-documents mode: only the operations of TRUSTED_DOCUMENTS_FILE run, over HTTP and WebSocket.
  const trusted = config.trustedDocumentsFile ? loadTrustedDocuments(config.trustedDocumentsFile) : null;
  if (trusted) app.log.info({ file: config.trustedDocumentsFile, documents: trusted.size }, "trusted-documents mode: only listed operations run");
  const playground = await registerPlayground(app, config.playground);
  const maskError = errorMasker(production, app.log);
  const apollo = await startGraphQLServer({ config, schema, log: app.log, rateLimits, maskError });

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
    countExpensive: rateLimits.countWebSocket,
  });
  const live: LiveStatus = { pubsub: pubsub.kind, connections: () => subscriptions.connections(), subscriptions: () => hub.subscriptions };
  app.decorate("live", live);

  const stopping = drainOnClose(app, subscriptions);
  const playgroundAtGraphQL = config.playground === "graphiql" ? playground : null;
  const inFlight = new InFlightBound(config.overload.maxConcurrentRequests);
  const requestTimeoutMs = config.overload.requestTimeoutMs;
  const viewerOf = requestViewers(database, tokenCache, production);
  const answerer = config.sqlAnswers ? sqlAnswererOf(schema) : undefined;
  const lane = answerer
    ? new SqlLane({
        schema,
        answerer,
        ...queryLimits(),
        viewerOf,
        countExpensive: rateLimits.count,
        contextFor: (request, viewer) => createContext(database.prisma, viewer, request.id, hub),
      })
    : null;
  registerGraphQLRoute(app, { apollo, database, hub, viewerOf, lane, trusted, playgroundAtGraphQL, inFlight, requestTimeoutMs });
  registerHealthRoutes(app, database, stopping);
  stopOnClose(app, { pressure, apollo, hub, ownPubSub: givenPubSub ? null : pubsub });
  return app;
}
