import { describe, expect, it } from "vitest";
import { findDates } from "../../../src/extraction/events/dates.js";
import { findQuantities } from "../../../src/extraction/events/numbers.js";
import { events, only } from "./events-support.js";

// Issue 18's third pass on the events pass: one class of error per test, on sentences written
// for this file (published on Friday 2018-09-28 unless a test says otherwise).


describe("event words military and embassy copy uses", () => {
  it("reads roadside bombs, explosive devices, mortar fire and a murder as attacks", () => {
    expect(only("A roadside bomb in Mali has killed a Dutch engineer, officials said.").type).toBe("attack");
    expect(only("Two farmers were wounded by an improvised explosive device near Gao on Tuesday.").type).toBe("attack");
    expect(only("A nurse was found murdered in Goma on Sunday.").type).toBe("attack");
  });

  it("reads security forces killing fighters as a clash and capturing suspects as arrests", () => {
    expect(only("Army troops killed five armed rebels near Beni on Tuesday.").type).toBe("armed_clash");
    expect(only("Police captured three suspected smugglers in Gao on Monday.").type).toBe("arrest");
  });

  it("does not read a group's record ('responsible for launching attacks') as an incident", () => {
    const { incidents } = events("Police detained a commander in Gao on Monday. He was responsible for launching attacks on convoys.");
    expect(incidents.map((i) => i.type)).toEqual(["arrest"]);
  });
});

describe("counts of one and of a named victim with others", () => {
  it("counts a person named with an article, 'another' and 'one other' as one", () => {
    expect(findQuantities("A Kenyan teacher was killed.").map((q) => q.range.min)).toEqual([1]);
    const incident = only("A bomb attack in Gao killed a Dutch engineer and wounded one other on Sunday.");
    expect([incident.fatalities.min, incident.injuries.min]).toEqual([1, 1]);
    const second = only("Two farmers were killed and another was wounded in an attack near Gao on Sunday.");
    expect([second.fatalities.min, second.injuries.min]).toEqual([2, 1]);
  });

  it("does not count a witness named with an article", () => {
    expect(only("A farmer said several people were killed in an attack near Gao on Sunday.").fatalities.min).toBeNull();
  });

  it("counts 'the mayor and two others were killed' as three", () => {
    expect(only("The town's mayor and two others were killed when gunmen attacked his car in Gao on Monday.").fatalities.min).toBe(3);
  });

  it("adds a long noun phrase of victims to the one joined to it", () => {
    expect(only("Seven United Nations mission staff members and a local driver died in an attack in Gao on Monday.").fatalities.min).toBe(8);
  });
});

describe("several incidents in one story", () => {
  it("keeps incidents in two countries apart whatever the kinds of their places", () => {
    const { incidents } = events("Gunmen attacked a church in Quetta, Pakistan, on Sunday, killing nine people. Militants killed 12 soldiers in an attack in Helmand province, Afghanistan, on Sunday.");
    expect(incidents.map((i) => [i.place, i.fatalities.min])).toEqual([
      ["Quetta", 9],
      ["Helmand", 12],
    ]);
  });

  it("keeps two districts of two provinces apart", () => {
    const { incidents } = events(
      "In Zabul province's Shahjoy district, a roadside bomb killed two farmers on Tuesday.\nIn Uruzgan province, four police officers were wounded by a roadside bomb in Chora district on Tuesday.",
    );
    expect(incidents.map((i) => [i.fatalities.min, i.injuries.min])).toEqual([
      [2, null],
      [null, 4],
    ]);
  });

  it("drops a lede that sums up incidents the story then reports one by one, and gives them its day", () => {
    const { incidents } = events(
      "Insurgents killed five civilians in roadside bomb attacks in southern Afghanistan yesterday, officials said.\nThree civilians were killed when a roadside bomb struck their car in Zabul province's Shahjoy district.\nIn Uruzgan province's Chora district, two civilians were killed by a roadside bomb.",
    );
    expect(incidents.map((i) => [i.fatalities.min, i.date])).toEqual([
      [3, "2018-09-27"],
      [2, "2018-09-27"],
    ]);
  });
});

describe("dates of lists and spans before publication", () => {
  it("reads 'over the past 24 hours' as the day before publication to publication", () => {
    const [mention] = findDates("Police arrested six people over the past 24 hours.", "2018-09-28");
    expect([mention?.earliest, mention?.latest]).toEqual(["2018-09-27", "2018-09-28"]);
  });

  it("gives the items of a list the day of the line that heads it, and the heading no incident of its own", () => {
    const { incidents } = events("In operations yesterday:\n— Troops killed four armed rebels in Kivu's Beni district.\n— Police detained two suspected smugglers in Gao.");
    expect(incidents.map((i) => [i.type, i.date])).toEqual([
      ["armed_clash", "2018-09-27"],
      ["arrest", "2018-09-27"],
    ]);
    const summed = events("Troops killed or detained several rebels over the past 24 hours:\n— Troops detained two rebels in Gao.");
    expect(summed.incidents).toHaveLength(1);
  });
});

