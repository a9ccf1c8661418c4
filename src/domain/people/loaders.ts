import { Prisma, type PrismaClient } from "../../db/index.js";
import type { ArticleRecord } from "../articles/record.js";
import { byIdLoader, childrenLoader, countLoader, RelationConnectionLoader } from "../../core/loaders.js";
import type { Actor } from "../../core/actor.js";
import { visibleReviewStatuses } from "../../core/policy.js";
import { articleKeyset } from "../articles/keysets.js";
import { articleRecordColumnsSql } from "../articles/record.js";
import { visibleArticlesSql } from "../visibility/articles.js";
import { enumIn } from "../visibility/enum-sql.js";
import { visibleQuotes, visibleQuotesSql } from "../visibility/quotes.js";
import { personNameKeyset, personRoleKeyset } from "./keysets.js";
import type { PlannedReference } from "../../core/plan.js";
import { listedPeople, visiblePeople, visiblePeopleSql } from "../visibility/people.js";

/** Newest first, the articles ordering a person's articles use (cursors interchangeable with `articles`). */
const personArticlesKeyset = articleKeyset("PUBLISHED_AT", "DESC");

/**
 * SQL condition "article `a` quotes or mentions the person in column p.id", with the same
 * visibility rules as everywhere else.
 */
function quotesOrMentions(viewer: Actor): Prisma.Sql {
  return Prisma.sql`(
    EXISTS (SELECT 1 FROM "Quote" q WHERE q."articleId" = a."id" AND q."speakerId" = p."id" AND ${visibleQuotesSql(viewer, "q", "a")})
    OR EXISTS (SELECT 1 FROM "EntityMention" m WHERE m."articleId" = a."id" AND m."personId" = p."id"
      AND ${enumIn(Prisma.sql`m."reviewStatus"`, visibleReviewStatuses(viewer), "ReviewStatus")}))`;
}

/** Per-request loaders of the people module: people, their aliases, roles, quote counts and articles, and organizations. */
export function createPeopleLoaders(prisma: PrismaClient, viewer: Actor) {
  const visible = visiblePeople(viewer);
  const quoteVisible = visibleQuotes(viewer);
  return {
    personById: byIdLoader((ids) => prisma.person.findMany({ where: { id: { in: ids }, ...visible } })),
    organizationById: byIdLoader((ids) => prisma.organization.findMany({ where: { id: { in: ids } } })),
    aliasesByPerson: childrenLoader(
      (personIds) =>
        prisma.personAlias.findMany({
          where: { personId: { in: personIds } },
          orderBy: [{ personId: "asc" }, { createdAt: "asc" }, { alias: "asc" }],
          select: { personId: true, alias: true },
        }),
      (row) => row.personId,
    ),
    rolesOfPerson: new RelationConnectionLoader({
      keyset: personRoleKeyset,
      defaultSize: 20,
      fetchPages: async (personIds, window) => {
        const rows = await prisma.person.findMany({
          relationLoadStrategy: "join",
          where: { id: { in: personIds } },
          select: { id: true, roles: { where: window.where, orderBy: window.orderBy, take: window.take } },
        });
        return new Map(rows.map((row) => [row.id, row.roles]));
      },
      fetchCounts: async (personIds) => {
        const rows = await prisma.person.findMany({ where: { id: { in: personIds } }, select: { id: true, _count: { select: { roles: true } } } });
        return new Map(rows.map((row) => [row.id, row._count.roles]));
      },
    }),
    quoteCountOfPerson: countLoader(async (personIds) => {
      const rows = await prisma.person.findMany({
        where: { id: { in: personIds } },
        select: { id: true, _count: { select: { quotes: { where: quoteVisible } } } },
      });
      return new Map(rows.map((row) => [row.id, row._count.quotes]));
    }),
    peopleOfOrganization: new RelationConnectionLoader({
      keyset: personNameKeyset,
      defaultSize: 20,
      fetchPages: async (organizationIds, window) => {
        const rows = await prisma.organization.findMany({
          relationLoadStrategy: "join",
          where: { id: { in: organizationIds } },
          select: { id: true, people: { where: { AND: [listedPeople(viewer), window.where] }, orderBy: window.orderBy, take: window.take } },
        });
        return new Map(rows.map((row) => [row.id, row.people]));
      },
      fetchCounts: async (organizationIds) => {
        const rows = await prisma.organization.findMany({
          where: { id: { in: organizationIds } },
          select: { id: true, _count: { select: { people: { where: listedPeople(viewer) } } } },
        });
        return new Map(rows.map((row) => [row.id, row._count.people]));
      },
    }),
    /**
     * Articles that quote or mention each person. There is no Prisma relation from a person to
     * articles, so one LATERAL query reads the page of articles of every person in the batch
     * (LIMIT per person in SQL): one statement per batch of people.
     */
    articlesOfPerson: new RelationConnectionLoader({
          keyset: personArticlesKeyset,
          defaultSize: 20,
          fetchPages: async (personIds, window) => {
            const rows = await prisma.$queryRaw<(ArticleRecord & { personId: string })[]>`
              SELECT p."id"::text AS "personId", x.*
              FROM "Person" p CROSS JOIN LATERAL (
                SELECT ${articleRecordColumnsSql("a")} FROM "Article" a
                WHERE ${visibleArticlesSql(viewer, "a")} AND ${quotesOrMentions(viewer)} AND ${personArticlesKeyset.afterSql(window.after, "a")}
                ORDER BY ${personArticlesKeyset.orderSql("a")} LIMIT ${window.take}
              ) x
              WHERE p."id" = ANY(${personIds}::uuid[])
              ORDER BY p."id", x."publishedAt" DESC NULLS LAST, x."id" DESC`;
            const pages = new Map<string, ArticleRecord[]>();
            for (const { personId, ...article } of rows) pages.set(personId, [...(pages.get(personId) ?? []), article]);
            return pages;
          },
          fetchCounts: async (personIds) => {
            const rows = await prisma.$queryRaw<{ personId: string; total: number }[]>`
              SELECT p."id"::text AS "personId",
                (SELECT count(*)::int FROM "Article" a WHERE ${visibleArticlesSql(viewer, "a")} AND ${quotesOrMentions(viewer)}) AS total
              FROM "Person" p WHERE p."id" = ANY(${personIds}::uuid[])`;
            return new Map(rows.map((row) => [row.personId, row.total]));
          },
    }),
  };
}

/** The loaders of the people module, as domain functions that batch through them name them. */
export type PeopleLoaders = ReturnType<typeof createPeopleLoaders>;

/** A person through a foreign key of the parent (a quote's speaker), for the read planner: primes `personById`, visibility applied. */
export function personReference(foreignKey: string): PlannedReference<PeopleLoaders> {
  return { kind: "reference", model: "Person", foreignKey, visible: visiblePeopleSql, byId: (loaders) => loaders.personById };
}

/** An organization through a foreign key of the parent (a person's, a quote's speaking organization), for the read planner. */
export function organizationReference(foreignKey: string): PlannedReference<PeopleLoaders> {
  return { kind: "reference", model: "Organization", foreignKey, byId: (loaders) => loaders.organizationById };
}
