import { Prisma, type PrismaClient } from "../../db/index.js";
import type { Actor } from "../../core/actor.js";
import { invalidArgument } from "../../core/failure.js";
import { decodeCursor, encodeCursor, pageSize, toConnectionPage, type ConnectionPage, type PageArgs } from "../../core/paging.js";
import { visibleArticlesSql } from "../visibility/articles.js";
import { visibleIncidentsSql } from "../visibility/incidents.js";
import { listedPeopleSql } from "../visibility/people.js";
import { visibleQuotesSql } from "../visibility/quotes.js";

/** What search looks in. */
export type SearchType = "ARTICLE" | "QUOTE" | "PERSON" | "INCIDENT";

/** Longest search text accepted; longer text is a mistake or an attack, not a query. */
const MAX_QUERY_LENGTH = 500;
const DEFAULT_PAGE_SIZE = 20;
const ALL_TYPES: readonly SearchType[] = ["ARTICLE", "QUOTE", "PERSON", "INCIDENT"];
/** Text search configuration of the stored vectors (see the migrations' triggers). */
const CONFIG = "english";
// ts_headline marks matches with these control characters; the snippet is then HTML-escaped and
// they become <b></b>, so stored text can never inject markup into a dashboard.
const MATCH_START = "\u0002";
const MATCH_END = "\u0003";
const HEADLINE_OPTIONS = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

/** A search hit: the kind and record id of the item (the GraphQL adapter loads it), its rank and snippet. */
export interface SearchHitValue {
  readonly type: SearchType;
  readonly id: string;
  readonly rank: number;
  readonly snippet: string;
}

/** A page of search hits. */
export type SearchPage = ConnectionPage<SearchHitValue>;

/** Checks search text: non-empty, at most 500 characters, no NUL (PostgreSQL text cannot hold it). */
export function validateSearchText(text: string, argument: string): string {
  const trimmed = text.trim();
  if (!trimmed) throw invalidArgument(`${argument} must contain at least one word.`, argument);
  if (trimmed.length > MAX_QUERY_LENGTH) throw invalidArgument(`${argument} is longer than ${MAX_QUERY_LENGTH} characters.`, argument);
  if (trimmed.includes("\u0000")) throw invalidArgument(`${argument} must not contain NUL characters.`, argument);
  return trimmed;
}

function tsQuery(text: string): Prisma.Sql {
  return Prisma.sql`websearch_to_tsquery(${CONFIG}::regconfig, ${text})`;
}

