import { randomUUID } from "node:crypto";
import { ApolloServer } from "@apollo/server";
import fastifyApollo from "@as-integrations/fastify";
import Fastify, { type FastifyInstance } from "fastify";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { Config } from "./config.js";
import type { Database } from "./db/index.js";
import { createContext, type GraphQLContext } from "./graphql/context.js";
import { ErrorCode } from "./graphql/errors.js";
import { buildSchema } from "./graphql/schema.js";
import { authenticate, AuthenticationError } from "./modules/auth/tokens.js";

/** What the HTTP server needs: settings and an open database. */
export interface ServerDependencies {
  readonly config: Config;
  readonly database: Database;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;
const READINESS_TIMEOUT_MS = 2000;

/** Error codes whose message is meant for the client; anything else is masked. */
const EXPOSED_CODES: ReadonlySet<string> = new Set([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.FORBIDDEN,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.DATABASE_UNAVAILABLE,
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
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

/**
 * Builds the HTTP server: GraphQL (Apollo Server on fastify) at /graphql, /healthz (the process
 * is up) and /readyz (the database answers). Fastify because its hooks give request ids, pino
 * logging and an orderly close, and it carries the graphql-ws WebSocket server on the same port.
 */
export async function buildServer({ config, database }: ServerDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel },
    genReqId: (request) => {
      const incoming = request.headers["x-request-id"];
      return typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    requestIdHeader: false,
    bodyLimit: 1_048_576 * 2,
  });

  const apollo = new ApolloServer<GraphQLContext>({
    schema: buildSchema(),
    introspection: config.nodeEnv !== "production",
    includeStacktraceInErrorResponses: false,
    // main.ts owns signals: fastify.close() drains in-flight requests, then stops Apollo (onClose).
    stopOnTerminationSignals: false,
    formatError: (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
      const code = String(formatted.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
      if (EXPOSED_CODES.has(code)) return formatted;
      const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
      app.log.error({ err: original, path: formatted.path }, "unexpected error while executing a GraphQL operation");
      return {
        message: "Internal server error. Quote the request id when you report it.",
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
      };
    },
  });
  await apollo.start();

  app.addHook("onSend", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });

  await app.register(fastifyApollo<GraphQLContext>(apollo), {
    path: "/graphql",
    context: async (request) => {
      try {
        const viewer = await authenticate(database.prisma, request.headers.authorization, { production: config.nodeEnv === "production" });
        return createContext(database.prisma, viewer, request.id);
      } catch (error) {
        if (!(error instanceof AuthenticationError)) throw error;
        throw new GraphQLError(error.message, { extensions: { code: ErrorCode.UNAUTHENTICATED, http: { status: 401 } } });
      }
    },
  });

  app.get("/healthz", async () => ({ status: "ok" }));
  app.get("/readyz", async (_request, reply) => {
    const ready = await withTimeout(database.ping(), READINESS_TIMEOUT_MS, false);
    return reply.code(ready ? 200 : 503).send({ status: ready ? "ready" : "unavailable", database: ready ? "up" : "down" });
  });

  app.addHook("onClose", async () => {
    await apollo.stop();
  });
  return app;
}
