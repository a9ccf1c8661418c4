import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";

// Issue 17, thirteenth pass (studied on PolNeAR train and speech-12): "he"/"she" continues the
// subject of the sentences before it, also after a fronted phrase, across one paragraph break, and
// when that subject is a person named without a title; each on short texts written for these tests.

const speakerOf = (text: string, start: string): string | null | undefined => extractArticle(text).quotes.find((quote) => quote.text.startsWith(start))?.speaker;

describe("pronouns continue the subject before them", () => {
  it("prefers the subject after a fronted phrase over the object named after it, across a paragraph break", () => {
    const text = [
      "Senate candidate Paul Varga spent the day attacking former Mayor Tom Healy.",
      "Speaking at a diner in Hollis, Varga went after Healy, calling him “a tired insider.”",
      "He says, “Here is a man who has never balanced a budget in his life.”",
    ].join("\n\n");
    expect(speakerOf(text, "Here is a man")).toBe("Paul Varga");
  });

  it("gives the pronoun to a surname alone that opens the paragraph before, for a person named without a title", () => {
    const text = [
      "Former Governor Luis Ortega said the new levy was a mistake. “It will drive families away,” Ortega told reporters.",
      "“The first loser will be the port,” he continued. Ortega also criticized Donald Marsh, who proposed the levy.",
      "Since launching his campaign in March, Marsh has defended the levy at every stop.",
      "“We are asking the biggest firms to pay their share,” he said.",
    ].join("\n\n");
    expect(speakerOf(text, "We are asking")).toBe("Donald Marsh");
  });

  it("does not give 'she' to an untitled man's surname, nor 'he' to a woman's", () => {
    const text = [
      "Mayor Ruth Adler met Robert Kane at the depot on Monday.",
      "Later, Kane toured the rail yard with staff.",
      "“The yard needs new tracks before winter,” she said.",
    ].join("\n\n");
    expect(speakerOf(text, "The yard needs")).toBe("Ruth Adler");
  });

  it("keeps the subject of the same paragraph when the fronted name only starts a list", () => {
    const text = [
      "Gov. Nora Pike spoke after the vote. At the hearing, Mills and Ortiz sat in the front row.",
      "“We kept our promise to the schools,” she said.",
    ].join("\n\n");
    expect(speakerOf(text, "We kept")).toBe("Nora Pike");
  });
});