/** Ids of the visible articles whose headline, dek or body match `text` (for `articles(filter: {search})`). */
export async function matchingArticleIds(prisma: PrismaClient, viewer: Actor, text: string, argument: string): Promise<string[]> {
  const query = tsQuery(validateSearchText(text, argument));
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT a."id"::text AS id FROM "Article" a
    WHERE a."searchVector" @@ ${query} AND ${visibleArticlesSql(viewer, "a")}`;
  return rows.map((row) => row.id);
}

/** Ids of the visible quotes whose text or speaker description match `text` (for `quotes(filter: {search})`). */
export async function matchingQuoteIds(prisma: PrismaClient, viewer: Actor, text: string, argument: string): Promise<string[]> {
  const query = tsQuery(validateSearchText(text, argument));
  const rows = await prisma.$queryRaw<{ id: string }[]>`
    SELECT q."id"::text AS id FROM "Quote" q JOIN "Article" a ON a."id" = q."articleId"
    WHERE q."searchVector" @@ ${query} AND ${visibleQuotesSql(viewer, "q", "a")}`;
  return rows.map((row) => row.id);
}

/** One SELECT of (type, id, rank) per searched type, all matching `query` and visible to the viewer. */
function hitSelects(viewer: Actor, types: readonly SearchType[], query: Prisma.Sql): Prisma.Sql[] {
  const selects: Record<SearchType, Prisma.Sql> = {
    ARTICLE: Prisma.sql`SELECT 'ARTICLE' AS type, a."id"::text AS id, ts_rank(a."searchVector", ${query})::float8 AS rank
      FROM "Article" a WHERE a."searchVector" @@ ${query} AND ${visibleArticlesSql(viewer, "a")}`,
    QUOTE: Prisma.sql`SELECT 'QUOTE' AS type, q."id"::text AS id, ts_rank(q."searchVector", ${query})::float8 AS rank
      FROM "Quote" q JOIN "Article" a ON a."id" = q."articleId"
      WHERE q."searchVector" @@ ${query} AND ${visibleQuotesSql(viewer, "q", "a")}`,
    PERSON: Prisma.sql`SELECT 'PERSON' AS type, p."id"::text AS id, ts_rank(p."searchVector", ${query})::float8 AS rank
      FROM "Person" p WHERE p."searchVector" @@ ${query} AND ${listedPeopleSql(viewer, "p")}`,
    INCIDENT: Prisma.sql`SELECT 'INCIDENT' AS type, i."id"::text AS id, ts_rank(i."searchVector", ${query})::float8 AS rank
      FROM "Incident" i WHERE i."searchVector" @@ ${query} AND ${visibleIncidentsSql(viewer, "i")}`,
  };
  return types.map((type) => selects[type]);
}

const CURSOR_ORDERING = "search:rank";

type HitCursor = { rank: number; type: string; id: string };

function parseHitCursor(cursor: string): HitCursor {
  const [rank, type, id] = decodeCursor(cursor, CURSOR_ORDERING);
  if (typeof rank !== "number" || typeof type !== "string" || typeof id !== "string" || !ALL_TYPES.includes(type as SearchType)) {
    throw invalidArgument("after is not a cursor this list gave out.", "after");
  }
  return { rank, type, id };
}

/** Escapes a snippet for HTML and turns the match markers into <b></b>. */
export function snippetHtml(marked: string): string {
  return marked
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll(MATCH_START, "<b>")
    .replaceAll(MATCH_END, "</b>");
}

/** Arguments of {@link search}. */
export interface SearchArgs extends PageArgs {
  readonly query: string;
  readonly types?: readonly SearchType[] | null;
}

/**
 * Full-text search across articles, quotes, people and incidents: one statement ranks the hits
 * of every type together (ts_rank, best first, then type and id so equal ranks have a stable
 * order for keyset cursors) and computes snippets (ts_headline) for the page's hits only.
 */
export async function search(prisma: PrismaClient, viewer: Actor, args: SearchArgs): Promise<SearchPage> {
  const size = pageSize(args.first, DEFAULT_PAGE_SIZE);
  const text = validateSearchText(args.query, "query");
  if (args.types && args.types.length === 0) throw invalidArgument("types must name at least one type, or be left out to search all.", "types");
  const types = [...new Set(args.types ?? ALL_TYPES)];
  const cursor = args.after ? parseHitCursor(args.after) : null;
  const query = tsQuery(text);
  const hits = Prisma.join(hitSelects(viewer, types, query), " UNION ALL ");
  const afterCursor = cursor
    ? Prisma.sql`WHERE h.rank < ${cursor.rank} OR (h.rank = ${cursor.rank} AND (h.type, h.id) > (${cursor.type}, ${cursor.id}))`
    : Prisma.empty;
  const rows = await prisma.$queryRaw<{ type: SearchType; id: string; rank: number; snippet: string | null }[]>`
    WITH page AS (
      SELECT h.type, h.id, h.rank FROM (${hits}) h ${afterCursor}
      ORDER BY h.rank DESC, h.type, h.id LIMIT ${size + 1}
    )
    SELECT page.type, page.id, page.rank,
      CASE page.type
        WHEN 'ARTICLE' THEN ts_headline(${CONFIG}::regconfig, coalesce(a."headline" || E'\n', '') || a."body", ${query}, ${HEADLINE_OPTIONS})
        WHEN 'QUOTE' THEN ts_headline(${CONFIG}::regconfig, q."text", ${query}, ${HEADLINE_OPTIONS})
        WHEN 'PERSON' THEN ts_headline(${CONFIG}::regconfig, p."name" || coalesce(' — ' || p."description", ''), ${query}, ${HEADLINE_OPTIONS})
        ELSE ts_headline(${CONFIG}::regconfig, i."summary", ${query}, ${HEADLINE_OPTIONS})
      END AS snippet
    FROM page
    LEFT JOIN "Article" a ON page.type = 'ARTICLE' AND a."id" = page.id::uuid
    LEFT JOIN "Quote" q ON page.type = 'QUOTE' AND q."id" = page.id::uuid
    LEFT JOIN "Person" p ON page.type = 'PERSON' AND p."id" = page.id::uuid
    LEFT JOIN "Incident" i ON page.type = 'INCIDENT' AND i."id" = page.id::uuid
    ORDER BY page.rank DESC, page.type, page.id`;
  const values: SearchHitValue[] = rows.map((row) => ({ type: row.type, id: row.id, rank: row.rank, snippet: snippetHtml(row.snippet ?? "") }));
  return toConnectionPage(
    values,
    size,
    (hit) => encodeCursor(CURSOR_ORDERING, [hit.rank, hit.type, hit.id]),
    cursor !== null,
    async () => {
      const [count] = await prisma.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM (${hits}) h`;
      return count?.total ?? 0;
    },
  );
}
