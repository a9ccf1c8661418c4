import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";
import { unwrapHardLines } from "../../../src/extraction/speech/index.js";

// Issue 17, twentieth pass (h17aa, studied on speech-15 to -19): two reported clauses under one
// verb ("said A, and that B"), a modal that goes on with the reported clause (", and will not
// ..."), a full stop glued to the next sentence ("water.The"), "Some say it's ...", a quotation
// right after "that" inside a report, a press office's statement whose title runs onto a topic
// line, and a hard-wrapped story. Texts written for these tests.

const reported = (text: string) => extractArticle(text).quotes.filter((quote) => quote.kind === "indirect");
const texts = (text: string) => reported(text).map((quote) => quote.text);

describe("two reported clauses under one verb", () => {
  it("reports 'said A, and that B' as two clauses of the same speaker", () => {
    const quotes = reported("Harbor officials said the storage depots were full, and that the trucks would leave on Sunday.");
    expect(quotes.map((quote) => quote.text)).toEqual(["the storage depots were full", "the trucks would leave on Sunday"]);
    expect(quotes[0]?.speakerDescription).toBe(quotes[1]?.speakerDescription);
  });

  it("splits 'that A and that B' with no comma, and with 'that' read as a determiner", () => {
    expect(texts("Colonel Jane Smith noted that the roads are open and that the bridges have been repaired.")).toEqual(["the roads are open", "the bridges have been repaired"]);
    expect(texts("Local officials have said the dam does not leak, and that repairs are finished on schedule, adding that the town is safe.")).toEqual(["the dam does not leak", "repairs are finished on schedule", "the town is safe"]);
  });

  it("splits when the second clause's subject has no noun ('a third')", () => {
    expect(texts("The Army said in a statement that two soldiers were killed, and that a third was wounded.")).toEqual(["two soldiers were killed", "a third was wounded"]);
    expect(texts("The mayor, John Reed, said the council kept the plan, and that budget too.")).toEqual(["the council kept the plan, and that budget too"]);
  });

  it("keeps 'said A and that B' with no comma and no first 'that' as one report", () => {
    expect(texts("Harbor officials said the depots were full and that the trucks would leave on Sunday.")).toEqual(["the depots were full and that the trucks would leave on Sunday"]);
  });

  it("keeps 'and that' as one clause when 'that' is the second clause's subject or a relative pronoun", () => {
    expect(texts("The mayor, John Reed, said the vote was rushed and that was a mistake.")).toEqual(["the vote was rushed and that was a mistake"]);
    expect(texts("The mayor, John Reed, said the council kept the plan and the budget that voters approved.")).toEqual(["the council kept the plan and the budget that voters approved"]);
  });
});

describe("where a reported clause ends", () => {
  it("goes on past ', and' when a modal follows with no subject", () => {
    expect(texts("The mayor, John Reed, told reporters the flood walls are holding, and will not break before the weekend.")).toEqual(["the flood walls are holding, and will not break before the weekend"]);
  });

  it("ends at ', and' before a stance the speaker took, whatever the clause's verb", () => {
    expect(texts("Jane Roe spoke on Monday. She also said she still considered herself an activist, and rejected the idea of leaving.")).toEqual(["she still considered herself an activist"]);
  });

  it("splits 'that A but that B' as 'and that'", () => {
    expect(texts("John Reed told reporter Ann Lee of Harbor Radio that the council's intentions are not clear but that the party will give it a chance.")).toEqual(["the council's intentions are not clear", "the party will give it a chance"]);
  });

  it("still ends at ', and' before the speaker's own next act", () => {
    expect(texts("The mayor, John Reed, said the flood walls are holding, and added that the pumps were running.")).toEqual(["the flood walls are holding", "the pumps were running"]);
  });

  it("ends at a full stop glued to the next sentence", () => {
    expect(texts("Officials say the town is already short of water.The storm hit the coast on Monday.")).toEqual(["the town is already short of water"]);
  });

  it("keeps a quotation that opens right after 'that' inside the report", () => {
    const text = 'The mayor, Jane Roe, wrote to the governor. She said she was confident that "the town would be able to recover quickly" from the flood.';
    expect(texts(text)).toContain('she was confident that "the town would be able to recover quickly" from the flood');
  });
});

