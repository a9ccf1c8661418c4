import { ApolloServer, HeaderMap, type ApolloServerPlugin } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from "@apollo/server/plugin/disabled";
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from "@apollo/server/plugin/landingPage/default";
import type { ApolloFastifyContextFunction } from "@as-integrations/fastify";
import type { FastifyBaseLogger, FastifyRequest } from "fastify";
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from "graphql";
import type { Config } from "../config.js";
import type { Actor } from "../core/actor.js";
import { classifyDatabaseError } from "../db/faults.js";
import type { Database } from "../db/index.js";
import type { TokenCache } from "../domain/auth/token-cache.js";
import { authenticate, AuthenticationError } from "../domain/auth/tokens.js";
import { createContext, type GraphQLContext } from "../graphql/context.js";
import { databaseFaultError, ErrorCode } from "../graphql/errors.js";
import { acceptsOnlyLegacyJson } from "../graphql/http-status.js";
import { jitExecutionPlugin } from "../graphql/jit.js";
import { sqlAnswerPlugin } from "../graphql/answer.js";
import { EXPENSIVE_QUERY_COST, operationCost, queryLimits } from "../graphql/limits.js";
import { nulInputError } from "../graphql/nul-input.js";
import type { LiveHub } from "../pubsub/index.js";
import { rateLimited, type MaskError } from "./errors.js";
import type { RateLimits } from "./rate-limits.js";
import { oncePerRequest, requestScope } from "./request-scope.js";

/** What the Apollo Server is built from. */
export interface GraphQLServerOptions {
  readonly config: Config;
  readonly schema: GraphQLSchema;
  readonly log: FastifyBaseLogger;
  readonly rateLimits: RateLimits;
  readonly maskError: MaskError;
}

/**
 * The per-request guard: NUL characters in input, the operation's cost (for the log line and
 * the rate limits), and the status of documents that do not parse or validate.
 */
function guardPlugin(schema: GraphQLSchema, rateLimits: RateLimits): ApolloServerPlugin<GraphQLContext> {
  return {
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
          const wait = await rateLimits.count(entry.request, contextValue.viewer.tokenId);
          if (wait !== null) throw rateLimited(wait);
        },
      };
    },
  };
}

/** Apollo Server with copydesk's limits, plugins and error masking, started. */
export async function startGraphQLServer({ config, schema, log, rateLimits, maskError }: GraphQLServerOptions): Promise<ApolloServer<GraphQLContext>> {
  const production = config.nodeEnv === "production";
  const limits = queryLimits();
  // The playground (src/playground): with PLAYGROUND=graphiql a browser at /graphql gets the
  // self-hosted GraphiQL, so Apollo's own landing page (which loads Apollo Sandbox from Apollo's
  // CDN) is turned off; PLAYGROUND=apollo keeps Apollo's page at /graphql and GraphiQL at /playground.
  const landingPage =
    config.playground !== "apollo"
      ? ApolloServerPluginLandingPageDisabled()
      : production
        ? ApolloServerPluginLandingPageProductionDefault()
        : ApolloServerPluginLandingPageLocalDefault();
  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    includeStacktraceInErrorResponses: false,
    logger: log,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    // Apollo's cache-control plugin, on by default, computes a cache policy for every field of
    // every response; copydesk declares no @cacheControl hints (answers depend on the viewer's
    // role), so it only cost time: disabled, the nested dashboard query (Q2) served 89-96
    // instead of 74-80 req/s in an A/B run (bench/README.md).
    plugins: [
      guardPlugin(schema, rateLimits),
      landingPage,
      ApolloServerPluginCacheControlDisabled(),
      ...(config.sqlAnswers
        ? [
            sqlAnswerPlugin(schema, () => {
              const entry = requestScope.getStore();
              if (entry) entry.trace.answeredInSql = true;
            }),
          ]
        : []),
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
    formatError: (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => maskError(formatted, error, requestScope.getStore()?.request.id),
  });
  await apollo.start();
  return apollo;
}

/** The viewer of an HTTP request: its bearer token authenticated (through the token cache). */
export type ViewerOf = (request: FastifyRequest) => Promise<Actor>;

/**
 * {@link ViewerOf}, looked up once per request: the SQL lane (src/server/sql-lane.ts) and then,
 * when it leaves the request to Apollo, the context function ask for the same viewer, and a
 * refused token must not cost two lookups.
 */
export function requestViewers(database: Database, tokenCache: TokenCache | null, production: boolean): ViewerOf {
  return oncePerRequest((request) => authenticate(database.prisma, request.headers.authorization, { production, cache: tokenCache }));
}

/**
 * The GraphQL context of an HTTP request for its viewer ({@link requestViewers}). A refused token
 * is 401 UNAUTHENTICATED; a database that cannot be reached makes it 503.
 */
export function contextFor(viewerOf: ViewerOf, database: Database, hub: LiveHub): ApolloFastifyContextFunction<GraphQLContext> {
  return async (request) => {
    try {
      const viewer = await viewerOf(request);
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
  };
}
