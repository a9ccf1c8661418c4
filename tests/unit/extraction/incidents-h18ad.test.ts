import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";

// Twenty-third pass (h18ad): casualties and incident linking, round 2. Every sentence here is written for the test.

const run = (text: string, publishedAt = "2025-03-12") => extractArticle(text, { publishedAt });

describe("the last attack of a kind, told with a time of its own", () => {
  const text =
    "A suicide car bomb near a hotel in Kabul has killed at least six people and wounded 20 others.\nPolice said the bomber targeted a convoy. The city's last suicide attack occurred nearly a month ago at a bank, when gunmen stormed the building, killing nine people.";

  it("is an earlier incident with its own toll, not the story's", () => {
    const incidents = run(text).incidents;
    expect(incidents).toHaveLength(2);
    const [lede, earlier] = incidents;
    expect(lede?.fatalities.min).toBe(6);
    expect(lede?.injuries.min).toBe(20);
    expect(lede?.date).toBe("2025-03-12");
    expect(earlier?.fatalities.min).toBe(9);
  });

  it("leaves a reference to the story's own latest attack alone", () => {
    const one = "Gunmen attacked a police post in Kandahar on Tuesday, killing four officers.\nThe last attack was claimed by the Taliban, officials said.";
    expect(run(one).incidents).toHaveLength(1);
  });
});

describe("a toll given jointly for several separate incidents", () => {
  it("is the toll of none of them", () => {
    const text =
      "KARACHI, March 12 (Wire) - Three separate bombings killed more than 60 people across Pakistan on Wednesday.\nIn Lahore, a suicide bomber blew himself up at a crowded bus station. The blast killed 41 people.";
    const incidents = run(text).incidents;
    expect(incidents.some((i) => i.fatalities.min === 61)).toBe(false);
    expect(incidents.find((i) => i.place === "Lahore")?.fatalities).toEqual({ min: 41, max: 41 });
  });
});

describe("people taken to a hospital", () => {
  it("are hurt, counted with the incident's injuries", () => {
    const text = "A fire swept through a textile factory in Dhaka on Monday night, killing six workers.\nThe blaze broke out at about 9 p.m. At least one guard and three firefighters were taken to the hospital.";
    const [fire] = run(text).incidents;
    expect(fire?.fatalities.min).toBe(6);
    expect(fire?.injuries.min).toBe(4);
  });

  it("are not counted again when the wounded were counted and then taken there", () => {
    const text = "A bomb exploded at a market in Peshawar on Monday, killing three people and wounding 15 others.\nAll the wounded were taken to a hospital.";
    const [attack] = run(text).incidents;
    expect(attack?.injuries.min).toBe(15);
  });
});

describe("a person armed with a weapon who harmed people", () => {
  it("is an attack, with its toll, though no incident word is used", () => {
    const text = "PARIS, March 12 (Wire) - A man armed with a machete wounded four people on Tuesday at a train station in Lyon, police said.\nThe man was arrested.";
    const attack = run(text).incidents.find((i) => i.type === "attack");
    expect(attack?.place).toBe("Lyon");
    expect(attack?.injuries.min).toBe(4);
    expect(attack?.date).toBe("2025-03-11");
  });

  it("is not a person carrying a weapon who harmed no one", () => {
    const text = "PARIS, March 12 (Wire) - A man armed with a knife was arrested on Tuesday at a train station in Lyon, police said.";
    expect(run(text).incidents.filter((i) => i.type === "attack")).toHaveLength(0);
  });
});

describe("\"It came a day after ...\"", () => {
  const text =
    "Police say a bomb blast killed 21 people at a market in Islamabad on Wednesday.\nThe Taliban denied it was behind the attack. It came a day after a passenger train was bombed in Baluchistan province.\nAt least 14 were killed and 40 wounded in that incident.";

  it("reports an earlier incident, which takes the toll told of it next", () => {
    const incidents = run(text).incidents;
    expect(incidents).toHaveLength(2);
    const train = incidents.find((i) => i.place === "Baluchistan");
    expect(train?.date).toBe("2025-03-11");
    expect(train?.fatalities.min).toBe(14);
    expect(train?.injuries.min).toBe(40);
    expect(incidents.find((i) => i.place === "Islamabad")?.fatalities.min).toBe(21);
  });

  it("leaves the blast the story calls an attack an attack", () => {
    expect(run(text).incidents.find((i) => i.place === "Islamabad")?.type).toBe("attack");
  });
});

describe("the toll of twin blasts", () => {
  it("is the toll of the one incident of two blasts told before it", () => {
    const text =
      "KARACHI, March 12 (Wire) - A suicide bomber blew himself up inside a crowded wedding hall in Lahore on Wednesday, followed by a second bomber minutes later.\nThe twin blasts killed 40 people. Hours earlier, a roadside bomb hit a police truck in Peshawar.";
    const hall = run(text).incidents.find((i) => i.place === "Lahore");
    expect(hall?.fatalities.min).toBe(40);
  });
});
