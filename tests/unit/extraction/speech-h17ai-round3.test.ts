import { describe, expect, it } from "vitest";
import { extractArticle } from "../../../src/extraction/index.js";

// Issue 17, h17ai round 3 (quotes, reports and transcripts; studied on speech-15 ... speech-23 and
// PolNeAR train): one- and two-word partial quotations inside reported clauses, a quotation that
// opens a bare reported clause, a capitalized quotation right after its verb, quotations inside a
// signed statement, and reported clauses after a dash aside, a restrictive "that", a possessor's
// "in announcing that", a clause-taking verb in any form. Short texts written for these tests.

type Quote = ReturnType<typeof extractArticle>["quotes"][number];
const LEAD = "Harbor Talks Stall\n\nPORT LEVIN — Talks on the harbor dispute stalled again on Tuesday, officials said.\n\n";
const quotesOf = (body: string): readonly Quote[] => extractArticle(`${LEAD}${body}\n\nThe talks resume next week.\n`).quotes;
const find = (body: string, start: string, kind?: Quote["kind"]): Quote | undefined => quotesOf(body).find((quote) => quote.text.startsWith(start) && (kind === undefined || quote.kind === kind));

describe("partial quotations inside reported speech", () => {
  it("keeps a single quoted word inside a reported clause as the reporting speaker's", () => {
    const body = "Mayor Jane Roe said it is not the council's job to \"approve\" or \"reject\" the lease.";
    expect(find(body, "approve", "partial")?.speaker).toBe("Jane Roe");
    expect(find(body, "reject", "partial")?.speaker).toBe("Jane Roe");
  });

  it("keeps a word the speaker named inside the report (\"what he called the “…”\")", () => {
    const body = "Port director Omar Lind said he wants the city to see what he called the “miracles” performed by the dock crews.";
    expect(find(body, "miracles", "partial")?.speaker).toBe("Omar Lind");
  });

  it("leaves a capitalized word in quotation marks alone (a name)", () => {
    const body = "Mayor Jane Roe said the ship “Albatross” would leave port on Friday.";
    expect(find(body, "Albatross", "partial")).toBeUndefined();
  });

  it("reads a clause that opens with a quoted word after the listener", () => {
    const body = "Harbor spokesman Omar Lind tells reporters “dozens” of containers were damaged in the storm.";
    const report = find(body, "“dozens”", "indirect");
    expect(report?.speaker).toBe("Omar Lind");
    expect(report?.text).toContain("were damaged in the storm");
  });
});

describe("a quotation right after its verb", () => {
  it("reads a capitalized quotation after 'said in a statement' with no comma as direct speech", () => {
    const body = "Jane Roe, the chief negotiator, said in a statement \"For the city, the first rule of this agreement is that no ship is seized. This is a serious breach.\"";
    const quote = find(body, "For the city");
    expect(quote?.kind).toBe("direct");
    expect(quote?.speaker).toBe("Jane Roe");
    // The quotation is the speech: no reported clause is read over it.
    expect(quotesOf(body).some((candidate) => candidate.kind === "indirect" && candidate.text.includes("first rule"))).toBe(false);
  });

  it("keeps a show's title after 'told' a partial passage", () => {
    const body = "Jane Roe told “Harbor Hour” listeners on Monday that the lease would be signed.";
    expect(find(body, "the lease would be signed", "indirect")?.speaker).toBe("Jane Roe");
  });
});

describe("quotations inside a signed statement", () => {
  it("gives a quotation the statement attributes to someone else to that person", () => {
    const text = [
      "Anniversary of the Harbor Treaty",
      "",
      "Press Statement",
      "Jane Roe",
      "Secretary of State",
      "Washington, DC",
      "July 4, 2009",
      "",
      "Today we mark fifty years since the treaty was signed in this city. As President John Doe wrote: “This treaty belongs to every family that has lost a son to war.” Those words still hold.",
      "",
      "We will keep working with our partners to make the treaty's promise real. The road is long, but we are walking it together.",
      "",
    ].join("\n");
    const quotes = extractArticle(text).quotes;
    expect(quotes.find((quote) => quote.text.startsWith("This treaty belongs"))?.speaker).toBe("John Doe");
    expect(quotes.find((quote) => quote.text.startsWith("Today we mark"))?.speaker).toBe("Jane Roe");
  });
});

describe("the reporting subject", () => {
  it("reads the subject before an aside set off by dashes", () => {
    const report = find("The dockworkers' union - weakened by a long strike - says it will accept the offer next month.", "it will accept");
    expect(report?.speakerDescription ?? report?.speaker).toMatch(/union/i);
  });

  it("reads a restrictive 'that' as the noun before it", () => {
    const report = find("There are several captains that have said they will sail without the permits.", "they will sail");
    expect(report?.speakerDescription ?? report?.speaker).toMatch(/captains/);
  });

  it("gives 'X's leadership in announcing that ...' to the possessor", () => {
    const report = find("We appreciate the Harbor Authority's leadership in announcing today that it will reopen the north pier.", "it will reopen");
    expect(report?.speaker ?? report?.speakerDescription).toMatch(/Harbor Authority/);
  });

  it("reads 'the <Nationality> military says' as the military", () => {
    const report = find("The Ruritanian military says it is clearing the last villages near the port.", "it is clearing");
    expect(report?.speaker ?? report?.speakerDescription).toMatch(/military/);
  });

  it("reads a clause after a clause-taking verb in its present form ('contends')", () => {
    expect(find("The port authority contends the lease was never valid.", "the lease was never valid")).toBeDefined();
  });

  it("ends a report before ', so we ...' (the writer's or briefer's own clause)", () => {
    const report = find("Several captains have said they are coming for the second session, so we will take a break at noon.", "they are coming");
    expect(report?.text).toBe("they are coming for the second session");
  });
});

describe("partial quotations of the sentence's subject", () => {
  it("reads the subject past an aside set off by commas", () => {
    const body = "Former Mayor Jane Roe, for her part, is calling the lease “a reckless gift to the shipping lines.”";
    expect(find(body, "a reckless gift", "partial")?.speaker).toBe("Jane Roe");
  });

  it("reads the subject after an opening participle", () => {
    const body = "Speaking to reporters at the pier on Monday, Omar Lind described the new port chief as “a steady, careful manager.”";
    expect(find(body, "a steady, careful manager", "partial")?.speaker).toBe("Omar Lind");
  });

  it("reads the subject before a relative clause", () => {
    const body = "Omar Lind, who leads the dockworkers, mocked the council for “having no plan at all” during the storm.";
    expect(find(body, "having no plan at all", "partial")?.speaker).toBe("Omar Lind");
  });

  it("gives no speaker from a subject that names nobody", () => {
    const body = "The new lease targets a “harbor system that favors the largest shipping lines.”";
    expect(find(body, "harbor system that favors")).toBeUndefined();
  });
});

describe("according to, inside the sentence", () => {
  it("reads the clause after connectives and the source", () => {
    const report = find("But, according to the harbor survey, 46 percent of the captains remain undecided.", "46 percent");
    expect(report?.text).toBe("46 percent of the captains remain undecided");
  });

  it("reads the whole sentence around a parenthetical source when no verb comes before it", () => {
    const report = find("Over the long term, according to the port authority, the rise in shipping costs is due to fuel.", "Over the long term");
    expect(report?.speaker ?? report?.speakerDescription).toMatch(/port authority/i);
    expect(report?.text).toContain("the rise in shipping costs is due to fuel");
  });
});

