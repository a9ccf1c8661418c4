import { GraphQLError } from "graphql";
import type { IncidentStatsFilter as IncidentStatsFilterArgument, QuoteStatsFilter as QuoteStatsFilterArgument, Resolvers } from "../../../generated/graphql.js";
import { ErrorCode } from "../../errors.js";
import { optionalGlobalId } from "../../ids.js";
import {
  annotationQueueCounts,
  incidentsByMonth,
  incidentsByPlace,
  quoteCountsByOrganization,
  quoteCountsBySpeaker,
  quoteVerificationCounts,
  type IncidentStatsFilter,
  type QuoteStatsFilter,
} from "../../../domain/dashboard/service.js";

/** An incident stats filter with its place id decoded (BAD_USER_INPUT naming a bad one). */
function incidentStatsFilterOf(filter: IncidentStatsFilterArgument): IncidentStatsFilter {
  return { ...filter, placeId: optionalGlobalId(filter.placeId, "Place", "filter.placeId") };
}

/** A quote stats filter with its ids decoded (BAD_USER_INPUT naming a bad one). */
function quoteStatsFilterOf(filter: QuoteStatsFilterArgument | null | undefined): QuoteStatsFilter | undefined {
  if (!filter) return undefined;
  return {
    ...filter,
    articleId: optionalGlobalId(filter.articleId, "Article", "filter.articleId"),
    speakerId: optionalGlobalId(filter.speakerId, "Person", "filter.speakerId"),
  };
}

/** Resolvers of the dashboard aggregates: parse arguments, call the service, load the entities through the loaders. */
export const dashboardResolvers: Resolvers = {
  Query: {
    quoteCountsBySpeaker: (_parent, args, { prisma, viewer }) => quoteCountsBySpeaker(prisma, viewer, args),
    quoteCountsByOrganization: (_parent, args, { prisma, viewer }) => quoteCountsByOrganization(prisma, viewer, args),
    incidentsByMonth: (_parent, { filter }, { prisma, viewer }) => incidentsByMonth(prisma, viewer, incidentStatsFilterOf(filter)),
    incidentsByPlace: (_parent, { filter, first }, { prisma, viewer }) => incidentsByPlace(prisma, viewer, filter ? incidentStatsFilterOf(filter) : undefined, first),
    annotationQueueCounts: (_parent, { articleId }, { prisma, viewer }) =>
      annotationQueueCounts(prisma, viewer, optionalGlobalId(articleId, "Article", "articleId")),
    quoteVerificationCounts: (_parent, { filter }, { prisma, viewer }) => quoteVerificationCounts(prisma, viewer, quoteStatsFilterOf(filter)),
  },
  SpeakerQuoteCount: {
    person: async ({ personId }, _args, { loaders }) => {
      const person = await loaders.personById.load(personId);
      // The count only includes visible speakers, so this means the person went away mid-request.
      if (!person) throw new GraphQLError("The speaker is not available.", { extensions: { code: ErrorCode.NOT_FOUND } });
      return person;
    },
  },
  OrganizationQuoteCount: {
    organization: async ({ organizationId }, _args, { loaders }) => {
      const organization = await loaders.organizationById.load(organizationId);
      // Organizations are never deleted by the API, so this means it went away mid-request.
      if (!organization) throw new GraphQLError("The organization is not available.", { extensions: { code: ErrorCode.NOT_FOUND } });
      return organization;
    },
  },
  IncidentPlaceBucket: {
    place: ({ placeId }, _args, { loaders }) => (placeId ? loaders.placeById.load(placeId) : null),
  },
};
