import { describe, expect, it } from "vitest";
import { findQuantities } from "../../../src/extraction/events/numbers.js";
import { extractArticle } from "../../../src/extraction/index.js";

// h18aj (casualty minimums and recall at first sight). Every sentence here is written for the test.

const run = (text: string, publishedAt = "2025-03-13", headline: string | null = null) => extractArticle(text, { publishedAt, headline });

describe("counts of hundreds and thousands", () => {
  it("reads 'two hundred', 'one-hundred' and 'more than three-thousand' whole", () => {
    expect(findQuantities("two hundred people").map((q) => q.range)).toEqual([{ min: 200, max: 200 }]);
    expect(findQuantities("one-hundred people").map((q) => q.range)).toEqual([{ min: 100, max: 100 }]);
    expect(findQuantities("more than three-thousand people").map((q) => q.range)).toEqual([{ min: 3001, max: null }]);
    expect(findQuantities("a thousand people").map((q) => q.range)).toEqual([{ min: 1000, max: 1000 }]);
  });

  it("gives a massacre counted in words its whole toll", () => {
    const incidents = run("On March 2, one-hundred villagers were reported killed in a massacre by rebels in the town of Zenda.").incidents;
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.fatalities).toEqual({ min: 100, max: 100 });
  });
});

describe("editorial list items", () => {
  it("reads an armed group that killed people counted, with no incident word, as an attack with its toll", () => {
    const text = ["Terror reached many lands last year.", "In Zenda, militants killed nine people on March 4th, 2024."].join("\n\n");
    const incidents = run(text).incidents;
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.type).toBe("attack");
    expect(incidents[0]?.fatalities).toEqual({ min: 9, max: 9 });
    expect(incidents[0]?.date).toBe("2024-03-04");
  });
});

describe("raid rule", () => {
  it("makes a list item's fight one raid when its wounded fighter is detained in the next sentence", () => {
    const text = [
      "March 12, 2025 - Forces detained several suspects in operations across Zenda province, officials said.",
      "-- In Zenda province last night, a combined force killed one militant and wounded another in the Orlo district. The wounded militant was given first aid, and he was detained along with three others.",
    ].join("\n\n");
    const incidents = run(text).incidents.filter((i) => i.fatalities.min !== null);
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.type).toBe("arrest");
    expect(incidents[0]?.fatalities).toEqual({ min: 1, max: 1 });
    expect(incidents[0]?.injuries).toEqual({ min: 1, max: 1 });
  });

  it("keeps a killing in a search for someone one arrest carrying its dead", () => {
    const incidents = run("KABUL, March 12, 2025 - A security force killed four insurgents and detained 12 others during a search for a Taliban commander in Zenda province.").incidents;
    expect(incidents).toHaveLength(1);
    expect(incidents[0]?.type).toBe("arrest");
    expect(incidents[0]?.fatalities.min).toBe(4);
  });
});

describe("background attacks with their own toll", () => {
  it("keys an attack a captured man took part in when its clause gives the toll", () => {
    const text = "KABUL, March 12, 2025 - Forces captured a bomb maker in Zenda province. The bomb maker was involved in an attack in Orlo province last month that killed two civilians and wounded five others.";
    const attack = run(text).incidents.find((i) => i.type === "attack");
    expect(attack?.fatalities.min).toBe(2);
    expect(attack?.injuries.min).toBe(5);
  });

  it("still reads no incident in one a suspect was involved in with no toll", () => {
    const text = "KABUL, March 12, 2025 - Forces captured a bomb maker in Zenda province. The bomb maker was involved in attacks on convoys.";
    expect(run(text).incidents.filter((i) => i.type === "attack")).toHaveLength(0);
  });
});

