import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { migratedDataDir } from "../support/database.js";
import { postGraphQL, TEST_SERVER_BOUNDS } from "../support/server.js";

const root = path.resolve(import.meta.dirname, "../..");
const entry = path.join(root, "dist", "main.js");
/** Longest wait for the server's banner before the test gives up. */
const BANNER_TIMEOUT_MS = 300_000;

interface Running {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  readonly output: () => string;
}

/** Runs `npm start`'s entry point (dist/main.js, built by `npm test`'s pretest) and waits for its banner. */
function start(env: NodeJS.ProcessEnv): Promise<Running> {
  const { DATABASE_URL: _server, ...inherited } = process.env;
  const child = spawn(process.execPath, [entry], { cwd: root, env: { ...inherited, LOG_LEVEL: "warn", PORT: "0", ...TEST_SERVER_BOUNDS, ...env } });
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
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before serving:\n${output}`));
    });
  });
}

function exitCode(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null ? Promise.resolve(child.exitCode) : new Promise((resolve) => child.once("exit", (code) => resolve(code)));
}

const storyQuery = `{ articles(first: 100) { totalCount edges { node { slug quotes(first: 100) { edges { node { text } } } } } } }`;
type Story = { articles: { totalCount: number; edges: { node: { slug: string; quotes: { edges: { node: { text: string } }[] } } }[] } };

describe.skipIf(!fs.existsSync(entry))("npm start on the embedded database", () => {
  // A starts on an empty directory (npm start's first run: initdb, migrations, the example story);
  // B, the second copy beside it, on an already migrated one (a copy of the template), where it
  // still loads the example story itself.
  const dirs = [fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-a-")), migratedDataDir({ prefix: "copydesk-b-" })];
  const running: Running[] = [];
  afterAll(async () => {
    for (const process of running) process.child.kill("SIGKILL");
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it("serves the example story, keeps data across a restart, runs beside a second copy and stops cleanly on SIGTERM", async () => {
    const [dirA, dirB] = dirs as [string, string];
    const a = await start({ DATA_DIR: dirA });
    running.push(a);
    const b = await start({ DATA_DIR: dirB });
    running.push(b);
    expect(a.baseUrl).not.toBe(b.baseUrl);

    for (const instance of [a, b]) {
      const { body } = await postGraphQL<Story>(instance.baseUrl, storyQuery);
      expect(body.data!.articles.totalCount).toBe(1);
      // The seed ingests the story: the answer key's 11 quotes and whatever else extraction finds.
      expect(body.data!.articles.edges[0]!.node.quotes.edges.length).toBeGreaterThanOrEqual(11);
    }

    // A third process on A's directory must not open the same files.
    const intruder = spawn(process.execPath, [entry], { cwd: root, env: { ...process.env, DATABASE_URL: "", PORT: "0", DATA_DIR: dirA, LOG_LEVEL: "warn" } });
    let intruderOutput = "";
    intruder.stderr.on("data", (chunk: Buffer) => (intruderOutput += chunk.toString()));
    expect(await exitCode(intruder)).toBe(1);
    expect(intruderOutput).toMatch(/already serving the embedded database/);
    // The message says what to do; no stack trace under it.
    expect(intruderOutput.trim().split("\n")).toHaveLength(1);
    expect(intruderOutput).not.toMatch(/^\s+at /m);

    // Write through A's own endpoint, then restart A: the row must survive and the story must not be duplicated.
    const record = JSON.parse(fs.readFileSync(path.join(dirA, "server.json"), "utf8")) as { url: string };
    const client = new pg.Client({ connectionString: record.url });
    await client.connect();
    await client.query(
      `INSERT INTO "Article" (id, slug, body, "bodyHash", status, "publishedAt", "updatedAt")
       VALUES ('0190a000-0000-7000-8000-0000000000aa', 'kept-across-restarts', 'Kept.', 'k', 'PUBLISHED', now(), now())`,
    );
    await client.end();

    a.child.kill("SIGTERM");
    expect(await exitCode(a.child)).toBe(0);
    expect(fs.existsSync(path.join(dirA, "server.json"))).toBe(false);

    const { body: stillB } = await postGraphQL<Story>(b.baseUrl, storyQuery);
    expect(stillB.data!.articles.totalCount).toBe(1);

    const again = await start({ DATA_DIR: dirA });
    running.push(again);
    const { body } = await postGraphQL<Story>(again.baseUrl, storyQuery);
    expect(body.data!.articles.edges.map((edge) => edge.node.slug).sort()).toEqual(["basra-consulate-2018", "kept-across-restarts"]);

    for (const instance of [again, b]) {
      instance.child.kill("SIGTERM");
      expect(await exitCode(instance.child)).toBe(0);
    }
  }, 600_000);
});
