import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";

// Issue 17, seventeenth pass (speakers and people, studied on speech-13 … speech-17): names cut
// by a title's last words or a suffix's comma, on short texts written for these tests.

type Extraction = ReturnType<typeof extractArticle>;
type Quote = Extraction["quotes"][number];
const quoteOf = (extraction: Extraction, start: string): Quote | undefined => extraction.quotes.find((quote) => quote.text.replace(/^["“]/, "").startsWith(start));
const names = (extraction: Extraction): string[] => extraction.people.map((person) => person.name);

describe("a name after a hyphenated title", () => {
  it("reads 'Ambassador-at-Large Bashir' as the Karim Bashir introduced before, not 'Large Bashir'", () => {
    const extraction = extractArticle(
      [
        "WASHINGTON — The State Department held a briefing on Tuesday.",
        "It is my pleasure to introduce Karim Bashir. Ambassador-at-Large Bashir is our envoy for water security. He will take questions.",
        "“We are worried about the drought,” Bashir said.",
      ].join("\n\n"),
    );
    expect(names(extraction)).toContain("Karim Bashir");
    expect(names(extraction).some((name) => name.startsWith("Large"))).toBe(false);
    expect(quoteOf(extraction, "We are worried")?.speaker).toBe("Karim Bashir");
  });

  it("keeps 'Under Secretary-General' out of the name of the person it titles", () => {
    const extraction = extractArticle("Under Secretary-General Maria Okafor said on Monday that the talks would resume next week.");
    expect(names(extraction)).toContain("Maria Okafor");
    expect(names(extraction).some((name) => name.startsWith("General"))).toBe(false);
  });

  it("keeps a rank's 'Class' after an ordinal out of the name", () => {
    const extraction = extractArticle("From the Navy: Petty Officer 1st Class Dan R. Moss, 32, of Dayton, Ohio, who died on Monday, the Navy said.");
    expect(names(extraction)).toContain("Dan R. Moss");
    expect(names(extraction).some((name) => name.startsWith("Class"))).toBe(false);
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
    expect(quoteOf(extraction, "The mission is on track")?.speaker).toBe("Peter T. Lane, Jr.");
    expect(names(extraction)).not.toContain("Lane");
  });

  it("keeps 'Counsel' out of the name and gives the name without its suffix as an alias", () => {
    const extraction = extractArticle("The body of Deputy White House Counsel Peter Lowe, Jr. was found on Tuesday, the Park Service said.");
    const person = extraction.people.find((candidate) => candidate.name === "Peter Lowe, Jr.");
    expect(person).toBeDefined();
    expect(person?.aliases).toContain("Peter Lowe");
  });
});
