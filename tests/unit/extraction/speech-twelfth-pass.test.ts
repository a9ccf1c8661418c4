import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";

// Issue 17, twelfth pass (studied on every scored speech batch, speech-11 included): a lead's
// definite role or body kind named lower down, a body called by its kind after it spoke, the
// reporter an answer addresses after a one-word reply, and the credit lines' writers and editors;
// each on short texts written for these tests.

const quotesOf = (text: string): { text: string; speaker: string | null; speakerKind: string | null; description: string | null }[] =>
  extractArticle(text).quotes.map((quote) => ({ text: quote.text, speaker: quote.speaker, speakerKind: quote.speakerKind ?? null, description: quote.speakerDescription }));
const people = (text: string): string[] => extractArticle(text).people.map((person) => person.name);

describe("a lead's definite role, named in the next sentences", () => {
  it("gives 'The top ... official said' to the person quoted next in the lead", () => {
    const text = [
      "Harbor Aid Flights to Continue",
      "The top regional relief official said Tuesday that flights of emergency supplies to the harbor towns will continue. Relief Agency administrator Marta Quill says the needs of the families outweigh every other concern.",
      "Quill spoke to reporters after a visit to the coast.",
    ].join("\n\n");
    const quotes = quotesOf(text);
    expect(quotes.find((quote) => quote.text.startsWith("flights"))).toMatchObject({ speaker: "Marta Quill", speakerKind: "person" });
  });

  it("reads 'The United Nations head of ...' as the person, not the body that opens the description", () => {
    const text = [
      "Aid Chief Worried Over Limits",
      "The United Nations head of humanitarian aid says he is worried about new limits on relief work in the northern valleys. Officials announced the limits last week. U.N. aid chief Tomas Berglund says the most important thing now is to save lives.",
    ].join("\n\n");
    const quote = quotesOf(text).find((candidate) => candidate.text.startsWith("he is worried"));
    expect(quote).toMatchObject({ speaker: "Tomas Berglund", speakerKind: "person" });
  });

  it("leaves a lay role ('The witness') and a role past the lead unnamed", () => {
    const text = [
      "Fire in the Market",
      "The witness said the fire began before dawn. Market manager Ana Ruiz says the stalls were empty.",
      "The district official said the road would reopen on Friday. Mayor Petra Lind says repairs have begun.",
    ].join("\n\n");
    const quotes = quotesOf(text);
    expect(quotes.find((quote) => quote.text.startsWith("the fire began"))?.speaker).toBeNull();
    expect(quotes.find((quote) => quote.text.startsWith("the road"))?.speaker).toBeNull();
  });
});

describe("a body called by its kind", () => {
  it("gives 'The U.N. food agency says' to the body quoted just before", () => {
    const text = [
      "Floods Hit the South",
      "The World Food Program says floods across four countries have washed away crops and homes. The U.N. food agency says that the central valley is the most seriously affected.",
    ].join("\n\n");
    const quotes = quotesOf(text);
    expect(quotes.map((quote) => quote.speaker)).toEqual(["World Food Program", "World Food Program"]);
    expect(people(text)).not.toContain("World Food Program");
  });

  it("gives a lead's 'opposition party says' to the party the next paragraph quotes by name", () => {
    const text = [
      "Opposition Leader Released",
      "The country's opposition party says its leader has been released from police custody after several hours.",
      "The opposition Movement for Democratic Renewal said police released him without charge on Wednesday.",
    ].join("\n\n");
    const [lead] = quotesOf(text);
    expect(lead).toMatchObject({ speaker: "Movement for Democratic Renewal", speakerKind: "organization" });
  });

  it("does not give 'the port agency' to the body quoted before when a person spoke last", () => {
    const text = [
      "Talks Resume",
      "The Harbor Workers Union said talks would resume on Monday.",
      "Union leader Dara Moss said members were ready to return. The port agency said it wanted a written offer.",
    ].join("\n\n");
    const quote = quotesOf(text).find((candidate) => candidate.text.includes("written offer"));
    expect(quote?.speaker).not.toBe("Harbor Workers Union");
  });
});

