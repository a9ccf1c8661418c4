import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Extraction, ExtractedQuote } from "../../src/extraction/types.js";
import type { Role } from "../../src/generated/prisma/enums.js";
import { toGlobalId } from "../../src/graphql/ids.js";
import { ingestArticleWith } from "../../src/domain/ingest/ingest.js";
import { ANONYMOUS_ACTOR as ANONYMOUS, type Actor } from "../../src/core/actor.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { createViewer, executeAsViewer, mutationChecks } from "../support/viewers.js";

// Organizations speak ("the ministry said in a statement"): a quote's speaker is a person or an
// organization, never both. Ingest stores what extraction attributes to an organization, editors
// attribute and create such quotes, and every reader (filters, counts, charts, JSON-LD) follows.

const STORY = [
  "Ministry condemns the strike on the port",
  "The Foreign Ministry said in a statement that the strike was a grave violation of the truce.",
  "\u201cWe call on all sides to show restraint,\u201d the ministry said.",
  "Port director Amal Haddad said the cranes were destroyed.",
].join("\n");

/** Where `exact` sits in the story (it must be there). */
function rangeOf(exact: string): { start: number; end: number; text: string } {
  const start = STORY.indexOf(exact);
  if (start < 0) throw new Error(`not in the story: ${exact}`);
  return { start, end: start + exact.length, text: exact };
}

/** A quote as extraction gives it, by the organization or person named. */
function extracted(exact: string, kind: ExtractedQuote["kind"], speaker: string, speakerKind: "person" | "organization"): ExtractedQuote {
  return { ...rangeOf(exact), kind, speaker, speakerKind, speakerDescription: null, medium: "statement", reportingVerb: "said", attribution: null, confidence: 0.9 };
}

/** What a fixed extractor finds in STORY: two quotes of the ministry, one of a person. */
const EXTRACTION: Extraction = {
  article: { headline: null, publishedAt: "2024-03-05" },
  quotes: [
    extracted("the strike was a grave violation of the truce", "indirect", "Foreign Ministry", "organization"),
    extracted("We call on all sides to show restraint,", "direct", "Foreign Ministry", "organization"),
    extracted("the cranes were destroyed", "indirect", "Amal Haddad", "person"),
  ],
  people: [{ name: "Amal Haddad", titles: ["Port director"], organization: null, aliases: ["Haddad"], confidence: 0.9 }],
  anonymousSources: [],
  organizations: ["Foreign Ministry"],
  places: [],
  incidents: [],
  mentions: [],
};

interface QuoteShape {
  id: string;
  text: string;
  speaker: { name: string } | null;
  speakerOrganization: { id: string; name: string } | null;
  version: number;
}

const PAYLOAD = "quote { id text speaker { name } speakerOrganization { id name } version } errors { code field message currentVersion }";
const ATTRIBUTE = `mutation($input: AttributeQuoteInput!) { attributeQuote(input: $input) { ${PAYLOAD} } }`;
const CREATE = `mutation($input: CreateQuoteInput!) { createQuote(input: $input) { ${PAYLOAD} } }`;
const MISSING_UUID = "0190a0a0-0000-7000-8000-000000000000";

let db: TestDatabase;
let articleId: string;
let ministryId: string;
const viewers = {} as Record<Role, Actor>;

/** Everything these mutations could touch, to prove a refusal changed nothing. */
async function stored(): Promise<string> {
  const state = await Promise.all([
    db.prisma.quote.findMany({ orderBy: { id: "asc" } }),
    db.prisma.person.findMany({ orderBy: { id: "asc" } }),
    db.prisma.organization.findMany({ orderBy: { id: "asc" } }),
    db.prisma.auditEvent.count(),
  ]);
  return JSON.stringify(state);
}

const { succeed, refuse } = mutationChecks<QuoteShape>({ database: () => db, viewers, resultKey: "quote", targetType: "Quote", stored });

/** The quote of the story whose text starts with `opening`. */
async function quoteOf(opening: string) {
  return db.prisma.quote.findFirstOrThrow({ where: { articleId, text: { startsWith: opening } } });
}

