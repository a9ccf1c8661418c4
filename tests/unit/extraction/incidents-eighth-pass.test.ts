import { describe, expect, it } from "vitest";
import { events, only } from "./events-support.js";

// Issue 18's eighth pass on the events pass, studied over every scored incident batch at once:
// one class of error per test, on sentences written for this file (published on Friday
// 2018-09-28 unless a test says otherwise).

const summary = (text: string) => events(text).incidents.map((i) => ({ type: i.type, place: i.place, fatalities: i.fatalities.min, injuries: i.injuries.min }));

describe("battles in operations reports", () => {
  it("reads forces that killed fighters as a battle across an aside between them and the verb", () => {
    const incident = only("Iraqi police, backed by army units, killed three insurgents near Kirkuk on Tuesday.");
    expect([incident.type, incident.place, incident.fatalities.min]).toEqual(["armed_clash", "Kirkuk", 3]);
    expect(only("Soldiers targeting a weapons smuggler killed four insurgents near Ramadi on Monday.").type).toBe("armed_clash");
  });

  it("reads fighters killed in the passive as a battle with its toll", () => {
    const incident = only("Three insurgents threatened the convoy and were killed near Kandahar on Tuesday.");
    expect([incident.type, incident.place, incident.fatalities.min]).toEqual(["armed_clash", "Kandahar", 3]);
  });

  it("keeps fighters killed in an attack as the attack's toll, with no battle beside it", () => {
    expect(summary("Four policemen and six militants were killed on Monday when gunmen stormed a checkpoint near Mosul.")).toEqual([
      { type: "attack", place: "Mosul", fatalities: 10, injuries: null },
    ]);
  });

  it("reads fighters that engaged a single force as a battle", () => {
    expect(only("Two insurgents engaged the approaching force near Basra on Monday.").type).toBe("armed_clash");
  });
});

describe("fights back", () => {
  it("reads a fight back after an arrest elsewhere as a battle of that operation, with its day and toll", () => {
    const text =
      "Soldiers killed an insurgent near Kirkuk on Wednesday.\n\nElsewhere, troops detained four suspects in Mosul on Tuesday.\n\nThe troops came under small-arms fire at the house. They returned fire, killing two.";
    expect(events(text).incidents.map((i) => [i.type, i.place, i.date, i.fatalities.min])).toEqual([
      ["armed_clash", "Kirkuk", "2018-09-26", 1],
      ["arrest", "Mosul", "2018-09-25", null],
      ["armed_clash", "Mosul", "2018-09-25", 2],
    ]);
  });

  // (Nineteenth pass: the raid that kills and detains is one arrest carrying its dead; the fight back after it is a battle of that operation.)
  it("keeps a raid's dead on its arrest and a fight back after it a battle of the operation", () => {
    const text = "Troops killed three insurgents and detained two suspects during a raid in Mosul on Tuesday. Soldiers came under fire and returned fire.";
    expect(summary(text)).toEqual([
      { type: "arrest", place: "Mosul", fatalities: 3, injuries: null },
      { type: "armed_clash", place: "Mosul", fatalities: null, injuries: null },
    ]);
  });
});

describe("attacks", () => {
  it("reads a blast the headline calls terrorist as an attack", () => {
    const text = "Terrorist Explosions Kill Five in Basra\n\nIn Basra on Monday, five people were killed and nine were injured by an explosion.";
    expect(events(text, "Terrorist Explosions Kill Five in Basra").incidents.map((i) => [i.type, i.place, i.fatalities.min, i.injuries.min])).toEqual([["attack", "Basra", 5, 9]]);
  });

  it("reads fired weapons that hit something as an attack", () => {
    const incident = only("Five soldiers were wounded when rockets struck their base near Kandahar on Sunday.");
    expect([incident.type, incident.place, incident.injuries.min]).toEqual(["attack", "Kandahar", 5]);
  });

  it("sets a sentence opening 'In a separate attack' apart once, not each of its words", () => {
    const text =
      "A soldier was killed by a roadside bomb near Kirkuk on Monday.\n\nIn a separate attack near Mosul on Monday, four soldiers were wounded when their vehicle struck an improvised explosive device.";
    expect(summary(text)).toEqual([
      { type: "attack", place: "Kirkuk", fatalities: 1, injuries: null },
      { type: "attack", place: "Mosul", fatalities: null, injuries: 4 },
    ]);
  });
});

