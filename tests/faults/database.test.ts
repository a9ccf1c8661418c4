import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { createPrismaClient } from "../../src/db/client.js";
import { classifyDatabaseError } from "../../src/db/faults.js";
import type { Database } from "../../src/db/index.js";
import { databaseName, withConnection } from "../../src/db/postgres-server.js";
import { inTransaction } from "../../src/db/transaction.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { fingerprint, post, slowArticleInserts, startLoggedServer, tokenFor, type LoggedServer } from "../security/support.js";

const CREATE = `mutation Create($input: CreateArticleInput!) { createArticle(input: $input) { article { slug } errors { code field } } }`;
const ARTICLES = `{ articles(first: 5) { totalCount } }`;
type CreatePayload = { createArticle: { article: { slug: string } | null; errors: { code: string }[] } | null };

/** Nothing of the driver's message, SQL, table names or a stack may reach the client. */
function expectNoInternals(text: string): void {
  expect(text).not.toMatch(/pg_|SELECT|INSERT|"Article"|terminating|prisma|stack|at \w+ \(/i);
}

/** A PostgreSQL error raised inside the database with a given SQLSTATE. */
function raise(sqlstate: string): string {
  return `DO $$ BEGIN RAISE EXCEPTION 'injected' USING ERRCODE = '${sqlstate}'; END $$`;
}

describe("database faults on either database", () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.close();
  });

  it("classifies what PostgreSQL raises: conflicts, timeouts, shutdowns, and leaves the rest alone", async () => {
    const cases: [string, ReturnType<typeof classifyDatabaseError>][] = [
      ["40001", "conflict"],
      ["40P01", "conflict"],
      ["57014", "timeout"],
      ["57P01", "unavailable"],
      ["57P03", "unavailable"],
      ["08006", "unavailable"],
      ["23505", null],
      ["P0001", null],
    ];
    for (const [sqlstate, expected] of cases) {
      const error = await db.prisma.$executeRawUnsafe(raise(sqlstate)).then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(error, sqlstate).not.toBeNull();
      expect(classifyDatabaseError(error), sqlstate).toBe(expected);
    }
    expect(classifyDatabaseError(new Error("Connection terminated unexpectedly"))).toBe("unavailable");
    expect(classifyDatabaseError(new TypeError("Cannot read properties of undefined"))).toBeNull();
    expect(classifyDatabaseError("a string")).toBeNull();
  });

  it("retries a transaction rolled back for a serialization failure or deadlock, at most 3 times in all", async () => {
    const before = await db.prisma.auditEvent.count();
    let runs = 0;
    const retried: number[] = [];
    const result = await inTransaction(
      db.prisma,
      async (tx) => {
        runs += 1;
        if (runs <= 2) await tx.$executeRawUnsafe(raise(runs === 1 ? "40001" : "40P01"));
        return tx.$queryRaw<{ n: number }[]>`SELECT 1::int AS n`;
      },
      { onRetry: (attempt) => retried.push(attempt) },
    );
    expect(result).toEqual([{ n: 1 }]);
    expect(runs).toBe(3);
    expect(retried).toEqual([1, 2]);

    let failing = 0;
    const error = await inTransaction(db.prisma, async (tx) => {
      failing += 1;
      await tx.$executeRawUnsafe(raise("40001"));
    }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(failing).toBe(3);
    expect(classifyDatabaseError(error)).toBe("conflict");

    // Any other error is not retried.
    let once = 0;
    await expect(
      inTransaction(db.prisma, async () => {
        once += 1;
        throw new Error("a bug");
      }),
    ).rejects.toThrow("a bug");
    expect(once).toBe(1);
    expect(await db.prisma.auditEvent.count()).toBe(before);
  });

  it("answers DATABASE_UNAVAILABLE (retryable, 503 when the token cannot be checked) when the database refuses connections, and /readyz is red", async () => {
    // The same server on a database that is not there: a port nobody listens on.
    const gone = createPrismaClient("postgresql://postgres@127.0.0.1:1/copydesk", { maxConnections: 1 });
    const database: Database = { ...db, prisma: gone, ping: () => gone.$queryRaw`SELECT 1`.then(() => true, () => false) };
    const server = await startLoggedServer(database);
    try {
      const anonymous = await post(server.baseUrl, ARTICLES);
      expect(anonymous.body.errors?.[0]?.extensions).toMatchObject({ code: "DATABASE_UNAVAILABLE", retryable: true, requestId: anonymous.requestId });
      expectNoInternals(anonymous.text);

      const withToken = await post(server.baseUrl, ARTICLES, {}, { token: "cdk_0000000000000000000000000000000000000000000" });
      expect(withToken.status).toBe(503);
      expect(withToken.headers.get("retry-after")).toBe("1");
      expect(withToken.body.errors?.[0]?.extensions).toMatchObject({ code: "DATABASE_UNAVAILABLE", retryable: true });
      expectNoInternals(withToken.text);

      const ready = await fetch(`${server.baseUrl}/readyz`);
      expect(ready.status).toBe(503);
      expect(server.logs.some((line) => line["msg"] === "database fault while executing a GraphQL operation")).toBe(true);
    } finally {
      await server.close();
      await gone.$disconnect();
    }
  });
});

const serverUrl = inject("serverUrl");

