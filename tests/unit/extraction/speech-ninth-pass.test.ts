import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";

// Issue 17, ninth pass (studied on every scored speech batch, speech-8 included, and PolNeAR
// train): reported speech and unnamed sources in news copy, each on short texts written for these
// tests.

const quotesOf = (text: string): { text: string; speaker: string | null; description: string | null; kind: string }[] =>
  extractArticle(text).quotes.map((quote) => ({ text: quote.text, speaker: quote.speaker, description: quote.speakerDescription, kind: quote.kind }));

describe("reported speech of unnamed sources", () => {
  it("reads a body the tagger takes for an adjective as the subject", () => {
    const [quote] = quotesOf("The island's military says every road out of the valley has been closed.");
    expect(quote).toMatchObject({ text: "every road out of the valley has been closed", speaker: null, description: "The island's military", kind: "indirect" });
  });

  it("reads troops as an unnamed source", () => {
    const [quote] = quotesOf("Border troops claim the smugglers have crossed the river twice this week.");
    expect(quote).toMatchObject({ text: "the smugglers have crossed the river twice this week", description: "Border troops" });
  });

  it("looks past a participle's aside between the subject and the verb", () => {
    const [quote] = quotesOf("A port official, speaking on condition of anonymity, said the cranes would be repaired by June.");
    expect(quote).toMatchObject({ text: "the cranes would be repaired by June", speaker: null });
    expect(quote?.description).toContain("official");
  });

  it("continues an unnamed official with he", () => {
    const text = ["“We are only checking the papers,” the official said.", "He said the inspections would end on Friday."].join("\n\n");
    const reported = quotesOf(text).find((quote) => quote.kind === "indirect");
    expect(reported).toMatchObject({ text: "the inspections would end on Friday", speaker: null });
    expect(reported?.description).toContain("official");
  });

  it("keeps a named person when the official came before them", () => {
    const text = "A ferry official said the boats were late. Captain Ivo Marek said the storm had passed. He said the boats would sail at noon.";
    const last = quotesOf(text).pop();
    expect(last).toMatchObject({ text: "the boats would sail at noon", speaker: "Ivo Marek" });
  });
});

describe("reported clauses the reader missed", () => {
  it("reads a day's possessive as the clause's subject, not a time adverbial", () => {
    const [quote] = quotesOf("The union said Tuesday’s strike closed every school in the district.");
    expect(quote).toMatchObject({ text: "Tuesday’s strike closed every school in the district", description: "The union" });
  });

  it("reads an existential clause after a clause-taking verb", () => {
    const [quote] = quotesOf("The minister conceded there have been delays at the new terminal.");
    expect(quote).toMatchObject({ text: "there have been delays at the new terminal", kind: "indirect" });
  });
});

describe("titles", () => {
  it("keeps Brigadier out of the name", () => {
    const extraction = extractArticle("Army Brigadier Tomas Varga says the bridge will reopen next week.");
    expect(extraction.people.map((person) => person.name)).toEqual(["Tomas Varga"]);
    expect(extraction.quotes[0]).toMatchObject({ speaker: "Tomas Varga" });
  });
});

describe("a sentence after a quotation that reports a clause of its own", () => {
  it("reads the clause after a quotation's trailer verb as reported speech", () => {
    const text = "Ilse Brandt is a ferry captain. “The harbor is full of ice.” She says the crossings will stop next week.";
    const quotes = quotesOf(text);
    expect(quotes.find((quote) => quote.kind === "indirect")).toMatchObject({ text: "the crossings will stop next week", speaker: "Ilse Brandt" });
  });

  it("prefers the name that introduces a quotation to a pronoun after it", () => {
    const text = "Editor Jon Wells spoke to reporter Ana Lee. Wells says, “The militias are strong,” he said the northern militias are backing the southern clans.";
    const quotes = quotesOf(text);
    expect(quotes.find((quote) => quote.kind === "direct")).toMatchObject({ speaker: "Jon Wells" });
    expect(quotes.find((quote) => quote.kind === "indirect")).toMatchObject({ text: "the northern militias are backing the southern clans", speaker: "Jon Wells" });
  });

  it("reads a clause after a fronted prepositional phrase", () => {
    const [quote] = quotesOf("The army says despite heavy losses, the rebels are still laying mines.");
    expect(quote).toMatchObject({ text: "despite heavy losses, the rebels are still laying mines", description: "The army" });
  });

  it("reads a participle before the clause's noun as part of its subject", () => {
    const [quote] = quotesOf("Border troops claim the surrounded smugglers have run out of fuel.");
    expect(quote).toMatchObject({ text: "the surrounded smugglers have run out of fuel", kind: "indirect" });
  });
});

