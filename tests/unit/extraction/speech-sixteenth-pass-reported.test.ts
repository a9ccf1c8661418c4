import { describe, expect, it } from "vitest";
import { reportOf } from "./speech-support.js";

// Issue 17, sixteenth pass (reported speech; studied on speech-9 ... speech-16 and PolNeAR
// train): a bracket between the subject and the verb, the end of a reported clause at ", while",
// at a later attribution and at the speaker's next act, "There are reports that", a free relative
// "what they say", a participle in a trailing attribution, an adverb inside the clause, a name
// with its place, and a document's participle. Short texts written for these tests.


describe("a bracket between the subject and the verb", () => {
  it("reads past an acronym after a description", () => {
    const quote = reportOf("A spokesman for the Harbor Party (HP) says the people would back the plan.", "the people would back");
    expect(quote?.speakerDescription).toMatch(/spokesman/);
  });

  it("takes a name in the bracket for the speaker", () => {
    const quote = reportOf("An official of the aid agency (Jane Doe) tells ABC that workers have seen no change.", "workers have seen no change");
    expect(quote?.speaker).toBe("Jane Doe");
  });
});

describe("where the reported clause ends", () => {
  it("ends before ', while' and another source's account", () => {
    const quote = reportOf("Jane Doe said the fire was contained, while residents of the county reported new flames.", "the fire was contained");
    expect(quote?.text).toBe("the fire was contained");
  });

  it("keeps a contrast the speaker draws", () => {
    const quote = reportOf("Jane Doe said exports will grow by 6 percent, while imports will fall.", "exports will grow");
    expect(quote?.text).toMatch(/imports will fall/);
  });

  it("keeps ', while' and a participle in the clause", () => {
    const quote = reportOf("Jane Doe said the crews worked all night, while noting the roads were icy.", "the crews worked all night");
    expect(quote?.text).toMatch(/noting/);
  });

  it("ends before ', but' and an attribution with a long subject", () => {
    const text = "Officials said the vote was delayed by rain, but both the party and local residents said turnout was low.";
    expect(reportOf(text, "the vote was delayed")?.text).toBe("the vote was delayed by rain");
  });

  it("ends before 'and' and the speaker's next act after a clause led by an auxiliary", () => {
    const quote = reportOf("Jane Doe noted that she was pleased by the talks and urged both sides to continue.", "she was pleased");
    expect(quote?.text).toBe("she was pleased by the talks");
  });

  it("keeps 'and asked' in the clause after a present-tense 'says'", () => {
    const quote = reportOf("Jane Doe says she spoke to the mayor and asked him to resign.", "she spoke to the mayor");
    expect(quote?.text).toMatch(/asked him to resign/);
  });

  it("keeps 'and urged' in a clause whose own verb is a simple past", () => {
    const quote = reportOf("Jane Doe said the ministry requested a delay and urged calm.", "the ministry requested");
    expect(quote?.text).toMatch(/urged calm/);
  });
});

describe("There are reports that", () => {
  it("reads the clause as the unnamed reports'", () => {
    const quote = reportOf("There are reports that more boats are arriving.", "more boats are arriving");
    expect(quote?.speakerDescription).toMatch(/reports/);
  });

  it("reads it without 'that' too", () => {
    expect(reportOf("There were unconfirmed reports the bridge had collapsed.", "the bridge had collapsed")).toBeDefined();
  });
});

describe("other shapes", () => {
  it("reads a free relative 'what they say'", () => {
    const quote = reportOf("Local officials have protested what they say are unfair prices.", "are unfair prices");
    expect(quote?.speakerDescription).toMatch(/officials/i);
  });

  it("reads a trailing attribution whose medium has a participle", () => {
    const text = "The ships docked on Monday, Press Secretary Jane Doe said in a statement summarizing the visit, which took place in May.";
    expect(reportOf(text, "The ships docked on Monday")?.speaker).toBe("Jane Doe");
  });

  it("reads an adverb between the reported subject and its verb, and a reporter's place", () => {
    const quote = reportOf("ABC's Jane Doe in Lisbon reports a city official quickly denied the claim.", "a city official quickly denied");
    expect(quote?.speaker).toBe("Jane Doe");
  });

  it("reads a document's participle as the document's report", () => {
    const quote = reportOf("The minister cited an article in the Daily Planet reporting that the plant would close.", "the plant would close");
    expect(quote?.speakerDescription).toMatch(/article/);
  });

  it("keeps a statement's participle with the statement's issuer", () => {
    const quote = reportOf("Jane Doe issued a statement saying the plant would close.", "the plant would close");
    expect(quote?.speaker).toBe("Jane Doe");
  });
});
