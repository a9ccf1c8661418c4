import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { spanOf } from "../../src/core/span.js";
import { BodyChange, diffHunks, normalize, placeSpan, type StoredSpan } from "../../src/domain/articles/reanchor.js";

// The re-anchoring algorithm on its own, on the seed story's body: the four steps, typography,
// and a property test with random edits away from every span.

const body = fs.readFileSync(path.resolve(import.meta.dirname, "../../seeds/basra-consulate-2018.txt"), "utf8");

function spanAt(text: string, exact: string, occurrence = 0): StoredSpan {
  let at = text.indexOf(exact);
  for (let index = 0; index < occurrence; index += 1) at = text.indexOf(exact, at + 1);
  if (at < 0) throw new Error(`not in the body: ${exact}`);
  return { ...spanOf(text, at, at + exact.length), state: "ANCHORED" };
}

describe("normalize", () => {
  it("folds typographic quotes, dashes and whitespace runs and maps back to real offsets", () => {
    const text = "He said  \u201cwe\u2019ll\u201d \u2014 twice.";
    const normal = normalize(text);
    expect(normal.text).toBe(`He said "we'll" - twice.`);
    const at = normal.text.indexOf("we'll");
    expect(text.slice(normal.starts[at], normal.ends[at + 4])).toBe("we\u2019ll");
    expect(normal.toNormal[text.indexOf("twice")]).toBe(normal.text.indexOf("twice"));
  });
});

describe("placeSpan", () => {
  const killed = spanAt(body, "killed at least 25");

  it("keeps a span whose text is still in place", () => {
    expect(placeSpan(new BodyChange(body, `${body}\nMore.`), killed)).toMatchObject({ state: "ANCHORED", start: killed.start, end: killed.end });
  });

  it("maps a span through an insertion before it", () => {
    const edited = `Update: a new first paragraph.\n${body}`;
    expect(placeSpan(new BodyChange(body, edited), killed)).toMatchObject({ state: "ANCHORED", start: killed.start + 31, exact: killed.exact });
  });

  it("re-anchors a span whose words changed as FUZZY, with the new words and a score", () => {
    const edited = body.replace("killed at least 25", "killed at least 29");
    const placement = placeSpan(new BodyChange(body, edited), killed);
    expect(placement).toMatchObject({ state: "FUZZY", start: killed.start, exact: "killed at least 29", textChanged: true });
    if (placement.state === "FUZZY") expect(placement.score).toBeGreaterThan(0.75);
  });

  it("keeps a span in place when a statement quoted twice is edited in one place only", () => {
    const quote = spanAt(body, "We remain strongly committed to supporting Iraqis");
    const edited = body.replace("We remain strongly committed", "We remain firmly committed");
    expect(placeSpan(new BodyChange(body, edited), quote)).toMatchObject({ state: "FUZZY", start: quote.start, exact: "We remain firmly committed to supporting Iraqis" });
  });

  it("follows a moved paragraph and anchors the same words there", () => {
    const lines = body.split("\n");
    const moved = lines[8] as string;
    const edited = [...lines.slice(0, 8), ...lines.slice(9), moved].join("\n");
    const bottom = spanAt(body, "Bottom line, if we are attacked we\u2019ll respond,");
    expect(placeSpan(new BodyChange(body, edited), bottom)).toMatchObject({ state: "ANCHORED", start: edited.indexOf(bottom.exact), exact: bottom.exact });
  });

  it("anchors everything after typography-only edits (straight quotes, spacing)", () => {
    const edited = body.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/ the /g, "  the ").replace(/\n/g, "\n\n");
    for (const exact of ["Bottom line, if we are attacked we\u2019ll respond,", "killed at least 25", "Iran", "Mike Pompeo", "\u201cThe totality"]) {
      const placement = placeSpan(new BodyChange(body, edited), spanAt(body, exact));
      expect(placement.state, exact).toBe("ANCHORED");
      if (placement.state !== "ORPHANED") expect(normalize(placement.exact).text).toBe(normalize(exact).text);
    }
  });

  it("orphans a span whose paragraph is gone rather than jumping to the same word elsewhere", () => {
    const lines = body.split("\n");
    const edited = [...lines.slice(0, 1), ...lines.slice(2)].join("\n");
    // "Iran" stands in many other paragraphs; the one in the deleted paragraph must not move to them.
    const at = body.indexOf("Iran, a senior");
    expect(placeSpan(new BodyChange(body, edited), { ...spanOf(body, at, at + 4), state: "ANCHORED" })).toEqual({ state: "ORPHANED" });
    // Nor a long quote in it.
    expect(placeSpan(new BodyChange(body, edited), spanAt(body, "decided to close the U.S. post in Basra"))).toEqual({ state: "ORPHANED" });
  });

  it("orphans everything on a full rewrite", () => {
    const edited = "A different story altogether: markets rose on Tuesday as oil prices fell.";
    for (const exact of ["killed at least 25", "Iran", "Bottom line, if we are attacked we\u2019ll respond,"]) {
      expect(placeSpan(new BodyChange(body, edited), spanAt(body, exact))).toEqual({ state: "ORPHANED" });
    }
  });

  it("finds an orphaned span again when its text comes back with its context", () => {
    const orphan: StoredSpan = { ...killed, state: "ORPHANED" };
    expect(placeSpan(new BodyChange("Something else.", body), orphan)).toMatchObject({ state: "ANCHORED", start: killed.start });
  });
});

