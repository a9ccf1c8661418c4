import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";
import { peopleNames, reportOf } from "./speech-support.js";

// Pass h17ap: speakers of news never seen (issue 17). Each rule is pinned with sentences written
// for this file.

describe("h17ap: a name beside a description set off by one comma", () => {
  it("gives the report to the name that opens the sentence, the appositive left open", () => {
    const text = "Rebels clashed with troops near the capital on Monday.\n\nBut Marta Velasquez, the director of the Andean Rights Forum says the government did not go far enough.";
    expect(reportOf(text, "the government did not")?.speaker).toBe("Marta Velasquez");
  });
  it("reads a quoted title inside the open appositive", () => {
    const text = 'Floods cut the northern road again.\n\nTomas Brenner, editor of the "Daily Ledger" newspaper says the region is caught in a cycle of neglect.';
    expect(reportOf(text, "the region is caught")?.speaker).toBe("Tomas Brenner");
  });
  it("gives the report to the name set off after a description subject", () => {
    const text =
      "Supporters of the opposition leader, Ruth Okonkwo-Dele, marched through the city.\n\nThe presidential candidate for the opposition Party of Renewal, Ms. Okonkwo-Dele, says the ruling party is rigging the vote.";
    expect(reportOf(text, "the ruling party is rigging")?.speaker).toBe("Ruth Okonkwo-Dele");
  });
  it("takes no opening place or time phrase for a name", () => {
    const text = "The storm killed four people.\n\nIn Washington, a White House spokesman says the president sent his condolences.";
    const report = reportOf(text, "the president sent");
    expect(report?.speaker ?? null).toBeNull();
    expect(report?.speakerDescription).toMatch(/spokesman/);
  });
});

describe("h17ap: a bare acronym of a body the story spells out", () => {
  const text =
    "The Pan Ocean Council blasted the rebels on Friday for a series of raids on fishing villages.\n\nThe raids, POC says, have hurt the talks set to resume in June.";
  it("gives the report to the body's full name, not to a person called by the acronym", () => {
    const report = reportOf(text, "The raids");
    expect(report?.speaker).toBe("Pan Ocean Council");
    expect(report?.speakerKind).toBe("organization");
  });
  it("keeps the acronym a body and no person", () => {
    const extraction = extractArticle(text);
    expect(peopleNames(extraction)).not.toContain("POC");
  });
});

describe("h17ap: a title that ends in a portfolio's 'Affairs' before the name", () => {
  it("keeps 'Affairs' in the title and out of the name", () => {
    const text = "Deputy Minister for Foreign Affairs Tomas Brenner said the border would stay open through the winter.";
    expect(reportOf(text, "the border would")?.speaker).toBe("Tomas Brenner");
    expect(peopleNames(extractArticle(text))).toEqual(["Tomas Brenner"]);
  });
});

describe("h17ap: a country's institution speaks as a body where it is first resolved", () => {
  const text = "Fighting spread along the border on Sunday.\n\nNorway's army says it has pushed the raiders back across the river. Later the army said the road was open again.";
  it("names the body with the country's adjective", () => {
    const report = reportOf(text, "it has pushed");
    expect(report?.speaker).toBe("Norwegian army");
    expect(report?.speakerKind).toBe("organization");
  });
  it("reads a later bare 'the army' as that body", () => {
    expect(reportOf(text, "the road was open")?.speaker).toBe("Norwegian army");
  });
  it("reads a country of two words as one place", () => {
    expect(reportOf("New Zealand's government says the ferry will sail on Monday.", "the ferry")?.speaker).toBe("New Zealand government");
  });
});
