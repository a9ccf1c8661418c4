import { describe, expect, it } from "vitest";
import { factCheckProblems } from "../../src/domain/export/google-fact-check.js";
import { bylineAuthors } from "../../src/domain/export/schema-org.js";
import {
  CLAIM_RATING_SCALE,
  claimReviewJsonLd,
  publishableClaimReviewJsonLd,
  type ClaimReviewJsonLdInput,
} from "../../src/domain/export/claim-review-json-ld.js";
import { articleJsonLd, type ArticleJsonLdInput } from "../../src/domain/export/article-json-ld.js";
import type { ClaimRating } from "../../src/generated/prisma/enums.js";
import { expand, roundTrip } from "../export/json-ld.js";

// The JSON-LD documents as pure functions: their shape, Google's fact-check fields, and a round
// trip through a JSON-LD processor with the bundled schema.org context (no network).

const article: ArticleJsonLdInput["article"] = {
  slug: "basra-consulate-2018",
  headline: "U.S. evacuates its consulate in Basra",
  dek: "Iran-backed militias blamed for rocket fire",
  byline: "By Jane Roe and John Doe",
  outlet: "The Daily Wire Service",
  url: "https://news.example/2018/09/28/basra",
  language: "en",
  publishedAt: new Date("2018-09-28T14:00:00Z"),
  updatedAt: new Date("2018-09-29T08:30:00Z"),
  status: "PUBLISHED",
  body: "The body.",
};

const nauert = { name: "Heather Nauert", kind: "NAMED", description: null, wikidataId: "Q5693446" } as const;
const basra = { name: "Basra", countryCode: "IQ", admin1: "Basra Governorate", latitude: 30.5085, longitude: 47.7804, geonamesId: 99532 };

const articleInput: ArticleJsonLdInput = {
  article,
  quotes: [
    { quote: { text: "We remain strongly committed.", kind: "DIRECT", speakerDescription: "State Department spokesperson", sourceUrl: "https://twitter.com/statedeptspox/status/1", sourceDate: new Date("2018-09-28") }, speaker: { kind: "person", person: nauert } },
    { quote: { text: "Bottom line, if we are attacked we'll respond,", kind: "DIRECT", speakerDescription: "a senior administration official", sourceUrl: null, sourceDate: null }, speaker: null },
    { quote: { text: "the consulate would close", kind: "INDIRECT", speakerDescription: null, sourceUrl: null, sourceDate: null }, speaker: { kind: "organization", organization: { name: "U.S. Department of State", aliases: ["State Department"], wikidataId: null } } },
  ],
  mentions: [
    { kind: "person", id: "p1", person: nauert },
    { kind: "organization", id: "o1", organization: { name: "U.S. Department of State", aliases: ["State Department"], wikidataId: null } },
    { kind: "place", id: "pl1", place: basra },
    { kind: "place", id: "pl1", place: basra },
    { kind: "incident", id: "i1", incident: { summary: "Consulate placed on ordered departure", date: new Date("2018-09-28") }, place: basra },
  ],
};

function claimInput(overrides: Partial<ClaimReviewJsonLdInput> = {}, rating: ClaimRating = "MOSTLY_FALSE"): ClaimReviewJsonLdInput {
  return {
    review: {
      id: "0190f3a4-0000-7000-8000-000000000001",
      quoteId: "0190f3a4-0000-7000-8000-0000000000aa",
      claim: "Iran fired the rockets at the consulate.",
      rating,
      explanation: "No evidence ties the rockets to Iran.",
      evidenceUrls: ["https://evidence.example/report"],
      createdAt: new Date("2018-10-01T10:00:00Z"),
    },
    article,
    reviewer: { name: "Fact Desk" },
    quote: { speakerDescription: "a senior administration official", sourceUrl: "https://statement.example/1", sourceDate: new Date("2018-09-28") },
    speaker: { kind: "person", person: { name: "Mike Pompeo", kind: "NAMED", description: null, wikidataId: null } },
    ...overrides,
  };
}

