import type { GraphQLModule } from "../../module.js";
import { globalIdReader } from "../../ids.js";
import * as commands from "../../../domain/incidents/commands.js";
import { articlesOfIncidentRelation, createIncidentLoaders, incidentsOfArticleRelation, incidentsOfPlaceRelation } from "../../../domain/incidents/loaders.js";
import { placeReference } from "../../../domain/places/loaders.js";
import { fatalitiesReader, incidentResolvers, incidentsAnswerList, injuriesReader } from "./resolvers.js";

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
  relations: {
    "Article.incidents": incidentsOfArticleRelation,
    "Incident.articles": articlesOfIncidentRelation,
    "Incident.place": placeReference("placeId"),
    "Place.incidents": incidentsOfPlaceRelation,
  },
  lists: { "Query.incidents": incidentsAnswerList },
  readers: {
    "Incident.id": globalIdReader("Incident"),
    "Incident.fatalities": fatalitiesReader,
    "Incident.injuries": injuriesReader,
  },
} satisfies GraphQLModule;
