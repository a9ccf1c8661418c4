import { describe, expect, it } from "vitest";
import { events, incidentRows } from "./events-support.js";

// Issue 18's thirteenth pass on the events pass, studied over every scored incident batch (incidents-12 included):
// background tolls and figures of speech, references dated by a possessive day, riots told by their acts, counts of
// one named by a unit or a possessive title, "others" added across sentences, and place names with a describing word
// or a landform. One class per test, on sentences written for this file (published on Friday 2018-09-28).


describe("counts", () => {
  it("reads one victim named by a four-word unit, and the wounded beside him", () => {
    const text = "A 3rd Infantry Combat Team soldier was killed and two were wounded today when a bomb detonated near Tikrit.";
    expect(incidentRows(text)).toEqual([["attack", "Tikrit", "2018-09-28", 1, 2]]);
  });

  it("sums a named official and the other people killed with him", () => {
    expect(incidentRows("A car bomb exploded in Tripoli on Thursday, killing the legislator and four other people.")).toEqual([["attack", "Tripoli", "2018-09-27", 5, null]]);
  });

  it("gives the injury verb right before a count its own count, and adds the others a later sentence counts", () => {
    const text = "A car bomb has exploded near Tripoli, killing two people and injuring Lebanon's outgoing finance minister.\n\nAt least nine others were injured in the blast.";
    expect(incidentRows(text)).toEqual([["attack", "Tripoli", "2018-09-28", 2, 10]]);
  });

  it("adds 'two others' killed in a later sentence to the victim already counted", () => {
    expect(incidentRows("A bomb killed a soldier in Kirkuk on Thursday.\n\nTwo others were killed.")).toEqual([["attack", "Kirkuk", "2018-09-27", 3, null]]);
  });
});

describe("background, not incidents", () => {
  it("reads no incident in a conflict's toll over years", () => {
    expect(incidentRows("The bombings revived fears of a return to the sectarian fighting that left tens of thousands dead in 2009 and 2010.")).toEqual([]);
    expect(incidentRows("Anger against the rule exploded in 2011 in fighting that has left more than 4,000 people dead.")).toEqual([]);
    expect(incidentRows("Heavy fighting that left five soldiers dead broke out Thursday in Kidal.")).toEqual([["armed_clash", "Kidal", "2018-09-27", 5, null]]);
  });

  it("reads a figure of speech as no blast", () => {
    expect(incidentRows("Protests exploded into violence in Lome on Thursday.").map((r) => r[0])).toEqual(["protest"]);
  });

  it("reads no incident in a toll since an institution began", () => {
    expect(incidentRows("Ninety peacekeepers have been killed since the mission was established in 2013.")).toEqual([]);
  });

  it("reads no incident in a part, a pattern, an accusation, a mandate or a readiness", () => {
    expect(incidentRows("He was wanted for his suspected role in terrorist attacks in Aden.")).toEqual([]);
    expect(incidentRows("There has been a pattern of political assassinations and attempted assassinations in Tripoli.")).toEqual([]);
    expect(incidentRows("Authorities have accused the opposition of organizing the attacks in Bulawayo.")).toEqual([]);
    expect(incidentRows("The troops do not have the mandate to arrest people in Haiti.")).toEqual([]);
    expect(incidentRows("Marines have been standing by in Ghana to assist with evacuation efforts.")).toEqual([]);
    expect(incidentRows("He played no role in last week's parade attack in Ahvaz.").map((r) => r[0])).toEqual(["attack"]);
  });

  it("sets no scene with the start of a span", () => {
    const text =
      'A bomb exploded near Kirkuk on Wednesday, killing four people.\n\nIn Baghdad, the minister condemned the murder.\n\n"Since October 2016, there has been a pattern of killings," he said. "It is no coincidence that this attack comes now."';
    expect(incidentRows(text)).toEqual([["attack", "Kirkuk", "2018-09-26", 4, null]]);
  });
});

