import { describe, expect, it } from "vitest";
import { events } from "./events-support.js";
import { reconcile, victimGroupOf, type VictimGroup } from "../../../src/extraction/events/tolls.js";
import type { CountRange } from "../../../src/extraction/types.js";

// Issue 18's sixteenth pass (casualties): one toll per incident reconciled across its sentences by who the victims
// are (a group counted again restates its count, another group adds to it, "others" add to everything), victims
// besides those told ("another eight", "two other officers"), a part of the dead ("13 of Sunday's dead"), a
// running total that points back at a span ("... since 2004. More than 5,000 have died in the fighting"), and one
// victim named with a role word. Sentences written for this file (published on Friday 2018-09-28).

const rows = (text: string, headline: string | null = null) =>
  events(text, headline).incidents.map((i) => [i.type, i.place, i.fatalities.min, i.injuries.min]);

const range = (min: number | null, max: number | null = min): CountRange => ({ min, max });

describe("victim groups", () => {
  it("names the group of the words after a count", () => {
    expect(victimGroupOf(" Afghan children were hurt")).toBe("civilians");
    expect(victimGroupOf(" U.S. soldiers were killed")).toBe("forces");
    expect(victimGroupOf(" police officers died")).toBe("forces");
    expect(victimGroupOf(" gunmen were shot dead")).toBe("armed");
    expect(victimGroupOf(" people were killed")).toBe("generic");
    expect(victimGroupOf(" members of the army were killed")).toBe("generic");
  });

  it("reconciles counts by group: restated, added, capped by a total, others on top", () => {
    const parts = (entries: [VictimGroup, CountRange][]) => reconcile(new Map(entries));
    expect(parts([["forces", range(3)], ["forces", range(4, null)]])).toEqual(range(4, null));
    expect(parts([["forces", range(3)], ["civilians", range(7)]])).toEqual(range(10));
    expect(parts([["generic", range(6, null)], ["armed", range(2)]])).toEqual(range(6, null));
    expect(parts([["generic", range(3, null)], ["others@10", range(5)]])).toEqual(range(8, null));
  });
});

describe("one toll per incident across its sentences", () => {
  it("adds the wounded of two groups told in two sentences", () => {
    const text =
      "Militants attacked an army post in Kunduz on Friday. One soldier and two police officers were wounded in the attack. A militant blew himself up at the gate, injuring six children nearby.";
    expect(rows(text)).toEqual([["attack", "Kunduz", null, 9]]);
  });

  it("keeps the highest count when one group's toll is told again", () => {
    const text = "A roadside bomb killed three soldiers in Kandahar on Friday. The bomb hit their truck, and four soldiers were killed, officials later said.";
    expect(rows(text)).toEqual([["attack", "Kandahar", 4, null]]);
  });

  it("does not add the attackers' dead to a total of people", () => {
    const text = "At least nine people are dead after gunmen attacked a hotel in Mombasa on Friday. Two gunmen were killed by the guards.";
    expect(rows(text)).toEqual([["attack", "Mombasa", 9, null]]);
  });
});

describe("victims besides those told", () => {
  it("adds 'another eight' to the count before it in the sentence", () => {
    const text = "Two men were wounded when police fired on a crowd in Lusaka on Friday, while another eight people were injured in the stampede that followed.";
    expect(rows(text)[0]?.[3]).toBe(10);
  });

  it("adds 'two other officers' to a single victim told before", () => {
    const text = "A senior police commander was killed in Quetta on Friday when a suicide bomber struck his convoy. Two other police officers were killed.";
    expect(rows(text)).toEqual([["attack", "Quetta", 3, null]]);
  });
});

describe("parts and running totals", () => {
  it("does not read a part of the dead as a toll", () => {
    const text = "Air strikes hit Aleppo on Friday. Medics said 13 of Friday's dead were children.";
    expect(rows(text)[0]?.[2]).toBeNull();
  });

  it("does not read a running total that points back at a span as the incident's toll", () => {
    const text =
      "A car bomb killed four soldiers in Narathiwat on Friday. Separatists have waged an insurgency in the region since 2004. More than 6,000 people have died in the fighting.";
    expect(rows(text)).toEqual([["attack", "Narathiwat", 4, null]]);
  });
});

describe("one victim", () => {
  it("counts a victim named with a role word ('killing activist X')", () => {
    const text = "Police opened fire on marchers in Bulawayo on Friday, killing activist John Moyo.";
    expect(events(text, null).incidents.find((i) => i.type === "attack")?.fatalities.min).toBe(1);
  });

  it("still counts one victim with a longer noun before the verb ('a senior police commander was killed')", () => {
    const text = "In Pakistan, a senior police commander was killed in Quetta on Friday after a suicide bomber struck his convoy.";
    expect(rows(text)).toEqual([["attack", "Quetta", 1, null]]);
  });
});
