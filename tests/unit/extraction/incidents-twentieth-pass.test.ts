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
