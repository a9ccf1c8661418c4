import { Prisma, type PrismaClient } from "../../db/index.js";
import type { Incident } from "../../generated/prisma/client.js";
import { WITHOUT_BODY, type ArticleRecord } from "../articles/record.js";
import { byIdLoader, RelationConnectionLoader } from "../../core/loaders.js";
import type { Actor } from "../../core/actor.js";
import { articleKeyset } from "../articles/keysets.js";
import { incidentMentionKeyset, newestIncidentsKeyset } from "./keysets.js";
import type { PlannedConnection } from "../../core/plan.js";
import { resolvableIncidents, visibleIncidentMentions, visibleIncidentMentionsSql, visibleIncidents, visibleIncidentsSql } from "../visibility/incidents.js";

/** Newest first, the order of an incident's articles. */
const newestArticlesKeyset = articleKeyset("PUBLISHED_AT", "DESC");

/**
 * Keeps the first occurrence of every row (rows arrive in keyset order, so the survivors keep it)
 * and cuts the list to `take` rows (the page and the one that tells whether more follow).
 */
function distinctWindow<Row extends { readonly id: string }>(rows: readonly Row[], take: number): Row[] {
  const seen = new Set<string>();
  const kept: Row[] = [];
  for (const row of rows) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    kept.push(row);
    if (kept.length >= take) break;
  }
  return kept;
}

/** Number of distinct values of `valueOf` per `keyOf` (distinct incidents per article and the reverse). */
function distinctCounts<Row>(rows: readonly Row[], keyOf: (row: Row) => string, valueOf: (row: Row) => string): Map<string, number> {
  const sets = new Map<string, Set<string>>();
  for (const row of rows) {
    const key = keyOf(row);
    const set = sets.get(key) ?? new Set<string>();
    set.add(valueOf(row));
    sets.set(key, set);
  }
  return new Map([...sets].map(([key, set]) => [key, set.size]));
}

/**
 * Per-request loaders of the incidents module, visibility applied: incidents by id, and the
 * nested connections (an incident's articles and mentions, an article's incidents), each one
 * statement per batch of parents.
 */
export function createIncidentLoaders(prisma: PrismaClient, viewer: Actor) {
  const listed = visibleIncidents(viewer);
  const mentionRule = visibleIncidentMentions(viewer);

  return {
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

    /** An incident by id; merged records resolve too (lists leave them out). */
    incidentById: byIdLoader<Incident>((ids) => prisma.incident.findMany({ where: { id: { in: ids }, ...resolvableIncidents(viewer) } })),

    /**
     * The incidents an article reports. An article can report one incident in several spans,
     * so a per-parent SQL LIMIT on the spans could cut a page short; an article reports few
     * incidents, so one statement fetches every visible span beyond the cursor (ordered by its
     * incident in the keyset order, the cursor condition applied in SQL), and the page is
     * deduplicated and cut in memory.
     */
    incidentsOfArticle: new RelationConnectionLoader({
      keyset: newestIncidentsKeyset,
      defaultSize: 20,
      fetchPages: async (articleIds, window) => {
        const rows = await prisma.article.findMany({
          relationLoadStrategy: "join",
          where: { id: { in: articleIds } },
          select: {
            id: true,
            incidentMentions: {
              where: { AND: [mentionRule, { incident: { is: { AND: [listed, window.where] } } }] },
              orderBy: window.orderBy.map((order) => ({ incident: order })),
              select: { incident: true },
            },
          },
        });
        return new Map(rows.map((row) => [row.id, distinctWindow(row.incidentMentions.map((mention) => mention.incident), window.take)]));
      },
      fetchCounts: async (articleIds) => {
        const rows = await prisma.incidentMention.findMany({
          where: { AND: [mentionRule, { articleId: { in: articleIds }, incident: { is: listed } }] },
          select: { articleId: true, incidentId: true },
        });
        return distinctCounts(rows, (row) => row.articleId, (row) => row.incidentId);
      },
    }),

    /**
     * The visible articles that report an incident, newest first. Same shape as
     * `incidentsOfArticle` (and for the same reason): the few articles that report one incident
     * come in one statement, deduplicated and cut in memory.
     */
    articlesOfIncident: new RelationConnectionLoader({
      keyset: newestArticlesKeyset,
      defaultSize: 20,
      fetchPages: async (incidentIds, window) => {
        const rows = await prisma.incident.findMany({
          relationLoadStrategy: "join",
          where: { id: { in: incidentIds } },
          select: {
            id: true,
            mentions: {
              where: { AND: [mentionRule, { article: { is: window.where } }] },
              orderBy: window.orderBy.map((order) => ({ article: order })),
              select: { article: { omit: WITHOUT_BODY } },
            },
          },
        });
        return new Map(rows.map((row) => [row.id, distinctWindow<ArticleRecord>(row.mentions.map((mention) => mention.article), window.take)]));
      },
      fetchCounts: async (incidentIds) => {
        const rows = await prisma.incidentMention.findMany({
          where: { incidentId: { in: incidentIds }, ...mentionRule },
          select: { incidentId: true, articleId: true },
        });
        return distinctCounts(rows, (row) => row.incidentId, (row) => row.articleId);
      },
    }),

    /** The visible spans that report an incident: a per-parent LIMIT in SQL (one span is one row). */
    mentionsOfIncident: new RelationConnectionLoader({
      keyset: incidentMentionKeyset,
      defaultSize: 20,
      fetchPages: async (incidentIds, window) => {
        const rows = await prisma.incident.findMany({
          relationLoadStrategy: "join",
          where: { id: { in: incidentIds } },
          select: { id: true, mentions: { where: { AND: [mentionRule, window.where] }, orderBy: window.orderBy, take: window.take } },
        });
        return new Map(rows.map((row) => [row.id, row.mentions]));
      },
      fetchCounts: async (incidentIds) => {
        const rows = await prisma.incident.findMany({
          where: { id: { in: incidentIds } },
          select: { id: true, _count: { select: { mentions: { where: mentionRule } } } },
        });
        return new Map(rows.map((row) => [row.id, row._count.mentions]));
      },
    }),
  };
}

