import { describe, expect, it } from "vitest";
import { findDates } from "../../../src/extraction/events/dates.js";
import { findPlaces, lookupPlace } from "../../../src/extraction/events/gazetteer.js";
import { extractArticle } from "../../../src/extraction/index.js";
import { events } from "./events-support.js";

// Issue 18, pass h18ai (triggers, places and dates, round 4): disasters and killings the triggers missed (a vessel that
// sank, a storm system, "the killing and wounding of civilians", a passive stabbing, a mob's killing, a blast while a bomb
// was being defused, a captive "captured" after his noun), words that only looked like incidents ("fighting for his
// life", polls that closed, gunmen who fought a battle), islands and renamed countries in the gazetteer, and "N months
// ago" inside a clause of "since". Sentences written for this file (published on Friday 2018-09-28).

const rows = (text: string) => events(text).incidents.map((i) => [i.type, i.place, i.date]);
const types = (text: string) => events(text).incidents.map((i) => i.type);

describe("disasters and accidents", () => {
  it("reads a vessel that sank as an accident", () => {
    expect(types("At least 40 people are missing after a passenger boat sank in a river in Bangladesh on Wednesday.")).toEqual(["other"]);
  });

  it("reads a storm system that left people dead as a disaster", () => {
    expect(types("A powerful storm system that swept across southern Brazil on Thursday has left at least five people dead.")).toEqual(["other"]);
  });

  it("reads a tornado by what it did, and tornadoes a storm triggered as the same storm", () => {
    expect(types("A tornado tore through a village in Bangladesh on Thursday, killing 12 people.")).toEqual(["other"]);
    const text =
      "A violent storm system crossed the American Midwest on Thursday, leaving three people dead. The storm triggered tornadoes in the states of Iowa, Kansas and Nebraska.";
    expect(types(text)).toEqual(["other"]);
  });
});

describe("killings told by a noun, a passive verb or their perpetrators", () => {
  it("reads 'the killing and wounding of Afghan civilians' as an attack", () => {
    expect(types("The ambassador said he was saddened by the reported killing and wounding of Afghan civilians in Kandahar.")).toEqual(["attack"]);
  });

  it("reads someone 'stabbed by unknown attackers' as an attack, and 'fighting for his life' as no battle", () => {
    const text = "A radio host in Manila is fighting for his life after being stabbed by unknown men on Thursday.";
    expect(types(text)).toEqual(["attack"]);
  });

  it("reads a crowd that killed a man as an attack", () => {
    expect(types("Violence broke out on Tuesday when a crowd in the capital killed a man accused of theft in Bangui.")).toContain("attack");
  });

  it("reads a death while defusing a bomb as an explosion", () => {
    expect(rows("Last year, a police officer was killed in Quetta while trying to defuse a bomb.")).toEqual([["explosion", "Quetta", null]]);
  });

  it("reads a captive named before 'captured' as an arrest, not militants who captured a town", () => {
    expect(types("Officials confirmed the identity of a senior Taliban operative captured on Tuesday in Kunduz.")).toEqual(["arrest"]);
    expect(types("Officials said the commanders captured the town after a week of fighting in Kunduz.")).not.toContain("arrest");
  });

  it("reads forces 'in' a place that killed fighters as a battle", () => {
    expect(types("Afghan forces in Helmand province's Nad Ali district killed three insurgents on Thursday.")).toEqual(["armed_clash"]);
  });
});

describe("words that are no incident", () => {
  it("reads polls that closed as no closure", () => {
    expect(types("Police fired tear gas at opposition supporters in Kinshasa after polls for the presidential election closed on Thursday.")).not.toContain("closure");
  });

  it("reads gunmen who engaged in battles as a side of the battle, no attack", () => {
    const text = "Sunni gunmen and al-Qaida militants have engaged in several days of battles in a Baghdad neighborhood, residents said.";
    expect(types(text)).toEqual(["armed_clash"]);
  });
});

describe("places", () => {
  it("knows the large islands of Indonesia as regions and the Republic of Congo by its short name", () => {
    expect(findPlaces("a ferry sank on Indonesia's Sumatra island").map((p) => [p.name, p.kind])).toEqual([
      ["Indonesia", "country"],
      ["Sumatra", "region"],
    ]);
    expect(lookupPlace("Republic of Congo")?.countryCode).toBe("CG");
    expect(lookupPlace("Khan Bani Said")?.name).toBe("Khan Bani Sad");
  });

  it("keeps an island named before 'island' as a place of the story", () => {
    expect(events("A ferry sank on Thursday at a lake on Indonesia's Sumatra island.").places).toContain("Sumatra");
  });

  it("drops a faith's adjective before a neighbourhood's name", () => {
    expect(findPlaces("fighting in the predominantly Sunni Adhamiya neighborhood of Baghdad").map((p) => p.name)).toEqual(["Adhamiya", "Baghdad"]);
  });

  it("keeps a town the speech pass half-read as a person who 'said'", () => {
    const text = "Coalition forces detained five suspects during operations in the Khan Bani Said area, north of Baghdad, on Thursday.";
    const extraction = extractArticle(text, { publishedAt: "2018-09-28", headline: null });
    expect(extraction.places).toContain("Khan Bani Sad");
    expect(extraction.incidents.map((i) => [i.type, i.place])).toEqual([["arrest", "Khan Bani Sad"]]);
  });
});

describe("dates", () => {
  it("reads 'N months ago' in a clause of 'since' as no date of the incident", () => {
    expect(findDates("the deadliest attack since the prime minister visited the region two months ago", "2018-09-28")).toEqual([]);
    expect(findDates("the attack two months ago", "2018-09-28").map((d) => d.precision)).toEqual(["month"]);
  });
});
