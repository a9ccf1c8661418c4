import { execFile } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "../../src/db/embedded.js";
import { openDatabase, type Database } from "../../src/db/index.js";
import { post, startLoggedServer, tokenFor, type LoggedServer } from "../security/support.js";
import { migratedDataDir } from "../support/database.js";

// The database really goes away and comes back: the embedded PGlite on its data directory, and a
// PostgreSQL server of the test's own (a private cluster on a free port, so the machine's shared
// server is never stopped). Meanwhile /readyz is red and GraphQL answers DATABASE_UNAVAILABLE;
// afterwards /readyz is green again, the same process serves queries and mutations, and what was
// written before the stop is still there.

const run = promisify(execFile);
const CREATE = `mutation Create($input: CreateArticleInput!) { createArticle(input: $input) { article { slug } errors { code } } }`;
const BY_SLUG = `query BySlug($slug: String!) { article(slug: $slug) { slug headline } }`;
type CreateResult = { createArticle: { article: { slug: string } | null; errors: { code: string }[] } };
type BySlugResult = { article: { slug: string; headline: string } | null };

/** A TCP port that was free a moment ago (the restarted database must come back on the same one). */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Polls /readyz until it answers `status` (readiness is sampled per request, so this is quick);
 * the time limit only stops a hang, far above what a busy machine needs.
 */
async function waitForReadiness(baseUrl: string, status: number, timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const answer = (await fetch(`${baseUrl}/readyz`)).status;
    if (answer === status || Date.now() - started > timeoutMs) return answer;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The checks shared by both databases: red while down, green after, data kept, writes work. */
async function expectOutageAndRecovery(server: LoggedServer, token: string, stop: () => Promise<void>, start: () => Promise<void>): Promise<void> {
  const before = await post<CreateResult>(server.baseUrl, CREATE, { input: { slug: "before-the-outage", headline: "Written before the outage", body: "Text." } }, { token });
  const slug = before.body.data?.createArticle.article?.slug;
  expect(slug, JSON.stringify(before.body)).toBeTruthy();
  expect(await waitForReadiness(server.baseUrl, 200)).toBe(200);

  await stop();
  expect(await waitForReadiness(server.baseUrl, 503)).toBe(503);
  const during = await post<BySlugResult>(server.baseUrl, BY_SLUG, { slug }, { token });
  expect(during.body.errors?.map((error) => error.extensions?.["code"])).toContain("DATABASE_UNAVAILABLE");
  expect(during.text).not.toMatch(/ECONNREFUSED|terminating|prisma/i);
  expect((await fetch(`${server.baseUrl}/healthz`)).status).toBe(200);

  await start();
  expect(await waitForReadiness(server.baseUrl, 200)).toBe(200);
  // The pool's dead connections are replaced on use; allow the first query after the restart to
  // meet one of them (the client would retry on `retryable: true`), then everything must work.
  let after = await post<BySlugResult>(server.baseUrl, BY_SLUG, { slug }, { token });
  if (after.body.errors) after = await post<BySlugResult>(server.baseUrl, BY_SLUG, { slug }, { token });
  expect(after.body).toEqual({ data: { article: { slug, headline: "Written before the outage" } } });
  const write = await post<CreateResult>(server.baseUrl, CREATE, { input: { slug: "after-the-outage", headline: "Written after the outage", body: "Text." } }, { token });
  expect(write.body.data?.createArticle.errors).toEqual([]);
}

describe("the embedded database stops and starts again under a running server", () => {
  let dataDir: string;
  beforeAll(() => {
    // Already migrated (a copy of the template): the subject is the restart, not a first start.
    dataDir = migratedDataDir({ prefix: "copydesk-restart-" });
  });
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("reports unavailable while PGlite is down and serves the same data once it is back", async () => {
    // Restarted on the same data directory, it listens on the same socket (DATA_DIR/socket).
    let embedded: EmbeddedPostgres = await startEmbeddedPostgres({ dataDir });
    const database: Database = await openDatabase({ kind: "server", url: embedded.url, preparedStatements: false }, { maxConnections: 1 });
    const server = await startLoggedServer(database);
    try {
      const token = await tokenFor(database, "EDITOR");
      await expectOutageAndRecovery(
        server,
        token,
        () => embedded.stop(),
        async () => {
          embedded = await startEmbeddedPostgres({ dataDir });
        },
      );
    } finally {
      await server.close();
      await database.prisma.$disconnect();
      await embedded.stop();
    }
  });
});

const POSTGRES_BIN = ["/usr/lib/postgresql/15/bin", ...(fs.existsSync("/usr/lib/postgresql") ? fs.readdirSync("/usr/lib/postgresql").map((v) => `/usr/lib/postgresql/${v}/bin`) : [])].find(
  (dir) => fs.existsSync(path.join(dir, "pg_ctl")),
);

/** Runs a PostgreSQL program as the postgres user when we are root (the server refuses root). */
async function pgProgram(program: string, args: readonly string[]): Promise<void> {
  const binary = path.join(POSTGRES_BIN as string, program);
  if (process.getuid?.() === 0) await run("runuser", ["-u", "postgres", "--", binary, ...args]);
  else await run(binary, [...args]);
}

describe.skipIf(!POSTGRES_BIN)("a PostgreSQL server stops and starts again under a running server", () => {
  let clusterDir: string;
  let port: number;
  const pgCtl = (...args: string[]) => pgProgram("pg_ctl", ["-D", clusterDir, "-w", "-t", "120", ...args]);

  beforeAll(async () => {
    clusterDir = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-pg-cluster-"));
    if (process.getuid?.() === 0) await run("chown", ["postgres:postgres", clusterDir]);
    port = await freePort();
    await pgProgram("initdb", ["-D", clusterDir, "-A", "trust", "-U", "postgres", "--no-sync"]);
    // A private socket directory and port: nothing here touches the machine's own server.
    await pgCtl("-o", `-p ${port} -k ${clusterDir} -c listen_addresses=127.0.0.1 -c fsync=off`, "-l", path.join(clusterDir, "server.log"), "start");
  });
  afterAll(async () => {
    await pgCtl("-m", "immediate", "stop").catch(() => undefined);
    fs.rmSync(clusterDir, { recursive: true, force: true });
  });

  it("reports unavailable while the server is down and recovers without restarting copydesk", async () => {
    const database = await openDatabase({ kind: "server", url: `postgresql://postgres@127.0.0.1:${port}/postgres` }, { maxConnections: 3 });
    const server = await startLoggedServer(database);
    try {
      const token = await tokenFor(database, "EDITOR");
      await expectOutageAndRecovery(
        server,
        token,
        () => pgCtl("-m", "fast", "stop"),
        () => pgCtl("-o", `-p ${port} -k ${clusterDir} -c listen_addresses=127.0.0.1 -c fsync=off`, "-l", path.join(clusterDir, "server.log"), "start"),
      );
    } finally {
      await server.close();
      await database.close();
    }
  });
});
