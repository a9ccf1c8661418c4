import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";
import { quoteIn, peopleNames } from "./speech-support.js";
import { analyzeText } from "../../../src/extraction/text.js";

// Issue 17, pass h17ah (speakers and people, round 3): names with letters beyond Latin-1 stay one
// word; untitled names with non-English given names are people when a list with a person, a
// "who" or a role noun says so; "better known as" gives an alias; a surname the copy misspells
// by one dropped letter is the person named in full; a title-case headline's word after a title is
// no surname; quotations after a dash, and quotation paragraphs after a paragraph of narration,
// go to the named person who speaks there. Short texts written for these tests.


describe("letters beyond Latin-1", () => {
  it("keeps a surname with ş and ğ one token", () => {
    const tokens = analyzeText("Minister Aylin Kuşoğlu met the envoy.").sentences.flatMap((sentence) => sentence.tokens.map((token) => token.text));
    expect(tokens).toContain("Kuşoğlu");
  });

  it("gives the whole name to a titled person", () => {
    const extraction = extractArticle("Trade Minister Aylin Kuşoğlu met the envoy on Monday.\n\nThe talks lasted an hour.");
    expect(peopleNames(extraction)).toContain("Aylin Kuşoğlu");
  });
});

describe("people the story gives no title", () => {
  it("takes every name of a list that holds a person", () => {
    const text = "The talks stopped after the delegates — Ivan Petrov, Tomas Okonkwo and Ruslan Bekov — left the hall.\n\nNo date was set.";
    expect(peopleNames(extractArticle(text))).toEqual(expect.arrayContaining(["Ivan Petrov", "Tomas Okonkwo", "Ruslan Bekov"]));
  });

  it("does not take a body paired with one person", () => {
    const text = "The campaign is about going after Al Shabaab and Osama bin Laden, officials said.";
    expect(peopleNames(extractArticle(text))).not.toContain("Al Shabaab");
  });

  it("takes a name that 'who' picks up", () => {
    const text = "The minister mourned Tariku Belay, who was killed in the attack on Sunday.";
    expect(peopleNames(extractArticle(text))).toContain("Tariku Belay");
  });

  it("takes a name after a lower-case role noun such as citizen or a councilor's title", () => {
    const extraction = extractArticle("The envoy mourned the death of Canadian citizen Dorvan Kell.\n\nThe minister met State Councilor Wen Liqun in Beijing.");
    expect(peopleNames(extraction)).toEqual(expect.arrayContaining(["Dorvan Kell", "Wen Liqun"]));
  });

  it("drops a capitalized function word that opens the sentence before an appositive name", () => {
    const extraction = extractArticle("But Sok Vanna, justice spokesman, said the report was wrong.");
    expect(peopleNames(extraction)).toContain("Sok Vanna");
    expect(peopleNames(extraction).some((name) => name.startsWith("But"))).toBe(false);
  });
});

describe("aliases", () => {
  it("reads 'better known as' as an alias, not a second person", () => {
    const text = "Rebel leader Aurelio Menendez, better known as Tigrillo, spoke on Monday.\n\nLast year, Tigrillo rose to the top post. “We will go on,” Tigrillo said.";
    const extraction = extractArticle(text);
    const person = extraction.people.find((candidate) => candidate.name === "Aurelio Menendez");
    expect(person?.aliases).toContain("Tigrillo");
    expect(peopleNames(extraction)).not.toContain("Tigrillo");
    expect(quoteIn(extraction, "We will go on")?.speaker).toBe("Aurelio Menendez");
  });

  it("reads a surname missing one letter as the person named in full", () => {
    const text = "Army spokesman Pradeep Wickramasinghe says the rebels fled.\n\nWickramsinghe says troops are clearing mines.";
    const extraction = extractArticle(text);
    expect(quoteIn(extraction, "troops are clearing")?.speaker).toBe("Pradeep Wickramasinghe");
    expect(peopleNames(extraction)).not.toContain("Wickramsinghe");
  });
});

describe("title-case headlines", () => {
  it("reads no surname in a headline word the story writes in lower case", () => {
    const text = "Foreign Minister Talks To Reporters About Drought\n\nForeign Minister Ana Ruiz held talks with reporters on Monday about the drought.";
    expect(peopleNames(extractArticle(text))).not.toContain("Talks");
  });

  it("keeps a surname printed only in a title-case line", () => {
    const text = "Prime Minister Halloran's Announcement Of New Cabinet Members\n\nThe briefing covered the new cabinet and the budget.";
    expect(peopleNames(extractArticle(text))).toContain("Halloran");
  });
});

