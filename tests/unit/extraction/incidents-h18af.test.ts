import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";

// h18af (casualties, precision and linking, round 3). Every sentence here is written for the test.

const run = (text: string, publishedAt = "2025-03-13") => extractArticle(text, { publishedAt });

describe("casualties within one incident, never across incidents", () => {
  it("gives a detail sentence's toll to its own incident when the lede's total over two attacks is dropped", () => {
    const text = [
      "At least nine people were killed in two attacks Wednesday, police in Uganda said.",
      "At least seven people are dead after three gunmen attacked Kampala's main bus station.",
      "Later Wednesday, a local judge was among several people who were killed in a bombing in the town of Gulu.",
    ].join("\n\n");
    const incidents = run(text).incidents;
    expect(incidents).toHaveLength(2);
    expect(incidents[0]?.fatalities.min).toBe(7);
    expect(incidents[1]?.fatalities.min).toBe(1);
  });

  it("gives a plural headline's total, which the body tells too, to none of the incidents the body reports", () => {
    const text = [
      "At Least 12 Dead in Two Bombings in Uganda",
      "At least 12 people were killed in two bombings in Uganda on Tuesday, police said.",
      "A car bomb exploded at a market in Kampala on Tuesday, killing at least eight people.",
      "Hours later, a second bombing in the town of Gulu wounded three people.",
    ].join("\n\n");
    const incidents = run(text, "2025-03-12").incidents;
    expect(incidents.map((i) => i.fatalities.min)).toEqual([8, null]);
  });

  it("counts one victim 'among' those killed, at least one", () => {
    const incidents = run("An aid worker was among the people who were killed when a bomb exploded in Zenda on Tuesday.").incidents;
    expect(incidents[0]?.fatalities).toEqual({ min: 1, max: null });
  });

  it("reads a word a transcript puts in brackets", () => {
    const incidents = run("At least 30 people were killed and around 80 others (wounded) when a bomb exploded at a shrine in Zenda on Tuesday.").incidents;
    expect(incidents[0]?.fatalities.min).toBe(30);
    expect(incidents[0]?.injuries.min).toBe(80);
  });
});

describe("precision: words that report no incident", () => {
  it("drops a verb the clause denies", () => {
    const text = "A bomb exploded outside a court in Zenda on Tuesday, killing two guards. No group has claimed it, and no suspects have yet been arrested.";
    expect(run(text).incidents.map((i) => i.type)).toEqual(["attack"]);
    expect(run("Police arrested four men in Zenda on Monday. Two others have not been arrested.").incidents).toHaveLength(1);
  });

  it("drops what someone took an explosion for", () => {
    const text = "A chemical warehouse exploded in Zenda on Wednesday, killing 20 people. One resident said she thought the blast was an earthquake.";
    expect(run(text).incidents.map((i) => i.type)).toEqual(["explosion"]);
  });

  it("drops a storm forecast to come", () => {
    const text = "A typhoon killed three people as it struck the island of Luzon on Sunday. Another storm is being tracked and could hit the same coast next week.";
    expect(run(text, "2025-03-10").incidents).toHaveLength(1);
  });
});

describe("linking", () => {
  it("places an earlier storm that hit 'the same region' at the last storm's place", () => {
    const text = "A typhoon killed four people as it slammed into the island of Luzon on Sunday.\n\nIn January, Typhoon Ruth hit the same region, killing 12 people.";
    const incidents = run(text, "2025-03-10").incidents;
    expect(incidents.map((i) => i.place)).toEqual(["Luzon", "Luzon"]);
    expect(incidents.map((i) => i.fatalities.min)).toEqual([4, 12]);
  });

  it("reads an attack on a town told right after a battle placed only at a country as that battle", () => {
    const text = [
      "Six soldiers and 30 attackers were killed Sunday in a clash in Niger's southwest region, the government said.",
      "On Sunday afternoon, attackers on motorcycles stormed the Kolbangou village, the defense ministry said.",
    ].join("\n\n");
    const incidents = run(text, "2025-03-10").incidents;
    expect(incidents).toHaveLength(1);
    expect(incidents[0]).toMatchObject({ type: "armed_clash", place: "Kolbangou", date: "2025-03-09" });
  });

  it("keeps an attack in a town of another day apart from the battle", () => {
    const text = [
      "Six soldiers and 30 attackers were killed Sunday in a clash in Niger's southwest region, the government said.",
      "On Friday, gunmen attacked the Kolbangou village, killing two.",
    ].join("\n\n");
    expect(run(text, "2025-03-10").incidents).toHaveLength(2);
  });
});
