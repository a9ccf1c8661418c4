import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";

// Issue 17, nineteenth pass (studied on speech-19): a briefing whose one briefer is labelled by
// surname alone ("Doe:") while the second briefer the header names never speaks; an unsigned
// release printed with its title only ("The Agency announced today ..."); a statement headed "by
// the President Following the ...". Texts written for these tests.

const directs = (text: string) => extractArticle(text).quotes.filter((quote) => quote.kind === "direct");

const ONE_BRIEFER = [
  "Defense Ministry News Briefing - Secretary Doe and Admiral Roe",
  "Defense Ministry",
  "News Transcript",
  "Presenter: Secretary of Defense Jane Q. Doe March 3, 2010",
  "(Also participating was Admiral John Roe, Fleet Command.)",
  "Doe: Good morning. The admiral is in town this week, so I asked him to come down and take a few questions from all of you.",
  "Q: Welcome back!",
  "Doe: Before we start, I want to say a word about the storms along the coast and the work of the crews there.",
  "The crews have cleared most of the channels, and ships are moving again through the northern port.",
].join("\n\n");

describe("a briefing with one surname-labelled briefer", () => {
  it("reads each turn, the briefer's as the header's full name", () => {
    const quotes = directs(ONE_BRIEFER);
    expect(quotes).toHaveLength(4);
    expect(quotes.filter((quote) => quote.speaker === "Jane Q. Doe")).toHaveLength(3);
    expect(quotes.every((quote) => quote.medium === "briefing")).toBe(true);
  });

  it("reads no turn when the text is a news story, not a transcript", () => {
    const story = [
      "Jane Doe, a fisher in Portville, has worked the harbor for thirty years.",
      "Doe: a life on the water, and a hard one for everyone who works it, as she tells it.",
      "Doe: the name is known in every port along this coast.",
      "Q: what comes next for the harbor is still unclear.",
    ].join("\n\n");
    expect(directs(story)).toEqual([]);
  });
});

const TITLE_ONLY_RELEASE = [
  "Navy Casualty",
  "The Department of the Navy announced today the death of a sailor who was serving at sea.",
  "Petty Officer John Roe, 31, of Portville, died March 2 aboard a ship in the northern sea. He was assigned to a patrol squadron based in Harbor City.",
  "For further information media may contact the squadron's public affairs office.",
].join("\n\n");

describe("an unsigned release printed with its title only", () => {
  it("makes every body paragraph the announcing department's statement", () => {
    const quotes = directs(TITLE_ONLY_RELEASE);
    expect(quotes).toHaveLength(3);
    expect(quotes.every((quote) => /Department of the Navy/.test(quote.speaker ?? ""))).toBe(true);
    expect(quotes.every((quote) => quote.medium === "statement")).toBe(true);
  });

  it("leaves a news story that opens so but reports speech", () => {
    const story = [
      "Navy Casualty",
      "The Department of the Navy announced today the death of a sailor who was serving at sea.",
      "His mother said he had always wanted to go to sea.",
    ].join("\n\n");
    expect(directs(story)).toEqual([]);
  });
});

const PRESIDENT_FOLLOWING = [
  "Statement by the President Following the Storm on the Coast",
  "For Immediate Release",
  "I was saddened to learn of the lives lost in the storm along the coast today. My thoughts are with the families of those who died, and we will give the towns every help they need to rebuild.",
].join("\n\n");

describe("a statement headed by the President following an event", () => {
  it("reads the body as the unnamed President's statement", () => {
    const quotes = directs(PRESIDENT_FOLLOWING);
    expect(quotes).toHaveLength(1);
    expect(quotes[0]?.speaker ?? null).toBeNull();
    expect(quotes[0]?.speakerDescription).toMatch(/^the President$/);
  });
});

describe("reported speech that goes on with 'continue to'", () => {
  it("keeps ', but her party, and others, continue to work ...' in the reported clause", () => {
    const text = "Harbor party leader Jane Doe said she does not expect a fair vote, but her party, and others, continue to work in a race the ruling party is widely favored to win.";
    const reported = extractArticle(text).quotes.filter((quote) => quote.kind !== "direct");
    expect(reported).toHaveLength(1);
    expect(reported[0]?.text).toMatch(/continue to work in a race the ruling party is widely favored to win$/);
  });

  it("still ends the clause at a new speaker who continued", () => {
    const text = "Jane Doe said the port would reopen soon, and the harbor master continued that ships were waiting.";
    const reported = extractArticle(text).quotes.filter((quote) => quote.kind !== "direct");
    expect(reported[0]?.text).toMatch(/^the port would reopen soon$/);
  });
});

describe("a body's name set off by commas after its description", () => {
  it("reads 'The state newspaper, The Harbor Times, said ...' as the paper's report", () => {
    const text = "Police in Harbor City searched the offices of a union on Monday.\n\nThe state newspaper, The Harbor Times, said the police were looking for illegal papers.";
    const reported = extractArticle(text).quotes.filter((quote) => quote.kind !== "direct");
    expect(reported).toHaveLength(1);
    expect(reported[0]?.text).toMatch(/^the police were looking for illegal papers/);
    expect(reported[0]?.speaker ?? "").toMatch(/Harbor Times/);
  });
});
