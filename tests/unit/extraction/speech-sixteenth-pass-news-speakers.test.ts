import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";
import { type Quote, quoteOf } from "./speech-support.js";

// Issue 17, sixteenth pass (news speakers, studied on the VOA stories of speech-9 … speech-16):
// a surname two people share, a pronoun after a quotation paragraph that follows a titled
// speaker's report, and "she said" after a described person; each on short texts written for
// these tests.


describe("a surname two people share", () => {
  it("gives 'Dornier said' to the Dornier named in full last, not to the one quoted first", () => {
    const text = [
      "Former guards said in interviews that Paul Dornier died early Monday when gunmen attacked his farm near the border.",
      "Dornier has been reported dead before, as his father, Mark Dornier, told reporters in an interview Monday from his home in the capital.",
      "“Nobody has heard from him since the weekend,” Mark Dornier said. “We have been through this before.”",
      "Prosecutors have charged Paul Dornier with fraud and offered a reward for information leading to his arrest.",
      "In a telephone interview last month, Dornier said he had cut ties with the gang and accused its leader, Ali Kuran, of seeking power at all costs.",
      "“I never took a single coin from anyone,” Dornier said. “They know that very well.”",
      "Dornier said in the interview that the gang was trying to kill him.",
    ].join("\n\n");
    expect(quoteOf(text, "I never took a single coin")?.speaker).toBe("Paul Dornier");
    expect(quoteOf(text, "They know that very well")?.speaker).toBe("Paul Dornier");
    expect(quoteOf(text, "Nobody has heard from him")?.speaker).toBe("Mark Dornier");
  });
});

describe("a pronoun after a quotation paragraph", () => {
  it("gives '…,” he said.' to the spokesman who is the subject of the paragraph before (after 'However,' and a lower-case title), not the man he praised", () => {
    const text = [
      "A spokesman for the ruling Harbor Party says voters would back incumbent Governor Lucas Brandt in the runoff because he built the new port.",
      "After speaking with the challenger on Monday, reporters had hoped to speak with Governor Brandt, but the party said he was busy with other matters.",
      "However, spokesman Arthur Penfold of the Harbor Party praised the record of Governor Brandt on Sunday.",
      "“I believe that the people will be electing the governor because of his record. He has been a very successful lawyer. And as governor, he has been at the center of all our projects,” he said.",
    ].join("\n\n");
    expect(quoteOf(text, "I believe that the people")?.speaker).toBe("Arthur Penfold");
  });
});

describe("a pronoun after a described person", () => {
  it("gives 'She said …' to the woman the sentence before describes, not to an organization's name", () => {
    const text = [
      "The storm flattened the coast on Monday.",
      "The National Weather Service reported that more storms were likely this week.",
      "Residents complained that aid was slow, among them one woman in the town of Port Hale.",
      "She said all the houses fell down, and families have nowhere to sleep.",
    ].join("\n\n");
    const quote = quoteOf(text, "all the houses fell down");
    expect(quote?.speaker ?? null).toBeNull();
    expect(quote?.speakerDescription ?? "").toMatch(/woman/);
  });
});

describe("an institution only a place qualifies", () => {
  const reportOf = (text: string, start: string): Quote | undefined => extractArticle(text).quotes.find((quote) => quote.text.startsWith(start));
  it.each([
    ["Bolivian police say the main road to the border was blocked by protesters on Friday.", "the main road to the border", "police"],
    ["The government in Lima says it will not attend the talks next week in Geneva.", "it will not attend the talks", "government"],
  ])("reads %j as an unnamed source, not an organization", (text, start, head) => {
    const quote = reportOf(text, start);
    expect(quote).toBeDefined();
    expect(quote?.speaker).toBeNull();
    expect(quote?.speakerDescription ?? "").toMatch(new RegExp(head, "i"));
  });

  // Since pass h17am (speech README, "A named institution speaking as a body"): a country's army
  // speaking as a body is an organization, spelled with the country's adjective.
  it("reads a country's army speaking as a body as an organization", () => {
    const quote = reportOf("Mali's army says it has retaken two towns in the north after days of fighting.", "it has retaken two towns");
    expect([quote?.speaker, quote?.speakerKind]).toEqual(["Malian army", "organization"]);
  });

  it("keeps a named force ('the Mobile Police Command') an organization", () => {
    const quote = reportOf("The Harbor Mobile Police Command says the suspects were arrested on Sunday.", "the suspects were arrested");
    expect(quote?.speaker).not.toBeNull();
  });
});

describe("a role over a body", () => {
  const reportOf = (text: string, start: string): Quote | undefined => extractArticle(text).quotes.find((quote) => quote.text.startsWith(start));
  it("reads 'The director of the Broadcasting Department says' as the director described, not the department", () => {
    const text = "The government also closed the Weekly Lantern. The director of the Broadcasting Department says the paper printed troop movements in breach of the emergency rules.";
    const quote = reportOf(text, "the paper printed troop movements");
    expect(quote).toBeDefined();
    expect(quote?.speaker).toBeNull();
    expect(quote?.speakerDescription ?? "").toMatch(/director/i);
  });

  it("reads 'The regional police chief said' as the chief described, not a police force named in the headline", () => {
    const text = ["Harbor Police: Hundreds Feared Dead", "Local officials say the toll could reach several hundred.", "The regional police chief said most of the deaths resulted from drowning."].join("\n\n");
    const quote = reportOf(text, "most of the deaths resulted");
    expect(quote).toBeDefined();
    expect(quote?.speaker).toBeNull();
    expect(quote?.speakerDescription ?? "").toMatch(/chief/i);
  });
});

describe("a described person is one the sentence is about", () => {
  it("does not read 'She is a grandmother' as a new speaker for the next 'she said'", () => {
    const text = [
      "Senator Helen Marsh spoke to voters in Dover on Monday.",
      "Her sister Ruth Marsh stood beside her. She is a grandmother and a former teacher.",
      "“We grew up with very little,” she said.",
    ].join("\n\n");
    const quote = quoteOf(text, "We grew up with very little");
    expect(quote?.speaker).not.toBeNull();
  });
});
