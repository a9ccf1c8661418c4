import { describe, expect, it } from "vitest";
import { findPlaces } from "../../../src/extraction/events/gazetteer.js";
import { events, only } from "./events-support.js";

// Issue 18's fifth pass on the events pass: one class of error per test, on sentences written
// for this file (published on Friday 2018-09-28 unless a test says otherwise).

const summary = (text: string) => events(text).incidents.map((i) => `${i.type}@${i.place ?? "-"}`);

describe("undated incidents", () => {
  it("gives an incident the story does not date the publication day as its latest day, and nothing else", () => {
    expect(only("Police detained a local council member in Mombasa.")).toMatchObject({ date: null, dateEarliest: null, dateLatest: "2018-09-28", datePrecision: "unknown" });
    expect(only("Police detained a local council member in Mombasa on Wednesday.")).toMatchObject({ date: "2018-09-26", dateLatest: "2018-09-26" });
  });
});

describe("operation reports: arrests by city", () => {
  it("reads a capture of suspects, leaders or operatives, active or passive, as an arrest", () => {
    expect(only("In Kandahar, troops captured a wanted individual linked to smuggling networks.").type).toBe("arrest");
    expect(only("Troops used tips from residents to capture a suspected cell leader near Kirkuk.").type).toBe("arrest");
    expect(only("During a raid in Mosul, two suspects were captured.")).toMatchObject({ type: "arrest", place: "Mosul" });
    expect(only("Also in Tikrit, troops captured an alleged mid-level Ansar al-Sunna cell leader.").type).toBe("arrest");
    // The noun is no arrest of its own ("resulted in the capture of").
    expect(events("The operation aimed at the capture of the network's leaders.").incidents).toEqual([]);
  });

  it("does not let a lede that sums several operations swallow the arrests it details by city", () => {
    const text =
      "Coalition forces detained 12 suspected insurgents during several operations today across northern Iraq, officials said.\n\n" +
      "In Kirkuk, troops captured three suspects believed to run a weapons network.\n\n" +
      "During a raid in Mosul, four suspects were detained.\n\n" +
      "Soldiers killed two militants near Baqubah. Five more suspects were detained in that raid.";
    const found = summary(text);
    expect(found).toEqual(expect.arrayContaining(["arrest@Kirkuk", "arrest@Mosul", "armed_clash@Baqubah", "arrest@Baqubah"]));
    // The lede is their total, no incident of its own; its day is theirs.
    expect(found.filter((f) => f.startsWith("arrest"))).toHaveLength(3);
    expect(events(text).incidents.find((i) => i.place === "Mosul")?.date).toBe("2018-09-28");
  });
});

describe("operation reports: forces that kill fighters", () => {
  it("reads forces killing terrorists, suspects or men as a battle with its toll", () => {
    expect(only("Security forces killed three terrorists near Najaf.")).toMatchObject({ type: "armed_clash", place: "Najaf", fatalities: { min: 3, max: 3 } });
    expect(only("Near Karbala, coalition forces killed a suspected terrorist.").type).toBe("armed_clash");
    expect(only("Perceiving hostile intent, the patrol engaged, killing two insurgents near Tikrit.").type).toBe("armed_clash");
  });
});

describe("attack words that describe suspects or weapons, not an event", () => {
  it("drops attacks a suspect is linked to, suspected of or believed to plan", () => {
    // (A place after the dropped word stays that word's, as before: "arrested people planning attacks in Warsaw".)
    expect(summary("In Kano, police arrested a man suspected of bombings.")).toEqual(["arrest@Kano"]);
    expect(summary("In Kano, troops captured two suspects with ties to recent insurgent attacks.")).toEqual(["arrest@Kano"]);
    expect(summary("In Kano, police detained a man believed to be a leader of an improvised explosive device cell.")).toEqual(["arrest@Kano"]);
  });

  it("drops weapons that are only objects: wire used to detonate bombs, a cache's contents, assault rifles", () => {
    expect(events("Troops found two men carrying wire used to detonate roadside bombs.").incidents).toEqual([]);
    expect(events("Soldiers found a weapons cache that included mortar rounds and three IEDs.").incidents).toEqual([]);
    expect(events("A search of the house revealed four assault rifles.").incidents).toEqual([]);
    // A device used in an attack still reports that attack.
    expect(only("The military said an explosive device was used in the attack near Hilla on Monday.").type).toBe("attack");
  });
});

