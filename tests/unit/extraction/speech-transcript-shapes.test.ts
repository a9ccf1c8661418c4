import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";
import { analyzeText } from "../../../src/extraction/text.js";

// Issue 17, transcript shapes (class 4; studied on speech-13's briefings and the earlier batches'):
// turns labelled by surname alone under a header that names the speakers, print copy
// hard-wrapped at a fixed width, reporters called on or addressed in new places, stage notes and a
// release's foot, surnames in capitals with "Mc"; each on short transcripts written for these tests.

const quotesOf = (text: string): { text: string; speaker: string | null; description: string | null; medium: string | null }[] =>
  extractArticle(text).quotes.filter((quote) => quote.kind !== "indirect").map((quote) => ({ text: quote.text, speaker: quote.speaker, description: quote.speakerDescription, medium: quote.medium }));

describe("turns labelled by surname alone", () => {
  const header = [
    "Harbor Command News Briefing",
    "News Briefing: Marta Lindqvist, Assistant Secretary for Public Affairs, Tuesday, 2:00 p.m. Also participating was Rear Admiral Tomas P. Okafor, director of operations.",
  ];

  it("reads 'Lindqvist:' and 'Okafor:' as turns when the header names both in full", () => {
    const text = [
      ...header,
      "Lindqvist: Good afternoon. We have the names of the sailors lost at sea yesterday.",
      "From the fleet: Petty Officer Anna Berg, of Portland.",
      "Okafor: Thank you, Ms. Lindqvist.",
      "The search continues in the northern channel. We have found debris near the reef.",
    ].join("\n\n");
    const quotes = quotesOf(text);
    expect(quotes.map((quote) => quote.speaker)).toEqual(["Marta Lindqvist", "Marta Lindqvist", "Tomas P. Okafor", "Tomas P. Okafor"]);
    expect(quotes.every((quote) => quote.medium === "briefing")).toBe(true);
    expect(quotes[1]?.text).toBe("From the fleet: Petty Officer Anna Berg, of Portland.");
  });

  it("reads no transcript when one of the surnames is not named before its label", () => {
    const text = [
      "Harbor Notes",
      "Marta Lindqvist leads the harbor board this year.",
      "Lindqvist: The board meets on Tuesday in the old customs house.",
      "Okafor: The ferry schedule will change after the holiday weekend.",
    ].join("\n\n");
    expect(quotesOf(text).filter((quote) => quote.medium === "briefing")).toEqual([]);
  });
});

describe("print transcripts hard-wrapped at a fixed width", () => {
  const text = [
    "Press Briefing by Jonas Whitfield",
    "For Immediate Release",
    "Office of the Press Secretary",
    "March 3, 2004",
    "MR. WHITFIELD: The Governor this morning began his day with a call to the",
    "Mayor of Eastport. They discussed the repairs to the harbor wall, as well",
    "as the funding of the new ferry terminal that opens in the spring of next",
    "year.",
    "The Governor also met with the members of the port commission, who will",
    "vote next week on the dredging contract for the southern channel and its",
    "approaches.",
    "And with that, I'm happy to take questions.",
    "Q Since your briefing yesterday, has the Governor spoken to the Mayor",
    "about the closing of the northern pier?",
  ].join("\n");

  it("joins a wrapped paragraph's lines and keeps the header lines apart", () => {
    const paragraphs = analyzeText(text).paragraphs.map((paragraph) => text.slice(paragraph.start, paragraph.end));
    expect(paragraphs.slice(0, 4)).toEqual(["Press Briefing by Jonas Whitfield", "For Immediate Release", "Office of the Press Secretary", "March 3, 2004"]);
    expect(paragraphs).toHaveLength(8);
  });

  it("gives one quote per paragraph, the question to a reporter", () => {
    const quotes = quotesOf(text);
    expect(quotes.map((quote) => quote.speaker ?? quote.description)).toEqual(["Jonas Whitfield", "Jonas Whitfield", "Jonas Whitfield", "a reporter"]);
    expect(quotes[0]?.text.endsWith("spring of next\nyear.")).toBe(true);
    expect(quotes[3]?.text).toBe("Since your briefing yesterday, has the Governor spoken to the Mayor\nabout the closing of the northern pier?");
  });

  it("leaves copy with short lines or blank-line paragraphs as it was", () => {
    const short = ["Harbor Report", "Written by Jonas Whitfield", "The ferry runs again", "Repairs are done"].join("\n");
    expect(analyzeText(short).paragraphs).toHaveLength(4);
  });
});

