import { describe, expect, it } from "vitest";
import { PatternPrefilter, requiredLiterals } from "../../../src/extraction/pattern-literals.js";

describe("requiredLiterals", () => {
  it("reads the words one of which every match holds, lower-cased", () => {
    expect(requiredLiterals(/\b(?:Attack(?:s|ed)?|bomb(?:ing)?s?)\b/gi)).toEqual(["attack", "bomb"]);
    expect(requiredLiterals(/(?=killed)(?<=\b(?:forces|troops)\s+)killed\b/giu)).toEqual(["killed"]);
    // A run of characters goes on across assertions and one-letter classes ("[Ii]n").
    expect(requiredLiterals(/[Ii]n\s+the\b city/g)).toEqual(["the city"]);
    // The most selective element of a sequence: its shortest literal is the longest.
    expect(requiredLiterals(/\b(?:a|an)\s+(?:soldier|officer)s?/g)).toEqual(["soldier", "officer"]);
  });

  it("promises nothing where a match may hold no literal", () => {
    expect(requiredLiterals(/(?:attack)?\d+/g)).toBeNull();
    expect(requiredLiterals(/attack|\p{Lu}\p{Ll}+/gu)).toBeNull();
    expect(requiredLiterals(/(?:)/g)).toBeNull();
  });
});

describe("PatternPrefilter", () => {
  const patterns = [
    /\b(?:attack(?:s|ed)?|bomb(?:ing)?s?)\b/gi,
    /\bbombings\b/gi,
    /(?=killed)(?<=\b(?:forces|troops)\s+)killed\b/giu,
    /\bstrikes?\b/gu,
    /\d+ (?:dead|wounded)/g,
    /\d+/g,
  ];
  const prefilter = new PatternPrefilter(patterns);
  const sentences = [
    "Troops killed two gunmen after the ATTACK on a checkpoint.",
    "The bombings went on; 12 dead, 30 wounded.",
    "Air strikes hit the town.",
    "Nothing happened today.",
    "The ſtrike was reported.",
    "Forces\nkilled five in BOMBING raids",
  ];
  for (const sentence of sentences)
    it(`never rules out a pattern that matches: ${JSON.stringify(sentence)}`, () => {
      const possible = prefilter.possible(sentence);
      for (const pattern of patterns) if (new RegExp(pattern.source, pattern.flags).test(sentence)) expect(possible(pattern)).toBe(true);
    });

  it("rules patterns out where none of their words is", () => {
    const possible = prefilter.possible("Nothing happened today.");
    expect(patterns.slice(0, 5).map((pattern) => possible(pattern))).toEqual([false, false, false, false, false]);
    // A pattern with no literal is always tried.
    expect(possible(patterns[5] as RegExp)).toBe(true);
  });

  it("refuses a pattern it was not built for", () => {
    expect(() => prefilter.possible("x")(/other/g)).toThrow(/not one of the patterns/);
  });
});
