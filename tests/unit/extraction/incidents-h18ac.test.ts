import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";
import { findDates } from "../../../src/extraction/events/dates.js";
import { findPlaces } from "../../../src/extraction/events/gazetteer.js";
import { COLLAPSE, CROWD_SEIZED_BUILDING, DISASTER_FIRE, KIDNAPPING } from "../../../src/extraction/events/triggers.js";

// h18ac (issue 18): accidents with no trigger word (collapses, a mine's fire), a crowd that takes a seat of power,
// hostages held, charges that end before the story's own report, day ranges and days in words, a town before its state.
// Every sentence here is written for the test.

const run = (text: string, publishedAt = "2025-03-12") => extractArticle(text, { publishedAt });
const byType = (text: string, type: string, publishedAt = "2025-03-12") => run(text, publishedAt).incidents.filter((i) => i.type === type);
const matches = (pattern: RegExp, text: string): string[] => [...text.matchAll(pattern)].map((m) => m[0]);
const dates = (text: string, publishedAt = "2025-03-12") => findDates(text, publishedAt).map((d) => [d.text, d.earliest, d.latest]);

describe("a structure's collapse and a disaster's fire are accidents (type other)", () => {
  it("reads a cave-in, a structure that collapsed and a collapse with a toll", () => {
    expect(matches(COLLAPSE, "Four miners died in a cave-in at a jade mine.")).toEqual(["cave-in"]);
    expect(matches(COLLAPSE, "A five-story building collapsed on Tuesday.")).toEqual(["collapsed"]);
    expect(matches(COLLAPSE, "Tuesday's mine wall collapse trapped nine workers.")).toEqual(["collapse"]);
    expect(matches(COLLAPSE, "A second collapse killed two rescuers.")).toEqual(["collapse"]);
    expect(matches(COLLAPSE, "the collapse of a pedestrian bridge over the river")).toEqual(["collapse"]);
  });

  it("leaves a government's, an economy's or talks' collapse alone", () => {
    expect(matches(COLLAPSE, "The coalition government collapsed in May after talks collapsed.")).toEqual([]);
    expect(matches(COLLAPSE, "Analysts feared the collapse of the currency.")).toEqual([]);
  });

  it("reports a mine collapse as one incident with its toll, place and day", () => {
    const text = "LIMA, March 12 (Wire) - At least four people are dead and 12 missing in a cave-in at an illegal copper mine in Peru.\n\nOfficials said the collapse occurred late Tuesday in Arequipa.";
    const [collapse, ...rest] = byType(text, "other");
    expect(rest).toHaveLength(0);
    expect(collapse?.fatalities.min).toBe(4);
    expect(collapse?.date).toBe("2025-03-11");
  });

  it("reads a fire told as a disaster by its kind, not fire aimed at people", () => {
    expect(matches(DISASTER_FIRE, "Days after Sunday's deadly underground fire in a tin mine, officials spoke.")).toEqual(["fire"]);
    expect(matches(DISASTER_FIRE, "A factory fire gutted the plant.")).toEqual(["fire"]);
    expect(matches(DISASTER_FIRE, "Troops opened deadly fire on the crowd.")).toEqual([]);
    const [fire] = byType("LIMA, March 12 (Wire) - Days after Sunday's deadly underground fire in a tin mine in Puno, officials defended safety rules.", "other");
    expect(fire?.date).toBe("2025-03-09");
  });
});

