import { describe, expect, it } from "vitest";
import { relocate } from "../../src/modules/articles/reanchor.js";

describe("relocate", () => {
  const body = "Iran has blamed the U.S. and Israel for the attack that killed at least 25.";
  const span = { start: body.indexOf("killed"), end: body.indexOf("killed") + 18, exact: "killed at least 25" };

  it("keeps a span whose text is still in place", () => {
    expect(relocate(span, body)).toMatchObject({ state: "ANCHORED", moved: false, start: span.start });
  });

  it("moves a span whose text now stands once elsewhere, with fresh context", () => {
    const edited = `Update: ${body}`;
    const result = relocate(span, edited);
    expect(result).toMatchObject({ state: "ANCHORED", moved: true, start: span.start + 8, end: span.end + 8 });
    if (result.state === "ANCHORED") expect(result.prefix.endsWith("attack that ")).toBe(true);
  });

  it("orphans a span whose text is gone or now ambiguous, rather than guessing", () => {
    expect(relocate(span, body.replace("at least 25", "at least 30"))).toEqual({ state: "ORPHANED" });
    expect(relocate(span, `killed at least 25. ${body.replace("Iran", "Tehran")}`)).toEqual({ state: "ORPHANED" });
    expect(relocate({ start: 0, end: 0, exact: "" }, body)).toEqual({ state: "ORPHANED" });
  });
});
