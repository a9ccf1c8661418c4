import { describe, expect, it } from "vitest";
import { events, incidentRows } from "./events-support.js";

// Issue 18's fourteenth pass on the events pass (casualty minimums and segmentation), studied on incidents-14 and -13:
// two incidents of one story told as "the attack comes a day after ...", a series that has its own toll, counts that
// name events rather than victims, tolls a later sentence adds to, and background that is no incident. One class per
// test, on sentences written for this file (published on Friday 2018-09-28).


describe("two incidents of one story", () => {
  it("reads what 'comes a day after' reports as an earlier incident, dated a day before the first", () => {
    const text =
      "A roadside bomb killed four soldiers in Kandahar on Friday.\n\nThe attack comes a day after gunmen in Herat killed at least nine people in an assault on a wedding hall.";
    expect(incidentRows(text)).toEqual([
      ["attack", "Kandahar", "2018-09-28", 4, null],
      ["attack", "Herat", "2018-09-27", 9, null],
    ]);
  });

  it("keeps the sentence's own place for its own incident and counts 'two days after' back", () => {
    const text = "A car bomb wounded 12 people in Ankara on Friday.\n\nThe blast in Ankara came two days after rebels detonated a truck bomb in Van, killing five people.";
    expect(incidentRows(text)).toEqual([
      ["attack", "Ankara", "2018-09-28", null, 12],
      ["attack", "Van", "2018-09-26", 5, null],
    ]);
  });

  it("reads 'came after five days of clashes' as a span, not an earlier incident", () => {
    const text = "Rebels seized the port of Pemba on Thursday.\n\nThe capture on Thursday came after five days of clashes between the rebels and the army.";
    expect(incidentRows(text).filter((r) => r[0] === "armed_clash")).toHaveLength(1);
  });

  it("reads a later act of the same attackers on a new target as an incident of its own", () => {
    const text =
      "Gunmen killed at least three guards at a bank in the town of Sopore on Friday.\n\nThe same gunmen later attacked a nearby police post. Officials say four policemen were wounded at the post.";
    expect(incidentRows(text)).toEqual([
      ["attack", "Sopore", "2018-09-28", 3, null],
      ["attack", "Sopore", "2018-09-28", null, 4],
    ]);
  });

  it("reads a series that is the subject of its own toll as an incident, and a series in the background as none", () => {
    const text = "A suicide bomber killed six people in Kabul on Friday, the latest in a series of attacks on the city.\n\nOn Wednesday, a series of blasts killed at least eight people in Kabul.";
    expect(incidentRows(text)).toEqual([
      ["attack", "Kabul", "2018-09-28", 6, null],
      // (Blasts with no bomb word are explosions.)
      ["explosion", "Kabul", "2018-09-26", 8, null],
    ]);
  });
});

describe("references dated by a possessive day", () => {
  it("reads a reference to another day's blast as an earlier incident named in passing, with its own toll", () => {
    const text =
      "A police commander was killed in Kirkuk on Friday when a suicide bomber struck officials visiting a market.\n\nThe attack happened at the site of Thursday's explosion that killed 20 people.\n\nGunmen ambushed the officials as they toured the area.";
    expect(incidentRows(text)).toEqual([
      ["attack", "Kirkuk", "2018-09-28", 1, null],
      ["explosion", "Kirkuk", "2018-09-27", 20, null],
    ]);
  });
});