describe("references and series", () => {
  it("joins a noun dated by a possessive day to that day's incident", () => {
    const text = "A car bomb exploded in an east Tripoli suburb, killing six people.\n\nIn Washington, the spokeswoman condemned the murder.\n\nThursday's explosion took place one week before the vote.";
    expect(incidentRows(text)).toEqual([["attack", "Tripoli", "2018-09-27", 6, null]]);
  });

  it("reads a series dated to a day as that day's incident, an undated one as none", () => {
    expect(incidentRows("The attacks follow a wave of bombings Wednesday in Basra.").map((r) => [r[0], r[1], r[2]])).toEqual([["attack", "Basra", "2018-09-26"]]);
    expect(incidentRows("Kidnappings follow a wave of bombings in Basra.")).toEqual([]);
  });
});

describe("riots, closures and force", () => {
  it("reads looting and burning after taking to the streets as a riot, at the streets' town", () => {
    expect(incidentRows("In Haiti, armed gangs took to the streets of Les Cayes on Monday, looting shops and burning cars.")).toEqual([["riot", "Les Cayes", "2018-09-24", null, null]]);
    expect(incidentRows("Thousands of protesters took to the streets of Lome on Thursday.")).toEqual([["protest", "Lome", "2018-09-27", null, null]]);
  });

  it("reads cars torched in a sentence about rioting as the riot", () => {
    expect(incidentRows("Rioting youths in Lyon torched more than 300 cars overnight and set schools ablaze.").map((r) => r[0])).toEqual(["riot"]);
  });

  it("reads a suspended service as a closure and excessive force against people as an attack", () => {
    expect(incidentRows("Rail service was suspended in Lyon on Thursday.").map((r) => [r[0], r[1]])).toEqual([["closure", "Lyon"]]);
    expect(incidentRows("We condemn the excessive force used by police against civilians in Managua.").map((r) => [r[0], r[1]])).toEqual([["attack", "Managua"]]);
  });
});

describe("places", () => {
  it("cuts a compound adjective from a region's name, and keeps a name whose hyphen joins a particle", () => {
    expect(incidentRows("Eight soldiers were killed Thursday in a roadside bombing in the Christian-majority Ambon province.").map((r) => r[1])).toEqual(["Ambon"]);
    expect(incidentRows("Gunmen attacked a patrol in the Nahr-e Saraj district of Helmand province on Thursday.").map((r) => r[1])).toEqual(["Nahr-e Saraj"]);
  });

  it("keeps a name before a landform whole", () => {
    expect(incidentRows("Hikers were kidnapped on Thursday in the Sierra Nevada mountains.").map((r) => r[1])).toEqual(["Sierra Nevada"]);
  });

  it("reads an acronym as no town, and the place in a mission's name as no incident's place", () => {
    const { incidents, places } = events("The U.N. mission in Mali, MINUSMA, said gunmen attacked a convoy near Gao on Thursday.");
    expect(places).not.toContain("MINUSMA");
    expect(incidents.map((i) => i.place)).toEqual(["Gao"]);
    const text = "Three peacekeepers have been killed in the Mopti region of Mali. The U.N. Mission in Mali said gunmen ambushed their convoy on Thursday.";
    expect(incidentRows(text)).toEqual([["attack", "Mopti", "2018-09-27", 3, null]]);
  });
});

describe("strikes, estimates, running tallies and the lede's tense", () => {
  it("reads a strike by a state's forces, or a suspected one, as an attack and a teachers' strike as none", () => {
    expect(incidentRows("Tribal leaders say the cleric was killed Thursday in a suspected U.S. strike in Shabwa province.").map((r) => [r[0], r[1], r[2]])).toEqual([["attack", "Shabwa", "2018-09-27"]]);
    expect(incidentRows("Teachers in Lyon began a strike on Thursday.")).toEqual([]);
  });

  it("reads two close figures as one estimate from the lower", () => {
    expect(incidentRows('A bomb killed two policemen in Karachi on Thursday. "Two of the policemen died, about 13, 14 were wounded," he said.')).toEqual([["attack", "Karachi", "2018-09-27", 2, 13]]);
  });

  it("gives no toll to a sentence that opens with a week's tally", () => {
    const text = "Two people died in gunfights in Les Cayes on Monday.\n\nOver the past week, clashes between police and gangs have killed 45 people.";
    expect(incidentRows(text)).toEqual([["armed_clash", "Les Cayes", "2018-09-24", 2, null]]);
  });

  it("dates an undated lede by the tense of its main clause", () => {
    const text = "Violence has broken out after voting in the town of Aneho, with activists saying police killed at least one protester.";
    expect(incidentRows(text)).toEqual([["attack", "Aneho", "2018-09-28", 1, null]]);
  });
});

