import { describe, expect, it } from "vitest";
import { quoteOf } from "./speech-support.js";

// Issue 17, pass h17ad (speakers at first sight): a body cited by an acronym the story spells out
// only by its full name speaks by that name; a surname opening on a lower-case particle
// ("al-Karim") is the person named in full before; a quotation after a sentence of narration
// with a named subject is that subject's; "said that once ..., “...”" keeps the quotation with the
// verb's subject; a quotation closed by its own full stop after another in its paragraph is not
// given to the "X said he ..." sentence after it. Each on short texts written for these tests.


describe("an acronym the story spells out by the initials of a body's name", () => {
  const text = [
    "Opposition strike",
    "Ruritania's opposition Harbor Workers Union says 30 members have been detained since Monday.",
    "The HWU says a newly elected councillor is among those detained by police. The HWU said its call was for people to stay home.",
  ].join("\n\n");

  it("gives the acronym's quotes to the full name, every time", () => {
    expect(quoteOf(text, "a newly elected councillor")?.speaker).toBe("Harbor Workers Union");
    expect(quoteOf(text, "its call was")?.speaker).toBe("Harbor Workers Union");
  });

  it("keeps the acronym when no body of the story has those initials", () => {
    const other = ["Strike called", "The HWU said its call was for people to stay home on Friday."].join("\n\n");
    expect(quoteOf(other, "its call was")?.speaker).toBe("HWU");
  });
});

describe("a surname that opens on a lower-case particle", () => {
  it("reads 'al-Karim said' as the commander named in full before", () => {
    const text = [
      "Rebels claim helicopter",
      "Rebel Army Commander Yusuf al-Karim spoke to reporters by phone from the hills.",
      "“Yesterday the air force attacked our area with helicopters. Our forces dealt with them,” al-Karim said.",
    ].join("\n\n");
    expect(quoteOf(text, "Yesterday the air force")?.speaker).toBe("Yusuf al-Karim");
  });
});

describe("a quotation after a sentence of narration", () => {
  const text = ["Harbor vote looms", "Mayor Ana Ruiz and council member Tom Berg clashed over the harbor plan on Monday."];

  it("is the words of the named subject of the sentence before it in its paragraph", () => {
    const story = [...text, "Ruiz touted her record as a sponsor of the plan. “We need to find ways to support workers at the harbor. Labor should be protected.”"].join("\n\n");
    expect(quoteOf(story, "We need to find ways")?.speaker).toBe("Ana Ruiz");
  });

  it("stays unattributed when the sentence before has no person for a subject", () => {
    const story = [...text, "The harbor has lost money for three years. “We need to find ways to support workers at the harbor.”"].join("\n\n");
    expect(quoteOf(story, "We need to find ways")?.speaker).toBeNull();
  });
});

describe("a fronted clause between the reporting verb and the quotation", () => {
  it("keeps 'Berg said that once ..., “...”' with Berg", () => {
    const story = ["Harbor vote looms", "Mayor Ana Ruiz and council member Tom Berg clashed over the harbor plan.", "Ruiz declined to comment. By contrast, Berg said that once the council goes on recess, “I intend to do as much as I can, wherever I can.”"].join("\n\n");
    expect(quoteOf(story, "I intend to do")?.speaker).toBe("Tom Berg");
  });
});

describe("a quotation closed by its own full stop, then another speaker's reported clause", () => {
  it("goes on with the speaker of the quotation before it in its paragraph", () => {
    const story = [
      "Harbor fight",
      "On Tuesday, both of Ruiz's rivals criticized her handling of the incident.",
      "“It's a very sad development,” Tom Berg told reporters outside a cafe. “This is the consequence of the culture of the Ruiz campaign.” Council member Ana Lopes said she would have fired the manager if such an incident had happened in her campaign.",
    ].join("\n\n");
    expect(quoteOf(story, "This is the consequence")?.speaker).toBe("Tom Berg");
    expect(quoteOf(story, "she would have fired")?.speaker).toBe("Ana Lopes");
  });

  it("still gives a lone quotation to the 'X said' sentence right after it", () => {
    const story = ["Harbor fight", "“We will keep the harbor open.” Mayor Tom Berg said on Monday, speaking at the port."].join("\n\n");
    expect(quoteOf(story, "We will keep")?.speaker).toBe("Tom Berg");
  });
});

describe("a pronoun after an untitled name's surname that opens a sentence after an acronym", () => {
  it("reads 'ISAF. Olsen called ... “...,” he said' as Olsen, not the general named before", () => {
    const story = [
      "Minister tours bases",
      "LISBON, Jan. 20 – Seeking first-hand views, Robert M. Olsen made his second trip to the bases.",
      "The next day, Olsen traveled to alliance headquarters for meetings with the Supreme Allied Commander Army Gen. Bantz Crandall. The alliance commands the mission.",
      "There are more than 30,000 soldiers serving in ISAF. Olsen called the mission a model of the alliance's potential. “Success in the north is our top priority,” he said.",
    ].join("\n\n");
    expect(quoteOf(story, "Success in the north")?.speaker).toBe("Robert M. Olsen");
  });
});
