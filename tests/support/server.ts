import type { FastifyInstance } from "fastify";
import { loadConfig } from "../../src/config.js";
import type { Database } from "../../src/db/index.js";
import type { PubSub } from "../../src/pubsub/index.js";
import { buildServer } from "../../src/server/index.js";

/** A real copydesk HTTP server on a free port of 127.0.0.1, over the given database. */
export interface TestServer {
  readonly app: FastifyInstance;
  /** http://127.0.0.1:PORT */
  readonly baseUrl: string;
  close(): Promise<void>;
}

/**
 * The overload bounds every test server runs with unless a test sets its own. The event-loop
 * bound is off: its default (1000 ms) measures the machine, and on a busy shared CI machine (or
 * while PGlite, which runs in the test's own process, loads a database) it refused ordinary test
 * requests with 503 OVERLOADED. The tests of the bound itself (tests/faults/overload.test.ts) set
 * it explicitly. Also used for the servers tests start as child processes (dist/main.js).
 */
export const TEST_SERVER_BOUNDS: Readonly<NodeJS.ProcessEnv> = { MAX_EVENT_LOOP_DELAY_MS: "0" };

/**
 * Starts the HTTP server the way main.ts does, on port 0, with logging off and {@link TEST_SERVER_BOUNDS}. `pubsub` shares one
 * in-process pub/sub between several servers (instances) over one embedded database. Queries run
 * compiled from their first use (JIT_COMPILE_AFTER=1), so every HTTP test also tests that path.
 */
export async function startTestServer(database: Database, env: NodeJS.ProcessEnv = {}, pubsub?: PubSub): Promise<TestServer> {
  const config = loadConfig({ PORT: "0", LOG_LEVEL: "silent", NODE_ENV: "test", JIT_COMPILE_AFTER: "1", ...TEST_SERVER_BOUNDS, ...env });
  const app = await buildServer({ config, database, ...(pubsub ? { pubsub } : {}) });
  const baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
  return { app, baseUrl, close: () => app.close() };
}

/** The JSON body of a GraphQL response. */
export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** POSTs a GraphQL operation to /graphql and returns the status and parsed body. */
export async function postGraphQL<T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ status: number; body: GraphQLResponse<T> }> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<T> };
}
