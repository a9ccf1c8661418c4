import { describe, expect, it } from "vitest";
import { findPlaces, lookupPlace } from "../../../src/extraction/events/gazetteer.js";
import { events, incidentRows, only } from "./events-support.js";

// Issue 18, pass h18aq (triggers, gazetteer): counts hyphened to their people in the toll words; a massacre's verb counts
// its dead; a street described as closed long since is no closure; a curfew ended that the story had not told of is one;
// a ramming by an armed side is an attack; two names before one plural kind of settlement are two places; the Sinai
// Peninsula and the spelling "Katmandu" are known. Sentences written for this file.

const names = (text: string) => findPlaces(text).map((p) => p.name);

describe("a count hyphened to its people", () => {
  it("is a toll, as the count with a space is", () => {
    const incident = only("At least six-people died and 14-people were hurt when a bomb went off at a bus stop in Kaduna on Tuesday.");
    expect(incident.fatalities.min).toBe(6);
    expect(incident.injuries.min).toBe(14);
  });

  it("is not a count of years", () => {
    expect(only("A nine-year-old girl died when a bomb went off at a bus stop in Kaduna on Tuesday.").fatalities.min).toBe(1);
  });
});

describe("a massacre's verb", () => {
  it("counts the dead after it", () => {
    expect(only("An inquiry found that soldiers were guilty of massacring 37 villagers in Sagaing region last March.").fatalities.min).toBe(37);
    expect(only("Rebels massacred 22 farmers in a village of Ituri province on Sunday.").fatalities.min).toBe(22);
  });
});

describe("a street described as closed long since", () => {
  it("is no closure", () => {
    expect(incidentRows("A bomber blew himself up among shoppers on a market street closed two years ago to traffic in Kirkuk on Monday.").map((row) => row[0])).not.toContain("closure");
    expect(incidentRows("A grenade exploded on an avenue closed last year to cars in Kirkuk on Monday.").map((row) => row[0])).not.toContain("closure");
  });

  it("dates the sentence's event, not the street's closing", () => {
    expect(only("A suicide bomber killed four people on a shopping street closed last year to traffic in Kirkuk.").dateLatest).not.toBe("2017-12-31");
    expect(only("A suicide bomber killed four people in Kirkuk last year.").dateLatest).toBe("2017-12-31");
  });

  it("still reads a road closed by the event", () => {
    expect(incidentRows("The main road closed on Monday after a bomb went off in Kirkuk.").map((row) => row[0])).toContain("closure");
  });
});

describe("a month after a superlative's 'since'", () => {
  it("is what the incident is measured against, not its time", () => {
    expect(only("A car bomb in Hilla on Tuesday was the deadliest attack in the city since March 2015.").date).toBe("2018-09-25");
    expect(only("A car bomb was the deadliest attack in Hilla since March 2015.").dateLatest).not.toBe("2015-03-31");
  });

  it("still dates an incident told with 'in' the month", () => {
    expect(only("A car bomb killed nine people in Hilla in March 2015.").dateLatest).toBe("2015-03-31");
  });
});

describe("a curfew ended", () => {
  it("is an event when the story had not told of it ('a curfew')", () => {
    expect(incidentRows("Authorities lifted a three-day curfew in the town of Jos on Wednesday.")).toContainEqual(["other", "Jos", "2018-09-26", null, null]);
  });

  it("is no new event when it points back ('the curfew')", () => {
    expect(events("Authorities lifted the curfew in Jos on Wednesday.").incidents).toHaveLength(0);
  });
});

describe("a ramming", () => {
  it("by an armed side or with a charge aboard is an attack", () => {
    expect(only("Militants rammed a boat packed with explosives into a navy ship near Aden on Thursday.").type).toBe("attack");
    expect(only("An explosives-laden van rammed the gate of an army camp in Mogadishu on Thursday.").type).toBe("attack");
  });

  it("by a vehicle alone stays an accident", () => {
    expect(only("A truck rammed a minibus on the highway near Nakuru on Thursday, killing four people.").type).toBe("other");
  });
});

describe("two names before one plural kind of settlement", () => {
  it("are two places", () => {
    expect(names("Mortars fell on the Dora and Bayaa districts of the capital.")).toEqual(["Dora", "Bayaa"]);
    expect(names("Police searched the Kibera and Mathare neighborhoods.")).toEqual(["Kibera", "Mathare"]);
  });

  it("not a people's or faith's adjectives", () => {
    expect(names("Mortars fell on Sunni and Shiite areas overnight.")).toEqual([]);
  });
});

describe("the gazetteer's added names", () => {
  it("knows the Sinai Peninsula, and not a hospital's 'Sinai'", () => {
    expect(names("Two bombs exploded in the Sinai Peninsula of Egypt.")).toEqual(["Sinai Peninsula", "Egypt"]);
    expect(names("The wounded were taken to Mount Sinai Hospital.")).toEqual([]);
  });

  it("reads 'Katmandu' as Kathmandu", () => {
    expect(lookupPlace("Katmandu")?.name).toBe("Kathmandu");
    expect(only("Police fired tear gas at protesters in Katmandu on Friday.").place).toBe("Kathmandu");
  });
});
