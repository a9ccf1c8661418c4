import path from "node:path";
import { z } from "zod";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
const PLAYGROUND_MODES = ["graphiql", "apollo", "off"] as const;

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), {
    message: "must be a PostgreSQL connection URL such as postgresql://user@host:5432/copydesk",
  })
  .refine((value) => URL.canParse(value), { message: "is not a valid URL" });

const positiveCount = z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(1, "must be 1 or more");

const environmentSchema = z.object({
  PORT: z.coerce
    .number({ message: "must be a number" })
    .int("must be a whole number")
    .min(0, "must be between 0 and 65535 (0 picks a free port)")
    .max(65535, "must be between 0 and 65535 (0 picks a free port)")
    .default(4000),
  HOST: z.string().trim().min(1, "must not be empty").default("127.0.0.1"),
  DATA_DIR: z.string().trim().min(1, "must not be empty").default("./data"),
  DATABASE_URL: z.preprocess((value) => (value === "" ? undefined : value), postgresUrl.optional()),
  LOG_LEVEL: z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info"),
  NODE_ENV: z
    .enum(["development", "production", "test"], { message: "must be development, production or test" })
    .default("development"),
  RATE_LIMIT_PER_TOKEN: positiveCount.default(600),
  RATE_LIMIT_PER_IP: positiveCount.default(1200),
  RATE_LIMIT_WINDOW_SECONDS: positiveCount.default(60),
  MAX_CONCURRENT_REQUESTS: positiveCount.default(64),
  PLAYGROUND: z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.enum(PLAYGROUND_MODES, { message: `must be one of ${PLAYGROUND_MODES.join(", ")}` }).optional(),
  ),
  MAX_EVENT_LOOP_DELAY_MS: z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(0, "must be 0 (off) or more").default(1000),
  REQUEST_TIMEOUT_MS: z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(0, "must be 0 (off) or more").default(30_000),
  TRUSTED_DOCUMENTS_FILE: z.preprocess((value) => (value === "" ? undefined : value), z.string().optional()),
  TOKEN_CACHE_TTL_MS: z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(0, "must be 0 (off) or more").max(60_000, "must be at most 60000 (a minute)").default(5000),
  JIT_COMPILE_AFTER: z.coerce.number({ message: "must be a number" }).int("must be a whole number").min(0, "must be 0 (off) or more").default(2),
  SQL_ANSWERS: z.enum(["on", "off"], { message: "must be on or off" }).default("on"),
  PREPARED_STATEMENTS: z.enum(["on", "off"], { message: "must be on or off" }).default("on"),
  REQUEST_READ_TIMEOUT_MS: positiveCount.default(30_000),
  MAX_CONNECTIONS: positiveCount.default(10_000),
  MAX_CONNECTIONS_PER_ADDRESS: positiveCount.default(256),
  MAX_WEBSOCKETS: positiveCount.default(5000),
  MAX_WEBSOCKETS_PER_ADDRESS: positiveCount.default(100),
});

/** Where the database lives: an embedded PGlite directory, or a PostgreSQL server. */
export type DatabaseTarget =
  | { readonly kind: "embedded"; readonly dataDir: string }
  | {
      readonly kind: "server";
      readonly url: string;
      /**
       * PREPARED_STATEMENTS: send the SQL texts that recur as named statements, planned once per
       * connection (default true; src/db/statements.ts). False behind a pooler that hands one
       * client's statements to other server sessions (PgBouncer in transaction mode before 1.21,
       * or without `max_prepared_statements`), and for a URL of PGlite's socket server, which runs
       * every connection in one session.
       */
      readonly preparedStatements?: boolean;
    };

/**
 * What a browser opening /graphql gets: `graphiql`, the self-hosted GraphiQL (also at /playground;
 * nothing loaded from elsewhere); `apollo`, Apollo Server's landing page (which loads Apollo
 * Sandbox from Apollo's CDN, so only when online; GraphiQL stays at /playground); `off`, neither.
 */
export type PlaygroundMode = (typeof PLAYGROUND_MODES)[number];

