import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";

// Issue 17, pass h17ac (studied on speech-15 to -20): a release handed over by "provided the
// following:", a dateline printed as its own line, reports after "told" + adjectives and nouns,
// after "said Saturday night's ...", after an aside with a gerund ("said, in doing so, ..."), a
// "he said" inside a speaker's own words, a modal before the trailer verb, a clause closed by a
// partial quotation before "the general said", officials described by a present participle, and a
// subject with an aside opened by "while". Texts written for these tests.

const quotes = (text: string) => extractArticle(text).quotes;
const reported = (text: string) => quotes(text).filter((quote) => quote.kind === "indirect");
const texts = (text: string) => reported(text).map((quote) => quote.text);

describe("statement documents", () => {
  it("reads 'X provided the following:' with no noun as the author line", () => {
    const text = [
      "Minister to Visit Harbor Region",
      "",
      "Immediate Release",
      "",
      "May 3, 2024",
      "",
      "Ministry Spokesperson Lt. Col. Jane Roe provided the following:",
      "",
      "The Deputy Minister John Reed will travel to the harbor region next week to meet local leaders.",
      "",
      "During the trip, Reed will visit three ports and two bases.",
    ].join("\n");
    const found = quotes(text);
    expect(found.map((quote) => quote.speaker)).toEqual(["Jane Roe", "Jane Roe"]);
    expect(found.map((quote) => quote.kind)).toEqual(["direct", "direct"]);
  });

  it("leaves out a dateline printed as a line of its own", () => {
    const text = [
      "Statement by Minister John Reed on the Harbor Fire",
      "",
      "Harborton, ST—(NEWSWIRE)—May 3, 2024.",
      "",
      "On behalf of the ministry, I extend my condolences to the families of the workers who died in the fire.",
    ].join("\n");
    const found = quotes(text);
    expect(found.map((quote) => quote.text)).toEqual(["On behalf of the ministry, I extend my condolences to the families of the workers who died in the fire."]);
    expect(found[0]?.speaker).toBe("John Reed");
  });
});

describe("where a reported clause starts", () => {
  it("reads a listener made of adjectives and nouns after 'told'", () => {
    expect(texts("Rebels fought on Monday. But rebel leader John Reed has told French media he doubts the mayor will leave soon.")).toEqual(["he doubts the mayor will leave soon"]);
    expect(texts("Rebels fought on Monday. Union leader Ann Lee told local reporters the strike would go on.")).toEqual(["the strike would go on"]);
  });

  it("keeps 'Saturday night's' in the clause's subject, but skips a bare time", () => {
    expect(texts("Rebels fought on Monday. The union said Saturday night's failed raid caused the guards to move the prisoners.")).toEqual(["Saturday night's failed raid caused the guards to move the prisoners"]);
    expect(texts("Rebels fought on Monday. The union said Saturday the raid failed.")).toEqual(["the raid failed"]);
  });

  it("reads past an aside with a gerund after the verb ('said, in doing so, ...')", () => {
    expect(texts("John Reed spoke on Monday. He said, in doing so, the workers had suffered unfair charges in the press.")).toEqual(["the workers had suffered unfair charges in the press"]);
    expect(texts("John Reed spoke on Monday. He said, by the way, the workers had left.")).toEqual(["the workers had left"]);
  });
});

describe("who speaks", () => {
  it("reads 'he said' in a speaker's own words as the person they just named", () => {
    const text = "SECRETARY DOE: Good morning. I asked Tom if I could open this briefing, and he said yes, that I could do that. I am leaving soon.\n\nQUESTION: Thanks.\n\nSECRETARY DOE: Sure.";
    const found = reported(text);
    expect(found.map((quote) => [quote.speaker, quote.text])).toEqual([["Tom", "I could do that"]]);
  });

  it("does not take a place in the speaker's words for the pronoun's person", () => {
    const text = "SECRETARY DOE: Good morning. I went to Paris last week, and he said that I could do that.\n\nQUESTION: Thanks.";
    expect(reported(text).some((quote) => quote.speaker === "Paris")).toBe(false);
  });

  it("reads a trailer with a modal before its verb ('the president will say')", () => {
    const found = quotes('President John Reed travels to Ohio on Friday. "We will rebuild every town," the president will say, according to excerpts.');
    expect(found.find((quote) => quote.kind === "direct")?.speaker).toBe("John Reed");
    expect(quotes('President John Reed travels to Ohio on Friday. "We will rebuild every town," Reed will say.').find((quote) => quote.kind === "direct")?.speaker).toBe("John Reed");
  });

  it("describes officials by the present participle phrase after them", () => {
    const found = reported("Secretary John Reed toured the base. Officials traveling with Reed said the secretary wanted to see the troops.");
    expect(found.map((quote) => [quote.speaker, quote.speakerDescription?.toLowerCase(), quote.text])).toEqual([[null, "officials traveling with reed", "the secretary wanted to see the troops"]]);
  });

  it("reads the subject before an aside opened by 'while' and a participle", () => {
    const found = reported("The storm hit on Monday. The government, while welcoming help, said relief workers will still need visas.");
    expect(found.map((quote) => quote.text)).toEqual(["relief workers will still need visas"]);
    expect(found[0]?.speakerDescription?.toLowerCase()).toBe("the government");
  });
});

describe("a clause closed by a partial quotation before the attribution", () => {
  it("reports the clause before the marks when it is whole without them", () => {
    const text = 'General John Reed leads the mission. In the last year, the last of the schools opened to train soldiers in skills "that are essential for any army," the general said.';
    const found = quotes(text);
    expect(found.filter((quote) => quote.kind === "indirect").map((quote) => [quote.speaker, quote.text])).toEqual([["John Reed", "In the last year, the last of the schools opened to train soldiers in skills"]]);
    expect(found.some((quote) => quote.kind === "partial" && quote.speaker === "John Reed")).toBe(true);
  });

  it("keeps the quoted words in the clause when it needs them", () => {
    expect(texts('General John Reed leads the mission. The schools are "wide open," the general said, and more will follow.')).toEqual(['The schools are "wide open,"']);
  });

  it("still gives a direct quotation before the attribution no reported clause", () => {
    expect(texts('General John Reed leads the mission. "The schools are open," the general said.')).toEqual([]);
  });
});

describe("a body's name set off by commas after a description", () => {
  it("gives the report to the role the description opens with", () => {
    const found = reported("Troops arrived on Monday. The leader of the main rebel group, Harbor Front for Democracy, said his forces would help the peacekeepers.");
    expect(found.map((quote) => [quote.speaker, quote.speakerDescription?.toLowerCase(), quote.text])).toEqual([[null, "the leader of the main rebel group", "his forces would help the peacekeepers"]]);
  });

  it("gives it to the body when the description opens with no role", () => {
    const found = reported("Troops arrived on Monday. The main rebel group, Harbor Front for Democracy, said its forces would help the peacekeepers.");
    expect(found.map((quote) => quote.speaker)).toEqual(["Harbor Front for Democracy"]);
  });
});