describe("tolls", () => {
  it("reads 'resulting in the death of one soldier' as a toll, and a regime 'responsible for killing thousands' as no toll", () => {
    expect(only("Militants attacked a convoy near Kandahar on Monday, resulting in the death of one soldier.").fatalities.min).toBe(1);
    const text = "Airstrikes killed 12 people in a market in Aleppo on Sunday. The regime is responsible for killing thousands of civilians.";
    expect(only(text).fatalities.min).toBe(12);
  });

  it("reads the attackers killed after a group's attack as theirs, no battle of its own, and keeps the victims' toll", () => {
    const text =
      "At least nine soldiers were killed on Tuesday when al-Nusra fighters attacked an army post near Homs.\n\nA commander said the troops killed 15 of the attackers.\n\nAnother official said 20 insurgents were killed by the army, but gave no figure for soldiers killed in the attack.";
    expect(summary(text)).toEqual([{ type: "attack", place: "Homs", fatalities: 9, injuries: null }]);
  });

  it("reads the toll the group that claimed responsibility says it inflicted as its claim, not the toll", () => {
    const text = "Four guards were killed when militants attacked a checkpoint near Kirkuk on Monday. The group, which claimed responsibility for the attack, said it killed at least 30 soldiers.";
    expect(only(text).fatalities.min).toBe(4);
  });

  it("counts a single victim named by trade after a count joined by 'and'", () => {
    expect(only("Three police officers and a cameraman were killed when a car bomb exploded in Mosul on Monday.").fatalities.min).toBe(4);
  });
});

describe("statements that condemn several attacks", () => {
  it("reads each 'We also condemn' and 'We further condemn' as another incident, with its own toll", () => {
    const text =
      "The Embassy condemns today's bombing in Kandahar that killed at least 12 people. We also condemn the cowardly attacks on the police headquarters in Kandahar that killed four officers and wounded nine. We further condemn the suicide attack in Helmand province that killed at least six civilians.";
    expect(summary(text)).toEqual([
      { type: "attack", place: "Kandahar", fatalities: 12, injuries: null },
      { type: "attack", place: "Kandahar", fatalities: 4, injuries: 9 },
      { type: "attack", place: "Helmand", fatalities: 6, injuries: null },
    ]);
  });
});

describe("protests", () => {
  it("reads a protest 'in the cities of' a list as one protest a city", () => {
    const text = "Students marched on Tuesday in the cities of Lyon, Marseille and Toulouse against the new fees.";
    expect(summary(text).map((i) => [i.type, i.place])).toEqual([
      ["protest", "Lyon"],
      ["protest", "Marseille"],
      ["protest", "Toulouse"],
    ]);
  });

  it("reads one protester killed and others hospitalized as the protest's toll", () => {
    const incident = only("Police said one protester was killed in Nakuru on Monday and three others hospitalized.");
    expect([incident.type, incident.place, incident.fatalities.min, incident.injuries.min]).toEqual(["protest", "Nakuru", 1, 3]);
  });
});

