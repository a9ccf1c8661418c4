import { describe, expect, it } from "vitest";
import { findQuantities } from "../../../src/extraction/events/numbers.js";
import { analyzeText } from "../../../src/extraction/text.js";
import { events, only } from "./events-support.js";

// Issue 18's sixth pass on the events pass: one class of error per test, on sentences written
// for this file (published on Friday 2018-09-28 unless a test says otherwise).

const counts = (text: string) => {
  const incident = only(text);
  return { fatalities: incident.fatalities.min, injuries: incident.injuries.min };
};

describe("casualty counts", () => {
  it("reads no casualties in counts of weapons, vehicles or buildings", () => {
    expect(findQuantities("Militants fired more than 40 rockets and two mortar rounds.")).toEqual([]);
    expect(counts("Gunmen attacked a checkpoint near Kirkuk on Tuesday, firing more than 40 rockets and wounding a policeman.")).toEqual({ fatalities: null, injuries: 1 });
  });

  it("reads a figure repeated in digits as one count ('two (2) fighters were killed')", () => {
    expect(counts("The airstrike near Kismayo on Tuesday killed three (3) fighters, and one (1) fighter was wounded.")).toEqual({ fatalities: 3, injuries: 1 });
  });

  it("reaches the verb across an aside set off by commas", () => {
    // ("Two other men" are besides the three: the sixteenth pass adds victims told as others, 3 + 2.)
    expect(counts("Three men were wounded in a shooting in Herat on Monday. Two other men, standing near the gate of the market, were wounded in the shooting.").injuries).toBe(5);
    expect(counts("Two bystanders, waiting outside the bank, were wounded in a shooting in Herat on Monday.").injuries).toBe(2);
  });

  it("reads one victim whose noun runs on a word or whose unit holds a number", () => {
    expect(counts("A soldier with the 4th Infantry Division was killed and a civilian interpreter was wounded in an attack near Kirkuk on Monday.")).toEqual({ fatalities: 1, injuries: 1 });
  });

  it("reads 'killed a terrorist and wounded another' as one killed and one wounded", () => {
    expect(counts("Soldiers killed a terrorist and wounded another near Baqubah on Wednesday.")).toEqual({ fatalities: 1, injuries: 1 });
  });
});

describe("battles", () => {
  it("reads forces that kill militia members as a battle", () => {
    expect(only("Iraqi forces killed six militia members near Kut on Sunday.").type).toBe("armed_clash");
  });

  it("reads an attack that forces came under as a battle when the story then calls it 'the fire fight'", () => {
    const text = "Soldiers were on a patrol near Kut when they came under a small arms fire attack from a canal.\nFollowing the fire fight, troops searched the area.";
    expect(events(text).incidents.map((i) => i.type)).toEqual(["armed_clash"]);
    expect(events("Soldiers were on a patrol near Kut when they came under a small arms fire attack from a canal.").incidents.map((i) => i.type)).toEqual(["attack"]);
  });

  it("keeps a battle's type when a later sentence calls it 'their attack'", () => {
    const text = "Iraqi forces killed six militia members near Kut on Sunday. Air support destroyed two buildings the militiamen used for cover during their attack.";
    expect(events(text).incidents.map((i) => i.type)).toEqual(["armed_clash"]);
  });
});

describe("event words that report no incident, and incidents named otherwise", () => {
  it("drops attacks someone took part in and running totals", () => {
    expect(only("An airstrike near Jilib on Tuesday killed a militant. Before the strike, forces watched the militant participating in attacks on a convoy.").type).toBe("attack");
    const evacuated = events("The Navy evacuated 40 more citizens from Beirut on Monday. This brings the total of citizens evacuated from the country to 900.").incidents;
    expect(evacuated.map((i) => `${i.type}@${i.place}`)).toEqual(["evacuation@Beirut"]);
  });

  it("reads 'fighting' before a noun it modifies as no battle", () => {
    expect(only("The airstrike hit an enemy fighting position near Jilib on Tuesday.").type).toBe("attack");
  });

  it("reads a terrorist incident as an attack, and a strike people were killed in as an attack", () => {
    expect(only("The embassy condemns the terrorist incident in Cairo yesterday.")).toMatchObject({ type: "attack", place: "Cairo", date: "2018-09-27" });
    expect(only("Two militants were killed in the strike near Jilib on Tuesday.")).toMatchObject({ type: "attack", fatalities: { min: 2, max: 2 } });
    // A walkout is still no attack.
    expect(events("Workers in the strike at the port of Mombasa demanded higher pay.").incidents.filter((i) => i.type === "attack")).toEqual([]);
  });
});

