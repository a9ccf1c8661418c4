import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";
import { SAME_DAY_AS_TOLD } from "../../../src/extraction/events/dates.js";
import { findPlaces, lookupPlace } from "../../../src/extraction/events/gazetteer.js";

// h18ag (places, dates and triggers, round 3). Every sentence here is written for the test.

const run = (text: string, publishedAt = "2025-03-14") => extractArticle(text, { publishedAt });
const placesOf = (text: string) => findPlaces(text).map((p) => [p.text, p.kind, p.countryCode]);

describe("towns of several words in the text scan", () => {
  it("knows GeoNames towns of 15,000 people or more whose names have two or more words, with their country", () => {
    expect(lookupPlace("Victoria Falls")).toMatchObject({ kind: "city", countryCode: "ZW" });
    expect(lookupPlace("Kota Bharu")).toMatchObject({ kind: "city", countryCode: "MY" });
    expect(placesOf("Floods cut the road outside Victoria Falls on Monday.")).toEqual([["Victoria Falls", "city", "ZW"]]);
  });

  it("reads such a town as a place, not as a person named Victoria", () => {
    const result = run("A lorry overturned near Victoria Falls on Thursday, killing three people.");
    expect(result.places).toContain("Victoria Falls");
    expect(result.incidents[0]).toMatchObject({ type: "other", place: "Victoria Falls", date: "2025-03-13" });
  });

  it("leaves out a known city's name with City, towns named after people, and phrases", () => {
    expect(lookupPlace("New York City")).toBeUndefined(); // "New York" finds it
    expect(lookupPlace("Miguel Hidalgo")).toBeUndefined();
    expect(lookupPlace("Benito Juarez")).toBeUndefined();
    expect(lookupPlace("Country Club")).toBeUndefined();
  });
});

describe("a name before a lower-case city", () => {
  it("is a town the story names", () => {
    expect(placesOf("Patients were moved from a clinic in Tembara city on Friday.")).toEqual([["Tembara", "locality", null]]);
  });

  it("is no town when it describes the city named after it, or a part of one", () => {
    expect(placesOf("Police closed the Old city after the blast.")).toEqual([]);
    expect(placesOf("The shooting in the Midwest city of Toledo shocked residents.").map((p) => p[0])).not.toContain("Midwest");
  });
});

describe("a route between two places", () => {
  it("is one incident at the route's first place, not one at each end", () => {
    const incidents = run("Four people died when a bus overturned on the Harare-Bulawayo road on Monday.").incidents;
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ type: "other", place: "Harare" });
  });
});

describe("an incident within hours of another", () => {
  it("names the words that put a report on the day of one told before", () => {
    expect(SAME_DAY_AS_TOLD.test("Within hours of the raid, police detained two men.")).toBe(true);
    expect(SAME_DAY_AS_TOLD.test("The protest came just hours after the arrests.")).toBe(true);
    expect(SAME_DAY_AS_TOLD.test("Later that day, a second bomb went off.")).toBe(true);
    // A counted number of hours may cross midnight.
    expect(SAME_DAY_AS_TOLD.test("The riot broke out about 14 hours after the vote.")).toBe(false);
  });

  it("dates the later report by the last day the story told", () => {
    const text = [
      "Gunmen attacked a police post in Karachi on Tuesday, killing two officers.",
      "Within hours of the Karachi attack, a bomb exploded at a bus station in Quetta, killing five people.",
    ].join("\n\n");
    const incidents = run(text).incidents;
    const quetta = incidents.find((i) => i.place === "Quetta");
    expect(quetta).toMatchObject({ type: "attack", date: "2025-03-11", datePrecision: "day" });
  });

  it("leaves a report undated when the story told no day before it", () => {
    const text = "Within hours of the announcement, a bomb exploded at a bus station in Quetta, killing five people.";
    expect(run(text).incidents[0]?.date ?? null).toBeNull();
  });
});
