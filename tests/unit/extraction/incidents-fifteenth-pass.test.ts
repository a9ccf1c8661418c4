import { describe, expect, it } from "vitest";
import { events, incidentRows } from "./events-support.js";

// Issue 18's fifteenth pass on the events pass (casualties and statement days), studied on incidents-15: an attacker
// noun that kills reports the attack, a statement's mourned dead report the killing, a statement's own "Today" does
// not date what it mourns, and a count glued to its qualifier is still a count. One class per test, on sentences
// written for this file (published on Friday 2018-09-28).


describe("attackers named by what they did", () => {
  it("reads 'a shooter killed N' as an attack with its toll", () => {
    const text = "A shooter killed four people at a bus depot in Mombasa on Friday, police said.";
    expect(incidentRows(text)).toEqual([["attack", "Mombasa", "2018-09-28", 4, null]]);
  });

  it("reads 'the assailants wounded N' as an attack with its wounded", () => {
    const text = "The assailants wounded three guards outside a bank in Lahore on Friday before fleeing.";
    expect(incidentRows(text)).toEqual([["attack", "Lahore", "2018-09-28", null, 3]]);
  });

  it("does not read attackers who were killed as a report of their own", () => {
    const text = "Gunmen stormed a hotel in Mogadishu on Friday. Two of the attackers were killed by guards.";
    expect(incidentRows(text).filter((r) => r[0] === "attack")).toHaveLength(1);
  });
});

describe("statements", () => {
  it("reads the dead a statement mourns as the killing, with their place and day", () => {
    const text =
      "The government offers condolences to the families of the nine police officers killed and the 14 officers wounded in Tumaco on March 3.\n\nWe condemn the cowardly attack in Tumaco.";
    expect(incidentRows(text)).toEqual([["attack", "Tumaco", "2018-03-03", 9, 14]]);
  });

  it("does not date a mourned killing by the statement's own 'Today'", () => {
    const text = "Today the staff of the ministry of foreign affairs are mourning the murder of two people in Lahore, Pakistan.";
    const [incident] = events(text, null).incidents;
    expect(incident?.date).toBeNull();
    expect(incident?.dateLatest).toBe("2018-09-28");
    expect(incident?.fatalities.min).toBe(2);
  });

  it("still dates an incident told after 'Today' by a verb of its own", () => {
    const text = "Today gunmen killed three people in Lahore, Pakistan.";
    expect(incidentRows(text)).toEqual([["attack", "Lahore", "2018-09-28", 3, null]]);
  });

  it("keeps a day the next sentence's condemnation follows, and a day before a noun 'offer'", () => {
    const text = "Over 30 villagers were killed Friday in the village of Kanda. We strongly condemn this act.";
    expect(incidentRows(text)).toEqual([["attack", "Kanda", "2018-09-28", 31, null]]);
    const other = "Protesters Friday rejected an offer of talks, and police fired tear gas at them in Kathmandu.";
    expect(events(other, null).incidents.every((i) => i.date === "2018-09-28")).toBe(true);
  });
});

describe("counts", () => {
  it("reads a count glued to its qualifier ('at least36') as the count", () => {
    const text = "A car bomb killed at least14 people in Kirkuk on Friday.";
    expect(incidentRows(text)).toEqual([["attack", "Kirkuk", "2018-09-28", 14, null]]);
  });
});

describe("an earlier incident after a subject that points back", () => {
  it("reads what 'The raid on the camp came a day after' reports as the day before's incident", () => {
    const text =
      "Hundreds of police moved in on the protest camp in Dhaka on Friday.\n\nThe raid on the camp came a day after police opened fire on striking workers, killing at least four people.";
    // (Pass h18z: police that move in on a protest camp attack it, the keys' police dispersal of a protest; it was read
    // as the protest before.)
    expect(incidentRows(text)).toEqual([
      ["attack", "Dhaka", "2018-09-28", null, null],
      ["attack", "Dhaka", "2018-09-27", 4, null],
    ]);
  });

  it("keeps 'The action follows X' without a counted gap as before (no earlier incident split off)", () => {
    const text = "Peru expelled the Chilean ambassador on Friday.\n\nThe action follows Chile's expulsion of Peru's ambassador.";
    expect(incidentRows(text).filter((r) => r[2] === "2018-09-27")).toHaveLength(0);
  });
});
