import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";

// Issue 17, twentieth pass (h17aa): a statement a briefer reads out in their turn is its
// author's words. Texts written for these tests.

const briefing = (announcement: string) =>
  [
    "Department of Harbors Press Briefing by Press Secretary John Reed",
    "News Transcript",
    "JOHN REED: Good afternoon, everybody. Two things before your questions.",
    announcement,
    "'At a time when our ports carry more freight than ever, it is vital that the council pass a budget for the dredging crews.",
    "The crews have worked through the winter, and they deserve to know their work will go on.'",
    "With that, I'll take your questions.",
    "Q: John, when will the budget pass?",
    "JOHN REED: I don't have a date for you.",
  ].join("\n\n");

const speakers = (text: string) => extractArticle(text).quotes.filter((quote) => quote.kind === "direct").map((quote) => quote.speaker);

describe("a statement read out in a briefer's turn", () => {
  it("gives the quoted paragraphs to the statement's author, then the turn goes on as the briefer's", () => {
    expect(speakers(briefing("Second, I want to provide you a statement from Secretary Jane Roe on the harbor budget talks."))).toEqual([
      "John Reed",
      "John Reed",
      "Jane Roe",
      "Jane Roe",
      "John Reed",
      null,
      "John Reed",
    ]);
  });

  it("leaves a body's statement with the briefer", () => {
    expect(speakers(briefing("Second, I have a statement from the Harbor Council on the budget talks.")).slice(2, 4)).toEqual(["John Reed", "John Reed"]);
  });
});