describe("camps and plans", () => {
  it("places an incident at a refugee camp named by its place", () => {
    expect(incidentRows("Gunmen attacked the Kakuma refugee camp on Thursday.").map((r) => [r[0], r[1]])).toEqual([["attack", "Kakuma"]]);
    expect(incidentRows("The aid workers were kidnapped on Friday in the massive Hagadera refugee complex in Kenya.").map((r) => [r[0], r[1]])).toEqual([["other", "Hagadera"]]);
  });

  it("reads no incident in what troops prepare to do or what aircraft may possibly do", () => {
    expect(incidentRows("French Troops Prepare to Evacuate Foreigners from Bouake", "French Troops Prepare to Evacuate Foreigners from Bouake")).toEqual([]);
    expect(incidentRows("Sources said the aircraft would be used to fly over rebel targets, and possibly for attacking the rebels in Bouake.")).toEqual([]);
  });
});

describe("plural references and a year's attacks", () => {
  it("gives a plural reference's toll to the one incident reported in the plural, but not to several", () => {
    const one = "Multiple car bombs have exploded in Kirkuk, killing at least 12 people.\n\nThe blasts Thursday hit two areas, leaving at least 18 other people wounded.";
    expect(incidentRows(one)).toEqual([["attack", "Kirkuk", "2018-09-27", 12, 18]]);
    const several = "A bomb exploded in Kirkuk on Thursday, killing two. Another bomb exploded in Mosul on Thursday, killing three.\n\nDozens were wounded in those attacks.";
    expect(incidentRows(several).map((r) => r[4])).toEqual([null, null]);
    const justBefore = "Multiple car bombs have exploded in Kirkuk on Thursday, killing at least 12 people.\n\nThe attacks follow a wave of bombings Wednesday that also struck mainly Shiite neighborhoods. Those blasts killed at least 33 people.";
    expect(incidentRows(justBefore).map((r) => [r[2], r[3]])).toEqual([["2018-09-27", 12], ["2018-09-26", 33]]);
  });

  it("gives no toll to attacks of the year", () => {
    const text = "A car bomb has exploded near Tripoli, killing two people.\n\nSimilar attacks this year have killed a journalist and two politicians.";
    expect(incidentRows(text)).toEqual([["attack", "Tripoli", "2018-09-28", 2, null]]);
  });
});

describe("neighbourhoods and crowds as victims", () => {
  it("places an incident in a neighbourhood named by its place, not one named by its people", () => {
    expect(events("Police fired in the Abobo neighbourhood of Abidjan on Thursday.").places).toEqual(["Abobo", "Abidjan"]);
    expect(incidentRows("A bomb exploded in a Shiite neighborhood of Kirkuk on Thursday.").map((r) => r[1])).toEqual(["Kirkuk"]);
  });

  it("reads protesters shot dead as the attack's victims, no protest of their own", () => {
    expect(incidentRows("Witnesses in the Yopougon neighborhood said two protesters had been shot dead on Thursday.")).toEqual([["attack", "Yopougon", "2018-09-27", 2, null]]);
    expect(incidentRows("Thousands of protesters marched in Lome on Thursday.").map((r) => r[0])).toEqual(["protest"]);
  });
});

describe("days counted from the story's own", () => {
  it("dates 'the previous day' from the last day the story told", () => {
    const text = "Soldiers on patrol near Balad found a cache July 7.\n\nThe previous day, another patrol had discovered a weapons cache. Four individuals were detained in connection with the munitions.";
    expect(incidentRows(text)).toEqual([["arrest", "Balad", "2018-07-06", null, null]]);
  });

  it("ends 'earlier in the week' on the publication day", () => {
    const [incident] = events("In Lyon, a judge freed four suspects arrested earlier in the week.").incidents;
    expect([incident?.type, incident?.dateEarliest, incident?.dateLatest]).toEqual(["arrest", "2018-09-24", "2018-09-28"]);
  });
});

