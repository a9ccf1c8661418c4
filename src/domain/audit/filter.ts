import type { Prisma } from "../../db/index.js";
import { invalidArgument } from "../../core/failure.js";
import type { RecordType } from "../../core/records.js";

/** Which audit events to list (every condition must hold); ids are record ids. */
export interface AuditFilter {
  /** Events by this user. */
  readonly actorId?: string | null;
  /** Events on this record. */
  readonly target?: { readonly type: RecordType; readonly id: string } | null;
  /** Events on records of this type (as stored: Article, Quote, ...). */
  readonly targetType?: string | null;
  /** Events with this action (article.update). */
  readonly action?: string | null;
  /** Events at or after this time. */
  readonly from?: Date | null;
  /** Events before this time. */
  readonly to?: Date | null;
}

/** Turns an {@link AuditFilter} into Prisma conditions (the time range validated). */
export function auditEventWhere(filter: AuditFilter | null | undefined): Prisma.AuditEventWhereInput {
  if (!filter) return {};
  const conditions: Prisma.AuditEventWhereInput[] = [];
  if (filter.actorId) conditions.push({ actorId: filter.actorId });
  if (filter.target) conditions.push({ targetType: filter.target.type, targetId: filter.target.id });
  if (filter.targetType !== undefined && filter.targetType !== null) conditions.push({ targetType: filter.targetType });
  if (filter.action !== undefined && filter.action !== null) conditions.push({ action: filter.action });
  if (filter.from && filter.to && filter.from.getTime() > filter.to.getTime()) {
    throw invalidArgument("filter.from must not be after filter.to.", "filter.from");
  }
  if (filter.from) conditions.push({ createdAt: { gte: filter.from } });
  if (filter.to) conditions.push({ createdAt: { lt: filter.to } });
  return { AND: conditions };
}
