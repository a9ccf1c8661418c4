import { describe, expect, it } from "vitest";
import { findPlaces } from "../../../src/extraction/events/gazetteer.js";
import { foldPlaceName, geocodePlace } from "../../../src/extraction/events/geocode.js";

// Place names resolved to the map: countries, regions, cities, small GeoNames towns and sites
// inside a city, each with its country, point and a confidence. Sentences written for this test.

describe("finding multi-word places in text", () => {
  it("keeps a name joined by a particle whole instead of finding a shorter gazetteer name inside it", () => {
    const found = findPlaces("Fighters overran Mocimboa da Praia before dawn.");
    expect(found.map((p) => [p.text, p.kind])).toEqual([["Mocimboa da Praia", "locality"]]);
    expect(found.some((p) => p.name === "Praia")).toBe(false);
  });

  it("knows regions and provinces by name, with or without the word province", () => {
    const found = findPlaces("Troops moved into Cabo Delgado province and later into Borno.");
    expect(found.map((p) => [p.name, p.kind, p.countryCode])).toEqual([
      ["Cabo Delgado", "region", "MZ"],
      ["Borno", "region", "NG"],
    ]);
  });

  it("takes a multi-word region the gazetteer lacks whole, without the sentence word before it", () => {
    const found = findPlaces("In Upper Nile Lakes province, the floods rose.");
    expect(found.map((p) => p.text)).toContain("Upper Nile Lakes");
  });

  it("still prefers a city to the region of the same name", () => {
    expect(findPlaces("A blast shook Basra.").map((p) => [p.name, p.kind])).toEqual([["Basra", "city"]]);
  });
});

describe("geocodePlace", () => {
  it("gives a country, a region and a city their kind, country, point and confidence", async () => {
    expect(await geocodePlace("Mozambique")).toMatchObject({ kind: "country", countryCode: "MZ", country: "Mozambique", confidence: 0.95 });
    expect(await geocodePlace("Cabo Delgado")).toMatchObject({ kind: "region", countryCode: "MZ", admin1: "Cabo Delgado" });
    const kigali = await geocodePlace("Kigali");
    expect(kigali).toMatchObject({ kind: "city", countryCode: "RW", country: "Rwanda" });
    expect(kigali?.latitude).toBeCloseTo(-1.95, 1);
    expect(kigali?.longitude).toBeCloseTo(30.06, 1);
  });

  it("finds a small town among the GeoNames towns, accents folded, in a country the story names", async () => {
    const town = await geocodePlace("Mocimboa", new Set(["MZ"]));
    expect(town).toMatchObject({ kind: "city", countryCode: "MZ", admin1: "Cabo Delgado" });
    expect(town?.latitude).toBeCloseTo(-11.32, 1);
  });

  it("places a longer name by its first word only in a country the story names, and says it is a guess", async () => {
    const inStory = await geocodePlace("Mocimboa da Praia", new Set(["MZ"]));
    expect(inStory).toMatchObject({ kind: "city", countryCode: "MZ" });
    expect(inStory?.confidence).toBeLessThan(0.6);
    expect(await geocodePlace("Mocimboa da Praia")).toBeNull();
  });

  it("prefers a town in the story's country to a bigger city of the same name abroad", async () => {
    expect(await geocodePlace("Paris")).toMatchObject({ countryCode: "FR", confidence: 0.9 });
    expect(await geocodePlace("Paris", new Set(["US"]))).toMatchObject({ countryCode: "US", admin1: expect.any(String) });
    // Abroad and with no namesake at home: the big city, with less confidence.
    expect(await geocodePlace("Paris", new Set(["MZ"]))).toMatchObject({ countryCode: "FR", confidence: 0.75 });
  });

  it("keeps a site's finer name and points it at its city", async () => {
    const airport = await geocodePlace("Mogadishu's international airport");
    expect(airport).toMatchObject({ kind: "site", countryCode: "SO", parent: "Mogadishu" });
    const mogadishu = await geocodePlace("Mogadishu");
    expect([airport?.latitude, airport?.longitude]).toEqual([mogadishu?.latitude, mogadishu?.longitude]);
    expect(await geocodePlace("central Kabul")).toMatchObject({ kind: "site", countryCode: "AF", parent: "Kabul" });
  });

  it("answers null for a name no gazetteer knows", async () => {
    expect(await geocodePlace("Qwertyuiopville")).toBeNull();
  });

  it("folds accents, case and apostrophes for matching", () => {
    expect(foldPlaceName("Mocímboa")).toBe("mocimboa");
    expect(foldPlaceName("Sana’a")).toBe(foldPlaceName("sana'a"));
  });
});