describe("evacuations and expulsions that are not events of their own", () => {
  it("drops a casualty's medical evacuation and attackers who fled", () => {
    expect(summary("A soldier was wounded in an attack near Tikrit. He was medically evacuated to a field hospital.")).toEqual(["attack@Tikrit"]);
    expect(summary("A soldier was wounded in an attack near Tikrit. He was evacuated to a military hospital for treatment.")).toEqual(["attack@Tikrit"]);
    expect(summary("Gunmen attacked a checkpoint near Tikrit, but the insurgents had fled the area when troops arrived.")).toEqual(["attack@Tikrit"]);
    // People who flee their homes are still displaced.
    expect(only("Thousands of residents fled their homes in Marawi.").type).toBe("evacuation");
  });

  it("reads expelling an armed group as no diplomatic action, expelling diplomats as one", () => {
    expect(events("Troops continued operations to expel al-Qaida from the province.").incidents).toEqual([]);
    expect(only("Kenya expelled two diplomats on Monday.").type).toBe("diplomatic_action");
  });
});

describe("operations reports: the lede's day", () => {
  it("gives the arrests and battles a dated operations lede details without a day of their own its day", () => {
    const text =
      "Coalition forces killed two insurgents and detained five suspects during an operation yesterday near Ramadi, officials said.\n\n" +
      "In Mosul, troops captured two suspects with ties to a smuggling ring.";
    const mosul = events(text).incidents.find((i) => i.place === "Mosul");
    expect(mosul).toMatchObject({ type: "arrest", date: "2018-09-27" });
    // A statement's background attack is no operation: it keeps no day but the publication's latest.
    const statement = "The United States condemns today's attack in Kabul. It follows an attack in Herat.";
    expect(events(statement).incidents.find((i) => i.place === "Herat")).toMatchObject({ date: null, dateLatest: "2018-09-28" });
  });
});

describe("places that open the sentence", () => {
  it("reads a town after a sentence-initial 'Near', 'Outside' or compass 'of' as a place, not the compass word as a region", () => {
    expect(findPlaces("Near Dalvanti, troops detained two suspects.").map((p) => p.name)).toEqual(["Dalvanti"]);
    expect(findPlaces("Northwest of Qarabagh, five suspects were detained.").map((p) => [p.name, p.kind])).toEqual([["Qarabagh", "locality"]]);
    // A known place opening the name ends it: a title-case headline's next word is no part of it.
    expect(findPlaces("Roadside Bomb North of Baghdad Kills Three").map((p) => p.name)).toEqual(["Baghdad"]);
  });

  it("makes each place of a fronted list the place of one incident", () => {
    expect(summary("Near Samarra and Baghdad, troops detained seven more suspects.")).toEqual(["arrest@Samarra", "arrest@Baghdad"]);
    // One fronted place stays one incident.
    expect(summary("Near Samarra, troops detained seven more suspects.")).toEqual(["arrest@Samarra"]);
  });

  it("keeps a country as the place when a weekday follows its name", () => {
    expect(only("Police in Kenya Sunday fired tear gas to disperse the crowd.").place).toBe("Kenya");
  });

  it("drops the evacuation of casualties as a casualty's transport", () => {
    expect(summary("A bomb exploded in Baqubah. Soldiers helped in evacuating casualties.")).toEqual(["attack@Baqubah"]);
  });
});

describe("counts, place nouns and group names", () => {
  it("reads 'two dozen' as 24", () => {
    expect(only("At least two dozen people were injured in a blast in Lagos.").injuries.min).toBe(24);
  });

  it("locates an incident 'in another section of' a city in that city", () => {
    expect(only("In another section of Baghdad, three more suspects were captured.").place).toBe("Baghdad");
  });

  it("reads an attack word that names what a group or its members do as no event", () => {
    expect(summary("In Mosul, troops detained ten suspects while targeting bombing and facilitation networks.")).toEqual(["arrest@Mosul"]);
    expect(summary("Among the suspects detained in Basra was a former car bomb cell leader.")).toEqual(["arrest@Basra"]);
  });
});

describe("fighting back", () => {
  it("reads forces that return fire after an attack as part of that incident, and alone as a battle", () => {
    // After an attack the story reports, the fight back is no second incident.
    expect(summary("Gunmen attacked a checkpoint near Kandahar on Monday. The soldiers returned fire.")).toHaveLength(1);
    // With nothing before it, forces that return fire and kill fought a battle, with its toll.
    expect(only("Troops near Gardez returned fire, killing two.")).toMatchObject({ type: "armed_clash", fatalities: { min: 2, max: 2 } });
  });
});
