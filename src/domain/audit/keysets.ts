import type { Prisma } from "../../db/index.js";
import type { AuditEvent } from "../../generated/prisma/client.js";
import { decodeCursor, Keyset } from "../../core/paging.js";

/** Audit events newest first: by sequence number descending (unique, so the only key). */
export const auditEventKeyset = new Keyset<AuditEvent, Prisma.AuditEventWhereInput, Prisma.AuditEventOrderByWithRelationInput>(
  "auditEvents:id:desc",
  [{ field: "id", direction: "desc", type: "bigint", value: (event) => event.id }],
);

/**
 * The sequence number a cursor of {@link auditEventKeyset} carries, for raw SQL that pages by it.
 * Call after `auditEventKeyset.window(args)`, which has already refused malformed cursors.
 */
export function cursorSequence(cursor: string): bigint {
  const [value] = decodeCursor(cursor, auditEventKeyset.name);
  return BigInt(String(value));
}
