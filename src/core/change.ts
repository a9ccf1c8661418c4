import type { Prisma } from "../db/index.js";
import type { Runner } from "../db/insert.js";
import type { ModelName } from "../db/rows.js";
import { findRowById, isColumnEqualities, updateRowById, type ColumnEqualities } from "../db/update.js";
import { inTransaction, retryingConflicts } from "../db/transaction.js";
import type { Actor } from "./actor.js";
import { recordAudit, updateWithAudit, type AuditActor } from "./audit.js";
import { fail, type DomainFailure } from "./failure.js";
import { UUID_PATTERN, type RecordType } from "./records.js";
import type { CommandSession } from "./command.js";

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
  /** The NOT_FOUND message when the row is not there for the actor; "The <noun> does not exist or is not visible to you." when left out. */
  readonly missing?: string;
  /** The row as `actor` may change it, or null when it does not exist or is not visible. */
  find(tx: Prisma.TransactionClient, actor: Actor, id: string): Promise<Row | null>;
  /**
   * `UPDATE ... SET data, version = version + 1 WHERE id = $1 AND version = $2 RETURNING *`: the
   * row as it is after the update, or null when no row was at that version (and live).
   */
  update(tx: Prisma.TransactionClient, id: string, version: number, data: Data): Promise<Row | null>;
  /** The row's version now, or null when it is gone (after an update that matched nothing). */
  versionOf(tx: Prisma.TransactionClient, id: string): Promise<number | null>;
  /**
   * {@link update} and the change's audit event (`before` and `after` are the row at `version`
   * and as updated) in one statement, with no transaction around it; null when the table's update
   * conditions have no SQL form here (a relation in `still`), so a change goes through a transaction.
   */
  readonly updateWithAudit: ((db: Runner, actor: AuditActor, id: string, version: number, data: Data, action: string) => Promise<Row | null>) | null;
}

/** The calls of a Prisma model the ritual makes (`tx.article`, `tx.quote`, ...), as a structural type. */
interface ModelCalls<Row, Where, Data> {
  findFirst(args: { where: Where }): PromiseLike<Row | null>;
  findUniqueOrThrow(args: { where: { id: string } }): PromiseLike<Row>;
  updateMany(args: { where: Where; data: Data }): PromiseLike<{ count: number }>;
}

/** The NOT_FOUND message of a table's record. */
function missingMessage(table: Pick<VersionedTable<VersionedRow, unknown>, "noun" | "missing">): string {
  return table.missing ?? `The ${table.noun} does not exist or is not visible to you.`;
}

/** What one model states for the ritual: its kind and noun, its Prisma model, and which rows an actor may change. */
export interface VersionedModel<Row, Where, Data> {
  /** The kind the audit log names, which is also the model's name. */
  readonly type: RecordType & ModelName;
  readonly noun: string;
  readonly missing?: string;
  readonly model: (tx: Prisma.TransactionClient) => ModelCalls<Row, Where, Data>;
  /** The rows the actor may change (the visibility rule, or a narrower one). */
  readonly changeable: (actor: Actor) => Where;
  /**
   * The same rule as `changeable` in SQL over the row aliased `alias`, when the visibility module
   * has it (checked against the Prisma form there): the row is then read in one raw statement
   * instead of through the model API.
   */
  readonly changeableSql?: (actor: Actor, alias: string) => Prisma.Sql;
  /** What a row must still be for an update to apply and for its version to count (not soft-deleted); none when left out. */
  readonly live?: Where;
  /**
   * A state the command's checks relied on (a pending suggestion, a person not merged): the
   * update applies only while it holds, and when the version matched but it no longer held, the
   * failure is this CONFLICT rather than a version conflict.
   */
  readonly still?: { readonly where: Where; readonly conflict: string; readonly field: string };
}

/**
 * The {@link VersionedTable} of a model: found with its rule for the actor, updated with
 * `version = version + 1` only at the expected version (and while live), returning the row after.
 * Where the rule has its SQL form, and where the update's conditions are column equalities (a
 * relation in `still` is not), each is one raw statement (src/db/update.ts); the model API
 * otherwise.
 */