describe("dates", () => {
  it("reads 'in recent days' as the week up to publication", () => {
    expect(only("The Navy evacuated 40 citizens from Beirut in recent days, a spokesman said.")).toMatchObject({ dateEarliest: "2018-09-21", dateLatest: "2018-09-28", datePrecision: "week" });
  });
});

describe("gazetteer: newsroom spellings of GeoNames cities", () => {
  it("finds Ramadi, Tal Afar, Tikrit, Hillah and Diwaniyah under the names the wires use", () => {
    for (const [sentence, place] of [
      ["Gunmen attacked a police station in Ramadi on Tuesday.", "Ramadi"],
      ["Gunmen attacked a police station in Tal Afar on Tuesday.", "Tal Afar"],
      ["Gunmen attacked a police station in Tikrit on Tuesday.", "Tikrit"],
      ["Gunmen attacked a police station in Hillah on Tuesday.", "Hillah"],
      ["Gunmen attacked a police station in Diwaniya on Tuesday.", "Diwaniyah"],
    ] as const)
      expect(only(sentence).place).toBe(place);
  });
});

describe("one attack reported over several sentences", () => {
  it("reads no toll in the attackers' claim", () => {
    const text = "Militants attacked an army base near Jowhar on Sunday, killing at least five soldiers. The group claimed killing 40 troops.";
    expect(only(text).fatalities.min).toBe(5);
  });

  it("moves an attack from a city named as a reference point to the town the story names next", () => {
    const text =
      "Militants attacked a military base killing at least five soldiers north of the main city of Kismayo, officials said.\n\n" +
      "Officials said militants stormed the base early Sunday at Qandala town.";
    expect(events(text).incidents.map((i) => `${i.type}@${i.place}`)).toEqual(["attack@Qandala"]);
  });

  it("keeps an ambush of the reinforcements apart from the attack they were sent to", () => {
    const text = "Militants attacked a police post in Jowhar on Sunday, killing three officers. Reinforcements sent from Mogadishu were ambushed.";
    const attacks = events(text).incidents.filter((i) => i.type === "attack");
    expect(attacks).toHaveLength(2);
    // ... on the attack's day, which the ambush sentence does not repeat.
    expect(attacks.map((i) => i.date)).toEqual(["2018-09-23", "2018-09-23"]);
  });

  it("reads 'the fighting' and 'the fire fight' as the incident already reported, not 'the shooting death of'", () => {
    const text = "Gunmen attacked a police post in Jowhar on Sunday, killing three officers. Officials said the fighting lasted two hours.";
    expect(events(text).incidents.map((i) => i.type)).toEqual(["attack"]);
    expect(events("Troops came under fire near Jowhar on Sunday and called in air support. Following the fire fight, troops searched the area.").incidents).toHaveLength(1);
    const protest = events("Protesters marched in Jowhar on Sunday, following the shooting death of a teenager by a police officer.").incidents;
    expect(protest.map((i) => i.type).sort()).toEqual(["attack", "protest"]);
  });
});

describe("places", () => {
  it("locates an incident 'southeast of' a city as it does 'south of' one", () => {
    const text =
      "Soldiers detained two suspects and killed four militants in several operations in Iraq today.\n\n" +
      "Soldiers detained two suspected terrorists during a search southeast of Baghdad.";
    expect(events(text).incidents.find((i) => i.type === "arrest" && i.place === "Baghdad")).toBeDefined();
  });
});