/** The loaders of the incidents module, as domain functions that batch through them name them. */
export type IncidentLoaders = ReturnType<typeof createIncidentLoaders>;

/**
 * The incidents an article reports, for the read planner: the rows `incidentsOfArticle` pages
 * (listed incidents with at least one visible span in the article), each once.
 */
export const incidentsOfArticleRelation: PlannedConnection<IncidentLoaders> = {
  kind: "connection",
  model: "Incident",
  from: (viewer, row, article) => {
    const incident = Prisma.raw(`"${row}"`);
    const parent = Prisma.raw(`"${article}"`);
    return Prisma.sql`FROM "Incident" ${incident} WHERE ${visibleIncidentsSql(viewer, row)} AND EXISTS (
      SELECT 1 FROM "IncidentMention" m JOIN "Article" ma ON ma."id" = m."articleId"
      WHERE m."incidentId" = ${incident}."id" AND m."articleId" = ${parent}."id" AND ${visibleIncidentMentionsSql(viewer, "m", "ma")})`;
  },
  connection: (loaders) => loaders.incidentsOfArticle,
};

/** A place's listed incidents, newest first, for the read planner: the rows `incidentsOfPlace` pages. */
export const incidentsOfPlaceRelation: PlannedConnection<IncidentLoaders> = {
  kind: "connection",
  model: "Incident",
  from: (viewer, row, place) =>
    Prisma.sql`FROM "Incident" ${Prisma.raw(`"${row}"`)} WHERE ${Prisma.raw(`"${row}"."placeId" = "${place}"."id"`)} AND ${visibleIncidentsSql(viewer, row)}`,
  connection: (loaders) => loaders.incidentsOfPlace,
};

/**
 * The visible articles that report an incident, newest first, for the read planner: the rows
 * `articlesOfIncident` pages (an article with at least one visible span of the incident), each
 * once and without its body.
 */
export const articlesOfIncidentRelation: PlannedConnection<IncidentLoaders> = {
  kind: "connection",
  model: "Article",
  omit: Object.keys(WITHOUT_BODY),
  from: (viewer, row, incident) => {
    const article = Prisma.raw(`"${row}"`);
    return Prisma.sql`FROM "Article" ${article} WHERE EXISTS (
      SELECT 1 FROM "IncidentMention" m
      WHERE m."articleId" = ${article}."id" AND m."incidentId" = ${Prisma.raw(`"${incident}"`)}."id" AND ${visibleIncidentMentionsSql(viewer, "m", row)})`;
  },
  connection: (loaders) => loaders.articlesOfIncident,
};
