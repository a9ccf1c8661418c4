import { describe, expect, it } from "vitest";
import { findQuantities } from "../../../src/extraction/events/numbers.js";
import { events, only } from "./events-support.js";

// Issue 18's sixth pass on the events pass: one class of error per test, on sentences written
// for this file (published on Friday 2018-09-28 unless a test says otherwise).

const counts = (text: string) => {
  const incident = only(text);
  return { fatalities: incident.fatalities.min, injuries: incident.injuries.min };
};

describe("casualty counts", () => {
  it("reads no casualties in counts of weapons, vehicles or buildings", () => {
    expect(findQuantities("Militants fired more than 40 rockets and two mortar rounds.")).toEqual([]);
    expect(counts("Gunmen attacked a checkpoint near Kirkuk on Tuesday, firing more than 40 rockets and wounding a policeman.")).toEqual({ fatalities: null, injuries: 1 });
  });

  it("reads a figure repeated in digits as one count ('two (2) fighters were killed')", () => {
    expect(counts("The airstrike near Kismayo on Tuesday killed three (3) fighters, and one (1) fighter was wounded.")).toEqual({ fatalities: 3, injuries: 1 });
  });

  it("reaches the verb across an aside set off by commas", () => {
    expect(counts("Three men were wounded in a shooting in Herat on Monday. Two other men, standing near the gate of the market, were wounded in the shooting.").injuries).toBe(3);
    expect(counts("Two bystanders, waiting outside the bank, were wounded in a shooting in Herat on Monday.").injuries).toBe(2);
  });

  it("reads 'killed a terrorist and wounded another' as one killed and one wounded", () => {
    expect(counts("Soldiers killed a terrorist and wounded another near Baqubah on Wednesday.")).toEqual({ fatalities: 1, injuries: 1 });
  });
});

describe("battles", () => {
  it("reads forces that kill militia members as a battle", () => {
    expect(only("Iraqi forces killed six militia members near Kut on Sunday.").type).toBe("armed_clash");
  });

  it("keeps a battle's type when a later sentence calls it 'their attack'", () => {
    const text = "Iraqi forces killed six militia members near Kut on Sunday. Air support destroyed two buildings the militiamen used for cover during their attack.";
    expect(events(text).incidents.map((i) => i.type)).toEqual(["armed_clash"]);
  });
});
