import { describe, expect, it } from "vitest";
import { events, only } from "./events-support.js";

// Issue 18's seventh pass on the events pass: one class of error per test, on sentences written
// for this file (published on Friday 2018-09-28 unless a test says otherwise).

const summary = (text: string) => events(text).incidents.map((i) => ({ type: i.type, place: i.place, fatalities: i.fatalities.min, injuries: i.injuries.min }));

describe("operations reports", () => {
  it("places a report in the town its paragraph named after the last incident was reported", () => {
    const text =
      "Soldiers detained four suspects in Kirkuk on Thursday.\n\nNortheast of Mosul on Thursday, soldiers searched a compound. Troops captured three suspected terrorists.";
    expect(summary(text).map((i) => [i.type, i.place])).toEqual([
      ["arrest", "Kirkuk"],
      ["arrest", "Mosul"],
    ]);
  });

  it("reads a lede over 'the past three days' as a roundup of the reports that follow", () => {
    const text =
      "Coalition forces detained 12 suspects in Iraq over the past three days, officials said.\n\nNortheast of Mosul on Thursday, soldiers searched a compound. Troops captured five suspected terrorists.\n\nIn Kirkuk on Wednesday, troops detained seven suspects.";
    expect(summary(text).map((i) => [i.type, i.place])).toEqual([
      ["arrest", "Mosul"],
      ["arrest", "Kirkuk"],
    ]);
  });
});

describe("battles", () => {
  it("reads forces that engaged the insurgents, killing some, as a battle with its toll", () => {
    const incident = only("Troops found three armed insurgents near Tikrit on Monday. After the insurgents failed to disarm, the troops engaged them, killing three.");
    expect([incident.type, incident.fatalities.min]).toEqual(["armed_clash", 3]);
  });

  it("reads soldiers of a named unit who killed an insurgent as a battle", () => {
    expect(only("On Monday, soldiers of the 101st Airborne Division killed an insurgent and wounded another near Hawijah.").type).toBe("armed_clash");
  });

  it("reads 'nabbed' a suspect as an arrest", () => {
    expect(only("Police nabbed a suspected smuggler in Basra on Tuesday.").type).toBe("arrest");
  });
});

describe("casualty counts", () => {
  const counts = (text: string) => {
    const incident = only(text);
    return { fatalities: incident.fatalities.min, injuries: incident.injuries.min };
  };

  it("sums a list of single victims that runs on to its verb", () => {
    expect(counts("A soldier was killed when a suicide car bomb detonated outside a checkpoint in Baghdad on Monday. An Iraqi army soldier, an interpreter and an Iraqi civilian wounded in the attack were taken to a hospital.")).toEqual({ fatalities: 1, injuries: 3 });
  });

  it("sums a count and a single victim joined by 'and' across an abbreviation ('Three U.S. soldiers and an Afghan soldier')", () => {
    expect(counts("Heavy fighting broke out near Kandahar on Monday. Three U.S. servicemembers and an Afghan soldier were wounded, officials said.").injuries).toBe(4);
  });

  it("reads a subset between dashes as part of the count before it", () => {
    expect(counts("Two soldiers - one U.S., the other Afghan - were killed on Monday during heavy fighting near Kandahar.").fatalities).toBe(2);
  });

  it("reads a toll after 'killing the' ('killing the four soldiers and wounding two others')", () => {
    expect(counts("A roadside bomb struck a convoy in Baghdad on Monday, killing the four soldiers and wounding two others.")).toEqual({ fatalities: 4, injuries: 2 });
  });
});

describe("merging and splitting", () => {
  it("reads a second bomb of one attack as that attack", () => {
    const { incidents } = events("A bomb detonated near the convoy in Baghdad on Monday. A second bomb detonated shortly after the initial blast, killing four soldiers.");
    expect(incidents.map((i) => [i.type, i.fatalities.min])).toEqual([["attack", 4]]);
  });

  it("keeps an attack on the troops apart from the operations its sentence sums", () => {
    const { incidents } = events("Four soldiers died in a roadside-bomb attack in Baghdad today, and 34 suspects were detained in operations over the past three days in Iraq.\n\nIn Mosul on Thursday, troops detained five suspects.\n\nIn Kirkuk on Wednesday, troops detained seven suspects.");
    expect(incidents.filter((i) => i.type === "attack").map((i) => i.fatalities.min)).toEqual([4]);
  });
});

describe("diplomatic actions", () => {
  it("reads each country an expulsion was coordinated with as an expulsion of its own, on the day the partners are expelling", () => {
    const { incidents } = events("Kenya took the decision to expel the envoy in coordination with Uganda, Tanzania and Rwanda, which are also expelling diplomats.");
    expect(incidents.map((i) => [i.type, i.place, i.date])).toEqual([
      ["diplomatic_action", "Kenya", null],
      ["diplomatic_action", "Uganda", "2018-09-28"],
      ["diplomatic_action", "Tanzania", "2018-09-28"],
      ["diplomatic_action", "Rwanda", "2018-09-28"],
    ]);
  });

  it("dates an expulsion under way on the publication day, not by the possessive date of the event it answers", () => {
    const incident = events("The United States is expelling the country's envoy in Washington over last week's massacre in the village of Houla.").incidents.find((i) => i.type === "diplomatic_action");
    expect(incident?.date).toBe("2018-09-28");
  });

  it("reads no battle in a call for an end to fighting", () => {
    expect(events("The resolutions call for an end to fighting in Homs.").incidents).toEqual([]);
  });
});