describe("a quantity pronoun before 'say' with a contracted verb after it", () => {
  it("reads 'Some say it's ...' as some of the people just described", () => {
    const quotes = reported("Farmers compare the blight to a plague. Some say it's as bad as locusts.");
    expect(quotes.map((quote) => quote.text)).toEqual(["it's as bad as locusts"]);
    expect(quotes[0]?.speaker).toBeNull();
    expect(quotes[0]?.speakerDescription?.toLowerCase()).toBe("some");
  });
});

describe("a press office's statement whose title runs onto a topic line", () => {
  const statement = [
    "Statement by the Press Secretary",
    "Visit of the Harbor Commission",
    "",
    "For Immediate Release",
    "Office of the Press Secretary",
    "May 3, 2001",
    "",
    "The members of the Harbor Commission met at the White House this morning with the President to discuss port security.",
  ].join("\n");

  it("speaks for the unnamed Press Secretary, as without the topic line", () => {
    const body = extractArticle(statement).quotes.find((quote) => quote.kind === "direct");
    expect([body?.speaker, body?.speakerDescription]).toEqual([null, "the Press Secretary"]);
  });
});

describe("a hard-wrapped story", () => {
  const wrapped = [
    "PORTVILLE –",
    "Harbor Commissioner Jane Roe told her counterpart from the river",
    "authority in a phone call today that the two ports will share their",
    "dredging crews through the winter, a spokesman for the commission",
    "said on Tuesday.",
    "The call came after a week of storms along the coast that closed",
    "three of the harbor's channels and left two barges aground near the",
    "mouth of the river.",
    "Roe said the crews would start on the northern channel, where most",
    "of the ferries and the fishing fleet tie up.",
    "The river authority did not comment on the plan.",
  ].join("\n");

  it("joins the wrapped lines into paragraphs, keeping every offset", () => {
    const joined = unwrapHardLines(wrapped);
    expect(joined).not.toBeNull();
    expect(joined?.length).toBe(wrapped.length);
    expect(joined?.split("\n")).toEqual([
      "PORTVILLE –",
      "Harbor Commissioner Jane Roe told her counterpart from the river authority in a phone call today that the two ports will share their dredging crews through the winter, a spokesman for the commission said on Tuesday.",
      "The call came after a week of storms along the coast that closed three of the harbor's channels and left two barges aground near the mouth of the river.",
      "Roe said the crews would start on the northern channel, where most of the ferries and the fishing fleet tie up.",
      "The river authority did not comment on the plan.",
    ]);
  });

  it("reads the report that runs across the wrapped lines", () => {
    expect(texts(wrapped).some((text) => text.startsWith("the crews would start on the northern channel, where most"))).toBe(true);
  });

  it("leaves a story with a blank line between its paragraphs alone", () => {
    expect(unwrapHardLines(wrapped.split("\n").join("\n\n").replace(/ /g, "  "))).toBeNull();
    expect(unwrapHardLines("Short story.\nTwo lines only.")).toBeNull();
  });
});

