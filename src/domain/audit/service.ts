import type DataLoader from "dataloader";
import type { PrismaClient } from "../../db/index.js";
import type { AuditEvent } from "../../generated/prisma/client.js";
import type { Actor } from "../../core/actor.js";
import type { ConnectionPage, PageArgs } from "../../core/paging.js";
import { may } from "../../core/policy.js";
import { auditEventWhere, type AuditFilter } from "./filter.js";
import { auditEventKeyset } from "./keysets.js";

const DEFAULT_PAGE_SIZE = 20;

/**
 * The audit log, filtered, newest first (by sequence), keyset-paged. Primes the by-id loader.
 * Events of records deleted since stay listed: the log is where a deletion is found.
 */
export async function listAuditEvents(
  prisma: PrismaClient,
  viewer: Actor,
  args: PageArgs & { filter?: AuditFilter | null },
  auditEventById: DataLoader<string, AuditEvent | null>,
): Promise<ConnectionPage<AuditEvent>> {
  const window = auditEventKeyset.window(args, DEFAULT_PAGE_SIZE);
  const where = auditEventWhere(args.filter);
  // The API refuses the field to those who may not read the log; this keeps the service safe on its own.
  if (!may(viewer, "audit.read")) return auditEventKeyset.page([], window, async () => 0);
  const rows = await prisma.auditEvent.findMany({ where: { AND: [where, window.where] }, orderBy: window.orderBy, take: window.take });
  for (const row of rows) auditEventById.prime(row.id.toString(), row);
  return auditEventKeyset.page(rows, window, () => prisma.auditEvent.count({ where }));
}