describe("attacks", () => {
  it("reads a blast of a suicide car bomb as an attack", () => {
    expect(only("A soldier was killed in Baghdad on Monday when a suicide car bomb detonated outside a checkpoint.").type).toBe("attack");
  });

  it("reads 'the reported August 5 killing of dozens of civilians' as an attack of that day with its toll", () => {
    const incident = only("The embassy strongly condemns the reported September 25 killing of dozens of civilians in Herat province.");
    expect([incident.type, incident.date, incident.fatalities.min]).toEqual(["attack", "2018-09-25", 12]);
  });
});

describe("captures by count", () => {
  it("reads 'captured 15 suspected terrorists' as an arrest (a count between the verb and the captured)", () => {
    expect(only("Soldiers captured 15 suspected terrorists in Mosul on Tuesday.").type).toBe("arrest");
  });
});

describe("tolls that point back", () => {
  it("gives 'killed in the engagement' to the battle just reported", () => {
    const text = "A patrol came under attack in Kunar province on Monday and returned fire.\n\nTwo aircraft struck the positions.\n\nInitial reports indicate 13 insurgents were killed in the engagement.";
    expect(events(text).incidents.map((i) => [i.type, i.fatalities.min])).toEqual([["armed_clash", 13]]);
  });

  it("sums a list of victims that opens with a count ('two soldiers, a police officer and an interpreter dead')", () => {
    expect(only("The shooting in Herat on Monday left two soldiers, an Afghan police officer and a civilian interpreter dead.").fatalities.min).toBe(4);
  });
});

describe("first reports and headlines", () => {
  it("gives a toll to 'the twin bombings' when nothing was reported before them", () => {
    expect(only("The United States strongly condemns the twin suicide bombings that killed dozens of worshippers outside a shrine in Kabul.").fatalities.min).toBe(12);
  });

  it("reads an armed group's raid as an attack with its toll", () => {
    const incident = only("At least 20 soldiers were killed and 18 others were wounded when al-Shabab raided a military base near Kismayo on Sunday.");
    expect([incident.type, incident.fatalities.min, incident.injuries.min]).toEqual(["attack", 20, 18]);
  });

  it("reads no incident in what a group goes on to 'carry out' or in soldiers 'feared to be captured'", () => {
    expect(events("The militants still control rural areas and carry out attacks.").incidents).toEqual([]);
    expect(events("Ten soldiers were missing and feared to be captured.").incidents).toEqual([]);
  });

  it("lets a headline whose title case makes up a locality join the body's one attack", () => {
    const { incidents } = events("At least eight people were killed Tuesday in a heavy al-Shabab attack on Afgoye, a town west of Mogadishu.", "Al-Shabab Attack on Town West of Somali Capital Leaves 8 Dead");
    expect(incidents.map((i) => i.type)).toEqual(["attack"]);
  });
});

describe("places", () => {
  it("places an incident in 'eastern Baghdad' in Baghdad (a compass part of a city is the city)", () => {
    expect(only("Also today, the Iraqi Army in eastern Baghdad detained two suspected terrorists.").place).toBe("Baghdad");
  });
});

describe("operations reports, the telling and the finds", () => {
  it("reads no place in where the officials who report sit ('military officials in Baghdad reported')", () => {
    expect(only("Insurgents attacked a convoy today, military officials in Baghdad reported.").place).not.toBe("Baghdad");
  });

  it("keeps witnesses 'in western Somalia' where it happened", () => {
    expect(only("Witnesses in western Somalia say at least 17 people have been killed in fresh fighting.").place).toBe("Somalia");
  });

  it("reads no attack in devices found or investigated", () => {
    expect(events("Soldiers found artillery and mortar rounds and rockets near Muqdadiyah yesterday.").incidents).toEqual([]);
    expect(events("While investigating a suspected improvised explosive device, soldiers noticed a cord running to a house near Balad.").incidents).toEqual([]);
  });

  it("reads one victim whose modifier holds a number ('another 13th COSCOM soldier was killed')", () => {
    expect(only("On Monday another 13th COSCOM soldier was killed, and two others injured in an attack near Baghdad.").fatalities.min).toBe(1);
  });
});

describe("dates", () => {
  it("dates a report by the day its paragraph's scene-setting sentence gives", () => {
    const text = "Soldiers detained four suspects in Kirkuk on Wednesday.\n\nNortheast of Mosul on Thursday, soldiers searched a compound. Troops captured three suspected terrorists.";
    expect(events(text).incidents.map((i) => [i.place, i.date])).toEqual([
      ["Kirkuk", "2018-09-26"],
      ["Mosul", "2018-09-27"],
    ]);
  });
});

describe("operations reports, fronted place and day", () => {
  it("reads a report that opens with its own place and day as an arrest of its own", () => {
    const text = "Troops detained one suspected terrorist in Baghdad today.\n\nThe spokesman praised the troops.\n\nIn eastern Baghdad today, coalition forces arrested a kidnapper and detained four other suspects.";
    expect(events(text).incidents.map((i) => [i.type, i.place])).toEqual([
      ["arrest", "Baghdad"],
      ["arrest", "Baghdad"],
    ]);
  });
});
