import { describe, expect, it } from "vitest";
import { findDates } from "../../../src/extraction/events/dates.js";
import { analyzeText } from "../../../src/extraction/text.js";
import { events } from "./events-support.js";

// Issue 18, pass h18z (triggers, dates, sentences): a full stop glued to the next sentence, a count that is a date line's
// day, victims with a phrase of their own, forces that target or raid someone, a crowd that attacks and loots, the police
// charging a crowd, a crowd's clashes with the police, "last year", people fleeing an attack inside a building, the fire of
// an explosion, an assault vest, a bomb planted somewhere that left people wounded, and "ongoing attacks". Sentences
// written for this file (published on Friday 2018-09-28).

const types = (text: string) => events(text).incidents.map((i) => i.type);

describe("a full stop glued to the next sentence", () => {
  it("splits 'were detained.Soldiers captured' into two sentences", () => {
    const sentences = analyzeText("Four men were detained.Soldiers captured a suspect in Mosul on Thursday.").sentences.map((s) => s.text);
    expect(sentences).toEqual(["Four men were detained.", "Soldiers captured a suspect in Mosul on Thursday."]);
  });

  it("keeps an address and an abbreviation run as one sentence", () => {
    expect(analyzeText("See pic.twitter.com/AbC123 for the photo.").sentences).toHaveLength(1);
    expect(analyzeText("The base is run by the U.S.Army in the north.").sentences).toHaveLength(1);
  });
});

describe("counts", () => {
  it("reads no toll from a date line's day before the verb", () => {
    const [incident] = events("TIKRIT 27 September, 2018 – Coalition forces killed two insurgents near Tikrit on Thursday.").incidents;
    expect(incident?.fatalities.min).toBe(2);
  });

  it("counts victims with a phrase of their own before the verb", () => {
    const [incident] = events("Six police officers on guard duty at the time were wounded when a bomb exploded in Kirkuk on Thursday.").incidents;
    expect(incident?.injuries.min).toBe(6);
  });
});

describe("forces that target or raid someone", () => {
  it("reads forces that targeted a facilitator as an arrest", () => {
    expect(types("Coalition forces targeted a suspected bomb facilitator at a house near Tikrit on Thursday.")).toEqual(["arrest"]);
  });

  it("reads troops that raided a compound as an arrest", () => {
    expect(types("Troops raided a compound near Baqubah on Thursday.")).toEqual(["arrest"]);
  });

  it("still reads insurgents who targeted a patrol as an attack", () => {
    expect(types("Insurgents targeted a police patrol near Tikrit on Thursday.")).toEqual(["attack"]);
  });
});

describe("crowds and the police", () => {
  it("reads a crowd that attacked and looted a warehouse as a riot", () => {
    expect(types("Hundreds of youths attacked and looted a government warehouse in Beni on Thursday.")).toEqual(["riot"]);
  });

  it("reads riot police charging a protest camp as an attack", () => {
    expect(types("Riot police charged the protest camp in Harare late Thursday.")).toContain("attack");
  });

  it("reads security personnel who moved in on a camp as an attack", () => {
    expect(types("Dozens of security personnel armed with clubs moved in on the camp in Harare on Thursday, causing the crowd to flee.")).toContain("attack");
  });

  it("reads a clash at a police barricade as a riot", () => {
    expect(types("Another clash broke out at a police barricade near the parliament in Harare on Thursday.")).toEqual(["riot"]);
  });

  it("reads the police charging men with a crime as no attack", () => {
    expect(types("Police charged three men with murder in Harare on Thursday.")).not.toContain("attack");
  });

  it("reads a crowd's clashes with riot police as a riot, no battle", () => {
    const found = types("Students marched through Dhaka on Thursday before clashes with riot police left 12 people hurt.");
    expect(found).toContain("riot");
    expect(found).not.toContain("armed_clash");
  });

  it("reads attacks a crowd calls ongoing as no incident of the story's", () => {
    expect(types("Protesters marched in Beni on Thursday, saying villagers are vulnerable to ongoing attacks by rebels.")).not.toContain("attack");
  });
});

describe("dates", () => {
  it("reads 'last year' as the calendar year before publication", () => {
    const [date] = findDates("Rebels shelled the camp last year.", "2018-09-28");
    expect(date).toMatchObject({ date: null, precision: "unknown", earliest: "2017-01-01", latest: "2017-12-31" });
  });

  it("leaves 'June of last year' to the month", () => {
    const dates = findDates("Rebels shelled the camp in June of last year.", "2018-09-28");
    expect(dates.map((d) => d.text)).toEqual(["in June"]);
  });
});

describe("no incident of its own", () => {
  it("reads people who fled to escape the gunmen as no evacuation", () => {
    expect(types("Gunmen stormed a bar in Culiacan on Thursday, killing four, and customers fled to escape the gunmen.")).not.toContain("evacuation");
  });

  it("reads the fire of an explosion as the explosion", () => {
    expect(types("A gas explosion and fire that killed two people tore through a building in Kazan on Thursday.")).toEqual(["explosion"]);
  });

  it("reads an assault vest as gear, no attack", () => {
    expect(types("Soldiers detained a man wearing an assault vest in Mosul on Thursday.")).toEqual(["arrest"]);
  });
});

describe("a bomb planted somewhere", () => {
  it("reads a bomb planted in a minibus that left people wounded as an attack with its toll", () => {
    const [incident] = events("A bomb, planted in a minibus in the Karrada district of Baghdad, left five people wounded on Thursday.").incidents;
    expect(incident?.type).toBe("attack");
    expect(incident?.injuries.min).toBe(5);
  });
});