describe("operations reports: leads and threads", () => {
  it("reads an operation that 'netted' a suspect as an arrest, and one that netted weapons as none", () => {
    expect(only("Troops in Mosul on Tuesday conducted a raid that netted a man suspected of bombings.").type).toBe("arrest");
    expect(events("A raid in Mosul on Tuesday netted a stockpile of mortar rounds and rifles.").incidents).toEqual([]);
  });

  it("reads a lede over 'anti-smuggling border operations' as the roundup of the reports that follow", () => {
    const text =
      "WASHINGTON, Sept. 28, 2018 – Soldiers killed four insurgents and detained nine suspects today during anti-smuggling border operations in northern Iraq.\n\nThree insurgents were killed near Tikrit. Five suspects were detained.\n\nNear Kirkuk, soldiers killed an insurgent and detained four suspects.";
    expect(summary(text).map((i) => [i.type, i.place, i.fatalities])).toEqual([
      ["armed_clash", "Tikrit", 3],
      ["arrest", "Tikrit", null],
      // (Nineteenth pass: a raid that kills and detains in one sentence is one arrest carrying its dead.)
      ["arrest", "Kirkuk", 1],
    ]);
  });

  it("keeps a report without a place in the town of the last incident, not a region its sentence named as a setting", () => {
    const text = "Two insurgents were killed near Tikrit on Monday, where troops targeted a network operating in Kirkuk province. Four suspects were detained.";
    expect(summary(text).map((i) => [i.type, i.place])).toEqual([
      ["armed_clash", "Tikrit"],
      ["arrest", "Tikrit"],
    ]);
  });

  it("does not join arrests listed at towns of their own to one placed by the story's thread", () => {
    const text = "Troops killed two insurgents in the village of Albu Hayat on Monday. Six suspects were detained.\n\nNear Samarra and Tikrit, troops detained three more suspects on Monday.";
    expect(summary(text).map((i) => [i.type, i.place])).toEqual([
      ["armed_clash", "Albu Hayat"],
      ["arrest", "Albu Hayat"],
      ["arrest", "Samarra"],
      ["arrest", "Tikrit"],
    ]);
    // One town of its own may say where the thread's arrest was.
    const one = "Police evacuated villages outside Patras on Tuesday, and arrested a man suspected of arson.\n\nThe man was arrested on Monday near the village of Kato Achaia.";
    expect(summary(one).map((i) => i.type)).toEqual(["evacuation", "arrest"]);
  });
});

describe("dates", () => {
  it("dates an incident the story leads with in the present perfect, and dates nowhere, on the publication day", () => {
    const incident = only("A car bomb has killed seven soldiers at a checkpoint near Mosul.");
    expect([incident.date, incident.datePrecision]).toEqual(["2018-09-28", "day"]);
  });

  it("keeps the day the words give, and no day for a present perfect over a span or inside a quotation", () => {
    expect(only("A car bomb has killed seven soldiers near Mosul. The bomb exploded on Wednesday.").date).toBe("2018-09-26");
    const span = only("Gunmen have killed 40 villagers near Maiduguri over the past two weeks.");
    expect([span.date, span.dateLatest]).toEqual([null, "2018-09-28"]);
    expect(only("“Gunmen have attacked our village near Maiduguri,” a farmer said.").date).toBeNull();
    // Further down the story, the present perfect sums up ("have died ... after clashes"): no day.
    const later = events("Police arrested four men in Basra, officials said.\n\nMore than a dozen people have died in clashes with police in Najaf.").incidents;
    expect(later.map((i) => [i.type, i.date])).toEqual([
      ["arrest", null],
      ["armed_clash", null],
    ]);
  });
});

describe("places", () => {
  it("reads 'the Damascus suburb of Douma' as one place, the suburb, not a list of two", () => {
    expect(summary("Airstrikes on Sunday hit a market in the Damascus suburb of Douma, where 30 people were killed.")).toEqual([
      { type: "attack", place: "Douma", fatalities: 30, injuries: null },
    ]);
  });

  it("reads a town placed by a compass bearing from a known city as the incident's place", () => {
    expect(only("Police detained four suspects on Monday in Zaghba, just west of Kirkuk.").place).toBe("Zaghba");
  });
});

describe("fights that follow an attack", () => {
  it("reads the gun battle that follows an armed group's attack as part of that attack", () => {
    const text = "Al-Nusra fighters attacked an army base near Homs on Friday, killing six soldiers.\n\nTroops at the base responded, sparking a fierce gun battle.";
    expect(summary(text)).toEqual([{ type: "attack", place: "Homs", fatalities: 6, injuries: null }]);
    const same = "Insurgents stormed two checkpoints near Kandahar on Monday, but police repelled them and ensuing clashes lasted hours.";
    expect(summary(same).map((i) => i.type)).toEqual(["attack"]);
  });

  it("keeps a battle apart after attacks reported only in the plural, as a background", () => {
    const text = "Attacks carried out by al-Nusra have been limited to the north.\n\nFierce clashes near Homs on Friday left 12 soldiers dead.";
    expect(summary(text).map((i) => i.type)).toEqual(["attack", "armed_clash"]);
  });
});
