import { performance } from "node:perf_hooks";
import type { ApolloServer } from "@apollo/server";
import { fastifyApolloHandler } from "@as-integrations/fastify";
import type { FastifyInstance } from "fastify";
import type { Database } from "../db/index.js";
import { countStatements } from "../db/statements.js";
import type { GraphQLContext } from "../graphql/context.js";
import { ErrorCode } from "../graphql/errors.js";
import { MAX_RESPONSE_CHARACTERS } from "../graphql/limits.js";
import type { TrustedDocuments } from "../graphql/trusted-documents.js";
import { prefersHtml, type PlaygroundPage } from "../playground/route.js";
import type { LiveHub } from "../pubsub/index.js";
import { errorBody, OVERLOAD_RETRY_AFTER_SECONDS, timedOut } from "./errors.js";
import { refusedBeforeGraphQL, requestedOperationName } from "./graphql-checks.js";
import { contextFor, type ViewerOf } from "./graphql-server.js";
import type { InFlightBound } from "./overload.js";
import { emptyTrace, requestScope } from "./request-scope.js";
import type { SqlLane } from "./sql-lane.js";

/** What the /graphql route needs. */
export interface GraphQLRouteOptions {
  readonly apollo: ApolloServer<GraphQLContext>;
  readonly database: Database;
  readonly hub: LiveHub;
  /** The request's viewer, looked up once whichever path answers. */
  readonly viewerOf: ViewerOf;
  /** The SQL lane (queries answered in SQL without Apollo's pipeline); null sends every request through Apollo. */
  readonly lane: SqlLane | null;
  /** Trusted-documents mode: only these documents run; null runs any. */
  readonly trusted: TrustedDocuments | null;
  /** GraphiQL, when browsers at /graphql get it (PLAYGROUND=graphiql). */
  readonly playgroundAtGraphQL: PlaygroundPage | null;
  readonly inFlight: InFlightBound;
  /** Per-request time limit (ms, 0 = none). */
  readonly requestTimeoutMs: number;
}

/**
 * Settles with `work`, or with null when `ms` pass first (0 = never); the timer is cleared when
 * either settles. A plain timer rather than an aborted `timers/promises` sleep: aborting builds
 * an AbortError with its stack for every request, measurable on a 1 ms read.
 */
async function withinLimit<T>(work: Promise<T>, ms: number): Promise<T | null> {
  if (ms <= 0) return work;
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<null>((resolve) => {
    timer = setTimeout(resolve, ms, null);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

/** GraphQL over HTTP at /graphql: Apollo's fastify handler inside copydesk's checks, limits and log line. */
export function registerGraphQLRoute(app: FastifyInstance, options: GraphQLRouteOptions): void {
  const { apollo, database, hub, viewerOf, lane, trusted, playgroundAtGraphQL, inFlight, requestTimeoutMs } = options;
  const handler = fastifyApolloHandler<GraphQLContext>(apollo, { context: contextFor(viewerOf, database, hub) });
  // The in-flight bound is checked first before the body is read, so that a refusal costs neither
  // reading nor parsing it (under a storm of retries that ignore Retry-After, refusals are most of
  // the work), and again in the handler, since requests admitted meanwhile may have filled it.
  app.addHook("onRequest", async (request, reply) => {
    // Cheapest test first: below the bound (nearly always) nothing else is looked at.
    if (inFlight.admits || request.routeOptions.url !== "/graphql") return;
    if (reply.sent || (playgroundAtGraphQL && prefersHtml(request))) return;
    const refusal = inFlight.refuse(request, reply);
    if (refusal !== null) return reply.send(refusal);
  });
  app.route<{ Reply: string }>({
    method: ["GET", "POST", "OPTIONS"],
    url: "/graphql",
    handler: async function graphql(request, reply) {
      if (playgroundAtGraphQL && prefersHtml(request)) return playgroundAtGraphQL.send(reply);
      const full = inFlight.refuse(request, reply);
      if (full !== null) return full;
      inFlight.enter();
      let work: Promise<unknown> = Promise.resolve();
      try {
        const trace = emptyTrace();
        const started = performance.now();
        const payload = request.method === "GET" ? request.query : request.body;
        const refusal = refusedBeforeGraphQL(request, reply, payload, trusted);
        if (refusal !== null) return refusal;
        // One scope per request: every SQL statement Prisma sends for it (authentication, loaders,
        // mutations) is counted here and reported on the request's log line.
        const answer = async () => {
          const laned = lane && (await lane.answer(request, payload, trace));
          if (!laned) return handler.call(this, request, reply);
          void reply.header("content-type", laned.contentType);
          return laned.body;
        };
        const running = requestScope.run({ request, trace }, () => countStatements(answer));
        work = running;
        // Per-request time limit. Apollo cannot cancel an execution, so the work goes on (each
        // statement stays bounded by statement_timeout, each transaction by its timeout) and keeps
        // its place under the in-flight bound until it ends; only the answer is given up.
        const outcome = await withinLimit(running, requestTimeoutMs);
        if (outcome === null) {
          void reply.code(503).header("retry-after", String(OVERLOAD_RETRY_AFTER_SECONDS)).header("content-type", "application/json; charset=utf-8");
          request.log.warn(
            { operationName: trace.operationName ?? requestedOperationName(payload), operationType: trace.operationType, statusCode: 503, timeoutMs: requestTimeoutMs },
            "graphql request timed out: answer abandoned",
          );
          return JSON.stringify(timedOut(request.id, requestTimeoutMs));
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
            answeredInSql: trace.answeredInSql,
            statusCode: reply.statusCode,
            durationMs: Math.round((performance.now() - started) * 100) / 100,
            sqlStatements: statements.length,
          },
          "graphql request",
        );
        request.loggedAlone = true;
        return result;
      } finally {
        // Released when the work ends, which is later than the answer after a timeout.
        inFlight.releaseAfter(work);
      }
    },
  });
}
