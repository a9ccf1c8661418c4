import { GraphQLError } from "graphql";
import type { Resolvers } from "../../../generated/graphql.js";
import { ErrorCode } from "../../errors.js";
import {
  annotationQueueCounts,
  incidentsByMonth,
  incidentsByPlace,
  quoteCountsByOrganization,
  quoteCountsBySpeaker,
  quoteVerificationCounts,
} from "../../../domain/dashboard/service.js";

/** Resolvers of the dashboard aggregates: parse arguments, call the service, load the entities through the loaders. */
export const dashboardResolvers: Resolvers = {
  Query: {
    quoteCountsBySpeaker: (_parent, args, { prisma, viewer }) => quoteCountsBySpeaker(prisma, viewer, args),
    quoteCountsByOrganization: (_parent, args, { prisma, viewer }) => quoteCountsByOrganization(prisma, viewer, args),
    incidentsByMonth: (_parent, { filter }, { prisma, viewer }) => incidentsByMonth(prisma, viewer, filter),
    incidentsByPlace: (_parent, { filter, first }, { prisma, viewer }) => incidentsByPlace(prisma, viewer, filter, first),
    annotationQueueCounts: (_parent, { articleId }, { prisma, viewer }) => annotationQueueCounts(prisma, viewer, articleId),
    quoteVerificationCounts: (_parent, { filter }, { prisma, viewer }) => quoteVerificationCounts(prisma, viewer, filter),
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
