import type { ClaimRating } from "../../generated/prisma/enums.js";
import type { Article, ClaimReview, Quote, User } from "../../generated/prisma/client.js";
import { factCheckProblems } from "./google-fact-check.js";
import { bylineAuthors, isoDay, namedOrganization, node, SCHEMA_ORG_CONTEXT, speakerNode, type AgentNode, type JsonLdNode, type SpeakerFacts } from "./schema-org.js";
import type { ArticleLoaders } from "../articles/loaders.js";
import type { AuthLoaders } from "../auth/loaders.js";
import type { PeopleLoaders } from "../people/loaders.js";
import type { QuoteLoaders } from "../quotes/loaders.js";
import { loadSpeakerFacts } from "./speaker.js";
import { bodyOf } from "../articles/record.js";
import { displayTitle } from "../articles/service.js";

/** Where a rating sits on the 1 (false) to 5 (true) scale, and the words Google shows for it. */
interface RatingScalePoint {
  /** null for a rating with no place on the scale. */
  readonly value: number | null;
  readonly text: string;
}

/** Worst and best points of the scale {@link CLAIM_RATING_SCALE} uses. */
export const RATING_SCALE = { worst: 1, best: 5 } as const;

/**
 * Our ratings on a 1-5 scale. UNPROVEN says nothing about truth, so it gets no number (putting
 * it at 3 would read as "Mixed"): its Rating carries the text alone.
 */
export const CLAIM_RATING_SCALE: Record<ClaimRating, RatingScalePoint> = {
  FALSE: { value: 1, text: "False" },
  MOSTLY_FALSE: { value: 2, text: "Mostly false" },
  MIXED: { value: 3, text: "Mixed" },
  MOSTLY_TRUE: { value: 4, text: "Mostly true" },
  TRUE: { value: 5, text: "True" },
  UNPROVEN: { value: null, text: "Unproven" },
};

/** Everything {@link claimReviewJsonLd} needs, read beforehand (the function does no I/O). */
export interface ClaimReviewJsonLdInput {
  readonly review: Pick<ClaimReview, "id" | "quoteId" | "claim" | "rating" | "explanation" | "evidenceUrls" | "createdAt">;
  readonly article: Pick<Article, "url" | "headline" | "body" | "byline" | "outlet" | "publishedAt">;
  readonly reviewer: Pick<User, "name">;
  /** The quote checked (review.quoteId), when the viewer may see it. */
  readonly quote: Pick<Quote, "speakerDescription" | "sourceUrl" | "sourceDate"> | null;
  /** The quote's speaker (a person or an organization), when known and visible. */
  readonly speaker: SpeakerFacts | null;
}

/** A ClaimReview document with its context. */
export type ClaimReviewDocument = JsonLdNode & { readonly "@context": string };

/**
 * Who made the claim: the quote's speaker (or how the story describes them); for a claim in
 * the article's own words, its byline's people, else its outlet.
 */
function claimAuthor({ review, quote, speaker, article }: ClaimReviewJsonLdInput): AgentNode | undefined {
  // A checked quote the viewer may not see has no author they may know: never fall back to the byline.
  if (review.quoteId !== null) {
    if (!quote) return undefined;
    return speakerNode(speaker, quote.speakerDescription);
  }
  return bylineAuthors(article.byline)[0] ?? (article.outlet ? namedOrganization(article.outlet) : undefined);
}

/**
 * A fact-check as a schema.org ClaimReview, as Google's fact-check markup asks: the claim, the
 * rating (on the 1-5 scale with its words), the page (the article's URL with a fragment naming
 * the fact-check), the fact-checker as author, and the Claim with who made it, when, and where
 * it appeared (the article, and the original statement first when the quote has its URL).
 * Fields whose value is unknown are left out; {@link publishableClaimReviewJsonLd} decides
 * whether the result is complete.
 */
export function claimReviewJsonLd(input: ClaimReviewJsonLdInput): ClaimReviewDocument {
  const { review, article, reviewer, quote } = input;
  const point = CLAIM_RATING_SCALE[review.rating];
  const publisher = article.outlet ? namedOrganization(article.outlet) : undefined;
  const claimDate = quote?.sourceDate ? isoDay(quote.sourceDate) : article.publishedAt?.toISOString();
  return {
    "@context": SCHEMA_ORG_CONTEXT,
    ...node({
      "@type": "ClaimReview",
      url: article.url ? `${article.url.split("#", 1)[0]}#fact-check-${review.id}` : undefined,
      claimReviewed: review.claim,
      datePublished: review.createdAt.toISOString(),
      author: { "@type": "Person", name: reviewer.name },
      publisher,
      reviewBody: review.explanation,
      reviewRating: node({
        "@type": "Rating",
        ratingValue: point.value,
        bestRating: point.value === null ? undefined : RATING_SCALE.best,
        worstRating: point.value === null ? undefined : RATING_SCALE.worst,
        alternateName: point.text,
      }),
      citation: review.evidenceUrls.map((url) => ({ "@type": "CreativeWork", url })),
      itemReviewed: node({
        "@type": "Claim",
        author: claimAuthor(input),
        datePublished: claimDate,
        firstAppearance: quote?.sourceUrl ? { "@type": "CreativeWork", url: quote.sourceUrl } : undefined,
        appearance: article.url
          ? node({
              "@type": "NewsArticle",
              url: article.url,
              headline: displayTitle(article),
              datePublished: article.publishedAt?.toISOString(),
              publisher,
            })
          : undefined,
      }),
    }),
  };
}

/** The ClaimReview document, or null when it lacks a field Google requires (see factCheckProblems). */
export function publishableClaimReviewJsonLd(input: ClaimReviewJsonLdInput): ClaimReviewDocument | null {
  const document = claimReviewJsonLd(input);
  return factCheckProblems(document).length === 0 ? document : null;
}

/** Reads what the document needs through the request's loaders (visibility applied by them). */
export async function loadClaimReviewJsonLd(
  review: ClaimReview,
  loaders: ArticleLoaders & AuthLoaders & QuoteLoaders & PeopleLoaders,
): Promise<ClaimReviewDocument | null> {
  const [article, reviewer, quote] = await Promise.all([
    loaders.articleById.load(review.articleId),
    loaders.signerById.load(review.reviewerId),
    review.quoteId ? loaders.quoteById.load(review.quoteId) : null,
  ]);
  if (!article || !reviewer) return null;
  const [speaker, body] = await Promise.all([quote ? loadSpeakerFacts(quote, loaders) : null, bodyOf(article, loaders)]);
  return publishableClaimReviewJsonLd({ review, article: { ...article, body }, reviewer, quote, speaker });
}
