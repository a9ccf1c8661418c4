import { describe, expect, it } from "vitest";
import { findDates } from "../../../src/extraction/events/dates.js";
import { findPlaces } from "../../../src/extraction/events/gazetteer.js";
import { events } from "./events-support.js";

// Issue 18's fourteenth pass (dates and places), studied on incidents-12, -13 and -14: a day counted from the publication
// day by a run of days, spans of "this week" that end on the publication day, a report set beside the last dated one,
// two days joined by "and", the day of an election an incident is about, a commune named as a place, a word listed
// between two cities, and "that nation" pointing back to the country just named. One class per test, on sentences
// written for this file (published on Friday 2018-09-28).

const rows = (text: string, headline: string | null = null) => events(text, headline).incidents.map((i) => [i.type, i.place, i.date, i.dateEarliest, i.dateLatest]);
const resolved = (text: string) => findDates(text, "2018-09-28").map((d) => [d.text, d.date, d.earliest, d.latest]);

describe("dates", () => {
  it("dates a run of days to the publication day, or to the weekday that follows it", () => {
    expect(resolved("Crowds marched for a fourth day.")).toEqual([["for a fourth day", "2018-09-28", "2018-09-28", "2018-09-28"]]);
    expect(resolved("Crowds marched for a second straight day Wednesday.")).toEqual([["for a second straight day Wednesday", "2018-09-26", "2018-09-26", "2018-09-26"]]);
    expect(rows("Protests raged in Tunis for a fifth consecutive day.")).toEqual([["protest", "Tunis", "2018-09-28", "2018-09-28", "2018-09-28"]]);
    // A day the same words name dates the run ("On Tuesday ... for a second straight day").
    expect(resolved("On Tuesday crowds gathered outside the embassy for a second straight day.").map((r) => r[1])).toEqual(["2018-09-25"]);
  });

  it("reads two days joined by 'and' as the span between them, not a count after a date", () => {
    expect(resolved("Troops detained nine suspects Sept. 20 and 21 in raids.")).toEqual([["Sept. 20 and 21", null, "2018-09-20", "2018-09-21"]]);
    expect(resolved("Patrols fought gunmen late Sept. 23 and early Sept. 24.")).toEqual([["Sept. 23 and early Sept. 24", null, "2018-09-23", "2018-09-24"]]);
    expect(resolved("A bomb killed one on Sept. 3 and 4 others died later.").map((r) => r[0])).toEqual(["Sept. 3"]);
    expect(resolved("Gunmen raided two villages Monday and Tuesday near the border.")).toEqual([["Monday and Tuesday", null, "2018-09-24", "2018-09-25"]]);
    expect(rows("Gunmen raided two villages Monday and Tuesday in Gwoza.").map((r) => [r[3], r[4]])).toEqual([["2018-09-24", "2018-09-25"]]);
  });

  it("ends this week and this month on the publication day, as earlier this week does", () => {
    expect(resolved("this week's fighting")).toEqual([["this week", "2018-09-24", "2018-09-24", "2018-09-28"]]);
    expect(resolved("the raids this month")).toEqual([["this month", "2018-09-01", "2018-09-01", "2018-09-28"]]);
    expect(resolved("last week")).toEqual([["last week", "2018-09-17", "2018-09-17", "2018-09-23"]]);
  });

  it("dates a report opened by 'Meanwhile' or 'To the north' to the last day the story told", () => {
    const text = "A car bomb killed six people in Basra on Wednesday.\n\nMeanwhile, gunmen shot dead a policeman in Najaf.\n\nTo the north, a roadside bomb killed a soldier in Kirkuk.";
    expect(rows(text).map((r) => [r[1], r[2]])).toEqual([
      ["Basra", "2018-09-26"],
      ["Najaf", "2018-09-26"],
      ["Kirkuk", "2018-09-26"],
    ]);
  });

  it("dates a report opened by 'N hours later', 'Earlier,' or 'Also in X,' to the last day the story told", () => {
    const text = "A suicide bomber killed four policemen in Mosul on Tuesday.\n\nAbout two hours later, a roadside bomb wounded a soldier in Tal Afar.\n\nAlso in Kirkuk, gunmen shot dead a judge.";
    expect(rows(text).map((r) => [r[1], r[2]])).toEqual([
      ["Mosul", "2018-09-25"],
      ["Tal Afar", "2018-09-25"],
      ["Kirkuk", "2018-09-25"],
    ]);
    // Without such an opening, a report the story does not date stays undated.
    expect(rows("A suicide bomber killed four policemen in Mosul on Tuesday.\n\nGunmen shot dead a judge in Kirkuk.").map((r) => r[2])).toEqual(["2018-09-25", null]);
  });

  it("does not date a protest to the day of the election it is about", () => {
    const text = "Opposition supporters clashed with police in Lusaka.\n\nThey are protesting what they call a rigged election on August 12.";
    expect(rows(text).every((r) => r[2] !== "2018-08-12")).toBe(true);
  });
});

describe("places", () => {
  it("reads a commune or municipality introduced by name as the place", () => {
    expect(rows("Gunmen killed 12 villagers on Sunday in the commune of Tondibiah in western Niger.").map((r) => r[1])).toEqual(["Tondibiah"]);
    expect(rows("A bomb exploded Thursday in the municipality of Arauquita, Colombia.").map((r) => r[1])).toEqual(["Arauquita"]);
  });

  it("reads a word listed between two cities of one country as a city of it, even an English word", () => {
    const names = (text: string) => findPlaces(text).map((p) => p.name);
    expect(names("Unrest reached Lyon, Nice and Marseille.")).toEqual(["Lyon", "Nice", "Marseille"]);
    expect(names("Fans from Madrid, Reading and Lyon travelled.")).toEqual(["Madrid", "Lyon"]);
    expect(names("Officials in Paris, Smith said, were told.")).toEqual(["Paris"]);
  });

  it("places a diplomatic act on an envoy where the envoy is posted", () => {
    expect(rows("Norway on Thursday expelled Chile's ambassador to Oslo.").map((r) => [r[0], r[1]])).toEqual([["diplomatic_action", "Oslo"]]);
    // (A place the act names with a locative still wins over the posting's country.)
    expect(rows("The U.S. ambassador to Kenya was wounded in a bomb attack in Mombasa on Thursday.").map((r) => r[1])).toEqual(["Mombasa"]);
  });

  it("reads 'that nation' as the country the sentence just named", () => {
    const text = "Airlines suspended flights to Tunisia as protests spread in that nation on Thursday.";
    expect(rows(text, "Protests in Tunis").filter((r) => r[0] === "protest").map((r) => r[1])).toEqual(["Tunisia"]);
  });
});
