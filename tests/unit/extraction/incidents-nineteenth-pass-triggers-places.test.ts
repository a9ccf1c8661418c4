import { describe, expect, it } from "vitest";
import { findDates } from "../../../src/extraction/events/dates.js";
import { findPlaces } from "../../../src/extraction/events/gazetteer.js";
import { events } from "./events-support.js";

// Issue 18, pass h18x (triggers, places, dates): a wanted man's habits ("the leader directed attacks against ...") and
// attacks an operation set out to stop are no incidents; weapons listed in a seized cache are no attack; rockets fired at
// people, armed men who damage a building, a street battle with the police and a raid that kills fighters while searching
// for someone are read for what they are; "X wa Y" district names, "the X Village", streets and units named after a city,
// and "an April rocket attack". Sentences written for this file (published on Friday 2018-09-28).

const rows = (text: string) => events(text).incidents.map((i) => [i.type, i.place, i.date]);
const types = (text: string) => events(text).incidents.map((i) => i.type);

describe("background told as a wanted man's habits", () => {
  it("reads what a leader directs, coordinates or conducted (a bare plural) as no attack", () => {
    const text =
      "A combined force detained a Taliban leader in the Dand district of Kandahar province on Thursday. The leader directed attacks against Afghan forces throughout the district. The facilitator distributed weapons and coordinated attacks throughout the province. The insurgent leader directs roadside bomb attacks against police patrols.";
    expect(types(text)).toEqual(["arrest"]);
  });

  it("reads men who 'had planned and carried out attacks' as background to their capture", () => {
    const text = "Soldiers captured four men near Tarin Kowt on Thursday. These individuals had planned and carried out attacks on police in the province, officials said.";
    expect(types(text)).toEqual(["arrest"]);
  });

  it("still reports a leader who led the attack on a named day", () => {
    const text = "A militant commander led an attack on a police post near Ghazni on Thursday, killing three officers.";
    expect(types(text)).toEqual(["attack"]);
  });

  it("reads attacks that forces arrive to quash or curb as no incident", () => {
    const text = "Police reinforcements arrived in Jos on Thursday to quash revenge attacks by armed youths.";
    expect(types(text)).not.toContain("attack");
  });

  it("reads 'for alleged destruction of property and assault' as a charge, no attack", () => {
    const text = "Police arrested two villagers in Kampot on Thursday for alleged destruction of property and assault.";
    expect(types(text)).toEqual(["arrest"]);
  });

  it("reads a man who tried to place a bomb as arrested, no attack", () => {
    const text = "Soldiers detained a man in Baqubah on Thursday after he attempted to place an improvised explosive device beside a road.";
    expect(types(text)).toEqual(["arrest"]);
  });
});

describe("weapons in an inventory", () => {
  it("reads mortar rounds in a list of seized weapons as no attack", () => {
    const text =
      "Soldiers detained five men near Hit on Thursday. Troops seized a large amount of weapons including a 120 mm mortar tube, three 120 mm mortar rounds, two 82 mm mortar tubes and 14 60 mm mortar rounds.";
    expect(types(text)).toEqual(["arrest"]);
  });

  it("still reads mortar rounds fired at a base as an attack", () => {
    const text = "Insurgents fired four mortar rounds at a police base near Samarra on Thursday, wounding two officers.";
    expect(types(text)).toEqual(["attack"]);
  });
});

