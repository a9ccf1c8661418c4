import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";

// Issue 17, tenth pass (studied on every scored speech batch, speech-9 included, and PolNeAR
// train): statements, readouts and transcripts whose quotes were missed entirely, untitled
// people, and speakers in news copy; each on short texts written for these tests.

const quotesOf = (text: string): { text: string; speaker: string | null; description: string | null; kind: string; medium: string | null }[] =>
  extractArticle(text).quotes.map((quote) => ({ text: quote.text, speaker: quote.speaker, description: quote.speakerDescription, kind: quote.kind, medium: quote.medium }));

describe("statement documents", () => {
  it("keeps a closing paragraph whose last full stop the copy lost", () => {
    const text = [
      "Secretary Roe's Call with Foreign Minister Doe",
      "The following is attributable to Spokesperson John Smith:",
      "Secretary Roe spoke today with Foreign Minister Doe. They discussed the harbor and agreed to keep working together on trade in the region",
    ].join("\n\n");
    const [quote] = quotesOf(text);
    expect(quote).toMatchObject({ speaker: "John Smith", kind: "direct", medium: "statement" });
    expect(quote?.text).toContain("agreed to keep working together");
  });

  it("reads 'Press Statement' over a title alone as a statement of that unnamed office holder", () => {
    const text = ["Talks on the Harbor", "Press Statement", "Department Spokesperson", "The United States welcomes the talks on the harbor. We remain in close contact with both sides."].join("\n");
    const [quote] = quotesOf(text);
    expect(quote).toMatchObject({ speaker: null, description: "Department Spokesperson", medium: "statement" });
  });

  it("reads a name alone over a date line as the statement's signature", () => {
    const text = ["Intentions in the Harbor Zone", "Heather Roe", "May 25, 2018", "The United States is concerned by reports of an operation in the harbor zone. We caution all sides against escalation."].join("\n\n");
    const [quote] = quotesOf(text);
    expect(quote).toMatchObject({ speaker: "Heather Roe", kind: "direct", medium: "statement" });
  });

  it("does not read a news story's author line as a signature", () => {
    const text = ["Harbor Reopens", "By Jane Roe", "May 25, 2018", "The harbor reopened on Monday, officials said."].join("\n\n");
    expect(quotesOf(text).every((quote) => quote.medium !== "statement")).toBe(true);
  });

  it("reads 'Statement of' a titled name as its author", () => {
    const text = ["Statement of Ambassador Jane Roe on the Harbor Fire", "May 2, 2024", "The United States is saddened by the loss of life in the harbor fire. We extend our condolences."].join("\n\n");
    expect(quotesOf(text)[0]).toMatchObject({ speaker: "Jane Roe", medium: "statement" });
  });

  it("reads a signature at the foot of the statement", () => {
    const text = ["Embassy Condemns Harbor Attack", "May 2, 2024", "The Embassy condemns the attack on the harbor. We extend our condolences to the families.", "Jane Roe\nChargé d'Affaires"].join("\n\n");
    expect(quotesOf(text)[0]).toMatchObject({ speaker: "Jane Roe", medium: "statement" });
  });
});

describe("transcripts", () => {
  it("reads a label whose surname keeps a mixed-case prefix, in a transcript of one turn", () => {
    const text = ["Press Briefing by Scott McClellan", "Office of the Press Secretary", "MR. McCLELLAN: Good afternoon, everyone. I want to begin with the trip.", "The President is looking forward to the visit."].join("\n\n");
    const quotes = quotesOf(text);
    expect(quotes).toHaveLength(2);
    expect(quotes.every((quote) => quote.speaker === "Scott McClellan" && quote.medium === "briefing")).toBe(true);
  });

  it("gives the paragraphs after a moderator's hand-over to the person handed the floor", () => {
    const text = [
      "Secretary of Defense Jane Q. Roe III Press Conference",
      "STAFF: Thank you all for being here. It is my pleasure to welcome Secretary of Defense Jane Q. Roe III.",
      "With that, over to you, Madam Secretary.",
      "It has been a difficult week for the department.",
    ].join("\n\n");
    const quotes = quotesOf(text);
    expect(quotes[0]).toMatchObject({ speaker: null, medium: "briefing" });
    expect(quotes[quotes.length - 1]).toMatchObject({ text: "It has been a difficult week for the department.", speaker: "Jane Q. Roe III" });
  });

  it("reads mixed-case titled labels and 'Question:'", () => {
    const text = ["Press Briefing by Spokesperson Jane Roe", "Ms. Roe: Good afternoon. I have one thing at the top.", "Question: Can you say more about the harbor?", "Ms. Roe: Not today."].join("\n\n");
    const quotes = quotesOf(text);
    expect(quotes.map((quote) => quote.speaker ?? quote.description)).toEqual(["Jane Roe", "a reporter", "Jane Roe"]);
  });
});

describe("people the story names without a title", () => {
  const names = (text: string): string[] => extractArticle(text).people.map((person) => person.name);

  it("lists a name that opens with a common given name", () => {
    expect(names("Residents fled as the water rose. Todd Ruiz was among those who escaped.")).toContain("Todd Ruiz");
  });

  it("lists a correspondent a credit line names", () => {
    expect(names("Rebels deny the claim. VOA's Nico Andersen reports from Dakar.")).toContain("Nico Andersen");
  });

  it("leaves names inside longer proper names alone", () => {
    const found = names("The carrier USS Carl Vinson docked. Teams will go to Fort Sam Houston. The talk was held in the Ben Franklin Room.");
    expect(found).not.toContain("Carl Vinson");
    expect(found).not.toContain("Sam Houston");
    expect(found).not.toContain("Ben Franklin Room");
  });
});

describe("speakers in news copy", () => {
  it("reads a surname the tagger takes for a verb after an inverted 'said'", () => {
    const text = ["Bill Skelly, a longtime data operative, spoke.", "“We are ready,” said Skelly."].join("\n\n");
    expect(quotesOf(text)[0]).toMatchObject({ text: "We are ready,", speaker: "Skelly" });
  });

  it("looks past a party and state after the name", () => {
    expect(quotesOf("Gov. Rick Doe (R) said the state allocated funds last week.")[0]).toMatchObject({ text: "the state allocated funds last week", speaker: "Rick Doe" });
    expect(quotesOf("Senate Majority Leader Mitch Roe, R-Ky., said the Senate will vote next week.")[0]).toMatchObject({ speaker: "Mitch Roe" });
  });
});

describe("phrasal reporting and sentence openers", () => {
  it("reads 'pointed out' as a reporting verb, and keeps 'As' out of the title", () => {
    const extraction = extractArticle("As analyst Jane Roe pointed out in December, “The delegates will have many chances to change the rule.”");
    expect(extraction.quotes[0]).toMatchObject({ speaker: "Jane Roe", kind: "direct" });
    expect(extraction.people[0]?.titles).toEqual(["analyst"]);
  });
});
