import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";

// h18ah (casualties, precision and linking, round 4). Every sentence here is written for the test.

const run = (text: string, publishedAt = "2025-03-13", headline: string | null = null) => extractArticle(text, { publishedAt, headline });

describe("casualty minimums", () => {
  it("reads a joint 'killed and injured dozens' as at least one dead and no count of the hurt", () => {
    const incidents = run("A bomb blast at a bus depot in Zenda on Tuesday killed and injured dozens of people.").incidents;
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.fatalities).toEqual({ min: 1, max: null });
    expect(incidents[0]?.injuries).toEqual({ min: null, max: null });
  });

  it("takes the headline's count of the dead over a joint toll's floor of one", () => {
    const text = ["Blast Kills 9 in Zenda", "A blast at a bus depot in Zenda on Tuesday killed and wounded dozens of people."].join("\n\n");
    const incidents = run(text, "2025-03-12", "Blast Kills 9 in Zenda").incidents;
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.fatalities.min).toBe(9);
    expect(incidents[0]?.injuries.min).toBeNull();
  });

  it("adds no week's running toll to the incident told before it", () => {
    const text = [
      "A soldier of the peacekeeping force was killed on Thursday when a convoy was attacked in Zenda.",
      "Rights groups say dozens of people have been killed this week.",
    ].join("\n\n");
    const incidents = run(text).incidents;
    expect(incidents[0]?.fatalities.min).toBe(1);
  });

  it("gives a raid's toll, told in the paragraph of the arrest, to the arrest", () => {
    const text = [
      "In Iraq today:",
      "-- Coalition forces west of Tal Zenda captured six suspected terrorists. Acting in self-defense, troops engaged enemies on site, killing three suspected terrorists. Officials said an Iraqi woman was wounded in the operation.",
      "-- Iraqi forces in Baghdad detained two suspected terrorists.",
    ].join("\n\n");
    const incidents = run(text, "2025-03-13").incidents;
    const raid = incidents.find((i) => i.type === "arrest" && i.fatalities.min !== null);
    expect(raid?.fatalities.min).toBe(3);
    expect(raid?.injuries.min).toBe(1);
  });
});

describe("precision and linking", () => {
  it("makes the attackers' death in a gun battle part of their attack", () => {
    const text = [
      "Suspected militants killed nine soldiers and wounded four others in an attack on a police post near Zenda early Saturday.",
      "The attackers threw grenades at the guards. Officials say the two attackers were killed in a gun battle with soldiers.",
    ].join("\n\n");
    const incidents = run(text, "2025-03-15").incidents;
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.type).toBe("attack");
  });

  it("dates no incident by the event a superlative compares it with, nor places it where a later event was", () => {
    const text = [
      "Gunmen killed seven villagers in an attack on a village near Zenda on Saturday.",
      "It is the deadliest attack in the region since the governor visited it three months ago.",
      "The attack came hours before the president arrived in Gulu for a visit.",
    ].join("\n\n");
    const incidents = run(text, "2025-03-15").incidents;
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.date).toBe("2025-03-15");
  });

  it("reads the victims 'killed in the explosion' as the explosion's, wherever one of them worked", () => {
    const text = [
      "At least eight people were killed Monday when a car bomb exploded outside a hotel in Zenda.",
      "One of those killed in the explosion was a reporter who worked for a newspaper in Nairobi, Kenya.",
    ].join("\n\n");
    expect(run(text, "2025-03-17").incidents).toHaveLength(1);
  });

  it("reports no battle in 'fighting for his life', no arrest in a release from house arrest, no storm in 'storms are common'", () => {
    expect(run("A lawyer is fighting for his life in a hospital in Zenda.").incidents.filter((i) => i.type === "armed_clash")).toHaveLength(0);
    expect(run("The opposition leader, who was released from 10 days of house arrest on Monday, did not attend.").incidents.filter((i) => i.type === "arrest")).toHaveLength(0);
    expect(run("Cyclones in the Bay of Bengal are common at this time of year.").incidents).toHaveLength(0);
  });
});
