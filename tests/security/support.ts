import { createHash } from "node:crypto";
import { Writable } from "node:stream";
import type { FastifyInstance } from "fastify";
import { loadConfig } from "../../src/config.js";
import type { Role } from "../../src/generated/prisma/enums.js";
import { issueToken } from "../../src/domain/auth/tokens.js";
import { buildServer } from "../../src/server/index.js";
import type { TestDatabase } from "../support/database.js";
import { TEST_SERVER_BOUNDS, type GraphQLResponse } from "../support/server.js";

/** A real copydesk HTTP server whose JSON log lines the test can read. */
export interface LoggedServer {
  readonly app: FastifyInstance;
  readonly baseUrl: string;
  /** Every log line so far, parsed. */
  readonly logs: Record<string, unknown>[];
  close(): Promise<void>;
}

/** Starts the server like main.ts does (port 0, info logging into memory, the test bounds of TEST_SERVER_BOUNDS) with extra environment. */
export async function startLoggedServer(database: TestDatabase, env: NodeJS.ProcessEnv = {}): Promise<LoggedServer> {
  const logs: Record<string, unknown>[] = [];
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) logs.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  const config = loadConfig({ PORT: "0", LOG_LEVEL: "info", NODE_ENV: "test", JIT_COMPILE_AFTER: "1", ...TEST_SERVER_BOUNDS, ...env });
  const app = await buildServer({ config, database, logStream });
  const baseUrl = await app.listen({ port: 0, host: "127.0.0.1" });
  return { app, baseUrl, logs, close: () => app.close() };
}

/** What came back from /graphql: status, headers, the raw text and the parsed body. */
export interface RawResponse<T> {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly body: GraphQLResponse<T>;
  readonly requestId: string;
}

/** Sends anything to /graphql and parses the answer (every answer of /graphql is JSON). */
export async function send<T = Record<string, unknown>>(baseUrl: string, init: RequestInit & { search?: string } = {}): Promise<RawResponse<T>> {
  const response = await fetch(`${baseUrl}/graphql${init.search ?? ""}`, init);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, body: JSON.parse(text) as GraphQLResponse<T>, requestId: response.headers.get("x-request-id") ?? "" };
}

/** POSTs an operation as JSON, with a bearer token when given. */
export function post<T = Record<string, unknown>>(
  baseUrl: string,
  query: string,
  variables: Record<string, unknown> = {},
  options: { token?: string; operationName?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse<T>> {
  return send<T>(baseUrl, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...options.headers,
    },
    body: JSON.stringify({ query, variables, ...(options.operationName ? { operationName: options.operationName } : {}) }),
  });
}

/**
 * A test-only trigger: inserting an article whose slug starts with "slow-" takes `seconds` in
 * the database, so a request is surely in flight while the test overloads or faults the server.
 */
export async function slowArticleInserts(database: TestDatabase, seconds: number): Promise<void> {
  await database.prisma.$executeRawUnsafe(`
    CREATE FUNCTION copydesk_test_slow_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.slug LIKE 'slow-%' THEN PERFORM pg_sleep(${Number(seconds)}); END IF;
      RETURN NEW;
    END $$`);
  await database.prisma.$executeRawUnsafe(
    `CREATE TRIGGER copydesk_test_slow_insert BEFORE INSERT ON "Article" FOR EACH ROW EXECUTE FUNCTION copydesk_test_slow_insert()`,
  );
}

/** A bearer token of a new user of `role`. */
export async function tokenFor(database: TestDatabase, role: Role, name = `${role.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}`): Promise<string> {
  return (await issueToken(database.prisma, { userName: name, role, tokenName: `${name}'s token` })).token;
}

/** The "graphql request" log line of a request id (the server writes it when the request ends). */
export function requestLine(server: LoggedServer, requestId: string): Record<string, unknown> | undefined {
  return server.logs.find((line) => line["reqId"] === requestId && typeof line["msg"] === "string" && line["msg"].startsWith("graphql request"));
}

/**
 * A fingerprint of everything the API can write: every row of every editorial table, hashed. Two
 * equal fingerprints mean nothing was added, changed or removed in between.
 */
export async function fingerprint(database: TestDatabase): Promise<string> {
  const p = database.prisma;
  const byId = { orderBy: { id: "asc" } } as const;
  const tables = await Promise.all([
    p.user.findMany(byId),
    p.apiToken.findMany({ ...byId, omit: { lastUsedAt: true } }),
    p.article.findMany(byId),
    p.articleRevision.findMany(byId),
    p.correction.findMany(byId),
    p.person.findMany(byId),
    p.quote.findMany(byId),
    p.incident.findMany(byId),
    p.annotation.findMany(byId),
    p.claimReview.findMany(byId),
    p.auditEvent.findMany(byId),
  ]);
  const text = JSON.stringify(tables, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
  return createHash("sha256").update(text).digest("hex");
}
