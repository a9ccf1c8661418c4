import { describe, expect, it } from "vitest";
import { events, incidentRows } from "./events-support.js";

// Issue 18's twelfth pass on the events pass: kinds of story beyond operations reports and bombings (kidnappings,
// protests and their dispersal, riots, looting and jail breaks, massacres told by their toll), studied over every
// scored incident batch (incidents-11 included). One class per test, on sentences written for this file (published
// on Friday 2018-09-28).


describe("kidnappings are `other`, with their takers", () => {
  it("types a kidnapping by gunmen as other, not as an attack by the gunmen", () => {
    expect(incidentRows("Gunmen have kidnapped two engineers in Kaduna on Thursday.")).toEqual([["other", "Kaduna", "2018-09-27", null, null]]);
  });

  it("reads the takers' entry in a sentence about the kidnapped as the kidnapping's, and a headline's 'Seize' too", () => {
    const text = "The kidnapped engineers were eating late Thursday, when gunmen stormed the restaurant in Kaduna and took them away.";
    expect(incidentRows(text, "Gunmen Seize Two Engineers in Nigeria").map((r) => r[0])).toEqual(["other"]);
  });

  it("reports 'were abducted' and 'taken hostage' but not a practice or a series", () => {
    expect(incidentRows("On Thursday, a nurse was abducted in the northern town of Kano.")).toEqual([["other", "Kano", "2018-09-27", null, null]]);
    expect(incidentRows("Kidnapping for ransom has become common in the region after a series of abductions.")).toEqual([]);
  });

  it("reads no new kidnapping in a release", () => {
    expect(incidentRows("Six guards who had been held hostage in Kaduna were freed unharmed on Thursday.")).toEqual([]);
  });

  it("reads no kidnapping in crimes a speaker lists inside a quotation", () => {
    expect(incidentRows('The minister said, "We will find all those who killed, kidnapped, tortured and stole."')).toEqual([]);
  });
});

describe("looting and jail breaks are `other`", () => {
  it("reports a market looted and a jail breakout", () => {
    expect(incidentRows("Part of the central market in Bangui was looted on Thursday.").map((r) => r[0])).toEqual(["other"]);
    expect(incidentRows("There was also a jail breakout in Bangui on Thursday.").map((r) => r[0])).toEqual(["other"]);
  });
});

describe("protests, their dispersal and riots", () => {
  it("makes tear gas fired at a gathering an attack, beside the gathering", () => {
    const text = "Thousands of opposition supporters rallied in Lusaka on Thursday. Police fired tear gas and rubber bullets to disperse the crowd.";
    expect(incidentRows(text).map((r) => r[0]).sort()).toEqual(["attack", "protest"]);
  });

  it("makes security forces that kill a protester an attack, not a protest", () => {
    expect(incidentRows("Police killed at least one protester in Lusaka on Thursday.")).toEqual([["attack", "Lusaka", "2018-09-27", 1, null]]);
  });

  it("reads stones, burning tires, barricades and a crowd's arson as a riot, with no protest beside it", () => {
    expect(incidentRows("In Lusaka on Thursday, demonstrators set up barricades and were hurling stones at the police.").map((r) => r[0])).toEqual(["riot"]);
    expect(incidentRows("On Thursday, protesters set ablaze tires on the main streets of Lusaka.").map((r) => r[0])).toEqual(["riot"]);
    expect(incidentRows("Opposition activists burned one car in Lusaka on Thursday.").map((r) => r[0])).toEqual(["riot"]);
  });

  it("keeps a gathering told by its verb beside its dispersal, and leaves an accused crowd's arson an attack", () => {
    const text = "Relatives gathered outside the prison in Quito on Thursday, and police used tear gas to push back a crowd.";
    expect(incidentRows(text).map((r) => r[0]).sort()).toEqual(["attack", "protest"]);
    expect(incidentRows("Police fired tear gas at protesters who they said had set fire to buses in Quito on Thursday.").map((r) => r[0])).not.toContain("riot");
  });

  it("reports 'took to the streets', a grenade thrown and police beating youths", () => {
    expect(incidentRows("Youths took to the streets of Lusaka on Thursday.").map((r) => r[0])).toEqual(["protest"]);
    expect(incidentRows("Security forces lobbed a grenade into a crowd in Lusaka on Thursday.").map((r) => r[0])).toEqual(["attack"]);
    expect(incidentRows("In Lusaka on Thursday, police could be seen beating youths with clubs.").map((r) => r[0])).toEqual(["attack"]);
  });

  it("reads no demonstration in a ban on demonstrations, and no closure in the closing of polls", () => {
    expect(incidentRows("Authorities in Lusaka read a statement banning all public demonstrations.")).toEqual([]);
    expect(incidentRows("The count began in Lusaka after the closing of polls on Thursday.")).toEqual([]);
  });
});

describe("a day of unrest: its day and its city", () => {
  it("gives the lede's day, and the one city of the day, to the unrest the story then tells without them", () => {
    const text = [
      "Police in Zambia fired tear gas Thursday afternoon to break up a gathering of opposition supporters.",
      "Protesters hurled stones at the police in central Lusaka, and one officer was killed.",
    ].join("\n\n");
    expect(incidentRows(text)).toEqual([
      ["attack", "Lusaka", "2018-09-27", null, null],
      ["riot", "Lusaka", "2018-09-27", 1, null],
    ]);
  });
});

describe("other kinds of report", () => {
  it("reports a massacre told by its toll, and a peacekeepers' death notice", () => {
    expect(incidentRows("Over 170 villagers, including women and children, were killed Saturday in Ogossa.")).toEqual([["attack", "Ogossa", "2018-09-22", 171, null]]);
    expect(incidentRows("Five peacekeepers have been killed in Darfur on Thursday.").map((r) => r[0])).toEqual(["attack"]);
  });

  it("reads no toll from a count that may be, or one since a day", () => {
    expect(incidentRows("As many as 2000 people may have been killed, the vice president says.")).toEqual([]);
    expect(incidentRows("Forty-two peacekeepers have been killed in Mali since the mission began.")).toEqual([]);
  });

  it("reports a gunbattle, and one that ensued as part of the attack just reported", () => {
    expect(incidentRows("Troops and rebels fought a gunbattle in Goma on Thursday.").map((r) => r[0])).toEqual(["armed_clash"]);
    expect(incidentRows("Gunmen attacked a government office in Goma on Thursday. An hours-long gunbattle ensued.").map((r) => r[0])).toEqual(["attack"]);
  });

  it("reports a stabbing and a beheading as attacks", () => {
    expect(incidentRows("Armed men stabbed and killed a peacekeeper in Darfur on Thursday.")).toEqual([["attack", "Darfur", "2018-09-27", 1, null]]);
    expect(incidentRows("Rebels have beheaded two captives in Sulu on Thursday.").map((r) => r[0])).toContain("attack");
  });

  it("takes no 'West African state' for a place", () => {
    expect(events("Violence broke out in the West African state of Togo on Thursday.").places).not.toContain("West African");
  });
});
