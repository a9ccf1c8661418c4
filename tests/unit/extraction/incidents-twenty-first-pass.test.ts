import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";

// Twenty-first pass (h18aa): where an incident with no place of its own is, and which names are no places.
// Every sentence here is written for the test.

const run = (text: string, publishedAt = "2025-03-12") => extractArticle(text, { publishedAt });
const byType = (text: string, type: string) => run(text).incidents.filter((i) => i.type === type);

describe("an incident's place when its clause names none", () => {
  it("gives a nationwide act the story's country, not the dateline city", () => {
    const text = "NAIROBI, March 12 (Wire) - Police detained 12 people in Nairobi on Tuesday, officials in the Kenyan capital said.\nThe union called a two-day nationwide protest starting on Wednesday.";
    const strikes = byType(text, "protest");
    expect(strikes.map((i) => i.place)).toContain("Kenya");
  });

  it("keeps a running toll spread over the country off the country (a violent word is no nationwide act)", () => {
    const text = "NAIROBI, March 12 (Wire) - A bomb exploded at a bus stop in Nairobi on Tuesday, killing four people.\nA rights group said 40 people had been killed in attacks across the country this year.";
    expect(run(text).incidents.every((i) => i.place !== "Kenya")).toBe(true);
  });

  it("gives each of two countries coordinated as the subject of a closure an incident of its own", () => {
    const text = "VIENNA, March 12 (Wire) - Austria summoned the Hungarian ambassador on Wednesday.\nLast week, Slovakia and Slovenia closed several border crossings, citing smuggling.";
    expect(byType(text, "closure").map((i) => i.place).sort()).toEqual(["Slovakia", "Slovenia"]);
  });

  it("does not split a closure whose countries are not its subject", () => {
    const text = "VIENNA, March 12 (Wire) - Police closed the main road to the border with Slovakia and Slovenia on Wednesday.";
    expect(byType(text, "closure")).toHaveLength(1);
  });

  it("places a bygone incident of an earlier year in the story's country", () => {
    const text = "NAIROBI, March 12 (Wire) - Police fired tear gas at a march in the Kenyan capital on Tuesday.\nProtests over a similar tax in June 2022 forced the government to drop it.";
    const protests = byType(text, "protest");
    expect(protests.some((i) => i.place === "Kenya")).toBe(true);
  });

  it("leaves a bygone harm at the site the story already named", () => {
    const text = "BAMAKO, March 12 (Wire) - Rockets hit a peacekeeping camp in Gao on Tuesday, killing one soldier.\nMilitants were behind another rocket attack on the camp in 2023.";
    expect(run(text).incidents.every((i) => i.place !== "Mali")).toBe(true);
  });

  it("does not take the place of a clause that dates the incident by another event", () => {
    const text = "SANAA, March 12 (Wire) - Fighting intensified along Yemen's northern border on Tuesday.\nFighting has escalated since troops withdrew from positions north of Saada last month.";
    expect(byType(text, "armed_clash")[0]?.place).toBe("Yemen");
  });
});

describe("names that are no places of the story", () => {
  it("drops a region's name used before an institution noun, keeps it before a kind of place", () => {
    expect(run("QUITO, March 12 (Wire) - Inmates rioted at the Guayas penitentiary on Tuesday.").places).not.toContain("Guayas");
    expect(run("QUITO, March 12 (Wire) - Floods hit Guayas province on Tuesday.").places).toContain("Guayas");
  });

  it("lists 'central X' beside its city X, and places the march in the city", () => {
    const { places, incidents } = run("NAIROBI, March 12 (Wire) - Thousands marched in central Nairobi on Tuesday.");
    expect(places).toEqual(["Nairobi", "central Nairobi"]);
    expect(incidents.map((i) => i.place)).toEqual(["Nairobi"]);
  });

  it("makes 'X and neighboring Y' two incidents of one act, one a place", () => {
    const text = "PUNE, March 12 (Wire) - Authorities closed all schools in Pune and neighboring Satara until Friday.";
    expect(byType(text, "closure").map((i) => i.place).sort()).toEqual(["Pune", "Satara"]);
  });

  it("reads a name after 'neighboring' as a place", () => {
    expect(run("PUNE, March 12 (Wire) - Authorities closed schools in Pune and neighboring Satara until Friday.").places).toContain("Satara");
  });
});