describe("a crowd's seizure of a seat of power is a riot; hostages held are a kidnapping", () => {
  it("reads a crowd that takes over or tries to storm a government building as a riot", () => {
    expect(matches(CROWD_SEIZED_BUILDING, "where at least 2,000 protesters took over the regional government building")).toEqual(["took over"]);
    expect(matches(CROWD_SEIZED_BUILDING, "demonstrators tried to storm the local police headquarters")).toEqual(["storm"]);
    expect(matches(CROWD_SEIZED_BUILDING, "protesters seized the city hall")).toEqual(["seized"]);
    // (Not a crowd's words about something else, nor forces that seize a building.)
    expect(matches(CROWD_SEIZED_BUILDING, "soldiers seized the government building")).toEqual([]);
    expect(matches(CROWD_SEIZED_BUILDING, "protesters took over the main square")).toEqual([]);
    expect(byType("OSH, March 12 (Wire) - The unrest spread to the town of Kara-Suu, where hundreds of protesters took over the local government building.", "riot")).toHaveLength(1);
  });

  it("reads someone held hostage by a crowd or gunmen, with words between", () => {
    expect(matches(KIDNAPPING, "Protesters briefly held the regional governor hostage.")).toEqual(["held the regional governor hostage"]);
    expect(matches(KIDNAPPING, "Gunmen held two aid workers hostage for a week.")).toEqual(["held two aid workers hostage"]);
    expect(matches(KIDNAPPING, "The mayor held a news conference on hostage talks.")).toEqual([]);
  });
});

describe("what stops a charge or a call from reaching the trigger", () => {
  it("keeps an arrest told after the charge the people face", () => {
    const text = "KAMPALA, March 12 (Wire) - Five people accused of making explosive devices have been arrested in a security operation in Uganda.";
    expect(byType(text, "arrest")).toHaveLength(1);
    expect(byType(text, "attack")).toHaveLength(0);
  });

  it("still drops what people are believed to have done", () => {
    const text = "BAGHDAD, March 12 (Wire) - Troops detained four men believed to have conducted two roadside bomb attacks in Baghdad.";
    expect(byType(text, "attack")).toHaveLength(0);
  });

  it("reads a call for a protest, however described, as no protest", () => {
    expect(byType("NAIROBI, March 12 (Wire) - Police linked the men to online calls for a nationwide anti-government protest.", "protest")).toHaveLength(0);
    // (A call for calm beside a protest that began is no call for that protest.)
    expect(byType("NAIROBI, March 12 (Wire) - Officials called for calm but similar protests began Tuesday in Nakuru.", "protest")).toHaveLength(1);
  });
});

describe("day ranges, days in words and the day an ongoing event is told", () => {
  it("reads 'yesterday and today' as the two days", () => {
    expect(dates("Forces detained 16 suspects yesterday and today.")).toEqual([["yesterday and today", "2025-03-11", "2025-03-12"]]);
  });

  it("reads a run from one weekday's night to the next weekday's morning", () => {
    expect(dates("an operation that started Sunday night and ended Monday morning")).toEqual([["Sunday night and ended Monday", "2025-03-09", "2025-03-10"]]);
    expect(dates("clashes from Friday evening into Saturday")).toEqual([["Friday evening into Saturday", "2025-03-07", "2025-03-08"]]);
  });

  it("reads a month's day in words", () => {
    expect(dates("There has been no contact since February sixth.")).toEqual([["February sixth", "2025-02-06", "2025-02-06"]]);
    expect(dates("It happened on March twenty-first, 2019.")).toEqual([["March twenty-first, 2019", "2019-03-21", "2019-03-21"]]);
  });

  it("dates what is still under way to the publication day", () => {
    const [riot] = byType("KAMPALA, March 12 (Wire) - Two people are dead in riots that are still underway in the Ugandan capital, Kampala.", "riot");
    expect(riot?.date).toBe("2025-03-12");
  });
});

describe("a town named before its state or province", () => {
  it("takes 'in Town, State' as a locality of that state", () => {
    const places = findPlaces("The collapse came at the Condor mine in Huntington, Utah.").map((p) => [p.name, p.kind]);
    expect(places).toEqual([["Huntington", "locality"], ["Utah", "region"]]);
  });

  it("does not take a name before a state after 'of'", () => {
    expect(findPlaces("the sheriff of Castle Dale, Utah officials said").map((p) => p.name)).toEqual(["Utah"]);
  });
});
