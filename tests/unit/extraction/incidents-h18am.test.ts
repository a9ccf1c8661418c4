import { describe, expect, it } from "vitest";
import { findDates } from "../../../src/extraction/events/dates.js";
import { events } from "./events-support.js";

// Issue 18, pass h18am (triggers, dates): a fire set by prisoners is a riot, an armed jailbreak an attack, people "who broke out" a jailbreak, a vehicle that
// "came under rocket fire" an attack, "and the death of" a toll, and "more than two weeks ago" a span that ends before that
// day. Sentences written for this file (published on Friday 2018-09-28).

const types = (text: string) => events(text).incidents.map((i) => i.type);

describe("prisons", () => {
  it("types a fire that inmates set to protest as one riot, not a protest", () => {
    expect(types("Inmates at the central prison in Tamale set a fire to protest overcrowding on Tuesday, and nine prisoners died.")).toEqual(["riot"]);
  });

  it("types prisoners who torched their cells as a riot", () => {
    expect(types("Prisoners torched their cells at the jail in Kumasi on Wednesday.")).toEqual(["riot"]);
  });

  it("types an armed jailbreak that killed a guard as an attack with its toll", () => {
    const [incident, ...rest] = events("Three convicts shot their way out of the jail in Tamale on Monday, killing a guard.").incidents;
    expect(rest).toHaveLength(0);
    expect(incident).toMatchObject({ type: "attack", date: "2018-09-24" });
    expect(incident?.fatalities.min).toBe(1);
  });

  it("reads people 'who broke out' as a jailbreak dated by its span, and a fight that broke out as no jailbreak", () => {
    const [incident, ...rest] = events("Police are hunting for the nine men who broke out between Sunday night and Monday morning in Kumasi.").incidents;
    expect(rest).toHaveLength(0);
    expect(incident).toMatchObject({ type: "other", dateEarliest: "2018-09-23", dateLatest: "2018-09-24" });
    expect(types("Fighting broke out in Kumasi on Monday.")).not.toContain("other");
  });

  it("keeps an escape through a tunnel `other`", () => {
    expect(types("Eleven inmates escaped from the prison in Kumasi through a tunnel on Tuesday.")).toEqual(["other"]);
  });
});

describe("fire on a vehicle and deaths", () => {
  it("reads a vehicle that came under rocket fire as an attack on the day named", () => {
    const [incident, ...rest] = events("Two aid workers were killed Sunday in Kandahar when their car came under insurgent rocket fire.").incidents;
    expect(rest).toHaveLength(0);
    expect(incident).toMatchObject({ type: "attack", date: "2018-09-23" });
  });

  it("does not read criticism as fire", () => {
    expect(types("The minister came under fire from lawmakers in Kabul on Sunday.")).toEqual([]);
  });

  it("counts 'and the death of' a civilian in the toll", () => {
    const [incident] = events("The roadside bomb in Kandahar on Thursday wounded two soldiers and caused the death of one civilian.").incidents;
    expect(incident?.fatalities.min).toBe(1);
  });
});

describe("more than N weeks ago", () => {
  it("ends the span the day before that many weeks back and starts it a month before publication", () => {
    const [found] = findDates("They fled more than two weeks ago.", "2018-09-28");
    expect(found).toMatchObject({ date: null, precision: "unknown", earliest: "2018-08-28", latest: "2018-09-13" });
  });

  it("keeps 'just over two weeks ago' in the week it falls in", () => {
    const [found] = findDates("They fled just over two weeks ago.", "2018-09-28");
    expect(found).toMatchObject({ precision: "week", latest: "2018-09-14" });
  });
});
