import { describe, expect, it } from "vitest";
import { events, only } from "./events-support.js";

// Issue 18's seventh pass on the events pass: one class of error per test, on sentences written
// for this file (published on Friday 2018-09-28 unless a test says otherwise).

const summary = (text: string) => events(text).incidents.map((i) => ({ type: i.type, place: i.place, fatalities: i.fatalities.min, injuries: i.injuries.min }));

describe("operations reports", () => {
  it("places a report in the town its paragraph named after the last incident was reported", () => {
    const text =
      "Soldiers detained four suspects in Kirkuk on Thursday.\n\nNortheast of Mosul on Thursday, soldiers searched a compound. Troops captured three suspected terrorists.";
    expect(summary(text).map((i) => [i.type, i.place])).toEqual([
      ["arrest", "Kirkuk"],
      ["arrest", "Mosul"],
    ]);
  });

  it("reads a lede over 'the past three days' as a roundup of the reports that follow", () => {
    const text =
      "Coalition forces detained 12 suspects in Iraq over the past three days, officials said.\n\nNortheast of Mosul on Thursday, soldiers searched a compound. Troops captured five suspected terrorists.\n\nIn Kirkuk on Wednesday, troops detained seven suspects.";
    expect(summary(text).map((i) => [i.type, i.place])).toEqual([
      ["arrest", "Mosul"],
      ["arrest", "Kirkuk"],
    ]);
  });
});

describe("battles", () => {
  it("reads forces that engaged the insurgents, killing some, as a battle with its toll", () => {
    const incident = only("Troops found three armed insurgents near Tikrit on Monday. After the insurgents failed to disarm, the troops engaged them, killing three.");
    expect([incident.type, incident.fatalities.min]).toEqual(["armed_clash", 3]);
  });

  it("reads soldiers of a named unit who killed an insurgent as a battle", () => {
    expect(only("On Monday, soldiers of the 101st Airborne Division killed an insurgent and wounded another near Hawijah.").type).toBe("armed_clash");
  });

  it("reads 'nabbed' a suspect as an arrest", () => {
    expect(only("Police nabbed a suspected smuggler in Basra on Tuesday.").type).toBe("arrest");
  });
});
