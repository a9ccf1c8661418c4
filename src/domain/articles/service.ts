import { Prisma, type PrismaClient } from "../../db/index.js";
import type { Article } from "../../generated/prisma/client.js";
import type { ArticleStatus, IncidentType } from "../../generated/prisma/enums.js";
import { invalidArgument } from "../../core/failure.js";
import type { ConnectionPage, PageArgs, SortDirection } from "../../core/paging.js";
import type { Actor } from "../../core/actor.js";
import { visibleIncidents } from "../visibility/incidents.js";
import { visibleQuotes } from "../visibility/quotes.js";
import { matchingArticleIds } from "../search/service.js";
import { articleKeyset, type ArticleOrderField } from "./keysets.js";
import type { ArticleLoaders } from "./loaders.js";
import { bodyOf, WITHOUT_BODY, type ArticleRecord } from "./record.js";
import { visibleArticles, visibleArticlesSql } from "../visibility/articles.js";
import { plannedList, Unanswerable, type FieldReader, type PlannedList } from "../../core/plan.js";
import { visibleEntityMentions } from "../visibility/people.js";

const DEFAULT_PAGE_SIZE = 20;

/** Which articles to list (every condition must hold); ids are record ids. */
export interface ArticleFilter {
  readonly status?: readonly ArticleStatus[] | null;
  readonly outlet?: string | null;
  readonly publishedFrom?: Date | null;
  readonly publishedTo?: Date | null;
  /** Articles quoting or mentioning this person. */
  readonly personId?: string | null;
  /** Articles mentioning this place or reporting an incident there. */
  readonly placeId?: string | null;
  readonly incidentType?: IncidentType | null;
  /** Full-text search (see search/service.ts). */
  readonly search?: string | null;
}

/** How to sort articles. */
export interface ArticleOrder {
  readonly field: ArticleOrderField;
  readonly direction: SortDirection;
}
const DISPLAY_TITLE_LIMIT = 120;

/** Finds one article by slug or id (exactly one of them); null when absent or not visible. */
export async function findArticle(
  prisma: PrismaClient,
  viewer: Actor,
  args: { slug?: string | null; id?: string | null },
): Promise<ArticleRecord | null> {
  const hasSlug = args.slug !== undefined && args.slug !== null;
  const hasId = args.id !== undefined && args.id !== null;
  if (hasSlug === hasId) throw invalidArgument("Give exactly one of slug or id.", hasSlug ? "id" : "slug");
  const where = hasSlug ? { slug: args.slug as string } : { id: args.id as string };
  // One row: read whole, so its display title or body never costs a second statement.
  return prisma.article.findFirst({ where: { ...where, ...visibleArticles(viewer) } });
}

/** Checks that a range's start is not after its end; BAD_USER_INPUT naming the start otherwise. */
export function checkRange(from: Date | null | undefined, to: Date | null | undefined, argument: string): void {
  if (from && to && from.getTime() > to.getTime()) throw invalidArgument(`${argument} must not be after its end.`, argument);
}

/** Turns the `articles(filter:)` argument into Prisma conditions (ids and ranges validated). */
async function articleFilterWhere(prisma: PrismaClient, viewer: Actor, filter: ArticleFilter): Promise<Prisma.ArticleWhereInput[]> {
  const conditions: Prisma.ArticleWhereInput[] = [];
  if (filter.status) conditions.push({ status: { in: [...filter.status] } });
  if (filter.outlet !== undefined && filter.outlet !== null) conditions.push({ outlet: filter.outlet });
  checkRange(filter.publishedFrom, filter.publishedTo, "filter.publishedFrom");
  if (filter.publishedFrom) conditions.push({ publishedAt: { gte: filter.publishedFrom } });
  if (filter.publishedTo) conditions.push({ publishedAt: { lt: filter.publishedTo } });
  const personId = filter.personId;
  if (personId) {
    conditions.push({
      OR: [
        { quotes: { some: { speakerId: personId, ...visibleQuotes(viewer) } } },
        { entityMentions: { some: { personId, ...visibleEntityMentions(viewer) } } },
      ],
    });
  }
  const placeId = filter.placeId;
  if (placeId) {
    conditions.push({
      OR: [
        { entityMentions: { some: { placeId, ...visibleEntityMentions(viewer) } } },
        { incidentMentions: { some: { incident: { placeId, ...visibleIncidents(viewer) } } } },
      ],
    });
  }
  if (filter.incidentType) {
    conditions.push({ incidentMentions: { some: { incident: { type: filter.incidentType, ...visibleIncidents(viewer) } } } });
  }
  if (filter.search !== undefined && filter.search !== null) {
    conditions.push({ id: { in: await matchingArticleIds(prisma, viewer, filter.search, "filter.search") } });
  }
  return conditions;
}

