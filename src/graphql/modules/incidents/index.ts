import type { GraphQLModule } from "../../module.js";
import { createIncidentLoaders } from "../../../domain/incidents/loaders.js";
import { incidentResolvers } from "./resolvers.js";

/** The incidents module of the API: SDL in ./schema.graphql, resolvers, guards, loaders. */
export const incidentsModule = {
  name: "incidents",
  resolvers: incidentResolvers,
  guards: {
    "Mutation.createIncident": "incident.create",
    "Mutation.updateIncident": "incident.update",
    "Mutation.linkIncidentToArticle": "incident.link",
    "Mutation.mergeIncidents": "incident.merge",
  },
  loaders: createIncidentLoaders,
} satisfies GraphQLModule;
