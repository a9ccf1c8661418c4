import type { PrismaClient } from "../../db/index.js";
import type { Place } from "../../generated/prisma/client.js";
import { byIdLoader, RelationConnectionLoader } from "../../core/loaders.js";
import type { Actor } from "../../core/actor.js";
import { newestIncidentsKeyset } from "../incidents/keysets.js";
import { visibleIncidents } from "../incidents/visibility.js";

/**
 * Per-request loaders of the places module: places by id (places have no visibility rule of
 * their own) and each place's incidents, newest first, one statement per batch of places.
 */
export function createPlaceLoaders(prisma: PrismaClient, viewer: Actor) {
  const listed = visibleIncidents(viewer);
  return {
    /** A place by id (node(id), Incident.place, EntityMention.entity). */
    placeById: byIdLoader<Place>((ids) => prisma.place.findMany({ where: { id: { in: ids } } })),

    /** A place's visible, unmerged incidents, newest first (per-place LIMIT in SQL). */
    incidentsOfPlace: new RelationConnectionLoader({
      keyset: newestIncidentsKeyset,
      defaultSize: 20,
      fetchPages: async (placeIds, window) => {
        const rows = await prisma.place.findMany({
          relationLoadStrategy: "join",
          where: { id: { in: placeIds } },
          select: { id: true, incidents: { where: { AND: [listed, window.where] }, orderBy: window.orderBy, take: window.take } },
        });
        return new Map(rows.map((row) => [row.id, row.incidents]));
      },
      fetchCounts: async (placeIds) => {
        const rows = await prisma.place.findMany({
          where: { id: { in: placeIds } },
          select: { id: true, _count: { select: { incidents: { where: listed } } } },
        });
        return new Map(rows.map((row) => [row.id, row._count.incidents]));
      },
    }),
  };
}

/** The loaders of the places module, as domain functions that batch through them name them. */
export type PlaceLoaders = ReturnType<typeof createPlaceLoaders>;
