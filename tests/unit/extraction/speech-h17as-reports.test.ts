import { describe, expect, it } from "vitest";
import { quotedWordsOf, reportOf, reportsOf } from "./speech-support.js";

// Issue 17, h17as (reported speech on news never seen, round 2). Every sentence here is written
// for these tests; none is copied from an evaluation text.

const texts = (text: string): string[] => reportsOf(text).map((quote) => quote.text);

describe("a second verb phrase with no subject of its own", () => {
  it("reports 'said A, and was working on B' as two reports", () => {
    const text = "Harbor Commissioner Jane Holm said the port had two new cranes, and was building a third dock for the container ships.";
    expect(texts(text)).toEqual(["the port had two new cranes", "was building a third dock for the container ships"]);
    expect(reportOf(text, "was building")?.speaker).toBe("Jane Holm");
  });

  it("reports a perfect progressive ('and had been trying to ...') with what follows it", () => {
    const text = "Police records say the driver was carrying two passports, and had been trying to cross the border for days, but failed to find a guide.";
    expect(texts(text)).toContain("had been trying to cross the border for days, but failed to find a guide");
  });

  it("leaves a passive or an adjective after ', and was' out (the speaker's own state)", () => {
    const text = "Mayor Tom Ruiz said the bridge would reopen on Monday, and was taken to the city hospital later that day.";
    expect(texts(text)).toEqual(["the bridge would reopen on Monday"]);
  });
});

describe("a reason with an attribution of its own", () => {
  it("ends the report at ', because he says'", () => {
    const text = "Governor Ana Lima said the figures were wrong, because she says the count missed three districts.";
    expect(texts(text)).toEqual(["the figures were wrong", "the count missed three districts"]);
  });

  it("keeps 'because they said' without a comma inside the report", () => {
    const text = "Governor Ana Lima says the guards closed the market because they said traders there were hiding weapons.";
    expect(texts(text)).toEqual(["the guards closed the market because they said traders there were hiding weapons"]);
  });
});

describe("two 'that' clauses under one verb", () => {
  it("splits ', and that' when the second clause opens with a short phrase", () => {
    const text = "Dr. Sara Bell told the meeting that more clinics in rural areas now offer free tests, and that in some provinces the new cases are falling.";
    expect(texts(text)).toEqual(["more clinics in rural areas now offer free tests", "in some provinces the new cases are falling"]);
  });
});

describe("'said here'", () => {
  it("reports the clause after 'here' (where the speaker spoke), with a time after it too", () => {
    expect(texts("The trade minister said here the tariff plan would fail.")).toEqual(["the tariff plan would fail"]);
    expect(texts("The trade minister said here on Tuesday the tariff plan would fail.")).toEqual(["the tariff plan would fail"]);
  });

  it("keeps 'here' when it is the clause's own word", () => {
    expect(texts("The trade minister said here is the plan for the port.")).toEqual(["here is the plan for the port"]);
  });
});

describe("a readout handed over with a stray full stop", () => {
  it("reads 'provided the following readout:.' as the hand-over line, not as quoted words", () => {
    const text = [
      "Readout of Secretary Doe's Meeting with Minister Ruiz",
      "Office of the Press Secretary",
      "Acting Press Secretary Jane Holm provided the following readout:.",
      '"Secretary Doe met today with Minister Ruiz of Peru. The two leaders discussed the harbor treaty.',
      'The Secretary thanked the minister for his hospitality."',
    ].join("\n\n");
    const quoted = quotedWordsOf(text);
    expect(quoted.some((quote) => quote.text.includes("provided the following"))).toBe(false);
    expect(quoted.map((quote) => quote.speaker)).toEqual(["Jane Holm", "Jane Holm"]);
  });
});

describe("a headline of two clauses joined by ';'", () => {
  it("reads the clause that reports speech on its own, not the other clause into it", () => {
    const text = "Port Police Claim Arrests; Dockers Say Strike Will Go On\n\nThe port police chief says six men were arrested, but the dockers say the strike will continue.\n";
    const headline = reportsOf(text).filter((quote) => quote.start < text.indexOf("\n"));
    expect(headline.map((quote) => quote.text)).toEqual(["Strike Will Go On"]);
  });
});

describe("'They' opening a sentence after a group's action", () => {
  it("is the plural subject of the sentence before, in the same paragraph", () => {
    const text = "Dockworkers from the northern ports blocked the harbor road on Monday. They accuse the ministry of selling their quotas to foreign fleets.";
    const report = reportOf(text, "the ministry of selling");
    expect(report?.speakerDescription?.toLowerCase()).toBe("dockworkers from the northern ports");
  });

  it("is no one when the sentence before has no plural subject", () => {
    expect(reportsOf("Rain fell on the harbor all night. They say the mayor will resign.")).toEqual([]);
  });

  it("is no one across a paragraph break", () => {
    expect(reportsOf("Dockworkers from the northern ports blocked the harbor road on Monday.\n\nThey say the mayor will resign.")).toEqual([]);
  });
});

describe("a relative clause with no relative word", () => {
  it("reports 'a move they say is meant to ...' from the verb on", () => {
    const text = "Dockworkers from the northern ports blocked the harbor road, a protest they say is meant to stop the sale of the port.";
    expect(texts(text)).toEqual(["is meant to stop the sale of the port"]);
  });
});
