import { describe, expect, it } from "vitest";
import { scoreExtraction, wordOverlapF1, type ScoredDocument } from "../../../src/evaluation/score-extraction.js";

// The in-repo scorer on keys small enough to count by hand: each figure the bar is
// stated in, and the rules that decide it (typography folded, one-to-one matching, unnamed
// sources by their head noun, organizations matched loosely, `keyed` sections).

const key: ScoredDocument = {
  quotes: [
    { text: "We will rebuild every school that the storm took from us", speaker: "Maria Alvarez", kind: "direct" },
    { text: "The river crossing stays shut until the engineers sign off", speaker: "Harbor Authority", kind: "direct" },
    { text: "two bridges had been washed away", speaker: null, speakerDescription: "a county official", kind: "indirect" },
    { text: "nobody was hurt in the second landslide", speaker: "Tomas Reyes", kind: "indirect" },
  ],
  people: [
    { name: "Maria Alvarez", aliases: ["Alvarez"] },
    { name: "Tomas Reyes", aliases: ["Reyes"] },
  ],
  organizations: ["Harbor Authority", "County Board"],
  places: ["Valle Norte"],
  incidents: [{ type: "closure", place: "Valle Norte", fatalities: { min: null }, injuries: { min: 0 } }],
};

describe("scoreExtraction", () => {
  it("gives 1 everywhere to an extraction that is the key itself", () => {
    const score = scoreExtraction(key, key);
    expect(score.directQuotes).toMatchObject({ precision: 1, recall: 1, gold: 2, predicted: 2, matched: 2 });
    expect(score.indirectQuoteRecall).toBe(1);
    expect(score.speakerAccuracy).toBe(1);
    expect(score.people?.f1).toBe(1);
    expect(score.organizations?.f1).toBe(1);
    expect(score.incidents?.recall).toBe(1);
    expect(score.casualtyAccuracy).toBe(1);
  });

  it("folds typography but not content: curly marks and case match, a different sentence does not", () => {
    expect(wordOverlapF1("“We will REBUILD every school that the storm took from us,”", "We will rebuild every school that the storm took from us")).toBe(1);
    expect(wordOverlapF1("The storm took nothing from us", "We will rebuild every school that the storm took from us")).toBeLessThan(0.8);
  });

  it("counts a speaker right by surname, an organization by a looser name, an unnamed source by its head noun", () => {
    const predicted: ScoredDocument = {
      quotes: [
        { text: "we will rebuild every school that the storm took from us.", speaker: "Alvarez", kind: "direct" },
        { text: "The river crossing stays shut until the engineers sign off", speaker: "the Harbor Authority", kind: "direct" },
        { text: "two bridges had been washed away, he said", speaker: null, speakerDescription: "the official", kind: "indirect" },
        { text: "nobody was hurt in the second landslide", speaker: "Maria Alvarez", kind: "indirect" },
      ],
      people: [{ name: "Maria Alvarez", aliases: [] }],
    };
    const score = scoreExtraction(key, predicted);
    expect(score.directQuotes).toMatchObject({ precision: 1, recall: 1 });
    expect(score.indirectQuoteRecall).toBe(1);
    // Three of four speakers right: the last quote is Reyes's, not Alvarez's.
    expect(score.speakerAccuracy).toBe(0.75);
    expect(score.quoteCounts).toEqual({ quotes: 4, speakersRight: 3, indirect: 2, indirectFound: 2 });
    expect(score.people).toMatchObject({ precision: 1, recall: 0.5, f1: 0.667 });
  });

  it("matches one to one, so a quote found twice is one hit and one false positive", () => {
    const once = { text: "We will rebuild every school that the storm took from us", speaker: "Maria Alvarez", kind: "direct" };
    const score = scoreExtraction(key, { quotes: [once, once] });
    expect(score.directQuotes).toMatchObject({ precision: 0.5, recall: 0.5, matched: 1 });
  });

  it("leaves precision undefined (null) when nothing was predicted, and counts the misses in recall", () => {
    const score = scoreExtraction(key, {});
    expect(score.directQuotes).toMatchObject({ precision: null, recall: 0, f1: 0 });
    expect(score.speakerAccuracy).toBe(0);
    expect(score.casualtyAccuracy).toBe(0);
  });

  it("scores only the sections a key lists in `keyed`", () => {
    const peopleOnly: ScoredDocument = { ...key, keyed: ["people"] };
    const score = scoreExtraction(peopleOnly, { people: key.people ?? [] });
    expect(score.people?.f1).toBe(1);
    expect(score.directQuotes).toBeNull();
    expect(score.speakerAccuracy).toBeNull();
    expect(score.places).toBeNull();
    expect(score.incidents).toBeNull();
    expect(() => scoreExtraction({ keyed: ["speakers"] }, {})).toThrow(/unknown sections speakers/);
  });
});
