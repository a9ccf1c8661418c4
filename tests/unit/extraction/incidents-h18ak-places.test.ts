import { describe, expect, it } from "vitest";
import { findPlaces, lookupPlace } from "../../../src/extraction/events/gazetteer.js";
import { geocodePlace } from "../../../src/extraction/events/geocode.js";
import { events } from "./events-support.js";

// Issue 18, pass h18ak (places): lakes, seas, gulfs, straits and continents are places of their own kind; a month after
// "bombings in" is a date, no place; a command named after the area it holds ("Multinational Division Baghdad") is a
// unit, no mention of its city. Sentences written for this file.

const names = (text: string) => findPlaces(text).map((p) => [p.name, p.kind]);

describe("water bodies and continents", () => {
  it("finds a lake, a sea, a gulf and a strait with the kind water", () => {
    expect(names("The ferry sank on Lake Victoria, far from the Arabian Sea, the Gulf of Aden and the Strait of Hormuz.")).toEqual([
      ["Lake Victoria", "water"],
      ["Arabian Sea", "water"],
      ["Gulf of Aden", "water"],
      ["Strait of Hormuz", "water"],
    ]);
  });

  it("finds continents and their named parts with the kind continent, and no country for them", () => {
    const found = findPlaces("Aid groups in West Africa and Europe sent help.");
    expect(found.map((p) => [p.name, p.kind, p.countryCode])).toEqual([
      ["West Africa", "continent", null],
      ["Europe", "continent", null],
    ]);
    expect(findPlaces("Police in South Africa arrested two men.").map((p) => p.name)).toEqual(["South Africa"]);
    // (Before this pass "West Africa" was no place at all; it is a part of a continent now, still no town.)
    expect(findPlaces("We condemn the recent attacks in West Africa.").map((p) => [p.name, p.kind])).toEqual([["West Africa", "continent"]]);
  });

  it("keeps a lake of one country in that country and geocodes it as a region; a shared sea or a continent has no stored place", async () => {
    expect(lookupPlace("Lake Toba")?.countryCode).toBe("ID");
    expect((await geocodePlace("Lake Toba"))?.kind).toBe("region");
    expect(await geocodePlace("Black Sea")).toBeNull();
  });

  it("places a ferry sinking on the lake the sentence names", () => {
    const text = "A ferry sank on Lake Kivu on Tuesday, killing at least 12 people, officials in Congo said.";
    expect(events(text).incidents.map((i) => i.place)).toEqual(["Lake Kivu"]);
  });
});

describe("a month after an incident noun", () => {
  it("reads 'bombings in June' and 'attacks in April' as dates, no places", () => {
    expect(names("Suicide bombings in June killed 20 people. Two attacks in April, and more in May.").map(([n]) => n)).toEqual([]);
  });
});

describe("a command named after the area it holds", () => {
  it("takes no city from 'Multinational Division Baghdad' or 'Multi-National Division-North', but keeps a country after such words", () => {
    expect(names("Elsewhere, soldiers from Multinational Division Baghdad's second brigade detained two men in a raid on Monday.").map(([n]) => n)).toEqual([]);
    expect(names("A soldier assigned to Multinational Force Iraq was killed.").map(([n]) => n)).toEqual(["Iraq"]);
  });
});