describe("counts", () => {
  it("counts one person named before a passive killing verb", () => {
    expect(incidentRows("Teacher Amadou Diallo was killed on Thursday during a protest in Bamako.").map((r) => [r[0], r[3]])).toEqual([["protest", 1]]);
  });

  it("reads no victims in a count of blasts", () => {
    expect(incidentRows("Two explosions in Lashio on Thursday killed one person and wounded five.")).toEqual([["explosion", "Lashio", "2018-09-27", 1, 5]]);
    expect(incidentRows("Three blasts in Mandalay on Thursday injured several people.")).toEqual([["explosion", "Mandalay", "2018-09-27", null, null]]);
  });

  it("gives 'left N dead' to the incident before it", () => {
    const text = "In 2015, a suicide bombing at a mosque in Quetta left more than 40 people dead, and a series of attacks at markets in Karachi left 11 dead.";
    expect(incidentRows(text).map((r) => [r[1], r[3]])).toEqual([
      ["Quetta", 41],
      ["Karachi", 11],
    ]);
  });

  it("gives a sentence's toll to its attack, not to the gathering the attack hit", () => {
    const text = "A grenade attack on Thursday on a rally led by protest leader Arun Tej in Chiang Mai left 30 people wounded. One man later died in the hospital.";
    const attack = events(text).incidents.find((i) => i.type === "attack");
    expect([attack?.fatalities.min, attack?.injuries.min]).toEqual([1, 30]);
  });

  it("counts a named victim with the others killed beside him", () => {
    expect(incidentRows("A suicide bomber struck a police car in Mardan on Thursday. Rahim and two others were killed.")).toEqual([["attack", "Mardan", "2018-09-27", 3, null]]);
  });

  it("adds a victim another sentence says was also killed", () => {
    const text = "Heavy fighting broke out in Bouake on Thursday, killing at least four people.\n\nWitnesses said at least one civilian also was killed.";
    expect(incidentRows(text)).toEqual([["armed_clash", "Bouake", "2018-09-27", 5, null]]);
  });

  it("reads tolls over a month-long protest or 'so far' as no incident's", () => {
    const text = "Police used water cannon to disperse protesters in Ankara on Friday. Three people have been killed in the street clashes so far.";
    expect(incidentRows(text).every((r) => r[3] === null)).toBe(true);
  });
});

describe("reports and background", () => {
  it("reads aircraft that strike or drop bombs as an attack, with the toll a later sentence gives", () => {
    expect(incidentRows("Government aircraft struck a market in Idlib on Thursday, killing at least 20 people.")).toEqual([["attack", "Idlib", "2018-09-27", 20, null]]);
    expect(incidentRows("Helicopters dropped barrel bombs on Daraa on Thursday, killing 12 people.")).toEqual([["attack", "Daraa", "2018-09-27", 12, null]]);
  });

  it("reads a strike with a toll as an attack", () => {
    expect(incidentRows("A strike on a school in Saada left 14 dead on Thursday.")).toEqual([["attack", "Saada", "2018-09-27", 14, null]]);
  });

  it("reads water cannon used on a crowd as a dispersal beside the gathering", () => {
    expect(incidentRows("Police used water cannon to disperse hundreds of protesters in Ankara on Friday.").map((r) => r[0]).sort()).toEqual(["attack", "protest"]);
  });

  it("reads habitual reports as no incident", () => {
    expect(incidentRows("Near-daily protests have been held in Manama since February.")).toEqual([]);
    expect(incidentRows("Government forces have been carrying out frequent airstrikes on rebel-held areas of Homs.")).toEqual([]);
  });

  it("reads a conflict's toll after 'started in ... and left' and a span since a past year's uprising as background", () => {
    expect(incidentRows("The rebels led an insurgency that started in 1980 and left tens of thousands of people dead.")).toEqual([]);
    expect(incidentRows("The region has been racked by fighting since rebels launched an uprising against the government in 2003.")).toEqual([]);
  });

  it("takes no place from the hospitals the wounded were flown to, and reads 'fighting terrorism' as no battle", () => {
    const text = "A suicide bomber wounded 11 people in Peshawar on Thursday.\n\nSome of those hurt in the blast were flown to hospitals in Lahore. The minister spoke of the role of Pakistan in fighting terrorism.";
    expect(incidentRows(text)).toEqual([["attack", "Peshawar", "2018-09-27", null, 11]]);
  });
});
