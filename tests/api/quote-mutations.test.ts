import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../../src/generated/prisma/enums.js";
import { createContext } from "../../src/graphql/context.js";
import { toGlobalId } from "../../src/graphql/ids.js";
import { DomainFailure } from "../../src/core/failure.js";
import type { Actor } from "../../src/core/actor.js";
import { attributeQuote, linkQuotes } from "../../src/domain/quotes/commands.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { bodyHash } from "../support/graphql.js";
import { createViewer, executeAsViewer, mutationChecks } from "../support/viewers.js";

// Quote mutations through the GraphQL layer as each role, on the example story and a draft of
// our own: every success writes exactly one audit event, every refusal changes nothing.

interface QuoteShape {
  id: string;
  text: string;
  kind: string;
  span: { start: number; end: number; exact: string; prefix: string; suffix: string };
  speaker: { id: string; name: string; kind: string } | null;
  speakerDescription: string | null;
  reportingVerb: string | null;
  medium: string;
  sourceUrl: string | null;
  sourceHandle: string | null;
  sourceDate: string | null;
  verification: string;
  verificationNote: string | null;
  evidenceUrls: string[];
  origin: string;
  reviewStatus: string;
  version: number;
  linkedQuotes: { edges: { node: { quote: { id: string }; note: string | null } }[] };
}

const PAYLOAD = `quote {
  id text kind span { start end exact prefix suffix } speaker { id name kind } speakerDescription reportingVerb medium
  sourceUrl sourceHandle sourceDate verification verificationNote evidenceUrls origin reviewStatus version
  linkedQuotes(first: 100) { edges { node { quote { id } note } } }
} errors { code field message currentVersion }`;

const mutation = (name: string, input: string) => `mutation($input: ${input}!) { ${name}(input: $input) { ${PAYLOAD} } }`;
const CREATE = mutation("createQuote", "CreateQuoteInput");
const UPDATE = mutation("updateQuote", "UpdateQuoteInput");
const ATTRIBUTE = mutation("attributeQuote", "AttributeQuoteInput");
const VERIFY = mutation("setQuoteVerification", "SetQuoteVerificationInput");
const LINK = mutation("linkQuotes", "LinkQuotesInput");
const ACCEPT = mutation("acceptQuote", "ReviewQuoteInput");
const REJECT = mutation("rejectQuote", "ReviewQuoteInput");

const MISSING_UUID = "0190a0a0-0000-7000-8000-000000000000";
const DRAFT_BODY = "The mayor said: “We will rebuild the bridge by spring.” Officials said the money was not there. “We will rebuild,” she repeated.";

let db: TestDatabase;
let articleId: string;
let articleBody: string;
let draftId: string;
const viewers = {} as Record<Role, Actor>;
const quotes = {} as Record<"statement" | "tweet" | "bottomLine" | "swiftly" | "decisively" | "threats", string>;
const people = {} as Record<"pompeo" | "nauert" | "sanders" | "official", string>;
let stateDepartment: string;

beforeAll(async () => {
  db = await createTestDatabase({ exampleStory: true });
  ({ articleId } = await seedExampleStory(db.prisma));
  articleBody = (await db.prisma.article.findUniqueOrThrow({ where: { id: articleId } })).body;
  for (const role of ["VIEWER", "REPORTER", "EDITOR", "ADMIN"] as const) viewers[role] = await createViewer(db, role);
  const quoteId = async (opening: string) => (await db.prisma.quote.findFirstOrThrow({ where: { articleId, text: { startsWith: opening } } })).id;
  quotes.statement = await quoteId("Secretary of State Mike Pompeo has placed");
  quotes.tweet = await quoteId(".@SecPompeo");
  quotes.bottomLine = await quoteId("Bottom line");
  quotes.swiftly = await quoteId("We’ll respond swiftly");
  quotes.decisively = await quoteId("America will respond");
  quotes.threats = await quoteId("their threats");
  const personId = async (name: string) => (await db.prisma.person.findFirstOrThrow({ where: { name } })).id;
  people.pompeo = await personId("Mike Pompeo");
  people.nauert = await personId("Heather Nauert");
  people.sanders = await personId("Sarah Sanders");
  people.official = await personId("a senior administration official");
  stateDepartment = (await db.prisma.organization.findUniqueOrThrow({ where: { name: "U.S. Department of State" } })).id;
  draftId = (
    await db.prisma.article.create({
      data: { slug: "bridge-draft", body: DRAFT_BODY, bodyHash: bodyHash(DRAFT_BODY), status: "DRAFT", revisions: { create: { number: 1, body: DRAFT_BODY } } },
    })
  ).id;
});

