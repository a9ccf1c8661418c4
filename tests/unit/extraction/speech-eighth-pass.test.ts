import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";

// Issue 17, eighth pass (studied on every scored speech batch together and PolNeAR train): error
// classes that recur across batches, each on short texts written for these tests.

const quotesOf = (text: string): { text: string; speaker: string | null; speakerKind: string | null; description: string | null; kind: string }[] =>
  extractArticle(text).quotes.map((quote) => ({ text: quote.text, speaker: quote.speaker, speakerKind: quote.speakerKind, description: quote.speakerDescription, kind: quote.kind }));

describe("documents an office issues in its own name", () => {
  it("gives an unsigned readout's paragraphs to the office its header prints", () => {
    const text = [
      "Readout of the Governor's Call with Harbor Mayor Ana Ruiz",
      "Office of the Governor",
      "For Immediate Release",
      "The Governor and Mayor Ruiz spoke today about the flood defenses along the river.",
      "The Governor thanked the mayor for the city's work and the two agreed to meet next month.",
    ].join("\n\n");
    const quotes = quotesOf(text).filter((quote) => quote.kind === "direct");
    expect(quotes.map((quote) => [quote.speaker, quote.speakerKind])).toEqual([
      ["Office of the Governor", "organization"],
      ["Office of the Governor", "organization"],
    ]);
  });

  it("prefers the name lines below to a headline that only titles the author", () => {
    const text = ["Statement by the Secretary on the Harbor Fire", "Press Statement", "Ana M. Ruiz", "Secretary of the Interior", "May 2, 2024", "Our hearts go out to the families of those hurt in the fire at the harbor."].join("\n\n");
    expect(quotesOf(text).map((quote) => quote.speaker)).toEqual(["Ana M. Ruiz"]);
  });

  it("reads the office from the readout's foot line", () => {
    const text = [
      "Readout of the Minister's Meeting with the Harbor Council",
      "The Minister met the council today to discuss the new ferry terminal.",
      "The Minister underlined the need to finish the terminal before winter.",
      "Ministry of Transport Press Office",
    ].join("\n\n");
    expect(quotesOf(text).filter((quote) => quote.kind === "direct").map((quote) => quote.speaker)).toEqual(["Ministry of Transport Press Office", "Ministry of Transport Press Office"]);
  });

  // Sixteenth pass: an unsigned readout speaks for the office that issues it, as an organization
  // (eval/first-sight/speech/README.md); it was an unnamed "the White House" before.
  it("gives a readout of the President's call with no office line to the Office of the Press Secretary", () => {
    const text = ["Readout of the President's Call with Chancellor Lena Marek", "The President spoke by phone today with Chancellor Lena Marek about the trade talks."].join("\n\n");
    const [quote] = quotesOf(text);
    expect(quote).toMatchObject({ speaker: "Office of the Press Secretary", speakerKind: "organization", kind: "direct" });
  });

  it("gives a body's statement to the body, its acronym spelled out", () => {
    const text = [
      "HRN Statement Regarding the Closure of Its Harbor Bureau",
      "Harbor Radio Network can confirm that its bureau in the port city was closed by the authorities on Monday.",
      "We ask that the bureau be allowed to reopen without delay.",
    ].join("\n\n");
    expect(quotesOf(text).map((quote) => [quote.speaker, quote.speakerKind])).toEqual([
      ["Harbor Radio Network", "organization"],
      ["Harbor Radio Network", "organization"],
    ]);
  });

  it("leaves a release that quotes its people to the quotation rules", () => {
    const text = [
      "HRN Statement on the Closure of Its Harbor Bureau",
      "Harbor Radio Network said its bureau in the port city was closed on Monday.",
      "“We ask that the bureau be allowed to reopen,” said Tomas Berg, the network's director.",
    ].join("\n\n");
    expect(quotesOf(text).find((quote) => quote.text.startsWith("We ask"))?.speaker).toBe("Tomas Berg");
  });
});