describe("reporters called on and addressed", () => {
  it("names the reporter called on by a name standing as the answer's last sentence", () => {
    const text = [
      "Daily Press Briefing",
      "MR. HOLLOWAY: Good afternoon. I have nothing at the top, so let's begin.",
      "QUESTION: Can you say anything about the convoy?",
      "MR. HOLLOWAY: I don't have anything beyond what we said this morning. Nadia.",
      "QUESTION: The minister seemed upset in his testimony today --",
      "MR. HOLLOWAY: Imagine that.",
    ].join("\n\n");
    const quotes = quotesOf(text);
    expect(quotes.find((quote) => quote.text.startsWith("The minister"))?.speaker).toBe("Nadia");
    expect(quotes.find((quote) => quote.text.startsWith("Can you say"))?.speaker).toBeNull();
  });

  it("does not read a titled name ending the answer ('stand with Mr. Lark.') as a call", () => {
    const text = [
      "Press Gaggle",
      "MR. HOLLOWAY: Good morning. Let's go to questions.",
      "QUESTION: Will the Governor campaign for Lark?",
      "MR. HOLLOWAY: The Governor supports the campaign and will proudly stand with Mr. Lark.",
      "QUESTION: Does he think Lark is running a good campaign?",
      "MR. HOLLOWAY: I'll talk about that tomorrow.",
    ].join("\n\n");
    expect(quotesOf(text).find((quote) => quote.text.startsWith("Does he think"))?.speaker).toBeNull();
  });

  it("names the asker from the answer's second paragraph when the first addresses no one", () => {
    const text = [
      // An interview (h17ar: a briefing's answer names no reporter).
      "Interview with Mr. Holloway",
      "MR. HOLLOWAY: Good afternoon. Let's get to it.",
      "QUESTION: This is the engineer who was detained at the border last week.",
      "MR. HOLLOWAY: I know a lot of engineers, but not all of them by name.",
      "No, I can't, Nadia. There is an investigation under way.",
    ].join("\n\n");
    expect(quotesOf(text).find((quote) => quote.text.startsWith("This is the engineer"))?.speaker).toBe("Nadia");
  });
});

describe("stage notes, a release's foot and surnames in capitals", () => {
  it("takes no stage note for a reporter's words and stops at the release's number and date", () => {
    const text = [
      "Remarks to the Press",
      "SECRETARY HOLLOWAY: We are in contact with all of the parties.",
      "QUESTION: (Off-mike.)",
      "SECRETARY HOLLOWAY: It's there to be read.",
      "Thank you.",
      "2009/1234",
      "Released on June 2, 2009",
    ].join("\n");
    const texts = quotesOf(text).map((quote) => quote.text);
    expect(texts).toEqual(["We are in contact with all of the parties.", "It's there to be read.", "Thank you."]);
  });

  it("spells a label's 'MCCORKLE' as McCorkle", () => {
    const text = ["PRESS BRIEFING BY DANA MCCORKLE", "MR. MCCORKLE: Good afternoon.", "Q: Any news on the talks?", "MR. MCCORKLE: None today."].join("\n\n");
    expect(quotesOf(text)[0]?.speaker).toBe("Dana McCorkle");
  });
});

describe("office labels and answer labels", () => {
  it("gives 'THE PRESIDENT:' to the president a label names, the one the headline names first", () => {
    const text = [
      "President Marlow Welcomes President Okafor of Eastland",
      "PRESIDENT MARLOW: Mr. President, welcome. We had a very good discussion.",
      "PRESIDENT OKAFOR: Thank you. I thank you very much, Mr. Marlow.",
      "THE PRESIDENT: Thank you, sir. Thank you all.",
    ].join("\n\n");
    expect(quotesOf(text).map((quote) => quote.speaker)).toEqual(["Marlow", "Okafor", "Marlow"]);
  });

  it("gives 'THE SECRETARY:' to the secretary the header names, and leaves an unnamed one unnamed", () => {
    const named = ["Media Availability with Secretary of Defense Peter R. Hask", "THE SECRETARY: Good morning. I just came back from the fleet.", "Q: Sir, what did you see there?", "THE SECRETARY: Sailors who are ready."].join("\n\n");
    expect(quotesOf(named).map((quote) => quote.speaker ?? quote.description)).toEqual(["Peter R. Hask", "a reporter", "Peter R. Hask"]);
    const bare = ["Media Availability with Secretary of Defense Peter R. Hask", "SECRETARY: Good morning. I just came back from the fleet.", "Q: Sir, what did you see there?", "SECRETARY: Sailors who are ready."].join("\n\n");
    expect(quotesOf(bare).map((quote) => quote.speaker ?? quote.description)).toEqual(["Peter R. Hask", "a reporter", "Peter R. Hask"]);
    const unnamed = ["Remarks to the Traveling Press", "THE SECRETARY: Good morning. We landed an hour ago.", "Q: How long will you stay?", "THE SECRETARY: Two days."].join("\n\n");
    expect(quotesOf(unnamed).map((quote) => quote.speaker ?? quote.description)).toEqual(["the secretary", "a reporter", "the secretary"]);
  });

  it("gives 'A:' answers to the interviewee the header names, never to a person called A", () => {
    const text = ["Interview with Governor Lena Ortiz", "Q: How is the recovery going?", "A: Slowly, but the roads are open again.", "Q: And the schools?", "A: They reopen next week."].join("\n\n");
    expect(quotesOf(text).map((quote) => quote.speaker ?? quote.description)).toEqual(["a reporter", "Lena Ortiz", "a reporter", "Lena Ortiz"]);
    const unnamed = ["Interview Transcript", "Q: How is the recovery going?", "A: Slowly, but the roads are open again.", "Q: And the schools?", "A: They reopen next week."].join("\n\n");
    expect(quotesOf(unnamed).map((quote) => quote.speaker ?? quote.description)).toEqual(["a reporter", "the interviewee", "a reporter", "the interviewee"]);
  });
});

