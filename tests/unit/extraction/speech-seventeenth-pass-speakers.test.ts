import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";
import { quoteIn, peopleNames } from "./speech-support.js";

// Issue 17, seventeenth pass (speakers and people, studied on speech-13 … speech-17): names cut
// by a title's last words or a suffix's comma, on short texts written for these tests.


describe("a name after a hyphenated title", () => {
  it("reads 'Ambassador-at-Large Bashir' as the Karim Bashir introduced before, not 'Large Bashir'", () => {
    const extraction = extractArticle(
      [
        "WASHINGTON — The State Department held a briefing on Tuesday.",
        "It is my pleasure to introduce Karim Bashir. Ambassador-at-Large Bashir is our envoy for water security. He will take questions.",
        "“We are worried about the drought,” Bashir said.",
      ].join("\n\n"),
    );
    expect(peopleNames(extraction)).toContain("Karim Bashir");
    expect(peopleNames(extraction).some((name) => name.startsWith("Large"))).toBe(false);
    expect(quoteIn(extraction, "We are worried")?.speaker).toBe("Karim Bashir");
  });

  it("keeps 'Under Secretary-General' out of the name of the person it titles", () => {
    const extraction = extractArticle("Under Secretary-General Maria Okafor said on Monday that the talks would resume next week.");
    expect(peopleNames(extraction)).toContain("Maria Okafor");
    expect(peopleNames(extraction).some((name) => name.startsWith("General"))).toBe(false);
  });

  it("keeps a rank's 'Class' after an ordinal out of the name", () => {
    const extraction = extractArticle("From the Navy: Petty Officer 1st Class Dan R. Moss, 32, of Dayton, Ohio, who died on Monday, the Navy said.");
    expect(peopleNames(extraction)).toContain("Dan R. Moss");
    expect(peopleNames(extraction).some((name) => name.startsWith("Class"))).toBe(false);
  });
});

describe("a name with a generational suffix", () => {
  it("gives 'Lane said' to 'Peter T. Lane, Jr.' named before, not to a new 'Lane'", () => {
    const extraction = extractArticle(
      [
        "Also present was Army Major General Peter T. Lane, Jr., deputy director for plans, who said the troops were ready.",
        "“The mission is on track,” Lane said.",
      ].join("\n\n"),
    );
    expect(quoteIn(extraction, "The mission is on track")?.speaker).toBe("Peter T. Lane, Jr.");
    expect(peopleNames(extraction)).not.toContain("Lane");
  });

  it("keeps 'Counsel' out of the name and gives the name without its suffix as an alias", () => {
    const extraction = extractArticle("The body of Deputy White House Counsel Peter Lowe, Jr. was found on Tuesday, the Park Service said.");
    const person = extraction.people.find((candidate) => candidate.name === "Peter Lowe, Jr.");
    expect(person).toBeDefined();
    expect(person?.aliases).toContain("Peter Lowe");
  });
});

describe("a prefixed title that ends in a hyphenated part", () => {
  it("does not read a designate's particle-led name as a lone titled surname", () => {
    const extraction = extractArticle("The President called Prime Minister-designate Jamal al-Rawi today to congratulate him on his appointment, the White House said.");
    expect(peopleNames(extraction)).not.toContain("Jamal");
  });
});

describe("an unnamed source described with where it sits", () => {
  it("keeps 'in the area' in the description of two officers", () => {
    const extraction = extractArticle("But later two Kenyan police officers in the area told VOA on condition of anonymity that the killer was a soldier.");
    expect(quoteIn(extraction, "the killer was a soldier")?.speakerDescription).toBe("two Kenyan police officers in the area");
  });

  it("gives a bare 'Police' repeated after 'Police in the northern province of X' to that same source", () => {
    const extraction = extractArticle(
      "Police in the northern province of Kunduz say six people died when their car hit a mine. Police blame the rebels and say the mine was planted to attack army trucks.",
    );
    expect(quoteIn(extraction, "the mine was planted")?.speakerDescription).toBe("Police in the northern province of Kunduz");
    expect(quoteIn(extraction, "the mine was planted")?.speaker).toBeNull();
  });
});