/** Runs a query as `viewer` and returns its data (it must not fail). */
async function read<T>(viewer: Actor, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const result = await executeAsViewer<T>(db, viewer, query, variables);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

beforeAll(async () => {
  db = await createTestDatabase();
  for (const role of ["VIEWER", "REPORTER", "EDITOR", "ADMIN"] as const) viewers[role] = await createViewer(db, role);
  const result = await ingestArticleWith(() => EXTRACTION)(
    { prisma: db.prisma, viewer: viewers.EDITOR, requestId: "test-request", live: null },
    { text: STORY, slug: "port-strike", publishedAt: new Date("2024-03-05T00:00:00Z") },
  );
  articleId = result.article.id;
  ministryId = (await db.prisma.organization.findUniqueOrThrow({ where: { name: "Foreign Ministry" } })).id;
  await db.prisma.quote.updateMany({ where: { articleId }, data: { reviewStatus: "ACCEPTED" } });
  await db.prisma.person.updateMany({ data: { reviewStatus: "ACCEPTED" } });
  await db.prisma.article.update({ where: { id: articleId }, data: { status: "PUBLISHED" } });
});

afterAll(async () => {
  await db?.close();
});

describe("ingest", () => {
  it("stores a quote extraction gives to an organization as said by that organization, and a person's as said by the person", async () => {
    const restraint = await quoteOf("We call on all sides");
    expect(restraint).toMatchObject({ speakerId: null, speakerOrganizationId: ministryId });
    const violation = await quoteOf("the strike was a grave");
    expect(violation).toMatchObject({ speakerId: null, speakerOrganizationId: ministryId, kind: "INDIRECT" });
    const cranes = await quoteOf("the cranes");
    const haddad = await db.prisma.person.findFirstOrThrow({ where: { name: "Amal Haddad" } });
    expect(cranes).toMatchObject({ speakerId: haddad.id, speakerOrganizationId: null });
    // The organization is not made a person as well.
    expect(await db.prisma.person.count({ where: { name: { contains: "Ministry" } } })).toBe(0);
  });
});

describe("reading", () => {
  it("answers speakerOrganization beside speaker, and the organization's own quotes and count", async () => {
    const data = await read<{
      article: { quotes: { edges: { node: { text: string; speaker: { name: string } | null; speakerOrganization: { name: string } | null } }[] } };
      organization: { quoteCount: number; quotes: { totalCount: number; edges: { node: { text: string } }[] } };
    }>(
      ANONYMOUS,
      `query($org: ID!) {
        article(slug: "port-strike") { quotes(first: 10) { edges { node { text speaker { name } speakerOrganization { name } } } } }
        organization(id: $org) { quoteCount quotes(first: 10) { totalCount edges { node { text } } } }
      }`,
      { org: toGlobalId("Organization", ministryId) },
    );
    expect(data.article.quotes.edges.map(({ node }) => [node.text, node.speaker?.name ?? null, node.speakerOrganization?.name ?? null])).toEqual([
      ["the strike was a grave violation of the truce", null, "Foreign Ministry"],
      ["We call on all sides to show restraint,", null, "Foreign Ministry"],
      ["the cranes were destroyed", "Amal Haddad", null],
    ]);
    expect(data.organization.quoteCount).toBe(2);
    expect(data.organization.quotes.totalCount).toBe(2);
    expect(data.organization.quotes.edges.map(({ node }) => node.text).sort()).toEqual([
      "We call on all sides to show restraint,",
      "the strike was a grave violation of the truce",
    ]);
  });

  it("filters quotes by speaking organization and ranks organizations by quotes", async () => {
    const data = await read<{
      quotes: { totalCount: number };
      quoteCountsByOrganization: { organization: { name: string }; quotes: number }[];
    }>(
      ANONYMOUS,
      `query($org: ID!) {
        quotes(filter: { speakerOrganizationId: $org }) { totalCount }
        quoteCountsByOrganization(dates: { from: "2024-03-01", to: "2024-03-31" }) { organization { name } quotes }
      }`,
      { org: toGlobalId("Organization", ministryId) },
    );
    expect(data.quotes.totalCount).toBe(2);
    expect(data.quoteCountsByOrganization).toEqual([{ organization: { name: "Foreign Ministry" }, quotes: 2 }]);
    const outside = await read<{ quoteCountsByOrganization: unknown[] }>(
      ANONYMOUS,
      `{ quoteCountsByOrganization(dates: { from: "2024-04-01", to: "2024-04-30" }) { quotes } }`,
    );
    expect(outside.quoteCountsByOrganization).toEqual([]);
  });

  it("answers BAD_USER_INPUT for a person's id given as the organization filter", async () => {
    const result = await executeAsViewer(db, ANONYMOUS, `query($id: ID!) { quotes(filter: { speakerOrganizationId: $id }) { totalCount } }`, {
      id: toGlobalId("Person", MISSING_UUID),
    });
    expect(result.errors?.map((error) => [error.extensions?.code, error.extensions?.argument ?? error.extensions?.field ?? null])).toEqual([
      ["BAD_USER_INPUT", expect.stringContaining("speakerOrganizationId")],
    ]);
  });

  it("publishes the organization as the Quotation's speaker and reported speech as a Claim, never as a Quotation", async () => {
    const data = await read<{ article: { jsonLd: { citation: Record<string, unknown>[] } } }>(ANONYMOUS, `{ article(slug: "port-strike") { jsonLd } }`);
    expect(data.article.jsonLd.citation).toEqual([
      { "@type": "Claim", text: "the strike was a grave violation of the truce", author: { "@type": "Organization", name: "Foreign Ministry" } },
      { "@type": "Quotation", text: "We call on all sides to show restraint,", spokenByCharacter: { "@type": "Organization", name: "Foreign Ministry" } },
      { "@type": "Claim", text: "the cranes were destroyed", author: { "@type": "Person", name: "Amal Haddad" } },
    ]);
  });
});

describe("attributeQuote", () => {
  it("attributes a quote to an organization (clearing the person), records both sides in the audit trail, and back", async () => {
    const cranes = await quoteOf("the cranes");
    const toMinistry = await succeed("EDITOR", ATTRIBUTE, {
      quoteId: toGlobalId("Quote", cranes.id),
      expectedVersion: cranes.version,
      organizationId: toGlobalId("Organization", ministryId),
    }, "quote.attribute");
    expect(toMinistry).toMatchObject({ speaker: null, speakerOrganization: { name: "Foreign Ministry" }, version: cranes.version + 1 });
    const event = await db.prisma.auditEvent.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(event.before).toMatchObject({ speakerId: cranes.speakerId, speakerName: "Amal Haddad", speakerKind: "NAMED" });
    expect(event.after).toMatchObject({ speakerId: null, speakerOrganizationId: ministryId, speakerName: "Foreign Ministry", speakerKind: "ORGANIZATION" });

    const toPerson = await succeed("EDITOR", ATTRIBUTE, {
      quoteId: toGlobalId("Quote", cranes.id),
      expectedVersion: toMinistry.version,
      speakerId: toGlobalId("Person", cranes.speakerId ?? MISSING_UUID),
    }, "quote.attribute");
    expect(toPerson).toMatchObject({ speaker: { name: "Amal Haddad" }, speakerOrganization: null });
    expect(await quoteOf("the cranes")).toMatchObject({ speakerId: cranes.speakerId, speakerOrganizationId: null });
  });

  it("refuses two speakers at once, an unknown organization and a stale version, changing nothing", async () => {
    const quote = await quoteOf("We call on all sides");
    const organizationId = toGlobalId("Organization", ministryId);
    await refuse("EDITOR", ATTRIBUTE, { quoteId: toGlobalId("Quote", quote.id), expectedVersion: quote.version, organizationId, unnamedSource: { description: "a ministry official" } }, "INVALID_INPUT", "input.speakerId");
    await refuse("EDITOR", ATTRIBUTE, { quoteId: toGlobalId("Quote", quote.id), expectedVersion: quote.version, organizationId: toGlobalId("Organization", MISSING_UUID) }, "NOT_FOUND", "input.organizationId");
    await refuse("EDITOR", ATTRIBUTE, { quoteId: toGlobalId("Quote", quote.id), expectedVersion: quote.version, organizationId: toGlobalId("Person", MISSING_UUID) }, "INVALID_INPUT", "input.organizationId");
    const stale = await refuse("EDITOR", ATTRIBUTE, { quoteId: toGlobalId("Quote", quote.id), expectedVersion: quote.version + 5, organizationId }, "VERSION_CONFLICT", "input.expectedVersion");
    expect(stale.currentVersion).toBe(quote.version);
  });
});

describe("createQuote", () => {
  it("records a quote said by an organization, and refuses a person and an organization together", async () => {
    const exact = "the strike was a grave violation";
    const start = STORY.indexOf(exact);
    const selector = { start, end: start + exact.length, exact };
    await refuse("EDITOR", CREATE, {
      articleId: toGlobalId("Article", articleId),
      selector,
      kind: "PARTIAL",
      speakerId: toGlobalId("Person", MISSING_UUID),
      speakerOrganizationId: toGlobalId("Organization", ministryId),
    }, "INVALID_INPUT", "input.speakerOrganizationId");
    await refuse("EDITOR", CREATE, { articleId: toGlobalId("Article", articleId), selector, kind: "PARTIAL", speakerOrganizationId: toGlobalId("Organization", MISSING_UUID) }, "NOT_FOUND", "input.speakerOrganizationId");
    const created = await succeed("EDITOR", CREATE, {
      articleId: toGlobalId("Article", articleId),
      selector,
      kind: "PARTIAL",
      speakerOrganizationId: toGlobalId("Organization", ministryId),
    }, "quote.create");
    expect(created).toMatchObject({ text: exact, speaker: null, speakerOrganization: { name: "Foreign Ministry" } });
  });
});

describe("the database", () => {
  it("refuses a quote with both a person and an organization as its speaker, whatever writes it", async () => {
    const quote = await quoteOf("We call on all sides");
    const person = await db.prisma.person.findFirstOrThrow({ where: { name: "Amal Haddad" } });
    await expect(db.prisma.quote.update({ where: { id: quote.id }, data: { speakerId: person.id } })).rejects.toThrow(/Quote_one_speaker|check constraint/i);
    expect(await quoteOf("We call on all sides")).toMatchObject({ speakerId: null, speakerOrganizationId: ministryId });
  });
});
