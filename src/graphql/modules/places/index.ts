import type { GraphQLModule } from "../../module.js";
import { globalIdReader } from "../../ids.js";
import { createPlaceLoaders, placeReference } from "../../../domain/places/loaders.js";
import { coordinatesReader, placeResolvers } from "./resolvers.js";

/** The places module of the API: SDL in ./schema.graphql, resolvers, guards, loaders. */
export const placesModule = {
  name: "places",
  resolvers: placeResolvers,
  guards: {},
  loaders: createPlaceLoaders,
  relations: { "Place.parent": placeReference("parentId") },
  readers: { "Place.id": globalIdReader("Place"), "Place.coordinates": coordinatesReader },
} satisfies GraphQLModule;
