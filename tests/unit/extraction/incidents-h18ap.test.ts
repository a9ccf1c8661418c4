import { describe, expect, it } from "vitest";
import { events, incidentRows, only } from "./events-support.js";

// Issue 18, pass h18ap (casualties): the hurt "more" than the dead just counted are the hurt, a rival source's count does
// not raise the first-reported toll, a toll of a siege is the siege's, and a toll sentence at a town of its own is not the
// last incident's. Sentences written for this file (published on Friday 2018-09-28).

describe("the hurt 'more' than the dead", () => {
  it("reads 'dozens more were hurt' after a count of the dead as the hurt, once", () => {
    const incident = only("Nineteen people died and dozens more were hurt in a bombing in Mogadishu on Thursday. The mayor said the bombing that killed 19 and wounded dozens more was cowardly.");
    expect(incident.fatalities.min).toBe(19);
    expect(incident.injuries.min).toBe(12);
  });

  it("still adds 'another ten' hurt to an earlier count of the hurt", () => {
    const incident = only("A bomb exploded at a bus stop in Mogadishu on Thursday, wounding four people. Another ten people were wounded when the roof fell.");
    expect(incident.injuries.min).toBe(14);
  });
});

describe("a rival source's count", () => {
  it("keeps the first-reported minimum when a second source gives a higher figure", () => {
    const incident = only("State radio is reporting that a car bomb exploded in central Aleppo on Thursday, killing at least six people. The Local Monitoring Group says 15 people were killed.");
    expect(incident.fatalities.min).toBe(6);
  });

  it("still takes a later count when the first report counted no dead", () => {
    const incident = only("State radio is reporting that a car bomb exploded in central Aleppo on Thursday. The Local Monitoring Group says 15 people were killed.");
    expect(incident.fatalities.min).toBe(15);
  });
});

describe("a toll of a siege", () => {
  it("is a fight of its own, not added to the bombing the story leads with", () => {
    const rows = incidentRows("A bomb tore through a market in Peshawar on Thursday, killing at least nine people. Troops besieged a seminary in Peshawar last week. At least 40 people were killed in the long siege.");
    expect(rows.find((r) => r[0] === "attack")?.[3]).toBe(9);
    expect(rows.find((r) => r[0] === "armed_clash")?.[3]).toBe(40);
  });
});

describe("a toll sentence at a town of its own", () => {
  it("does not add its dead and hurt to the incident told at another town", () => {
    const { incidents } = events("Four soldiers were killed near Kirkuk by a roadside bomb on Thursday. One man was killed and three others were hurt in Basra when a grenade they were carrying went off.");
    const kirkuk = incidents.find((i) => i.place === "Kirkuk");
    expect(kirkuk?.fatalities.min).toBe(4);
    expect(kirkuk?.injuries.min).toBeNull();
  });

  it("still adds a toll told at the incident's own town", () => {
    const incident = only("A roadside bomb struck a police patrol near Kirkuk on Thursday. Four soldiers were killed in Kirkuk.");
    expect(incident.fatalities.min).toBe(4);
  });
});

describe("background told beside the lede (dates)", () => {
  it("does not date an incident by a day that dates a noun's participle ('a truce declared last week')", () => {
    const incident = only("A bomb exploded in a market in Anantnag on Thursday. Officials blamed militants opposed to a truce declared last week.");
    expect(incident.date).toBe("2018-09-27");
  });

  it("reads 'a street closed last year' as what the street is: no closure, no day of the attack", () => {
    const incident = only("A suicide bomber blew himself up in a crowd in Hilla, on a market street closed last year to traffic.");
    expect(incident.type).toBe("attack");
    expect(incident.date ?? "").not.toMatch(/^2017/);
  });

  it("reads 'Last year, rebels launched a wave of attacks' as background, no incident", () => {
    const incident = only("Rebels attacked a village near Gitega on Thursday, killing four people. Last year, rebels launched a wave of attacks on the outskirts of Gitega.");
    expect(incident.date).toBe("2018-09-27");
    expect(incident.fatalities.min).toBe(4);
  });
});
