import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";

// Issue 17, third pass: transcript labels and document headers in the formats U.S. government
// offices publish, people and organizations, each on short texts written for these tests.

const said = (text: string): [string, string | null, string | null][] =>
  extractArticle(text).quotes.map((quote) => [quote.text, quote.speaker, quote.speakerDescription]);

describe("transcript labels in government formats", () => {
  it("reads a single full-name label the header names, and a long label with office and suffix", () => {
    const header = "Press Briefing by Agency Spokesperson Rona Q. Velasquez in the Briefing Room";
    const text = [header, "RONA VELASQUEZ:  Good afternoon.", "The ferry schedule changes on Monday."].join("\n\n");
    expect(said(text).map(([words, speaker]) => [words, speaker])).toEqual([
      ["Good afternoon.", "Rona Q. Velasquez"],
      ["The ferry schedule changes on Monday.", "Rona Q. Velasquez"],
    ]);
    const long = ["Remarks by the Secretary of Transport", "SECRETARY OF TRANSPORT DR. ALAN B. MOREAU III:  Good morning.", "The bridge opens next week."].join("\n\n");
    expect(said(long).map(([, speaker]) => speaker)).toEqual(["Moreau", "Moreau"]);
  });

  it("reads one turn under an office label (CHAIRMAN X:) and a label with an affiliation after a comma", () => {
    const text = ["Hearing on the Port Budget", "CHAIRMAN OKONJO: The committee will come to order.", "We welcome our witness."].join("\n\n");
    expect(said(text).map(([, speaker]) => speaker)).toEqual(["Okonjo", "Okonjo"]);
    const interview = ["Q: Will the port reopen?", "LENA MARSH, PORT AUTHORITY: It will reopen in May.", "Q: When in May?", "MARSH: Early in the month."].join("\n\n");
    const turns = said(interview);
    // Since the fifth pass a label that prints the whole name ("LENA MARSH") names the person in full.
    expect(turns.filter(([, speaker]) => speaker === "Lena Marsh").map(([words]) => words)).toEqual(["It will reopen in May.", "Early in the month."]);
  });

  it("does not take one capitalised heading nobody in the header names for a transcript", () => {
    const text = ["City budget passes", "KEY POINTS: The council voted 7-2 on Tuesday.", "The mayor said the vote was close."].join("\n\n");
    expect(extractArticle(text).quotes.some((quote) => quote.medium === "briefing")).toBe(false);
  });

  it("reads a hearing record's mixed-case labels closed by a full stop, the question never given to the witness", () => {
    const text = [
      "Hearing before the Committee on Ports",
      "Chairman Okonjo. The hearing will come to order. Director Pell, welcome.",
      "Mr. Pell. Thank you, Mr. Chairman. The port handled more cargo this year.",
      "Ms. Abara of Ohio. Will the new cranes arrive on time?",
      "Mr. Pell. They will arrive in June.",
    ].join("\n\n");
    const turns = said(text);
    expect(turns.map(([words, speaker]) => [words, speaker])).toEqual([
      ["The hearing will come to order. Director Pell, welcome.", "Okonjo"],
      ["Thank you, Mr. Chairman. The port handled more cargo this year.", "Pell"],
      ["Will the new cranes arrive on time?", "Abara"],
      ["They will arrive in June.", "Pell"],
    ]);
  });

  it("reads a White House “Q” turn with no colon as a reporter's question, never the spokesperson's", () => {
    const text = ["Press Gaggle by Press Secretary Omar Feld", "MR. FELD:  Good morning. I have one announcement.", "Q    Does the President plan to visit the port?", "MR. FELD:  Not this week."].join("\n\n");
    expect(said(text)).toEqual([
      ["Good morning. I have one announcement.", "Omar Feld", "Press Secretary"],
      ["Does the President plan to visit the port?", null, "a reporter"],
      ["Not this week.", "Omar Feld", "Press Secretary"],
    ]);
    // "Q Street" opening two paragraphs of a story is no transcript.
    expect(extractArticle("Q Street reopened on Monday.\n\nQ Street shops were busy.").quotes).toEqual([]);
  });

  it("gives a question to the reporter the official calls on by name, or who introduces themselves", () => {
    const text = [
      "Press Briefing",
      "MS. ARDEN: That is all I have at the top, so Priya.",
      "QUESTION: Is the harbor open?",
      "And when?",
      "MS. ARDEN: It is. Since Monday.",
      "QUESTION: A follow-up on the cranes?",
      "MS. ARDEN: Correct.",
      "QUESTION: Hi. Tomas Greer with Harbor Radio. Who pays for the cranes?",
      "MS. ARDEN: Our first question after the break will go to Noor with the Courier.",
      "QUESTION: Thank you. Why now?",
    ].join("\n\n");
    const result = extractArticle(text);
    const speakerOf = (words: string): [string | null, string | null] => {
      const quote = result.quotes.find((candidate) => candidate.text.startsWith(words));
      return [quote?.speaker ?? null, quote?.speakerDescription ?? null];
    };
    expect(speakerOf("Is the harbor open?")[0]).toBe("Priya");
    expect(speakerOf("And when?")[0]).toBe("Priya");
    // A later question nobody is called for is an unnamed reporter's, and "Correct." calls nobody.
    expect(speakerOf("A follow-up")).toEqual([null, "a reporter"]);
    expect(speakerOf("Hi. Tomas Greer")[0]).toBe("Tomas Greer");
    expect(speakerOf("Thank you. Why now?")[0]).toBe("Noor");
    expect(result.people.map((person) => person.name)).toEqual(expect.arrayContaining(["Priya", "Tomas Greer", "Noor"]));
    expect(result.quotes.filter((quote) => quote.speaker === "Arden").map((quote) => quote.text)).not.toContain("Is the harbor open?");
  });

  it("does not read two paragraphs opening with a titled name in a news story as hearing labels unless each is a bare label", () => {
    const text = ["Mr. Pell said the port would reopen.", "Mr. Pell added that cranes were coming."].join("\n\n");
    expect(extractArticle(text).quotes.some((quote) => quote.medium === "briefing")).toBe(false);
  });
});