/**
 * Lists visible articles, filtered, newest first unless `orderBy` says otherwise. Keyset
 * pagination, so pages stay stable when articles are added.
 */
export async function listArticles(
  prisma: PrismaClient,
  viewer: Actor,
  args: PageArgs & { filter?: ArticleFilter | null; orderBy?: ArticleOrder | null },
): Promise<ConnectionPage<ArticleRecord>> {
  const keyset = articleKeyset(args.orderBy?.field, args.orderBy?.direction);
  const window = keyset.window(args, DEFAULT_PAGE_SIZE);
  const where: Prisma.ArticleWhereInput = {
    AND: [visibleArticles(viewer), ...(args.filter ? await articleFilterWhere(prisma, viewer, args.filter) : [])],
  };
  const rows = await prisma.article.findMany({ where: { AND: [where, window.where] }, orderBy: window.orderBy, take: window.take, omit: WITHOUT_BODY });
  return keyset.page(rows, window, () => prisma.article.count({ where }));
}

/**
 * The headline, or for a story without one its opening paragraph (usually the first sentence of
 * a wire story), cut at a word boundary to 120 characters. Sentence splitting on abbreviations
 * such as "U.S." is unreliable, so we do not cut at the first full stop.
 */
export function displayTitle(article: Pick<Article, "headline" | "body">): string {
  return headlineTitle(article) ?? openingTitle(article.body);
}

/** {@link displayTitle} of an article read for the API: its body is loaded only for a story without a headline. */
export async function displayTitleOf(article: ArticleRecord, loaders: ArticleLoaders): Promise<string> {
  return headlineTitle(article) ?? openingTitle(await bodyOf(article, loaders));
}

/**
 * The articles the viewer may list, for answers built in SQL (src/graphql/answer.ts): those of
 * `articles(orderBy:)` without a filter, which only {@link listArticles} applies.
 */
export const articlesList: PlannedList = plannedList("Article", visibleArticlesSql, articleKeyset, DEFAULT_PAGE_SIZE);

/**
 * `FROM ... WHERE ...` of the article {@link findArticle} finds (`slug`, or a record `id`), as the
 * row aliased `row`; null unless exactly one is given (findArticle refuses that).
 */
export function findArticleSql(viewer: Actor, row: string, args: { slug?: string | null; id?: string | null }): Prisma.Sql | null {
  const hasSlug = args.slug !== undefined && args.slug !== null;
  const hasId = args.id !== undefined && args.id !== null;
  if (hasSlug === hasId) return null;
  const alias = Prisma.raw(`"${row}"`);
  const key = hasSlug ? Prisma.sql`${alias}."slug" = ${args.slug}` : Prisma.sql`${alias}."id" = ${args.id}::uuid`;
  return Prisma.sql`FROM "Article" ${alias} WHERE ${key} AND ${visibleArticlesSql(viewer, row)}`;
}

/**
 * {@link displayTitle} for answers built in SQL: the body travels only for a story whose headline
 * is missing or blank. The rule stays headlineTitle's: a body PostgreSQL withheld from a headline
 * JavaScript finds blank (whitespace PostgreSQL does not trim) leaves the answer to the resolvers.
 */
export const displayTitleReader: FieldReader = {
  columns: ["headline"],
  sql: (row) => Prisma.raw(`CASE WHEN "${row}"."headline" IS NULL OR btrim("${row}"."headline", E' \\t\\n\\r\\f\\x0B') = '' THEN "${row}"."body" END`),
  read(row, body) {
    const title = headlineTitle(row as Pick<Article, "headline">);
    if (title !== null) return title;
    if (typeof body !== "string") throw new Unanswerable();
    return openingTitle(body);
  },
};

function headlineTitle(article: Pick<Article, "headline">): string | null {
  return article.headline?.trim() || null;
}

function openingTitle(body: string): string {
  const opening = (body.trim().split("\n", 1)[0] ?? "").replace(/\s+/g, " ");
  if (opening.length <= DISPLAY_TITLE_LIMIT) return opening;
  const cut = opening.slice(0, DISPLAY_TITLE_LIMIT - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 1))}…`;
}
