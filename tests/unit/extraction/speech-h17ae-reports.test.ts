import { describe, expect, it } from "vitest";
import { quotesOf, quoteOf } from "./speech-support.js";

// Issue 17, pass h17ae (reported speech and transcripts): a party designation in brackets ends no
// sentence; surnames with a glued particle ("DuHaime") are names; a no-break space before a
// quotation opens it as a space does; poll shares ("more than 4 in 10", "two-thirds, 67 percent,",
// "those surveyed") report speech; a gerund subject may carry its object before the verb; a
// quotation that is the whole clause after "that" is reported speech too; a message addressed
// "To all ... employees:" in the first person is the words of the person its headline names; a
// partial quotation inside a reported clause that no subject of its own claims is the reporter's.
// Each on short texts written for these tests.

const story = (...paragraphs: string[]): string => ["Senate weighs harbor bill", ...paragraphs].join("\n\n");

describe("a party designation in brackets", () => {
  it("keeps 'Sen. Jane Roe (R-Ky.) said ...' one sentence, reported by Roe", () => {
    const text = story("WASHINGTON (AP) — The harbor bill cleared a committee on Tuesday.", "Sen. Jane Roe (R-Ky.) said the bill would reach the floor next week.", "Rep. Tom Hale (D-N.Y.) told reporters that he would vote against it.");
    expect(quoteOf(text, "the bill would reach")?.speaker).toBe("Jane Roe");
    expect(quoteOf(text, "he would vote against")?.speaker).toBe("Tom Hale");
  });
});

describe("surnames with a glued particle", () => {
  it("reads 'Mark DuPell, a party strategist, said ...' and 'Gov. Lisa DeMarco said ...' as names", () => {
    const text = story("WASHINGTON (AP) — Mark DuPell, a party strategist, said the vote was the clearest sign yet of a shift.", "Gov. Lisa DeMarco said the state would file its own plan.");
    expect(quoteOf(text, "the vote was the clearest")?.speaker).toBe("Mark DuPell");
    expect(quoteOf(text, "the state would file")?.speaker).toBe("Lisa DeMarco");
  });
});

describe("a no-break space before a quotation", () => {
  it("reads the quotation after 'Roe said Monday.\\u00a0' as a direct quote of Roe", () => {
    const text = story("“We have the votes,” Senator Jane Roe said Monday.\u00a0“The harbor cannot wait another winter for its dredging.”");
    const quote = quoteOf(text, "The harbor cannot wait");
    expect(quote?.kind).toBe("direct");
    expect(quote?.speaker).toBe("Jane Roe");
  });
});

describe("poll shares as speakers", () => {
  it("reads 'more than 4 in 10 said', 'nearly nine out of 10 say', 'those surveyed said' and 'two-thirds, 67 percent, say'", () => {
    const text = story(
      "WASHINGTON (AP) — Voters were split on the harbor, and more than 4 in 10 said the dredging should wait a year.",
      "Nearly nine out of 10 say they have never visited the port.",
      "Again, those surveyed said the mayor was best able to handle the issue.",
      "Among younger voters, two-thirds, 67 percent, say they would pay a higher fee.",
    );
    expect(quoteOf(text, "the dredging should wait")?.speakerDescription).toBe("more than 4 in 10");
    expect(quoteOf(text, "they have never visited")?.speakerDescription).toBe("nearly nine out of 10");
    expect(quoteOf(text, "the mayor was best able")?.speakerDescription).toBe("those surveyed");
    expect(quoteOf(text, "they would pay")?.speakerDescription).toBe("two-thirds");
  });
});

describe("gerund subjects and quoted clauses", () => {
  it("reads 'said having the port in the plan puts ...' and 'told VOA that removing ... and repairing ... remain ...'", () => {
    const text = story(
      "WASHINGTON (AP) — Senator Jane Roe said having the port at the top of the plan puts the whole budget at risk.",
      "Mayor Tom Hale told VOA in an interview that removing the wrecks and repairing the piers remain the city's first tasks.",
    );
    expect(quoteOf(text, "having the port")?.speaker).toBe("Jane Roe");
    expect(quoteOf(text, "removing the wrecks")?.speaker).toBe("Tom Hale");
  });

  it("reports 'added that “…” and that …' as two clauses, the quoted one with its marks", () => {
    const text = story("WASHINGTON (AP) — Mayor Tom Hale spoke at the pier. He added that “more than two thousand boats are stuck outside” and that the city needs four new cranes.");
    const quoted = quotesOf(text).find((quote) => quote.kind === "indirect" && quote.text.startsWith("“more than two thousand"));
    expect(quoted?.speaker).toBe("Tom Hale");
    expect(quoteOf(text, "the city needs four new cranes")?.speaker).toBe("Tom Hale");
  });
});

describe("a partial quotation inside reported speech", () => {
  it("keeps “harder than buying a boat.” inside '…, saying that …' as the reporting speaker's partial quote", () => {
    const text = story("WASHINGTON (AP) — Senator Jane Roe spoke for an hour in Salem on Tuesday.", "The senator began with the housing crisis, saying that renting a flat in the port is now “harder than buying a boat.”");
    const partial = quotesOf(text).find((quote) => quote.kind === "partial" && quote.text.startsWith("harder than buying"));
    expect(partial?.speaker).toBe("Jane Roe");
  });
});

describe("a message addressed to many", () => {
  it("gives every first-person paragraph under 'To all harbor staff:' to the person the headline names", () => {
    const text = [
      "Harbor Notes: Okafor Shares Thoughts on First Month",
      "",
      "PORTSMOUTH, March 3, 2019 — To all Harbor Authority staff:",
      "A month after I took the helm of this authority, I walked every pier from the north gate to the dry dock. I wanted to tell you what I saw.",
      "",
      "The crews I met work long nights in bad weather, and I am proud of every one of them.",
    ].join("\n");
    const quotes = quotesOf(text);
    expect(quotes.map((quote) => quote.speaker)).toEqual(["Okafor", "Okafor"]);
    expect(quotes.every((quote) => quote.kind === "direct" && quote.medium === "statement")).toBe(true);
  });

  it("reads no message when the body quotes someone (a story about the message)", () => {
    const text = [
      "Harbor Notes: Okafor Shares Thoughts on First Month",
      "",
      "PORTSMOUTH, March 3, 2019 — To all Harbor Authority staff:",
      "In a note to staff, the new director wrote that I should expect changes. “We will work nights,” Okafor said.",
    ].join("\n");
    expect(quotesOf(text).every((quote) => quote.medium !== "statement")).toBe(true);
  });
});