describe("subjects and clauses around the reporting verb", () => {
  it("looks past a sentence adverb between the subject and the verb", () => {
    const [quote] = quotesOf("Port officials, however, said they believed the cargo was stolen.");
    expect(quote).toMatchObject({ text: "they believed the cargo was stolen", description: "Port officials" });
  });

  it("reads a gerund subject after said", () => {
    const [quote] = quotesOf("Mayor Ana Roe said widening the road could cut the commute by half.");
    expect(quote).toMatchObject({ text: "widening the road could cut the commute by half", speaker: "Ana Roe" });
  });

  it("gives a verb after but the clause's subject", () => {
    const [quote] = quotesOf("Judge Ana Ruiz delayed the ruling but said the group could appeal later.");
    expect(quote).toMatchObject({ text: "the group could appeal later", speaker: "Ana Ruiz" });
  });

  it("reads a demonstrative that as the reported clause's subject", () => {
    const [quote] = quotesOf("Mayor Ivo Petrov said that was in part because the bridge was old.");
    expect(quote).toMatchObject({ text: "that was in part because the bridge was old", speaker: "Ivo Petrov" });
  });

  it("reads a clause a parenthetical attribution interrupts", () => {
    const quotes = quotesOf("Mayor Ana Roe spoke on Monday. The new bridge, she said, would cost five billion dollars. Rather, she said, the city would borrow.");
    expect(quotes.map((quote) => [quote.text, quote.speaker])).toEqual([
      ["The new bridge, she said, would cost five billion dollars", "Ana Roe"],
      ["the city would borrow", "Ana Roe"],
    ]);
  });
});

describe("documents in their author's voice", () => {
  it("gives the paragraphs below a line introducing someone's remarks to that person", () => {
    const text = [
      "Minister Roe on the Harbor Fire",
      "Foreign Minister Ana Roe’s remarks on the harbor fire at a press conference in Lima on May 2, 2024. – Ministry of Foreign Affairs:",
      "“I want to thank the firefighters who worked through the night to save the docks.",
      "We will rebuild the harbor, and we will do it quickly.”",
    ].join("\n\n");
    const quotes = quotesOf(text).filter((quote) => quote.kind === "direct");
    expect(quotes.length).toBe(2);
    expect(quotes.every((quote) => quote.speaker === "Ana Roe")).toBe(true);
  });

  it("gives an unsigned statement in a body's own voice to the body", () => {
    const text = [
      "The Harbor Authority strongly condemns the attack on the ferry terminal, which injured two workers. Our thoughts are with them and their families.",
      "No one should fear for their safety at work. We will help the police in every way we can.",
    ].join("\n\n");
    const quotes = quotesOf(text);
    expect(quotes.map((quote) => [quote.speaker, quote.kind])).toEqual([
      ["Harbor Authority", "direct"],
      ["Harbor Authority", "direct"],
    ]);
  });

  it("reads a news lead about a body as news, not as its statement", () => {
    const text = ["The Harbor Authority says the ferry terminal will reopen on Monday.", "Workers have cleared the debris, and the police have finished their inquiry."].join("\n\n");
    expect(quotesOf(text).map((quote) => quote.kind)).toEqual(["indirect"]);
  });
});

describe("listeners and plural sources", () => {
  it("reads a listener named with an article before the reported clause", () => {
    const [quote] = quotesOf("Mayor Ivo Petrov told the AP his firm worked closely with the city.");
    expect(quote).toMatchObject({ text: "his firm worked closely with the city", speaker: "Ivo Petrov" });
  });

  it("reads scholars and specialists as unnamed sources", () => {
    const [quote] = quotesOf("Political scientists say turnout does not decide the race.");
    expect(quote).toMatchObject({ text: "turnout does not decide the race", speaker: null, description: "Political scientists" });
  });

  it("reads a clause after a parenthetical attribution with its listener", () => {
    const [quote] = quotesOf("Every Friday, from 8 a.m. to noon, the former executive told The Harbor Post, the director would lead a meeting.");
    expect(quote).toMatchObject({ text: "the director would lead a meeting", description: "the former executive" });
  });
});

describe("quantities as speakers", () => {
  it("reads a quantity word alone as an unnamed source", () => {
    const quotes = quotesOf("Dozens of families waited at the dock. Some said they feared the river would flood. Others said the bridge was safe.");
    expect(quotes.map((quote) => [quote.text, quote.description])).toEqual([
      ["they feared the river would flood", "some"],
      ["the bridge was safe", "others"],
    ]);
    expect(extractArticle("Others said the bridge was safe.").organizations).toEqual([]);
  });

  it("reads a share of people as an unnamed source", () => {
    const quotes = quotesOf("About 4 in 10 say they want a new mayor. 47% say the city should build the bridge.");
    expect(quotes.map((quote) => [quote.text, quote.description])).toEqual([
      ["they want a new mayor", "about 4 in 10"],
      ["the city should build the bridge", "47%"],
    ]);
  });
});

