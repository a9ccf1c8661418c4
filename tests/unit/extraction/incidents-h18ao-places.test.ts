import { describe, expect, it } from "vitest";
import { findPlaces } from "../../../src/extraction/events/gazetteer.js";
import { incidentRows, only } from "./events-support.js";

// Issue 18, pass h18ao (places, triggers): a town after "in" in a sentence that reports an incident ends before "is",
// "was" or "were" ("a raid in Haditha is said to ..."); "massacring" reports an attack as "massacred" does; a people's or region's adjective in "-ese" before "village" or "town" ("the Balinese
// village of X") describes the place, names none; a unit, command or street named after a place is no mention of it
// (one check, the country exception written once). Sentences written for this file.

const names = (text: string) => findPlaces(text).map((p) => p.name);

describe("a people's adjective before a settlement's word", () => {
  it("names the village after 'of', not the adjective", () => {
    expect(names("Soldiers rounded up farmers in the Balinese village of Tanah Kelod.")).toEqual(["Tanah Kelod"]);
    expect(names("Troops raided a Javanese town before dawn.")).toEqual([]);
  });

  it("places the incident in the village the adjective describes", () => {
    expect(only("Gunmen killed six farmers on Monday in the Balinese village of Tanah Kelod.").place).toBe("Tanah Kelod");
  });

  it("still reads a town's own name before 'village' or 'town'", () => {
    expect(names("Gunmen attacked the Kanyosha neighborhood and Gatumba village.")).toEqual(["Kanyosha", "Gatumba"]);
  });
});

describe("units, commands and streets named after a place", () => {
  it("is no mention of a city, whatever the words around it", () => {
    expect(names("Soldiers of Task Force Kandahar patrolled near Haifa Street in Baghdad.")).toEqual(["Baghdad"]);
    expect(names("Multinational Division Baghdad reported the raid in Mosul.")).toEqual(["Mosul"]);
  });

  it("still names a country after a command's words or before a street's word", () => {
    expect(names("Multinational Force Iraq said the convoy was hit.")).toEqual(["Iraq"]);
  });
});

describe("a town's name after 'in' before a copula", () => {
  it("reads the name of a town the gazetteer skips as a word, before 'is', 'was' or 'were'", () => {
    expect(names("A man detained during a raid in Tarbela is believed to be a bomb maker.")).toEqual(["Tarbela"]);
    expect(names("The raid in Tarbela was the third this month.")).toEqual(["Tarbela"]);
  });

  it("still reads no institution or language there", () => {
    expect(names("The raid in Parliament was condemned.")).toEqual([]);
  });
});

describe("'massacring' reports an attack", () => {
  it("dates and places it as 'massacred' would be", () => {
    // (h18aq: the count after a massacre's verb is its toll, as the keys read it: triggers.ts FATALITY_BEFORE.)
    expect(incidentRows("An inquiry found soldiers guilty of massacring 30 villagers last March in the Jaffna district.")).toEqual([["attack", "Jaffna", "2018-03-01", 30, null]]);
  });
});