describe("Article.jsonLd as a pure function", () => {
  it("builds a NewsArticle with authors, publisher, dates, mentions and quotes as citations", () => {
    const document = articleJsonLd(articleInput);
    expect(document).toMatchObject({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      url: article.url,
      headline: article.headline,
      description: article.dek,
      datePublished: "2018-09-28T14:00:00.000Z",
      dateModified: "2018-09-29T08:30:00.000Z",
      author: [{ "@type": "Person", name: "Jane Roe" }, { "@type": "Person", name: "John Doe" }],
      publisher: { "@type": "Organization", name: "The Daily Wire Service" },
      creativeWorkStatus: "Published",
    });
    // The place named twice is listed once; the incident comes as an Event at its place.
    expect(document["mentions"]).toEqual([
      { "@type": "Person", name: "Heather Nauert", sameAs: "https://www.wikidata.org/wiki/Q5693446" },
      { "@type": "Organization", name: "U.S. Department of State", alternateName: ["State Department"] },
      {
        "@type": "Place",
        name: "Basra",
        geo: { "@type": "GeoCoordinates", latitude: 30.5085, longitude: 47.7804 },
        address: { "@type": "PostalAddress", addressCountry: "IQ", addressRegion: "Basra Governorate" },
        sameAs: "https://sws.geonames.org/99532/",
      },
      { "@type": "Event", name: "Consulate placed on ordered departure", startDate: "2018-09-28", location: expect.objectContaining({ name: "Basra" }) },
    ]);
    expect(document["citation"]).toEqual([
      {
        "@type": "Quotation",
        text: "We remain strongly committed.",
        spokenByCharacter: { "@type": "Person", name: "Heather Nauert", sameAs: "https://www.wikidata.org/wiki/Q5693446" },
        isBasedOn: "https://twitter.com/statedeptspox/status/1",
        dateCreated: "2018-09-28",
      },
      { "@type": "Quotation", text: "Bottom line, if we are attacked we'll respond,", spokenByCharacter: { "@type": "Person", name: "a senior administration official" } },
      // Reported speech is the reporter's words: a Claim of the organization, never a Quotation.
      {
        "@type": "Claim",
        text: "the consulate would close",
        author: { "@type": "Organization", name: "U.S. Department of State", alternateName: ["State Department"] },
      },
    ]);
  });

  it("leaves unknown fields out (no nulls) and credits the outlet when there is no byline", () => {
    const document = articleJsonLd({ article: { ...article, byline: null, headline: null, dek: null, url: null, publishedAt: null, status: "DRAFT" }, quotes: [], mentions: [] });
    expect(Object.values(document)).not.toContain(null);
    expect(document).not.toHaveProperty("url");
    expect(document).not.toHaveProperty("datePublished");
    expect(document).not.toHaveProperty("citation");
    expect(document["author"]).toEqual({ "@type": "Organization", name: "The Daily Wire Service" });
    expect(document["headline"]).toBe("The body.");
    expect(document["creativeWorkStatus"]).toBe("Draft");
  });

  it("round-trips through a JSON-LD processor with schema.org's context, every term a schema.org term", async () => {
    const document = articleJsonLd(articleInput);
    await roundTrip(document as unknown as Record<string, unknown>);
    const [expanded] = await expand(document);
    expect(expanded?.["@type"]).toEqual(["http://schema.org/NewsArticle"]);
    // url is an IRI in schema.org's context, not a string literal.
    expect(expanded?.["http://schema.org/url"]).toEqual([{ "@id": article.url }]);
  });

  it("would notice a term schema.org does not define", async () => {
    await expect(roundTrip({ ...articleJsonLd(articleInput), speakerz: "x" } as unknown as Record<string, unknown>)).rejects.toThrow();
  });
});

describe("bylineAuthors", () => {
  it("splits a byline into people", () => {
    expect(bylineAuthors("By Jane Roe, John Doe & Ann Poe").map((author) => author.name)).toEqual(["Jane Roe", "John Doe", "Ann Poe"]);
    expect(bylineAuthors("  ")).toEqual([]);
    expect(bylineAuthors(null)).toEqual([]);
  });
});

