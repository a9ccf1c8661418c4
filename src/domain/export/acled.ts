import type { PrismaClient } from "../../db/index.js";
import type { Incident, Place } from "../../generated/prisma/client.js";
import type { DatePrecision, IncidentType } from "../../generated/prisma/enums.js";
import { ANONYMOUS_ACTOR } from "../../core/actor.js";
import { visibleIncidentMentions, visibleIncidents } from "../visibility/incidents.js";
import { DEFAULT_BATCH_SIZE } from "./batch.js";
import { isoDay } from "./schema-org.js";

// Incidents as an ACLED-style event table (Armed Conflict Location & Event Data: one row per
// event, its date with a precision code, type, actors, place, sources, notes and fatalities).

/** The columns of the table, in order. */
export const ACLED_COLUMNS = [
  "event_id",
  "event_date",
  "time_precision",
  "event_type",
  "sub_event_type",
  "actor1",
  "actor2",
  "country",
  "admin1",
  "location",
  "latitude",
  "longitude",
  "source",
  "notes",
  "fatalities",
] as const;

/** One row of the table; null is an empty cell. */
export type AcledRow = { readonly [Column in (typeof ACLED_COLUMNS)[number]]: Column extends "fatalities" ? number : Column extends "time_precision" | "latitude" | "longitude" ? number | null : string | null };

/**
 * ACLED's event type for each of ours, and the sub-event type used when the incident has none of
 * its own. ACLED's six types: Battles, Explosions/Remote violence, Violence against civilians,
 * Protests, Riots, Strategic developments (non-violent events that shape a conflict).
 */
export const ACLED_EVENT_TYPES: Record<IncidentType, { readonly eventType: string; readonly subEventType: string }> = {
  armed_clash: { eventType: "Battles", subEventType: "Armed clash" },
  explosion: { eventType: "Explosions/Remote violence", subEventType: "Remote explosive/landmine/IED" },
  attack: { eventType: "Violence against civilians", subEventType: "Attack" },
  protest: { eventType: "Protests", subEventType: "Peaceful protest" },
  riot: { eventType: "Riots", subEventType: "Violent demonstration" },
  arrest: { eventType: "Strategic developments", subEventType: "Arrests" },
  evacuation: { eventType: "Strategic developments", subEventType: "Other" },
  closure: { eventType: "Strategic developments", subEventType: "Other" },
  diplomatic_action: { eventType: "Strategic developments", subEventType: "Agreement" },
  other: { eventType: "Strategic developments", subEventType: "Other" },
};

/**
 * ACLED's time_precision: 1 the day is known, 2 the week, 3 the month. An incident whose precision
 * is UNKNOWN but which has a date gets 3, the coarsest ACLED has; with no date at all, none.
 */
const TIME_PRECISION: Record<DatePrecision, 1 | 2 | 3> = { DAY: 1, WEEK: 2, MONTH: 3, UNKNOWN: 3 };

/** What one row is made of: the incident, its place, and the outlets of the articles that report it. */
export interface AcledSource {
  readonly incident: Pick<Incident, "id" | "type" | "subType" | "summary" | "date" | "dateEarliest" | "dateLatest" | "datePrecision" | "attributedTo" | "fatalitiesMin">;
  readonly place: Pick<Place, "name" | "country" | "admin1" | "latitude" | "longitude"> | null;
  readonly outlets: readonly (string | null)[];
}

/** One incident as an ACLED row (pure). */
export function acledRow({ incident, place, outlets }: AcledSource): AcledRow {
  // The charts' day: the date, else the first day of a range known on both sides. A range known on
  // one side only ("no later than the story") gives no event_date: ACLED has no "before" precision.
  const date = incident.date ?? (incident.dateLatest ? incident.dateEarliest : null);
  const types = ACLED_EVENT_TYPES[incident.type];
  const sources = [...new Set(outlets.filter((outlet): outlet is string => Boolean(outlet?.trim())).map((outlet) => outlet.trim()))].sort();
  return {
    event_id: incident.id,
    event_date: date ? isoDay(date) : null,
    time_precision: date ? TIME_PRECISION[incident.datePrecision] : null,
    event_type: types.eventType,
    sub_event_type: incident.subType ?? types.subEventType,
    actor1: incident.attributedTo,
    // We record who caused an incident, not the other party, so ACLED's second actor stays empty.
    actor2: null,
    country: place?.country ?? null,
    admin1: place?.admin1 ?? null,
    location: place?.name ?? null,
    latitude: place?.latitude ?? null,
    longitude: place?.longitude ?? null,
    // ACLED separates several sources with "; ".
    source: sources.length > 0 ? sources.join("; ") : null,
    notes: incident.summary,
    fatalities: incident.fatalitiesMin ?? 0,
  };
}

/**
 * The public incident table, in id order (UUIDv7: creation order), read in keyset batches of
 * `batchSize` so memory stays flat however many incidents there are. The rule is what an
 * anonymous reader sees (visibleIncidents): accepted, not deleted, not merged away, reported by a
 * published article; sources only from published articles.
 */
export async function* acledRows(prisma: PrismaClient, batchSize = DEFAULT_BATCH_SIZE): AsyncGenerator<AcledRow> {
  const listed = visibleIncidents(ANONYMOUS_ACTOR);
  const reporting = visibleIncidentMentions(ANONYMOUS_ACTOR);
  let after: string | undefined;
  for (;;) {
    const batch = await prisma.incident.findMany({
      where: after === undefined ? listed : { AND: [listed, { id: { gt: after } }] },
      orderBy: { id: "asc" },
      take: batchSize,
      include: { place: true, mentions: { where: reporting, select: { article: { select: { outlet: true } } } } },
    });
    for (const incident of batch) {
      yield acledRow({ incident, place: incident.place, outlets: incident.mentions.map((mention) => mention.article.outlet) });
    }
    if (batch.length < batchSize) return;
    after = batch.at(-1)?.id;
  }
}
