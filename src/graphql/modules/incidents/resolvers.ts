import { GraphQLError } from "graphql";
import type { Resolvers } from "../../../generated/graphql.js";
import { ErrorCode } from "../../errors.js";
import { toGlobalId } from "../../ids.js";
import { mutationPayload } from "../../../core/failure.js";
import { createIncident, linkIncidentToArticle, mergeIncidents, updateIncident } from "../../../domain/incidents/mutations.js";
import { dayRange, findIncident, listIncidents } from "../../../domain/incidents/service.js";

/** A relation that must exist (the parent is only reachable through it) came back empty. */
function missing(what: string): GraphQLError {
  return new GraphQLError(`The ${what} is not available.`, { extensions: { code: ErrorCode.NOT_FOUND } });
}

/** Resolvers of the incidents module: parse arguments, call the service or a loader, map the row. */
export const incidentResolvers: Resolvers = {
  Query: {
    incident: (_parent, { id }, { loaders }) => findIncident(loaders, id),
    incidents: (_parent, args, { prisma, viewer, loaders }) => listIncidents(prisma, viewer, loaders, args),
  },
  Mutation: {
    createIncident: (_parent, { input }, context) => mutationPayload("incident", () => createIncident(context, input)),
    updateIncident: (_parent, { input }, context) => mutationPayload("incident", () => updateIncident(context, input)),
    linkIncidentToArticle: async (_parent, { input }, context) => {
      const payload = await mutationPayload("result", () => linkIncidentToArticle(context, input));
      return { mention: payload.result?.mention ?? null, incident: payload.result?.incident ?? null, errors: payload.errors };
    },
    mergeIncidents: async (_parent, { input }, context) => {
      const payload = await mutationPayload("result", () => mergeIncidents(context, input));
      return { incident: payload.result?.incident ?? null, source: payload.result?.source ?? null, errors: payload.errors };
    },
  },
  Incident: {
    id: (incident) => toGlobalId("Incident", incident.id),
    dateRange: (incident) => dayRange(incident),
    place: (incident, _args, { loaders }) => (incident.placeId ? loaders.placeById.load(incident.placeId) : null),
    fatalities: (incident) => ({ min: incident.fatalitiesMin, max: incident.fatalitiesMax }),
    injuries: (incident) => ({ min: incident.injuriesMin, max: incident.injuriesMax }),
    mergedInto: (incident, _args, { loaders }) => (incident.mergedIntoId ? loaders.incidentById.load(incident.mergedIntoId) : null),
    articles: (incident, args, { loaders }) => loaders.articlesOfIncident.load(incident.id, args),
    mentions: (incident, args, { loaders }) => loaders.mentionsOfIncident.load(incident.id, args),
  },
  IncidentMention: {
    // A mention is only reachable through its visible incident, and only when its article is
    // visible, so a null here means a broken invariant rather than "not found".
    incident: async (mention, _args, { loaders }) => {
      const incident = await loaders.incidentById.load(mention.incidentId);
      if (!incident) throw missing("incident");
      return incident;
    },
    article: async (mention, _args, { loaders }) => {
      const article = await loaders.articleById.load(mention.articleId);
      if (!article) throw missing("article");
      return article;
    },
    span: (mention) => ({ start: mention.start, end: mention.end, exact: mention.exact, prefix: mention.prefix, suffix: mention.suffix }),
  },
  Article: {
    incidents: (article, args, { loaders }) => loaders.incidentsOfArticle.load(article.id, args),
  },
};