describe("reporters a briefer calls on", () => {
  const transcript = (call: string): string =>
    [
      "Press Briefing by Press Secretary Dana Roe",
      `MS. ROE: Good afternoon. ${call}`,
      "Q: Thanks, Dana. Is the harbor bridge going to reopen this week?",
      "MS. ROE: We expect it to reopen on Friday.",
    ].join("\n\n");

  it("names the reporter though the tagger reads the given name as a verb", () => {
    expect(quotesOf(transcript("Josh, do you want to start?")).find((quote) => quote.text.startsWith("Thanks, Dana"))?.speaker).toBe("Josh");
  });

  it("takes a name set off by commas in the sentence that hands over the floor", () => {
    const quotes = quotesOf(transcript("I have nothing at the top, Mark, so I'll let you get us started."));
    expect(quotes.find((quote) => quote.text.startsWith("Thanks, Dana"))?.speaker).toBe("Mark");
    // A name in a sentence that hands nothing over calls no one.
    expect(quotesOf(transcript("The bridge, Mark, is still closed.")).find((quote) => quote.text.startsWith("Thanks, Dana"))?.speaker).toBeNull();
  });
});

describe("names that run into other words", () => {
  const people = (text: string): string[] => extractArticle(text).people.map((person) => person.name);

  it("stops a title-case headline's name before the headline's verb", () => {
    const text = [
      "Port Director Jane Doe Speaks to Harbor Radio About the Strike",
      "Port Director Jane Doe said on Monday that the strike would end soon.",
    ].join("\n\n");
    expect(people(text)).toEqual(["Jane Doe"]);
  });

  it("keeps a full name a headline alone prints", () => {
    const text = ["Briefing by Port Spokesperson Ana Ruiz and Deputy Secretary Tomas K. Berg Jr.", "MS. RUIZ: Good morning.", "Q: Will the port open?", "MS. RUIZ: It will."].join("\n\n");
    expect(people(text)).toContain("Tomas K. Berg Jr.");
  });

  it("leaves a country out of a name: an ambassador's post, a reported clause's subject", () => {
    const text = [
      "Harbor news",
      "“The port must stay open,” U.S. ambassador to Kenya Jane Doe said Thursday.",
      "He tells reporter Tomas Berg Ethiopia is ready to help.",
    ].join("\n\n");
    expect(people(text).sort()).toEqual(["Jane Doe", "Tomas Berg"]);
    expect(quotesOf(text)[0]?.speaker).toBe("Jane Doe");
  });
});

describe("speaker chains", () => {
  it("continues the reporting speaker past a person named only in what they reported", () => {
    const text = [
      "Harbor news",
      "Port spokesman Tomas Berg said Mayor Jan Novak and Governor Piotr Lis met on Monday to discuss the strike.",
      "“Specifically, the mayor asked for more police at the gates,” he said.",
    ].join("\n\n");
    expect(quotesOf(text).find((quote) => quote.kind === "direct")?.speaker).toBe("Tomas Berg");
  });
});

describe("names and verbs the reader missed", () => {
  it("reads a surname with a capital after its apostrophe", () => {
    const text = ["Harbor news", "At the harbor, President-elect Amadu Dan'Azumi said the vote had been fair.", "“Nobody can call it rigged,” he said."].join("\n\n");
    expect(extractArticle(text).people.map((person) => person.name)).toEqual(["Amadu Dan'Azumi"]);
    expect(quotesOf(text).map((quote) => quote.speaker)).toEqual(["Amadu Dan'Azumi", "Amadu Dan'Azumi"]);
  });

  it("gives a participle's quote to the clause's subject, not the noun before it", () => {
    const text = ["Harbor news", "On the strike, Port Director Lena Marek described the talks with the union saying, “We are close to a deal.”"].join("\n\n");
    expect(quotesOf(text)[0]?.speaker).toBe("Lena Marek");
  });

  it("takes 'commented' as a reporting verb", () => {
    const text = ["Harbor news", "Asked about the strike, Port Director Lena Marek commented, “We expect the gates to open on Monday.”"].join("\n\n");
    expect(quotesOf(text)[0]?.speaker).toBe("Lena Marek");
  });
});

describe("quotations inside an official's answer", () => {
  it("gives a quotation the briefer attributes to its speaker, and keeps the turn the briefer's", () => {
    const text = [
      "Press Briefing by Press Secretary Dana Roe",
      "MS. ROE: Good afternoon. Last month, Mayor Jan Novak said, “The bridge will reopen before winter.” And in May he said, “We have the money.” We agree with him.",
      "Q: Will it?",
      "MS. ROE: We expect so.",
    ].join("\n\n");
    const quotes = quotesOf(text);
    expect(quotes.find((quote) => quote.text === "The bridge will reopen before winter.")?.speaker).toBe("Jan Novak");
    expect(quotes.find((quote) => quote.text === "We have the money.")?.speaker).toBe("Jan Novak");
    expect(quotes.find((quote) => quote.text.startsWith("Good afternoon"))?.speaker).toBe("Dana Roe");
  });
});

