import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";
import { findDates } from "../../../src/extraction/events/dates.js";
import { TRANSPORT_ACCIDENT } from "../../../src/extraction/events/triggers.js";
import { matchesOf } from "../../../src/extraction/patterns.js";
import { requiredLiterals } from "../../../src/extraction/pattern-literals.js";

// h18ae (triggers and dates, round 2): transport accidents and month dates. Every sentence here is written for the test.

const run = (text: string, publishedAt = "2025-03-13") => extractArticle(text, { publishedAt });
const words = (text: string) => matchesOf(TRANSPORT_ACCIDENT, text).map((m) => m[0]);

describe("transport accidents", () => {
  it("reads a vehicle's collision, derailment or crash as an accident", () => {
    expect(words("A passenger train collided with a lorry near the station.")).toEqual(["collided"]);
    expect(words("Twelve people died when a minibus rammed a fuel tanker.")).toEqual(["rammed"]);
    expect(words("An overcrowded ferry capsized in the river on Sunday.")).toEqual(["capsized"]);
    expect(words("Nine people died in the derailment.")).toEqual(["derailment"]);
    expect(words("The worst bus crash in a decade happened there.")).toEqual(["bus crash"]);
    expect(words("An accident near the bridge last year left four people dead.")).toEqual(["accident"]);
  });

  it("leaves other senses of the same words alone", () => {
    expect(words("Talks collapsed and the stock market crashed.")).toEqual([]);
    expect(words("He found the letter by accident.")).toEqual([]);
    expect(words("The share price plunged on Monday.")).toEqual([]);
  });

  it("names a word every match must contain (the literal prefilter)", () => {
    expect(requiredLiterals(TRANSPORT_ACCIDENT)).not.toBeNull();
  });

  it("makes an incident of type other, with its place, day and toll", () => {
    const text = "LUSAKA, March 13 (Wire) - A goods train collided with a commuter train in Lusaka on Wednesday, killing two people and injuring 30 others.";
    const incidents = run(text).incidents;
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ type: "other", place: "Lusaka", date: "2025-03-12" });
    expect(incidents[0]?.fatalities.min).toBe(2);
  });

  it("makes incidents of earlier accidents the story recalls", () => {
    const text =
      "LUSAKA, March 13 (Wire) - A goods train collided with a commuter train in Lusaka on Wednesday, killing two people.\nThe country's worst rail accident happened near Ndola in 2009. This January, 14 people died when a bus plunged off a bridge in Kabwe.";
    const incidents = run(text).incidents;
    expect(incidents.map((i) => i.type)).toEqual(["other", "other", "other"]);
    expect(incidents.find((i) => i.place === "Kabwe")?.dateEarliest).toBe("2025-01-01");
  });
});

describe("attacks told by the attacker's weapon or the bomb's blast", () => {
  it("reads someone armed with a weapon who kills as an attack, with its toll", () => {
    const text = "LYON, March 13 (Wire) - A man armed with a machete killed two people Wednesday at a bakery in Lyon.";
    const incidents = run(text).incidents;
    expect(incidents.map((i) => [i.type, i.place, i.date, i.fatalities.min])).toEqual([["attack", "Lyon", "2025-03-12", 2]]);
  });

  it("does not read a weapon's mere mention as an attack", () => {
    expect(run("Guards armed with rifles stood outside the court in Lyon on Wednesday.").incidents).toEqual([]);
  });

  it("reads a bomb blast as an attack, not an explosion nobody set off", () => {
    const text = "QUETTA, March 13 (Wire) - A bomb blast at a bus stop in Quetta killed six people on Wednesday.";
    const incidents = run(text).incidents;
    expect(incidents.map((i) => [i.type, i.fatalities.min])).toEqual([["attack", 6]]);
  });
});

describe("month dates", () => {
  it("reads a month with its year and no day as that month", () => {
    const [mention] = findDates("A June 2019 accident on the line killed five.", "2025-03-13");
    expect(mention).toMatchObject({ precision: "month", earliest: "2019-06-01", latest: "2019-06-30" });
  });

  it("reads a month with its year without a publication day", () => {
    const [mention] = findDates("A June 2019 accident on the line killed five.", null);
    expect(mention).toMatchObject({ precision: "month", earliest: "2019-06-01" });
  });

  it("reads 'this January' as the most recent January", () => {
    const [mention] = findDates("This January, a bus overturned.", "2025-03-13");
    expect(mention).toMatchObject({ precision: "month", earliest: "2025-01-01", latest: "2025-01-31" });
  });

  it("ends 'earlier this month' the day before the report", () => {
    const [mention] = findDates("Rebels clashed with troops earlier this month.", "2025-03-13");
    expect(mention).toMatchObject({ earliest: "2025-03-01", latest: "2025-03-12" });
  });

  it("keeps 'earlier this week' up to the day of the report", () => {
    const [mention] = findDates("Troops detained six men earlier this week.", "2025-03-13");
    expect(mention?.latest).toBe("2025-03-13");
  });
});