afterAll(async () => {
  await db?.close();
});

const gid = {
  article: (id: string) => toGlobalId("Article", id),
  quote: (id: string) => toGlobalId("Quote", id),
  person: (id: string) => toGlobalId("Person", id),
  organization: (id: string) => toGlobalId("Organization", id),
};

/** Everything a quote mutation could touch, to compare before and after a refusal. */
async function stored(): Promise<string> {
  const { prisma } = db;
  const state = await Promise.all([
    prisma.quote.findMany({ orderBy: { id: "asc" } }),
    prisma.quoteLink.findMany({ orderBy: [{ fromQuoteId: "asc" }, { toQuoteId: "asc" }] }),
    prisma.person.findMany({ orderBy: { id: "asc" } }),
    prisma.auditEvent.count(),
  ]);
  return JSON.stringify(state);
}

/** Runs a mutation as `role` and returns its payload (the mutation must not fail as a whole). */
const { succeed, refuse, forbidden } = mutationChecks<QuoteShape>({ database: () => db, viewers, resultKey: "quote", targetType: "Quote", stored });


async function version(quoteId: string): Promise<number> {
  return (await db.prisma.quote.findUniqueOrThrow({ where: { id: quoteId } })).version;
}

function selectorOf(body: string, exact: string, extra: Record<string, unknown> = {}) {
  const start = body.indexOf(exact);
  if (start < 0) throw new Error(`not in the body: ${exact}`);
  return { start, end: start + exact.length, exact, ...extra };
}

