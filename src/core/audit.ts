import type { Prisma } from "../db/index.js";
import { afterCommit } from "../db/transaction.js";
import type { AuditEvent } from "../generated/prisma/client.js";
import type { RecordType } from "./records.js";
import { liveEventOf } from "../pubsub/event.js";
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
  if (record === null) return undefined;
  return JSON.parse(JSON.stringify(record, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value))) as Prisma.InputJsonValue;
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
  const before = snapshot(change.before);
  const after = snapshot(change.after);
  const event = await tx.auditEvent.create({
    data: {
      actorId: actor.viewer.userId,
      tokenId: actor.viewer.tokenId,
      action: change.action,
      targetType: change.targetType,
      targetId: change.targetId,
      ...(before === undefined ? {} : { before }),
      ...(after === undefined ? {} : { after }),
      requestId: actor.requestId,
    },
  });
  const live = actor.live;
  if (live) {
    const published = liveEventOf(event);
    afterCommit(tx, () => live.publish([published]));
  }
  return event;
}
