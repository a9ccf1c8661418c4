import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";
import { quotesOf, quoteOf } from "./speech-support.js";

// Issue 17, pass h17ab (speech-20's speaker misses): staff named by a possessive and officials
// described by whom they travel with stay unnamed; a person described at length after a quote
// ("a guard, dressed in …, told …") is an unnamed source with that whole description, and "he
// said" after it continues them; a short quotation a naming verb introduces is a name; a definite
// role description whose words are all in one named person's title is that person; "hinted" and
// "charged" report speech. Each on short texts written for these tests.


describe("staff and companions of a named person", () => {
  it("gives 'Ruiz's spokesman said' to the unnamed spokesman, not to Ruiz", () => {
    const text = ["Ferry strike ends", "President Alma Ruiz plans to address the nation on Friday. Ruiz's spokesman said she would not appear at the harbor as planned."].join("\n\n");
    const quote = quoteOf(text, "she would not appear");
    expect(quote?.speaker).toBeNull();
    expect(quote?.speakerDescription).toBe("Ruiz's spokesman");
  });

  it("gives 'Officials traveling with Berg said' to the officials, and keeps Berg a person of the story", () => {
    const text = ["Minister tours dams", "Water Minister Tomas Berg visited three dams on Tuesday. Officials traveling with Berg said the minister wanted to hear from engineers first.", "Officials close to Berg said he would return next month."].join("\n\n");
    expect(quoteOf(text, "the minister wanted")?.speaker).toBeNull();
    expect(quoteOf(text, "the minister wanted")?.speakerDescription).toMatch(/^Officials traveling with Berg$/i);
    expect(quoteOf(text, "he would return")?.speaker).toBeNull();
    expect(quoteOf(text, "he would return")?.speakerDescription).toMatch(/officials close to Berg/i);
    expect(extractArticle(text).people.map((person) => person.name)).toContain("Tomas Berg");
  });
});

describe("a person described at length", () => {
  const text = [
    "Dockworkers march",
    "“We have not been paid since March,” a dockworker, dressed in overalls and holding a sign, told reporters. He said the union would march again.",
    "“The bosses told us to wait,” a woman, wearing a red scarf and dark glasses told the crowd.",
  ].join("\n\n");

  it("keeps the whole description when the verb comes after the aside's comma", () => {
    const quote = quoteOf(text, "We have not been paid");
    expect(quote?.speaker).toBeNull();
    expect(quote?.speakerDescription).toBe("a dockworker, dressed in overalls and holding a sign");
  });

  it("keeps the whole description when the verb follows the aside's last noun", () => {
    expect(quoteOf(text, "The bosses told us")?.speakerDescription).toBe("a woman, wearing a red scarf and dark glasses");
  });

  it("gives 'he said' after it to the person so described", () => {
    expect(quoteOf(text, "the union would march")?.speakerDescription).toBe("a dockworker, dressed in overalls and holding a sign");
  });

  it("does not give 'he said' to a person the story only referred to as 'the actor'", () => {
    const story = ["Film night", "Jon Pell spoke at the festival on Friday. The actor said the film took four years.", "“I am tired of waiting,” he said."].join("\n\n");
    expect(quoteOf(story, "I am tired")?.speaker).toBe("Jon Pell");
  });
});

describe("names in quotation marks", () => {
  it("drops a short quotation that 'calls itself' introduces", () => {
    const text = ["Guards protest", "A guard said he belongs to a group that calls itself “Night Watch 12” and that it has 300 members."].join("\n\n");
    expect(quotesOf(text).some((quote) => quote.text.includes("Night Watch 12") && quote.kind !== "indirect")).toBe(false);
  });

  it("drops a short quotation that 'dubbed' introduces", () => {
    const text = ["Port plan", "Mayor Ines Tal said on Monday that the plan, dubbed “the quiet road,” would cost little."].join("\n\n");
    expect(quotesOf(text).some((quote) => quote.kind !== "indirect" && quote.text.includes("quiet road"))).toBe(false);
  });
});

describe("a role description of a titled person", () => {
  it("reads 'the rebel leader' as the person titled rebel leader, not an unnamed leader described earlier", () => {
    const text = [
      "Rebels meet envoys",
      "The leader of the main rebel group promised to withdraw. Reporters met rebel leader Paolo Serra in Geneva on Monday.",
      "The rebel leader said every effort must be made to end the war.",
    ].join("\n\n");
    expect(quoteOf(text, "every effort must be made")?.speaker).toBe("Paolo Serra");
  });
});

describe("reporting verbs", () => {
  it("reads 'hinted that' as reported speech", () => {
    const text = ["Budget fight", "Senator Ana Cole hinted that she would vote against the bill."].join("\n\n");
    expect(quoteOf(text, "she would vote against")?.speaker).toBe("Ana Cole");
  });

  it("reads 'charged that' as reported speech", () => {
    const text = ["Budget fight", "Finance Minister Omar Vance charged that the opposition had lied about the deficit."].join("\n\n");
    expect(quoteOf(text, "the opposition had lied")?.speaker).toBe("Omar Vance");
  });

  it("attributes a quotation to 'the minister charged'", () => {
    const text = ["Budget fight", "Finance Minister Omar Vance spoke on Monday.", "“They lied about the deficit,” the minister charged."].join("\n\n");
    expect(quoteOf(text, "They lied")?.speaker).toBe("Omar Vance");
  });
});

describe("a lead that names its speaker in the next paragraph", () => {
  const text = [
    "Recruits ready",
    "By Ann Lee",
    "HARBOR CITY, May 3, 2011 – Two years of training have turned recruits into a force that is learning to serve, the Harbor Training Command commander said yesterday.",
    "Army Lt. Gen. Marcus Vale, who also commands the coast guard school, spoke with reporters at the base about the program.",
  ].join("\n\n");

  it("gives the role description to the person the next paragraph opens with", () => {
    expect(quoteOf(text, "Two years of training")?.speaker).toBe("Marcus Vale");
  });

  it("does not when the lead already named someone", () => {
    const named = text.replace("Two years of training", "As Mayor Rita Holm watched, two years of training");
    expect(quoteOf(named, "two years of training")?.speaker ?? null).not.toBe("Marcus Vale");
  });
});

describe("people's spellings", () => {
  it("lists the name without its middle initial as an alias", () => {
    const people = extractArticle(["Port opens", "Harbor Minister Jonas K. Pell said the port would open on Monday."].join("\n\n")).people;
    expect(people.find((person) => person.name === "Jonas K. Pell")?.aliases).toContain("Jonas Pell");
  });
});

describe("a newspaper named by its head word alone", () => {
  it("reads 'the Herald said' as the paper speaking, in the spelling the story gave it", () => {
    const text = ["Dam dispute", "The state daily, The Herald, ran the story on Monday. The dam will cost more, the Herald said."].join("\n\n");
    const quote = quoteOf(text, "The dam will cost more");
    expect(quote?.speaker).toBe("The Herald");
    expect(extractArticle(text).organizations.filter((name) => /herald/i.test(name))).toEqual(["The Herald"]);
  });

  it("does not read 'the Minister said' as a body", () => {
    const text = ["Dam dispute", "Water Minister Tomas Berg visited the dam. The dam will cost more, the Minister said."].join("\n\n");
    expect(quoteOf(text, "The dam will cost more")?.speaker).toBe("Tomas Berg");
  });
});