describe("diffHunks", () => {
  it("describes an edit as EQUAL, DELETE and INSERT hunks with offsets in both bodies", () => {
    const hunks = diffHunks("Iran killed at least 25 people.", "Iran killed at least 29 people.");
    expect(hunks.map((hunk) => hunk.operation)).toEqual(["EQUAL", "DELETE", "INSERT", "EQUAL"]);
    expect(hunks[1]).toMatchObject({ text: "5", oldStart: 22, newStart: 22 });
    expect(hunks[2]).toMatchObject({ text: "9", oldStart: 23, newStart: 22 });
  });
});

describe("property: random edits away from spans", () => {
  // Spans all over the story: the quotes, and every occurrence of some names.
  const spans: StoredSpan[] = [];
  for (const exact of ["Bottom line, if we are attacked we\u2019ll respond,", "killed at least 25", "The totality of the information"]) spans.push(spanAt(body, exact));
  for (const word of ["Iran", "Basra", "Pompeo", "official"]) {
    for (let at = body.indexOf(word); at >= 0; at = body.indexOf(word, at + 1)) spans.push({ ...spanOf(body, at, at + word.length), state: "ANCHORED" });
  }
  /** The stretches of the body no span touches (edits go there). */
  const covered = new Uint8Array(body.length + 1);
  for (const span of spans) for (let index = span.start; index < span.end; index += 1) covered[index] = 1;

  const edit = fc
    .record({
      at: fc.integer({ min: 0, max: body.length }),
      deleteLength: fc.integer({ min: 0, max: 60 }),
      insert: fc.string({ unit: fc.constantFrom(..."abcdefgh xyz.,;\n\u201c\u201d'-"), maxLength: 80 }),
    })
    .map(({ at, deleteLength, insert }) => {
      // Shrink the deletion to stay off every span (and never cut through one).
      let end = at;
      while (end < Math.min(body.length, at + deleteLength) && !covered[end]) end += 1;
      return { at, end, insert };
    })
    .filter(({ at, end, insert }) => (end > at || insert.length > 0) && !(at > 0 && covered[at - 1] && covered[at]));

  it("keeps every span outside the edited region ANCHORED on its own text", () => {
    fc.assert(
      fc.property(edit, ({ at, end, insert }) => {
        const edited = body.slice(0, at) + insert + body.slice(end);
        const change = new BodyChange(body, edited);
        const delta = insert.length - (end - at);
        for (const span of spans) {
          const placement = placeSpan(change, span);
          expect(placement.state).toBe("ANCHORED");
          if (placement.state === "ORPHANED") continue;
          expect(edited.slice(placement.start, placement.end)).toBe(span.exact);
          const expected = span.start >= end ? span.start + delta : span.start;
          expect(Math.abs(placement.start - expected)).toBeLessThanOrEqual(insert.length + (end - at));
        }
      }),
      { numRuns: 150 },
    );
  });
});
