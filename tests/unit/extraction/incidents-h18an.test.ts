import { describe, expect, it } from "vitest";
import { events, only } from "./events-support.js";

// Issue 18, pass h18an (casualties): a list of victims after "along with" adds to the toll before it as a whole, a count
// hyphened to its people ("four-people") is a count, and a count with a verb of its own before "and" is not summed with the
// next. Sentences written for this file (published on Friday 2018-09-28).

describe("victims listed after 'along with'", () => {
  it("adds a list of two groups after 'along with' to the toll before it", () => {
    const incident = only("Fighting broke out near Beni on Sunday. The army says at least 22 militiamen were killed, along with two soldiers and a nurse.");
    expect(incident.fatalities.min).toBe(25);
  });

  it("still adds one group after 'along with'", () => {
    const incident = only("Fighting broke out near Beni on Sunday. The army says at least 22 militiamen were killed, along with two soldiers.");
    expect(incident.fatalities.min).toBe(24);
  });

  it("still adds a list after the verb's own count ('killing 12 villagers and three soldiers')", () => {
    expect(only("Gunmen attacked a village near Beni on Sunday, killing 12 villagers and three soldiers.").fatalities.min).toBe(15);
  });
});

describe("a count hyphened to its people", () => {
  it("reads 'four-people died' as four dead", () => {
    expect(only("Rebels attacked a suburb of Gitega overnight. Officials say at least four-people died in the attack.").fatalities.min).toBe(4);
  });

  it("reads 'killing 12-people' as twelve dead", () => {
    expect(only("Gunmen raided a market in Gitega on Sunday, killing 12-people.").fatalities.min).toBe(12);
  });
});

describe("a count with a verb of its own before 'and'", () => {
  it("does not add the kidnapped to the hurt", () => {
    const incident = only("At least four engineers have been kidnapped by gunmen and three people injured in the port city of Warri on Friday.");
    expect(incident.injuries.min).toBe(3);
    expect(incident.fatalities.min).toBeNull();
  });

  it("still sums two groups of one verb ('six soldiers and 19 militants were killed')", () => {
    expect(only("Troops fought militants outside Warri on Friday; six soldiers and 19 militants were killed.").fatalities.min).toBe(25);
  });
});

describe("a place where the teller spoke", () => {
  it("makes no incident of a condemnation quoted and said in another city", () => {
    const { incidents } = events('Two car bombs exploded at a market in Mosul on Thursday, killing 12 people. "We condemn these cowardly attacks," said a foreign ministry spokeswoman in Paris on Thursday.');
    expect(incidents.map((i) => [i.type, i.place, i.fatalities.min])).toEqual([["attack", "Mosul", 12]]);
  });
});

describe("an incident a person is suspected or accused of, told with its toll", () => {
  it("keeps a bombing someone is suspected of, with its own toll, as an incident", () => {
    const rows = events("Police in Kano arrested a man on Monday. He is suspected of the bombing of a bus station in Kano last month that killed 12 people.").incidents.map((i) => [i.type, i.fatalities.min]);
    expect(rows).toEqual([["arrest", null], ["attack", 12]]);
  });

  it("keeps one someone is accused of organizing, with its toll", () => {
    const rows = events("Police in Kano arrested a cleric on Monday. He is accused of organizing an attack on a church in Zaria in May that killed four worshippers.").incidents.map((i) => [i.type, i.fatalities.min]);
    expect(rows).toEqual([["arrest", null], ["attack", 4]]);
  });

  it("makes no incident of attacks someone is suspected of planning, with no toll", () => {
    expect(events("Police in Kano arrested a man on Monday. He is suspected of planning attacks on churches.").incidents.map((i) => i.type)).toEqual(["arrest"]);
  });
});

describe("a place named as a stronghold, and a headline's total over counted attacks", () => {
  it("locates an attack 'in the rebel stronghold of' a town there", () => {
    const rows = events("A bomb killed 30 people in the northern city of Kirkuk on Tuesday. Another attack in the rebel stronghold of Fallujah killed 12 soldiers.").incidents.map((i) => [i.place, i.fatalities.min]);
    expect(rows).toEqual([["Kirkuk", 30], ["Fallujah", 12]]);
  });

  it("gives a plural headline's toll to none of two attacks that have tolls of their own", () => {
    const text = "Bomb Attacks in Iraq Kill More Than 40\n\nA bomb killed 30 people in the northern city of Kirkuk on Tuesday. Another attack in Mosul killed 12 soldiers.\n\nLater in Mosul, police say another suicide bomber struck an army checkpoint.";
    const tolls = events(text, "Bomb Attacks in Iraq Kill More Than 40").incidents.map((i) => i.fatalities.min);
    expect(tolls).not.toContain(41);
    expect(tolls).toEqual([30, 12, null]);
  });
});