describe("briefings: the reporter an answer addresses after a one-word reply", () => {
  it("reads 'Right. I can't say, Matt, ...' as answering Matt's question", () => {
    const text = [
      // An interview (h17ar: a briefing's answer names no reporter).
      "Interview with Mr. Doe",
      "MR. DOE: Good afternoon. I have nothing to start with, so let's go to your questions.",
      "QUESTION: Were you able to find out anything more about the threat to the embassy?",
      "MR. DOE: Right. I can't point to anything specific, Matt, other than the reports we collect every day.",
      "QUESTION: Is the embassy open?",
      "MR. DOE: It is.",
    ].join("\n\n");
    const quotes = quotesOf(text);
    expect(quotes.find((quote) => quote.text.startsWith("Were you able"))?.speaker).toBe("Matt");
    expect(quotes.find((quote) => quote.text.startsWith("Is the embassy"))?.speaker).toBeNull();
  });
});

describe("people: the credit lines' writers and editors", () => {
  it("lists a byline's writer and a sign-off's and footer's editors, not an outlet", () => {
    const text = [
      "Minister Saddened by Deaths",
      "By Jonah T. Pell\nHarbor Press Service",
      "CAPITAL, Dec. 20 - Defense Minister Ana Ruiz said today she is saddened by the deaths.",
      "I'm Kara Lindqvist.",
      "Our reporter wrote this story from the capital. Mateo Brandt adapted the story for Learning English. Kara Lindqvist was the editor.",
      "By VOA News",
    ].join("\n\n");
    const names = people(text);
    expect(names).toEqual(expect.arrayContaining(["Ana Ruiz", "Jonah T. Pell", "Kara Lindqvist", "Mateo Brandt"]));
    expect(names).not.toContain("VOA News");
    expect(quotesOf(text).find((quote) => quote.text.includes("saddened"))?.speaker).toBe("Ana Ruiz");
  });
});

describe("people: a briefing's topic index", () => {
  it("lists the full names its topics give with a given name or a title, over line ends, not the topics", () => {
    const text = [
      "Daily Press Briefing",
      "John Doe, Spokesman\nWashington, DC\nJune 27, 2005",
      "Hostages: Mark Stone, Thomas Reed/ Election Results/ Nuclear\nWeapons/ Candidate List/",
      "Reports of Meetings with Insurgents/ Secretary Alan\nKestrel/ Drafting of Constitution",
      "Sarah Lund's Senate Confirmation/ Cultural Exchanges",
      "MR. DOE: Good afternoon. Let's go to your questions.",
      "QUESTION: Is there news on the hostages?",
      "MR. DOE: Nothing new today.",
    ].join("\n\n");
    const names = people(text);
    expect(names).toEqual(expect.arrayContaining(["Mark Stone", "Thomas Reed", "Alan Kestrel", "Sarah Lund"]));
    expect(names).not.toContain("Alan");
    expect(names.some((name) => /Results|Weapons|Exchanges|Candidate/.test(name))).toBe(false);
  });
});

describe("pronouns: a sentence whose subject is 'The <title>'", () => {
  it("gives 'He noted that ...' after 'The President thanked ...' to the president, not the minister named last", () => {
    const text = [
      "Readout of the President's Call with Prime Minister Roe",
      "Late Saturday morning, President Doe returned Prime Minister Roe's phone call. Prime Minister Roe had called President Doe on Friday to congratulate him on the prize. The President expressed his appreciation for the call. He noted that he was humbled by the award.",
    ].join("\n\n");
    const quote = quotesOf(text).find((candidate) => candidate.text.startsWith("he was humbled"));
    expect(quote?.speaker).toBe("Doe");
  });

  it("leaves two holders of the title to the earlier rules (the subject of the clauses before)", () => {
    const text = [
      "Presidents Meet",
      "President Jan Doe met President Ali Roe on Monday. The President thanked his guest for the visit. He said that the talks were useful.",
    ].join("\n\n");
    const quote = quotesOf(text).find((candidate) => candidate.text.startsWith("the talks"));
    expect(quote?.speaker).toBe("Jan Doe");
  });
});
