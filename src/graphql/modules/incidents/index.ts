import type { GraphQLModule } from "../../module.js";
import * as commands from "../../../domain/incidents/commands.js";
import { createIncidentLoaders } from "../../../domain/incidents/loaders.js";
import { incidentResolvers } from "./resolvers.js";

/** The incidents module of the API: SDL in ./schema.graphql, resolvers, guards, loaders. */
export const incidentsModule = {
  name: "incidents",
  resolvers: incidentResolvers,
  guards: {
    "Mutation.createIncident": commands.createIncident.action,
    "Mutation.updateIncident": commands.updateIncident.action,
    "Mutation.linkIncidentToArticle": commands.linkIncidentToArticle.action,
    "Mutation.mergeIncidents": commands.mergeIncidents.action,
  },
  loaders: createIncidentLoaders,
} satisfies GraphQLModule;
