import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";

// Issue 17, eighteenth pass (studied on speech-18): a broadcast script's fields ("SLUG:", "INTRO:",
// "TEXT:") are no speakers' labels, its actuality ("/// DOE ACT ///" ... "/// END ACT ///") is the
// named person's direct quote; a briefing label may print a long office before the name; a page's
// "NOTE:" line is no turn; an unsigned news release is its issuing office's. Texts written for
// these tests.

const directs = (text: string) => extractArticle(text).quotes.filter((quote) => quote.kind === "direct");

const SCRIPT = [
  "HARBOR/STRIKE (L-ONLY)",
  "RADIO ATLANTIC",
  "SLUG: 3-100200 Harbor / Strike",
  "DATE:",
  "NOTE NUMBER:",
  "DATE=5/6/2011",
  "TYPE=CORRESPONDENT REPORT",
  "BYLINE=MARTA KOVAC",
  "DATELINE=PORTVILLE",
  "CONTENT=",
  "VOICED AT:",
  "INTRO: Dock workers in Portville have walked off the job for a third day. Marta Kovac reports, union leaders say the strike will go on until wages rise.",
  "TEXT: The strike has stopped most traffic through the port. Ships are waiting at anchor outside the harbor.",
  "The port authority says it has offered a small raise. A labor economist, Ivo Brandt says the two sides are still far apart.",
  "/// BRANDT ACT ///",
  "The workers have lost ground for ten years and the authority says there is no more money, so neither side can move very far.",
  "/// END ACT ///",
].join("\n\n");

describe("broadcast scripts", () => {
  it("reads no script field as a speaker and makes no narration a direct quote", () => {
    const quotes = directs(SCRIPT);
    expect(quotes.filter((quote) => quote.speaker !== "Ivo Brandt")).toEqual([]);
    const people = extractArticle(SCRIPT).people.map((person) => person.name);
    for (const field of ["Slug", "Intro", "Text"]) expect(people).not.toContain(field);
  });

  it("reads the actuality as the named person's direct quote, recorded (medium other, not briefing)", () => {
    const quotes = directs(SCRIPT);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.speaker).toBe("Ivo Brandt");
    expect(quotes[0]?.text.startsWith("The workers have lost ground")).toBe(true);
    expect(quotes[0]?.medium).toBe("other");
  });

  it("still reads reported speech inside the actuality", () => {
    const indirect = extractArticle(SCRIPT).quotes.filter((quote) => quote.kind === "indirect");
    expect(indirect.some((quote) => quote.text.startsWith("there is no more money"))).toBe(true);
  });
});

describe("transcript labels", () => {
  it("reads a single turn whose label prints a long office before the name", () => {
    const text = [
      "Department of Harbors Press Briefing by Deputy Assistant to the Director Nora Feld",
      "Nora K. Feld, Deputy Assistant to the Director of Harbors for Public Affairs",
      "DEPUTY ASSISTANT TO THE DIRECTOR OF HARBORS NORA K. FELD:  Good morning, everybody.  Thank you for coming in today.",
      "Tomorrow, the director will visit the northern piers and meet the crews who rebuilt them.",
    ].join("\n\n");
    const quotes = directs(text);
    expect(quotes).toHaveLength(2);
    expect(quotes.every((quote) => quote.speaker === "Nora K. Feld" || quote.speaker === "Nora Feld")).toBe(true);
    // The label is no part of the words, and the words were said at a briefing.
    expect(quotes[0]?.text.startsWith("Good morning")).toBe(true);
    expect(quotes.every((quote) => quote.medium === "briefing")).toBe(true);
  });

  it("reads a page's NOTE line above the turns as no one's words", () => {
    const text = [
      "Press Briefing by Press Secretary Dan Ruiz",
      "NOTE: The harbor festival will be held on Friday at the north pier.",
      "MR. RUIZ:  Good afternoon.  Let me start with the week ahead.",
      "Q    Any travel?",
      "MR. RUIZ:  None this weekend.  The director stays in the capital.",
    ].join("\n\n");
    const quotes = directs(text);
    expect(quotes.some((quote) => quote.text.startsWith("The harbor festival"))).toBe(false);
    expect(extractArticle(text).people.map((person) => person.name)).not.toContain("Note");
    expect(quotes.filter((quote) => quote.speaker === "Dan Ruiz")).toHaveLength(2);
  });
});

describe("unsigned news releases", () => {
  it("gives each body paragraph to the issuing office a long header prints", () => {
    const text = [
      "Harbor Board Names New Pilot",
      "Ruritania Harbor Board",
      "Office of the Deputy Chairman (Public Affairs)",
      "News Release",
      "On the Web:",
      "http://www.example.org/releases/1234",
      "Media contact: +1 (555) 010-2000",
      "IMMEDIATE RELEASE No. 123-11",
      "May 6, 2011",
      "The Harbor Board has appointed a new chief pilot for the northern channel.",
      "Captain Lena Ostrova, 48, of Portville, will take up the post on June 1 after twenty years at sea.",
    ].join("\n\n");
    const quotes = directs(text);
    expect(quotes).toHaveLength(2);
    expect(quotes.every((quote) => quote.speaker?.startsWith("Office of the Deputy Chairman") && quote.speakerKind === "organization")).toBe(true);
    // One name per body: the office with and without its branch in brackets is one organization.
    expect(extractArticle(text).organizations.filter((name) => String(name).startsWith("Office of the Deputy Chairman"))).toHaveLength(1);
  });

  it("leaves a release that quotes its people to the quotation marks", () => {
    const text = [
      "Harbor Board Names New Pilot",
      "Office of the Deputy Chairman (Public Affairs)",
      "News Release",
      "May 6, 2011",
      "The Harbor Board has appointed a new chief pilot for the northern channel.",
      "“She is the best pilot we have,” said board chairman Karl Weiss.",
    ].join("\n\n");
    const quotes = directs(text);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.speaker).toBe("Karl Weiss");
  });
});

describe("a briefing's topic index, one topic a line", () => {
  it("reads the people a topic line ends in, before and after 'and', with slashes set without spaces", () => {
    const text = [
      "Daily Press Briefing",
      "Jane Roe, Deputy Spokesperson\nHarbor City\nMay 6, 2011",
      "Release of Harbor Statistics/Annual Shipping Report\nTravel Update of Susan Welch and Elliott Abbot\nMeetings with Pilots and Dockers / Issues to Discuss",
      "MS. ROE: Good afternoon, everyone.",
      "QUESTION: Any news on the strike?",
      "MS. ROE: Nothing new today.",
    ].join("\n\n");
    const people = extractArticle(text).people.map((person) => person.name);
    expect(people).toContain("Susan Welch");
    expect(people).not.toContain("Annual Shipping Report");
  });
});

describe("a title and a comma before a subject's name, the second comma dropped", () => {
  it("reads the person and gives a later 'he said' to them", () => {
    const text = [
      "Storms hit the coast on Monday.",
      "The chairman of the Harbor Union, Tomas Varga expressed deep condolences to the families.",
      "In a letter to the mayor, he said he was confident that the city would recover.",
    ].join("\n\n");
    const result = extractArticle(text);
    expect(result.people.map((person) => person.name)).toContain("Tomas Varga");
    expect(result.quotes.find((quote) => quote.text.startsWith("he was confident"))?.speaker).toBe("Tomas Varga");
  });

  it("reads no person from a list of places or bodies before a name without a verb after it", () => {
    const text = "Delegates came from the port, the rail union, Harbor City and Bay Town.";
    expect(extractArticle(text).people).toEqual([]);
  });
});
