import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";

// Issue 17, eleventh pass (studied on every scored speech batch, speech-10 included): statements
// and readouts as documents in an author's or an office's voice, organizations as the story names
// them, and the subject a pronoun continues; each on short texts written for these tests.

const quotesOf = (text: string): { text: string; speaker: string | null; kind: string; description: string | null; speakerKind: string | null; medium: string | null }[] =>
  extractArticle(text).quotes.map((quote) => ({
    text: quote.text,
    speaker: quote.speaker,
    speakerKind: quote.speakerKind ?? null,
    description: quote.speakerDescription,
    kind: quote.kind,
    medium: quote.medium,
  }));
const orgs = (text: string): string[] => [...extractArticle(text).organizations];
const people = (text: string): string[] => extractArticle(text).people.map((person) => person.name);

describe("statement documents: who the author is", () => {
  it("reads a headline's title, office and full name before 'Statement on' as the author", () => {
    const text = [
      "Secretary of the Interior Jane Q. Roe Statement on Harbor Flood Tragedy",
      "Immediate Release",
      "Jan. 20, 2016",
      "Our hearts go out to the families of the crew lost in the harbor last week. We will not forget their service.",
      "I also thank the rescue teams who searched the harbor day and night for their colleagues.",
    ].join("\n\n");
    const quotes = quotesOf(text);
    expect(quotes).toHaveLength(2);
    expect(quotes.every((quote) => quote.speaker === "Jane Q. Roe" && quote.medium === "statement" && quote.kind === "direct")).toBe(true);
  });

  it("reads 'Statement from the <office>' as an unnamed office holder, a title with 'of' headed by its role", () => {
    const text = ["Statement from the Secretary of the Interior", "\"I am deeply saddened by the loss of the crew in the harbor. They and their families are in my thoughts.\""].join("\n\n");
    const [quote] = quotesOf(text);
    expect(quote).toMatchObject({ speaker: null, description: "the Secretary of the Interior", medium: "statement" });
  });

  it("reads 'attributable to a senior official' as an unnamed source of the body the title names", () => {
    const text = [
      "Readout of Secretary Roe's Call with Foreign Minister Doe",
      "The following is attributable to a Senior Harbor Department Official:",
      "During a call with Foreign Minister Doe this afternoon, Secretary Roe expressed concern about the closures in the harbor.",
    ].join("\n\n");
    const [quote] = quotesOf(text);
    expect(quote).toMatchObject({ speaker: null, description: "a Senior Harbor Department Official", medium: "statement" });
    // "Senior" describes the official; the body is the department, and "Readout of" is no title of Roe's.
    expect(orgs(text)).toContain("Harbor Department");
    expect(orgs(text)).not.toContain("Senior Harbor Department");
    const roe = extractArticle(text).people.find((person) => person.name === "Roe");
    expect(roe?.titles.some((title) => /readout/i.test(title)) ?? false).toBe(false);
  });

  it("reads 'Statement from the <body>' as the body speaking for itself", () => {
    const text = [
      "Statement from the U.S. Embassy in Ruritania",
      "March 3, 2019",
      "The U.S. Embassy is deeply saddened by the loss of life in yesterday's flood. We extend our condolences to the families of the victims.",
    ].join("\n\n");
    const [quote] = quotesOf(text);
    expect(quote).toMatchObject({ speaker: "U.S. Embassy in Ruritania", speakerKind: "organization", medium: "statement" });
  });
});

describe("readouts printed without their headline", () => {
  const readout = [
    "Vice President Jane Doe spoke by phone today with Prime Minister John Roe of Ruritania to discuss the harbor project.  The two leaders agreed to stay in close contact.",
    "The Vice President welcomed the Prime Minister's commitment to clean energy and the alliance between the two countries.",
  ].join("\n\n");

  // Sixteenth pass: the principal's press office speaks as an organization (it was an unnamed "the White House").
  it("reads every paragraph as the unsigned issuer's, the principal's office", () => {
    const quotes = quotesOf(readout).filter((quote) => quote.kind === "direct");
    expect(quotes).toHaveLength(2);
    expect(quotes.every((quote) => quote.speaker === "Office of the Press Secretary" && quote.medium === "statement")).toBe(true);
  });

  it("does not read a news story about a call as a readout", () => {
    const news = "Vice President Jane Doe spoke by phone today with Prime Minister John Roe of Ruritania, the White House said. The two leaders discussed the harbor project, according to officials.";
    expect(quotesOf(news).some((quote) => quote.medium === "statement")).toBe(false);
    const quoted = "President Jane Doe met today with Prime Minister John Roe of Ruritania. “We had a good talk about the harbor,” Roe told reporters afterwards in the capital.";
    expect(quotesOf(quoted).some((quote) => quote.medium === "statement")).toBe(false);
  });
});

