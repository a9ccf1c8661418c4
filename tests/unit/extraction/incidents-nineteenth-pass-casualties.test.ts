import { describe, expect, it } from "vitest";
import { events } from "./events-support.js";

// Nineteenth pass (h18w), casualty minimums at first sight: raids that kill and detain, tolls of none, the hurt left in a
// hospital's condition, a new report's toll with no event word, and a second death told in a clause of its own.
// Every sentence here is written for the test.

const rows = (text: string, headline: string | null = null) => events(text, headline).incidents.map((i) => [i.type, i.place, i.fatalities.min, i.injuries.min]);

describe("raids that kill and detain", () => {
  it("reads 'forces killed N fighters and detained M suspects' as one arrest carrying the dead", () => {
    expect(rows("Army troops killed three militants and detained six suspects during a raid in Kandahar on Tuesday.")).toEqual([["arrest", "Kandahar", 3, null]]);
  });

  it("reads 'raided a compound, killing N and capturing M others' as one arrest, the capture of 'others' included", () => {
    expect(rows("Police commandos raided a house in Kirkuk on Monday, killing four gunmen and capturing five others.")).toEqual([["arrest", "Kirkuk", 4, null]]);
  });

  it("reads a capture of 'more than N others' after the dead as the raid's arrest", () => {
    expect(rows("A joint security force killed two insurgents and captured more than 20 others in Helmand province on Sunday.")).toEqual([["arrest", "Helmand", 2, null]]);
  });

  it("joins detentions that go on with the operation ('also detained ... as a result of the operation') to the killing before", () => {
    const text = [
      "A combined force killed three insurgents during an operation in the Arghandab district of Kandahar province on Monday, officials said.",
      "The force also detained five suspected insurgents and seized two rifles as a result of the operation.",
    ].join("\n\n");
    expect(rows(text)).toEqual([["arrest", "Arghandab", 3, null]]);
    // (Detentions told with no word that points back stay an arrest of their own.)
    expect(rows("Troops killed two insurgents near Tikrit on Monday. Five suspects were detained.").map((r) => r[0])).toEqual(["armed_clash", "arrest"]);
  });

  it("gives a raid only the dead of the killing right before its capture, not a killing the sentence told before it", () => {
    const text = "Troops today killed nine militants at a hideout and killed two militants and captured six others in a separate raid in Zabul province.";
    expect(events(text).incidents.find((i) => i.type === "arrest")?.fatalities.min).toBe(2);
  });

  it("keeps a battle where the sentence kills fighters and detains nobody", () => {
    expect(rows("Army troops killed three militants in Kandahar on Tuesday.")).toEqual([["armed_clash", "Kandahar", 3, null]]);
  });

  it("keeps an attack and its toll apart from an arrest in a sentence that reports both", () => {
    const found = rows("A roadside bomb killed two soldiers in Mosul on Monday, and police detained four suspects.");
    expect(found.find((r) => r[0] === "attack")?.slice(2)).toEqual([2, null]);
    expect(found.find((r) => r[0] === "arrest")?.slice(2)).toEqual([null, null]);
  });
});

describe("tolls of none", () => {
  it("reads 'No X or Y soldiers were injured' after an attack as none hurt", () => {
    const text = "Troops attacked a band of 9 militants at a hideout in Zabul province on Friday, killing all of them. No Afghan or allied soldiers or civilians were injured in the attack.";
    expect(rows(text)[0]?.[3]).toBe(0);
  });

  it("gives 'No forces were injured during the operation' to the operation, not to an attack told since", () => {
    const text = [
      "Army troops killed one militant and detained seven suspects during an operation in Kunduz on Monday.",
      "During the search, a man hiding in a barn was shot and killed. No Afghan or allied forces were injured during the operation.",
    ].join("\n\n");
    const arrest = events(text).incidents.find((i) => i.type === "arrest");
    expect(arrest?.injuries.min).toBe(0);
  });

  it("reads 'no Iraqi or coalition injuries reported during the operation' as none hurt in the arrest", () => {
    const text = "Soldiers detained 40 suspects in the town of Hamdaniyah on Sunday.\n\nAll 40 are being questioned, with no Iraqi or coalition injuries reported during the operation.";
    expect(events(text).incidents.find((i) => i.type === "arrest")?.injuries.min).toBe(0);
  });

  it("reads 'no damage or casualties' as none dead and none hurt", () => {
    expect(rows("Two rockets struck an army base in Kandahar on Friday, but no damage or casualties were reported.")[0]?.slice(2)).toEqual([0, 0]);
  });

  it("leaves a told toll above a toll of none", () => {
    expect(rows("A car bomb killed five people in Mosul on Friday. No soldiers were injured in the attack.")[0]?.slice(2)).toEqual([5, 0]);
  });
});

