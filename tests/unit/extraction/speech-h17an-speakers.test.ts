import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";
import { peopleNames, quoteIn, reportOf } from "./speech-support.js";

// Issue 17, pass h17an (speakers): a holiday word is a name word inside a full name; a long
// description opening a sentence before an appositive name makes that name the subject; a title
// abbreviation's dot or a sentence end gives a name no verb after it; a time adverbial closing a
// subject is no part of its name; a headline's last word puts the lead's first word nowhere
// mid-sentence. Short texts written for these tests.

describe("a name holding a word that is also a holiday", () => {
  it("reads the full name after a long title, and the lead's role as that person", () => {
    const text = [
      "Ruritania's Army Claims Win",
      "Ruritania's navy chief says his sailors have taken the port.",
      "Chief of naval staff Admiral Omar Ramadan Talib says the sailors had won a clear victory at Port Ost. He says two sailors had died.",
    ].join("\n\n");
    const extraction = extractArticle(text);
    expect(peopleNames(extraction)).toContain("Omar Ramadan Talib");
    expect(quoteIn(extraction, "the sailors had won")?.speaker).toBe("Omar Ramadan Talib");
    expect(quoteIn(extraction, "two sailors had died")?.speaker).toBe("Omar Ramadan Talib");
  });
});

describe("an appositive name after a long opening description", () => {
  it("continues the appositive subject, not a person named at the end of his sentence", () => {
    const text = [
      "Rebels Pull Back",
      "The rebel leader says they want to remove long-time President Karl Weber.",
      "A policy analyst at the U.S. based Institute of Peace and Security, Piet Brandt, does not think the rebels, who hide in the hills, can reach the capital as they did when they nearly ousted Mr. Weber.",
      "He says he thinks their aims have changed.",
    ].join("\n\n");
    const extraction = extractArticle(text);
    expect(peopleNames(extraction)).toContain("Piet Brandt");
    expect(quoteIn(extraction, "he thinks their aims")?.speaker).toBe("Piet Brandt");
  });

  it("still gives a pronoun to the subject of a reporting verb after a sentence naming another person", () => {
    const text = [
      "Budget Review Begins",
      "The offices are drafting ideas to present to Finance Minister Karl Weber, Brandt said. The minister, he said, will hear of the progress each week.",
    ].join("\n\n");
    expect(quoteIn(extractArticle(text), "The minister, he said")?.speaker).toBe("Brandt");
  });
});

describe("a time adverbial after a body that speaks", () => {
  it("gives 'X on Tuesday issued a statement calling it a “...”' to X", () => {
    const text = ["Vote Draws Praise", 'Ruritania on Tuesday issued a statement describing the vote as a "welcome first step." The statement also urged the council to "release the prisoners now."'].join("\n\n");
    const extraction = extractArticle(text);
    expect(quoteIn(extraction, "welcome first step")?.speaker).toBe("Ruritania");
    expect(quoteIn(extraction, "release the prisoners")?.speaker).toBe("Ruritania");
  });
});

describe("a plural description opening the lead", () => {
  it("keeps 'Officials said' after a headline an unnamed source, not a person", () => {
    const text = ["Floods Hit River Town", "Officials said Monday the river had crested.", "Mayor Karl Weber said the town would rebuild."].join("\n\n");
    const extraction = extractArticle(text);
    expect(peopleNames(extraction)).not.toContain("Officials");
    const report = reportOf(text, "the river had crested");
    expect(report?.speaker).toBeNull();
    expect(report?.speakerDescription).toBe("Officials");
  });
});

describe("an untitled name set off by a relative clause", () => {
  it("gives 'she said' to the woman who opened the paragraph before, not to a man named earlier", () => {
    const text = [
      "Shelter Opens",
      'Mayor Robert Allen opened the shelter on Monday. "We are ready," Allen said.',
      "Margaret Dunn, who runs the shelter with her husband, was blunt about the cold.",
      '"We need more beds," she said.',
    ].join("\n\n");
    expect(quoteIn(extractArticle(text), "We need more beds")?.speaker).toBe("Margaret Dunn");
  });
});