describe("quotations introduced by narration", () => {
  it("gives a quotation after a dash to the named subject before it", () => {
    const text = "Jo Harlan spoke at the rally on Tuesday.\n\nHarlan also backed tougher rules -- \"I think the old rules are far too weak for what we need.\"";
    expect(quoteIn(extractArticle(text), "I think the old rules")?.speaker).toBe("Jo Harlan");
  });

  it("gives a quotation paragraph to the person the paragraph above has speak", () => {
    const text = [
      "Mara Quist, clearly annoyed, responded by pointing at the crowd, saying the rival campaign was lying.",
      "“I do not have money from those companies. I am so tired of the lies about me.”",
      "The rally ended an hour later.",
    ].join("\n\n");
    expect(quoteIn(extractArticle(text), "I do not have money")?.speaker).toBe("Mara Quist");
  });

  it("leaves a quotation paragraph after narration that has nobody speak unattributed", () => {
    const text = ["The rally was held in a gym on Tuesday night.", "“It is a great night for the town.”"].join("\n\n");
    expect(quoteIn(extractArticle(text), "It is a great night")?.speaker ?? null).toBeNull();
  });
});

describe("ages and single quotation marks", () => {
  it("takes a name given an age for a person", () => {
    const extraction = extractArticle("Tin Aung Soe, 45, said he voted early.\n\nKo Min Thu, 38, a teacher, said the lines were long.");
    expect(peopleNames(extraction)).toEqual(expect.arrayContaining(["Tin Aung Soe", "Ko Min Thu"]));
    expect(quoteIn(extraction, "he voted early")?.speaker).toBe("Tin Aung Soe");
  });

  it("reads single quotation marks in copy that prints no double ones", () => {
    const text = "Police said attackers struck the area on Thursday.\n\n'This is a busy shopping area with many offices. The embassy is not far from there,' Arno Velde said.\n\nThe officers' union said it didn't know more.";
    const extraction = extractArticle(text);
    expect(quoteIn(extraction, "This is a busy shopping area")?.speaker).toBe("Arno Velde");
    expect(extraction.quotes.filter((quote) => quote.kind !== "indirect")).toHaveLength(1);
  });

  it("leaves single marks alone where the copy quotes with double ones", () => {
    const text = "“We are ready,” Arno Velde said.\n\n'This is a test,' the sign read.";
    expect(quoteIn(extractArticle(text), "This is a test")).toBeUndefined();
  });
});

describe("subjects the tagger breaks", () => {
  it("reads a hyphenated adjective before a name as part of the subject, not a verb", () => {
    const extraction = extractArticle("“Support was soft to begin with,” Ohio-based Matt Kowalczyk said.");
    expect(quoteIn(extraction, "Support was soft")?.speaker).toBe("Matt Kowalczyk");
  });

  it("reads 'op-ed' after the verb as no verb of its own", () => {
    const text = "Sen. Ron Talbot, R-Wis., said in an op-ed piece before the hearing, “The department failed to honor repeated requests for security.”";
    expect(quoteIn(extractArticle(text), "The department failed")?.speaker).toBe("Ron Talbot");
  });

  it("gives a quotation to the subject before a relative clause", () => {
    const text = "Although there is no overlap, a White House official who spoke anonymously said Wednesday, “Certainly there are talks between the two sides.”";
    expect(quoteIn(extractArticle(text), "Certainly there are talks")?.speakerDescription).toMatch(/official/);
  });

  it("reads 'chanted' as a reporting verb", () => {
    const quote = quoteIn(extractArticle("“The mayor has got to go!” some protesters chanted, three days after the release."), "The mayor has got to go");
    expect(quote?.speakerDescription).toMatch(/protesters/);
  });
});

describe("relative clauses around the speaker", () => {
  it("keeps the name right before the verb when a relative clause comes earlier", () => {
    const text = "When asked about the visitors who were detained at the border, President Aldo Ferrante said, “We cannot accept that anyone takes children without papers.”";
    expect(quoteIn(extractArticle(text), "We cannot accept")?.speaker).toBe("Aldo Ferrante");
  });

  it("gives a trailer whose relative clause lost its closing comma to the name", () => {
    const text = "“Trump says different things to different audiences,” Katie Packard, who is chairman of the Harbor Fund said in a statement.";
    expect(quoteIn(extractArticle(text), "Trump says different things")?.speaker).toBe("Katie Packard");
  });
});

describe("what 'who' and an age do not make a person", () => {
  it("reads a background briefer's label before 'who' as no name", () => {
    const text = "Then I'll turn to my colleague, Senior Defense Official Number Two, who will give an overview of the review.";
    expect(peopleNames(extractArticle(text))).toEqual([]);
  });

  it("reads no rank the lexicon lacks into a name given an age", () => {
    const text = "First, from the Army: Specialist Marco A. Bellini, 30, of Brandon, Florida.";
    expect(peopleNames(extractArticle(text)).some((name) => name.startsWith("Specialist"))).toBe(false);
  });
});
