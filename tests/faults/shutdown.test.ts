import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/index.js";
import { migratedDataDir } from "../support/database.js";
import { TEST_SERVER_BOUNDS } from "../support/server.js";

const root = path.resolve(import.meta.dirname, "../..");
const entry = path.join(root, "dist", "main.js");
/** Longest wait for the server's banner before the test gives up. */
const BANNER_TIMEOUT_MS = 300_000;

const CREATE = `mutation Create($input: CreateArticleInput!) { createArticle(input: $input) { article { id slug } errors { code field } } }`;

/** Starts `npm start`'s entry point on the embedded database in `dataDir` and waits for its banner. */
function start(dataDir: string): Promise<{ child: ChildProcess; baseUrl: string; output: () => string }> {
  const { DATABASE_URL: _server, ...inherited } = process.env;
  const child = spawn(process.execPath, [entry], { cwd: root, env: { ...inherited, NODE_ENV: "development", LOG_LEVEL: "warn", PORT: "0", DATA_DIR: dataDir, ...TEST_SERVER_BOUNDS } });
  let output = "";
  return new Promise((resolve, reject) => {
    // A bound against hanging only: on a busy shared machine migrating and seeding PGlite took
    // over a minute.
    const timer = setTimeout(() => reject(new Error(`no banner within ${BANNER_TIMEOUT_MS / 1000} s:\n${output}`)), BANNER_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(/serving GraphQL at (http:\/\/[^\s]+)\/graphql/);
      if (match) {
        clearTimeout(timer);
        resolve({ child, baseUrl: match[1]!, output: () => output });
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before serving:\n${output}`));
    });
  });
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

type Outcome = { slug: string; acknowledged: boolean; status: number | null };

describe.skipIf(!fs.existsSync(entry))("SIGTERM during in-flight mutations", () => {
  // Already migrated (a copy of the template): the subject is stopping, not a first start.
  const dataDir = migratedDataDir({ prefix: "copydesk-shutdown-" });
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill("SIGKILL");
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("drains them, exits 0, and every acknowledged mutation is stored whole while no other one is", async () => {
    const running = await start(dataDir);
    child = running.child;
    const token = fs.readFileSync(path.join(dataDir, "development-token"), "utf8").trim();
    const slugs = Array.from({ length: 50 }, (_, i) => `shutdown-${i}`);

    let firstAnswer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => (firstAnswer = resolve));
    const send = async (slug: string): Promise<Outcome> => {
      try {
        const response = await fetch(`${running.baseUrl}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({ query: CREATE, variables: { input: { slug, headline: `Story ${slug}`, body: `Body of ${slug}. `.repeat(50) } } }),
        });
        const body = (await response.json()) as { data?: { createArticle?: { article: { slug: string } | null } | null } };
        firstAnswer();
        return { slug, status: response.status, acknowledged: response.status === 200 && body.data?.createArticle?.article?.slug === slug };
      } catch {
        // The connection was refused or closed: not acknowledged, so it may or may not be stored.
        return { slug, status: null, acknowledged: false };
      }
    };
    const outcomes = Promise.all(slugs.map(send));
    // SIGTERM as soon as the first mutation is answered: the other 49 are in flight or queued
    // on the single embedded connection.
    await answered;
    running.child.kill("SIGTERM");
    const results = await outcomes;
    expect(await exitCode(running.child), running.output()).toBe(0);

    const acknowledged = results.filter((result) => result.acknowledged).map((result) => result.slug);
    // More than the one answered before SIGTERM: the server drained requests in flight.
    expect(acknowledged.length).toBeGreaterThan(1);

    const database = await openDatabase({ kind: "embedded", dataDir });
    try {
      const stored = await database.prisma.article.findMany({ where: { slug: { in: slugs } }, include: { revisions: true } });
      const storedSlugs = stored.map((article) => article.slug);
      // Nothing acknowledged is lost.
      for (const slug of acknowledged) expect(storedSlugs).toContain(slug);
      // Nothing is half-written: each stored article has its first revision and its one audit event.
      for (const article of stored) {
        expect(article.revisions, article.slug).toHaveLength(1);
        expect(article.body).toBe(`Body of ${article.slug}. `.repeat(50));
        expect(await database.prisma.auditEvent.count({ where: { targetId: article.id, action: "article.create" } }), article.slug).toBe(1);
      }
      // Every request was answered one way or the other, and the server drained rather than dropped:
      // anything stored but not acknowledged would be a write whose answer was lost.
      expect(storedSlugs.sort()).toEqual([...acknowledged].sort());
    } finally {
      await database.close();
    }
  }, 420_000);
});
