import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

// `extract` refuses what is not an article with a message that says why, and prints nothing.

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "copydesk-extract-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

async function extract(name: string, content: string | Buffer): Promise<{ code: number; stdout: string; stderr: string }> {
  const file = path.join(scratch, name);
  fs.writeFileSync(file, content);
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(root, "dist/cli.js"), "extract", file]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("extract on bad input", () => {
  it.each([
    ["an empty file", "empty.txt", "  \n", /is empty: there is nothing to extract/],
    ["a binary file", "image.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]), /contains NUL bytes/],
    ["a 10 MB file", "huge.txt", "The minister said the port would reopen. ".repeat(250_000), /at most 500000/],
  ])("refuses %s with exit code 2 and a reason", async (_what, name, content, reason) => {
    const result = await extract(name, content);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(reason);
  });

  it("prints speakerKind with every quote of a real story", async () => {
    const result = await extract("story.txt", "“We will reopen the port,” the Harbor Authority said on Monday.\n“It is safe,” said Mayor Lena Ortiz.");
    expect(result.code).toBe(0);
    const quotes = (JSON.parse(result.stdout) as { quotes: { speaker: string | null; speakerKind: string | null }[] }).quotes;
    expect(quotes.map((quote) => [quote.speaker, quote.speakerKind])).toEqual([
      ["Harbor Authority", "organization"],
      ["Lena Ortiz", "person"],
    ]);
  });
});