describe("createQuote", () => {
  const bridge = "We will rebuild the bridge by spring.";

  it("refuses a VIEWER at the directive", async () => {
    await forbidden("VIEWER", CREATE, { articleId: gid.article(draftId), selector: selectorOf(DRAFT_BODY, bridge), kind: "DIRECT" });
  });

  it("refuses a REPORTER on a published article", async () => {
    await refuse("REPORTER", CREATE, { articleId: gid.article(articleId), selector: selectorOf(articleBody, "Iran has blamed the U.S. and Israel"), kind: "INDIRECT" }, "FORBIDDEN", "input.articleId");
  });

  it("lets a REPORTER record a quote in a draft: the text is the selector's, origin EDITOR, accepted", async () => {
    const quote = await succeed("REPORTER", CREATE, {
      articleId: gid.article(draftId),
      selector: selectorOf(DRAFT_BODY, bridge),
      kind: "DIRECT",
      speakerDescription: "The mayor",
      reportingVerb: "said",
      medium: "INTERVIEW",
    }, "quote.create");
    expect(quote).toMatchObject({ text: bridge, kind: "DIRECT", speakerDescription: "The mayor", reportingVerb: "said", medium: "INTERVIEW", origin: "EDITOR", reviewStatus: "ACCEPTED", verification: "UNVERIFIED", version: 1, speaker: null });
    expect(quote.span).toEqual({ start: DRAFT_BODY.indexOf(bridge), end: DRAFT_BODY.indexOf(bridge) + bridge.length, exact: bridge, prefix: "The mayor said: “", suffix: DRAFT_BODY.slice(DRAFT_BODY.indexOf(bridge) + bridge.length, DRAFT_BODY.indexOf(bridge) + bridge.length + 32) });
    const row = await db.prisma.quote.findFirstOrThrow({ where: { articleId: draftId, text: bridge } });
    expect(row).toMatchObject({ anchorState: "ANCHORED", anchoredRevision: 1, prefix: "The mayor said: “" });
  });

  it("answers CONFLICT for a second quote at exactly the same span", async () => {
    await refuse("EDITOR", CREATE, { articleId: gid.article(draftId), selector: selectorOf(DRAFT_BODY, bridge), kind: "DIRECT" }, "CONFLICT", "input.selector");
  });

  it("lets an EDITOR record a quote in a published article with its speaker and source", async () => {
    const text = "Iran has blamed the U.S. and Israel for the attack";
    const quote = await succeed("EDITOR", CREATE, {
      articleId: gid.article(articleId),
      selector: selectorOf(articleBody, text),
      kind: "INDIRECT",
      speakerId: gid.person(people.pompeo),
      sourceUrl: "https://example.com/statement",
      sourceDate: "2018-09-28",
      medium: "STATEMENT",
    }, "quote.create");
    expect(quote).toMatchObject({ text, speaker: { name: "Mike Pompeo" }, sourceUrl: "https://example.com/statement", sourceDate: "2018-09-28", medium: "STATEMENT" });
  });

  it("finds the text by exact, prefix and suffix when the offsets are stale", async () => {
    // The second “We will rebuild” is meant: the offsets point at the first one's neighbourhood.
    const exact = "We will rebuild,";
    const quote = await succeed("EDITOR", CREATE, {
      articleId: gid.article(draftId),
      selector: { start: 0, end: exact.length, exact, prefix: "there. “", suffix: "” she" },
      kind: "PARTIAL",
    }, "quote.create");
    expect(quote.span.start).toBe(DRAFT_BODY.indexOf(exact));
    expect(quote.text).toBe(exact);
  });

  it("answers INVALID_SELECTOR when the text is not in the article or is ambiguous", async () => {
    await refuse("EDITOR", CREATE, { articleId: gid.article(draftId), selector: { start: 0, end: 5, exact: "Hello" }, kind: "DIRECT" }, "INVALID_SELECTOR", "input.selector.exact");
    await refuse("EDITOR", CREATE, { articleId: gid.article(draftId), selector: { start: 0, end: 15, exact: "We will rebuild" }, kind: "DIRECT" }, "INVALID_SELECTOR", "input.selector.exact");
  });

  it("answers INVALID_INPUT naming the field for bad offsets, URLs, ids and texts", async () => {
    const base = { articleId: gid.article(draftId), selector: selectorOf(DRAFT_BODY, "Officials said"), kind: "INDIRECT" };
    await refuse("EDITOR", CREATE, { ...base, selector: { start: 10, end: DRAFT_BODY.length + 1 } }, "INVALID_INPUT", "input.selector.end");
    await refuse("EDITOR", CREATE, { ...base, selector: { start: 10, end: 10 } }, "INVALID_INPUT", "input.selector");
    await refuse("EDITOR", CREATE, { ...base, selector: { start: 15, end: 16 } }, "INVALID_INPUT", "input.selector");
    await refuse("EDITOR", CREATE, { ...base, sourceUrl: "javascript:alert(1)" }, "INVALID_INPUT", "input.sourceUrl");
    await refuse("EDITOR", CREATE, { ...base, reportingVerb: "x".repeat(51) }, "INVALID_INPUT", "input.reportingVerb");
    await refuse("EDITOR", CREATE, { ...base, articleId: "not-an-id" }, "INVALID_INPUT", "input.articleId");
    await refuse("EDITOR", CREATE, { ...base, articleId: gid.quote(quotes.tweet) }, "INVALID_INPUT", "input.articleId");
    await refuse("EDITOR", CREATE, { ...base, speakerId: gid.article(articleId) }, "INVALID_INPUT", "input.speakerId");
  });

  it("answers NOT_FOUND for a missing article or speaker", async () => {
    const base = { articleId: gid.article(draftId), selector: selectorOf(DRAFT_BODY, "Officials said"), kind: "INDIRECT" };
    await refuse("EDITOR", CREATE, { ...base, articleId: gid.article(MISSING_UUID) }, "NOT_FOUND", "input.articleId");
    await refuse("EDITOR", CREATE, { ...base, speakerId: gid.person(MISSING_UUID) }, "NOT_FOUND", "input.speakerId");
  });
});

