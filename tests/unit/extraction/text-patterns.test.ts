import { describe, expect, it } from "vitest";
import { escapeForRegExp, LETTER, literalMatches, matchesOf, trailingRun, wordOffsets } from "../../../src/extraction/patterns.js";

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

describe("wordOffsets", () => {
  const text = "Jo Doe-Roe met Doe. McDoe, Doe's aide, and .Doe and Doe 😀Doe Doe";
  it("finds the offsets the lookbehind pattern finds", () => {
    const plain = [...text.matchAll(/(?<![\p{L}.'’-])Doe(?![\p{L}-])/gu)].map((m) => m.index);
    expect(wordOffsets(text, "Doe", /[\p{L}.'’-]/u, /[\p{L}-]/u)).toEqual(plain);
    expect(plain.length).toBeGreaterThan(3);
  });

  it("searches only from `from` up to `to`, and skips a found occurrence whole", () => {
    expect(wordOffsets(text, "Doe", LETTER, LETTER, 20, 40)).toEqual([...text.matchAll(/(?<!\p{L})Doe(?!\p{L})/gu)].map((m) => m.index).filter((at) => at >= 20 && at < 40));
    expect(wordOffsets("a-a-a-a", "a-a", LETTER, LETTER)).toEqual([...("a-a-a-a".matchAll(/(?<!\p{L})a-a(?!\p{L})/gu))].map((m) => m.index));
  });

  it("reads a letter outside the BMP as a letter and finds nothing for an empty name", () => {
    expect(wordOffsets("𝐀Doe Doe", "Doe", LETTER, LETTER)).toEqual([6]); // "𝐀" is two code units, and a letter
    expect(wordOffsets("Doe", "", LETTER, LETTER)).toEqual([]);
  });

  it("escapes pattern characters", () => {
    expect(escapeForRegExp("a.b*c")).toBe("a\\.b\\*c");
  });
});

describe("literalMatches", () => {
  // What the story's pattern of known localities finds: the longest name at each offset, names standing as words.
  const edge = /[\p{L}\p{N}]/u;
  const plain = (text: string, names: string[]): [number, string][] =>
    matchesOf(new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...names].sort((a, b) => b.length - a.length).map(escapeForRegExp).join("|")})(?![\\p{L}\\p{N}])`, "gu"), text).map((m) => [m.index, m[0]]);
  const cases: [string, string[]][] = [
    ["Troops left Deh Rawud for Rawud and Deh.", ["Deh", "Deh Rawud", "Rawud"]],
    ["b a a a", ["b a", "a a"]],
    ["Sabari, Sabarix and 2Sabari; Sabari2 (Sabari)", ["Sabari"]],
    ["😀Kot 😀 Kot Kot", ["Kot", "Kot Kot", "😀"]],
    ["", ["Kot"]],
  ];
  it.each(cases)("finds in %j what the pattern finds", (text, names) => {
    expect(literalMatches(text, names, edge)).toEqual(plain(text, names));
  });
});

describe("trailingRun", () => {
  const samples = ["toppled Mr", "the U.S", "ends. ", "", "Ça😀", "a 𝐀𝐁", "word.", "12 Dr."];
  it.each(samples)("gives for %j what [\\p{L}.]+$ gives", (text) => {
    expect(trailingRun(text, /[\p{L}.]/u)).toBe(/[\p{L}.]+$/u.exec(text)?.[0] ?? "");
  });
});
