import type { AuditEvent } from "../../../generated/prisma/client.js";
import type { Resolvers } from "../../../generated/graphql.js";
import { isRecordType } from "../../../core/records.js";
import { listAuditEvents } from "../../../domain/audit/service.js";
import { toGlobalId } from "../../ids.js";
import { auditEventFilterOf } from "./filter.js";

/** An event's target as a client sees it: the global id when the target type has global ids, else the stored id. */
function auditTargetId(event: Pick<AuditEvent, "targetType" | "targetId">): string {
  return isRecordType(event.targetType) ? toGlobalId(event.targetType, event.targetId) : event.targetId;
}

/** Resolvers of the audit module: the audit log and the `history` of each audited record type. */
export const auditResolvers: Resolvers = {
  Query: {
    auditEvents: (_parent, args, { prisma, viewer, loaders }) =>
      listAuditEvents(prisma, viewer, { ...args, filter: auditEventFilterOf(args.filter) }, loaders.auditEventById),
  },
  AuditEvent: {
    id: (event) => toGlobalId("AuditEvent", event.id),
    sequence: (event) => event.id.toString(),
    targetId: (event) => auditTargetId(event),
    actor: (event, _args, { loaders }) => (event.actorId ? loaders.userById.load(event.actorId) : null),
  },
  Article: {
    history: (article, args, { loaders }) => loaders.historyOf("Article").load(article.id, args),
  },
  Quote: {
    history: (quote, args, { loaders }) => loaders.historyOf("Quote").load(quote.id, args),
  },
  Person: {
    history: (person, args, { loaders }) => loaders.historyOf("Person").load(person.id, args),
  },
  Incident: {
    history: (incident, args, { loaders }) => loaders.historyOf("Incident").load(incident.id, args),
  },
  Annotation: {
    history: (annotation, args, { loaders }) => loaders.historyOf("Annotation").load(annotation.id, args),
  },
};