describe("updateQuote", () => {
  it("refuses a VIEWER at the directive and a REPORTER outside drafts", async () => {
    await forbidden("VIEWER", UPDATE, { id: gid.quote(quotes.threats), expectedVersion: 1, reportingVerb: "warned" });
    await refuse("REPORTER", UPDATE, { id: gid.quote(quotes.threats), expectedVersion: 1, reportingVerb: "warned" }, "FORBIDDEN", "input.id");
  });

  it("lets a REPORTER change a quote in a draft", async () => {
    const id = (await db.prisma.quote.findFirstOrThrow({ where: { articleId: draftId, text: { startsWith: "We will rebuild the bridge" } } })).id;
    const quote = await succeed("REPORTER", UPDATE, { id: gid.quote(id), expectedVersion: await version(id), reportingVerb: "promised", sourceHandle: "@mayor" }, "quote.update");
    expect(quote).toMatchObject({ reportingVerb: "promised", sourceHandle: "@mayor", speakerDescription: "The mayor", version: 2 });
  });

  it("lets an EDITOR change details, clear one with null and move the span (the text follows)", async () => {
    const id = quotes.threats;
    await succeed("EDITOR", UPDATE, { id: gid.quote(id), expectedVersion: await version(id), sourceUrl: "https://example.com/x" }, "quote.update");
    const exact = "their threats would not be tolerated, and reiterated";
    const quote = await succeed("EDITOR", UPDATE, {
      id: gid.quote(id),
      expectedVersion: await version(id),
      sourceUrl: null,
      reportingVerb: "warned",
      kind: "PARTIAL",
      selector: selectorOf(articleBody, exact),
    }, "quote.update");
    expect(quote).toMatchObject({ text: exact, sourceUrl: null, reportingVerb: "warned", kind: "PARTIAL", speaker: { name: "Mike Pompeo" } });
    expect(quote.span.start).toBe(articleBody.indexOf(exact));
    const before = await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(before.before).toMatchObject({ text: "their threats would not be tolerated", kind: "INDIRECT" });
    expect(before.after).toMatchObject({ text: exact, kind: "PARTIAL" });
    // Back to the seeded span for the tests that follow.
    await succeed("EDITOR", UPDATE, { id: gid.quote(id), expectedVersion: await version(id), kind: "INDIRECT", selector: selectorOf(articleBody, "their threats would not be tolerated") }, "quote.update");
  });

  it("answers VERSION_CONFLICT with the current version for a stale one, changing nothing", async () => {
    const current = await version(quotes.threats);
    const error = await refuse("EDITOR", UPDATE, { id: gid.quote(quotes.threats), expectedVersion: current - 1, reportingVerb: "claimed" }, "VERSION_CONFLICT", "input.expectedVersion");
    expect(error.currentVersion).toBe(current);
  });

  it("answers INVALID_INPUT and INVALID_SELECTOR naming the field", async () => {
    const current = await version(quotes.threats);
    await refuse("EDITOR", UPDATE, { id: gid.quote(quotes.threats), expectedVersion: 0 }, "INVALID_INPUT", "input.expectedVersion");
    await refuse("EDITOR", UPDATE, { id: gid.quote(quotes.threats), expectedVersion: current, sourceUrl: "ftp://example.com" }, "INVALID_INPUT", "input.sourceUrl");
    await refuse("EDITOR", UPDATE, { id: gid.quote(quotes.threats), expectedVersion: current, selector: { start: 0, end: 4, exact: "nope" } }, "INVALID_SELECTOR", "input.selector.exact");
    await refuse("EDITOR", UPDATE, { id: gid.person(people.pompeo), expectedVersion: current }, "INVALID_INPUT", "input.id");
    await refuse("EDITOR", UPDATE, { id: gid.quote(MISSING_UUID), expectedVersion: 1 }, "NOT_FOUND", "input.id");
  });
});

