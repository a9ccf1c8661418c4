import { describe, expect, it } from "vitest";
import { quotesOf, quoteOf } from "./speech-support.js";

// Issue 17, pass h17ag (quotes and reports, round 2): a message whose delivery line names its
// author, a statement handed over by "X released this statement:" after an occasion clause, a
// title that only repeats a sentence of the statement, a reported clause that goes on after
// ", and are ..." (an auxiliary the speaker's own next act cannot take), and a charge laid aloud
// ("accused X of V-ing"). Each on short texts written for these tests.


describe("statements and messages handed over in a header or lead", () => {
  it("reads every paragraph under 'Message Delivered By <author>, <place>, <date>' as the author's", () => {
    const text = [
      "Harbor Authority Staff",
      "Message Delivered By Harbor Commissioner Lena Marsh, Portvale, Tuesday, March 4, 2025",
      "It is a privilege to join an authority that keeps our harbor open through every storm season.",
      "In the coming weeks I will visit each of our piers and listen to the crews who run them every day.",
      "The most important task before us is the repair of the northern breakwater before winter.",
    ].join("\n");
    const body = quotesOf(text).filter((quote) => quote.kind === "direct");
    expect(body).toHaveLength(3);
    expect(body.every((quote) => quote.speaker === "Lena Marsh")).toBe(true);
    expect(body[0]?.text).toMatch(/^It is a privilege/);
  });

  it("reads the paragraphs after 'On the news of ..., Governor X released this statement:' as the governor's", () => {
    const text = [
      "Governor Ada Quill on the Death of Tom Reyes",
      "Following the death of the bridge builder Tom Reyes, Governor Ada Quill released this statement:",
      "I am saddened to learn of the passing of Tom Reyes, who built half the bridges of this state.",
      "He was fond of saying that a bridge is a promise kept. Our state is poorer for his loss today.",
    ].join("\n\n");
    const body = quotesOf(text).filter((quote) => quote.kind === "direct");
    expect(body.map((quote) => quote.speaker)).toEqual(["Ada Quill", "Ada Quill"]);
    expect(body[0]?.text).toMatch(/^I am saddened/);
  });

  it("does not quote a title that only repeats a sentence of the statement below it", () => {
    const text = [
      'Governor Ada Quill on the Flood: "We will rebuild every home."',
      "After the flood on the river, Governor Ada Quill released this statement:",
      "Our thoughts are with every family who lost a home this week. We will rebuild every home. The state will stand with the valley until the work is done.",
    ].join("\n\n");
    const direct = quotesOf(text).filter((quote) => quote.kind === "direct");
    expect(direct).toHaveLength(1);
    expect(direct[0]?.text).toMatch(/^Our thoughts are with/);
  });
});

describe("reported clauses that go on after ', and <auxiliary>'", () => {
  it("keeps ', and are now ...' in the clause after 'says' (a plural auxiliary the singular speaker cannot take)", () => {
    const text = ["Rangers advance", "Park spokesman Omar Velde says rangers have moved east about ten kilometers, and are now at the edge of the reserve."].join("\n\n");
    expect(quoteOf(text, "rangers have moved")?.text).toMatch(/and are now at the edge of the reserve$/);
  });

  it("keeps ', and is ...' in the clause after a past 'said' (the speaker's own next act is told in the past)", () => {
    const text = ["Road cut", "The mayor said the coast road was cut by the storm on Monday, and is still closed to all traffic."].join("\n\n");
    expect(quoteOf(text, "the coast road was cut")?.text).toMatch(/and is still closed to all traffic$/);
  });

  it("still ends the clause at ', and was ...' after 'said' (the speaker's next act)", () => {
    const text = ["Council meets", "Councilor Rita Fenn said the budget would pass easily, and was then seen leaving the hall early."].join("\n\n");
    expect(quoteOf(text, "the budget would pass")?.text).toMatch(/pass easily$/);
  });
});

