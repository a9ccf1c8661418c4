import { GraphQLError } from "graphql";
import type { FieldReader, PlannedList } from "../../../core/plan.js";
import type { IncidentFilter as IncidentFilterArgument, Resolvers } from "../../../generated/graphql.js";
import { createIncident, linkIncidentToArticle, mergeIncidents, updateIncident } from "../../../domain/incidents/commands.js";
import { dayRange, findIncident, incidentsList, listIncidents, type IncidentFilter } from "../../../domain/incidents/service.js";
import { ErrorCode } from "../../errors.js";
import { expectGlobalId, optionalGlobalId, toGlobalId } from "../../ids.js";
import { inputId, mutationPayload, optionalInputId } from "../../payload.js";

/** A relation that must exist (the parent is only reachable through it) came back empty. */
function missing(what: string): GraphQLError {
  return new GraphQLError(`The ${what} is not available.`, { extensions: { code: ErrorCode.NOT_FOUND } });
}

/** The `incidents(filter:)` argument with its global ids decoded (BAD_USER_INPUT naming a bad one). */
function incidentFilterOf(filter: IncidentFilterArgument | null | undefined): IncidentFilter | undefined {
  if (!filter) return undefined;
  return { ...filter, placeId: optionalGlobalId(filter.placeId, "Place", "filter.placeId") };
}

/**
 * `Query.incidents` for answers built in SQL (src/graphql/answer.ts): the domain's list, its filter
 * with the global ids decoded as the resolver decodes them; a bad id leaves the query to the
 * resolver, which gives the client the error.
 */
export const incidentsAnswerList: PlannedList = {
  ...incidentsList,
  readFor: (args) => {
    let filter: IncidentFilter | undefined;
    try {
      filter = incidentFilterOf(args["filter"] as IncidentFilterArgument | null | undefined);
    } catch (error) {
      if (error instanceof GraphQLError) return null;
      throw error;
    }
    return incidentsList.readFor({ ...args, filter });
  },
};

/** A casualty range of an incident as the API gives it (IntRange). */
function casualtyRange(min: number | null, max: number | null): { min: number | null; max: number | null } {
  return { min, max };
}

/** The same range read from a row, for answers built in SQL (src/graphql/answer.ts). */
function rangeReader(min: "fatalitiesMin" | "injuriesMin", max: "fatalitiesMax" | "injuriesMax"): FieldReader {
  return { columns: [min, max], read: (row) => casualtyRange(row[min] as number | null, row[max] as number | null) };
}
export const fatalitiesReader = rangeReader("fatalitiesMin", "fatalitiesMax");
export const injuriesReader = rangeReader("injuriesMin", "injuriesMax");

/** Resolvers of the incidents module: decode global ids, call the domain, map the result. */
export const incidentResolvers: Resolvers = {
  Query: {
    incident: (_parent, { id }, { loaders }) => findIncident(loaders, expectGlobalId(id, "Incident", "id")),
    incidents: (_parent, args, { prisma, viewer, loaders }) => listIncidents(prisma, viewer, loaders, { ...args, filter: incidentFilterOf(args.filter) }),
  },
  Mutation: {
    createIncident: (_parent, { input }, context) =>
      mutationPayload("incident", () => createIncident(context, { ...input, placeId: optionalInputId(input.placeId, "Place", "input.placeId") })),
    updateIncident: (_parent, { input }, context) =>
      mutationPayload("incident", () =>
        updateIncident(context, {
          ...input,
          id: inputId(input.id, "Incident", "input.id"),
          // null clears the place: kept as null (optionalInputId would make it "left out").
          placeId: input.placeId === null ? null : optionalInputId(input.placeId, "Place", "input.placeId"),
        }),
      ),
    linkIncidentToArticle: async (_parent, { input }, context) => {
      const payload = await mutationPayload("result", () =>
        linkIncidentToArticle(context, {
          ...input,
          incidentId: inputId(input.incidentId, "Incident", "input.incidentId"),
          articleId: inputId(input.articleId, "Article", "input.articleId"),
        }),
      );
      return { mention: payload.result?.mention ?? null, incident: payload.result?.incident ?? null, errors: payload.errors };
    },
    mergeIncidents: async (_parent, { input }, context) => {
      const payload = await mutationPayload("result", () =>
        mergeIncidents(context, {
          ...input,
          sourceId: inputId(input.sourceId, "Incident", "input.sourceId"),
          targetId: inputId(input.targetId, "Incident", "input.targetId"),
        }),
      );
      return { incident: payload.result?.incident ?? null, source: payload.result?.source ?? null, errors: payload.errors };
    },
  },
  Incident: {
    id: (incident) => toGlobalId("Incident", incident.id),
    dateRange: (incident) => dayRange(incident),
    place: (incident, _args, { loaders }) => (incident.placeId ? loaders.placeById.load(incident.placeId) : null),
    fatalities: (incident) => casualtyRange(incident.fatalitiesMin, incident.fatalitiesMax),
    injuries: (incident) => casualtyRange(incident.injuriesMin, incident.injuriesMax),
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
