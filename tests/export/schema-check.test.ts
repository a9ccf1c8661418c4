import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { breakingChangeNote, checkSchemaChanges, names, unreleasedSection } from "../../scripts/schema-check.js";

// npm run schema:check on fixtures: a field deliberately removed from a small schema is a
// breaking change that fails the check until CHANGELOG.md's Unreleased section or a
// "BREAKING CHANGE:" commit footer names it; an added field passes.

const root = path.resolve(import.meta.dirname, "../..");
const fixtures = path.join(root, "tests/fixtures/schema");
const read = (name: string) => fs.readFileSync(path.join(fixtures, name), "utf8");

const base = read("base.graphql");
const removed = read("removed-field.graphql");

describe("checkSchemaChanges", () => {
  it("fails on the removed field when nothing documents it", async () => {
    const result = await checkSchemaChanges({ base, current: removed, changelog: read("changelog-released-only.md"), commitMessage: "Tidy the article type" });
    expect(result.ok).toBe(false);
    expect(result.breaking).toEqual([{ path: "Article.dek", message: expect.stringContaining("dek"), documentedIn: null }]);
  });

  it("passes when CHANGELOG.md's Unreleased section names it", async () => {
    const result = await checkSchemaChanges({ base, current: removed, changelog: read("changelog-documented.md"), commitMessage: "" });
    expect(result.ok).toBe(true);
    expect(result.breaking[0]?.documentedIn).toBe("CHANGELOG.md");
  });

  it("passes when the commit message has a BREAKING CHANGE footer naming it, and only then", async () => {
    const footer = "Drop the subheading\n\nBREAKING CHANGE: Article.dek is gone; clients read the body.";
    expect((await checkSchemaChanges({ base, current: removed, changelog: "", commitMessage: footer })).breaking[0]?.documentedIn).toBe("commit message");
    // Naming the path without the footer, or the footer without the path, is not enough.
    expect((await checkSchemaChanges({ base, current: removed, changelog: "", commitMessage: "Remove Article.dek" })).ok).toBe(false);
    expect((await checkSchemaChanges({ base, current: removed, changelog: "", commitMessage: "x\n\nBREAKING CHANGE: remove a field" })).ok).toBe(false);
  });

  it("passes an additive change, which it reports as safe", async () => {
    const result = await checkSchemaChanges({ base, current: read("added-field.graphql"), changelog: "", commitMessage: "" });
    expect(result).toMatchObject({ ok: true, breaking: [] });
    // The field and its description.
    expect(new Set(result.safe.map((change) => change.path))).toEqual(new Set(["Article.jsonLd"]));
  });

  it("finds no change at all between the committed schema.graphql and itself", async () => {
    const committed = fs.readFileSync(path.join(root, "schema.graphql"), "utf8");
    const result = await checkSchemaChanges({ base: committed, current: committed, changelog: "", commitMessage: "" });
    expect(result.breaking.length + result.dangerous.length + result.safe.length).toBe(0);
  });
});

describe("what counts as documentation", () => {
  it("reads only the Unreleased section", () => {
    const section = unreleasedSection(read("changelog-released-only.md"));
    expect(section).toContain("Article.jsonLd");
    expect(section).not.toContain("older removal");
    expect(unreleasedSection("# Changelog\n\n## 0.1.0\n- `Article.dek`")).toBe("");
    expect(unreleasedSection("## [Unreleased]\n- `X.y`\n## [1.0.0]\n- z")).toBe("- `X.y`");
  });

  it("matches whole paths only", () => {
    expect(names("- `Article.dek` removed.", "Article.dek")).toBe(true);
    expect(names("Removed Article.dek.", "Article.dek")).toBe(true);
    expect(names("- `Article.dekline`", "Article.dek")).toBe(false);
    expect(names("- `Article.dek`", "Article")).toBe(false);
    expect(names("- `MyArticle.dek`", "Article.dek")).toBe(false);
  });

  it("reads the BREAKING CHANGE footer of a commit message", () => {
    expect(breakingChangeNote("Subject\n\nBody\n\nBREAKING CHANGE: Article.dek removed")).toBe(" Article.dek removed");
    expect(breakingChangeNote("Subject mentioning BREAKING CHANGE: inline")).toBe("");
  });
});

/** Runs the script as `npm run schema:check` would, with arguments; resolves with its exit code and output. */
function schemaCheck(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", path.join(root, "scripts/schema-check.ts"), ...args], { cwd: root, timeout: 150_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe("npm run schema:check", () => {
  const fixture = (name: string) => path.join(fixtures, name);

  it("exits 1 on the deliberately removed field and says what to do, 0 once the changelog documents it", async () => {
    const failing = await schemaCheck(["--base", fixture("base.graphql"), "--current", fixture("removed-field.graphql"), "--changelog", fixture("changelog-released-only.md"), "--message", "no footer"]);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toContain("UNDOCUMENTED breaking  Article.dek");
    expect(failing.stderr).toContain('"## Unreleased"');
    const passing = await schemaCheck(["--base", fixture("base.graphql"), "--current", fixture("removed-field.graphql"), "--changelog", fixture("changelog-documented.md"), "--message", ""]);
    expect(passing.code).toBe(0);
    expect(passing.stdout).toContain("documented  breaking  Article.dek");
  }, 120_000);

  it("says plainly when there is no base to compare with, and refuses bad arguments", async () => {
    const noBase = await schemaCheck(["--base-ref", "no-such-ref-anywhere"]);
    expect(noBase).toMatchObject({ code: 0, stdout: expect.stringContaining("no base schema to compare with") });
    expect((await schemaCheck(["--colour"])).code).toBe(2);
    const broken = await schemaCheck(["--base", fixture("changelog-documented.md"), "--current", fixture("base.graphql"), "--changelog", fixture("changelog-documented.md")]);
    expect(broken.code).toBe(2);
  }, 120_000);
});
