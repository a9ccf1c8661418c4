import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TRIGGERS } from "../../../src/extraction/events/triggers.js";
import { requiredLiterals } from "../../../src/extraction/pattern-literals.js";

// Extraction's speed bar (issue 17: >= 50 stories of 5 KB a second, bench/extract.ts) rests on a few
// rules of how patterns are written; these tests keep new rules from breaking them unnoticed.
const extractionRoot = path.resolve(import.meta.dirname, "../../../src/extraction");

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

describe("extraction's patterns stay cheap", () => {
  it("every trigger pattern names a word it must contain, so the per-sentence prefilter can rule it out", () => {
    const without = TRIGGERS.filter((rule) => requiredLiterals(rule.pattern) === null).map((rule) => `${rule.type}: /${rule.pattern.source.slice(0, 60)}/`);
    expect(without).toEqual([]);
  });

  it("no trigger pattern opens with a lookbehind (V8 tries it at every position): a lookahead for the word goes first", () => {
    const opening = TRIGGERS.filter((rule) => /^(?:\\b)?(?:\(\?:)*\(\?<[=!]/.test(rule.pattern.source)).map((rule) => `${rule.type}: /${rule.pattern.source.slice(0, 60)}/`);
    expect(opening).toEqual([]);
  });

  it("nothing in src/extraction calls String.prototype.matchAll (it copies the pattern per call); matchesOf does the same work", () => {
    const callers = sourceFiles(extractionRoot).filter((file) => /\.matchAll\(/.test(fs.readFileSync(file, "utf8").replace(/^\s*(?:\/\/|\*).*$/gm, "")));
    expect(callers.map((file) => path.relative(extractionRoot, file))).toEqual([]);
  });
});
