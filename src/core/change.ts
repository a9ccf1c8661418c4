import type { Prisma } from "../db/index.js";
import { inTransaction } from "../db/transaction.js";
import type { Actor } from "./actor.js";
import { recordAudit } from "./audit.js";
import { fail } from "./failure.js";
import type { RecordType } from "./records.js";
import type { Session } from "./session.js";

/** A row with optimistic concurrency: every change bumps `version`. */
export interface VersionedRow {
  readonly id: string;
  readonly version: number;
}

/**
 * How the change ritual reads and writes one kind of versioned record. Each kind states it once
 * (in its domain module); {@link changeRecord} does the rest.
 */
export interface VersionedTable<Row extends VersionedRow, Data> {
  /** The kind the audit log names. */
  readonly type: RecordType;
  /** The record in messages ("The article does not exist ..."). */
  readonly noun: string;
  /** The row as `actor` may change it, or null when it does not exist or is not visible. */
  find(tx: Prisma.TransactionClient, actor: Actor, id: string): Promise<Row | null>;
  /** `UPDATE ... SET data, version = version + 1 WHERE id = $1 AND version = $2`; the rows updated (0 or 1). */
  updateAt(tx: Prisma.TransactionClient, id: string, version: number, data: Data): Promise<number>;
  /** The row's version now, or null when it is gone (after an update that matched nothing). */
  versionOf(tx: Prisma.TransactionClient, id: string): Promise<number | null>;
  /** The row as it is now, after the update. */
  reread(tx: Prisma.TransactionClient, id: string): Promise<Row>;
}

/**
 * The outcome of a conditional update: nothing updated means the record is gone (NOT_FOUND) or
 * moved on (VERSION_CONFLICT with its version now). Checked after the conditional update, never
 * before it, so two writers cannot both win.
 */
export function assertUpdated(count: number, current: number | null, noun: string, expectedVersion: number, idField = "input.id"): void {
  if (count > 0) return;
  if (current === null) throw fail("NOT_FOUND", `The ${noun} does not exist or is not visible to you.`, idField);
  throw fail(
    "VERSION_CONFLICT",
    `The ${noun} is at version ${current}, not ${expectedVersion}: someone changed it since you read it. Read it again and retry.`,
    "input.expectedVersion",
    current,
  );
}

/** Applies `data` to the row if it is still at `expectedVersion` and returns it as it is now; VERSION_CONFLICT or NOT_FOUND otherwise. */
export async function updateVersioned<Row extends VersionedRow, Data>(
  tx: Prisma.TransactionClient,
  table: VersionedTable<Row, Data>,
  id: string,
  expectedVersion: number,
  data: Data,
): Promise<Row> {
  const count = await table.updateAt(tx, id, expectedVersion, data);
  assertUpdated(count, count > 0 ? null : await table.versionOf(tx, id), table.noun, expectedVersion);
  return table.reread(tx, id);
}

/** The record to change, as the actor may see it; NOT_FOUND on `field` otherwise. */
export async function findToChange<Row extends VersionedRow, Data>(
  tx: Prisma.TransactionClient,
  table: VersionedTable<Row, Data>,
  actor: Actor,
  id: string,
  field = "input.id",
): Promise<Row> {
  const row = await table.find(tx, actor, id);
  if (!row) throw fail("NOT_FOUND", `The ${table.noun} does not exist or is not visible to you.`, field);
  return row;
}

/** What an audit event of a change records besides the rows before and after (re-anchoring, a correction). */
export interface ChangeNotes {
  readonly before?: object;
  readonly after?: object;
}

/** One change of one versioned record, as {@link changeRecord} runs it. */
export interface RecordChange<Row extends VersionedRow, Data, Result> {
  /** The audit log's name of the change (`article.publish`). */
  readonly action: string;
  readonly table: VersionedTable<Row, Data>;
  readonly id: string;
  readonly expectedVersion: number;
  /** The input field the id came from, for NOT_FOUND (`input.id` when left out). */
  readonly idField?: string;
  /** Checks the change against the row as it is (throwing a DomainFailure to refuse) and says what to set. */
  readonly changes: (before: Row, tx: Prisma.TransactionClient) => Data | Promise<Data>;
  /** Work in the same transaction once the row is updated (a revision, re-anchoring); what it returns goes in the audit event. */
  readonly then?: (tx: Prisma.TransactionClient, before: Row, after: Row) => Promise<ChangeNotes & { readonly result?: Result }>;
}

/**
 * The change ritual, written once: in one transaction (retried on serialization failures), read
 * the record as the actor may see it (NOT_FOUND), check and compute the change, update it on its
 * version (VERSION_CONFLICT), do the follow-up work, and write one audit event, which publishes
 * the live event after the commit. Authorization comes before, in {@link command}.
 */
export async function changeRecord<Row extends VersionedRow, Data, Result = Row>(session: Session, change: RecordChange<Row, Data, Result>): Promise<Result> {
  return inTransaction(session.prisma, async (tx) => {
    const before = await findToChange(tx, change.table, session.viewer, change.id, change.idField);
    const data = await change.changes(before, tx);
    const after = await updateVersioned(tx, change.table, change.id, change.expectedVersion, data);
    const notes = change.then ? await change.then(tx, before, after) : {};
    await recordAudit(tx, session, {
      action: change.action,
      targetType: change.table.type,
      targetId: change.id,
      before: notes.before ?? before,
      after: notes.after ?? after,
    });
    return notes.result ?? (after as unknown as Result);
  });
}
