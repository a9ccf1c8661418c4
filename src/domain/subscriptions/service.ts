import { GraphQLError } from "graphql";
import type { Prisma } from "../../db/index.js";
import type { AnnotationEventKind, AnnotationQueueCount, AuditEventFilter } from "../../generated/graphql.js";
import type { Annotation, AuditEvent, Quote } from "../../generated/prisma/client.js";
import type { ArticleRecord } from "../articles/record.js";
import type { GraphQLContext } from "../../graphql/context.js";
import { ErrorCode } from "../../graphql/errors.js";
import { expectGlobalId } from "../../graphql/ids.js";
import type { LiveEvent } from "../../pubsub/event.js";
import { visibleAnnotations } from "../annotations/visibility.js";
import { visibleArticles } from "../articles/visibility.js";
import { auditFilterWhere } from "../audit/service.js";
import { forbidden } from "../../graphql/policy.js";
import { hasRole, type Actor } from "../../core/actor.js";
import { annotationQueueCounts } from "../dashboard/service.js";
import { visibleQuotes } from "../quotes/visibility.js";
import { liveHub, openLiveStream, type Delivery } from "./stream.js";
import { SUGGESTIONS_CREATED, suggestionsOf, type SuggestionCounts } from "./suggestions.js";

// The five subscriptions. Each one authorizes when it starts (a refused subscription gets one
// error and nothing else), then turns the events it matches into payloads as its viewer may see
// them. Records are loaded through the same visibility rules as queries; the result is shared
// between subscribers of the same role (LiveHub.shared), since those rules depend on the role only.

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

/** The article of a subscription, as the viewer sees it now; NOT_FOUND when it is missing or not visible. */
async function visibleArticle(context: GraphQLContext, globalId: string, argument: string): Promise<ArticleRecord> {
  const id = expectGlobalId(globalId, "Article", argument);
  const article = await context.loaders.articleById.load(id);
  if (!article) throw new GraphQLError("The article does not exist or is not visible to you.", { extensions: { code: ErrorCode.NOT_FOUND, argument } });
  return article;
}

function requireSubscriptionRole(viewer: Actor, role: "REPORTER" | "ADMIN"): void {
  if (!hasRole(viewer, role)) throw forbidden(role);
}

/** An article as `viewer` may see it now, loaded once per event and role. */
function articleNow(context: GraphQLContext, event: LiveEvent, articleId: string): Promise<ArticleRecord | null> {
  return liveHub(context).shared(`${event.sequence}:article:${articleId}:${context.viewer.role}`, () =>
    context.prisma.article.findFirst({ where: { AND: [{ id: articleId }, visibleArticles(context.viewer)] } }),
  );
}

/** articleChanged(id): every article.* event of the article, with the article as it is now. */
export async function articleChanged(
  context: GraphQLContext,
  args: { id: string; lastEventId?: string | null },
): Promise<AsyncIterableIterator<Delivery<ArticleChangeValue>>> {
  const article = await visibleArticle(context, args.id, "id");
  return openLiveStream(context, args.lastEventId, {
    filter: (event) => event.targetType === "Article" && event.targetId === article.id && event.action.startsWith("article."),
    payload: async (event) => {
      const now = await articleNow(context, event, article.id);
      // Not visible any more: deleted (which the subscriber is told), or out of the viewer's reach.
      if (!now && event.action !== "article.delete") return null;
      return { event, article: now };
    },
  });
}

/** annotationEvents(articleId): annotations of the article (directly or through its quotes). REPORTER+. */
export async function annotationEvents(
  context: GraphQLContext,
  args: { articleId: string; lastEventId?: string | null },
): Promise<AsyncIterableIterator<Delivery<AnnotationEventValue>>> {
  requireSubscriptionRole(context.viewer, "REPORTER");
  const article = await visibleArticle(context, args.articleId, "articleId");
  const scope = visibleAnnotations(context.viewer);
  return openLiveStream(context, args.lastEventId, {
    filter: (event) => event.targetType === "Annotation" && event.articleId === article.id && event.action in ANNOTATION_KINDS,
    payload: async (event) => {
      const kind = ANNOTATION_KINDS[event.action];
      if (!kind || !scope) return null;
      const annotation = await liveHub(context).shared(`${event.sequence}:annotation:${context.viewer.role}`, () =>
        context.prisma.annotation.findFirst({ where: { AND: [{ id: event.targetId }, scope] } }),
      );
      if (!annotation && kind !== "DELETED") return null;
      return { event, kind, annotation };
    },
  });
}

/** suggestionsCreated(articleId): batches of machine suggestions added to the article. REPORTER+. */
export async function suggestionsCreated(
  context: GraphQLContext,
  args: { articleId: string; lastEventId?: string | null },
): Promise<AsyncIterableIterator<Delivery<SuggestionsCreatedValue>>> {
  requireSubscriptionRole(context.viewer, "REPORTER");
  const article = await visibleArticle(context, args.articleId, "articleId");
  return openLiveStream(context, args.lastEventId, {
    filter: (event) => event.action === SUGGESTIONS_CREATED && event.articleId === article.id,
    payload: async (event) => {
      const hub = liveHub(context);
      const suggestions = await hub.shared(`${event.sequence}:suggestions`, async () => {
        const row = await context.prisma.auditEvent.findUnique({ where: { id: BigInt(event.sequence) }, select: { after: true } });
        return suggestionsOf(row?.after);
      });
      const [now, quotes] = await Promise.all([
        articleNow(context, event, article.id),
        hub.shared(`${event.sequence}:suggested-quotes:${context.viewer.role}`, () =>
          context.prisma.quote.findMany({
            where: { AND: [{ id: { in: [...suggestions.quoteIds] } }, visibleQuotes(context.viewer)] },
            orderBy: [{ start: "asc" }, { id: "asc" }],
          }),
        ),
      ]);
      return { event, article: now, quotes, counts: suggestions.counts };
    },
  });
}

/** reviewQueueChanged: the annotation queue's counters after each change to the queue. REPORTER+. */
export async function reviewQueueChanged(
  context: GraphQLContext,
  args: { lastEventId?: string | null },
): Promise<AsyncIterableIterator<Delivery<ReviewQueueChangeValue>>> {
  requireSubscriptionRole(context.viewer, "REPORTER");
  return openLiveStream(context, args.lastEventId, {
    filter: (event) => changesReviewQueue(event.action),
    payload: async (event) => {
      const counts = await liveHub(context).shared(`${event.sequence}:queue:${context.viewer.role}`, () => annotationQueueCounts(context.prisma, context.viewer, null));
      return counts ? { event, annotationQueueCounts: counts } : null;
    },
  });
}

/**
 * auditEvents(filter): every committed audit event that passes the filter, whole. ADMIN only:
 * events carry records before and after, drafts included. The filter is the audit log's own
 * (one rule, checked by the database on the event's row).
 */
export async function auditEventFeed(
  context: GraphQLContext,
  args: { filter?: AuditEventFilter | null; lastEventId?: string | null },
): Promise<AsyncIterableIterator<Delivery<AuditEvent>>> {
  requireSubscriptionRole(context.viewer, "ADMIN");
  const where: Prisma.AuditEventWhereInput = auditFilterWhere(args.filter);
  return openLiveStream(context, args.lastEventId, {
    filter: () => true,
    payload: (event) => context.prisma.auditEvent.findFirst({ where: { AND: [{ id: BigInt(event.sequence) }, where] } }),
  });
}