describe("more reported clauses in news copy", () => {
  it("reads a progressive reporting verb with its subject", () => {
    const [quote] = quotesOf("Residents are noting now that they do have power again.");
    expect(quote).toMatchObject({ text: "they do have power again", description: "Residents" });
  });

  it("reads a clause that opens with a quantity's modifier", () => {
    const [quote] = quotesOf("A rebel spokesman claimed up to 200 soldiers were killed.");
    expect(quote).toMatchObject({ text: "up to 200 soldiers were killed" });
    expect(quote?.description).toContain("spokesman");
  });

  it("keeps a coordinated predicate of the reported clause, and cuts at the speaker's next act", () => {
    expect(quotesOf("Provincial officials said the rebels attacked two towns this week, but failed to capture them.")[0]).toMatchObject({
      text: "the rebels attacked two towns this week, but failed to capture them",
    });
    expect(quotesOf("Mayor Ana Roe said the port is closed, and added that it would reopen.").map((quote) => quote.text)).toEqual(["the port is closed", "it would reopen"]);
  });

  it("looks past a whose clause between the subject and the verb", () => {
    const [quote] = quotesOf("The ruling party, whose candidate won the vote, denied the ballot was rigged.");
    expect(quote).toMatchObject({ text: "the ballot was rigged", description: "The ruling party" });
  });

  it("reads a nation's people as an unnamed group, neither a person nor a body", () => {
    const extraction = extractArticle("Many Iraqis say the election was fair.");
    expect(extraction.quotes[0]).toMatchObject({ speaker: null, speakerDescription: "Many Iraqis" });
    expect(extraction.people).toEqual([]);
    expect(extraction.organizations).toEqual([]);
  });
});

describe("it, as and speakers", () => {
  it("continues the body that spoke last with it", () => {
    const quotes = quotesOf("The opposition party said the police blocked the road. It says its leader had been campaigning in the area when police stopped his convoy.");
    expect(quotes[1]).toMatchObject({ text: "its leader had been campaigning in the area when police stopped his convoy", description: "The opposition party" });
  });

  it("reads an as-clause with a long adverbial before its comma", () => {
    const text = "Governor Ana Roe spoke on Monday. As the governor noted during the recent visit by the prime minister to the capital, our schools are the best in the region.";
    expect(quotesOf(text)[0]).toMatchObject({ text: "our schools are the best in the region", speaker: "Ana Roe" });
  });

  it("reads speakers at an event as an unnamed source", () => {
    expect(quotesOf("At the ceremony, speakers warned the agreement may be hard to implement.")[0]).toMatchObject({ text: "the agreement may be hard to implement", description: "speakers" });
  });
});

describe("bodies cited by an acronym", () => {
  it("reads an according-to source with its acronym in brackets, and the acronym later as the body's full name", () => {
    const quotes = quotesOf("Security forces killed 14 people Monday, according to the Harbor Association for Political Prisoners (HAPP). Eight of the deaths occurred in the capital, according to HAPP.");
    expect(quotes.map((quote) => [quote.text, quote.speaker])).toEqual([
      ["Security forces killed 14 people Monday", "Harbor Association for Political Prisoners"],
      ["Eight of the deaths occurred in the capital", "Harbor Association for Political Prisoners"],
    ]);
  });
});

describe("calls made to tell someone something", () => {
  it("reads what a call was made to tell as the caller's reported speech", () => {
    const [quote] = quotesOf("Last night, President Ana Roe called Prime Minister Ivo Petrov to inform him that, due to the storm, she will not be able to travel.");
    expect(quote).toMatchObject({ text: "due to the storm, she will not be able to travel", speaker: "Ana Roe" });
  });

  it("does not read an infinitive of another verb as a report", () => {
    expect(quotesOf("Mayor Ana Roe wants to say more about the budget next week.")).toEqual([]);
  });
});

describe("interviewers", () => {
  it("does not give a pronoun's quotation to the reporter named as the listener", () => {
    const text = [
      "Jon Wells is a news editor at the Harbor Post.",
      "He told Harbor Radio reporter Ana Lee that heavy fighting was going on in the south.",
      "“I can hear the gunfire from my office,” he said.",
    ].join("\n\n");
    expect(quotesOf(text).find((quote) => quote.kind === "direct")).toMatchObject({ speaker: "Jon Wells" });
  });
});

describe("the group", () => {
  it("refers back to the body that spoke last", () => {
    const text = "Security forces killed 14 people Monday, according to the Harbor Association for Political Prisoners (HAPP). The group, which has been monitoring the violence, said Monday’s toll brings the total to 510.";
    expect(quotesOf(text)[1]).toMatchObject({ text: "Monday’s toll brings the total to 510", speaker: "Harbor Association for Political Prisoners" });
  });

  it("keeps a body whose name holds the word", () => {
    const [quote] = quotesOf("Hundreds of families fled the district, according to the International Organization for Harbors.");
    expect(quote).toMatchObject({ speaker: "International Organization for Harbors" });
  });
});
