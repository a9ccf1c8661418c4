import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import Fastify, { LogController, type FastifyError, type FastifyInstance } from "fastify";
import type { DestinationStream } from "pino";
import type { Config } from "../config.js";
import type { Database } from "../db/index.js";
import { ErrorCode } from "../graphql/errors.js";
import { BODY_LIMIT_BYTES } from "../graphql/limits.js";
import { errorBody } from "./errors.js";

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;
const READINESS_TIMEOUT_MS = 2000;

/** How long an idle keep-alive connection stays open (node's default; fastify's 72 s held slow clients' sockets). */
const KEEP_ALIVE_TIMEOUT_MS = 5000;
/**
 * Requests one keep-alive connection may carry before the server closes it. Node answers the last
 * one with `Connection: close` and any request sent on the socket after it with its own 503, so a
 * load generator must reconnect at this count (bench/harness/load.ts).
 */
export const MAX_REQUESTS_PER_SOCKET = 1000;
/** The longest a request's headers may take to arrive (within the read timeout). */
const HEADERS_TIMEOUT_MS = 10_000;
/** How often node looks for requests past their header or read timeout. */
const CONNECTIONS_CHECKING_INTERVAL_MS = 1000;

declare module "fastify" {
  interface FastifyRequest {
    /** True once the request wrote its own complete log line (the /graphql route's "graphql request"), so no "request completed" line follows. */
    loggedAlone: boolean;
  }
}

/**
 * The fastify instance: pino logging, request ids (a valid incoming `x-request-id`, else a UUID),
 * the bounds on slow clients, and the GraphQL error shape for requests fastify itself refuses.
 */
export function createHttpApp(config: Config, logStream: DestinationStream | undefined): FastifyInstance {
  const app = Fastify({
    logger: logStream ? { level: config.logLevel, stream: logStream } : { level: config.logLevel },
    genReqId: (request) => {
      const incoming = request.headers["x-request-id"];
      return typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    requestIdHeader: false,
    // One log line per request instead of fastify's two ("incoming request", "request
    // completed"): the onResponse hook below, or the /graphql route's own "graphql request"
    // line, which says more. Each line is a synchronous write: the nested dashboard query spent
    // about a tenth of its CPU writing three.
    logController: new LogController({ disableRequestLogging: true }),
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
  app.decorateRequest("loggedAlone", false);
  app.addHook("onResponse", async (request, reply) => {
    if (request.loggedAlone) return;
    request.log.info({ req: { method: request.method, url: request.url }, res: { statusCode: reply.statusCode }, responseTime: reply.elapsedTime }, "request completed");
  });

  return app;
}

/** The database's answer to a ping, false when it fails or takes longer than READINESS_TIMEOUT_MS. */
async function databaseAnswers(database: Database): Promise<boolean> {
  const timer = new AbortController();
  try {
    return await Promise.race([database.ping().catch(() => false), sleep(READINESS_TIMEOUT_MS, false, { signal: timer.signal })]);
  } finally {
    timer.abort();
  }
}

/** /healthz (the process is up) and /readyz (the database answers and the server is not stopping). */
export function registerHealthRoutes(app: FastifyInstance, database: Database, stopping: () => boolean): void {
  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/readyz", async (_request, reply) => {
    if (stopping()) return reply.code(503).send({ status: "shutting down", database: "unknown" });
    const ready = await databaseAnswers(database);
    return reply.code(ready ? 200 : 503).send({ status: ready ? "ready" : "unavailable", database: ready ? "up" : "down" });
  });
}
