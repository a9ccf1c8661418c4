import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";

// Issue 17, h17ak (statements, readouts and reported speech, round 4). Every sentence here is
// written for these tests; none is copied from an evaluation text.

const quotesOf = (text: string) => extractArticle(text).quotes.map((quote) => ({ text: quote.text, speaker: quote.speaker, description: quote.speakerDescription, kind: quote.kind }));
const reported = (text: string) => quotesOf(text).filter((quote) => quote.kind === "indirect");

describe("a release titled by its office only", () => {
  it("is the unnamed Press Secretary's, under the office's header line too", () => {
    const text = [
      "Statement by the Press Secretary on the Harbor Fire",
      "For Immediate Release",
      "Office of the Press Secretary",
      "May 4, 2007",
      "We are deeply saddened by the loss of life in the harbor fire. Our thoughts are with the families of the victims.",
    ].join("\n\n");
    const direct = quotesOf(text).filter((quote) => quote.kind === "direct");
    expect(direct.map((quote) => [quote.speaker, quote.description])).toEqual([[null, "the Press Secretary"]]);
  });
});

describe("a correspondent's report", () => {
  it("reads 'X reports for OUTLET from PLACE that CLAUSE' as X's report", () => {
    const text = "Storm Hits Coast\n\nRelief agencies are rushing supplies to the region. Jane Moreau reports for Harbor Radio from Lisbon that the latest figures put the number of dead at more than 200.\n";
    expect(reported(text).map((quote) => [quote.speaker, quote.text])).toEqual([["Jane Moreau", "the latest figures put the number of dead at more than 200"]]);
  });

  it("reads no report in a credit line alone", () => {
    const text = "Storm Hits Coast\n\nJane Moreau reports for Harbor Radio from Lisbon.\n\nRelief agencies are rushing supplies to the region.\n";
    expect(reported(text)).toEqual([]);
  });
});

describe("reported speech", () => {
  it("gives 'They say ...' to the group that spoke last in the paragraph", () => {
    const text = "Relief workers say that as many as 9,000 people need shelter. They say looting continues to slow the work. Heavy rains flooded the valley this week.";
    const quotes = reported(text);
    expect(quotes.map((quote) => quote.description?.toLowerCase())).toEqual(["relief workers", "relief workers"]);
  });

  it("ends a report before 'and, while ..., he urged'", () => {
    const text = "The mayor told the governor that the people of the valley are in his thoughts and, while his staff will keep him informed, he urged her to call him directly.";
    // Since pass h17ao "he urged her to call ..." is reported speech of its own.
    expect(reported(text).map((quote) => quote.text)).toEqual(["the people of the valley are in his thoughts", "her to call him directly"]);
  });

  it("reads 'Name on the Hill said that' as the name's report", () => {
    const text = "Senator Jane Roe on the Hill today said that she has asked the agency to review its programs.";
    expect(reported(text).map((quote) => quote.speaker)).toEqual(["Jane Roe"]);
  });

  it("reads a reporting verb the tagger takes for an adjective ('informed the Governor that')", () => {
    const text = "Mayor Jane Roe informed the Governor that most of the trucks had returned to the depot.";
    expect(reported(text).map((quote) => [quote.speaker, quote.text])).toEqual([["Jane Roe", "most of the trucks had returned to the depot"]]);
  });

  it("reads the subject before a past participle's aside", () => {
    const text = "The Harbor Front, made up of former dock workers in the north, say the dispute could push the port into a long strike.";
    expect(reported(text).map((quote) => quote.speaker)).toEqual(["Harbor Front"]);
  });

  it("reads ', which said ... that' for the documents before it", () => {
    const text = "A senior officer is disputing reports in two newspapers, which said Friday that the commander may be willing to send troops home.";
    const quotes = reported(text);
    expect(quotes.map((quote) => quote.text)).toEqual(["the commander may be willing to send troops home"]);
    expect(quotes[0]?.description).toContain("newspapers");
  });
});