describe("reporting frames read on train-like news copy", () => {
  it("reads 'according to' sources without their modifiers", () => {
    const quotes = reported("But the firm declined to renew the lease, according to a publishing executive familiar with the talks.");
    expect(quotes.map((quote) => quote.text)).toEqual(["But the firm declined to renew the lease"]);
    expect(quotes[0]?.speakerDescription).toBe("a publishing executive");
    expect(texts("According to early results of the exit poll conducted by Harbor Research for the networks, Jones led in both counties among men and women.")).toEqual(["Jones led in both counties among men and women"]);
  });

  it("reads no source in 'according to plan'", () => {
    expect(texts("The crews worked through the night, according to plan.")).toEqual([]);
  });

  it("takes a capitalized word of a name for no verb between the verb and 'that'", () => {
    expect(texts("Jane Roe told The Harbor Associated Press last week that the inquiry is independent.")).toEqual(["the inquiry is independent"]);
    expect(texts("Jane Roe told The Post and Courier newspaper of Charleston on Saturday that she cast her ballot for Smith.")).toEqual(["she cast her ballot for Smith"]);
  });

  it("reads the listener of 'told' through a hyphenated name and a role before a name", () => {
    expect(texts("Jane Roe told The Star-Ledger of Newark last week she would rather vote for Smith than Jones.")).toEqual(["she would rather vote for Smith than Jones"]);
    expect(texts("Jane Roe told host Chris Cuomo she believed that Smith would release a transcript.")).toEqual(["she believed that Smith would release a transcript"]);
    expect(texts("Jane Roe told reporters Smith would win.")).toEqual(["Smith would win"]);
  });

  it("reads a report that opens with an elliptical condition", () => {
    expect(texts("Jane Roe spoke on Monday. Roe said if elected mayor she could work with the council.")).toEqual(["if elected mayor she could work with the council"]);
  });

  it("reads quantities of people as speakers", () => {
    const cases: [string, string][] = [
      ["Almost half said they wanted a nominee from outside the party.", "almost half"],
      ["Each side said the other would be responsible if the money is not approved.", "each side"],
      ["Some 56 percent of voters polled said they were less likely to vote for Jones.", "some 56 percent of voters polled"],
      ["Most wanted an outsider, compared with four in 10 who said they preferred someone with experience.", "four in 10"],
    ];
    for (const [text, description] of cases) {
      const quotes = reported(text);
      expect(quotes).toHaveLength(1);
      expect(quotes[0]?.speaker).toBeNull();
      expect(quotes[0]?.speakerDescription).toBe(description);
    }
  });
});

describe("a headline in title case with a full stop", () => {
  const story = (headline: string) => `${headline}\n\nJane Roe, the mayor of Portville, told a town hall on Monday that she had begun her speech.`;

  it("reports the headline's clause", () => {
    const quotes = reported(story("Jane Roe Says She Has Already Started Writing Her Inaugural Address."));
    expect(quotes.map((quote) => quote.text)).toContain("She Has Already Started Writing Her Inaugural Address");
  });

  it("reads no headline report in a first line in ordinary case", () => {
    // The sentence reader reports it once; the headline reader adds nothing.
    const quotes = reported(story("Jane Roe says she has already started writing her speech."));
    expect(quotes.filter((quote) => /already started writing/i.test(quote.text))).toHaveLength(1);
    const titled = reported(story("Jane Roe Says She Has Already Started Writing Her Inaugural Address."));
    expect(titled.filter((quote) => /already started writing/i.test(quote.text))).toHaveLength(1);
  });
});

describe("a name before a title whose closing comma the copy dropped", () => {
  it("reads 'Jo Doe, Minister of Health says' as Jo Doe's report", () => {
    const quotes = reported("Farmers fear the disease. Jane Roe, Minister of Health says that she has no plan to close the markets.");
    expect(quotes.map((quote) => [quote.speaker, quote.text])).toEqual([["Jane Roe", "she has no plan to close the markets"]]);
  });
});

describe("sources described by whom they are close to", () => {
  it("keeps 'close to' and 'familiar with' in the unnamed source's description", () => {
    const quotes = reported("Rather, sources close to her campaign say she stands behind the plan. Two people familiar with the talks said the deal was near.");
    expect(quotes.map((quote) => [quote.speakerDescription, quote.text])).toEqual([
      ["sources close to her campaign", "she stands behind the plan"],
      ["Two people familiar with the talks", "the deal was near"],
    ]);
  });

  it("reads a report that opens with a phrase holding a gerund", () => {
    expect(texts("Jane Roe spoke on Monday. Roe says despite being a Stanford alumna, she plans to root for Iowa.")).toEqual(["despite being a Stanford alumna, she plans to root for Iowa"]);
  });
});