describe("operations reports", () => {
  it("reads a date alone before a dash at the top as the release's dateline, not the incidents' day", () => {
    const text = "July 9, 2007 – Iraqi forces detained six suspects in Iraq, officials said.";
    expect(only(text)).toMatchObject({ date: null, dateEarliest: null });
  });

  it("drops a lede that sums operations when one incident of its kind follows at a finer place", () => {
    const text =
      "Iraqi and coalition forces killed nine insurgents, detained 15 others, and uncovered weapons during recent operations in Iraq, officials said.\n\n" +
      "In fighting July 7 near Kut, Iraqi forces killed nine militia members.";
    expect(events(text, null, "2007-07-09").incidents.filter((i) => i.type === "armed_clash").map((i) => i.place)).toEqual(["Kut"]);
  });

  it("keeps a later report with a day of its own out of an undated roundup", () => {
    const text =
      "Coalition forces detained 16 suspects during multiple operations in Iraq, officials said.\n\n" +
      "Iraqi special forces detained seven suspects in a July 7 operation.";
    const arrests = events(text, null, "2007-07-09").incidents.filter((i) => i.type === "arrest");
    expect(arrests.map((i) => i.date)).toContain("2007-07-07");
  });
});

describe("several incidents in one plural report", () => {
  it("reads 'attacks in June and in September' as one incident a month, and a toll 'in those attacks' as none of theirs", () => {
    const text = "Militants attacked a base near Jowhar on Friday. The group carried out similar attacks on army posts in June and in September of last year. Dozens of soldiers were killed in those attacks.";
    const found = events(text, null, "2016-01-15").incidents.filter((i) => i.datePrecision === "month");
    expect(found.map((i) => i.date)).toEqual(["2015-06-01", "2015-09-01"]);
    expect(found.every((i) => i.fatalities.min === null)).toBe(true);
  });
});

describe("dates of an operations report", () => {
  it("gives the day of a lede that sums operations to every report after it without a day, whatever its type", () => {
    const text =
      "Soldiers detained two suspects and seized weapons in several different operations in Iraq today, officials said.\n\n" +
      "Soldiers detained two suspects during a search southeast of Baghdad.\n\n" +
      "Elsewhere, four militants were killed in an air strike near Yusufiyah.";
    const strike = events(text, null, "2006-08-08").incidents.find((i) => i.type === "attack");
    expect(strike?.date).toBe("2006-08-08");
  });
});

describe("the story's thread", () => {
  it("places an incident without a place of its own in a town the last paragraphs named, before a country in the headline", () => {
    const text =
      "Attack in Cameroon Sows Panic\n\n" +
      "A farmer cries as her husband is buried in the village of Dschang-Ouest on the border.\n\n" +
      "Mourners say that since the attack took place, the market has been empty.";
    expect(events(text, "Attack in Cameroon Sows Panic").incidents.find((i) => i.type === "attack")?.place).toBe("Dschang-Ouest");
  });
});

describe("hard-wrapped copy", () => {
  it("reads a sentence broken over two lines, the second going on in lower case, as one paragraph", () => {
    const text = "In a separate incident, soldiers detained five suspected\nterrorists while conducting operations near Kut on Oct 5.";
    expect(analyzeText(text).paragraphs).toHaveLength(1);
    // The place and the day on the second line are the arrest's (published 2018-09-28: last year's Oct 5).
    expect(only(text)).toMatchObject({ type: "arrest", place: "Kut", date: "2017-10-05" });
  });

  it("keeps lines apart when the first ends on a name or a full stop (a byline, a new sentence)", () => {
    expect(analyzeText("As delivered by Harry Kamian\nto the Permanent Council").paragraphs).toHaveLength(2);
    expect(analyzeText("Soldiers detained five suspects.\nthe next day, more were held").paragraphs).toHaveLength(2);
    expect(analyzeText("Soldiers detained five\n\nsuspects").paragraphs).toHaveLength(2);
  });
});
