import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";
import { peopleNames, quoteOf, reportOf } from "./speech-support.js";

// Issue 17, helper h17ar (studied on speech-30's first sight): a plural common noun that opens a
// sentence describes unnamed people, and a briefing's answer names no reporter. Sentences are ours.

describe("a capitalized plural opening a sentence is people described, not a name", () => {
  const story = [
    "Clashes Resume Near the Lake",
    "Fighting resumed near the lake on Monday, leaving the market town half empty.",
    "Shopkeepers here say that patrol boats sank two canoes before dawn.",
    "Herders say their cattle were driven off by armed men.",
  ].join("\n\n");

  it("gives the report to the unnamed 'Shopkeepers here' and 'Herders', and lists no person of that name", () => {
    const extraction = extractArticle(story);
    const canoes = reportOf(story, "patrol boats sank");
    expect(canoes?.speaker).toBeNull();
    expect(canoes?.speakerDescription).toBe("Shopkeepers here");
    const cattle = reportOf(story, "their cattle were driven off");
    expect(cattle?.speaker).toBeNull();
    expect(cattle?.speakerDescription).toBe("Herders");
    expect(peopleNames(extraction)).not.toContain("Shopkeepers");
    expect(extraction.organizations).not.toContain("Herders");
  });

  it("keeps a name that only ends in 's' and a surname the story gave a person", () => {
    const text = [
      "Port Talks",
      "Harbor minister Alan Gates opened the talks on Tuesday.",
      "Gates said the port would reopen within a week.",
      "Reuters says the unions have not agreed.",
    ].join("\n\n");
    expect(reportOf(text, "the port would reopen")?.speaker).toBe("Alan Gates");
    expect(reportOf(text, "the unions have not agreed")?.speaker).toBe("Reuters");
  });
});

describe("a definite description that gives an age refers back to the person named last", () => {
  it("gives 'the 41-year-old engineer said' to the engineer the story named, not to an unnamed source", () => {
    const text = [
      "Engineer Freed",
      "A bridge engineer held for a month has been released. Tomas Reyes says he is glad to be home.",
      "Asked whether he would return to the site, the 41-year-old engineer said he had not decided.",
    ].join("\n\n");
    const report = reportOf(text, "he had not decided");
    expect(report?.speaker).toBe("Tomas Reyes");
  });

  it("does not give 'the 30-year-old woman' to the man named last", () => {
    const text = [
      "Fire in the Old Town",
      "Fire chief Daniel Okafor said the blaze started in a bakery.",
      "The 30-year-old woman who runs the bakery said the ovens had been switched off.",
    ].join("\n\n");
    expect(reportOf(text, "the ovens had been switched off")?.speaker).not.toBe("Daniel Okafor");
  });
});

describe("a briefing names a reporter only by the label or the call before the turn", () => {
  const briefing = (answer: string): string =>
    [
      "Daily Press Briefing",
      "MS. LARKIN: Good afternoon. Nothing at the top. Go ahead, Omar.",
      "QUESTION: Is the ferry running on Monday?",
      `MS. LARKIN: ${answer}`,
      "QUESTION: And the bridge?",
      "MS. LARKIN: Thank you, Dana. The bridge stays closed.",
    ].join("\n\n");

  it("names the reporter the spokeswoman calls on, and leaves the one she thanks 'a reporter'", () => {
    const text = briefing("It is, as far as I know.");
    expect(quoteOf(text, "Is the ferry running")?.speaker).toBe("Omar");
    const bridge = quoteOf(text, "And the bridge");
    expect(bridge?.speaker).toBeNull();
    expect(bridge?.speakerDescription).toBe("a reporter");
  });

  it("lists the reporter an answer addresses as a person of the story", () => {
    expect(peopleNames(extractArticle(briefing("It is, as far as I know.")))).toContain("Dana");
  });

  it("reads 'to answer your question, Dana, ...' as no call on the next reporter", () => {
    const text = [
      "Daily Press Briefing",
      "MS. LARKIN: Good afternoon. Nothing at the top.",
      "QUESTION: Is the new pier finished?",
      "MS. LARKIN: The crews worked through the winter. And to answer your question, Dana, it opens next week.",
      "QUESTION: Who paid for it?",
      "MS. LARKIN: The port did.",
    ].join("\n\n");
    const next = quoteOf(text, "Who paid for it");
    expect(next?.speaker).toBeNull();
    expect(next?.speakerDescription).toBe("a reporter");
  });

  it("still names an interview's interviewer from the answer", () => {
    const text = [
      "Interview of the Harbor Minister by Lena Brook",
      "Q: Minister, welcome back to the program.",
      "MINISTER HALE: It's good to be here, Lena.",
    ].join("\n\n");
    expect(quoteOf(text, "Minister, welcome back")?.speaker).toMatch(/Lena/);
  });
});
