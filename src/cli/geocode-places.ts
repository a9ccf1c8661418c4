import { withDatabase, type Work } from "./command.js";

/** Usage lines of `geocode-places`. */
export const GEOCODE_PLACES_USAGE = `  geocode-places    give the places ingest stored without a position their kind, country and
                    coordinates from the gazetteer (once, after upgrading; ingest does it since)`;

/** `geocode-places`: the one-off geocoding of places stored before ingest geocoded. */
export function geocodePlacesCommand(): Work {
  return () =>
    withDatabase(async (database) => {
      const { geocodeStoredPlaces, geocodeSummaryLine } = await import("../domain/ingest/geocode-places.js");
      process.stdout.write(`${geocodeSummaryLine(await geocodeStoredPlaces(database.prisma))}\n`);
      return 0;
    });
}