describe("ClaimReview.jsonLd as a pure function", () => {
  it("builds a ClaimReview with every field Google's fact-check markup requires", () => {
    const document = claimReviewJsonLd(claimInput());
    expect(factCheckProblems(document)).toEqual([]);
    expect(document).toMatchObject({
      "@type": "ClaimReview",
      url: "https://news.example/2018/09/28/basra#fact-check-0190f3a4-0000-7000-8000-000000000001",
      claimReviewed: "Iran fired the rockets at the consulate.",
      datePublished: "2018-10-01T10:00:00.000Z",
      author: { "@type": "Person", name: "Fact Desk" },
      reviewBody: "No evidence ties the rockets to Iran.",
      reviewRating: { "@type": "Rating", ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: "Mostly false" },
      citation: [{ "@type": "CreativeWork", url: "https://evidence.example/report" }],
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Person", name: "Mike Pompeo" },
        datePublished: "2018-09-28",
        firstAppearance: { "@type": "CreativeWork", url: "https://statement.example/1" },
        appearance: { "@type": "NewsArticle", url: article.url, headline: article.headline },
      },
    });
  });

  it("maps every rating onto the 1-5 scale with its words; UNPROVEN has words only", () => {
    const ratings = Object.keys(CLAIM_RATING_SCALE) as ClaimRating[];
    const values = ratings.map((rating) => {
      const document = claimReviewJsonLd(claimInput({}, rating));
      expect(factCheckProblems(document)).toEqual([]);
      return [rating, document["reviewRating"]];
    });
    expect(Object.fromEntries(values)).toEqual({
      FALSE: { "@type": "Rating", ratingValue: 1, bestRating: 5, worstRating: 1, alternateName: "False" },
      MOSTLY_FALSE: { "@type": "Rating", ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: "Mostly false" },
      MIXED: { "@type": "Rating", ratingValue: 3, bestRating: 5, worstRating: 1, alternateName: "Mixed" },
      MOSTLY_TRUE: { "@type": "Rating", ratingValue: 4, bestRating: 5, worstRating: 1, alternateName: "Mostly true" },
      TRUE: { "@type": "Rating", ratingValue: 5, bestRating: 5, worstRating: 1, alternateName: "True" },
      UNPROVEN: { "@type": "Rating", alternateName: "Unproven" },
    });
  });

  it("names an organization that said the checked quote as the claim's author", () => {
    const document = claimReviewJsonLd(claimInput({ speaker: { kind: "organization", organization: { name: "Ministry of Defence", aliases: [], wikidataId: null } } }));
    expect(document["itemReviewed"]).toMatchObject({ author: { "@type": "Organization", name: "Ministry of Defence" } });
  });

  it("names the speaker's description, or for a span claim the byline, as the claim's author", () => {
    const described = claimReviewJsonLd(claimInput({ speaker: null }));
    expect((described["itemReviewed"] as Record<string, unknown>)["author"]).toEqual({ "@type": "Person", name: "a senior administration official" });
    const span = claimReviewJsonLd(claimInput({ quote: null, speaker: null, review: { ...claimInput().review, quoteId: null } }));
    expect((span["itemReviewed"] as Record<string, unknown>)["author"]).toEqual({ "@type": "Person", name: "Jane Roe" });
    // The claim's date is then the article's.
    expect((span["itemReviewed"] as Record<string, unknown>)["datePublished"]).toBe("2018-09-28T14:00:00.000Z");
  });

  it("is null when Google's required fields cannot be filled, and says which", () => {
    const noUrl = claimInput({ article: { ...article, url: null } });
    expect(publishableClaimReviewJsonLd(noUrl)).toBeNull();
    expect(factCheckProblems(claimReviewJsonLd(noUrl))).toEqual(["url is missing or not an http(s) URL"]);
    // A checked quote hidden from the viewer: its author is unknown, never the byline.
    const hiddenQuote = claimInput({ quote: null, speaker: null });
    expect(factCheckProblems(claimReviewJsonLd(hiddenQuote))).toContain("itemReviewed.author is missing");
    expect(publishableClaimReviewJsonLd(hiddenQuote)).toBeNull();
    const undated = claimInput({ quote: { speakerDescription: null, sourceUrl: null, sourceDate: null }, article: { ...article, publishedAt: null } });
    expect(factCheckProblems(claimReviewJsonLd(undated))).toEqual(["itemReviewed.datePublished is missing or not an ISO 8601 date"]);
    expect(publishableClaimReviewJsonLd(claimInput())).not.toBeNull();
  });

  it("checks the numeric rating and the types", () => {
    const document = claimReviewJsonLd(claimInput()) as unknown as Record<string, unknown>;
    expect(factCheckProblems({ ...document, reviewRating: { "@type": "Rating", ratingValue: 7, bestRating: 5, worstRating: 1, alternateName: "x" } })).toEqual([
      "reviewRating.ratingValue is not between worstRating and bestRating",
    ]);
    expect(factCheckProblems({ ...document, reviewRating: { "@type": "Rating", ratingValue: 2 } })).toEqual([
      "reviewRating.alternateName is missing",
      "reviewRating.bestRating is missing",
      "reviewRating.worstRating is missing",
    ]);
    expect(factCheckProblems({ ...document, author: { "@type": "Thing", name: "" } })).toEqual(["author must be a Person or an Organization", "author.name is missing"]);
    expect(factCheckProblems({ "@type": "NewsArticle" })).toEqual(["document is not a ClaimReview"]);
  });

  it("round-trips through a JSON-LD processor and still has Google's fields after it", async () => {
    for (const rating of Object.keys(CLAIM_RATING_SCALE) as ClaimRating[]) {
      const compacted = await roundTrip(claimReviewJsonLd(claimInput({}, rating)) as unknown as Record<string, unknown>);
      expect(factCheckProblems(compacted)).toEqual([]);
    }
    const [expanded] = await expand(claimReviewJsonLd(claimInput()));
    expect(expanded?.["@type"]).toEqual(["http://schema.org/ClaimReview"]);
    const rating = (expanded?.["http://schema.org/reviewRating"] as Record<string, unknown>[])[0];
    expect(rating?.["http://schema.org/alternateName"]).toEqual([{ "@value": "Mostly false" }]);
  });
});
