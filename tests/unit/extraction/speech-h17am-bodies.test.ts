import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";
import { stateBodyName } from "../../../src/extraction/speech/organizations.js";
import { reportsOf } from "./speech-support.js";

// Issue 17, pass h17am: a named institution speaking as a body ("the Pakistani army said",
// "Kenya's government said") is an organization speaker; a description of people that names no
// body ("officials", "police", "witnesses", "a spokesman for the army") stays an unnamed source
// (eval/first-sight/speech/README.md). Texts written for these tests.

const story = (...paragraphs: string[]): string => ["Fighting Flares Near the Border", ...paragraphs].join("\n\n");

describe("state institutions speaking as bodies", () => {
  it("names a country's adjective or possessive before an institution as an organization", () => {
    expect(stateBodyName("The Pakistani army")).toBe("Pakistani army");
    expect(stateBodyName("Kenya's government")).toBe("Kenyan government");
    expect(stateBodyName("the Sri Lankan military")).toBe("Sri Lankan military");
    expect(stateBodyName("the government of Nepal")).toBe("government of Nepal");
    expect(stateBodyName("The Kenyan police force")).toBe("Kenyan police force");
    expect(stateBodyName("Egypt's foreign ministry")).toBe("Egyptian foreign ministry");
    // A place before the head is the text's own spelling.
    expect(stateBodyName("The U.S. military")).toBe("U.S. military");
  });

  it("leaves people described by a force or a place unnamed", () => {
    for (const description of ["Police", "Afghan police", "Pakistani authorities", "the army", "United States officials", "Military officials"]) expect(stateBodyName(description)).toBeNull();
  });

  it("gives reported speech of an army or a government to the body, and a later bare reference too", () => {
    const text = story(
      "Fighting broke out on Monday near the border town. The Nigerian military said it had rescued forty hostages from a forest camp.",
      "Aid groups asked for access to the area. The military said it would open a road for civilians on Friday.",
      "Chad's government said it would send a delegation to the talks.",
    );
    const quotes = reportsOf(text);
    expect(quotes.map((quote) => [quote.speaker, quote.speakerKind])).toEqual([
      ["Nigerian military", "organization"],
      ["Nigerian military", "organization"],
      ["Chadian government", "organization"],
    ]);
    expect(extractArticle(text).organizations).toEqual(expect.arrayContaining(["Nigerian military", "Chadian government"]));
  });

  it("spells a two-word adjective in full (\"Sri Lankan\")", () => {
    const [quote] = reportsOf(story("Fighting broke out on Monday. The Sri Lankan military said the rebels had fled into the jungle."));
    expect(quote?.speaker).toBe("Sri Lankan military");
  });

  it("keeps officials, witnesses, police and a spokesman for the army unnamed sources", () => {
    const text = story(
      "Fighting broke out on Monday near the border town. Officials said the road would reopen on Friday.",
      "Witnesses said the blast shattered windows across the street. Police said two men had been detained.",
      "A spokesman for the army said the soldiers had returned fire. Police in the capital said the streets were calm.",
    );
    const quotes = reportsOf(text);
    expect(quotes).toHaveLength(5);
    for (const quote of quotes) expect([quote.speaker, quote.speakerKind]).toEqual([null, null]);
    expect(extractArticle(text).organizations).not.toContain("Police in the capital");
  });

  it("keeps named ministries and councils as the text names them", () => {
    const quotes = reportsOf(story("Fighting broke out on Monday. The Interior Ministry said in a statement that three suspects had been arrested.", "The Security Council said the attack was a grave breach of the truce."));
    expect(quotes.map((quote) => quote.speaker)).toEqual(["Interior Ministry", "Security Council"]);
  });
});

describe("explanations reported", () => {
  it("reads \"explained how/why CLAUSE\" as the explainer's reported speech, also with a listener between", () => {
    const quotes = reportsOf(story("The council met on Monday. Mayor Jane Doe explained how the city would pay for the new bridge.", "Mayor Jane Doe explained to reporters why the talks had failed after three days."));
    expect(quotes.map((quote) => [quote.speaker, quote.text])).toEqual([
      ["Jane Doe", "how the city would pay for the new bridge"],
      ["Jane Doe", "why the talks had failed after three days"],
    ]);
  });

  it("leaves an explanation with no clause (\"explained his plan\") unreported", () => {
    expect(reportsOf(story("The council met on Monday. Mayor Jane Doe explained her plan to the council in detail."))).toEqual([]);
  });
});
