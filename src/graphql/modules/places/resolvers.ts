import type { Resolvers } from "../../../generated/graphql.js";
import type { FieldReader } from "../../../core/plan.js";
import { expectGlobalId, toGlobalId } from "../../ids.js";
import { findPlace, listPlaces } from "../../../domain/places/service.js";

/** A place's position as the API gives it: half a coordinate pair is no position on a map. */
function coordinatesOf(latitude: number | null, longitude: number | null): { latitude: number; longitude: number } | null {
  return latitude !== null && longitude !== null ? { latitude, longitude } : null;
}

/** `Place.coordinates` read from a row, for answers built in SQL (src/graphql/answer.ts). */
export const coordinatesReader: FieldReader = {
  columns: ["latitude", "longitude"],
  read: (row) => coordinatesOf(row["latitude"] as number | null, row["longitude"] as number | null),
};

/** Resolvers of the places module: decode global ids, call the service or a loader, map the row. */
export const placeResolvers: Resolvers = {
  Query: {
    place: (_parent, { id }, { loaders }) => findPlace(loaders, expectGlobalId(id, "Place", "id")),
    places: (_parent, args, { prisma, loaders }) => listPlaces(prisma, loaders, args),
  },
  Place: {
    id: (place) => toGlobalId("Place", place.id),
    coordinates: (place) => coordinatesOf(place.latitude, place.longitude),
    parent: (place, _args, { loaders }) => (place.parentId === null ? null : loaders.placeById.load(place.parentId)),
    incidents: (place, args, { loaders }) => loaders.incidentsOfPlace.load(place.id, args),
  },
};