describe("reported speech", () => {
  const reported = (sentence: string): [string | null, string][] =>
    extractArticle(`Harbor news\n\n${sentence}`)
      .quotes.filter((quote) => quote.kind === "indirect")
      .map((quote) => [quote.speaker ?? quote.speakerDescription, quote.text]);

  it("reads a present-tense verb the tagger takes for a noun after a plural subject", () => {
    expect(reported("Harbor police report the fire killed at least three people.")).toEqual([["Harbor police", "the fire killed at least three people"]]);
    expect(reported("Port spokespeople claim the ships reached their berths on time.")).toEqual([["Port spokespeople", "the ships reached their berths on time"]]);
    // "The police report said ..." keeps "report" a noun: no clause opens after it.
    expect(reported("The police report said the fire started in the kitchen.").map(([, text]) => text)).toEqual(["the fire started in the kitchen"]);
  });

  it("reads 'indicated', 'revealed', 'reaffirmed', 'vowed' and a court's 'ruled that'", () => {
    expect(reported("Port Director Lena Marek indicated Friday the strike may be over soon.")).toEqual([["Lena Marek", "the strike may be over soon"]]);
    expect(reported("The city council revealed that the port still talks to the union.")[0]?.[1]).toBe("the port still talks to the union");
    expect(reported("The harbor authority has vowed it will reopen the gates.")[0]?.[1]).toBe("it will reopen the gates");
    expect(reported("Last night, a district court ruled that the strike has to stop.")[0]?.[1]).toBe("the strike has to stop");
  });

  it("ends an 'according to' source at the comma before an appositive or another clause, with or without a comma before it", () => {
    expect(reported("Nearly half of the port's income has come from fees, according to Harborwatch, the largest tally by far.")).toEqual([["Harborwatch", "Nearly half of the port's income has come from fees"]]);
    expect(reported("Ruiz leads Novak by 271 delegates according to a count by Harbor Radio, but Novak has vowed to fight on.")[0]?.[1]).toBe("Ruiz leads Novak by 271 delegates");
  });

  it("reports a question a passive 'asked' puts, as an unnamed questioner's, and continues no quotation with it", () => {
    expect(reported("Asked if he would run again, the mayor said no.")).toEqual([["an unnamed questioner", "if he would run again"]]);
    const text = "Harbor news\n\nMayor Jan Novak spoke on Monday.\n\nAsked whether the port would reopen, Novak said: “We will see.”\n\n“It depends on the union.”";
    expect(extractArticle(text).quotes.filter((quote) => quote.kind === "direct").map((quote) => quote.speaker)).toEqual(["Jan Novak", "Jan Novak"]);
  });

  it("reads past a time adverbial between the subject and the verb", () => {
    // Since the seventeenth pass a description keeps where the source is ("in the town"), as keys write it.
    expect(reported("Witnesses in the town on Friday said the rebels still held the port.")[0]?.[0]).toBe("Witnesses in the town");
    expect(reported("Residents reached by telephone Friday said the rebels still held the port.")[0]?.[0]).toBe("Residents");
    expect(reported("A news report published Wednesday said the director used a private account.")[0]?.[0]).toBe("a news report");
    expect(reported("The groups who wrote to the mayor on Thursday say they are worried.")[0]?.[0]).toBe("the groups");
    expect(reported("The union, this morning, announced that it had filed a case against the port.")[0]?.[0]).toBe("The union");
  });
});

describe("headlines that report speech", () => {
  const headlineQuote = (text: string): [string | null, string] | undefined => {
    const quote = extractArticle(text).quotes.find((candidate) => candidate.start < text.indexOf("\n"));
    return quote ? [quote.speaker ?? quote.speakerDescription, quote.text] : undefined;
  };

  it("gives 'CLAUSE, Spokesman Says' to the story's one spokesman", () => {
    const text = ["Another Ferry Falls to Strikers, Spokesman Says", "Union spokesman Omar Lado Deng said on Monday the strikers had taken a second ferry."].join("\n\n");
    expect(headlineQuote(text)).toEqual(["Omar Lado Deng", "Another Ferry Falls to Strikers"]);
  });

  it("gives 'Body Says CLAUSE' to the body, and a place to the government there as an unnamed source", () => {
    expect(headlineQuote(["Harbor Authority Says Gates Will Reopen Monday", "The gates have been shut since the strike began."].join("\n\n"))).toEqual(["Harbor Authority", "Gates Will Reopen Monday"]);
    expect(headlineQuote(["Nairobi Says No Talks Agreed", "The government denied that talks had been agreed."].join("\n\n"))).toEqual(["Nairobi", "No Talks Agreed"]);
  });

  it("reads no speech in a headline without a reporting verb", () => {
    expect(headlineQuote(["Ferry Strike Enters Second Week", "The strike went on."].join("\n\n"))).toBeUndefined();
  });
});

