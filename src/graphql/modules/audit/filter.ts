import type { AuditEventFilter } from "../../../generated/graphql.js";
import type { AuditFilter } from "../../../domain/audit/filter.js";
import { badUserInput } from "../../errors.js";
import { optionalGlobalId, parseGlobalId } from "../../ids.js";

/**
 * The `auditEvents(filter:)` argument with its global ids decoded: `actorId` must be a User id,
 * `targetId` a global id of any type (BAD_USER_INPUT naming the bad one).
 */
export function auditEventFilterOf(filter: AuditEventFilter | null | undefined): AuditFilter | undefined {
  if (!filter) return undefined;
  const actorId = optionalGlobalId(filter.actorId, "User", "filter.actorId");
  let target: AuditFilter["target"];
  if (filter.targetId !== undefined && filter.targetId !== null) {
    const parsed = parseGlobalId(filter.targetId);
    if (!parsed) throw badUserInput("filter.targetId is not a valid id.", "filter.targetId");
    target = parsed;
  }
  return { actorId, target, targetType: filter.targetType, action: filter.action, from: filter.from, to: filter.to };
}