describe("shootings with a degree", () => {
  it("reads 'shot and slightly wounded' as an attack, placed by the slum of a town", () => {
    expect(incidentRows("On Saturday, a Brazilian peacekeeper was shot and slightly wounded in a downtown slum of Les Cayes.")).toEqual([["attack", "Les Cayes", "2018-09-22", null, 1]]);
  });
});

describe("beheadings", () => {
  it("counts the beheaded as dead", () => {
    expect(incidentRows("Rebels beheaded two hostages in the town of Jolo on Thursday.")).toEqual([["attack", "Jolo", "2018-09-27", 2, null]]);
  });
});

describe("wounds sustained and a conflict's spread", () => {
  it("counts people who sustained wounds as injured", () => {
    expect(incidentRows("Residents said hundreds of people in Ndjamena, mostly civilians, had sustained bullet wounds in the fighting on Thursday.")).toEqual([["armed_clash", "Ndjamena", "2018-09-27", null, 100]]);
  });

  it("reads violence across a country that left thousands dead as background", () => {
    expect(incidentRows("The fighting set off weeks of ethnic violence across South Sudan that left thousands dead.")).toEqual([]);
  });
});

describe("a possessor is no victim", () => {
  it("counts 'two of the worker's guards' killed during a kidnapping as its toll", () => {
    const text = "Gunmen have kidnapped an American aid worker in Niger. Officials say two of the worker's guards were killed in a confrontation with the gunmen Thursday night.";
    expect(incidentRows(text)).toEqual([["other", "Niger", "2018-09-27", 2, null]]);
  });
});

describe("two named days", () => {
  it("keeps bombings on two named days apart, but not a night's event or a gathering's second day", () => {
    const apart = "Multiple car bombs have exploded in Kirkuk on Thursday, killing at least 12 people.\n\nA bombing on Wednesday struck a mosque.";
    expect(incidentRows(apart).map((r) => r[2])).toEqual(["2018-09-27", "2018-09-26"]);
    const night = "A riot broke out on Tuesday night at the prison in Kirkuk, killing nine inmates. Soldiers retook the cellblocks early on Wednesday after fighting.";
    expect(incidentRows(night)).toHaveLength(1);
    const running = "Protesters gathered outside the embassy in Khartoum on Thursday for a second straight day. Hundreds of protesters had rallied there on Wednesday.";
    expect(incidentRows(running)).toHaveLength(1);
  });
});

describe("clauses", () => {
  it("reads ', following ...' as a clause of its own, whose place is not the incident's", () => {
    expect(incidentRows("Four aid workers kidnapped in Kenya on Thursday are now free, following a dramatic rescue by security forces inside Somalia.").map((r) => [r[0], r[1]])).toEqual([["other", "Kenya"]]);
  });
});

describe("trading fire", () => {
  it("reads troops trading fire with gunmen as a battle, not an attack by the gunmen", () => {
    const text = "Heavy gunfire was heard throughout Les Cayes Monday, as troops and police patrolled the downtown area, trading fire with gunmen.";
    expect(incidentRows(text).map((r) => [r[0], r[1]])).toEqual([["armed_clash", "Les Cayes"]]);
    expect(incidentRows("Gunmen attacked a bus near Goma on Monday.").map((r) => r[0])).toEqual(["attack"]);
  });
});

describe("the capital", () => {
  it("reads a bare 'the capital' as the last capital the story named of its own country", () => {
    const text = "Clashes in Guinea claimed at least 20 lives. Doctors in the capital Conakry said most of the victims had been shot.\n\nYouths took to the streets in the early morning hours, moving from the suburbs of the capital closer to the center.";
    expect(incidentRows(text, null).map((r) => [r[0], r[1]])).toContainEqual(["protest", "Conakry"]);
  });

  it("does not read it as a capital of another country named where officials spoke", () => {
    expect(events("In Washington, officials spoke. Iraqi police said a bomb exploded in the capital on Thursday.").places).not.toContain("Baghdad");
  });
});
