import { describe, expect, it } from "vitest";
import { events } from "./events-support.js";

// Issue 18's eighteenth pass (precision and tolls): what is no incident of the story (a reaction to its incident made
// elsewhere, a war's start in an earlier year or its length, a feud, charges against people arrested, a demand, a
// casualty's evacuation, a fire a blast set off, the attack of fighters the forces killed), which report a toll goes to
// (a second bomb with a toll of its own), and what "no casualties", "N others" and "also lost their lives" count.
// Sentences written for this file (published on Friday 2018-09-28).

const rows = (text: string, headline: string | null = null) =>
  events(headline ? `${headline}\n\n${text}` : text, headline).incidents.map((i) => [i.type, i.place, i.date, i.fatalities.min, i.injuries.min]);

describe("reactions and demands", () => {
  it("joins a condemnation made in another city to the incident, keeping its place", () => {
    const text = "Rebels ambushed a convoy near Goma on Thursday, killing four soldiers. In Washington, the State Department condemned the attack.";
    expect(rows(text)).toEqual([["attack", "Goma", "2018-09-27", 4, null]]);
  });

  it("reads a statement condemning the attack by officials named with a country as no incident there", () => {
    const text =
      "Gunmen attacked a school in Peshawar, Pakistan, on Thursday, killing 12 people. Officials of the peacekeeping force in Afghanistan also issued a statement condemning the attack.";
    expect(rows(text)).toEqual([["attack", "Peshawar", "2018-09-27", 12, null]]);
  });

  it("reads a call on a government to arrest the attackers as no arrest", () => {
    const text = "Gunmen attacked a convoy of aid workers near Nyala on Thursday. The United Nations calls on the government to arrest those who took part in the attack.";
    expect(rows(text).map((r) => r[0])).toEqual(["attack"]);
  });
});

describe("background", () => {
  it("drops a conflict's start in an earlier year and a war told by its length, and dates nothing by them", () => {
    const text =
      "Militants attacked a police post near Van, killing three officers. Originally, fighting broke out in 2011 over land. The rebels have been fighting a 30-year guerrilla war for autonomy. In response to rebel attacks, the army armed a militia.";
    const incidents = rows(text);
    expect(incidents.map((r) => r[0])).toEqual(["attack"]);
    expect(incidents[0]?.[2]).not.toBe("2011-01-01");
  });

  it("reads fighting listed among a toll's causes as no battle", () => {
    const text = "Gunmen ambushed a convoy near Nyala on Thursday, killing two peacekeepers. More than 100,000 people have died from fighting, famine and disease in the region.";
    expect(rows(text).map((r) => r[0])).toEqual(["attack"]);
  });

  it("drops clashes said to be part of a long-standing feud", () => {
    const text = "Gunmen raided a village near Mandera on Thursday, killing five people. Elders say clashes in the region are part of a long-standing feud between two clans.";
    expect(rows(text).map((r) => r[0])).toEqual(["attack"]);
  });

  it("reads what arrested men are suspected in or said to have conducted as no attack", () => {
    const text =
      "Troops in Khost province captured a network leader and two other insurgents suspected in bombing attacks in the area. One of them is said to have conducted intimidation attacks on villagers.";
    expect(rows(text).map((r) => r[0])).toEqual(["arrest"]);
  });

  it("reads 'the captured cell members' as people, no second arrest", () => {
    const text = "Soldiers detained four men in Mosul on Thursday. The captured cell members are believed to have conducted two bomb attacks in the Mosul area in March.";
    expect(rows(text).map((r) => r[0])).toEqual(["arrest"]);
  });
});

describe("one event told by two words", () => {
  it("reads troops evacuating their wounded as no evacuation", () => {
    const text = "Militants attacked an army base near Afgoye on Monday. The troops evacuated their wounded and withdrew.";
    expect(rows(text).map((r) => r[0])).toEqual(["attack"]);
  });

  it("reads the attack of insurgents the forces killed as the battle itself", () => {
    const text = "Security forces killed several armed insurgents and wounded another who ambushed their patrol in Kunar province on Thursday.";
    expect(rows(text).map((r) => r[0])).toEqual(["armed_clash"]);
  });

  it("reads a fire a blast triggered as part of the blast", () => {
    const text = "A blast at a fireworks plant in Sivakasi on Wednesday killed 30 workers. Officials say Wednesday's blast triggered a massive blaze that swept through the plant.";
    expect(rows(text).map((r) => r[0])).toEqual(["explosion"]);
  });
});

describe("a second bomb with a toll of its own", () => {
  it("keeps a car bomb with its dead and wounded apart from a blast with only wounded", () => {
    const text =
      "A suicide bomber struck a police station in Ramadi at 1:18 p.m. today, killing three civilians. About 15 minutes later, two kilometers from the first attack, a sedan exploded near a restaurant, injuring five. Yesterday, a car bomb detonated at a police checkpoint near the provincial council headquarters, killing six policemen and wounding 13 more.";
    const incidents = rows(text);
    expect(incidents.length).toBe(3);
    expect(incidents[1]).toEqual(["attack", "Ramadi", "2018-09-28", null, 5]);
    expect(incidents[2]?.[3]).toBe(6);
    expect(incidents[2]?.[2]).toBe("2018-09-27");
  });
});

describe("tolls", () => {
  it("reads 'no casualties' as no dead and no wounded", () => {
    const text = "Gunmen attacked a checkpoint in Kandahar on Thursday. No casualties were reported.";
    expect(rows(text)).toEqual([["attack", "Kandahar", "2018-09-27", 0, 0]]);
  });

  it("does not add a victim of another verb to 'four others'", () => {
    const text = "A roadside bomb hit a police convoy in Helmand province on Thursday. A policeman was killed and four others were injured, officials said.";
    expect(rows(text)).toEqual([["attack", "Helmand", "2018-09-27", 1, 4]]);
  });

  it("counts the wounded 'one of whom died later' with the dead", () => {
    const text = "A car bomb exploded at a police checkpoint in Baquba on Thursday, killing six policemen and wounding 13 others, one of whom died later.";
    expect(rows(text)).toEqual([["attack", "Baqubah", "2018-09-27", 7, 12]]);
  });

  it("adds the victims who 'also lost their lives' to those counted before", () => {
    const text = "We are saddened by the deaths of two Afghan soldiers in an attack today on an outpost in Kunar province, in which three American soldiers also lost their lives.";
    expect(rows(text)[0]?.[3]).toBe(5);
  });
});

describe("the headline", () => {
  it("joins the lede it announces with another type's word, keeping the body's type", () => {
    const text = "Soldiers fought a long gunbattle with insurgents in Kunar province on Thursday, killing four of them.";
    const incidents = rows(text, "Insurgents Attack Troops in Afghanistan");
    expect(incidents.map((r) => r[0])).toEqual(["armed_clash"]);
  });

  it("does not join force used on a gathering to the gathering the lede tells", () => {
    const text = "Hundreds of villagers protested in Koh Kong province on Thursday over a land dispute, a rights worker said.";
    const incidents = rows(text, "Police Attack Protesters in Land Dispute");
    expect(incidents.map((r) => r[0]).sort()).toEqual(["attack", "protest"]);
  });
});
