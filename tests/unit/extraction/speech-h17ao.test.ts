import { describe, expect, it } from "vitest";
import { quotedWordsOpening, reportOf } from "./speech-support.js";

// Pass h17ao: partial quotes of a word or two, quoted charges, appositive subjects and trailing
// attributions whose listener phrase ends in a date or "on the condition of anonymity".

describe("h17ao: a quoted charge after 'accused ... of'", () => {
  const text = 'Mayor Ana Berg accused the council of "hiding" the budget and running a "shameful charade of democracy."';
  it("reports the charge for the accuser", () => {
    expect(reportOf(text, "the council of")?.speaker).toBe("Ana Berg");
  });
  it("gives the quoted words inside it to the accuser", () => {
    expect(quotedWordsOpening(text, "hiding")?.speaker).toBe("Ana Berg");
    expect(quotedWordsOpening(text, "shameful charade")?.speaker).toBe("Ana Berg");
  });
});

describe("h17ao: a description, then the name in apposition, then the verb", () => {
  it("reads the name as the speaker of the clause after the verb", () => {
    const text = 'A second officer, Major Tomas Reyes, told reporters the truck "was not carrying fuel."';
    expect(reportOf(text, "the truck")?.speaker).toBe("Tomas Reyes");
    expect(quotedWordsOpening(text, "was not carrying fuel")?.speaker).toBe("Tomas Reyes");
  });
});

describe("h17ao: a trailing attribution whose listener phrase ends in a date or a condition", () => {
  it("reports the clause before 'told reporters on Sept. 3, 2011'", () => {
    const report = reportOf("The agency is reviewing its budget for the coming year, a senior agency spokesman told reporters on Sept. 3, 2011.", "The agency is reviewing");
    expect(report?.speakerDescription).toMatch(/spokesman/);
  });
  it("reports the clause before 'told the paper Friday on the condition of anonymity'", () => {
    const report = reportOf("A truck was sent to clear the road, but could not pass the bridge, a senior police official told the paper Friday on the condition of anonymity.", "A truck was sent");
    expect(report?.speakerDescription).toMatch(/official/);
  });
});

describe("h17ao: a word or two quoted after a verb that characterizes aloud", () => {
  it("gives them to the sentence's subject, and one joined to it by 'and'", () => {
    const text = 'On Monday, Interior Minister Lena Ostrova also sent a letter, describing the new rules as "unfair" and warning of "chaos."';
    expect(quotedWordsOpening(text, "unfair")?.speaker).toBe("Lena Ostrova");
    expect(quotedWordsOpening(text, "chaos")?.speaker).toBe("Lena Ostrova");
  });
  it("reads 'described it as a \"...\"' too", () => {
    expect(quotedWordsOpening('The trade minister, Paul Amadi, described the deal as a "historic moment" for the region.', "historic moment")?.speaker).toBe("Paul Amadi");
  });
  it("leaves a scare quote with no characterizing verb alone", () => {
    expect(quotedWordsOpening('Paul Amadi, the trade minister, toured the "free" zone on Monday.', "free")).toBeUndefined();
  });
  it("leaves a name given by 'dubbed' alone", () => {
    expect(quotedWordsOpening('Paul Amadi described a plan dubbed "sunrise" to reporters.', "sunrise")).toBeUndefined();
  });
});

describe("h17ao: 'urged X to ...' is reported speech", () => {
  it("reports the one urged and what they are to do", () => {
    expect(reportOf("Governor Mia Lund urged farmers to move their herds before the storm.", "farmers to move")?.speaker).toBe("Mia Lund");
  });
  it("keeps 'urged that ...' and reads no passive", () => {
    expect(reportOf("Governor Mia Lund urged that the bridge be closed.", "the bridge be closed")?.speaker).toBe("Mia Lund");
    expect(reportOf("Governor Mia Lund was urged to resign.", "to resign")).toBeUndefined();
  });
});

describe("h17ao: a word quoted right after 'called' is a name", () => {
  it("gives 'vehicles called \"rhinos\"' to no one", () => {
    expect(quotedWordsOpening('Officer Jo Lamb drives armored vehicles called "rhinos" across the city.', "rhinos")).toBeUndefined();
  });
});
