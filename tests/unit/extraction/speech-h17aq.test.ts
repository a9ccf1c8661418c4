import { describe, expect, it } from "vitest";
import { quotesOf, reportOf } from "./speech-support.js";

// Pass h17aq: charges laid by "they" or as a noun phrase, an attribution that opens the sentence
// before a comma and the clause it reports, and news paragraphs no longer read as a signature.

describe("h17aq: 'accused ... of' with a noun charge or a plural pronoun as accuser", () => {
  it("reports a charge that is a noun phrase", () => {
    const text = "Harbor Party leader Mia Lund said the count was slow. Lund accused the mayor of vote buying.";
    expect(reportOf(text, "the mayor of vote buying")?.speaker).toBe("Mia Lund");
  });
  it("reads 'They accuse' as the group that spoke last, and ends the charge before the group's next verb", () => {
    const text = "Striking dock workers marched in the capital on Monday, union officials said. They accuse the ministry of ignoring rising costs and are demanding new talks.";
    const report = reportOf(text, "the ministry of ignoring");
    expect(report?.text).toBe("the ministry of ignoring rising costs");
    expect(report?.speakerDescription).toContain("union officials");
  });
  it("keeps a charge of two gerunds whole", () => {
    expect(reportOf("Mayor Ana Berg spoke on Tuesday. Berg accused the council of stalling and hiding the budget.", "the council of")?.text).toBe("the council of stalling and hiding the budget");
  });
});

describe("h17aq: 'he says, CLAUSE' at the head of a sentence", () => {
  const text = "Opposition leader Karl Veste spoke in the port city. And he says, if fair elections were ever held the ruling party would lose badly. Veste said, the talks will go on.";
  it("reports a condition and its main clause after the comma", () => {
    expect(reportOf(text, "if fair elections were ever held")?.speaker).toBe("Karl Veste");
  });
  it("reports a subject and finite verb after the comma", () => {
    expect(reportOf(text, "the talks will go on")?.speaker).toBe("Karl Veste");
  });
  it("leaves a quotation after the comma to the direct quotes and a parenthetical attribution to its own rule", () => {
    const quotes = quotesOf("Karl Veste spoke on Monday. He said, \u201cWe will win.\u201d The plan, he said, would cost millions.");
    expect(quotes.find((quote) => quote.text.includes("We will win"))?.kind).toBe("direct");
    expect(quotes.find((quote) => quote.text.startsWith("The plan"))?.text).toBe("The plan, he said, would cost millions");
  });
});

describe("h17aq: a news paragraph that runs on from a title is no signature", () => {
  const text = [
    "Port Strike Spreads",
    "",
    "Dock workers in Harborton stayed off the job for a third day on Friday, and shipping lines began diverting cargo.",
    "",
    "The strike was called after talks with the port authority broke down last week.",
    "",
    "But Lena Marsh, the director of the Harborton Shippers Council says the city has waited too long. She is calling on the mayor to step in.",
  ].join("\n");
  it("gives no direct quote to the last paragraph's subject", () => {
    expect(quotesOf(text).filter((quote) => quote.kind === "direct")).toEqual([]);
  });
  it("still reports what the director says", () => {
    expect(reportOf(text, "the city has waited too long")).toBeDefined();
  });
});

describe("h17aq: a progressive 'are accusing ... of' is the subject's own charge", () => {
  it("reports it for the subject", () => {
    const text = "The count in the port city is still too close to call. Both parties are accusing each other of vote fraud.";
    expect(reportOf(text, "each other of vote fraud")?.speakerDescription).toContain("parties");
  });
  it("still leaves the passive unreported", () => {
    expect(reportOf("Harbor Party leader Mia Lund spoke on Monday. Lund was accused of lying.", "of lying")).toBeUndefined();
  });
});

describe("h17aq: a possessive opens the reported clause's subject", () => {
  it("reads 'his coalition could ...' after a fronted time phrase as the clause", () => {
    const text = "Jon Tsagaan told reporters before the vote, his coalition could turn to street protests.";
    expect(reportOf(text, "before the vote, his coalition")?.speaker).toBe("Jon Tsagaan");
  });
  it("reads 'confirmed his party will ...' as a report", () => {
    expect(reportOf("Jon Tsagaan confirmed his party will join the talks.", "his party will join")?.speaker).toBe("Jon Tsagaan");
  });
});

describe("h17aq: 'it' after the sentence's own subject, a body", () => {
  it("gives what 'it announced' to that body", () => {
    const text = "In January, the Harbor Party quit the coalition, and in May it announced it had picked a new leader.";
    expect(reportOf(text, "it had picked a new leader")?.speaker).toBe("Harbor Party");
  });
  it("does not read a person as 'it'", () => {
    expect(reportOf("In January, Mia Lund quit the coalition, and in May it announced it had picked a new leader.", "it had picked")).toBeUndefined();
  });
});
