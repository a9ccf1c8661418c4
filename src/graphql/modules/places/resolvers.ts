import type { Resolvers } from "../../../generated/graphql.js";
import { expectGlobalId, toGlobalId } from "../../ids.js";
import { findPlace, listPlaces } from "../../../domain/places/service.js";

/** Resolvers of the places module: decode global ids, call the service or a loader, map the row. */
export const placeResolvers: Resolvers = {
  Query: {
    place: (_parent, { id }, { loaders }) => findPlace(loaders, expectGlobalId(id, "Place", "id")),
    places: (_parent, args, { prisma, loaders }) => listPlaces(prisma, loaders, args),
  },
  Place: {
    id: (place) => toGlobalId("Place", place.id),
    // Half a coordinate pair is no position on a map.
    coordinates: (place) =>
      place.latitude !== null && place.longitude !== null ? { latitude: place.latitude, longitude: place.longitude } : null,
    parent: (place, _args, { loaders }) => (place.parentId === null ? null : loaders.placeById.load(place.parentId)),
    incidents: (place, args, { loaders }) => loaders.incidentsOfPlace.load(place.id, args),
  },
};
