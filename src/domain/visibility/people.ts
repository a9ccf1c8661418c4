import { Prisma } from "../../db/index.js";
import { enumIn } from "./enum-sql.js";
import type { Actor } from "../../core/actor.js";
import { may, visibleReviewStatuses } from "../../core/policy.js";
import { visibleArticles, visibleArticlesSql } from "./articles.js";
import { visibleQuotes, visibleQuotesSql } from "./quotes.js";

/** How far a merged record's chain is followed to its survivor (the merge mutations keep merges flat; older data may hold a chain). */
const MERGE_HOPS = 3;

/** The person record itself: not deleted, a visible review status. */
function personRecord(viewer: Actor): Prisma.PersonWhereInput {
  return { deletedAt: null, reviewStatus: { in: visibleReviewStatuses(viewer) } };
}

/** A mention the viewer may see, whatever it names: a visible review status, in a visible article. */
function mentionInVisibleArticle(viewer: Actor): Prisma.EntityMentionWhereInput {
  return { reviewStatus: { in: visibleReviewStatuses(viewer) }, article: visibleArticles(viewer) };
}

/**
 * What makes a person public for those who may not read unpublished work: a quote of theirs or
 * a mention of them that the viewer may see (so in a published article). Null for those who may
 * (reporters and above), who see people nothing refers to yet: an editor creates a person, then
 * links them. Issue 21: people only drafts referred to were public.
 */
function referencedPeople(viewer: Actor): Prisma.PersonWhereInput | null {
  if (may(viewer, "article.readUnpublished")) return null;
  return { OR: [{ quotes: { some: visibleQuotes(viewer) } }, { mentions: { some: mentionInVisibleArticle(viewer) } }] };
}

/**
 * The one rule for which people a viewer may see: not deleted, a visible review status, and for
 * those who may not read unpublished work, referred to by published work (or merged into a
 * person who is: a merge moves the quotes and mentions to the survivor). Merged records stay
 * resolvable by id (to their target) but are left out of lists: see {@link listedPeople}.
 */
export function visiblePeople(viewer: Actor): Prisma.PersonWhereInput {
  const referenced = referencedPeople(viewer);
  if (!referenced) return personRecord(viewer);
  let survivor: Prisma.PersonWhereInput = referenced;
  for (let hop = 0; hop < MERGE_HOPS; hop += 1) survivor = { OR: [referenced, { mergedInto: { is: survivor } }] };
  return { ...personRecord(viewer), ...survivor };
}

/** People a list shows: visible and not merged into another record. */
export function listedPeople(viewer: Actor): Prisma.PersonWhereInput {
  const referenced = referencedPeople(viewer);
  return { ...personRecord(viewer), mergedIntoId: null, ...(referenced ? { AND: [referenced] } : {}) };
}

/** The record's own rule in SQL over the "Person" row aliased `alias`. */
function personRecordSql(viewer: Actor, alias: string): Prisma.Sql {
  const table = Prisma.raw(`"${alias}"`);
  return Prisma.sql`${table}."deletedAt" IS NULL AND ${enumIn(Prisma.sql`${table}."reviewStatus"`, visibleReviewStatuses(viewer), "ReviewStatus")}`;
}

/** {@link referencedPeople} in SQL over the "Person" row aliased `alias`. */
function referencedPeopleSql(viewer: Actor, alias: string): Prisma.Sql {
  const table = Prisma.raw(`"${alias}"`);
  // Aliases of the subqueries are derived from `alias`, so they cannot clash with the caller's.
  const [quote, mention, article] = [`${alias}_quote`, `${alias}_mention`, `${alias}_article`];
  const [q, m, a] = [quote, mention, article].map((name) => Prisma.raw(`"${name}"`));
  return Prisma.sql`(
    EXISTS (SELECT 1 FROM "Quote" ${q} JOIN "Article" ${a} ON ${a}."id" = ${q}."articleId"
            WHERE ${q}."speakerId" = ${table}."id" AND ${visibleQuotesSql(viewer, quote, article)})
    OR EXISTS (SELECT 1 FROM "EntityMention" ${m} JOIN "Article" ${a} ON ${a}."id" = ${m}."articleId"
               WHERE ${m}."personId" = ${table}."id" AND ${enumIn(Prisma.sql`${m}."reviewStatus"`, visibleReviewStatuses(viewer), "ReviewStatus")}
               AND ${visibleArticlesSql(viewer, article)}))`;
}

/** The same rule as {@link visiblePeople} for raw SQL over the "Person" row aliased `alias` (the read planner). */
export function visiblePeopleSql(viewer: Actor, alias: string): Prisma.Sql {
  const record = personRecordSql(viewer, alias);
  if (may(viewer, "article.readUnpublished")) return record;
  // The survivor chain of visiblePeople: referenced, or merged into one that is, up to MERGE_HOPS.
  const survivorSql = (row: string, hops: number): Prisma.Sql => {
    if (hops === 0) return referencedPeopleSql(viewer, row);
    const target = `${row}_into`;
    return Prisma.sql`(${referencedPeopleSql(viewer, row)} OR EXISTS (SELECT 1 FROM "Person" ${Prisma.raw(`"${target}"`)}
      WHERE ${Prisma.raw(`"${target}"."id" = "${row}"."mergedIntoId"`)} AND ${survivorSql(target, hops - 1)}))`;
  };
  return Prisma.sql`${record} AND ${survivorSql(alias, MERGE_HOPS)}`;
}

/** The same rule as {@link listedPeople} for raw SQL over the "Person" row aliased `alias`. */
export function listedPeopleSql(viewer: Actor, alias: string): Prisma.Sql {
  const record = Prisma.sql`${personRecordSql(viewer, alias)} AND ${Prisma.raw(`"${alias}"."mergedIntoId"`)} IS NULL`;
  if (may(viewer, "article.readUnpublished")) return record;
  return Prisma.sql`${record} AND ${referencedPeopleSql(viewer, alias)}`;
}

/**
 * Which mentions of people, organizations and places a viewer may see: a visible review status,
 * in a visible article, naming a visible person (organizations and places have no visibility
 * rule). The mention itself is the reference that makes its person public, so only the person
 * record's own rule is checked.
 */
export function visibleEntityMentions(viewer: Actor): Prisma.EntityMentionWhereInput {
  return { ...mentionInVisibleArticle(viewer), OR: [{ personId: null }, { person: personRecord(viewer) }] };
}