describe("reported speech in readouts", () => {
  const reported = (text: string): [string | null, string][] =>
    extractArticle(text)
      .quotes.filter((quote) => quote.kind === "indirect")
      .map((quote) => [quote.speaker ?? quote.speakerDescription, quote.text]);

  it("reads 'making clear that' as a participle of the clause's subject", () => {
    const text = ["Harbor news", "Mayor Jan Novak met the union. He also underscored the city's readiness to help, making clear that a deal is in everyone's interest."].join("\n\n");
    expect(reported(text)).toEqual([["Jan Novak", "a deal is in everyone's interest"]]);
  });

  it("gives a participle's clause to a described subject no name stands for", () => {
    const text = ["Readout of the Governor's Call", "The Governor expressed his deep appreciation for the crews, noting that the people of the state also honor their work."].join("\n\n");
    expect(reported(text)).toEqual([["The Governor", "the people of the state also honor their work"]]);
  });

  it("gives what two named people say together to neither alone", () => {
    const text = ["Harbor news", "Mayor Jan Novak and Governor Ana Ruiz agreed that the bridge must reopen before winter."].join("\n\n");
    expect(reported(text)).toEqual([["Mayor Jan Novak and Governor Ana Ruiz", "the bridge must reopen before winter"]]);
    expect(extractArticle(text).quotes[0]?.speaker).toBeNull();
  });
});

describe("statements and the bodies that issue them", () => {
  it("records 'In its statement Friday, the council said' as the council's statement", () => {
    const text = [
      "Harbor news",
      "In its statement Friday, the Harbor Council said it mourned the victims.",
      "The statement said the crews would be thanked.",
    ].join("\n\n");
    expect(quotesOf(text).map((quote) => quote.speaker)).toEqual(["Harbor Council", "Harbor Council"]);
  });

  it("spells a body as the story's body does when the headline drops an acronym's full stops", () => {
    const text = ["UN Harbor Council Condemns Attack", "The U.N. Harbor Council said on Friday it condemned the attack in the strongest terms."].join("\n\n");
    const extraction = extractArticle(text);
    expect(extraction.quotes.map((quote) => quote.speaker)).toEqual(["U.N. Harbor Council"]);
    expect(extraction.organizations).toContain("U.N. Harbor Council");
    expect(extraction.organizations).not.toContain("UN Harbor Council");
  });
});

describe("descriptions the story names", () => {
  it("takes the name between commas after a title ('The top commander, General Jane Doe, said')", () => {
    const text = ["Harbor news", "The top commander in the port, General Jan Novak, said the bombings were a setback."].join("\n\n");
    expect(quotesOf(text)[0]?.speaker).toBe("Jan Novak");
  });

  it("reads 'the mission said' as the body the story called it 'known as'", () => {
    const text = ["Harbor news", "The council thanked the U.N. mission in the port, known as UNMHP.", "The U.N. mission said at least five sailors were hurt."].join("\n\n");
    expect(quotesOf(text).map((quote) => [quote.speaker, quote.speakerKind])).toEqual([["UNMHP", "organization"]]);
  });
});

describe("interviewers an outlet's label stands for", () => {
  it("names the reporter the lead gives with the outlet and a title before an interview verb", () => {
    const text = [
      "Port Chief Warns Strikers",
      "HRN Harbor Bureau Chief Lena Marek spoke with port chief Tomas Berg on Tuesday.",
      "HRN: Will the gates reopen this week?",
      "BERG: We hope so.",
      "HRN: And if the strike goes on?",
      "BERG: Then we wait.",
    ].join("\n\n");
    expect(quotesOf(text).filter((quote) => quote.text.endsWith("?")).map((quote) => quote.speaker)).toEqual(["Lena Marek", "Lena Marek"]);
  });
});
