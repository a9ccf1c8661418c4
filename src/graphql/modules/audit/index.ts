import type { GraphQLModule } from "../../module.js";
import { createAuditLoaders } from "../../../domain/audit/loaders.js";
import { auditResolvers } from "./resolvers.js";

/** The audit module of the API: SDL in ./schema.graphql, resolvers, guards, loaders. */
export const auditModule = {
  name: "audit",
  resolvers: auditResolvers,
  guards: {
    "AuditEvent": "audit.read",
    "Article.history": "audit.read",
    "Quote.history": "audit.read",
    "Person.history": "audit.read",
    "Incident.history": "audit.read",
    "Query.auditEvents": "audit.read",
  },
  loaders: createAuditLoaders,
} satisfies GraphQLModule;
