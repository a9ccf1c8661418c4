import { describe, expect, it } from "vitest";
import { reportsOf, reportOf } from "./speech-support.js";

// Issue 17, fifteenth pass (reported speech; studied on speech-15 and the fourteenth pass's
// leftovers): "let X know that", an adverbial between "says," and the clause, a subject a past
// participle modifies, a relative "that" that is no clause, and a trailing attribution after a
// reported clause; each on short texts written for these tests.


describe("let X know that", () => {
  it("reads 'Roe let Doe know that CLAUSE' as Roe's report, never the listener's", () => {
    const text = "Governor Ann Bell spoke with Mayor Tom Ray on Sunday. Bell let Ray know that the state stands ready to send water trucks.";
    const quote = reportOf(text, "the state stands ready");
    expect(quote?.speaker).toBe("Ann Bell");
    expect(quote?.reportingVerb).toBe("let know");
  });

  it("reads 'called X to let him know that CLAUSE' as the caller's", () => {
    const text = "Governor Ann Bell called the mayor of Ferris to let him know that the state would cover the repairs.";
    expect(reportOf(text, "the state would cover the repairs")?.speaker).toBe("Ann Bell");
  });

  it("reads nothing when 'know' has no 'let' before it", () => {
    const text = "Governor Ann Bell said residents know that the river floods every spring.";
    expect(reportsOf(text).some((quote) => quote.reportingVerb === "let know")).toBe(false);
  });
});

describe("an adverbial between 'says,' and the clause", () => {
  it("reads 'says, however, CLAUSE'", () => {
    const text = "The ferry company blamed the storm. Jane Roe, the harbor master, says, however, the port will reopen on Friday.";
    expect(reportOf(text, "the port will reopen on Friday")?.speaker).toBe("Jane Roe");
  });

  it("reads 'said, in a statement, CLAUSE'", () => {
    const text = "Jane Roe said, in a statement, the new schedule would start in June.";
    expect(reportOf(text, "the new schedule would start")?.speaker).toBe("Jane Roe");
  });

  it("leaves a quotation after 'said,' to the direct reading", () => {
    const text = "Jane Roe said, “We will rebuild the pier,” and walked away.";
    expect(reportsOf(text)).toHaveLength(0);
  });
});

describe("a subject a past participle modifies", () => {
  it("reads 'an officer in the X unit assigned to Y said that' as the officer's, not Y's", () => {
    const text = "A police officer in the border unit assigned to fight smuggling said that bribes hamper the work of the unit.";
    const quote = reportOf(text, "bribes hamper the work");
    expect(quote).toBeDefined();
    expect(quote?.speakerDescription ?? "").toMatch(/officer/);
  });

  it("keeps the report as the subject in 'The report released by the ministry says'", () => {
    const text = "The report released by the ministry says exports fell for a third year.";
    expect(reportOf(text, "exports fell")?.speakerDescription ?? "").toMatch(/report/);
  });
});

describe("reminded", () => {
  it("reads 'X reminded reporters that CLAUSE' and not 'reminded residents of'", () => {
    const text = "Spokeswoman Jane Roe reminded reporters that the governor had met the mayor on Monday. The storm reminded residents of the 1998 flood.";
    expect(reportOf(text, "the governor had met the mayor")?.speaker).toBe("Jane Roe");
    expect(reportsOf(text)).toHaveLength(1);
  });
});

describe("what is no report", () => {
  it("does not read 'state' in 'carried by Ruritanian state media that ...' as a reporting verb", () => {
    const text = "The alliance said in a statement carried by Ruritanian state media that it had struck a depot.";
    const quotes = reportsOf(text).filter((quote) => quote.text.startsWith("it had struck a depot"));
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.speakerDescription ?? quotes[0]?.speaker ?? "").toMatch(/alliance/i);
  });

  it("ends a reported clause at a trailing attribution of the whole sentence", () => {
    const text = "Jane Roe told her counterpart today that the two navies will keep training together, Press Secretary Tom Ray told reporters here today.";
    expect(reportOf(text, "the two navies will keep training together")?.text).toBe("the two navies will keep training together");
  });
});
