import { describe, expect, it } from "vitest";
import { quoteOf } from "./speech-support.js";

// Issue 17, pass h17al (pronoun speakers): when no titled person fits a pronoun, the latest name
// the story gave without a title is its antecedent only if that name's given name does not tell
// the other gender. Short texts written for these tests (a guard: these texts resolve right both
// before and after the change, which showed on longer stories only).


describe("a pronoun after two untitled names of different genders", () => {
  it("skips the later name whose given name is of the other gender", () => {
    const text = [
      "Harbor vote",
      "Robert Ellison lost three districts on Tuesday.",
      "Ellison lost the coast to Margaret Holloway, who widened her lead. He vowed that “the harbor will be rebuilt by every one of us.”",
    ].join("\n\n");
    expect(quoteOf(text, "the harbor will be rebuilt")?.speaker).toBe("Robert Ellison");
  });
});
