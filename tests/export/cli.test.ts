import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, describe, expect, it } from "vitest";
import { ACLED_COLUMNS } from "../../src/domain/export/acled.js";
import { CLI_PATH as cli, runCli, type CliResult } from "../support/cli.js";
import { migratedDataDir } from "../support/database.js";

// `npm run export -- ...` (node dist/cli.js export ...) on an embedded DATA_DIR of its own (a copy
// of the migrated template) with the example story, spawned asynchronously like
// tests/cli/token.test.ts (never on DATABASE_URL).

/** Runs the built CLI on `dataDir`. */
function copydesk(dataDir: string, args: string[]): Promise<CliResult> {
  return runCli(dataDir, args);
}

describe.skipIf(!fs.existsSync(cli))("the export command", () => {
  const dataDir = migratedDataDir({ prefix: "copydesk-export-" });

  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("exports the example story's incidents as CSV to a file and every entity as JSON Lines to stdout", async () => {
    expect((await copydesk(dataDir, ["seed"])).code).toBe(0);

    const file = path.join(dataDir, "incidents.csv");
    const written = await copydesk(dataDir, ["export", "incidents", "--format", "csv", "--out", file]);
    expect(written).toMatchObject({ code: 0, stderr: "" });
    const rows = parse(fs.readFileSync(file, "utf8"), { columns: true }) as Record<string, string>[];
    expect(written.stdout.trim()).toBe(`Exported ${rows.length} incidents to ${file}.`);
    expect(Object.keys(rows[0] ?? {})).toEqual([...ACLED_COLUMNS]);
    expect(rows.find((row) => row["event_date"] === "2018-09-28")).toMatchObject({ event_type: "Strategic developments", location: "Basra", time_precision: "1" });
    expect(fs.existsSync(`${file}.partial`)).toBe(false);

    // To stdout, nothing but the lines.
    const all = await copydesk(dataDir, ["export", "all", "--format", "jsonl"]);
    expect(all).toMatchObject({ code: 0, stderr: "" });
    const types = new Set(all.stdout.trimEnd().split("\n").map((line) => (JSON.parse(line) as { type: string }).type));
    expect([...types]).toEqual(expect.arrayContaining(["Article", "Quote", "Person", "Place", "Incident", "EntityMention"]));
  }, 240_000);

  it("refuses a bad command line with exit code 2 and the usage, touching nothing", async () => {
    const result = await copydesk(dataDir, ["export", "all", "--format", "csv", "--out", path.join(dataDir, "nope.csv")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^export all: --format must be jsonl, not "csv"/);
    expect(result.stderr).toContain("export incidents --format csv|jsonl");
    expect(fs.existsSync(path.join(dataDir, "nope.csv"))).toBe(false);
  });
});
