import type { Prisma } from "../../db/index.js";
import type { Incident, IncidentMention } from "../../generated/prisma/client.js";
import { Keyset, type SortDirection } from "../../core/paging.js";

/** What incidents can be sorted by. */
export type IncidentOrderField = "DATE" | "FATALITIES" | "CREATED_AT";

/** A keyset over incidents. */
export type IncidentKeyset = Keyset<Incident, Prisma.IncidentWhereInput, Prisma.IncidentOrderByWithRelationInput>;

/**
 * The orderings `incidents(orderBy:)` offers, each ending on the id so positions are unique. Each
 * field and direction has its own cursor name, so a cursor of one ordering is refused by another.
 *
 * DATE sorts on `date` and then on `dateEarliest`: an incident known only by a range ("last
 * week") has no `date`, so it comes after the dated ones (undated last, as the SDL says), but
 * among those the ones with a known range come in date order before the wholly undated ones.
 */
export function incidentKeyset(field: IncidentOrderField = "DATE", direction: SortDirection = "DESC"): IncidentKeyset {
  const sort = direction === "ASC" ? "asc" : "desc";
  const id = { field: "id", direction: sort, type: "uuid", value: (incident: Incident) => incident.id } as const;
  switch (field) {
    case "DATE":
      return new Keyset(`incidents:date:${sort}`, [
        { field: "date", direction: sort, type: "date", nullable: true, value: (incident) => incident.date },
        { field: "dateEarliest", direction: sort, type: "date", nullable: true, value: (incident) => incident.dateEarliest },
        id,
      ]);
    case "FATALITIES":
      return new Keyset(`incidents:fatalities:${sort}`, [
        { field: "fatalitiesMin", direction: sort, type: "number", nullable: true, value: (incident) => incident.fatalitiesMin },
        id,
      ]);
    case "CREATED_AT":
      return new Keyset(`incidents:created:${sort}`, [
        { field: "createdAt", direction: sort, type: "date", value: (incident) => incident.createdAt },
        id,
      ]);
  }
}

/** Newest first: the order of a place's and an article's incidents. */
export const newestIncidentsKeyset = incidentKeyset("DATE", "DESC");

/** Spans reporting an incident: grouped by article (in the order the articles were added), then in reading order. */
export const incidentMentionKeyset = new Keyset<IncidentMention, Prisma.IncidentMentionWhereInput, Prisma.IncidentMentionOrderByWithRelationInput>(
  "incidentMentions:article-start:asc",
  [
    { field: "articleId", direction: "asc", type: "uuid", value: (mention) => mention.articleId },
    { field: "start", direction: "asc", type: "number", value: (mention) => mention.start },
    { field: "id", direction: "asc", type: "uuid", value: (mention) => mention.id },
  ],
);
