import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";

// Twenty-second pass (h18ab): casualties and incident linking. Every sentence here is written for the test.

const run = (text: string, publishedAt = "2025-03-12") => extractArticle(text, { publishedAt });

describe("a massacre told by its toll in words", () => {
  it("makes an incident of people counted in words and killed, with its own place and toll", () => {
    const text =
      "BOGOTA, March 12 (Wire) - Gunmen attacked a bar in Cali on Tuesday, killing four people.\nLast week, eight people were killed by an armed group in a rural area of Narino. Five other people were killed on March 1 in a neighborhood of Medellin.";
    const incidents = run(text).incidents;
    expect(incidents).toHaveLength(3);
    expect(incidents.map((i) => i.fatalities.min)).toEqual([4, 8, 5]);
    expect(incidents.find((i) => i.place === "Medellin")?.date).toBe("2025-03-01");
  });

  it("does not make one of the victims of an attack listed by nationality", () => {
    const text = "BAMAKO, March 12 (Wire) - Gunmen attacked a restaurant in Bamako on Tuesday, killing five people.\nThree Malians, a French national and a Belgian were killed.";
    expect(run(text).incidents).toHaveLength(1);
  });
});

describe("a toll over a long war", () => {
  it("is no toll of the story's incident", () => {
    const text =
      "BOGOTA, March 12 (Wire) - Gunmen attacked a bar in Cali on Tuesday, killing four people.\nMore than 200,000 people have been killed and millions displaced during Colombia's decades-long drug conflicts that have involved gangs.";
    const [attack] = run(text).incidents;
    expect(attack?.fatalities.min).toBe(4);
  });
});

describe("a few more incidents told together", () => {
  const text =
    "BAGHDAD, March 12 (Wire) - A suicide bomber blew himself up inside a mosque in Baghdad on Tuesday, killing at least five people.\nIn Baghdad, two additional bomb attacks wounded at least four people. And a fifth bomb attack wounded two people in the town of Tuz Khurmatu.";

  it("are one incident each, with the joint toll on none of them nor on the lede", () => {
    const incidents = run(text).incidents;
    expect(incidents).toHaveLength(4);
    const lede = incidents[0];
    expect(lede?.fatalities.min).toBe(5);
    expect(lede?.injuries.min).toBeNull();
    const pair = incidents.filter((i) => text.slice(i.start, i.end).includes("two additional"));
    expect(pair).toHaveLength(2);
    expect(pair.every((i) => i.injuries.min === null && i.fatalities.min === null && i.place === "Baghdad")).toBe(true);
    expect(incidents.find((i) => i.place === "Tuz Khurmatu")?.injuries.min).toBe(2);
  });

  it("types 'other explosions' after a bombing as attacks, of the day of the last one told", () => {
    const story =
      "BAGHDAD, March 12 (Wire) - A car bomb exploded at a market in Baghdad on Tuesday, killing 10 people.\nTwo other explosions at shops in the city killed four people and wounded nine.";
    const incidents = run(story).incidents;
    const pair = incidents.filter((i) => story.slice(i.start, i.end).startsWith("Two other"));
    expect(pair).toHaveLength(2);
    expect(pair.every((i) => i.type === "attack" && i.date === "2025-03-11" && i.fatalities.min === null)).toBe(true);
    expect(incidents[0]?.fatalities.min).toBe(10);
  });

  it("does not split a headline's 'three separate attacks' or a plain plural", () => {
    const story = "BAGHDAD, March 12 (Wire) - Three bomb attacks killed 12 people in Baghdad on Tuesday.";
    expect(run(story).incidents).toHaveLength(1);
  });
});

describe("a kind of incident said to be usual", () => {
  it("is no incident", () => {
    const text = "BAGHDAD, March 12 (Wire) - A bomb exploded at a market in Baghdad on Tuesday, killing 10 people.\nViolence has decreased since its peak in 2007, but attacks remain common.";
    expect(run(text).incidents).toHaveLength(1);
  });
});

describe("a plural report whose tolls are each told at a town", () => {
  it("is one incident a town, each with the toll told before its town", () => {
    const text =
      "WASHINGTON, March 12 (Wire) - The United States condemns the recent attacks in northern Iraq that took the lives of six people at a church in Mosul, as well as more than 40 lives near a market in Kirkuk.";
    const incidents = run(text).incidents;
    expect(incidents.map((i) => [i.place, i.fatalities.min])).toEqual([
      ["Mosul", 6],
      ["Kirkuk", 41],
    ]);
  });

  it("does not split a single attack whose toll is told at one town", () => {
    const text = "BAGHDAD, March 12 (Wire) - Attacks killed six people at a church in Mosul on Tuesday, a day after a bomb hit Kirkuk.";
    expect(run(text).incidents.filter((i) => i.place === "Mosul")).toHaveLength(1);
  });
});

describe("a toll in words a speaker tells", () => {
  it("is no massacre of its own when quoted or counted so far", () => {
    const text =
      "KAMPALA, March 12 (Wire) - Police fired tear gas at rioters in Kampala on Tuesday.\nA reporter said the city was tense. “So far four people have been killed. Two others were killed near the market.”";
    // (The counts themselves may still go to the riot told before, as they did before this pass.)
    const incidents = run(text).incidents;
    expect(incidents.some((i) => text.slice(i.start, i.end).includes("four people"))).toBe(false);
    expect(incidents).toHaveLength(2);
  });
});

describe("an incident still going on", () => {
  it("is of the publication day", () => {
    const text = "Three people are dead and several injured in riots that are still under way in the capital, Kampala.";
    expect(run(text, "2025-03-12").incidents[0]?.date).toBe("2025-03-12");
  });
});