describe("an organization referred to by its kind", () => {
  it("gives 'The group says' to the body that spoke, not to a 'Rights Group' read from the title line", () => {
    const extraction = extractArticle(
      [
        "Rights Group Faults Asian Governments",
        "A new report says abuses continue in much of Asia. The international group Freedom Forum Watch also criticized several countries for cracking down on dissidents.",
        "Freedom Forum Watch said the crackdowns have led to the imprisonment of dissidents in parts of Asia last year.",
        "The group says that although the government freed some prisoners, there have been no improvements in the rights situation.",
      ].join("\n\n"),
    );
    expect(quoteIn(extraction, "the crackdowns have led")?.speaker).toBe("Freedom Forum Watch");
    expect(quoteIn(extraction, "although the government freed")?.speaker).toBe("Freedom Forum Watch");
    expect(peopleNames(extraction)).not.toContain("Freedom Forum Watch");
  });

  it("gives 'the party said' to the party a spokesman spoke for, a possessive inside its name", () => {
    const extraction = extractArticle(
      [
        "Harbor State's Ruling Party Alleges Irregularities in August Vote",
        "A spokesman for the ruling Harbor People’s Party (HPP) says the people would elect incumbent Vice President Solomon Tarrow in the run-off.",
        "After speaking with opposition candidate Ernest Moyo on Monday, VOA had hoped to speak with Vice President Tarrow, but the party said he was busy with other pressing party matters.",
      ].join("\n\n"),
    );
    expect(quoteIn(extraction, "he was busy")?.speaker).toBe("Harbor People’s Party");
    expect(extraction.organizations).toContain("Harbor People’s Party");
  });

  it("keeps a country's possessive out of a party's name", () => {
    const extraction = extractArticle("Britain's Labour Party said on Monday it would vote against the bill.");
    expect(extraction.organizations).toContain("Labour Party");
    expect(extraction.organizations).not.toContain("Britain's Labour Party");
  });
});

describe("a body described, not named", () => {
  it("gives 'The organization's Web site says' to the organization the story is about", () => {
    const extraction = extractArticle(
      [
        "Rights Body Denies Secret Meetings",
        "Officials of the U.S. nonprofit organization Liberty Watch Institute have dismissed claims by a state-run newspaper that the group held secret meetings.",
        "The organization's Web site says Liberty Watch Institute was founded over 60 years ago by a group of lawyers.",
      ].join("\n\n"),
    );
    expect(quoteIn(extraction, "Liberty Watch Institute was founded")?.speaker).toBe("Liberty Watch Institute");
  });

  it("gives 'the U.N. refugee agency says' to UNHCR when the story names it", () => {
    const extraction = extractArticle(
      [
        "Camp Attacked in the West",
        "The U.N. refugee agency says 12 people were killed in an attack on a camp for displaced people.",
        "A UNHCR spokeswoman, Anne Dupont, says this is the first such attack on a camp.",
      ].join("\n\n"),
    );
    expect(quoteIn(extraction, "12 people were killed")?.speaker).toBe("UNHCR");
  });

  it("leaves 'the U.N. refugee agency' described when the story never names the agency", () => {
    const extraction = extractArticle("The U.N. refugee agency says 12 people were killed in an attack on a camp for displaced people.");
    expect(quoteIn(extraction, "12 people were killed")?.speaker).not.toBe("UNHCR");
  });
});

describe("'Sheikh' inside a name", () => {
  it("reads 'Amina Sheikh Warsame' as one name and gives 'Ms. Warsame said' to her", () => {
    const extraction = extractArticle("His wife, Amina Sheikh Warsame, met reporters on Tuesday. “We want answers,” Ms. Warsame said.");
    expect(peopleNames(extraction)).toContain("Amina Sheikh Warsame");
    expect(quoteIn(extraction, "We want answers")?.speaker).toBe("Amina Sheikh Warsame");
  });

  it("keeps 'Sheikh' a title after a ruler's title or another title", () => {
    const extraction = extractArticle("Emir Sheikh Tamim met Prime Minister Sheikh Hasina on Monday. “We agreed,” Sheikh Hasina said.");
    expect(peopleNames(extraction).some((name) => name.startsWith("Emir"))).toBe(false);
  });
});

describe("a party's members", () => {
  it("keeps 'Senate Republicans said' an unnamed group, not the Senate", () => {
    const extraction = extractArticle("Senate Republicans said on Monday they would block the vote.");
    const quote = quoteIn(extraction, "they would block the vote");
    expect(quote?.speaker).toBeNull();
    expect(quote?.speakerDescription).toBe("Senate Republicans");
  });
});