describe("question labels in brackets and in mixed case", () => {
  it("reads 'QUESTION (Outlet):' as a reporter's turn and names one the bracket names", () => {
    const text = [
      "Daily Press Briefing",
      "MR. HOLLOWAY: Good afternoon. Let's begin.",
      "QUESTION (Reuters): Can you comment on the convoy?",
      "MR. HOLLOWAY: Not today.",
      "QUESTION (Jane Bolt, Harbor Radio): And the talks?",
      "MR. HOLLOWAY: They continue.",
    ].join("\n\n");
    expect(quotesOf(text).map((quote) => quote.speaker ?? quote.description)).toEqual(["Holloway", "a reporter", "Holloway", "Jane Bolt", "Holloway"]);
  });

  it("never gives a mixed-case 'Question:' to the speaker of an interview labelled by name", () => {
    const text = [
      "Press Briefing by Spokesperson Ned Holloway",
      "Ned Holloway: Good afternoon. Let's begin with the convoy.",
      "Question: Can you comment on the convoy?",
      "Ned Holloway: Not today, I am afraid.",
      "Question: And the talks?",
      "Ned Holloway: They continue next week.",
    ].join("\n\n");
    expect(quotesOf(text).map((quote) => quote.speaker ?? quote.description)).toEqual(["Ned Holloway", "a reporter", "Ned Holloway", "a reporter", "Ned Holloway"]);
  });

  it("names the reporter a moderator calls on by full name", () => {
    const text = [
      "Virtual Press Briefing with Ambassador Jana Novak",
      "Moderator: Good morning and welcome. Ambassador Novak will begin.",
      "Ambassador Novak: Thank you. The talks went well.",
      "Moderator: Our first question goes to Tom Reyes of Harbor Radio.",
      "Question: Will the talks continue?",
      "Ambassador Novak: Yes, next month.",
    ].join("\n\n");
    expect(quotesOf(text).find((quote) => quote.text.startsWith("Will the talks"))?.speaker).toBe("Tom Reyes");
  });
});

describe("a teleconference operator's calls", () => {
  it("names the reporter whose line the operator opens", () => {
    const text = [
      "Special Briefing via Teleconference",
      "MODERATOR: Thank you all for joining. We will begin with questions.",
      "OPERATOR: Our first question comes from the line of Tom Reyes with Harbor Radio. Please go ahead.",
      "QUESTION: Will the talks continue next month?",
      "SENIOR STATE DEPARTMENT OFFICIAL: Yes, they will.",
      "OPERATOR: Next we go to the line of Ana Ruiz.",
      "QUESTION: And the convoy?",
    ].join("\n\n");
    const speakers = quotesOf(text).filter((quote) => quote.text.endsWith("?")).map((quote) => quote.speaker);
    expect(speakers).toEqual(["Tom Reyes", "Ana Ruiz"]);
  });
});

describe("calls: 'Name, fire away.' and places", () => {
  it("names the reporter told to fire away, and reads a place ending the answer as no call", () => {
    const text = [
      "Press Briefing by Ned Holloway",
      "MR. HOLLOWAY: All right, everybody ready? Mr. Bolt, fire away.",
      "Q: Thanks. What about the convoy?",
      "MR. HOLLOWAY: The Governor will travel on Friday to Pennsylvania.",
      "Q: Where?",
      "MR. HOLLOWAY: To the capital.",
    ].join("\n\n");
    const quotes = quotesOf(text);
    expect(quotes.find((quote) => quote.text.startsWith("Thanks."))?.speaker).toBe("Bolt");
    expect(quotes.find((quote) => quote.text === "Where?")?.speaker).toBeNull();
  });
});