export function versionedTable<Row extends VersionedRow, Where extends object, Data extends object>(
  spec: VersionedModel<Row, Where, Data>,
): VersionedTable<Row, Data> {
  const live = spec.live ?? ({} as Where);
  const still = spec.still;
  const changeableSql = spec.changeableSql;
  const versionOf = async (tx: Prisma.TransactionClient, id: string): Promise<number | null> =>
    (await spec.model(tx).findFirst({ where: { id, ...live } }))?.version ?? null;
  /** Nothing updated: the CONFLICT of `still` when the version still matches (the state moved on), else null for the caller's version check. */
  const nothingUpdated = async (tx: Prisma.TransactionClient, id: string, version: number): Promise<null> => {
    if (still && (await versionOf(tx, id)) === version) throw fail("CONFLICT", still.conflict, still.field);
    return null;
  };
  /** What the row must be for an update to apply besides its id and version: live, and `still`. */
  const standing = { ...live, ...(still ? still.where : {}) };
  const updatable = (id: string, version: number) => ({ id, version, ...standing });
  // Column equalities (the id and version always are) have an SQL form; a relation in `still` has none.
  const conditionsInSql = isColumnEqualities(standing);
  return {
    type: spec.type,
    noun: spec.noun,
    ...(spec.missing === undefined ? {} : { missing: spec.missing }),
    find: async (tx, actor, id) => {
      if (!changeableSql) return spec.model(tx).findFirst({ where: { AND: [{ id }, spec.changeable(actor)] } as Where });
      // Every versioned record has a uuid id: any other text names no record.
      if (!UUID_PATTERN.test(id)) return null;
      return (await findRowById(tx, spec.type, id, changeableSql(actor, "t"))) as Row | null;
    },
    update: async (tx, id, version, data) => {
      const where = updatable(id, version);
      if (conditionsInSql) {
        const after = await updateRowById(tx, spec.type, where as ColumnEqualities & { readonly id: string }, data as Readonly<Record<string, unknown>>, { incrementVersion: true });
        return after ? (after as unknown as Row) : nothingUpdated(tx, id, version);
      }
      const { count } = await spec.model(tx).updateMany({ where, data: { ...data, version: { increment: 1 } } });
      return count > 0 ? spec.model(tx).findUniqueOrThrow({ where: { id } }) : nothingUpdated(tx, id, version);
    },
    versionOf,
    updateWithAudit: conditionsInSql
      ? async (db, actor, id, version, data, action) => {
          const where = updatable(id, version) as ColumnEqualities & { readonly id: string };
          const change = { action, targetType: spec.type, targetId: id };
          const after = await updateWithAudit(db, actor, spec.type, where, data as Readonly<Record<string, unknown>>, { incrementVersion: true }, change);
          return after ? (after as unknown as Row) : nothingUpdated(db, id, version);
        }
      : null,
  };
}

/**
 * Why a conditional update changed nothing: the record is gone (NOT_FOUND) or moved on
 * (VERSION_CONFLICT with its version now). Checked after the conditional update, never before
 * it, so two writers cannot both win.
 */
