import type { PrismaClient } from "../../db/index.js";
import type { Place } from "../../generated/prisma/client.js";
import { byIdLoader } from "../../core/loaders.js";
import type { Actor } from "../../core/actor.js";
import type { PlannedReference } from "../../core/plan.js";

/**
 * Per-request loaders of the places module: places by id (places have no visibility rule of
 * their own). A place's incidents are the incidents module's (incidentsOfPlace).
 */
export function createPlaceLoaders(prisma: PrismaClient, _viewer: Actor) {
  return {
    /** A place by id (node(id), Incident.place, EntityMention.entity). */
    placeById: byIdLoader<Place>((ids) => prisma.place.findMany({ where: { id: { in: ids } } })),
  };
}

/** The loaders of the places module, as domain functions that batch through them name them. */
export type PlaceLoaders = ReturnType<typeof createPlaceLoaders>;

/** A place through a foreign key of the parent (an incident's place, a site's city), for the read planner: primes `placeById`. */
export function placeReference(foreignKey: string): PlannedReference<PlaceLoaders> {
  return { kind: "reference", model: "Place", foreignKey, byId: (loaders) => loaders.placeById };
}