describe("incidents read from new words", () => {
  it("reads a rocket fired at workers as an attack", () => {
    const text = "Twelve people were wounded near Asadabad on Thursday when extremists fired a rocket at a group of road workers.";
    expect(types(text)).toEqual(["attack"]);
  });

  it("reads men who fired indiscriminately at villagers as an attack", () => {
    const text = 'Near Asadabad on Thursday, insurgents "fired indiscriminately" at villagers, officials said.';
    expect(types(text)).toEqual(["attack"]);
  });

  it("reads armed men who damaged a police station as an attack", () => {
    const text = "On Thursday, terrorists damaged the newly built Tarmiyah police station in Salahuddin province.";
    expect(types(text)).toEqual(["attack"]);
  });

  it("does not read forces who destroyed a weapons cache as an attack", () => {
    const text = "On Thursday, soldiers destroyed a weapons cache near Tarmiyah.";
    expect(types(text)).not.toContain("attack");
  });

  it("reads militiamen who raided a village as an attack", () => {
    const text = "On Thursday, a gang of about 30 militiamen raided Kotile village in Wajir District, officials said.";
    expect(rows(text)).toEqual([["attack", "Kotile", "2018-09-27"]]);
  });

  it("reads a street battle with police as a riot", () => {
    const text = "A protester was killed by a gunshot during a street battle with police in Dhaka on Thursday.";
    expect(types(text)).toContain("riot");
    expect(types(text)).not.toContain("armed_clash");
  });

  it("reads forces that killed fighters while searching for a leader as one arrest (the raid)", () => {
    const text =
      "A combined security force killed three insurgents and detained two suspects during a search for a Taliban leader in the Nad Ali district of Helmand province on Thursday.";
    expect(rows(text)).toEqual([["arrest", "Nad Ali", "2018-09-27"]]);
  });

  it("reads people captured as 'others' as arrested", () => {
    const text = "Afghan forces captured more than 20 others during an operation in the Nad Ali district of Helmand province on Thursday.";
    expect(types(text)).toEqual(["arrest"]);
  });

  it("reads warplanes that killed fighters after they attacked a patrol as the battle, no attack beside it", () => {
    const text = "Warplanes killed nine insurgents after the men attacked a coalition patrol near Orgun on Thursday.";
    expect(types(text)).toEqual(["armed_clash"]);
  });

  it("still reads forces that killed fighters in a fight as a battle", () => {
    const text = "Afghan forces killed four insurgents in the Nad Ali district of Helmand province on Thursday.";
    expect(types(text)).toEqual(["armed_clash"]);
  });
});

describe("place names", () => {
  const names = (text: string) => findPlaces(text).map((p) => p.name);

  it("keeps a district name joined by 'wa' whole", () => {
    expect(names("Troops seized rifles in the Dara wa Tagab district of Kapisa province.")).toContain("Dara wa Tagab");
  });

  it("reads 'the X Village' as the village X", () => {
    expect(names("Troops raided a compound in the Dar-e Nur Village, killing two gunmen.")).toEqual(["Dar-e Nur"]);
  });

  it("reads a street named after a city as no mention of the city", () => {
    expect(names("Soldiers detained three men near Basra Street in the capital.")).toEqual([]);
  });

  it("reads a unit named after a city as no mention of the city", () => {
    expect(names("The soldiers of Task Force Olympia were on patrol in Mosul.")).toEqual(["Mosul"]);
  });
});

describe("dates", () => {
  it("reads 'an April rocket attack' as April", () => {
    const found = findDates("The men carried out an April rocket attack on the airport.", "2018-09-28");
    expect(found.map((d) => [d.text, d.earliest, d.latest])).toEqual([["an April", "2018-04-01", "2018-04-30"]]);
  });

  it("ends a month of the publication day's month on that day ('in early September' of September 28)", () => {
    const found = findDates("Militants threw a grenade at a patrol in early September.", "2018-09-28");
    expect(found.map((d) => [d.earliest, d.latest])).toEqual([["2018-09-01", "2018-09-28"]]);
    // (An earlier month keeps its whole span.)
    expect(findDates("They struck in early August.", "2018-09-28").map((d) => [d.earliest, d.latest])).toEqual([["2018-08-01", "2018-08-31"]]);
  });

  it("does not read 'a March of protest' as a month", () => {
    expect(findDates("It was a March of protest.", "2018-09-28")).toEqual([]);
  });
});