function refusedUpdate(current: number | null, table: Pick<VersionedTable<VersionedRow, unknown>, "noun" | "missing">, expectedVersion: number): DomainFailure {
  if (current === null) return fail("NOT_FOUND", missingMessage(table), "input.id");
  return fail(
    "VERSION_CONFLICT",
    `The ${table.noun} is at version ${current}, not ${expectedVersion}: someone changed it since you read it. Read it again and retry.`,
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
  const after = await table.update(tx, id, expectedVersion, data);
  if (after) return after;
  throw refusedUpdate(await table.versionOf(tx, id), table, expectedVersion);
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
  if (!row) throw fail("NOT_FOUND", missingMessage(table), field);
  return row;
}

/** What an audit event of a change records besides the rows before and after (re-anchoring, a correction). */
export interface ChangeNotes {
  readonly before?: object;
  readonly after?: object;
}

/** Which record a change is for, and the version the caller read (a command's parsed input has both). */
export interface ChangeTarget {
  readonly id: string;
  readonly expectedVersion: number;
}

/** What one change of one versioned record does, as {@link changeRecord} runs it. */
export interface RecordChange<Row extends VersionedRow, Data, Result> {
  /** The audit log's name of the change when it is not the command's action (`quote.accept` for a review). */
  readonly action?: string;
  /** The input field the id came from, for NOT_FOUND (`input.id` when left out). */
  readonly idField?: string;
  /**
   * Checks the change against the row as it is (throwing a DomainFailure to refuse) and says what
   * to set. It only reads: without `then`, it may run outside any transaction (see changeRecord),
   * so a write of its own would stay when the update is refused; writes belong in `then`.
   */
  readonly changes: (before: Row, tx: Prisma.TransactionClient) => Data | Promise<Data>;
  /** Work in the same transaction once the row is updated (a revision, re-anchoring); what it returns goes in the audit event. */
  readonly then?: (tx: Prisma.TransactionClient, before: Row, after: Row) => Promise<ChangeNotes & { readonly result?: Result }>;
}

/**
 * The change ritual, written once: read the record as the actor may see it (NOT_FOUND), check and
 * compute the change, update it on its version (VERSION_CONFLICT), do the follow-up work, and
 * write one audit event, named after the command, which publishes the live event once the change
 * has committed; retried on serialization failures and deadlocks. Authorization comes before, in
 * {@link command}.
 *
 * A change with follow-up work runs in one transaction. One without (the row is its only write)
 * reads the row, then updates it and writes its event in one statement, with no transaction: the
 * update applies only at the version that was read, so nothing can change between the read and
 * the write unseen (the event's `before`, the row at that version, is the row that was read), and
 * the one statement commits the row and its event together. That is two
 * round trips instead of five (BEGIN, read, update, event, COMMIT).
 */
export async function changeRecord<Row extends VersionedRow, Data, Result = Row>(
  session: CommandSession,
  table: VersionedTable<Row, Data>,
  target: ChangeTarget,
  change: RecordChange<Row, Data, Result>,
): Promise<Result> {
  const inOneStatement = table.updateWithAudit;
  if (!change.then && inOneStatement) {
    return retryingConflicts(async () => {
      const before = await findToChange(session.prisma, table, session.viewer, target.id, change.idField);
      const data = await change.changes(before, session.prisma);
      const after = await inOneStatement(session.prisma, session, target.id, target.expectedVersion, data, change.action ?? session.action);
      if (after) return after as unknown as Result;
      throw refusedUpdate(await table.versionOf(session.prisma, target.id), table, target.expectedVersion);
    });
  }
  return inTransaction(session.prisma, async (tx) => {
    const before = await findToChange(tx, table, session.viewer, target.id, change.idField);
    const data = await change.changes(before, tx);
    const after = await updateVersioned(tx, table, target.id, target.expectedVersion, data);
    const notes = change.then ? await change.then(tx, before, after) : {};
    await recordAudit(tx, session, {
      action: change.action ?? session.action,
      targetType: table.type,
      targetId: target.id,
      before: notes.before ?? before,
      after: notes.after ?? after,
    });
    return notes.result ?? (after as unknown as Result);
  });
}

/** One new record, as {@link createRecord} writes it. */
export interface RecordCreation<Row extends { readonly id: string }> {
  readonly type: RecordType;
  /** Checks (throwing a DomainFailure to refuse) and inserts the row, in the transaction. */
  readonly create: (tx: Prisma.TransactionClient) => Promise<Row>;
}

/** The creation ritual: in one transaction, insert the record and write its audit event (named after the command; before: none). */
export async function createRecord<Row extends { readonly id: string }>(session: CommandSession, creation: RecordCreation<Row>): Promise<Row> {
  return inTransaction(session.prisma, async (tx) => {
    const row = await creation.create(tx);
    await recordAudit(tx, session, { action: session.action, targetType: creation.type, targetId: row.id, before: null, after: row });
    return row;
  });
}
