import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { factCheckProblems } from "../../src/domain/export/google-fact-check.js";
import { seedExampleStory } from "../../src/seed/example-story.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { bodyHash, operationsOn, type Page } from "../support/graphql.js";
import { roundTrip } from "./json-ld.js";

// Article.jsonLd and ClaimReview.jsonLd through the API: the example story given a URL and an
// outlet, fact-checks of one of its quotes, of a span and of a machine quote still pending
// review, a draft with a fact-check, and a dozen small articles for the statement budget.

const SLUG = "basra-consulate-2018";
const URL = "https://news.example/world/basra-consulate-2018";

let db: TestDatabase;
let articleId: string;
const { run, runOk } = operationsOn(() => db);

type JsonLd = Record<string, unknown>;
interface ReviewNode {
  claim: string;
  jsonLd: JsonLd | null;
}

beforeAll(async () => {
  db = await createTestDatabase({ exampleStory: true });
  articleId = (await seedExampleStory(db.prisma)).articleId;
  const article = await db.prisma.article.update({ where: { id: articleId }, data: { url: URL, outlet: "Gulf Wire", byline: "By Jane Roe" } });
  const reviewer = await db.prisma.user.create({ data: { name: "Fact Desk", role: "EDITOR" } });
  const quote = await db.prisma.quote.findFirstOrThrow({ where: { articleId, speaker: { name: "Heather Nauert" }, medium: "TWEET" } });
  const pending = await db.prisma.quote.create({
    data: { articleId, text: article.body.slice(0, 20), start: 0, end: 20, kind: "PARTIAL", origin: "MACHINE", reviewStatus: "PENDING" },
  });
  const review = { articleId, reviewerId: reviewer.id, explanation: "Checked against the embassy's statement.", evidenceUrls: ["https://evidence.example/a"] };
  await db.prisma.claimReview.create({ data: { ...review, quoteId: quote.id, claim: quote.text, rating: "TRUE", createdAt: new Date("2018-10-01T09:00:00Z") } });
  await db.prisma.claimReview.create({ data: { ...review, claim: "killed at least 25", start: 0, end: 10, rating: "UNPROVEN", createdAt: new Date("2018-10-01T10:00:00Z") } });
  await db.prisma.claimReview.create({ data: { ...review, quoteId: pending.id, claim: pending.text, rating: "FALSE", createdAt: new Date("2018-10-01T11:00:00Z") } });
  const draftBody = "A draft about Basra.";
  const draft = await db.prisma.article.create({ data: { slug: "draft-basra", body: draftBody, bodyHash: bodyHash(draftBody), status: "DRAFT", url: "https://news.example/draft" } });
  await db.prisma.claimReview.create({ data: { ...review, articleId: draft.id, claim: "A draft", rating: "MIXED" } });
  const place = await db.prisma.place.findFirstOrThrow({ where: { name: "Basra" } });
  for (let index = 0; index < 12; index += 1) {
    const body = `Story ${index}: Heather Nauert spoke about Basra.`;
    const extra = await db.prisma.article.create({
      data: { slug: `extra-${index}`, body, bodyHash: bodyHash(body), status: "PUBLISHED", publishedAt: new Date(Date.UTC(2018, 9, 2 + index)), url: `https://news.example/extra-${index}` },
    });
    await db.prisma.quote.create({ data: { articleId: extra.id, text: "spoke about Basra", start: body.indexOf("spoke"), end: body.length - 1, kind: "INDIRECT", speakerId: quote.speakerId } });
    await db.prisma.entityMention.create({ data: { articleId: extra.id, entityType: "PLACE", placeId: place.id, start: body.indexOf("Basra"), end: body.length - 1, exact: "Basra" } });
    await db.prisma.claimReview.create({ data: { ...review, articleId: extra.id, claim: "spoke about Basra", start: 0, end: 5, rating: "MOSTLY_TRUE" } });
  }
});

afterAll(async () => {
  await db.close();
});

const STORY = `query($slug: String) { article(slug: $slug) { jsonLd quotes(first: 100) { totalCount } claimReviews { edges { node { claim jsonLd } } } } }`;

