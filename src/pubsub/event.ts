import type { PrismaClient } from "../db/index.js";
import type { AuditEvent } from "../generated/prisma/client.js";

/**
 * One committed change as the live-update machinery carries it: the audit event's sequence and
 * what it was about, nothing of the record itself. Subscribers filter on these fields and load
 * the record as their viewer may see it, so an event never carries data past its reader's role.
 */
export interface LiveEvent {
  /** The audit event's sequence number, as a decimal string (JSON has no 64-bit integers). */
  readonly sequence: string;
  /** `module.verb`, as in the audit log (annotation.create, article.publish, suggestions.created). */
  readonly action: string;
  /** The audited record's type (Article, Annotation, Quote, ...). */
  readonly targetType: string;
  /** The audited record's raw id. */
  readonly targetId: string;
  /** The article the change belongs to, when it belongs to one (see {@link articleIdOf}). */
  readonly articleId: string | null;
  /** Who made the change; null for the seed, ingest or a deleted user. */
  readonly actorId: string | null;
  /** When the change was recorded, ISO 8601. */
  readonly createdAt: string;
}

/**
 * The one rule for which article an audited change belongs to: an article's own events belong
 * to it, and any other record belongs to the article its snapshot names (annotations and quotes
 * carry `articleId`). `snapshotArticleId` is `articleId` of the event's `after`, else its `before`.
 */
export function articleIdOf(targetType: string, targetId: string, snapshotArticleId: unknown): string | null {
  if (targetType === "Article") return targetId;
  return typeof snapshotArticleId === "string" ? snapshotArticleId : null;
}

function articleIdField(snapshot: unknown): unknown {
  return typeof snapshot === "object" && snapshot !== null && "articleId" in snapshot ? snapshot.articleId : undefined;
}

/** The live event of an audit event row just written (recordAudit has the whole row). */
export function liveEventOf(row: AuditEvent): LiveEvent {
  return liveEventOfRow({ ...row, snapshotArticleId: articleIdField(row.after) ?? articleIdField(row.before) });
}

/**
 * The live event of an audit event whose snapshots are not at hand (a change written in one
 * statement, whose snapshots PostgreSQL made): its columns and the `articleId` of the record as
 * changed, which is what its `after` would give.
 */
export function liveEventOfChange(event: Omit<LiveEventRow, "snapshotArticleId">, record: object): LiveEvent {
  return liveEventOfRow({ ...event, snapshotArticleId: articleIdField(record) });
}

/** What a live event is made of: the audit event's columns and the `articleId` its snapshots name (see {@link articleIdOf}). */
interface LiveEventRow {
  readonly id: bigint;
  readonly action: string;
  readonly targetType: string;
  readonly targetId: string;
  readonly actorId: string | null;
  readonly createdAt: Date;
  readonly snapshotArticleId: unknown;
}

function liveEventOfRow(row: LiveEventRow): LiveEvent {
  return {
    sequence: row.id.toString(),
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    articleId: articleIdOf(row.targetType, row.targetId, row.snapshotArticleId),
    actorId: row.actorId,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Live events read back from the audit log, oldest first: those after `afterSequence`, at most
 * `limit`. Only the columns an event needs are read: `before` and `after` of an article edit hold
 * whole bodies, and a replay of a thousand of them must not load them.
 */
export async function readLiveEvents(prisma: PrismaClient, afterSequence: bigint, limit: number): Promise<LiveEvent[]> {
  const rows = await prisma.$queryRaw<LiveEventRow[]>`
    SELECT "id", "action", "targetType", "targetId", "actorId", "createdAt",
           COALESCE("after"->>'articleId', "before"->>'articleId') AS "snapshotArticleId"
    FROM "AuditEvent" WHERE "id" > ${afterSequence} ORDER BY "id" ASC LIMIT ${limit}`;
  return rows.map(liveEventOfRow);
}

/** One live event by its sequence, or null when there is no such audit event (for payloads sent by id). */
export async function readLiveEvent(prisma: PrismaClient, sequence: string): Promise<LiveEvent | null> {
  const rows = await prisma.$queryRaw<LiveEventRow[]>`
    SELECT "id", "action", "targetType", "targetId", "actorId", "createdAt",
           COALESCE("after"->>'articleId', "before"->>'articleId') AS "snapshotArticleId"
    FROM "AuditEvent" WHERE "id" = ${BigInt(sequence)}`;
  const [row] = rows;
  return row ? liveEventOfRow(row) : null;
}

/** Sequence numbers as clients send them back (lastEventId): a positive 64-bit decimal. */
export const SEQUENCE_PATTERN = /^(0|[1-9]\d{0,18})$/;
