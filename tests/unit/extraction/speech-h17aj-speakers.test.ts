import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";
import { quoteIn } from "./speech-support.js";

// Issue 17, pass h17aj (speakers, round 4): a pronoun that named a speaker carries the chain to
// the next pronoun; a speaker described by an indefinite role and named in the next sentence is
// that person; a deck's lone title ("Secretary calls ...") is the one holder of that title;
// "Mister Doe" is Mr. Doe. Short texts written for these tests.


describe("a pronoun chain across paragraphs", () => {
  const text = [
    "Ruritania Party Splits",
    "Last month delegates replaced the party leader with Karl Weber, a former minister, and his allies.",
    "An analyst with the Center for Policy Studies, Piet Brandt, tells reporters the split was long coming.",
    "Brandt says he believes the cabinet backed the move and the registrar broke the rules by listing Weber early.",
    "He explains what he thinks the cabinet will gain.",
    "\"Of course, to weaken the opposition before the vote,\" he said. \"You need a majority to pass laws.\"",
  ].join("\n\n");
  const extraction = extractArticle(text);

  it("gives 'he said' to the speaker the last pronoun named, not to a person named inside his report", () => {
    expect(quoteIn(extraction, "Of course, to weaken")?.speaker).toBe("Piet Brandt");
    expect(quoteIn(extraction, "You need a majority")?.speaker).toBe("Piet Brandt");
  });
});

describe("a described speaker named in the next sentence", () => {
  it("gives 'a lawyer for X said' to the person the next sentence names as part of X's team", () => {
    const text = [
      "Lawyer Seeks Witnesses",
      "A lawyer for Jan Novak said the city court should call witnesses from abroad.",
      "Otto Lenz, part of Novak's legal team, said on Monday that the court had not summoned anyone yet.",
    ].join("\n\n");
    const extraction = extractArticle(text);
    expect(quoteIn(extraction, "the city court should call")?.speaker).toBe("Otto Lenz");
  });

  it("gives 'an election official said' to the official named after the next quotation", () => {
    const text = [
      "No Second Round, Official Says",
      "The ruling party's apparent sweep will not be contested by a second round, an election official said Monday.",
      "\"There is no reason for a new vote without evidence,\" Mara Sol, head of the Election Board's operations office, said on a radio program.",
    ].join("\n\n");
    const extraction = extractArticle(text);
    expect(quoteIn(extraction, "The ruling party's apparent sweep")?.speaker).toBe("Mara Sol");
  });

  it("keeps the described speaker unnamed when the next sentence's appositive shares nothing with the description", () => {
    const text = [
      "Flood Relief",
      "A lawyer for Jan Novak said the court should delay the hearing.",
      "Otto Lenz, a farmer from the valley, said on Monday that the floods had ruined his crops.",
    ].join("\n\n");
    const quote = quoteIn(extractArticle(text), "the court should delay");
    expect(quote?.speaker ?? null).toBeNull();
    expect(quote?.speakerDescription).toMatch(/lawyer/);
  });
});

describe("titles in decks and Special English", () => {
  it("gives a deck's partial quote after a lone title to the one holder of that title", () => {
    const text = [
      "Doe Sees Talks as Key",
      "Secretary calls talks a chance to end \"toxic politics\" in the region",
      "The talks are the key to ending the conflict, according to Secretary of State Jane Doe.",
    ].join("\n\n");
    expect(quoteIn(extractArticle(text), "toxic politics")?.speaker).toBe("Jane Doe");
  });

  it("reads 'Mister Doe' as Mr. Doe", () => {
    const text = [
      "Farm Aid",
      "Last week, Agriculture Secretary Tom Vale announced help for farmers hurt by drought. Mister Vale said the aid is worth about nine hundred million dollars.",
    ].join("\n\n");
    expect(quoteIn(extractArticle(text), "the aid is worth")?.speaker).toBe("Tom Vale");
  });
});

describe("a person named again under a misspelled surname or a title read only from a header", () => {
  it("gives 'spokesman Xyz' to the person whose long surname differs by one letter", () => {
    const text = [
      "Rebels Cornered",
      "Army media director Brigadier Anil Wickramasuriya tells reporters the rebels have been pushed back.",
      "Military spokesman Wickramassuriya says a safe zone has been set up for the refugees.",
    ].join("\n\n");
    expect(quoteIn(extractArticle(text), "a safe zone has been set up")?.speaker).toBe("Anil Wickramasuriya");
  });

  it("gives 'the press secretary said' to the person a header line titled so", () => {
    const text = [
      "Daily Briefing",
      "Palace Press Secretary Jo Brandt briefed",
      "The king \"welcomes the accord,\" Brandt said. The Press Secretary reminded reporters that the king had phoned the prime minister on Monday.",
    ].join("\n\n");
    expect(quoteIn(extractArticle(text), "the king had phoned")?.speaker).toBe("Jo Brandt");
  });
});

describe("a role reference to an untitled person described by an appositive", () => {
  it("gives 'the traffic officer said' to the person introduced as 'a ... officer'", () => {
    const text = [
      "Guards Complain",
      "\"We get no fuel for the trucks,\" said Tomas, a 12-year veteran officer who asked that his surname not be used.",
      "The traffic officer said that wages are small but it does no good to complain. Nobody listens.",
    ].join("\n\n");
    expect(quoteIn(extractArticle(text), "wages are small")?.speaker).toBe("Tomas");
  });
});
