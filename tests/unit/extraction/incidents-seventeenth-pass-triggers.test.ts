import { describe, expect, it } from "vitest";
import { events } from "./events-support.js";
import { findQuantities, rangeOf } from "../../../src/extraction/events/numbers.js";

// Issue 18's seventeenth pass (triggers, types and counts): a crowd fighting the police is a riot, an attack fought off
// is a battle, the forces beating people is an attack, a curfew imposed and hostages taken are `other`, "the capture
// of" suspects is an arrest; "close to N" is a ceiling, "upwards of N" a floor, people listed one by one ("a boy, his
// sister and parents") are one count, conflicting reports ("one report says four and another says nine") a range from the
// lower, and "the deaths of" / "the bodies of" before a count make it a death toll.
// Sentences written for this file (published on Friday 2018-09-28).

const rows = (text: string, headline: string | null = null) =>
  events(text, headline).incidents.map((i) => [i.type, i.place, i.fatalities.min, i.injuries.min]);

describe("incident types", () => {
  it("reads clashes between a crowd and the police as a riot", () => {
    expect(rows("At least three monks and two other people were hurt on Tuesday in clashes between demonstrators and police in Lusaka.")).toEqual([
      ["riot", "Lusaka", null, 5],
    ]);
    expect(rows("Students fought with riot police in Lusaka on Tuesday.")).toEqual([["riot", "Lusaka", null, null]]);
  });

  it("reads people demonstrating as a protest, not a skill shown", () => {
    expect(rows("Dock workers were demonstrating against the new port fees in Mombasa on Tuesday.").map((r) => r.slice(0, 2))).toEqual([["protest", "Mombasa"]]);
    expect(rows("The team was demonstrating its new software in Mombasa on Tuesday.")).toEqual([]);
  });

  it("leaves a fight between armed sides a battle", () => {
    expect(rows("Rebels clashed with government troops near Gao on Tuesday.").map((r) => r[0])).toEqual(["armed_clash"]);
  });

  it("reads an attack fought off as a battle", () => {
    expect(rows("Government forces beat back an insurgent attack on a district center in Ghazni on Sunday.")).toEqual([["armed_clash", "Ghazni", null, null]]);
    expect(rows("Army troops repelled an attack on their base near Gao on Wednesday.")).toEqual([["armed_clash", "Gao", null, null]]);
    // ("repelled the attack" points back at an attack already told, which keeps its type.)
    expect(rows("Rebels attacked an army base near Gao on Wednesday. The troops repelled the attack.").map((r) => r[0])).toEqual(["attack"]);
  });

  it("reads the forces beating people as an attack", () => {
    expect(rows("One detainee said the police had beaten him with batons in Lusaka on Tuesday.")).toEqual([["attack", "Lusaka", null, null]]);
  });

  it("reads a curfew imposed as an incident of its own", () => {
    expect(rows("The governor has imposed a dusk-to-dawn curfew on the town of Wudil.").map((r) => r.slice(0, 2))).toEqual([["other", "Wudil"]]);
    expect(rows("The army said the district of Bouake would be under a 6 pm to 6 am curfew until Monday.").map((r) => r[0])).toEqual(["other"]);
  });

  it("reads hostages taken and a capture of suspects", () => {
    expect(rows("Inmates took five guards hostage at the prison in Mombasa on Thursday.").map((r) => r.slice(0, 2))).toEqual([["other", "Mombasa"]]);
    expect(rows("The operation in Kandahar on Thursday led to the capture of seven suspected smugglers.").map((r) => r.slice(0, 2))).toEqual([["arrest", "Kandahar"]]);
  });

  it("reads visas revoked as a diplomatic act", () => {
    expect(rows("The embassy in Lusaka said on Tuesday that it has revoked the visas of several officials.").map((r) => r[0])).toEqual(["diplomatic_action"]);
  });

  it("does not take a planner's attacks for an attack", () => {
    expect(rows("A patrol in Basra on Thursday detained a suspected planner of roadside bomb attacks.").map((r) => r[0])).toEqual(["arrest"]);
  });
});

describe("counts", () => {
  it("reads close to and upwards of", () => {
    expect(findQuantities("close to 60 people").map((q) => q.range)).toEqual([{ min: null, max: 60 }]);
    expect(findQuantities("upwards of 40 people").map((q) => q.range)).toEqual([{ min: 40, max: null }]);
    expect(rangeOf("close to", 60, false)).toEqual({ min: null, max: 60 });
    expect(rows("A car bomb killed close to 40 people in Kirkuk on Monday.")).toEqual([["attack", "Kirkuk", null, null]]);
  });

  it("counts people listed one by one, kin included", () => {
    expect(rows("Gunmen stormed a house in Kitgum on Monday, killing a teenage boy, his sister and parents.")).toEqual([["attack", "Kitgum", 4, null]]);
    expect(rows("The driver, his wife and their son were wounded when a bomb exploded in Kirkuk on Monday.")).toEqual([["attack", "Kirkuk", null, 3]]);
  });

  it("reads conflicting reports of one count as a range from the lower", () => {
    expect(findQuantities("one report says three and another report says seven").map((q) => q.range)).toEqual([{ min: 3, max: 7 }]);
    expect(rows("Officials said police officers -- one report says three and another report says seven -- were killed in the ambush near Gao on Monday.")).toEqual([
      ["attack", "Gao", 3, null],
    ]);
  });

  it("reads the deaths of before a count", () => {
    expect(rows("We are deeply saddened by the deaths of four Dutch soldiers in an attack today near Kandahar.")).toEqual([["attack", "Kandahar", 4, null]]);
  });
});
