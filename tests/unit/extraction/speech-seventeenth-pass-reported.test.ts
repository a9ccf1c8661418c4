import { describe, expect, it } from "vitest";
import { reportsOf, reportOf } from "./speech-support.js";

// Issue 17, seventeenth pass (reported speech; studied on speech-13 ... speech-17 and PolNeAR
// train): the speaker's subject phrase (a name between dashes, a name with its affiliation as an
// appositive, a document that reports, "Another said") and the reported clause's start (a
// participle before its subject's noun, a prepositional phrase inside the subject, "made clear"
// with no "that"). Short texts written for these tests.


describe("the speaker's subject phrase", () => {
  it("reads a name set off by dashes after its title", () => {
    const quote = reportOf("Regional Minister for Water Affairs - Dr. Omar Hassan Farid - says his ministry has not cut supplies to the villages.", "his ministry has not cut");
    expect(quote?.speaker).toBe("Omar Hassan Farid");
  });

  it("reads a name with its affiliation between commas after a description", () => {
    const quote = reportOf("Another opposition leader, Marta Lind of the Union of Farmers, told VOA on Sunday that ballots were missing at many polling stations.", "ballots were missing");
    expect(quote?.speaker).toBe("Marta Lind");
  });

  it("takes a report released on a day for the source", () => {
    const quote = reportOf("The Harbor Watch (HW) annual report released Thursday says the region saw a decline in press freedom.", "the region saw a decline");
    expect(quote?.speaker ?? null).toBeNull();
    expect(quote?.speakerDescription).toMatch(/report/);
  });

  it("reads 'Another said' as one more of the people just described", () => {
    const quote = reportOf("Several callers complained about the lines. Another said his name was missing from the list.", "his name was missing");
    expect(quote?.speakerDescription).toMatch(/another/i);
  });

  it("does not make a person's demand a report", () => {
    expect(reportOf("The union wants the ministry to raise wages by June.", "the ministry")).toBeUndefined();
  });
});

describe("where the reported clause starts", () => {
  it("reads a participle before the clause subject's noun", () => {
    const quote = reportOf("Jane Doe, a staff director on the committee, says targeted sanctions are not to blame for the crisis.", "targeted sanctions are not");
    expect(quote?.speaker).toBe("Jane Doe");
  });

  it("reads a prepositional phrase inside the clause's subject after a noun-read verb", () => {
    const quote = reportOf("In its first estimate, the United Nations reports about 10 percent of the housing in the port city has been destroyed.", "about 10 percent of the housing");
    expect(quote?.speaker).toMatch(/United Nations/);
  });

  it("reads 'made clear' with a clause and no 'that'", () => {
    const quote = reportOf("Today Secretary Jane Doe spoke to her counterpart and made clear the people of both nations stand together.", "the people of both nations stand together");
    expect(quote?.speaker).toBe("Jane Doe");
  });

  it("does not read 'made clear' with a noun phrase and no clause", () => {
    expect(reportsOf("Jane Doe made clear her support for the plan.").length).toBe(0);
  });
});

describe("more subject phrases and clause starts", () => {
  it("describes an unnamed source by the whole phrase with its participle", () => {
    const quote = reportOf("Many farmers polled by reporters near Tarsk say they had no plan to sell their land.", "they had no plan");
    expect(quote?.speakerDescription).toMatch(/Tarsk/);
  });

  it("takes reports spread by the media, an irregular participle, for the source", () => {
    const quote = reportOf("Early reports widely spread by local and foreign media outlets said the driver was a soldier.", "the driver was a soldier");
    expect(quote?.speakerDescription).toMatch(/reports.*outlets/);
  });

  it("reads a correspondent's report from a place set off by a comma", () => {
    const quote = reportOf("Fighting went on in the north. Jane Doe reports from Tarsk, a regional peace mission arrived in the capital on Monday.", "a regional peace mission arrived");
    expect(quote?.speaker).toBe("Jane Doe");
  });

  it("leaves a correspondent's credit line alone", () => {
    expect(reportsOf("Jane Doe reports from Tarsk.").length).toBe(0);
  });

  it("reports the main clause after an opening condition and a parenthetical attribution, with the condition", () => {
    const quote = reportOf("Jane Doe leads the board. If the counts are late, she says, the board could delay the results by a week.", "If the counts are late");
    expect(quote?.text).toMatch(/the board could delay the results/);
    expect(quote?.speaker).toBe("Jane Doe");
  });
});

describe("the subject of a participle and an intensified subject", () => {
  it("gives a participle inside a relative clause to the relative pronoun's antecedent", () => {
    const quote = reportOf("Reporters could not reach Omar Lind, who summoned the party leaders on Monday saying he wanted them to prove their charges.", "he wanted them");
    expect(quote?.speaker).toBe("Omar Lind");
  });

  it("reads names after an outlet's acronym as the clause's subject after 'told'", () => {
    const quote = reportOf("Spokesman Omar Lind of the party told VOA South Tarskans would elect the vice president in June.", "South Tarskans would elect");
    expect(quote?.speaker).toBe("Omar Lind");
  });

  it("reads past a reflexive that intensifies the subject", () => {
    const quote = reportOf("Officials have no information that contradicts what the Kremlin itself has said, that he is recovering from surgery.", "he is recovering");
    expect(quote?.speaker).toMatch(/Kremlin/);
  });
});
