import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";

// Issue 17, eighth pass (studied on every scored speech batch together and PolNeAR train): error
// classes that recur across batches, each on short texts written for these tests.

const quotesOf = (text: string): { text: string; speaker: string | null; speakerKind: string | null; description: string | null; kind: string }[] =>
  extractArticle(text).quotes.map((quote) => ({ text: quote.text, speaker: quote.speaker, speakerKind: quote.speakerKind, description: quote.speakerDescription, kind: quote.kind }));

describe("documents an office issues in its own name", () => {
  it("gives an unsigned readout's paragraphs to the office its header prints", () => {
    const text = [
      "Readout of the Governor's Call with Harbor Mayor Ana Ruiz",
      "Office of the Governor",
      "For Immediate Release",
      "The Governor and Mayor Ruiz spoke today about the flood defenses along the river.",
      "The Governor thanked the mayor for the city's work and the two agreed to meet next month.",
    ].join("\n\n");
    const quotes = quotesOf(text).filter((quote) => quote.kind === "direct");
    expect(quotes.map((quote) => [quote.speaker, quote.speakerKind])).toEqual([
      ["Office of the Governor", "organization"],
      ["Office of the Governor", "organization"],
    ]);
  });

  it("reads the office from the readout's foot line", () => {
    const text = [
      "Readout of the Minister's Meeting with the Harbor Council",
      "The Minister met the council today to discuss the new ferry terminal.",
      "The Minister underlined the need to finish the terminal before winter.",
      "Ministry of Transport Press Office",
    ].join("\n\n");
    expect(quotesOf(text).filter((quote) => quote.kind === "direct").map((quote) => quote.speaker)).toEqual(["Ministry of Transport Press Office", "Ministry of Transport Press Office"]);
  });

  it("gives a readout of the President's call with no office line to an unnamed White House", () => {
    const text = ["Readout of the President's Call with Chancellor Lena Marek", "The President spoke by phone today with Chancellor Lena Marek about the trade talks."].join("\n\n");
    const [quote] = quotesOf(text);
    expect(quote).toMatchObject({ speaker: null, description: "the White House", kind: "direct" });
  });

  it("gives a body's statement to the body, its acronym spelled out", () => {
    const text = [
      "HRN Statement Regarding the Closure of Its Harbor Bureau",
      "Harbor Radio Network can confirm that its bureau in the port city was closed by the authorities on Monday.",
      "We ask that the bureau be allowed to reopen without delay.",
    ].join("\n\n");
    expect(quotesOf(text).map((quote) => [quote.speaker, quote.speakerKind])).toEqual([
      ["Harbor Radio Network", "organization"],
      ["Harbor Radio Network", "organization"],
    ]);
  });

  it("leaves a release that quotes its people to the quotation rules", () => {
    const text = [
      "HRN Statement on the Closure of Its Harbor Bureau",
      "Harbor Radio Network said its bureau in the port city was closed on Monday.",
      "“We ask that the bureau be allowed to reopen,” said Tomas Berg, the network's director.",
    ].join("\n\n");
    expect(quotesOf(text).find((quote) => quote.text.startsWith("We ask"))?.speaker).toBe("Tomas Berg");
  });
});

describe("reporters a briefer calls on", () => {
  const transcript = (call: string): string =>
    [
      "Press Briefing by Press Secretary Dana Roe",
      `MS. ROE: Good afternoon. ${call}`,
      "Q: Thanks, Dana. Is the harbor bridge going to reopen this week?",
      "MS. ROE: We expect it to reopen on Friday.",
    ].join("\n\n");

  it("names the reporter though the tagger reads the given name as a verb", () => {
    expect(quotesOf(transcript("Josh, do you want to start?")).find((quote) => quote.text.startsWith("Thanks, Dana"))?.speaker).toBe("Josh");
  });

  it("takes a name set off by commas in the sentence that hands over the floor", () => {
    const quotes = quotesOf(transcript("I have nothing at the top, Mark, so I'll let you get us started."));
    expect(quotes.find((quote) => quote.text.startsWith("Thanks, Dana"))?.speaker).toBe("Mark");
    // A name in a sentence that hands nothing over calls no one.
    expect(quotesOf(transcript("The bridge, Mark, is still closed.")).find((quote) => quote.text.startsWith("Thanks, Dana"))?.speaker).toBeNull();
  });
});
