import { describe, expect, it } from "vitest";
import { events } from "./events-support.js";

// Issue 18's seventeenth pass (segmentation and linking): how a story is split into incidents and how a toll, a day
// and a place are linked to each. An uncounted gap ("comes just days after") splits off the earlier incident; a sentence
// that points back at the story's incident and then "comes as" another is told names two; a singular headline joins the
// story's lede and gives it a kind of toll the body never counts; a toll "each" of a report at a list of places goes to
// every place; two calendar days a story names apart are two days; a place in a teller's subject is not the incident's;
// two parts of one country are two places. Sentences written for this file (published on Friday 2018-09-28).

const rows = (text: string, headline: string | null = null) =>
  events(headline ? `${headline}\n\n${text}` : text, headline).incidents.map((i) => [i.type, i.place, i.date, i.fatalities.min, i.injuries.min]);

describe("an uncounted gap splits off the earlier incident", () => {
  it("reads 'comes just days after' as a gap, with the earlier incident's own day and toll", () => {
    const text = "More than six people are reported dead after another bombing in the province of Kandahar. The bombing comes just days after a truck bomb killed 40 people in Kandahar on Monday.";
    expect(rows(text)).toEqual([
      ["attack", "Kandahar", null, 7, null],
      ["attack", "Kandahar", "2018-09-24", 40, null],
    ]);
  });

  it("gives a toll that rose 'from' an incident named beside the story's own to that incident", () => {
    const text =
      "A car bomb killed six people in Kandahar on Friday. The bombing comes just days after a truck bomb killed 30 people in Kandahar on Monday. Friday's bombing comes as the death toll has risen to 34 from a truck bombing earlier this week in Kandahar.";
    const incidents = rows(text);
    expect(incidents[0]).toEqual(["attack", "Kandahar", "2018-09-28", 6, null]);
    expect(incidents.slice(1).some((r) => r[2] === "2018-09-24" && r[3] === 34)).toBe(true);
  });
});

describe("the headline", () => {
  it("joins the story's lede, not the last incident, and gives it the dead the body does not count", () => {
    const text =
      "Civilians were killed and 9 wounded today when a roadside bomb exploded near a police patrol in the northern city of Kunduz, officials said.\n\nIn other operations reported this week:\n\n- Soldiers on Wednesday detained two suspects in Kunduz. A third suspect was killed after trying to attack the soldiers.";
    const incidents = rows(text, "Three Civilians Killed, 9 Injured in Bombing in Kunduz");
    expect(incidents[0]).toEqual(["attack", "Kunduz", "2018-09-28", 3, 9]);
    expect(incidents.slice(1).every((r) => r[3] !== 3)).toBe(true);
  });

  it("reads a headline's 'Another' as news after earlier ones, not as apart from the lede", () => {
    const text = "More than eight people are reported dead after another suicide bombing in the province of Kandahar on Friday.";
    expect(rows(text, "Another Suicide Bombing Leaves 8 Dead in Kandahar")).toEqual([["attack", "Kandahar", "2018-09-28", 9, null]]);
  });
});

describe("tolls and days of reports at several places", () => {
  it("gives a toll 'each' to the incident at every listed place, and keeps two calendar days apart", () => {
    const text =
      "Separate bomb explosions in Mosul and Kirkuk on Sept. 27 each claimed the life of one soldier. A roadside bomb explosion in Mosul on Sept. 26 killed another soldier.";
    expect(rows(text).map((r) => [r[1], r[2], r[3]])).toEqual([
      ["Mosul", "2018-09-27", 1],
      ["Kirkuk", "2018-09-27", 1],
      ["Mosul", "2018-09-26", 1],
    ]);
  });
});

describe("a conflict's running toll", () => {
  it("gives no incident the toll of 'the violence, which has claimed dozens of lives'", () => {
    const text =
      "Militants attacked a police post in Kandahar on Monday, killing five policemen.\n\nAttacks on troops have increased in recent weeks. Officials blame the militants for the violence, which has claimed dozens of lives.";
    expect(rows(text)[0]).toEqual(["attack", "Kandahar", "2018-09-24", 5, null]);
  });
});

describe("places", () => {
  it("does not place an incident where its teller sits, and keeps two parts of a country apart", () => {
    const text =
      "Militants attacked a police post in southern Afghanistan on Monday, killing four policemen.\n\nA military spokesman at the air base near Kabul said soldiers came under attack in eastern Afghanistan on Monday. He said nobody was hurt in the attack, which took place near Asadabad.";
    expect(rows(text).map((r) => [r[0], r[1]])).toEqual([
      ["attack", "Afghanistan"],
      ["attack", "Asadabad"],
    ]);
  });
});
