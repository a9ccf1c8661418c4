import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";

// Issue 17, thirteenth pass (studied on PolNeAR train and speech-12): "he"/"she" continues the
// subject of the sentences before it, also after a fronted phrase, across one paragraph break, and
// when that subject is a person named without a title; each on short texts written for these tests.

const speakerOf = (text: string, start: string): string | null | undefined => extractArticle(text).quotes.find((quote) => quote.text.startsWith(start))?.speaker;

describe("pronouns continue the subject before them", () => {
  it("prefers the subject after a fronted phrase over the object named after it, across a paragraph break", () => {
    const text = [
      "Senate candidate Paul Varga spent the day attacking former Mayor Tom Healy.",
      "Speaking at a diner in Hollis, Varga went after Healy, calling him “a tired insider.”",
      "He says, “Here is a man who has never balanced a budget in his life.”",
    ].join("\n\n");
    expect(speakerOf(text, "Here is a man")).toBe("Paul Varga");
  });

  it("gives the pronoun to a surname alone that opens the paragraph before, for a person named without a title", () => {
    const text = [
      "Former Governor Luis Ortega said the new levy was a mistake. “It will drive families away,” Ortega told reporters.",
      "“The first loser will be the port,” he continued. Ortega also criticized Donald Marsh, who proposed the levy.",
      "Since launching his campaign in March, Marsh has defended the levy at every stop.",
      "“We are asking the biggest firms to pay their share,” he said.",
    ].join("\n\n");
    expect(speakerOf(text, "We are asking")).toBe("Donald Marsh");
  });

  it("gives a quotation opening the next paragraph to the subject, not to the interviewer named after it", () => {
    const text = [
      "The harbor reopened on Friday after three weeks of repairs.",
      "Tomas Olsen is a spokesman for the harbor board. From Bergen, he spoke to Coast Radio English Service reporter Leo Dahl.",
      "“We want every family to know that the piers are safe again. The repairs are finished,” he says.",
    ].join("\n\n");
    expect(speakerOf(text, "We want every family")).toBe("Tomas Olsen");
  });

  it("does not give 'she' to an untitled man's surname, nor 'he' to a woman's", () => {
    const text = [
      "Mayor Ruth Adler met Robert Kane at the depot on Monday.",
      "Later, Kane toured the rail yard with staff.",
      "“The yard needs new tracks before winter,” she said.",
    ].join("\n\n");
    expect(speakerOf(text, "The yard needs")).toBe("Ruth Adler");
  });

  it("keeps the subject of the same paragraph when the fronted name only starts a list", () => {
    const text = [
      "Gov. Nora Pike spoke after the vote. At the hearing, Mills and Ortiz sat in the front row.",
      "“We kept our promise to the schools,” she said.",
    ].join("\n\n");
    expect(speakerOf(text, "We kept")).toBe("Nora Pike");
  });
});

describe("a surname two people of the story bear", () => {
  it("is the one the story named first, so that 'he' after 'Marsh attacked ...' is him", () => {
    const text = [
      "Republican candidate Donald Marsh spoke in Dover on Monday. His daughter, campaign adviser Mary Marsh, introduced him.",
      "Gov. Ted Crane did not attend.",
      "Marsh attacked the governor's record. “We cannot afford four more years of this,” he said.",
    ].join("\n\n");
    expect(speakerOf(text, "We cannot afford")).toBe("Donald Marsh");
  });
});

describe("a whip is a title", () => {
  it("reads 'Senate Majority Whip Jon Corder (R-Tex.)' as a person, whom the next paragraph's 'he said' continues", () => {
    const text = [
      "The bill failed on Tuesday.",
      "“I don't remember anything as shameful as this bill,” said Senate Minority Leader Harold M. Reese (D-Nev.).",
      "Senate Majority Whip Jon Corder (R-Tex.) responded by standing on the Senate floor next to a large photo.",
      "“I'll tell you what shameful is,” he said.",
    ].join("\n\n");
    expect(extractArticle(text).people.map((person) => person.name)).toContain("Jon Corder");
    expect(speakerOf(text, "I'll tell you")).toBe("Jon Corder");
  });
});

describe("a correspondent's credit after a capitalized function word", () => {
  it("lists 'As Jane Doe reports from ...' as Jane Doe", () => {
    const text = "Rebels say the army shelled two villages on Monday. As Nora Lindqvist reports from Nairobi, the rebels say the fighting casts doubt on the truce.";
    const names = extractArticle(text).people.map((person) => person.name);
    expect(names).toContain("Nora Lindqvist");
    expect(names).not.toContain("As Nora Lindqvist");
  });
});