describe("attributeQuote and setQuoteVerification", () => {
  it("refuses a VIEWER and a REPORTER at the directive, and the service refuses a REPORTER too", async () => {
    const input = { quoteId: gid.quote(quotes.decisively), expectedVersion: 1, speakerId: gid.person(people.nauert) };
    await forbidden("VIEWER", ATTRIBUTE, input);
    await forbidden("REPORTER", ATTRIBUTE, input);
    await forbidden("REPORTER", VERIFY, { quoteId: gid.quote(quotes.decisively), expectedVersion: 1, status: "VERIFIED", note: "Checked." });
    const before = await stored();
    const context = createContext(db.prisma, viewers.REPORTER, "direct-call");
    // The domain takes record ids (the adapter decodes global ids); command() refuses before
    // any work, synchronously, so the call is made inside a promise to see the refusal.
    const direct = { quoteId: quotes.decisively, expectedVersion: 1, speakerId: people.nauert };
    await expect(Promise.resolve().then(() => attributeQuote(context, direct))).rejects.toSatisfy((error) => error instanceof DomainFailure && error.reasons[0]?.code === "FORBIDDEN");
    expect(await stored()).toBe(before);
  });

  it("corrects a misattributed quote and marks it MISATTRIBUTED", async () => {
    const id = gid.quote(quotes.decisively);
    // An editor attributes Sanders' words to Nauert by mistake ...
    const wrong = await succeed("EDITOR", ATTRIBUTE, { quoteId: id, expectedVersion: await version(quotes.decisively), speakerId: gid.person(people.nauert) }, "quote.attribute");
    expect(wrong.speaker?.name).toBe("Heather Nauert");
    // ... a colleague flags it with the evidence ...
    const flagged = await succeed("EDITOR", VERIFY, {
      quoteId: id,
      expectedVersion: wrong.version,
      status: "MISATTRIBUTED",
      note: "Sanders said this, in the White House statement, not Nauert.",
      evidenceUrls: ["https://www.whitehouse.gov/briefings-statements/statement-press-secretary-iraq/"],
    }, "quote.verify");
    expect(flagged).toMatchObject({ verification: "MISATTRIBUTED", verificationNote: "Sanders said this, in the White House statement, not Nauert.", evidenceUrls: ["https://www.whitehouse.gov/briefings-statements/statement-press-secretary-iraq/"] });
    // ... and the attribution is corrected.
    const fixed = await succeed("EDITOR", ATTRIBUTE, { quoteId: id, expectedVersion: flagged.version, speakerId: gid.person(people.sanders) }, "quote.attribute");
    expect(fixed).toMatchObject({ speaker: { name: "Sarah Sanders" }, verification: "MISATTRIBUTED", version: flagged.version + 1 });
    const event = await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(event.targetId).toBe(quotes.decisively);
    expect(event.before).toMatchObject({ speakerId: people.nauert, speakerName: "Heather Nauert" });
    expect(event.after).toMatchObject({ speakerId: people.sanders, speakerName: "Sarah Sanders" });
    // Once settled, the quote is VERIFIED against the source.
    const verified = await succeed("EDITOR", VERIFY, { quoteId: id, expectedVersion: fixed.version, status: "VERIFIED", evidenceUrls: ["https://www.whitehouse.gov/"] }, "quote.verify");
    expect(verified).toMatchObject({ verification: "VERIFIED", verificationNote: null });
  });

  it("attributes to an unnamed source, reusing one with the same description and organization", async () => {
    const peopleBefore = await db.prisma.person.count();
    const first = await succeed("EDITOR", ATTRIBUTE, {
      quoteId: gid.quote(quotes.swiftly),
      expectedVersion: await version(quotes.swiftly),
      unnamedSource: { description: "a State Department official", organizationId: gid.organization(stateDepartment) },
    }, "quote.attribute");
    expect(first.speaker).toMatchObject({ name: "a State Department official", kind: "ANONYMOUS" });
    expect(await db.prisma.person.count()).toBe(peopleBefore + 1);
    const { speakerId } = await db.prisma.quote.findUniqueOrThrow({ where: { id: quotes.swiftly } });
    const created = await db.prisma.person.findUniqueOrThrow({ where: { id: speakerId ?? MISSING_UUID } });
    expect(created).toMatchObject({ kind: "ANONYMOUS", description: "a State Department official", organizationId: stateDepartment, origin: "EDITOR" });

    const second = await succeed("EDITOR", ATTRIBUTE, {
      quoteId: gid.quote(quotes.bottomLine),
      expectedVersion: await version(quotes.bottomLine),
      unnamedSource: { description: "a State Department official", organizationId: gid.organization(stateDepartment) },
    }, "quote.attribute");
    expect(second.speaker?.id).toBe(first.speaker?.id);
    expect(await db.prisma.person.count()).toBe(peopleBefore + 1);

    // The seeded unnamed source has no organization: the same description without one finds it.
    const back = await succeed("EDITOR", ATTRIBUTE, {
      quoteId: gid.quote(quotes.swiftly),
      expectedVersion: await version(quotes.swiftly),
      unnamedSource: { description: "a senior administration official" },
    }, "quote.attribute");
    expect(back.speaker?.id).toBe(gid.person(people.official));
    await succeed("EDITOR", ATTRIBUTE, { quoteId: gid.quote(quotes.bottomLine), expectedVersion: await version(quotes.bottomLine), speakerId: gid.person(people.official) }, "quote.attribute");
    expect(await db.prisma.person.count()).toBe(peopleBefore + 1);
  });

  it("answers INVALID_INPUT unless exactly one of speakerId and unnamedSource is given", async () => {
    const current = await version(quotes.swiftly);
    await refuse("EDITOR", ATTRIBUTE, { quoteId: gid.quote(quotes.swiftly), expectedVersion: current }, "INVALID_INPUT", "input.speakerId");
    await refuse("EDITOR", ATTRIBUTE, {
      quoteId: gid.quote(quotes.swiftly),
      expectedVersion: current,
      speakerId: gid.person(people.pompeo),
      unnamedSource: { description: "an aide" },
    }, "INVALID_INPUT", "input.speakerId");
    await refuse("EDITOR", ATTRIBUTE, { quoteId: gid.quote(quotes.swiftly), expectedVersion: current, unnamedSource: { description: "   " } }, "INVALID_INPUT", "input.unnamedSource.description");
    await refuse("EDITOR", ATTRIBUTE, { quoteId: gid.quote(quotes.swiftly), expectedVersion: current, unnamedSource: { description: "an aide", organizationId: "zz" } }, "INVALID_INPUT", "input.unnamedSource.organizationId");
    await refuse("EDITOR", ATTRIBUTE, { quoteId: gid.quote(quotes.swiftly), expectedVersion: current, unnamedSource: { description: "an aide", organizationId: gid.organization(MISSING_UUID) } }, "NOT_FOUND", "input.unnamedSource.organizationId");
    await refuse("EDITOR", ATTRIBUTE, { quoteId: gid.quote(quotes.swiftly), expectedVersion: current, speakerId: gid.person(MISSING_UUID) }, "NOT_FOUND", "input.speakerId");
  });

  it("answers VERSION_CONFLICT with the current version for stale attributions and verifications", async () => {
    const current = await version(quotes.swiftly);
    const attribute = await refuse("EDITOR", ATTRIBUTE, { quoteId: gid.quote(quotes.swiftly), expectedVersion: current + 1, speakerId: gid.person(people.pompeo) }, "VERSION_CONFLICT", "input.expectedVersion");
    expect(attribute.currentVersion).toBe(current);
    // A stale attribution to a new unnamed source creates no person either (refuse compares people).
    await refuse("EDITOR", ATTRIBUTE, { quoteId: gid.quote(quotes.swiftly), expectedVersion: current - 1, unnamedSource: { description: "a brand-new aide" } }, "VERSION_CONFLICT", "input.expectedVersion");
    const verify = await refuse("EDITOR", VERIFY, { quoteId: gid.quote(quotes.swiftly), expectedVersion: current - 1, status: "DISPUTED", note: "Contested." }, "VERSION_CONFLICT", "input.expectedVersion");
    expect(verify.currentVersion).toBe(current);
  });

  it("asks for a note or evidence for VERIFIED, DISPUTED and MISATTRIBUTED, and checks the links", async () => {
    const current = await version(quotes.swiftly);
    for (const status of ["VERIFIED", "DISPUTED", "MISATTRIBUTED"]) {
      await refuse("EDITOR", VERIFY, { quoteId: gid.quote(quotes.swiftly), expectedVersion: current, status }, "INVALID_INPUT", "input.note");
      await refuse("EDITOR", VERIFY, { quoteId: gid.quote(quotes.swiftly), expectedVersion: current, status, note: "  ", evidenceUrls: [] }, "INVALID_INPUT", "input.note");
    }
    await refuse("EDITOR", VERIFY, { quoteId: gid.quote(quotes.swiftly), expectedVersion: current, status: "VERIFIED", evidenceUrls: ["https://ok.example", "javascript:alert(1)"] }, "INVALID_INPUT", "input.evidenceUrls.1");
    await refuse("EDITOR", VERIFY, { quoteId: gid.quote(quotes.swiftly), expectedVersion: current, status: "DISPUTED", note: "x".repeat(5001) }, "INVALID_INPUT", "input.note");
    const disputed = await succeed("EDITOR", VERIFY, { quoteId: gid.quote(quotes.swiftly), expectedVersion: current, status: "DISPUTED", note: "The official's office denies it." }, "quote.verify");
    expect(disputed).toMatchObject({ verification: "DISPUTED", verificationNote: "The official's office denies it.", evidenceUrls: [] });
    // UNVERIFIED needs nothing and clears the grounds of the previous status.
    const reset = await succeed("EDITOR", VERIFY, { quoteId: gid.quote(quotes.swiftly), expectedVersion: disputed.version, status: "UNVERIFIED" }, "quote.verify");
    expect(reset).toMatchObject({ verification: "UNVERIFIED", verificationNote: null, evidenceUrls: [] });
  });
});

