import type { GraphQLModule } from "../../module.js";
import { createIncident, linkIncidentToArticle, mergeIncidents, updateIncident } from "../../../domain/incidents/commands.js";
import { createIncidentLoaders } from "../../../domain/incidents/loaders.js";
import { incidentResolvers } from "./resolvers.js";

/** The incidents module of the API: SDL in ./schema.graphql, resolvers, guards, loaders. */
export const incidentsModule = {
  name: "incidents",
  resolvers: incidentResolvers,
  guards: {
    "Mutation.createIncident": createIncident.action,
    "Mutation.updateIncident": updateIncident.action,
    "Mutation.linkIncidentToArticle": linkIncidentToArticle.action,
    "Mutation.mergeIncidents": mergeIncidents.action,
  },
  loaders: createIncidentLoaders,
} satisfies GraphQLModule;