describe.skipIf(!serverUrl)("database faults on a PostgreSQL server", () => {
  let db: TestDatabase;
  let server: LoggedServer;
  let editor: string;
  let name: string;

  /** Terminates every connection copydesk (and anyone else but the admin) has to the test database. */
  async function terminateBackends(): Promise<number> {
    return withConnection(serverUrl!, async (admin) => {
      const result = await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
        [name],
      );
      return result.rowCount ?? 0;
    });
  }

  /** How many backends of the test database are inside the slow-insert trigger's pg_sleep. */
  async function backendsSleepingInTrigger(): Promise<number> {
    return withConnection(serverUrl!, async (admin) => {
      const result = await admin.query("SELECT count(*)::int AS sleeping FROM pg_stat_activity WHERE datname = $1 AND wait_event = 'PgSleep'", [name]);
      return (result.rows[0] as { sleeping: number }).sleeping;
    });
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    name = databaseName(db.url);
    // Inserting a "slow-" article sleeps 10 seconds in a trigger (under the 15 s statement
    // timeout): the test sees the backend sleeping and pulls the plug, so it never waits that long.
    await slowArticleInserts(db, 10);
    editor = await tokenFor(db, "EDITOR");
    server = await startLoggedServer(db);
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });

  it("gives the request in flight DATABASE_UNAVAILABLE when its backend is terminated, stores nothing, and the next request succeeds without a restart", async () => {
    const before = await fingerprint(db);
    const slow = post<CreatePayload>(server.baseUrl, CREATE, { input: { slug: "slow-terminated", body: "Never stored." } }, { token: editor });
    // Pull the plug once the insert is surely in flight: its backend is sleeping in the trigger.
    await vi.waitFor(async () => expect(await backendsSleepingInTrigger()).toBeGreaterThan(0), { timeout: 60_000, interval: 20 });
    expect(await terminateBackends()).toBeGreaterThan(0);
    const response = await slow;

    expect(response.status).toBe(200);
    expect(response.body.data?.createArticle ?? null).toBeNull();
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors?.[0]).toMatchObject({
      path: ["createArticle"],
      extensions: { code: "DATABASE_UNAVAILABLE", retryable: true, requestId: response.requestId },
    });
    expectNoInternals(response.text);
    const logged = server.logs.find((line) => line["reqId"] === response.requestId && line["msg"] === "database fault while executing a GraphQL operation");
    expect(JSON.stringify(logged)).toMatch(/57P01/);

    // The pool replaced the dead connections: the same server answers at once.
    const next = await post<CreatePayload>(server.baseUrl, CREATE, { input: { slug: "after-termination", body: "Stored." } }, { token: editor });
    expect(next.body.errors).toBeUndefined();
    expect(next.body.data?.createArticle?.article?.slug).toBe("after-termination");
    expect(await db.prisma.article.count({ where: { slug: "slow-terminated" } })).toBe(0);
    expect((await fetch(`${server.baseUrl}/readyz`)).status).toBe(200);
    expect(before).not.toBe(await fingerprint(db)); // only the second article (and its revision and audit event) were added
    const article = await db.prisma.article.findUniqueOrThrow({ where: { slug: "after-termination" } });
    expect(await db.prisma.articleRevision.count({ where: { articleId: article.id } })).toBe(1);
    expect(await db.prisma.auditEvent.count({ where: { targetId: article.id } })).toBe(1);
  });

  it("recovers when the idle connections are terminated between two requests", async () => {
    await post(server.baseUrl, ARTICLES, {}, { token: editor });
    expect(await terminateBackends()).toBeGreaterThan(0);
    // A request sent the same instant may still be handed a pooled connection whose socket has
    // not yet seen the server's goodbye: it gets the typed retryable error, never an internal one.
    // Where it lands decides the status: the token lookup fails the whole request (503 with
    // Retry-After); with the token in the token cache, the field's query fails that field only
    // (200, the error beside the data), as for any database fault during execution.
    const racing = await post<{ articles: { totalCount: number } }>(server.baseUrl, ARTICLES, {}, { token: editor });
    if (racing.status !== 200 || racing.body.errors) {
      expect(racing.body.errors?.[0]?.extensions).toMatchObject({ code: "DATABASE_UNAVAILABLE", retryable: true });
      if (racing.status !== 200) {
        expect(racing.status).toBe(503);
        expect(racing.headers.get("retry-after")).toBe("1");
      }
    }
    for (let i = 0; i < 3; i += 1) {
      const response = await post<{ articles: { totalCount: number } }>(server.baseUrl, ARTICLES, {}, { token: editor });
      expect(response.status).toBe(200);
      expect(response.body.errors).toBeUndefined();
      expect(response.body.data?.articles.totalCount).toBeGreaterThan(0);
    }
  });

  it("sets a 15 s statement timeout on server connections, and a statement past its timeout is cancelled with DATABASE_TIMEOUT", async () => {
    const [setting] = await db.prisma.$queryRaw<{ statement_timeout: string }[]>`SHOW statement_timeout`;
    expect(setting?.statement_timeout).toBe("15s");

    const short = createPrismaClient(db.url, { maxConnections: 2, statementTimeoutMs: 500 });
    try {
      // A 20 s sleep that ended in the timeout's error (SQLSTATE 57014), not in a result, was cancelled.
      const error = await short.$executeRaw`SELECT pg_sleep(20)`.then(
        () => null,
        (caught: unknown) => caught,
      );
      expect(classifyDatabaseError(error)).toBe("timeout");

      const timed = await startLoggedServer({ ...db, prisma: short });
      try {
        const before = await fingerprint(db);
        const response = await post<CreatePayload>(timed.baseUrl, CREATE, { input: { slug: "slow-timed-out", body: "Never stored." } }, { token: editor });
        expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: "DATABASE_TIMEOUT", retryable: false });
        expectNoInternals(response.text);
        expect(await fingerprint(db)).toBe(before);
      } finally {
        await timed.close();
      }
    } finally {
      await short.$disconnect();
    }
  });
});