/** Every setting copydesk reads from the environment, validated and resolved. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly database: DatabaseTarget;
  /** DATA_DIR, resolved: the embedded database lives here, and the development editor token file. */
  readonly dataDir: string;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly nodeEnv: "development" | "production" | "test";
  /** How many mutations and expensive queries one token, and one client IP, may send per window. */
  readonly rateLimit: { readonly perToken: number; readonly perIp: number; readonly windowSeconds: number };
  /**
   * Overload bounds: GraphQL requests in flight at once, and the event-loop delay (ms, 0 = off)
   * past which new requests are refused; beyond either, HTTP 503 with Retry-After. A request
   * still unanswered after requestTimeoutMs (0 = off) is answered HTTP 503 REQUEST_TIMEOUT.
   */
  readonly overload: { readonly maxConcurrentRequests: number; readonly maxEventLoopDelayMs: number; readonly requestTimeoutMs: number };
  /** PLAYGROUND: `graphiql` by default, `off` by default in production (where introspection is off too). */
  readonly playground: PlaygroundMode;
  /** TRUSTED_DOCUMENTS_FILE, resolved: when set, only the operations listed there run (trusted-documents mode). */
  readonly trustedDocumentsFile: string | null;
  /** TOKEN_CACHE_TTL_MS: how long a looked-up live token is reused without reading it again (0 = every request reads it). */
  readonly tokenCacheTtlMs: number;
  /** JIT_COMPILE_AFTER: a query operation runs compiled (graphql-jit) from this use on; 0 = always graphql-js (src/graphql/jit.ts). */
  readonly jitCompileAfter: number;
  /** SQL_ANSWERS: answer the queries the read graph covers entirely from one SQL statement (src/graphql/answer.ts); off = always the resolvers. */
  readonly sqlAnswers: boolean;
  /**
   * Bounds on connections, against slow and flooding clients: the time a request's headers and
   * body may take to arrive (REQUEST_READ_TIMEOUT_MS; headers get at most 10 s of it), open TCP
   * connections per instance and per client address, and open WebSockets per instance and per
   * client address. Past a connection bound the new connection is closed at once.
   */
  readonly connections: {
    readonly readTimeoutMs: number;
    readonly maxPerInstance: number;
    readonly maxPerAddress: number;
    readonly maxWebSockets: number;
    readonly maxWebSocketsPerAddress: number;
  };
}

/** Thrown when an environment variable has a value copydesk cannot use; the message names it. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * Reads and validates all settings once. Unknown variables are ignored; a bad value throws a
 * ConfigError naming each variable and what it must be.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): Config {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message} (got ${JSON.stringify(env[String(issue.path[0])])})`),
    );
  }
  const values = parsed.data;
  const dataDir = path.resolve(cwd, values.DATA_DIR);
  return {
    port: values.PORT,
    host: values.HOST,
    database: values.DATABASE_URL
      ? { kind: "server", url: values.DATABASE_URL, preparedStatements: values.PREPARED_STATEMENTS === "on" }
      : { kind: "embedded", dataDir },
    dataDir,
    logLevel: values.LOG_LEVEL,
    nodeEnv: values.NODE_ENV,
    rateLimit: { perToken: values.RATE_LIMIT_PER_TOKEN, perIp: values.RATE_LIMIT_PER_IP, windowSeconds: values.RATE_LIMIT_WINDOW_SECONDS },
    overload: {
      maxConcurrentRequests: values.MAX_CONCURRENT_REQUESTS,
      maxEventLoopDelayMs: values.MAX_EVENT_LOOP_DELAY_MS,
      requestTimeoutMs: values.REQUEST_TIMEOUT_MS,
    },
    playground: values.PLAYGROUND ?? (values.NODE_ENV === "production" ? "off" : "graphiql"),
    trustedDocumentsFile: values.TRUSTED_DOCUMENTS_FILE ? path.resolve(cwd, values.TRUSTED_DOCUMENTS_FILE) : null,
    tokenCacheTtlMs: values.TOKEN_CACHE_TTL_MS,
    jitCompileAfter: values.JIT_COMPILE_AFTER,
    sqlAnswers: values.SQL_ANSWERS === "on",
    connections: {
      readTimeoutMs: values.REQUEST_READ_TIMEOUT_MS,
      maxPerInstance: values.MAX_CONNECTIONS,
      maxPerAddress: values.MAX_CONNECTIONS_PER_ADDRESS,
      maxWebSockets: values.MAX_WEBSOCKETS,
      maxWebSocketsPerAddress: values.MAX_WEBSOCKETS_PER_ADDRESS,
    },
  };
}