describe("a charge laid aloud: 'accused X of V-ing'", () => {
  it("reports the accused and the charge as the accuser's reported speech", () => {
    const text = ["Harbor dispute", "Union leader Marta Ilves accused the port company of hiding the accident reports from inspectors."].join("\n\n");
    const quote = quoteOf(text, "the port company of hiding");
    expect(quote?.kind).not.toBe("direct");
    expect(quote?.speaker).toBe("Marta Ilves");
    expect(quote?.text).toBe("the port company of hiding the accident reports from inspectors");
  });

  it("ends the charge before 'and urged' and before a trailing participle", () => {
    const text = [
      "Opposition rejects vote",
      "Opposition leader Karl Brandt on Monday accused the governor of staging a coup when he closed the assembly, casting doubt over the vote.",
      "Brandt accused the governor of creating a one-party state and urged voters to stay home.",
    ].join("\n\n");
    expect(quoteOf(text, "the governor of staging")?.text).toBe("the governor of staging a coup when he closed the assembly");
    expect(quoteOf(text, "the governor of creating")?.text).toBe("the governor of creating a one-party state");
  });

  // h17aq: a noun charge ("of theft") is a charge laid aloud too, as the keys since speech-29 read
  // "accuse(d) X of Y"; the passive still reports nothing.
  it("reads no report in the passive 'was accused of', and a noun charge as a report", () => {
    const text = ["Trial opens", "The clerk was accused of stealing ballots. The lawyer accused the clerk of theft in court on Friday."].join("\n\n");
    expect(quoteOf(text, "stealing ballots")).toBeUndefined();
    expect(quoteOf(text, "the clerk of theft")?.kind).toBe("indirect");
  });
});

describe("reports after a fronted phrase and after an appositive subject", () => {
  it("reports 'says[,] in the first round X won ...' with the fronted phrase in the clause", () => {
    const text = ["Runoff ahead", "Campaign manager Ines Dallo says, in the first round the senator won the northern part of the state, regardless of party.", "Dallo says in the spring the party opened offices in every town."].join("\n\n");
    expect(quoteOf(text, "in the first round the senator won")?.speaker).toBe("Ines Dallo");
    expect(quoteOf(text, "in the spring the party opened")?.speaker).toBe("Ines Dallo");
  });

  it("reads no fronted clause after a phrase naming the medium ('said in a statement the ...')", () => {
    const text = ["Bridge works", "The mayor said in a statement the bridge would reopen."].join("\n\n");
    expect(quoteOf(text, "in a statement")).toBeUndefined();
  });

  it("gives '..., Name, welcomed X and predicted Y' to the name in apposition", () => {
    const text = ["Vote count", "On Friday, the senator's campaign spokesman, Ines Dallo, thanked voters for a calm election and predicted the senator would win the runoff."].join("\n\n");
    expect(quoteOf(text, "the senator would win")?.speaker).toBe("Ines Dallo");
  });
});

describe("subjects the reading missed", () => {
  it("reads 'the Harris’ campaign says ...' with the possessive apostrophe in the subject", () => {
    const text = ["Fundraising", "Governor Ana Harris’ campaign says it raised more than $2 million in March, bringing its total to $9 million."].join("\n\n");
    const quote = quoteOf(text, "it raised more than");
    expect(quote).toBeDefined();
    expect(quote?.text).toMatch(/bringing its total to \$9 million$/);
  });

  it("gives '..., then says ...' and 'and then said ...' to the clause's subject", () => {
    const text = ["Town hall", "Senator Paul Kemp offered the heckler a seat on stage, then says he will take questions from anyone.", "Mayor Rosa Lind thanked the crowd and then said the library would stay open."].join("\n\n");
    expect(quoteOf(text, "he will take questions")?.speaker).toBe("Paul Kemp");
    expect(quoteOf(text, "the library would stay open")?.speaker).toBe("Rosa Lind");
  });
});

describe("an office's release that hands the page to a person", () => {
  it("gives the body after 'Below is the transcript of Secretary X's statement:' to X, and the release's own lines to the office", () => {
    const text = [
      "Secretary Nadia Holm's Harvest Day Message to Embassies",
      "Media Note",
      "Bureau of Public Affairs, Office of the Spokesman",
      "Washington, DC",
      "September 2, 2024",
      "A video of Secretary of State Nadia Holm delivering a Harvest Day message to embassies worldwide is available for viewing online:",
      "Below is the transcript of Secretary Holm’s statement on the occasion of Harvest Day:",
      "Hello everyone. I am glad to greet you on behalf of the people of our country as we celebrate the harvest.",
      "Thank you for joining us and have a wonderful Harvest Day with your families and friends.",
    ].join("\n\n");
    const direct = quotesOf(text).filter((quote) => quote.kind === "direct");
    expect(direct.find((quote) => quote.text.startsWith("Hello everyone"))?.speaker).toBe("Nadia Holm");
    expect(direct.find((quote) => quote.text.startsWith("Thank you for joining"))?.speaker).toBe("Nadia Holm");
    const own = direct.find((quote) => quote.text.startsWith("Below is the transcript"));
    expect(own?.speakerKind).toBe("organization");
    expect(direct.find((quote) => quote.text.startsWith("A video of Secretary"))?.speakerKind).toBe("organization");
  });
});

