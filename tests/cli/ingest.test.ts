import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { openDatabase } from "../../src/db/index.js";
import { CLI_PATH as cli, runCli, type CliResult } from "../support/cli.js";
import { migratedDataDir } from "../support/database.js";

// `npm run ingest -- FILE...` (node dist/cli.js ingest ...) against an embedded DATA_DIR of its own
// (a copy of the migrated template: a first start is tests/http/process.test.ts's subject),
// spawned asynchronously like the token command's test: summary line, per-file failures with the
// exit code, the progress bar, and a second run of the same files changing nothing.

/** Runs the built CLI's ingest command on `dataDir`. */
function ingest(dataDir: string, args: string[]): Promise<CliResult> {
  return runCli(dataDir, ["ingest", ...args], { timeoutMs: 180_000 });
}

const SUMMARY = /^Ingested (\d+) file\(s\) in [\d.]+ s \([\d.]+ stories\/s\): (\d+) new article\(s\), (\d+) revision\(s\), (\d+) unchanged, (\d+) suggestion\(s\), (\d+) failed\.$/;

describe.skipIf(!fs.existsSync(cli))("the ingest command", () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-ingest-"));
  const dataDir = migratedDataDir({ dir: path.join(work, "data") });
  const story = (name: string, text: string) => {
    const file = path.join(work, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const harbour = story("harbour.txt", "The harbour reopened on Monday after a week of storms. “We are open for business,” harbour master Ann Lee said.");
  const council = story("council.txt", "The council approved the budget on Tuesday. “It is a fair budget,” Mayor Tom Ruiz said.");
  const empty = story("empty.txt", "   \n");
  const missing = path.join(work, "missing.txt");

  afterAll(() => {
    fs.rmSync(work, { recursive: true, force: true });
  });

  it("ingests each file, reports each failed one with its reason, prints one summary line and exits 1", async () => {
    const result = await ingest(dataDir, [harbour, empty, council, missing, "--published", "2024-05-07", "--outlet", "Harbour Gazette", "--progress"]);
    expect(result.code).toBe(1);
    const lines = result.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    const summary = SUMMARY.exec(lines[0] ?? "");
    expect(summary?.slice(1, 5)).toEqual(["4", "2", "0", "0"]);
    expect(summary?.[6]).toBe("2");
    expect(result.stderr).toContain(`${empty}: input.text: input.text must not be blank.`);
    expect(result.stderr).toMatch(new RegExp(`${missing.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: .*ENOENT`));
    expect(result.stderr).toMatch(/Ingesting \[.*\] 4\/4 files/);

    const database = await openDatabase(loadConfig({ DATA_DIR: dataDir }).database);
    try {
      const articles = await database.prisma.article.findMany({ orderBy: { createdAt: "asc" } });
      expect(articles.map((article) => [article.slug, article.status, article.outlet, article.publishedAt?.toISOString().slice(0, 10)])).toEqual([
        ["the-harbour-reopened-on-monday-after-a-week", "DRAFT", "Harbour Gazette", "2024-05-07"],
        ["the-council-approved-the-budget-on-tuesday-it", "DRAFT", "Harbour Gazette", "2024-05-07"],
      ]);
      expect(articles[0]?.body).toBe(fs.readFileSync(harbour, "utf8"));
      expect(await database.prisma.auditEvent.count({ where: { action: "article.ingest", actorId: null } })).toBe(2);
    } finally {
      await database.close();
    }
  }, 240_000);

  it("changes nothing on a second run of the same files, and exits 0", async () => {
    const result = await ingest(dataDir, [harbour, council]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(SUMMARY.exec(result.stdout.trim())?.slice(1, 7)).toEqual(["2", "0", "0", "2", "0", "0"]);
  }, 240_000);

  it("makes a changed text at the same --url a revision", async () => {
    const first = await ingest(dataDir, [story("v1.txt", "Version one of the ferry story."), "--url", "https://news.example/ferry"]);
    const second = await ingest(dataDir, [story("v2.txt", "Version two of the ferry story, corrected."), "--url", "https://news.example/ferry"]);
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(SUMMARY.exec(first.stdout.trim())?.slice(2, 4)).toEqual(["1", "0"]);
    expect(SUMMARY.exec(second.stdout.trim())?.slice(2, 4)).toEqual(["0", "1"]);
  }, 240_000);

  it("refuses a bad command line with the usage and exit code 2", async () => {
    for (const args of [[], ["--published", "28/09/2018", harbour], [harbour, council, "--url", "https://news.example/x"], ["--frobnicate", harbour]]) {
      const result = await ingest(dataDir, args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain("ingest FILE...");
    }
  }, 240_000);
});