describe("a bomb that strikes and a wound that kills", () => {
  it("reads 'the bomb struck' as the attack it refers to, with its day", () => {
    const incident = only("A roadside bomb in Niger has killed a French soldier, officials said on Tuesday. The bomb struck his vehicle late Sunday near Tillaberi.");
    expect([incident.type, incident.date]).toEqual(["attack", "2018-09-23"]);
  });

  it("counts 'fatally wounded' as a death, not an injury", () => {
    const incident = only("The explosion fatally wounded a security guard in Gao on Sunday.");
    expect([incident.fatalities.min, incident.injuries.min]).toEqual([1, null]);
  });
});

describe("protests in many towns and diplomatic expulsions", () => {
  it("reads 'demonstrated' as a protest but not 'demonstrated that'", () => {
    expect(only("Hundreds of farmers demonstrated outside the town hall in Lyon on Tuesday.").type).toBe("protest");
    expect(events("The raid demonstrated that the group can still strike.").incidents).toEqual([]);
  });

  it("reads an expulsion as a diplomatic action", () => {
    expect(only("Norway condemned the expulsion of three Norwegian diplomats from Minsk on Monday.").type).toBe("diplomatic_action");
  });

  it("gives each city of 'City, State and City, State' its own incident", () => {
    const { incidents } = events("Police used tear gas on marchers in Tulsa, Oklahoma and Omaha, Nebraska on Tuesday.");
    expect(incidents.map((i) => i.place)).toEqual(["Tulsa", "Omaha"]);
  });

  it("keeps a protest in a town the gazetteer does not know apart from one in a city the story never ties to it", () => {
    const { incidents } = events(
      "Protesters marched for a second day in the small town of Dellwood, Missouri on Tuesday.\n\nIn Seattle, protesters blocked a highway.",
    );
    expect(incidents.map((i) => i.place)).toEqual(["Dellwood", "Seattle"]);
  });

  it("gives no toll for a tally of a span of weeks", () => {
    const incident = only("A car bomb killed three people in Mosul on Monday. Officials said bombings have killed 40 people in the past three weeks alone.");
    expect(incident.fatalities.min).toBe(3);
  });
});

describe("reports that open a new incident", () => {
  it("starts a new incident at 'Also today, ...' and 'In other news, ...' but not at 'Also killed was ...'", () => {
    const { incidents } = events(
      "Gunmen killed four soldiers in an attack in northern Mali on Monday.\nAlso on Monday in Mali, two children were killed by a roadside bomb in Gao's Ansongo district.",
    );
    expect(incidents.map((i) => i.fatalities.min)).toEqual([4, 2]);
    const one = events("Gunmen killed four soldiers in an attack near Gao on Monday. Also killed was a driver.");
    expect(one.incidents).toHaveLength(1);
  });

  it("reads each item of a dashed list as its own report", () => {
    const { incidents } = events("Rebels attacked a convoy in Mali on Monday, officials said.\n\nIn other news:\n\n-- Two herders were wounded and one was killed during an attack in Gao's Ansongo district on Monday.");
    expect(incidents.map((i) => [i.fatalities.min, i.injuries.min])).toEqual([
      [null, null],
      [1, 2],
    ]);
  });

  it("gives a headline's count with no event word to no incident when the story reports several", () => {
    const { incidents } = events(
      "Bombs Kill 5 Civilians in Mali\n\nThree civilians were killed in an attack in Gao on Monday.\nAlso on Monday, two soldiers came under attack near Timbuktu.",
      "Bombs Kill 5 Civilians in Mali",
    );
    expect(incidents.map((i) => i.fatalities.min)).toEqual([3, null]);
  });
});

