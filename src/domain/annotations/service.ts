import type DataLoader from "dataloader";
import type { PrismaClient } from "../../db/index.js";
import type { Annotation, Incident, Person, Quote } from "../../generated/prisma/client.js";
import type { ArticleRecord } from "../articles/record.js";
import type { ArticleLoaders } from "../articles/loaders.js";
import type { IncidentLoaders } from "../incidents/loaders.js";
import type { PeopleLoaders } from "../people/loaders.js";
import type { QuoteLoaders } from "../quotes/loaders.js";
import type { ConnectionPage, PageArgs } from "../../core/paging.js";
import type { TextSpanValue } from "../../core/span.js";
import { typed, type Typed } from "../../core/typed.js";
import type { Actor } from "../../core/actor.js";
import { annotationFilterWhere, type AnnotationFilter } from "./filter.js";
import { annotationKeyset } from "./keysets.js";
import { visibleAnnotations } from "../visibility/annotations.js";

const DEFAULT_PAGE_SIZE = 20;

/** What `Annotation.target` resolves to: the record, tagged with its GraphQL type. */
export type AnnotationTargetValue =
  | Typed<ArticleRecord, "Article">
  | Typed<Quote, "Quote">
  | Typed<Incident, "Incident">
  | Typed<Person, "Person">;

/**
 * The review queue: visible annotations matching the filter, oldest first (creation time, then
 * id), keyset-paged. Primes the by-id loader so `parent`/`node` lookups of listed rows cost no SQL.
 */
export async function listAnnotations(
  prisma: PrismaClient,
  viewer: Actor,
  args: PageArgs & { filter?: AnnotationFilter | null },
  annotationById: DataLoader<string, Annotation | null>,
): Promise<ConnectionPage<Annotation>> {
  const window = annotationKeyset.window(args, DEFAULT_PAGE_SIZE);
  const { where: filterWhere } = annotationFilterWhere(args.filter);
  const visible = visibleAnnotations(viewer);
  // The schema refuses the field below REPORTER already; this keeps the service safe on its own.
  if (!visible) return annotationKeyset.page([], window, async () => 0);
  const where = { AND: [visible, filterWhere] };
  const rows = await prisma.annotation.findMany({ where: { AND: [where, window.where] }, orderBy: window.orderBy, take: window.take });
  for (const row of rows) annotationById.prime(row.id, row);
  return annotationKeyset.page(rows, window, () => prisma.annotation.count({ where }));
}

/** The record an annotation is attached to, through the visibility rules of its module; null when not visible. */
export async function annotationTarget(
  annotation: Annotation,
  loaders: Pick<ArticleLoaders, "articleById"> & Pick<QuoteLoaders, "quoteById"> & Pick<IncidentLoaders, "incidentById"> & Pick<PeopleLoaders, "personById">,
): Promise<AnnotationTargetValue | null> {
  switch (annotation.targetType) {
    case "ARTICLE": {
      const article = annotation.articleId ? await loaders.articleById.load(annotation.articleId) : null;
      return article ? typed("Article", article) : null;
    }
    case "QUOTE": {
      const quote = annotation.quoteId ? await loaders.quoteById.load(annotation.quoteId) : null;
      return quote ? typed("Quote", quote) : null;
    }
    case "INCIDENT": {
      const incident = annotation.incidentId ? await loaders.incidentById.load(annotation.incidentId) : null;
      return incident ? typed("Incident", incident) : null;
    }
    case "PERSON": {
      const person = annotation.personId ? await loaders.personById.load(annotation.personId) : null;
      return person ? typed("Person", person) : null;
    }
  }
}

/**
 * The article the annotated span is in: the annotation's own article, or for a note that only
 * names its quote, the quote's article. Null for incident and person notes.
 */
export async function annotationArticle(
  annotation: Annotation,
  loaders: Pick<ArticleLoaders, "articleById"> & Pick<QuoteLoaders, "quoteById">,
): Promise<ArticleRecord | null> {
  if (annotation.articleId) return loaders.articleById.load(annotation.articleId);
  if (!annotation.quoteId) return null;
  const quote = await loaders.quoteById.load(annotation.quoteId);
  return quote ? loaders.articleById.load(quote.articleId) : null;
}

/** Both W3C selectors of an annotation, or null for a note on a whole record (no offsets or text). */
export function annotationSelector(annotation: Annotation): TextSpanValue | null {
  const { start, end, exact } = annotation;
  if (start === null || end === null || exact === null) return null;
  return { start, end, exact, prefix: annotation.prefix ?? "", suffix: annotation.suffix ?? "" };
}