describe("linkQuotes", () => {
  it("refuses a VIEWER and a REPORTER at the directive, and the service refuses a REPORTER too", async () => {
    const input = { fromQuoteId: gid.quote(quotes.swiftly), toQuoteId: gid.quote(quotes.decisively) };
    await forbidden("VIEWER", LINK, input);
    await forbidden("REPORTER", LINK, input);
    const before = await stored();
    const direct = { fromQuoteId: quotes.swiftly, toQuoteId: quotes.decisively };
    await expect(Promise.resolve().then(() => linkQuotes(createContext(db.prisma, viewers.REPORTER, "direct-call"), direct))).rejects.toBeInstanceOf(DomainFailure);
    expect(await stored()).toBe(before);
  });

  it("answers CONFLICT for Nauert's tweet and statement, which the seed links already, in either direction", async () => {
    const statement = await executeAsViewer<{ node: { linkedQuotes: { edges: { node: { quote: { id: string } } }[] } } }>(db, viewers.VIEWER, `query($id: ID!) { node(id: $id) { ... on Quote { linkedQuotes(first: 100) { edges { node { quote { id } } } } } } }`, { id: gid.quote(quotes.statement) });
    expect(statement.data?.node.linkedQuotes.edges.map((edge) => edge.node.quote.id)).toEqual([gid.quote(quotes.tweet)]);
    await refuse("EDITOR", LINK, { fromQuoteId: gid.quote(quotes.statement), toQuoteId: gid.quote(quotes.tweet), note: "Same statement" }, "CONFLICT", "input.toQuoteId");
    await refuse("EDITOR", LINK, { fromQuoteId: gid.quote(quotes.tweet), toQuoteId: gid.quote(quotes.statement) }, "CONFLICT", "input.toQuoteId");
  });

  it("answers CONFLICT for a quote linked to itself, INVALID_INPUT and NOT_FOUND for bad ids", async () => {
    await refuse("EDITOR", LINK, { fromQuoteId: gid.quote(quotes.tweet), toQuoteId: gid.quote(quotes.tweet) }, "CONFLICT", "input.toQuoteId");
    await refuse("EDITOR", LINK, { fromQuoteId: gid.person(people.nauert), toQuoteId: gid.quote(quotes.tweet) }, "INVALID_INPUT", "input.fromQuoteId");
    await refuse("EDITOR", LINK, { fromQuoteId: gid.quote(quotes.tweet), toQuoteId: gid.quote(MISSING_UUID) }, "NOT_FOUND", "input.toQuoteId");
    await refuse("EDITOR", LINK, { fromQuoteId: gid.quote(quotes.tweet), toQuoteId: gid.quote(quotes.swiftly), note: "y".repeat(2001) }, "INVALID_INPUT", "input.note");
  });

  it("links two quotes as the same statement, visible from both sides", async () => {
    const quote = await succeed("EDITOR", LINK, { fromQuoteId: gid.quote(quotes.swiftly), toQuoteId: gid.quote(quotes.decisively), note: "Same promise, two speakers' wording" }, "quote.link");
    expect(quote.id).toBe(gid.quote(quotes.swiftly));
    expect(quote.linkedQuotes.edges.map((edge) => edge.node)).toEqual([{ quote: { id: gid.quote(quotes.decisively) }, note: "Same promise, two speakers' wording" }]);
    const other = await executeAsViewer<{ node: QuoteShape }>(db, viewers.VIEWER, `query($id: ID!) { node(id: $id) { ... on Quote { linkedQuotes(first: 100) { edges { node { quote { id } note } } } } } }`, { id: gid.quote(quotes.decisively) });
    expect(other.data?.node.linkedQuotes.edges.map((edge) => edge.node)).toEqual([{ quote: { id: gid.quote(quotes.swiftly) }, note: "Same promise, two speakers' wording" }]);
    await refuse("EDITOR", LINK, { fromQuoteId: gid.quote(quotes.decisively), toQuoteId: gid.quote(quotes.swiftly) }, "CONFLICT", "input.toQuoteId");
  });
});

