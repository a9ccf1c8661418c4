import type { Prisma } from "../db/index.js";
import { insertRows, type ModelColumns, type Runner } from "../db/insert.js";
import type { ModelName } from "../db/rows.js";
import { afterCommit } from "../db/transaction.js";
import { updateRowByIdWithAudit, type ColumnEqualities, type UpdateOptions } from "../db/update.js";
import type { AuditEvent } from "../generated/prisma/client.js";
import type { RecordType } from "./records.js";
import { liveEventOf, liveEventOfChange } from "../pubsub/event.js";
import type { LivePublisher } from "../pubsub/hub.js";
import type { Actor } from "./actor.js";

/** Who made a change and in which request: what every audit event records besides the change. */
export interface AuditActor {
  readonly viewer: Actor;
  readonly requestId: string;
  /** Where the event goes once the transaction commits (live updates); none for the seed and tests. */
  readonly live?: LivePublisher | null;
}

/** One change to record: `module.verb`, the record changed, and its state before and after. */
export interface AuditChange {
  readonly action: string;
  readonly targetType: RecordType;
  readonly targetId: string;
  readonly before: object | null;
  readonly after: object | null;
}

/** A record as JSON: dates as ISO strings, big integers as decimal strings, full-text vectors left out. */
function snapshot(record: object | null): Prisma.InputJsonValue | undefined {
  return record === null ? undefined : rowSnapshot(record);
}

function rowSnapshot(record: object): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(record, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value))) as Prisma.InputJsonValue;
}

/** The row of one audit event. */
function auditRow(actor: AuditActor, change: AuditChange): Prisma.AuditEventUncheckedCreateInput {
  const before = snapshot(change.before);
  const after = snapshot(change.after);
  return {
    actorId: actor.viewer.userId,
    tokenId: actor.viewer.tokenId,
    action: change.action,
    targetType: change.targetType,
    targetId: change.targetId,
    ...(before === undefined ? {} : { before }),
    ...(after === undefined ? {} : { after }),
    requestId: actor.requestId,
  };
}

/** The audit event as written: its row, with what PostgreSQL drew (the sequence and the time). */
function writtenEvent(row: Prisma.AuditEventUncheckedCreateInput, id: bigint, createdAt: Date): AuditEvent {
  return {
    id,
    createdAt,
    actorId: row.actorId ?? null,
    tokenId: row.tokenId ?? null,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    before: (row.before ?? null) as Prisma.JsonValue,
    after: (row.after ?? null) as Prisma.JsonValue,
    requestId: row.requestId ?? null,
  };
}

/** Publishes `events` through the actor's publisher once the transaction of `tx` commits. */
function publishAfterCommit(tx: Prisma.TransactionClient, actor: AuditActor, events: readonly AuditEvent[]): void {
  const live = actor.live;
  if (!live) return;
  const published = events.map(liveEventOf);
  afterCommit(tx, () => live.publish(published));
}

/**
 * Writes the audit event of a successful mutation. Called with the mutation's transaction
 * client, so the event and the change commit or roll back together: a failed mutation leaves no
 * event, and an event that cannot be written undoes the change.
 *
 * This is also the one place live updates start: with a publisher in `actor`, the event is
 * published after the transaction commits (never for a rolled-back or retried attempt).
 */
export async function recordAudit(tx: Prisma.TransactionClient, actor: AuditActor, change: AuditChange): Promise<AuditEvent> {
  const [event] = await recordAudits(tx, actor, [change]);
  if (!event) throw new Error("Writing the audit event returned no row.");
  return event;
}

/**
 * {@link recordAudit} for the several events of one mutation, in one INSERT (ingest's batched
 * writes): the events are numbered, returned and published in the order of `changes`.
 */
export async function recordAudits(tx: Prisma.TransactionClient, actor: AuditActor, changes: readonly AuditChange[]): Promise<AuditEvent[]> {
  if (changes.length === 0) return [];
  // Raw SQL (src/db/insert.ts): an article's events carry its whole body before and after, which
  // Prisma's client validated and serialized again at a cost of a millisecond or more. Only what
  // PostgreSQL draws comes back (the sequence and the time): the snapshots are the ones just
  // sent, and reading them back would parse the bodies once more. RETURNING of a multi-row INSERT
  // promises no order; the ids are drawn row by row in the order of the rows given, so id order
  // is the order of `changes`.
  const rows = changes.map((change) => auditRow(actor, change));
  const drawn = (await insertRows(tx, "AuditEvent", rows, ["id", "createdAt"])).map((row) => ({ id: BigInt(row.id), createdAt: new Date(row.createdAt) }));
  drawn.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const events: AuditEvent[] = rows.map((row, index) => {
    const { id, createdAt } = drawn[index] ?? {};
    if (id === undefined || createdAt === undefined) throw new Error("Writing the audit events returned fewer rows than were written.");
    return writtenEvent(row, id, createdAt);
  });
  publishAfterCommit(tx, actor, events);
  return events;
}

/**
 * Updates one row of `model` on its conditions and writes the change's audit event, whose `before`
 * and `after` are the row as the statement found it and as it updated it, in one statement and
 * outside any transaction: a change whose only write is that row (src/core/change.ts). The
 * statement commits both or neither, so the event is published as soon as it returns. Null, and
 * no event, when no row met `where`.
 */
export async function updateWithAudit<M extends ModelName>(
  db: Runner,
  actor: AuditActor,
  model: M,
  where: ColumnEqualities & { readonly id: string },
  data: Readonly<Record<string, unknown>>,
  options: UpdateOptions,
  change: Omit<AuditChange, "before" | "after">,
): Promise<ModelColumns<M> | null> {
  const columns = auditRow(actor, { ...change, before: null, after: null });
  const updated = await updateRowByIdWithAudit(db, model, where, data, options, columns);
  if (!updated) return null;
  const event = { id: updated.auditId, createdAt: updated.auditCreatedAt, action: columns.action, targetType: columns.targetType, targetId: columns.targetId, actorId: columns.actorId ?? null };
  actor.live?.publish([liveEventOfChange(event, updated.row)]);
  return updated.row;
}
