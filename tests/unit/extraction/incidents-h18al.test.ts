import { describe, expect, it } from "vitest";
import { events, only } from "./events-support.js";

// Pass h18al (issue 18): casualty minimums at first sight. Every sentence here is written for the test.

describe("no news of casualties is no toll of none", () => {
  it("leaves the toll unknown when the story has no word on casualties", () => {
    const incident = only("Rebels attacked the town of Karu on Thursday, setting off heavy gunfire.\n\nThere was no word on casualties.");
    expect(incident.fatalities.min).toBeNull();
    expect(incident.injuries.min).toBeNull();
  });

  it("leaves it unknown when there are no immediate reports of injuries", () => {
    const incident = only("Rebels attacked the town of Karu on Thursday. There were no immediate reports of injuries.");
    expect(incident.injuries.min).toBeNull();
  });

  it("still reads a toll of none when no casualties were reported", () => {
    const incident = only("Rebels attacked the town of Karu on Thursday. No casualties were reported.");
    expect(incident.fatalities.min).toBe(0);
    expect(incident.injuries.min).toBe(0);
  });
});

describe("bodies found shot are a mass killing", () => {
  it("makes an attack with the bodies' count when they were shot", () => {
    const incident = only("Activists say the bodies of at least 40 men apparently shot in the head have been found in a canal near Homs.");
    expect(incident.type).toBe("attack");
    expect(incident.fatalities.min).toBe(40);
  });

  it("makes none of bodies recovered after a flood", () => {
    expect(events("Rescuers said the bodies of 12 people swept away by the flood were recovered near Homs.").incidents.filter((i) => i.type === "attack")).toHaveLength(0);
  });
});

describe("victims named in a list before a count", () => {
  it("adds each name to the count", () => {
    const incident = only("Harlan, Mbeki and three Kenyan soldiers were killed on Thursday when a roadside bomb struck their convoy near Garissa.");
    expect(incident.fatalities.min).toBe(5);
  });

  it("adds nothing for a day or a place before the count", () => {
    const incident = only("On Thursday, three Kenyan soldiers were killed when a roadside bomb struck their convoy near Garissa.");
    expect(incident.fatalities.min).toBe(3);
  });
});