describe("acceptQuote and rejectQuote", () => {
  it("reviews machine suggestions: accepted ones become public, rejected ones disappear; reviewed ones are CONFLICT", async () => {
    const suggest = (exact: string) => {
      const start = articleBody.indexOf(exact);
      return db.prisma.quote.create({
        data: { articleId, text: exact, start, end: start + exact.length, kind: "INDIRECT", origin: "MACHINE", confidence: 0.6, reviewStatus: "PENDING", fingerprint: `test-${start}` },
      });
    };
    const good = await suggest("the U.S. played no role in last week’s deadly Iranian military parade attack");
    const bad = await suggest("Iran has blamed the U.S. and Israel");
    await forbidden("REPORTER", ACCEPT, { id: gid.quote(good.id), expectedVersion: 1 });
    await refuse("EDITOR", ACCEPT, { id: gid.quote(good.id), expectedVersion: 2 }, "VERSION_CONFLICT", "input.expectedVersion");
    const accepted = await succeed("EDITOR", ACCEPT, { id: gid.quote(good.id), expectedVersion: 1 }, "quote.accept");
    expect(accepted).toMatchObject({ reviewStatus: "ACCEPTED", origin: "MACHINE", version: 2 });
    await refuse("EDITOR", REJECT, { id: gid.quote(good.id), expectedVersion: 2 }, "CONFLICT", "input.id");
    const rejected = await succeed("EDITOR", REJECT, { id: gid.quote(bad.id), expectedVersion: 1 }, "quote.reject");
    expect(rejected.reviewStatus).toBe("REJECTED");
    const seen = await executeAsViewer<{ nodes: (QuoteShape | null)[] }>(db, viewers.VIEWER, `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Quote { text } } }`, { ids: [gid.quote(good.id), gid.quote(bad.id)] });
    expect(seen.data?.nodes).toEqual([{ text: good.text }, null]);
    await refuse("EDITOR", ACCEPT, { id: gid.quote(bad.id), expectedVersion: 2 }, "NOT_FOUND", "input.id");
  });
});