describe("documents in an official's own voice", () => {
  it("reads a readout “attributable to” its spokesperson, written in the third person", () => {
    const text = ["Deputy Minister's Call with the Harbor Council", "The below is attributable to Spokesperson Tomas Reyes:", "Deputy Minister Ana Ruiz spoke with the council to discuss the harbor project."].join("\n\n");
    expect(said(text).map(([, speaker]) => speaker)).toEqual(["Tomas Reyes"]);
  });

  it("reads the State Department header block: the author's name, then the office, then place and date", () => {
    const text = ["Remarks at the Harbor Festival", "Selma J. Okafor", "Secretary of Transport", "Harbor Hall", "Portville", "June 3, 2030", "Thank you all for coming tonight.", "This harbor has served our city for a century."].join("\n");
    expect(said(text).map(([words, speaker]) => [words, speaker])).toEqual([
      ["Thank you all for coming tonight.", "Selma J. Okafor"],
      ["This harbor has served our city for a century.", "Selma J. Okafor"],
    ]);
  });
});

describe("people named in every form (titles apart)", () => {
  const names = (text: string): string[] => extractArticle(text).people.map((person) => person.name);

  it("lists a person named only by a title and a surname, and joins it to the full name when the story gives one", () => {
    const text = "Minister Farrow visited the docks on Monday. Gen. Okafor met Admiral Lindqvist there. Dana Whitby arrived later, and Mayor Whitby spoke first.";
    const people = names(text);
    expect(people).toEqual(expect.arrayContaining(["Farrow", "Okafor", "Lindqvist", "Dana Whitby"]));
    expect(people).not.toContain("Whitby");
  });

  it("does not take a headline's or a body's title-case words after a title for a surname", () => {
    const people = names("The Assistant Secretary for Public Affairs spoke. Press Secretary Rear Admiral Hal Brenner briefed. An Executive Order followed.");
    expect(people).not.toEqual(expect.arrayContaining(["Affairs"]));
    expect(people).not.toContain("Rear");
    expect(people).not.toContain("Order");
    expect(people).toContain("Hal Brenner");
  });

  it("keeps a hyphenated name whole, given name or surname, and reads the surname alone later", () => {
    const text = "Ambassador Rosa Vidal-Marquez met Deputy Minister Jean-Luc Ferrand. Vidal-Marquez said the talks would go on.";
    const result = extractArticle(text);
    expect(result.people.map((person) => person.name)).toEqual(expect.arrayContaining(["Rosa Vidal-Marquez", "Jean-Luc Ferrand"]));
    expect(result.people.map((person) => person.name)).not.toContain("Jean-Luc");
    expect(quoteSpeaker(result, "the talks would go on")).toBe("Rosa Vidal-Marquez");
  });

  it("gives a transcript label's surname the full name the header gives it", () => {
    const text = ["Press Briefing by Press Secretary Ivy Tran and Council Coordinator for Ports Omar Lind", "MS. TRAN: Good afternoon.", "MR. LIND: Thanks, Ivy.", "QUESTION: Anything else?"].join("\n\n");
    const result = extractArticle(text);
    expect(quoteSpeaker(result, "Good afternoon.")).toBe("Ivy Tran");
    expect(quoteSpeaker(result, "Thanks, Ivy.")).toBe("Omar Lind");
  });
});

