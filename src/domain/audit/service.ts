import type DataLoader from "dataloader";
import type { Prisma, PrismaClient } from "../../db/index.js";
import type { AuditEventFilter } from "../../generated/graphql.js";
import type { AuditEvent } from "../../generated/prisma/client.js";
import type { ConnectionPage, PageArgs } from "../../core/paging.js";
import { badUserInput } from "../../graphql/errors.js";
import { optionalGlobalId, parseGlobalId, toGlobalId } from "../../graphql/ids.js";
import { isRecordType } from "../../core/records.js";
import { hasRole, type Actor } from "../../core/actor.js";
import { auditEventKeyset } from "./keysets.js";

const DEFAULT_PAGE_SIZE = 20;

/** The audit log is for REPORTER and above (the schema refuses the fields below; this keeps services safe on their own). */
export function mayReadAuditLog(viewer: Actor): boolean {
  return hasRole(viewer, "REPORTER");
}

/** An event's target as a client sees it: the global id when the target type has global ids, else the stored id. */
export function auditTargetId(event: Pick<AuditEvent, "targetType" | "targetId">): string {
  return isRecordType(event.targetType) ? toGlobalId(event.targetType, event.targetId) : event.targetId;
}

/** Turns an `AuditEventFilter` into Prisma conditions (ids and the time range validated). */
export function auditFilterWhere(filter: AuditEventFilter | null | undefined): Prisma.AuditEventWhereInput {
  if (!filter) return {};
  const conditions: Prisma.AuditEventWhereInput[] = [];
  const actorId = optionalGlobalId(filter.actorId, "User", "filter.actorId");
  if (actorId) conditions.push({ actorId });
  if (filter.targetId !== undefined && filter.targetId !== null) {
    const target = parseGlobalId(filter.targetId);
    if (!target) throw badUserInput("filter.targetId is not a valid id.", "filter.targetId");
    conditions.push({ targetType: target.type, targetId: target.id });
  }
  if (filter.targetType !== undefined && filter.targetType !== null) conditions.push({ targetType: filter.targetType });
  if (filter.action !== undefined && filter.action !== null) conditions.push({ action: filter.action });
  if (filter.from && filter.to && filter.from.getTime() > filter.to.getTime()) {
    throw badUserInput("filter.from must not be after filter.to.", "filter.from");
  }
  if (filter.from) conditions.push({ createdAt: { gte: filter.from } });
  if (filter.to) conditions.push({ createdAt: { lt: filter.to } });
  return { AND: conditions };
}

/**
 * The audit log, filtered, newest first (by sequence), keyset-paged. Primes the by-id loader.
 * Events of records deleted since stay listed: the log is where a deletion is found.
 */
export async function listAuditEvents(
  prisma: PrismaClient,
  viewer: Actor,
  args: PageArgs & { filter?: AuditEventFilter | null },
  auditEventById: DataLoader<string, AuditEvent | null>,
): Promise<ConnectionPage<AuditEvent>> {
  const window = auditEventKeyset.window(args, DEFAULT_PAGE_SIZE);
  const where = auditFilterWhere(args.filter);
  if (!mayReadAuditLog(viewer)) return auditEventKeyset.page([], window, async () => 0);
  const rows = await prisma.auditEvent.findMany({ where: { AND: [where, window.where] }, orderBy: window.orderBy, take: window.take });
  for (const row of rows) auditEventById.prime(row.id.toString(), row);
  return auditEventKeyset.page(rows, window, () => prisma.auditEvent.count({ where }));
}