describe("people described by a plural title", () => {
  it("reads 'both Presidents' as people described, not an organization", () => {
    const text = "President Jane Doe met President John Roe in the capital on Monday. Finally, both Presidents noted that they look forward to meeting again in June.";
    const reported = quotesOf(text).find((quote) => quote.kind === "indirect" && quote.text.includes("look forward"));
    expect(reported).toMatchObject({ speaker: null, description: "both Presidents" });
    expect(orgs(text)).not.toContain("Presidents");
  });
});

describe("organizations as the story names them", () => {
  it("lists the Pentagon as written, beside the department when both are named", () => {
    const found = orgs("The Pentagon said on Monday that the Defense Department would send engineers to the harbor.");
    expect(found).toContain("Pentagon");
    expect(found).toContain("U.S. Department of Defense");
  });

  it("does not list a body named only as a post's or a room's modifier, nor one a title only implies", () => {
    const text = "Pentagon Press Secretary John Roe spoke in the Pentagon Briefing Room. Secretary of State Jane Doe arrived later.";
    const found = orgs(text);
    expect(found).not.toContain("Pentagon");
    expect(found).not.toContain("U.S. Department of State");
    // The person keeps the body the title implies.
    expect(extractArticle(text).people.find((person) => person.name === "Jane Doe")?.organization).toBe("U.S. Department of State");
  });

  it("keeps a one-word body joined to another by 'and'", () => {
    expect(orgs("Is the rhetoric from Hezbollah and Hamas a threat to the harbor?")).toEqual(expect.arrayContaining(["Hezbollah", "Hamas"]));
  });

  it("reads Air Force One as the aircraft and 'News Transcript' as the document", () => {
    const found = orgs("Press Gaggle Aboard Air Force One\n\nNews Transcript\n\nThe Harbor Authority said the airport would stay open.");
    expect(found.some((name) => /air force|aboard/i.test(name))).toBe(false);
    expect(found).not.toContain("News");
    expect(found).toContain("Harbor Authority");
    // A body's name before a treaty's word names the treaty.
    expect(orgs("The Intermediate-Range Nuclear Forces Treaty was signed in 1987.").some((name) => /forces/i.test(name))).toBe(false);
  });
});

describe("headline topics and pronouns", () => {
  it("does not read a headline's topic in capitals as a person", () => {
    const text = ["Governor Jane Roe Statement on Harbor Ferry Tragedy", "Our hearts go out to the families of the ferry crew lost in the harbor last week."].join("\n\n");
    expect(people(text)).toEqual(["Jane Roe"]);
  });

  it("continues the subject of a sentence that opens with a time word", () => {
    const text =
      "Yesterday Secretary Roe called Foreign Minister Lee to discuss the harbor. The Secretary thanked the Foreign Minister for organizing the meeting between Prime Minister Kim and Mayor Park on June 9. He noted that he was encouraged by the positive tone of these meetings.";
    const reported = quotesOf(text).find((quote) => quote.kind === "indirect" && quote.text.includes("encouraged"));
    expect(reported?.speaker).toBe("Roe");
  });

  it("reads a Korean name's family name first, so that its later mentions continue the person", () => {
    const text = [
      "Song Min-jun, the globe-trotting secretary general of the Harbor League, sat inside the hotel on a rainy morning.",
      "The league's members had gathered for the annual harbor summit.",
      "Asked whether he was worried that Governor Jane Roe could close the port, Song demurred.",
      "\u201cThe port belongs to everyone,\u201d he said.",
    ].join("\n\n");
    const quote = quotesOf(text).find((candidate) => candidate.text.startsWith("The port belongs"));
    expect(quote?.speaker).toBe("Song Min-jun");
    // "Song demurred" is a mention of the same person, by the family name.
    expect(extractArticle(text).people.find((person) => person.name === "Song Min-jun")?.aliases).toContain("Song");
  });

  it("reads assured, conveyed and underscored with 'that' as reported speech", () => {
    const text =
      "Finance Minister John Doe met Foreign Minister Jane Roe on Monday. He assured the Foreign Minister that the harbor would reopen next week. He also conveyed to Roe that a delegation would travel to the capital in May. Doe underscored that the talks must continue.";
    const reported = quotesOf(text).filter((quote) => quote.kind === "indirect");
    expect(reported.map((quote) => quote.text)).toEqual(["the harbor would reopen next week", "a delegation would travel to the capital in May", "the talks must continue"]);
    expect(reported.every((quote) => quote.speaker === "John Doe")).toBe(true);
  });
});