describe("the hurt and their condition", () => {
  it("adds 'leaving two others in critical condition' to the injured counted before", () => {
    const text = "A grenade attack on a patrol car in Mombasa on Friday killed one of the officers inside, injuring one and leaving two others in critical condition.";
    expect(rows(text)[0]?.slice(2)).toEqual([1, 3]);
  });

  it("adds the victims 'along with' a named victim hurt in the attack", () => {
    const text = "Gunmen ambushed a convoy near Quetta on Tuesday. The motorist survived but was injured in the attack, along with at least four guards.";
    expect(rows(text)[0]?.[3]).toBe(5);
  });
});

describe("a new report's toll", () => {
  it("reads 'Elsewhere, 12 people were wounded ...' as an incident of its own, not more victims of the one before", () => {
    const text = "A suicide bomber wounded six soldiers in Paktika province on Sunday.\n\nElsewhere, 12 people, including children, were wounded in Kunar province on Saturday when a shell hit a house.";
    expect(rows(text).map((r) => r[3])).toEqual([6, 12]);
  });

  it("gives a second death told in a clause of its own, at a place of its own, an incident of its own", () => {
    const text = "On Monday, a soldier on patrol in Tikrit was killed by a roadside bomb, and a soldier was killed by small-arms fire in Mosul.";
    expect(rows(text)).toEqual([
      ["attack", "Tikrit", 1, null],
      ["attack", "Mosul", 1, null],
    ]);
  });

  it("keeps a death in a clause with no place of its own the sentence's incident's", () => {
    const text = "A roadside bomb hit a convoy in Tikrit on Monday, and two soldiers were killed.";
    expect(rows(text)).toEqual([["attack", "Tikrit", 2, null]]);
  });
});

describe("projectile blasts and days told apart", () => {
  it("reads 'mortar explosions' as an attack (someone fired them), with its toll of none", () => {
    expect(rows("Today, three mortar explosions were reported near the airport in Kabul, but no damage or casualties were reported.")).toEqual([["attack", "Kabul", 0, 0]]);
  });

  it("keeps a blast 'Today', in a paragraph of its own, apart from a death on a named day before", () => {
    const text = "A soldier died March 15 when a roadside bomb detonated near a patrol in Kabul.\n\nToday, two mortar explosions were reported in Kabul.";
    expect(events(text, null, "2005-03-16").incidents.map((i) => [i.type, i.date, i.fatalities.min])).toEqual([
      ["attack", "2005-03-15", 1],
      ["attack", "2005-03-16", null],
    ]);
  });

  it("reads the hurt 'in repeated clashes' on a named day as that day's riot, not a practice", () => {
    const text = "At least three students and two other people were injured in repeated clashes between demonstrators and police in Dhaka on Monday.";
    expect(rows(text)).toEqual([["riot", "Dhaka", null, 5]]);
    // ("repeated clashes" with no day is still a practice.)
    expect(events("Residents complain of repeated clashes between demonstrators and police in Dhaka.").incidents).toEqual([]);
  });

  it("keeps the wounded of a device introduced as new apart from the dead of the blast told before, on its day", () => {
    const text =
      "Three police officers were killed today when a roadside bomb exploded near a market in Kirkuk. And nine civilians were injured when gunmen fired rockets and detonated a car bomb at a checkpoint in the same area.";
    expect(events(text).incidents.map((i) => [i.date, i.fatalities.min, i.injuries.min])).toEqual([
      ["2018-09-28", 3, null],
      ["2018-09-28", null, 9],
    ]);
    // (The same device told again is the same blast's wounded.)
    const again = "Three police officers were killed today when a roadside bomb exploded near a market in Kirkuk. Nine civilians were injured when a roadside bomb exploded there.";
    expect(events(again).incidents.map((i) => [i.fatalities.min, i.injuries.min])).toEqual([[3, 9]]);
  });
});