function quoteSpeaker(result: ReturnType<typeof extractArticle>, words: string): string | null {
  return result.quotes.find((quote) => quote.text.includes(words))?.speaker ?? null;
}

describe("pronouns across sentences", () => {
  it("gives “she said” to the subject of the sentence before, not to a person only mentioned in it", () => {
    const text = "Senator Mara Quist said on Monday that Governor Tom Reyes would lose the vote. “We have the numbers,” she said.";
    expect(quoteSpeaker(extractArticle(text), "We have the numbers")).toBe("Mara Quist");
  });

  it("does not take a possessive or an opening phrase's name for the subject", () => {
    const text = "Regarding President Lena Ortiz's plan, Ambassador Paul Wren said the talks would go on. “It is a serious plan,” he said.";
    expect(quoteSpeaker(extractArticle(text), "It is a serious plan")).toBe("Paul Wren");
  });
});

describe("organizations in government copy", () => {
  const orgs = (text: string): readonly string[] => extractArticle(text).organizations;

  it("reads “Press” before a briefing or a release as the event, keeping the body before it", () => {
    const found = orgs("Department of Transport Press Briefing\n\nThe Daily Press Briefing began late. The Harbor Times reported it.");
    expect(found).toContain("Department of Transport");
    expect(found).not.toContain("Department of Transport Press");
    expect(found).not.toContain("Daily Press");
    expect(found).toContain("Harbor Times");
  });

  it("does not take a place whose name ends like a body for an organization, and joins the Defense Department's spellings", () => {
    const found = orgs("Talks on the West Bank resumed. The Department of Defense and the Pentagon said the U.S. Department of Defense would help.");
    expect(found).not.toContain("West Bank");
    expect(found.filter((name) => /defense/i.test(name))).toEqual(["U.S. Department of Defense"]);
  });

  it("knows the bodies government copy names in one word", () => {
    expect(orgs("Congress passed the bill. The FBI and the CIA briefed lawmakers.")).toEqual(expect.arrayContaining(["Congress", "FBI", "CIA"]));
  });
});

describe("statement headers and surnames with a nationality's ending", () => {
  it("reads a headline that says who releases the statement, and a surname ending like a demonym after a given name", () => {
    const text = ["Secretary of State Ana Petrosian releases statement on the harbor fire", "I send my condolences to the families of the crew.", "We will rebuild the pier."].join("\n\n");
    const result = extractArticle(text);
    expect(result.quotes.map((quote) => [quote.text, quote.speaker])).toEqual([
      ["I send my condolences to the families of the crew.", "Ana Petrosian"],
      ["We will rebuild the pier.", "Ana Petrosian"],
    ]);
    // A country's demonym after a name is no surname.
    expect(extractArticle("Minister Omar Iranian said nothing.").people.map((person) => person.name)).not.toContain("Omar Iranian");
  });
});

describe("names after an office's field", () => {
  it("takes the name, not the field, after “Minister of X”, and keeps a body's name with a place in it", () => {
    const text = "The Minister of Ports Ana J. Doe met the Director of Urban Development Omar Lind. The president of Radio Free Europe spoke too.";
    const people = extractArticle(text).people.map((person) => person.name);
    expect(people).toEqual(expect.arrayContaining(["Ana J. Doe", "Omar Lind"]));
    expect(people).not.toContain("Ports Ana J. Doe");
    expect(people).not.toContain("Free Europe");
  });
});

describe("reporters the answer addresses", () => {
  it("gives the question to the reporter the official's answer addresses, and not when the answer only thanks a colleague", () => {
    const text = [
      // An interview (h17ar: a briefing's answer names no reporter).
      "Press Interview",
      "MS. ARDEN: Good afternoon. Nothing at the top.",
      "QUESTION: You are late again.",
      "MS. ARDEN: Thank you, Priya. I was on a call.",
      "QUESTION: Will you take one more?",
      "MS. ARDEN: Can I finish the first answer, Tomas?",
      "MR. LIND: Thanks, Ivy. Two updates from the port.",
    ].join("\n\n");
    const result = extractArticle(text);
    expect(quoteSpeaker(result, "You are late again.")).toBe("Priya");
    expect(quoteSpeaker(result, "Will you take one more?")).toBe("Tomas");
    expect(result.people.map((person) => person.name)).not.toContain("Ivy");
  });
});