describe("a generational suffix after a comma", () => {
  it("keeps ', Jr.' in the name", () => {
    const text = "The minister named General Paula Ortiz to succeed Admiral Edmund G. Marlowe, Jr., who retires in June.";
    expect(extractArticle(text).people.map((person) => person.name)).toContain("Edmund G. Marlowe, Jr.");
  });
});

describe("one person named with and without a middle initial", () => {
  it("lists 'Secretary Robert Dunmore' and 'Secretary of Defense Robert M. Dunmore' once, by the fuller name", () => {
    const text = [
      "News Briefing with Secretary Robert Dunmore from the Pentagon",
      "Presenter: Secretary of Defense Robert M. Dunmore, June 8, 2007",
      "SEC. DUNMORE: Good afternoon. I want to thank the crews who flew through the storm last night.",
    ].join("\n\n");
    const people = extractArticle(text).people;
    expect(people.filter((person) => /Dunmore/.test(person.name)).map((person) => person.name)).toEqual(["Robert M. Dunmore"]);
    expect(people.find((person) => person.name === "Robert M. Dunmore")?.aliases).toContain("Robert Dunmore");
  });
});

describe("a demonstrative subject of reported speech", () => {
  it("reads 'say this could ...' as a report, while 'said this week ...' is still a time", () => {
    const quotes = extractArticle("The rebels say this could end the peace talks. The mayor said this week the bridge will reopen.").quotes;
    expect(quotes.find((quote) => quote.text.startsWith("this could"))).toMatchObject({ kind: "indirect", speakerDescription: "the rebels" });
    expect(quotes.find((quote) => quote.text.startsWith("the bridge"))).toMatchObject({ kind: "indirect" });
  });
});

describe("statement documents signed by a byline with an office or a name in capitals", () => {
  it("reads 'Name, Secretary of State' under the headline as the author of every paragraph", () => {
    const text = [
      "Return of Detained Sailors",
      "Jane Q. Rowan, Secretary of State",
      "The four sailors held in the harbor prison are now on their way home to their families.",
      "We are grateful to our partners who helped to make their release possible, in particular the port authorities.",
    ].join("\n");
    const quotes = extractArticle(text).quotes.filter((quote) => quote.kind === "direct");
    expect(quotes.map((quote) => quote.speaker)).toEqual(["Jane Q. Rowan", "Jane Q. Rowan"]);
    expect(quotes.every((quote) => quote.medium === "statement")).toBe(true);
  });

  it("gives a first-person release signed in capitals above its end mark to the signer, in title case", () => {
    const text = [
      "Governor Mourns Flood Victims",
      "For Immediate Release\nOffice of the Governor\nMay 3, 2021",
      "I am deeply saddened by the loss of life in the river towns this week. I extend my condolences to every family that lost a loved one, and I thank the crews who worked through the night.",
      "ALMA R. TESSIER",
      "# # #",
    ].join("\n\n");
    const result = extractArticle(text);
    const quote = result.quotes.find((candidate) => candidate.text.startsWith("I am deeply saddened"));
    expect(quote).toMatchObject({ kind: "direct", speaker: "Alma R. Tessier", speakerKind: "person", medium: "statement" });
    expect(result.people.map((person) => person.name)).toContain("Alma R. Tessier");
  });

  it("does not sign a release in the office's voice with a heading in capitals", () => {
    const text = [
      "Ministry Notes Harbor Works",
      "The ministry notes that the harbor works will resume on Monday. Work crews will close the north pier for two weeks while the cranes are replaced.",
      "PORT WORKS UPDATE",
      "# # #",
    ].join("\n\n");
    const quotes = extractArticle(text).quotes.filter((quote) => quote.kind === "direct");
    expect(quotes.some((quote) => quote.speaker === "Port Works Update")).toBe(false);
  });
});

describe("a body cited by its acronym after an article", () => {
  it("reads 'the WHO said' as the organization, though the tagger reads the acronym as a word", () => {
    const quote = extractArticle("Nearly 9,000 cases had been reported in the river towns by Friday, the WHO said.").quotes[0];
    expect(quote).toMatchObject({ kind: "indirect", speaker: "WHO", speakerKind: "organization" });
  });

  it("gives 'the U.N. news agency HNA reported' to HNA, the body the description names last", () => {
    const quote = extractArticle("Forty people were reportedly killed in the valley last week, the U.N. news agency HNA reported.").quotes[0];
    expect(quote).toMatchObject({ speaker: "HNA", speakerKind: "organization" });
  });

  it("speaks by the full name the story defines for the acronym", () => {
    const text = "Ministers met the Harbor Health Organization (WHO) on Monday.\n\nNearly 9,000 cases had been reported by Friday, the WHO said.";
    const quote = extractArticle(text).quotes.find((candidate) => candidate.text.startsWith("Nearly"));
    expect(quote).toMatchObject({ speaker: "Harbor Health Organization", speakerKind: "organization" });
  });
});
