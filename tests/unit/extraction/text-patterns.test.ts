import { describe, expect, it } from "vitest";
import { escapeForRegExp, matchesOf, wordPattern } from "../../../src/extraction/text.js";

// The pattern helpers the extractor's hot loops use instead of `matchAll` and leading lookbehinds:
// they must find exactly what the plain forms find.
describe("matchesOf", () => {
  const samples = ["Two soldiers were killed and three were wounded in Kirkuk.", "", "😀a😀b", "no match here"];
  const patterns = [/\b\w+ed\b/g, /(?<=\s)\w/gu, /x*/gu, /(?:)/g, /were/gi];
  for (const pattern of patterns)
    for (const text of samples)
      it(`gives what matchAll gives: ${pattern} on ${JSON.stringify(text)}`, () => {
        const plain = [...text.matchAll(new RegExp(pattern.source, pattern.flags))].map((m) => [m.index, m[0]]);
        expect(matchesOf(pattern, text).map((m) => [m.index, m[0]])).toEqual(plain);
        expect(pattern.lastIndex).toBe(0);
      });

  it("refuses a pattern without the g flag, which would loop for ever", () => {
    expect(() => matchesOf(/killed/, "killed")).toThrow(/needs a global pattern/);
  });
});

describe("wordPattern", () => {
  const text = "Jo Doe-Roe met Doe. McDoe, Doe's aide, and .Doe and Doe";
  it("finds the literal where the lookbehind form does", () => {
    const plain = [...text.matchAll(/(?<![\p{L}.'’-])Doe(?![\p{L}-])/gu)].map((m) => m.index);
    expect([...text.matchAll(wordPattern("Doe", "[\\p{L}.'’-]", "[\\p{L}-]"))].map((m) => m.index)).toEqual(plain);
    expect(plain.length).toBeGreaterThan(0);
  });

  it("matches a name with pattern characters literally", () => {
    expect("Dr. A. (Ben) Roe+ said".search(wordPattern("A. (Ben) Roe+", "[\\p{L}]", "[\\p{L}]", "u"))).toBe(4);
    expect(escapeForRegExp("a.b*c")).toBe("a\\.b\\*c");
  });
});