describe("fighters killed, habits and victims named with a phrase", () => {
  it("reads forces killing 'at least 10 armed rebels' as a clash", () => {
    const incident = only("Army troops killed at least 10 armed rebels during operations near Beni on Tuesday.");
    expect([incident.type, incident.fatalities.min]).toEqual(["armed_clash", 10]);
  });

  it("does not read what a wanted man habitually does as an incident", () => {
    const { incidents } = events("Police detained a smuggler in Gao on Monday. He coordinates the movement of weapons and conducts attacks against convoys.");
    expect(incidents.map((i) => i.type)).toEqual(["arrest"]);
  });

  it("counts 'an employee of the embassy in X was found murdered' as one death", () => {
    expect(only("An employee of Norway's embassy in Kenya was found murdered on Sunday.").fatalities.min).toBe(1);
  });

  it("does not merge an incident in a town the gazetteer does not know with one in another country", () => {
    const { incidents } = events(
      "Rebels killed 12 soldiers in an attack in the town of Dembel in Ethiopia's Somali region on Sunday.\nA nurse was found murdered in Kenya on Sunday.",
    );
    expect(incidents.map((i) => i.place)).toEqual(["Dembel", "Kenya"]);
  });
});

describe("embassy departures, war aims, complaints and named deaths", () => {
  it("reads extracting personnel as an evacuation and suspending operations as a closure", () => {
    expect(only("Troops extracted embassy personnel from Juba on Saturday.").type).toBe("evacuation");
    expect(only("Norway is suspending operations at its embassy in Juba.").type).toBe("closure");
  });

  it("reads neither a war aim nor a complaint as an event", () => {
    expect(events("The rebels are fighting to topple the government.").incidents).toEqual([]);
    expect(events("The ministry lodged a formal protest with the ambassador.").incidents).toEqual([]);
  });

  it("counts 'resulted in the death of' a named person as one death, and 'cost the lives of' as a toll", () => {
    expect(only("On May 3, troops conducted a strike in Somalia that resulted in the death of Abdi al-Rahman, a militant commander.").fatalities.min).toBe(1);
    expect(only("A bombing in Kano on Monday cost the lives of 12 traders.").fatalities.min).toBe(12);
  });
});

describe("a press release's dateline", () => {
  it("does not date an incident by the release's dateline date", () => {
    const incident = only("NAIROBI, Kenya, May 4, 2018 - Troops killed three armed rebels near Garissa yesterday, officials said.", null);
    expect(incident.date).toBe("2018-09-27");
  });
});

describe("battles and deaths named in other words", () => {
  it("reads a patrol that came under attack and returned fire as a clash, and 'engaged ... forces' as one", () => {
    expect(only("A French patrol came under small-arms attack near Gao on Monday. The soldiers returned fire.").type).toBe("armed_clash");
    expect(only("Civilians came under attack in Gao on Monday.").type).toBe("attack");
    expect(only("Rebels engaged army troops with rifle fire near Beni on Monday.").type).toBe("armed_clash");
  });

  it("counts 'the shooting death of' a person as one death, and an age is no count", () => {
    const march = events("Protesters marched in Tulsa on Monday after the shooting death of an unarmed teenager by police.");
    expect(march.incidents.map((i) => [i.type, i.fatalities.min])).toEqual([
      ["protest", null],
      ["attack", 1],
    ]);
    const { incidents } = events("The shooting death of 17-year-old Dana Doe by a guard in Tulsa in May angered residents.");
    expect(incidents.map((i) => i.fatalities.min)).toEqual([1]);
  });
});

describe("places of list items and streets", () => {
  it("places a list item where its own line says, not where the item before it was", () => {
    const { incidents } = events(
      "In operations yesterday:\n— Troops detained two smugglers in Gao's Ansongo district.\n— Police detained a man responsible for planning attacks on convoys in Kidal's Tessalit district.",
    );
    expect(incidents.map((i) => i.place)).toEqual(["Ansongo", "Tessalit"]);
  });

  it("reads 'on the streets of X, State' as located in X", () => {
    expect(only("Protesters gathered on the streets of Tulsa, Oklahoma on Monday.").place).toBe("Tulsa");
  });
});

describe("months as copy writes them", () => {
  it("reads 'the August shooting' and a sentence-initial 'In May 2014' as months, not 'The March on Rome'", () => {
    const texts = findDates("The August shooting angered residents. In May 2014, a bomb exploded. The March on Rome began.", "2014-11-26").map((d) => [d.text, d.date]);
    expect(texts).toEqual([
      ["The August", "2014-08-01"],
      ["In May 2014", "2014-05-01"],
    ]);
  });
});

describe("a new report's toll", () => {
  // (Nineteenth pass: a new report's toll with no event word is an incident of its own.)
  it("gives the toll of 'In other news, ...' with no event word to no earlier incident", () => {
    const { incidents } = events("A roadside bomb killed two farmers in Gao on Monday.\nIn other news, three civilians were killed on Monday.");
    expect(incidents.map((i) => i.fatalities.min)).toEqual([2, 3]);
  });
});
