import type { Prisma } from "../../db/index.js";
import type { Annotation, AuditEvent, Quote } from "../../generated/prisma/client.js";
import type { Session } from "../../core/session.js";
import type { LiveEvent } from "../../pubsub/event.js";
import type { LiveHub } from "../../pubsub/hub.js";
import { visibleAnnotations } from "../visibility/annotations.js";
import type { ArticleRecord } from "../articles/record.js";
import { visibleArticles } from "../visibility/articles.js";
import { annotationQueueCounts, type AnnotationQueueCount } from "../dashboard/service.js";
import { visibleQuotes } from "../visibility/quotes.js";
import { SUGGESTIONS_CREATED, suggestionsOf, type SuggestionCounts } from "./suggestions.js";

// What the five live feeds listen for and how each turns an event into its payload as its
// subscriber may see it. Records are loaded through the same visibility rules as queries; the
// result is shared between subscribers of the same role (LiveHub.shared), since those rules
// depend on the role only. Who may start a feed, its arguments and the stream itself (replay,
// the WebSocket) are the adapter's (src/graphql/modules/subscriptions).

/** What a live feed listens for and how it turns an event into its payload. */
export interface LiveSubscription<T> {
  /** Cheap, synchronous: run for every event of the instance. */
  readonly filter: (event: LiveEvent) => boolean;
  /** The payload as the subscriber may see it, or null to send nothing for this event. */
  readonly payload: (event: LiveEvent) => Promise<T | null>;
}

/** Where a feed shares what it loads for an event with the other subscribers of the instance. */
export type LiveResults = Pick<LiveHub, "shared">;

/** How a change to an annotation is reported. */
export type AnnotationEventKind = "CREATED" | "REPLIED" | "UPDATED" | "RESOLVED" | "REOPENED" | "REANCHORED" | "DELETED";

/** An annotation event as `AnnotationEvent` resolves it. */
export interface AnnotationEventValue {
  readonly event: LiveEvent;
  readonly kind: AnnotationEventKind;
  readonly annotation: Annotation | null;
}

/** An article change as `ArticleChange` resolves it. */
export interface ArticleChangeValue {
  readonly event: LiveEvent;
  readonly article: ArticleRecord | null;
}

/** A batch of suggestions as `SuggestionsCreated` resolves it. */
export interface SuggestionsCreatedValue {
  readonly event: LiveEvent;
  readonly article: ArticleRecord | null;
  readonly quotes: readonly Quote[];
  readonly counts: SuggestionCounts;
}

/** A review-queue change as `ReviewQueueChange` resolves it. */
export interface ReviewQueueChangeValue {
  readonly event: LiveEvent;
  readonly annotationQueueCounts: readonly AnnotationQueueCount[];
}

/** The annotation actions `annotationEvents` reports, and how. */
const ANNOTATION_KINDS: Readonly<Record<string, AnnotationEventKind>> = {
  "annotation.create": "CREATED",
  "annotation.reply": "REPLIED",
  "annotation.update": "UPDATED",
  "annotation.resolve": "RESOLVED",
  "annotation.reopen": "REOPENED",
  "annotation.reanchor": "REANCHORED",
  "annotation.delete": "DELETED",
};

/** Actions that change what the review queue counts: annotations, and machine suggestions added or reviewed. */
function changesReviewQueue(action: string): boolean {
  return action in ANNOTATION_KINDS || action === SUGGESTIONS_CREATED || action === "quote.accept" || action === "quote.reject";
}

/** An article as the session's viewer may see it now, loaded once per event and role. */
function articleNow(session: Session, results: LiveResults, event: LiveEvent, articleId: string): Promise<ArticleRecord | null> {
  return results.shared(`${event.sequence}:article:${articleId}:${session.viewer.role}`, () =>
    session.prisma.article.findFirst({ where: { AND: [{ id: articleId }, visibleArticles(session.viewer)] } }),
  );
}

/** articleChanged(id): every article.* event of the (visible) article, with the article as it is now. */
export function articleChanges(session: Session, results: LiveResults, article: ArticleRecord): LiveSubscription<ArticleChangeValue> {
  return {
    filter: (event) => event.targetType === "Article" && event.targetId === article.id && event.action.startsWith("article."),
    payload: async (event) => {
      const now = await articleNow(session, results, event, article.id);
      // Not visible any more: deleted (which the subscriber is told), or out of the viewer's reach.
      if (!now && event.action !== "article.delete") return null;
      return { event, article: now };
    },
  };
}

/** annotationEvents(articleId): annotations of the (visible) article, directly or through its quotes. */
export function annotationEvents(session: Session, results: LiveResults, article: ArticleRecord): LiveSubscription<AnnotationEventValue> {
  const scope = visibleAnnotations(session.viewer);
  return {
    filter: (event) => event.targetType === "Annotation" && event.articleId === article.id && event.action in ANNOTATION_KINDS,
    payload: async (event) => {
      const kind = ANNOTATION_KINDS[event.action];
      if (!kind || !scope) return null;
      const annotation = await results.shared(`${event.sequence}:annotation:${session.viewer.role}`, () =>
        session.prisma.annotation.findFirst({ where: { AND: [{ id: event.targetId }, scope] } }),
      );
      if (!annotation && kind !== "DELETED") return null;
      return { event, kind, annotation };
    },
  };
}

/** suggestionsCreated(articleId): batches of machine suggestions added to the (visible) article. */
export function suggestionsCreated(session: Session, results: LiveResults, article: ArticleRecord): LiveSubscription<SuggestionsCreatedValue> {
  return {
    filter: (event) => event.action === SUGGESTIONS_CREATED && event.articleId === article.id,
    payload: async (event) => {
      const suggestions = await results.shared(`${event.sequence}:suggestions`, async () => {
        const row = await session.prisma.auditEvent.findUnique({ where: { id: BigInt(event.sequence) }, select: { after: true } });
        return suggestionsOf(row?.after);
      });
      const [now, quotes] = await Promise.all([
        articleNow(session, results, event, article.id),
        results.shared(`${event.sequence}:suggested-quotes:${session.viewer.role}`, () =>
          session.prisma.quote.findMany({
            where: { AND: [{ id: { in: [...suggestions.quoteIds] } }, visibleQuotes(session.viewer)] },
            orderBy: [{ start: "asc" }, { id: "asc" }],
          }),
        ),
      ]);
      return { event, article: now, quotes, counts: suggestions.counts };
    },
  };
}

/** reviewQueueChanged: the annotation queue's counters after each change to the queue. */
export function reviewQueueChanges(session: Session, results: LiveResults): LiveSubscription<ReviewQueueChangeValue> {
  return {
    filter: (event) => changesReviewQueue(event.action),
    payload: async (event) => {
      const counts = await results.shared(`${event.sequence}:queue:${session.viewer.role}`, () => annotationQueueCounts(session.prisma, session.viewer, null));
      return counts ? { event, annotationQueueCounts: counts } : null;
    },
  };
}

/**
 * auditEvents(filter): every committed audit event matching `where` (the audit log's own filter,
 * checked by the database on the event's row), whole: records before and after, drafts included.
 */
export function auditEventFeed(session: Session, where: Prisma.AuditEventWhereInput): LiveSubscription<AuditEvent> {
  return {
    filter: () => true,
    payload: (event) => session.prisma.auditEvent.findFirst({ where: { AND: [{ id: BigInt(event.sequence) }, where] } }),
  };
}