describe("Article.jsonLd", () => {
  it("exports the example story as a NewsArticle with its mentions and every visible quote, and survives a JSON-LD round trip", async () => {
    const { article } = await runOk<{ article: { jsonLd: JsonLd; quotes: { totalCount: number } } }>("VIEWER", STORY, { slug: SLUG });
    const document = article.jsonLd;
    expect(document).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      url: URL,
      identifier: SLUG,
      datePublished: "2018-09-28T00:00:00.000Z",
      author: [{ "@type": "Person", name: "Jane Roe" }],
      publisher: { "@type": "Organization", name: "Gulf Wire" },
    });
    const citations = document["citation"] as JsonLd[];
    // The pending machine quote is not shown to a VIEWER, so it is not exported either.
    expect(citations).toHaveLength(article.quotes.totalCount);
    expect(citations.filter((citation) => (citation["spokenByCharacter"] as JsonLd | undefined)?.["name"] === "Heather Nauert").length).toBeGreaterThan(0);
    const mentions = document["mentions"] as JsonLd[];
    expect(mentions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ "@type": "Person", name: "Mike Pompeo" }),
        expect.objectContaining({ "@type": "Place", name: "Basra" }),
        expect.objectContaining({ "@type": "Event", startDate: "2018-09-28", location: expect.objectContaining({ name: "Basra" }) }),
      ]),
    );
    expect(new Set(mentions.map((mention) => JSON.stringify(mention))).size).toBe(mentions.length);
    await roundTrip(document);
  });

  it("shows a reporter the pending quote too, and never exports a draft to a VIEWER", async () => {
    const viewer = await runOk<{ article: { jsonLd: JsonLd } }>("VIEWER", STORY, { slug: SLUG });
    const reporter = await runOk<{ article: { jsonLd: JsonLd } }>("REPORTER", STORY, { slug: SLUG });
    expect((reporter.article.jsonLd["citation"] as unknown[]).length).toBe((viewer.article.jsonLd["citation"] as unknown[]).length + 1);
    expect((await runOk<{ article: null }>("VIEWER", STORY, { slug: "draft-basra" })).article).toBeNull();
    const draft = await runOk<{ article: { jsonLd: JsonLd } }>("REPORTER", STORY, { slug: "draft-basra" });
    expect(draft.article.jsonLd["creativeWorkStatus"]).toBe("Draft");
  });
});

describe("ClaimReview.jsonLd", () => {
  it("exports fact-checks with Google's required fields, after a JSON-LD round trip too", async () => {
    const { article } = await runOk<{ article: { claimReviews: Page<ReviewNode> } }>("VIEWER", STORY, { slug: SLUG });
    const [quoted, span, pending] = article.claimReviews.edges.map((edge) => edge.node);
    expect(quoted?.jsonLd).toMatchObject({
      "@type": "ClaimReview",
      url: expect.stringMatching(/^https:\/\/news\.example\/world\/basra-consulate-2018#fact-check-[0-9a-f-]{36}$/),
      author: { "@type": "Person", name: "Fact Desk" },
      reviewRating: { ratingValue: 5, bestRating: 5, worstRating: 1, alternateName: "True" },
      itemReviewed: { "@type": "Claim", author: { "@type": "Person", name: "Heather Nauert" }, datePublished: "2018-09-28" },
    });
    // A claim in the article's own words is the byline's.
    expect(span?.jsonLd).toMatchObject({ reviewRating: { "@type": "Rating", alternateName: "Unproven" }, itemReviewed: { author: { name: "Jane Roe" } } });
    // The pending quote is hidden from a VIEWER: who said it is unknown to them, so no markup.
    expect(pending?.jsonLd).toBeNull();
    for (const review of [quoted, span]) {
      const compacted = await roundTrip(review?.jsonLd as JsonLd);
      expect(factCheckProblems(compacted)).toEqual([]);
    }
  });

  it("gives a reporter the pending quote's markup, whose author is then the story's description of the speaker or null", async () => {
    const { article } = await runOk<{ article: { claimReviews: Page<ReviewNode> } }>("REPORTER", STORY, { slug: SLUG });
    // The machine quote has neither speaker nor description: still no author, so still null.
    expect(article.claimReviews.edges[2]?.node.jsonLd).toBeNull();
    await db.prisma.quote.updateMany({ where: { articleId, reviewStatus: "PENDING" }, data: { speakerDescription: "a wire reporter" } });
    const again = await runOk<{ article: { claimReviews: Page<ReviewNode> } }>("REPORTER", STORY, { slug: SLUG });
    expect(again.article.claimReviews.edges[2]?.node.jsonLd).toMatchObject({ itemReviewed: { author: { "@type": "Person", name: "a wire reporter" } } });
  });
});

describe("the statement budget of the exports", () => {
  // Oldest first, so both pages hold the example story with its people, incidents and quoted fact-checks.
  const listQuery = `query($first: Int) { articles(first: $first, orderBy: { field: PUBLISHED_AT, direction: ASC }) { edges { node { jsonLd claimReviews { edges { node { jsonLd } } } } } } }`;

  it("sends the same number of SQL statements for 2 and for 13 articles", async () => {
    const small = await run<{ articles: Page<{ jsonLd: JsonLd }> }>("VIEWER", listQuery, { first: 2 });
    const large = await run<{ articles: Page<{ jsonLd: JsonLd }> }>("VIEWER", listQuery, { first: 13 });
    expect(small.errors).toBeUndefined();
    expect(large.errors).toBeUndefined();
    expect(large.data?.articles.edges).toHaveLength(13);
    // The page, its quotes, mentions, incidents and fact-checks, then people, organizations,
    // places, fact-checkers and checked quotes by id, and the bodies (lists leave them out; the
    // documents' headline of a story without one is its first line): one statement each, 11.
    // Organizations are read for speakers and for mentions; on a server with several connections
    // one article's rows can come back a batch later, and its organizations then cost a second
    // statement: 12 at most, whatever the page size (no statement per article).
    for (const answer of [small, large]) expect(answer.statements.length).toBeGreaterThanOrEqual(11);
    for (const answer of [small, large]) expect(answer.statements.length).toBeLessThanOrEqual(12);
  });
});
