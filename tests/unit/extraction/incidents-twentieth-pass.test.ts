import { describe, expect, it } from "vitest";
import { events } from "./events-support.js";

// Issue 18, pass h18y (incidents.ts): "the next day" counted from the last day told; a paragraph that opens on a dated
// report dates the reports after it; "The incident occurred in X" refines the place; "in the town of X, near Y" is X; a
// blast told "and fire" is one blast. Sentences written for this file (published on Friday 2018-09-28).

const rows = (text: string) => events(text).incidents.map((i) => [i.type, i.place, i.date]);

describe("the next day", () => {
  it("dates a report 'the next day' one day after the last day told", () => {
    const text =
      "On Sept. 20, a soldier was killed by a roadside bomb while on patrol in Mosul. The next day, a soldier on patrol in Tal Afar was wounded by a roadside bomb.";
    expect(rows(text)).toEqual([
      ["attack", "Mosul", "2018-09-20"],
      ["attack", "Tal Afar", "2018-09-21"],
    ]);
  });

  it("counts 'the next day' at the end of the sentence too", () => {
    const text = "On Sept. 20, a soldier was killed by a roadside bomb in Mosul. Gunmen attacked a checkpoint in Tal Afar the next day.";
    expect(rows(text)[1]).toEqual(["attack", "Tal Afar", "2018-09-21"]);
  });

  it("leaves a day the sentence gives itself", () => {
    const text = "On Sept. 20, a soldier was killed by a roadside bomb in Mosul. Gunmen attacked a checkpoint in Tal Afar on Sept. 25, a day after the funeral.";
    expect(rows(text)[1]).toEqual(["attack", "Tal Afar", "2018-09-25"]);
  });
});

describe("a paragraph's day", () => {
  it("passes the day of a paragraph's opening report to the reports after it", () => {
    const text =
      "Two soldiers were killed in an attack in Kirkuk on Sept. 24, officials said.\n\nSuicide bombers struck two mosques in Iraq today. In Kufa, a suicide bomber killed four worshippers outside a mosque. In northern Basra, a car bomb exploded near a shrine, wounding six people.";
    const basra = events(text).incidents.find((i) => i.place === "Basra");
    expect(basra?.date).toBe("2018-09-28");
  });
});

describe("a pointer back with no trigger word", () => {
  it("takes the place 'The incident occurred in' gives", () => {
    const text =
      "Twelve people were wounded in eastern Afghanistan on Sept. 26 when militants fired a rocket at a market. The incident occurred in Kunar province.";
    expect(rows(text)).toEqual([["attack", "Kunar", "2018-09-26"]]);
  });

  it("makes no incident of its own with nothing told before", () => {
    const text = "The incident occurred in Kunar province, officials said.";
    expect(rows(text)).toEqual([]);
  });
});

describe("a reference point set off by 'near'", () => {
  it("places the incident in the town before 'near', not the reference point", () => {
    const text = "Soldiers searched houses in the town of Avgani, near Tal Afar, and detained 30 suspects on Thursday.";
    expect(rows(text)).toEqual([["arrest", "Avgani", "2018-09-27"]]);
  });
});

describe("a blast and its fire", () => {
  it("reads 'an explosion and fire that killed' as one blast with the toll", () => {
    const text = "A gas leak caused an explosion and fire that killed at least three people and injured four others in an apartment block in Khimki on Thursday.";
    const { incidents } = events(text);
    expect(incidents.map((i) => [i.type, i.fatalities.min, i.injuries.min])).toEqual([["explosion", 3, 4]]);
  });
});

describe("a day written before its month", () => {
  it("reads '27 September, 2018' in a dateline as a date, not a count of the dead", () => {
    const text = "KABUL 27 September, 2018 – Soldiers killed three insurgents in Kunduz on Thursday.";
    expect(events(text).incidents.map((i) => i.fatalities.min)).toEqual([3]);
  });
});

describe("the resulting fire", () => {
  it("reads 'the resulting fire' after a blast in its sentence as that blast's", () => {
    const text = "A gas explosion occurred early Thursday on the fifth floor of a building in Khimki and the resulting fire swept through six apartments.";
    expect(events(text).incidents.map((i) => i.type)).toEqual(["explosion"]);
  });
});

describe("a protest that turns into a riot", () => {
  it("makes the story's protest a riot when 'the demonstrations began when' a crowd attacked and looted", () => {
    const text =
      "At least four people were killed and 30 wounded during protests against the mining company in Kolwezi on Thursday, a government spokesman said.\n\nThe demonstrations began Thursday when hundreds attacked and looted a company warehouse in Kolwezi.\n\nThe company condemned the protest in a statement.";
    const { incidents } = events(text);
    expect(incidents.map((i) => [i.type, i.place, i.fatalities.min, i.injuries.min])).toEqual([["riot", "Kolwezi", 4, 30]]);
  });

  it("keeps a protest a protest when nobody attacked", () => {
    const text = "Hundreds of people protested against the mining company in Kolwezi on Thursday. The demonstrations began Thursday when workers marched to the company office.";
    expect(events(text).incidents.map((i) => i.type)).toEqual(["protest"]);
  });

  it("reads protesters' clashes with riot police as a riot", () => {
    const text = "Thousands of protesters remained in the central square of Kyiv on Thursday after clashes with riot police left at least 20 people dead in the city.";
    expect(events(text).incidents.map((i) => [i.type, i.fatalities.min])).toContainEqual(["riot", 20]);
    expect(events(text).incidents.map((i) => i.type)).not.toContain("armed_clash");
  });

  it("leaves soldiers' clashes with police, with no crowd, a battle", () => {
    const text = "Soldiers clashed with police in Kyiv on Thursday, leaving two dead.";
    expect(events(text).incidents.map((i) => i.type)).toEqual(["armed_clash"]);
  });

  it("reads 'vulnerable to ongoing attacks by rebels' as background, no attack", () => {
    const text = "Protesters marched in Goma on Thursday. They said the mission left citizens vulnerable to ongoing attacks by rebels.";
    expect(events(text).incidents.map((i) => i.type)).toEqual(["protest"]);
  });
});

describe("others told again", () => {
  it("reads 'four others ... have been hospitalized' after 'injured four others' as the same four", () => {
    const text = "A gas explosion killed three people and injured four others in Khimki on Thursday. The explosion occurred on the fifth floor. Officials said four others, including a child, have been hospitalized.";
    expect(events(text).incidents.map((i) => [i.fatalities.min, i.injuries.min])).toEqual([[3, 4]]);
  });

  it("still adds others of another number", () => {
    const text = "A gas explosion killed three people and injured four others in Khimki on Thursday. The explosion occurred on the fifth floor. Officials said six others were treated for smoke inhalation.";
    expect(events(text).incidents.map((i) => i.injuries.min)).not.toEqual([4]);
  });
});
