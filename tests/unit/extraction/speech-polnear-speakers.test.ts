import { describe, expect, it } from "vitest";
import { quotedWordsOf, quotedWordsOpening } from "./speech-support.js";

// Issue 17, fifteenth pass (PolNeAR speakers, studied on its train split only): where a
// continuation's speaker is named, party designations the tagger cuts at their full stop, show and
// book titles in quotation marks, and name labels before a colon; each on short texts written for
// these tests.


describe("continuations", () => {
  it("points a continuation quote at the attribution that named its speaker", () => {
    const text = [
      "The council met on Tuesday.",
      "“The bridge will stay closed through the spring,” the council's engineer said. “After that we will know more about the piers.”",
    ].join("\n\n");
    const first = quotedWordsOpening(text, "The bridge will stay closed");
    const second = quotedWordsOpening(text, "After that we will know");
    expect(first?.attribution).not.toBeNull();
    expect(second?.speakerDescription).toBe(first?.speakerDescription);
    expect(second?.attribution).toEqual(first?.attribution);
  });
});

describe("party designations", () => {
  it("reads 'Sen. Tom Baird (D-Ore.) said, “…”' as Tom Baird's, though the tagger ends a sentence at 'Ore.'", () => {
    const text = ["The vote is close.", "Sen. Tom Baird (D-Ore.) said, “Let me tell you, that is a crowd that will vote in large numbers this fall.”"].join("\n\n");
    expect(quotedWordsOpening(text, "Let me tell you")?.speaker).toBe("Tom Baird");
  });

  it("reads a two-letter state ('(D-N.Y.)') and an aside before the verb", () => {
    const text = ["The vote is close.", "But Sen. Tom Baird (D-N.Y.), noting the size of the crowd, said, “Let me tell you, that is a crowd that will vote this fall.”"].join("\n\n");
    expect(quotedWordsOpening(text, "Let me tell you")?.speaker).toBe("Tom Baird");
  });

  it("reads a trailer '…,” Rep. Jo Lee, R-N.Y., said.' and the quotation that goes on after it", () => {
    const text = ["The vote is close.", "“We will hold the line on taxes this year,” Rep. Jo Lee, R-N.Y., said. “That is a promise to every family in the district.”"].join("\n\n");
    expect(quotedWordsOpening(text, "We will hold the line")?.speaker).toBe("Jo Lee");
    expect(quotedWordsOpening(text, "That is a promise")?.speaker).toBe("Jo Lee");
  });
});

describe("titles in quotation marks", () => {
  it("reads no quote in a show's title after a possessive ('on ABC's “This Week,”'), and the quote after it goes on", () => {
    const text = ["The race is tight.", "“We have to win this state,” Mary Roe said on the network's “Sunday Desk.” “But the polls are not the voters.”"].join("\n\n");
    const quotes = quotedWordsOf(text);
    expect(quotes.some((quote) => quote.text.startsWith("Sunday Desk"))).toBe(false);
    expect(quotedWordsOpening(text, "But the polls")?.speaker).toBe("Mary Roe");
  });

  it("reads no quote in a book's title after 'her memoir,'", () => {
    const text = ["Mary Roe left the county in 1990.", "“I never planned to come back,” Roe wrote in her memoir, “Rivers of Home.”"].join("\n\n");
    expect(quotedWordsOf(text).some((quote) => quote.text.startsWith("Rivers of Home"))).toBe(false);
    expect(quotedWordsOpening(text, "I never planned")?.speaker).toBe("Mary Roe");
  });

  it("keeps a short title-case quotation a verb introduces ('said, “Yes, We Can.”')", () => {
    const text = ["The rally was loud.", "Mary Roe said, “Yes, We Can.”"].join("\n\n");
    expect(quotedWordsOpening(text, "Yes, We Can")?.speaker).toBe("Mary Roe");
  });
});

describe("name labels before a colon", () => {
  it("gives 'Rep. Jane Doe (R-Ore.): “…”' and 'Former governor Tom Baird: “…”' to the named people", () => {
    const text = [
      "The hearing ran late.",
      "Rep. Jane Doe (R-Ore.): “Who told you that the files were on the system? Who told you that?”",
      "Former governor Tom Baird: “We learned that from the department and its review of the files.”",
    ].join("\n\n");
    expect(quotedWordsOpening(text, "Who told you")?.speaker).toBe("Jane Doe");
    expect(quotedWordsOpening(text, "We learned that")?.speaker).toBe("Tom Baird");
  });

  it("gives 'According to the Harbor Post: “…”' to the paper", () => {
    const text = ["The senator's record is mixed.", "According to the Harbor Post: “Senator Tom Baird has had a mixed record on taxes through much of his career.”"].join("\n\n");
    expect(quotedWordsOpening(text, "Senator Tom Baird has had")?.speaker).toBe("Harbor Post");
  });

  it("gives a label after a dash ('Polls and voters - Jo Lee: “…”') to the name", () => {
    const text = ["Polls were wrong again.", "Turnout decided it - Jo Lee: “One of the biggest lessons was a simple one: keep in contact with voters.”"].join("\n\n");
    expect(quotedWordsOpening(text, "One of the biggest lessons")?.speaker).toBe("Jo Lee");
  });
});
