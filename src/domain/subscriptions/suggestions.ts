import { z } from "zod";
import type { Prisma } from "../../db/index.js";
import type { AuditEvent } from "../../generated/prisma/client.js";
import { recordAudit, type AuditActor, type AuditChange } from "../../core/audit.js";

/** The audit action of a batch of machine suggestions; `suggestionsCreated` listens for it. */
export const SUGGESTIONS_CREATED = "suggestions.created";

/** What one ingest run suggested for an article (raw ids of the PENDING records it created). */
export interface SuggestionBatch {
  readonly articleId: string;
  readonly quoteIds: readonly string[];
  readonly personIds: readonly string[];
  readonly incidentIds: readonly string[];
  readonly mentionIds: readonly string[];
}

/** How many records of each kind a batch suggested. */
export interface SuggestionCounts {
  readonly quotes: number;
  readonly people: number;
  readonly incidents: number;
  readonly mentions: number;
}

const ids = z.array(z.string()).default([]);
const batchSnapshot = z.object({ quoteIds: ids, personIds: ids, incidentIds: ids, mentionIds: ids });

/**
 * Records that ingest added machine suggestions to an article, inside ingest's own transaction:
 * one `suggestions.created` audit event on the article, listing the ids. With a publisher in
 * `actor` (a request's context, or a LiveHub in a worker), subscribers of
 * `suggestionsCreated(articleId)` hear it once the transaction commits.
 */
export function recordSuggestionsCreated(tx: Prisma.TransactionClient, actor: AuditActor, batch: SuggestionBatch): Promise<AuditEvent> {
  return recordAudit(tx, actor, suggestionsCreatedChange(batch));
}

/** The `suggestions.created` audit change of a batch, for a caller that writes it with its other events (recordAudits). */
export function suggestionsCreatedChange(batch: SuggestionBatch): AuditChange {
  const { articleId, ...lists } = batch;
  return { action: SUGGESTIONS_CREATED, targetType: "Article", targetId: articleId, before: null, after: { articleId, ...lists } };
}

/** The quote ids and counts of a `suggestions.created` event's `after` (empty when unreadable). */
export function suggestionsOf(after: unknown): { quoteIds: readonly string[]; counts: SuggestionCounts } {
  const parsed = batchSnapshot.safeParse(after ?? {});
  const batch = parsed.success ? parsed.data : { quoteIds: [], personIds: [], incidentIds: [], mentionIds: [] };
  return {
    quoteIds: batch.quoteIds,
    counts: { quotes: batch.quoteIds.length, people: batch.personIds.length, incidents: batch.incidentIds.length, mentions: batch.mentionIds.length },
  };
}
