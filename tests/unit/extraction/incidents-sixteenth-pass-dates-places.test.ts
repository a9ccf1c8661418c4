import { describe, expect, it } from "vitest";
import { findDates } from "../../../src/extraction/events/dates.js";
import { findPlaces, lookupPlace } from "../../../src/extraction/events/gazetteer.js";
import { analyzeText } from "../../../src/extraction/text.js";
import { events } from "./events-support.js";

// Issue 18's sixteenth pass (dates and places), studied on the date and place misses of incidents-9 to -16: an ISO
// date after a headline, a counted run of days up to publication ("over the past three days"), an N-day operation
// ending on a named day, a hard-wrapped line that goes on in a capitalised word, Cambodia's "Kompong" spellings and
// two provinces whose names the source data swaps, an area named by its place, and "that province" pointing back to
// the province just named. One class per test, on sentences written for this file (published on Friday 2018-09-28).

const rows = (text: string, headline: string | null = null) => events(text, headline).incidents.map((i) => [i.type, i.place, i.date, i.dateEarliest, i.dateLatest]);
const resolved = (text: string, publishedAt: string | null = "2018-09-28") => findDates(text, publishedAt).map((d) => [d.text, d.date, d.precision, d.earliest, d.latest]);

describe("dates", () => {
  it("reads an ISO date as its day, not as the year alone", () => {
    expect(resolved("Two Killed in Market Riot - 2018-09-27")).toEqual([["2018-09-27", "2018-09-27", "day", "2018-09-27", "2018-09-27"]]);
    // Without a publication day an ISO date still resolves (it names its year); a day the month lacks is no date.
    expect(resolved("Archive copy - 2016-04-12", null).map((r) => r[1])).toEqual(["2016-04-12"]);
    expect(resolved("Ref 2018-02-30").map((r) => r[2])).toEqual(["unknown"]);
    // (A headline so dated dates what it reports: before, its "2018" read as the whole year.)
    expect(rows("Two Protesters Killed in Clash in Lome - 2018-09-26\n\nSecurity forces fired on protesters in Lome, killing two people.").filter((r) => r[0] === "protest").map((r) => r[2])).toEqual(["2018-09-26"]);
  });

  it("reads a counted run of days up to publication as the span from that many days back", () => {
    expect(resolved("Troops detained 20 suspects over the past three days.")).toEqual([["over the past three days", null, "unknown", "2018-09-25", "2018-09-28"]]);
    expect(resolved("in the last two days")).toEqual([["in the last two days", null, "unknown", "2018-09-26", "2018-09-28"]]);
    // "the past few days" stays unread: quotes stretch it over older attacks.
    expect(resolved("attacks over the past few days")).toEqual([]);
  });

  it("reads an N-day operation ending on a named day as the span of those days", () => {
    expect(resolved("In a two-day operation ending Sept. 17, soldiers killed a gunman.")).toEqual([["two-day operation ending Sept. 17", null, "unknown", "2018-09-16", "2018-09-17"]]);
    expect(resolved("a three-day offensive that ended on Sept. 20")).toEqual([["three-day offensive that ended on Sept. 20", null, "unknown", "2018-09-18", "2018-09-20"]]);
  });
});

describe("hard-wrapped lines", () => {
  it("joins a line that stops mid-sentence to a next line that goes on in a capitalised word", () => {
    const text = "Troops Raid Compound\n\nSeparately, in a raid near the river, soldiers of the 5th Regional\nArmy Corps detained four suspects in Kunduz province.\n\n\"We will find them wherever they hide in these mountains,\" said\nArmy Maj. Jane Doe, a spokeswoman for the command.";
    expect(analyzeText(text).paragraphs.map((p) => text.slice(p.start, p.end).split("\n").length)).toEqual([1, 2, 2]);
  });

  it("keeps a headline, a heading and a new sentence on lines of their own", () => {
    const headline = "Police arrest dozens of opposition members in the capital\nOfficers Detained the Leaders Before Dawn on Sunday Morning.";
    expect(analyzeText(headline).paragraphs).toHaveLength(2);
    const sentences = "Line one of a long paragraph that has no full stop at its end here\nThe next line opens a sentence of its own and ends it.";
    expect(analyzeText(`Headline\n\n${sentences}`).paragraphs).toHaveLength(3);
    const heading = "Department Spokesperson, Office of the Spokesperson Public Affairs\nWashington, DC";
    expect(analyzeText(`Statement\n${heading}`).paragraphs).toHaveLength(3);
  });
});

describe("places", () => {
  it("reads Cambodia's 'Kompong' spellings and keeps two provinces the source data swaps apart", () => {
    expect(lookupPlace("Kompong Cham")?.name).toBe("Kampong Cham");
    expect(lookupPlace("Kampong Cham")?.name).toBe("Kampong Cham");
    expect(lookupPlace("Kampong Thom")?.name).toBe("Kampong Thom");
    expect(lookupPlace("Kompong Speu")?.name).toBe("Kampong Speu");
  });

  it("reads 'in that province' as the province the words just named", () => {
    expect(findPlaces("Guards shot three inmates of the Kompong Cham prison during an escape in that province.").map((p) => [p.text, p.name])).toEqual([
      ["Kompong Cham", "Kampong Cham"],
      ["that province", "Kampong Cham"],
    ]);
    expect([...new Set(rows("Ten prisoners were shot dead by Kompong Cham police during a jailbreak in that province.").map((r) => r[1]))]).toEqual(["Kampong Cham"]);
  });

  it("reads an area named by its place as that place, not one named by a description", () => {
    expect(findPlaces("Troops detained a courier in the Dara Kalay area of Kunar province.").map((p) => [p.name, p.kind])).toEqual([
      ["Dara Kalay", "locality"],
      ["Kunar", "region"],
    ]);
    expect(findPlaces("Rebels shelled the Taliban-held area and a Shiite area.").map((p) => p.name)).toEqual([]);
  });
});
