import type { GraphQLModule } from "../../module.js";
import { createPlaceLoaders, placeReference } from "../../../domain/places/loaders.js";
import { placeResolvers } from "./resolvers.js";

/** The places module of the API: SDL in ./schema.graphql, resolvers, guards, loaders. */
export const placesModule = {
  name: "places",
  resolvers: placeResolvers,
  guards: {},
  loaders: createPlaceLoaders,
  relations: { "Place.parent": placeReference("parentId") },
} satisfies GraphQLModule;
