import { describe, expect, it } from "vitest";
import { findPlaces } from "../../../src/extraction/events/gazetteer.js";
import { events, only } from "./events-support.js";

// Issue 18's fourth pass on the events pass: one class of error per test, on sentences written
// for this file (published on Friday 2018-09-28 unless a test says otherwise).


describe("towns too small for the gazetteer", () => {
  it("reads a capitalised name after 'near', 'outside' or a compass direction 'of' as a place", () => {
    expect(findPlaces("Two soldiers were wounded near Qarabagh on Monday.").map((p) => p.name)).toContain("Qarabagh");
    expect(findPlaces("A mortar hit a camp northwest of Dalvanti today.").map((p) => p.name)).toContain("Dalvanti");
    expect(findPlaces("Gunmen attacked a checkpoint outside Ras Kamboni.").map((p) => p.name)).toContain("Ras Kamboni");
  });

  it("reads a name the story places by an apposition as a place", () => {
    expect(findPlaces("Residents of Wajidle, a town on the border, say fighters attacked.").map((p) => p.name)).toContain("Wajidle");
    expect(findPlaces("The attack in Kelbaja, about 90 kilometers northeast of Kirkuk, left one dead.").map((p) => p.name)).toContain("Kelbaja");
  });

  it("makes such a town the incident's place", () => {
    expect(only("Three police officers were killed near Qarabagh on Monday when a bomb exploded.").place).toBe("Qarabagh");
  });

  it("does not read a known place, nor a lower-case phrase, as a new town", () => {
    const names = findPlaces("Fighting raged near Kabul and outside the city on Monday.").map((p) => p.name);
    expect(names).toEqual(["Kabul"]);
  });
});

describe("a toll of none", () => {
  it("reads 'did not kill anyone' and 'no one was killed' as no deaths", () => {
    const bombing = only("A suicide bomber blew up his car near Qarabagh on Monday, wounding at least nine soldiers. Officials said the blast did not kill anyone.");
    expect(bombing.fatalities).toEqual({ min: 0, max: 0 });
    expect(bombing.injuries.min).toBe(9);
    expect(only("A bomb exploded in Kandahar on Monday. No one was killed.").fatalities.min).toBe(0);
  });

  it("lets a count of deaths outrank the negation", () => {
    expect(only("A bomb exploded in Kandahar on Monday, killing two people. No one was killed in a second device.").fatalities.min).toBe(2);
  });
});

describe("a day that opens the reported clause", () => {
  it("dates the event by 'said Monday's blast', not the telling", () => {
    expect(only("Police said Monday's blast in Kandahar killed four people.").date).toBe("2018-09-24");
    expect(only("Police said Monday`s blast in Kandahar killed four people.").date).toBe("2018-09-24");
  });

  it("still reads 'said Monday' as the telling", () => {
    expect(only("A bomb exploded in Kandahar, killing four people, police said Monday.").date).toBeNull();
  });
});

describe("counts of victims with a unit's name and a life claimed", () => {
  it("reads victims named by a unit with a dash ('Four Task Force – Kandahar soldiers were killed')", () => {
    expect(only("Four Task Force – Kandahar soldiers were killed Monday when a bomb exploded near their patrol.").fatalities.min).toBe(4);
  });

  it("reads 'claimed the life of another U.S. soldier' as one death", () => {
    expect(only("A roadside bomb in Kandahar claimed the life of another U.S. soldier on Monday.").fatalities.min).toBe(1);
  });
});

describe("tallies over a span or a running total", () => {
  it("gives no toll from 'killed in more than a week of protests'", () => {
    const { incidents } = events("Police fired tear gas at protesters in Bujumbura on Monday. At least 15 people have been killed in more than a week of protests.");
    expect(incidents.every((i) => i.fatalities.min === null)).toBe(true);
  });

  it("keeps the count before a running total's clause and drops the total", () => {
    expect(only("An attack in Kandahar on Monday killed two soldiers, bringing the number of troops killed since the start of the war to 149.").fatalities.min).toBe(2);
  });
});

describe("security forces shooting at a protest", () => {
  it("reads 'police shot and killed three people during demonstrations' as an attack with the toll, beside the protest", () => {
    const { incidents } = events("Police shot and killed three people Monday in Bujumbura during demonstrations against the president.");
    const attack = incidents.find((i) => i.type === "attack");
    expect(attack?.fatalities.min).toBe(3);
    expect(incidents.find((i) => i.type === "protest")?.fatalities.min ?? null).toBeNull();
  });
});

describe("names that end at a date or hold an apostrophe", () => {
  it("does not take the month after a town into its name ('near Qarabagh Oct. 6')", () => {
    expect(findPlaces("The attack happened near Qarabagh Oct. 6.").map((p) => p.name)).toContain("Qarabagh");
  });

  it("keeps an apostrophe before a capital inside a district's name", () => {
    expect(findPlaces("Troops in Helmand province’s Nad’Ali district detained 20 people.").map((p) => p.name)).toContain("Nad’Ali");
  });
});

describe("arrests and objects", () => {
  it("reads 'captured three people near X' as an arrest", () => {
    expect(only("Soldiers captured three people near Qarabagh early today.").type).toBe("arrest");
  });

  it("reads a bomb that was found or made as no attack, and keeps the detention beside a seizure", () => {
    const { incidents } = events("Weapons were confiscated and five men were detained near Qarabagh today. Soldiers found materials for making an improvised explosive device.");
    expect(incidents.map((i) => i.type)).toEqual(["arrest"]);
  });
});

describe("where the place of an apposition or of residents is", () => {
  it("locates the incident at the name after 'the capital,'", () => {
    expect(only("Nine people were killed when gunmen attacked a hotel in the capital, Nairobi, on Monday.").place).toBe("Nairobi");
  });

  it("takes the town whose residents report the attack, not the country of the apposition", () => {
    expect(only("Residents of Wajidle, a town on Somalia's border with Kenya, say fighters attacked soldiers on Sunday.").place).toBe("Wajidle");
  });

  it("does not read 'an Islamic state' as a region", () => {
    expect(findPlaces("The groups want to set up an Islamic state.").map((p) => p.name)).toEqual([]);
  });
});
