import type { Article, Quote } from "../../generated/prisma/client.js";
import {
  bylineAuthors,
  everyRow,
  incidentNode,
  isoDay,
  namedOrganization,
  node,
  organizationNode,
  personNode,
  placeNode,
  SCHEMA_ORG_CONTEXT,
  speakerNode,
  type IncidentFacts,
  type JsonLdNode,
  type OrganizationFacts,
  type PersonFacts,
  type PlaceFacts,
  type SpeakerFacts,
} from "./schema-org.js";
import type { IncidentLoaders } from "../incidents/loaders.js";
import type { PeopleLoaders } from "../people/loaders.js";
import type { PlaceLoaders } from "../places/loaders.js";
import type { QuoteLoaders } from "../quotes/loaders.js";
import { loadSpeakerFacts } from "./speaker.js";
import type { ArticleLoaders } from "../articles/loaders.js";
import { bodyOf, type ArticleRecord } from "../articles/record.js";
import { displayTitle } from "../articles/service.js";

/** The article fields the NewsArticle document is made of. */
export type ArticleJsonLdArticle = Pick<
  Article,
  "slug" | "headline" | "dek" | "byline" | "outlet" | "url" | "language" | "publishedAt" | "updatedAt" | "status" | "body"
>;

/** A quote of the article with its speaker, when the speaker is visible. */
export interface ArticleJsonLdQuote {
  readonly quote: Pick<Quote, "text" | "kind" | "speakerDescription" | "sourceUrl" | "sourceDate">;
  readonly speaker: SpeakerFacts | null;
}

/** Something the article names or reports, already resolved by the loaders. */
export type ArticleJsonLdMention =
  | { readonly kind: "person"; readonly id: string; readonly person: PersonFacts }
  | { readonly kind: "organization"; readonly id: string; readonly organization: OrganizationFacts }
  | { readonly kind: "place"; readonly id: string; readonly place: PlaceFacts }
  | { readonly kind: "incident"; readonly id: string; readonly incident: IncidentFacts; readonly place: PlaceFacts | null };

/** Everything {@link articleJsonLd} needs, read beforehand (the function itself does no I/O). */
export interface ArticleJsonLdInput {
  readonly article: ArticleJsonLdArticle;
  /** Quotes in reading order. */
  readonly quotes: readonly ArticleJsonLdQuote[];
  /** Mentions in reading order, then incidents; the same record twice is listed once. */
  readonly mentions: readonly ArticleJsonLdMention[];
}

/** schema.org's creativeWorkStatus for each editorial state. */
const CREATIVE_WORK_STATUS: Record<Article["status"], string> = {
  DRAFT: "Draft",
  IN_REVIEW: "In review",
  PUBLISHED: "Published",
  CORRECTED: "Corrected",
  RETRACTED: "Retracted",
};

/**
 * One quote as a citation. Words in quotation marks (direct or partial) are a schema.org
 * Quotation of their speaker; reported speech is the reporter's paraphrase, not words anyone
 * said verbatim, so it is a Claim authored by the speaker, never a Quotation.
 */
function citationNode({ quote, speaker }: ArticleJsonLdQuote): JsonLdNode {
  const said = speakerNode(speaker, quote.speakerDescription);
  const original = { isBasedOn: quote.sourceUrl, dateCreated: quote.sourceDate ? isoDay(quote.sourceDate) : undefined };
  if (quote.kind === "INDIRECT") return node({ "@type": "Claim", text: quote.text, author: said, ...original });
  return node({ "@type": "Quotation", text: quote.text, spokenByCharacter: said, ...original });
}

/** One mention as a schema.org node. */
function mentionNode(mention: ArticleJsonLdMention): JsonLdNode {
  switch (mention.kind) {
    case "person":
      return personNode(mention.person);
    case "organization":
      return organizationNode(mention.organization);
    case "place":
      return placeNode(mention.place);
    case "incident":
      return incidentNode(mention.incident, mention.place ? placeNode(mention.place) : undefined);
  }
}

/**
 * An article as a schema.org NewsArticle: headline, authors from the byline (or the outlet when
 * there is no byline), the outlet as publisher, dates, the people, organizations, places and
 * incidents it names as `mentions`, and its quotes as `citation` (schema.org Quotation, with
 * the speaker as `spokenByCharacter` and the original statement as `isBasedOn`; reported speech
 * as a Claim the speaker is the `author` of).
 */
export function articleJsonLd({ article, quotes, mentions }: ArticleJsonLdInput): JsonLdNode & { readonly "@context": string } {
  const authors = bylineAuthors(article.byline);
  const publisher = article.outlet ? namedOrganization(article.outlet) : undefined;
  // An article names a place or a person many times; the document lists each once.
  const distinct = [...new Map(mentions.map((mention) => [`${mention.kind}:${mention.id}`, mention])).values()];
  return {
    "@context": SCHEMA_ORG_CONTEXT,
    ...node({
      "@type": "NewsArticle",
      url: article.url,
      identifier: article.slug,
      headline: displayTitle(article),
      description: article.dek,
      inLanguage: article.language,
      datePublished: article.publishedAt?.toISOString(),
      dateModified: article.updatedAt.toISOString(),
      creativeWorkStatus: CREATIVE_WORK_STATUS[article.status],
      author: authors.length > 0 ? authors : publisher,
      publisher,
      mentions: distinct.map(mentionNode),
      citation: quotes.map(citationNode),
    }),
  };
}

/**
 * Reads what {@link articleJsonLd} needs through the request's loaders (visibility applied by
 * them), so the documents of many articles in one response cost the same few statements.
 */
export async function loadArticleJsonLd(
  article: ArticleRecord,
  loaders: ArticleLoaders & QuoteLoaders & PeopleLoaders & PlaceLoaders & IncidentLoaders,
): Promise<ReturnType<typeof articleJsonLd>> {
  const [body, quoteRows, mentionRows, incidentRows] = await Promise.all([
    bodyOf(article, loaders),
    everyRow((args) => loaders.quotesOfArticle.load(article.id, args)),
    everyRow((args) => loaders.mentionsOfArticle(null).load(article.id, args)),
    everyRow((args) => loaders.incidentsOfArticle.load(article.id, args)),
  ]);
  const [quotes, mentions, incidents] = await Promise.all([
    Promise.all(quoteRows.map(async (quote) => ({ quote, speaker: await loadSpeakerFacts(quote, loaders) }))),
    Promise.all(
      mentionRows.map(async (mention): Promise<ArticleJsonLdMention | null> => {
        if (mention.personId) {
          const person = await loaders.personById.load(mention.personId);
          return person && { kind: "person", id: person.id, person };
        }
        if (mention.organizationId) {
          const organization = await loaders.organizationById.load(mention.organizationId);
          return organization && { kind: "organization", id: organization.id, organization };
        }
        if (!mention.placeId) return null;
        const place = await loaders.placeById.load(mention.placeId);
        return place && { kind: "place", id: place.id, place };
      }),
    ),
    Promise.all(
      incidentRows.map(async (incident): Promise<ArticleJsonLdMention> => ({
        kind: "incident",
        id: incident.id,
        incident,
        place: incident.placeId ? await loaders.placeById.load(incident.placeId) : null,
      })),
    ),
  ]);
  const named = mentions.filter((mention): mention is ArticleJsonLdMention => mention !== null);
  return articleJsonLd({ article: { ...article, body }, quotes, mentions: [...named, ...incidents] });
}
