/**
 * Baseline L1: node:http + `pg` with a hand-written prepared statement (or three) per workload,
 * no GraphQL and no Prisma: the limit for this stack. It answers the benchmark's workloads with
 * the same JSON copydesk puts in `data` (the harness checks that deep-equal before timing), for
 * the same bearer tokens and with the same visibility and ordering rules for the token's role.
 *
 *   DATABASE_URL=postgresql://... POOL_SIZE=10 node --import tsx bench/baselines/l1.ts
 *
 * or in-process with {@link startL1} (tests/bench/baselines.test.ts).
 * Prints one JSON line `{"listening":"http://127.0.0.1:PORT"}` on stdout once it accepts requests.
 * Routes: GET /q1?slug= · GET /q2?first=&quotes= · GET /q3?types=&from=&to=&first=&after= ·
 * GET /q4?query=&first= · POST /m1 {id, expectedVersion, byline} · GET /stats (requests and SQL
 * statements so far, which the harness divides).
 *
 * Baseline L2 lives here too, under /l2/: the same answer from ONE statement in which
 * PostgreSQL builds the whole JSON document, which node:http sends as it comes (no rows, no
 * objects, no JSON.stringify in JavaScript): the limit a planner that compiles a selection set
 * into one SQL statement can reach. Route: GET /l2/q2?first=&quotes=.
 */
import { createHash } from "node:crypto";
import http from "node:http";
import { pathToFileURL } from "node:url";
import pg from "pg";

// Calendar dates stay strings (as copydesk's Date scalar prints them) and timestamps without a
// time zone are UTC, as Prisma reads them; pg's defaults would read both in local time.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.TIMESTAMP, (value) => new Date(`${value.replace(" ", "T")}Z`));

type Role = "VIEWER" | "REPORTER" | "EDITOR" | "ADMIN";
const RANK: Record<Role, number> = { VIEWER: 0, REPORTER: 1, EDITOR: 2, ADMIN: 3 };
const PUBLIC_STATUSES = ["PUBLISHED", "CORRECTED", "RETRACTED"];
const ALL_STATUSES = ["DRAFT", "IN_REVIEW", ...PUBLIC_STATUSES];
const TOKEN_SHAPE = /^cdk_[A-Za-z0-9_-]{43}$/;
const DISPLAY_TITLE_LIMIT = 120;

/** Who is asking (the same rules as src/domain/auth): role, user and token. */
interface Actor {
  readonly role: Role;
  readonly userId: string | null;
  readonly tokenId: string | null;
}

/** A refusal with its HTTP status. */
class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The baseline's database pool and its counters (requests answered, SQL statements sent). */
interface L1State {
  readonly pool: pg.Pool;
  readonly counters: { requests: number; statements: number };
}

/** Runs a named (prepared once per connection) statement and counts it. */
async function query<Row extends pg.QueryResultRow>(state: L1State, client: pg.Pool | pg.PoolClient, name: string, text: string, values: unknown[]): Promise<Row[]> {
  state.counters.statements += 1;
  const result = await client.query<Row>({ name, text, values });
  return result.rows;
}

const articleStatuses = (viewer: Actor) => (RANK[viewer.role] >= RANK.REPORTER ? ALL_STATUSES : PUBLIC_STATUSES);
const reviewStatuses = (viewer: Actor) => (RANK[viewer.role] >= RANK.REPORTER ? ["ACCEPTED", "PENDING"] : ["ACCEPTED"]);
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`, "utf8").toString("base64url");
const cursor = (ordering: string, values: (string | number | null)[]) => Buffer.from(JSON.stringify({ k: ordering, v: values }), "utf8").toString("base64url");

/** Article.displayTitle, as src/domain/articles/service.ts computes it (the deep-equal check guards the copy). */
function displayTitle(headline: string | null, body: string): string {
  if (headline?.trim()) return headline.trim();
  const opening = (body.trim().split("\n", 1)[0] ?? "").replace(/\s+/g, " ");
  if (opening.length <= DISPLAY_TITLE_LIMIT) return opening;
  const cut = opening.slice(0, DISPLAY_TITLE_LIMIT - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), 1))}…`;
}

type TokenRow = { id: string; userId: string; role: Role; revokedAt: Date | null; expiresAt: Date | null; disabledAt: Date | null };
/** Looked-up tokens kept for copydesk's default TOKEN_CACHE_TTL_MS, as copydesk does (the checks run on every request). */
const TOKEN_CACHE_TTL_MS = 5000;
const tokenCache = new Map<string, { row: TokenRow; until: number }>();

/** The token lookup copydesk makes, cached the same way (lastUsedAt is left alone: copydesk writes it once a minute). */
async function authenticate(state: L1State, header: string | undefined): Promise<Actor> {
  if (!header) return { role: "VIEWER", userId: null, tokenId: null };
  const token = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  if (!token || !TOKEN_SHAPE.test(token)) throw new HttpError(401, "bad token");
  const hash = createHash("sha256").update(token, "utf8").digest("hex");
  const cached = tokenCache.get(hash);
  const row = cached && cached.until > Date.now() ? cached.row : await lookUpToken(state, hash);
  if (!row || row.revokedAt || row.disabledAt || (row.expiresAt && row.expiresAt <= new Date())) throw new HttpError(401, "token refused");
  if (row !== cached?.row) tokenCache.set(hash, { row, until: Date.now() + TOKEN_CACHE_TTL_MS });
  return { role: row.role, userId: row.userId, tokenId: row.id };
}

async function lookUpToken(state: L1State, hash: string): Promise<TokenRow | undefined> {
  const [row] = await query<TokenRow>(
    state, state.pool,
    "auth",
    `SELECT t."id", t."userId", u."role"::text AS "role", t."revokedAt", t."expiresAt", u."disabledAt"
       FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId" WHERE t."secretHash" = $1`,
    [hash],
  );
  return row;
}

/** Q1: one article by slug, scalars only. */
async function q1(state: L1State, viewer: Actor, params: URLSearchParams): Promise<unknown> {
  const [row] = await query<{ id: string; slug: string; headline: string | null; body: string; publishedAt: Date | null; status: string }>(
    state, state.pool,
    "q1",
    `SELECT "id", "slug", "headline", "body", "publishedAt", "status"::text AS "status" FROM "Article"
      WHERE "slug" = $1 AND "deletedAt" IS NULL AND "status" = ANY($2::"ArticleStatus"[])`,
    [params.get("slug"), articleStatuses(viewer)],
  );
  return {
    article: row
      ? { id: globalId("Article", row.id), slug: row.slug, headline: row.headline, displayTitle: displayTitle(row.headline, row.body), publishedAt: row.publishedAt?.toISOString() ?? null, status: row.status }
      : null,
  };
}

/** Q2: the dashboard: newest articles, each with its first quotes (and speakers) and its incidents (and places). Three statements. */
async function q2(state: L1State, viewer: Actor, params: URLSearchParams): Promise<unknown> {
  const first = Number(params.get("first") ?? 20);
  const quotesPerArticle = Number(params.get("quotes") ?? 5);
  const reviews = reviewStatuses(viewer);
  const articles = await query<{ id: string; slug: string; headline: string | null; body: string }>(
    state, state.pool,
    "q2-articles",
    `SELECT "id", "slug", "headline", "body" FROM "Article" WHERE "deletedAt" IS NULL AND "status" = ANY($1::"ArticleStatus"[])
      ORDER BY "publishedAt" DESC NULLS LAST, "id" DESC LIMIT $2`,
    [articleStatuses(viewer), first],
  );
  const ids = articles.map((article) => article.id);
  const [quotes, incidents] = await Promise.all([
    query<{ articleId: string; text: string; speakerId: string | null; speakerName: string | null }>(
      state, state.pool,
      "q2-quotes",
      `SELECT q."articleId", q."text", p."id" AS "speakerId", p."name" AS "speakerName"
         FROM unnest($1::uuid[]) AS a("id")
         CROSS JOIN LATERAL (SELECT * FROM "Quote" q WHERE q."articleId" = a."id" AND q."deletedAt" IS NULL
                               AND q."reviewStatus" = ANY($2::"ReviewStatus"[]) ORDER BY q."start", q."id" LIMIT $3) q
         LEFT JOIN "Person" p ON p."id" = q."speakerId" AND p."deletedAt" IS NULL AND p."reviewStatus" = ANY($2::"ReviewStatus"[])
        ORDER BY q."articleId", q."start", q."id"`,
      [ids, reviews, quotesPerArticle],
    ),
    query<{ articleId: string; id: string; type: string; placeId: string | null; placeName: string | null }>(
      state, state.pool,
      "q2-incidents",
      `SELECT m."articleId", i."id", i."type"::text AS "type", pl."id" AS "placeId", pl."name" AS "placeName"
         FROM "IncidentMention" m JOIN "Incident" i ON i."id" = m."incidentId" LEFT JOIN "Place" pl ON pl."id" = i."placeId"
        WHERE m."articleId" = ANY($1::uuid[]) AND m."reviewStatus" = ANY($2::"ReviewStatus"[])
          AND i."deletedAt" IS NULL AND i."mergedIntoId" IS NULL AND i."reviewStatus" = ANY($2::"ReviewStatus"[])
        ORDER BY m."articleId", i."date" DESC NULLS LAST, i."dateEarliest" DESC NULLS LAST, i."id" DESC`,
      [ids, reviews],
    ),
  ]);
  const quotesOf = new Map<string, unknown[]>();
  for (const quote of quotes) {
    const list = quotesOf.get(quote.articleId) ?? [];
    list.push({ node: { text: quote.text, speaker: quote.speakerId ? { name: quote.speakerName } : null } });
    quotesOf.set(quote.articleId, list);
  }
  // An article can report one incident in several spans: keep each incident once, 20 at most (the connection's default page).
  const incidentsOf = new Map<string, { seen: Set<string>; edges: unknown[] }>();
  for (const incident of incidents) {
    const entry = incidentsOf.get(incident.articleId) ?? { seen: new Set<string>(), edges: [] };
    if (!entry.seen.has(incident.id) && entry.edges.length < 20) {
      entry.seen.add(incident.id);
      entry.edges.push({ node: { type: incident.type, place: incident.placeId ? { name: incident.placeName } : null } });
    }
    incidentsOf.set(incident.articleId, entry);
  }
  return {
    articles: {
      edges: articles.map((article) => ({
        node: {
          slug: article.slug,
          displayTitle: displayTitle(article.headline, article.body),
          quotes: { edges: quotesOf.get(article.id) ?? [] },
          incidents: { edges: incidentsOf.get(article.id)?.edges ?? [] },
        },
      })),
    },
  };
}

/** An answer PostgreSQL already serialised: sent as it is. */
class JsonText {
  constructor(readonly text: string) {}
}

/**
 * Article.displayTitle in SQL over the article aliased `a`, the same rule as {@link displayTitle}
 * (the headline trimmed; else the body's first line, whitespace collapsed, cut at the last space
 * before 120 characters with an ellipsis). The deep-equal check against copydesk guards it.
 */
const DISPLAY_TITLE_SQL = `CASE WHEN coalesce(a."headline", '') ~ '\\S' THEN regexp_replace(a."headline", '^\\s+|\\s+$', '', 'g')
  ELSE (SELECT CASE WHEN length(o) <= ${DISPLAY_TITLE_LIMIT} THEN o
    ELSE left(c, greatest(CASE WHEN strpos(reverse(c), ' ') = 0 THEN -1 ELSE length(c) - strpos(reverse(c), ' ') END, 1)) || '…' END
    FROM (SELECT o, left(o, ${DISPLAY_TITLE_LIMIT - 1}) AS c
      FROM (SELECT regexp_replace(split_part(regexp_replace(a."body", '^\\s+|\\s+$', '', 'g'), E'\\n', 1), '\\s+', ' ', 'g') AS o) opening) cut)
  END`;

/** Q2 as L2: the dashboard's whole answer built by PostgreSQL in one statement (same visibility and orderings as {@link q2}). */
async function l2q2(state: L1State, viewer: Actor, params: URLSearchParams): Promise<JsonText> {
  const first = Number(params.get("first") ?? 20);
  const quotesPerArticle = Number(params.get("quotes") ?? 5);
  const [row] = await query<{ answer: string }>(
    state, state.pool,
    "l2-q2",
    `SELECT json_build_object('articles', json_build_object('edges', coalesce(json_agg(json_build_object('node', json_build_object(
        'slug', a."slug",
        'displayTitle', ${DISPLAY_TITLE_SQL},
        'quotes', json_build_object('edges', (
          SELECT coalesce(json_agg(json_build_object('node', json_build_object('text', q."text",
              'speaker', CASE WHEN p."id" IS NULL THEN NULL ELSE json_build_object('name', p."name") END)) ORDER BY q."start", q."id"), '[]'::json)
            FROM (SELECT * FROM "Quote" q WHERE q."articleId" = a."id" AND q."deletedAt" IS NULL AND q."reviewStatus" = ANY($2::"ReviewStatus"[])
                  ORDER BY q."start", q."id" LIMIT $3) q
            LEFT JOIN "Person" p ON p."id" = q."speakerId" AND p."deletedAt" IS NULL AND p."reviewStatus" = ANY($2::"ReviewStatus"[]))),
        'incidents', json_build_object('edges', (
          SELECT coalesce(json_agg(json_build_object('node', json_build_object('type', i."type",
              'place', CASE WHEN pl."id" IS NULL THEN NULL ELSE json_build_object('name', pl."name") END))
              ORDER BY i."date" DESC NULLS LAST, i."dateEarliest" DESC NULLS LAST, i."id" DESC), '[]'::json)
            FROM (SELECT i.* FROM "Incident" i
                  WHERE i."deletedAt" IS NULL AND i."mergedIntoId" IS NULL AND i."reviewStatus" = ANY($2::"ReviewStatus"[])
                    AND EXISTS (SELECT 1 FROM "IncidentMention" m WHERE m."incidentId" = i."id" AND m."articleId" = a."id" AND m."reviewStatus" = ANY($2::"ReviewStatus"[]))
                  ORDER BY i."date" DESC NULLS LAST, i."dateEarliest" DESC NULLS LAST, i."id" DESC LIMIT 20) i
            LEFT JOIN "Place" pl ON pl."id" = i."placeId")))) ORDER BY a."publishedAt" DESC NULLS LAST, a."id" DESC), '[]'::json)))::text AS "answer"
      FROM (SELECT * FROM "Article" WHERE "deletedAt" IS NULL AND "status" = ANY($1::"ArticleStatus"[])
            ORDER BY "publishedAt" DESC NULLS LAST, "id" DESC LIMIT $4) a`,
    [articleStatuses(viewer), reviewStatuses(viewer), quotesPerArticle, first],
  );
  if (!row) throw new Error("L2's statement returned no row");
  return new JsonText(row.answer);
}

const INCIDENT_ORDERING = "incidents:date:desc";

/**
 * The keyset condition "after this cursor" for date DESC NULLS LAST, dateEarliest DESC NULLS
 * LAST, id DESC, with its parameters from $index on. Four shapes (each key null or not), each
 * its own prepared statement.
 */
function incidentsAfter(values: (string | number | null)[], index: number): { sql: string; params: unknown[]; shape: string } {
  const [date, earliest, id] = values as [string | null, string | null, string];
  const p = (n: number) => `$${index + n}`;
  const params: unknown[] = [];
  const alternatives: string[] = [];
  const dateEqual = date === null ? `i."date" IS NULL` : `i."date" = ${p(0)}::date`;
  if (date !== null) {
    params.push(date.slice(0, 10));
    alternatives.push(`(i."date" < ${p(0)}::date OR i."date" IS NULL)`);
  }
  const earliestIndex = params.length;
  const earliestEqual = earliest === null ? `i."dateEarliest" IS NULL` : `i."dateEarliest" = ${p(earliestIndex)}::date`;
  if (earliest !== null) {
    params.push(earliest.slice(0, 10));
    alternatives.push(`(${dateEqual} AND (i."dateEarliest" < ${p(earliestIndex)}::date OR i."dateEarliest" IS NULL))`);
  }
  params.push(id);
  alternatives.push(`(${dateEqual} AND ${earliestEqual} AND i."id" < ${p(params.length - 1)}::uuid)`);
  return { sql: `(${alternatives.join(" OR ")})`, params, shape: `${date === null ? "n" : "d"}${earliest === null ? "n" : "d"}` };
}

/** Q3: incidents of some types in a date range, newest first, one page (after a cursor or not) with the total. One statement. */
async function q3(state: L1State, viewer: Actor, params: URLSearchParams): Promise<unknown> {
  const first = Number(params.get("first") ?? 20);
  const after = params.get("after");
  // $5 and $6: copydesk's incident rule for viewers (issue 21) — below reporter, only incidents a
  // visible span in a published article reports. The date range: copydesk's (DATED and
  // overlapsDays in src/domain/incidents/service.ts): a range known on one side only is undated.
  const base = [reviewStatuses(viewer), (params.get("types") ?? "").split(","), params.get("from"), params.get("to"), RANK[viewer.role] >= RANK.REPORTER, articleStatuses(viewer)];
  const filter = `i."deletedAt" IS NULL AND i."mergedIntoId" IS NULL AND i."reviewStatus" = ANY($1::"ReviewStatus"[])
    AND ($5::boolean OR EXISTS (SELECT 1 FROM "IncidentMention" vm JOIN "Article" va ON va."id" = vm."articleId"
      WHERE vm."incidentId" = i."id" AND vm."reviewStatus" = ANY($1::"ReviewStatus"[]) AND va."deletedAt" IS NULL AND va."status" = ANY($6::"ArticleStatus"[])))
    AND i."type" = ANY($2::"IncidentType"[])
    AND (i."date" IS NOT NULL OR (i."dateEarliest" IS NOT NULL AND i."dateLatest" IS NOT NULL))
    AND (i."dateEarliest" <= $4::date OR (i."dateEarliest" IS NULL AND i."date" <= $4::date))
    AND (i."dateLatest" >= $3::date OR (i."dateLatest" IS NULL AND i."date" >= $3::date))`;
  let keyset = { sql: "TRUE", params: [] as unknown[], shape: "first" };
  if (after) {
    const decoded = JSON.parse(Buffer.from(after, "base64url").toString("utf8")) as { k: string; v: (string | number | null)[] };
    if (decoded.k !== INCIDENT_ORDERING || decoded.v.length !== 3) throw new HttpError(400, "bad cursor");
    keyset = incidentsAfter(decoded.v, 8);
  }
  // The count rides along with the page in one statement; the LEFT JOIN keeps it when the page is empty.
  const found = await query<{ id: string | null; type: string; date: string | null; dateEarliest: string | null; fatalitiesMin: number | null; fatalitiesMax: number | null; placeId: string | null; placeName: string | null; total: string }>(
    state, state.pool,
    `q3-${keyset.shape}`,
    `WITH listed AS (SELECT i.* FROM "Incident" i WHERE ${filter})
     SELECT c."total", p.* FROM (SELECT count(*) AS "total" FROM listed) c
     LEFT JOIN LATERAL (
       SELECT i."id", i."type"::text AS "type", i."date", i."dateEarliest", i."fatalitiesMin", i."fatalitiesMax", pl."id" AS "placeId", pl."name" AS "placeName"
         FROM listed i LEFT JOIN "Place" pl ON pl."id" = i."placeId"
        WHERE ${keyset.sql}
        ORDER BY i."date" DESC NULLS LAST, i."dateEarliest" DESC NULLS LAST, i."id" DESC LIMIT $7) p ON TRUE
     ORDER BY p."date" DESC NULLS LAST, p."dateEarliest" DESC NULLS LAST, p."id" DESC`,
    [...base, first + 1, ...keyset.params],
  );
  const rows = found.filter((row): row is typeof row & { id: string } => row.id !== null);
  const page = rows.slice(0, first);
  const last = page.at(-1);
  const dateCursor = (value: string | null) => (value === null ? null : `${value}T00:00:00.000Z`);
  return {
    incidents: {
      totalCount: Number(found[0]?.total ?? 0),
      edges: page.map((row) => ({
        node: { type: row.type, date: row.date, fatalities: { min: row.fatalitiesMin, max: row.fatalitiesMax }, place: row.placeId ? { name: row.placeName } : null },
      })),
      pageInfo: { hasNextPage: rows.length > first, endCursor: last ? cursor(INCIDENT_ORDERING, [dateCursor(last.date), dateCursor(last.dateEarliest), last.id]) : null },
    },
  };
}

const HEADLINE_OPTIONS = `StartSel=\u0002, StopSel=\u0003, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
const TYPENAMES: Record<string, string> = { ARTICLE: "Article", QUOTE: "Quote", PERSON: "Person", INCIDENT: "Incident" };
// The same ranking and snippets as src/domain/search/service.ts, written once as a prepared statement.
const SEARCH_SQL = `
  WITH page AS (
    SELECT h.type, h.id, h.rank FROM (
      SELECT 'ARTICLE' AS type, a."id"::text AS id, ts_rank(a."searchVector", websearch_to_tsquery('english', $1))::float8 AS rank
        FROM "Article" a WHERE a."searchVector" @@ websearch_to_tsquery('english', $1) AND a."deletedAt" IS NULL AND a."status"::text = ANY($2::text[])
      UNION ALL
      SELECT 'QUOTE', q."id"::text, ts_rank(q."searchVector", websearch_to_tsquery('english', $1))::float8
        FROM "Quote" q JOIN "Article" a ON a."id" = q."articleId"
       WHERE q."searchVector" @@ websearch_to_tsquery('english', $1) AND q."deletedAt" IS NULL AND q."reviewStatus"::text = ANY($3::text[])
         AND a."deletedAt" IS NULL AND a."status"::text = ANY($2::text[])
      UNION ALL
      SELECT 'PERSON', p."id"::text, ts_rank(p."searchVector", websearch_to_tsquery('english', $1))::float8
        FROM "Person" p
       WHERE p."searchVector" @@ websearch_to_tsquery('english', $1) AND p."deletedAt" IS NULL AND p."mergedIntoId" IS NULL AND p."reviewStatus"::text = ANY($3::text[])
      UNION ALL
      SELECT 'INCIDENT', i."id"::text, ts_rank(i."searchVector", websearch_to_tsquery('english', $1))::float8
        FROM "Incident" i
       WHERE i."searchVector" @@ websearch_to_tsquery('english', $1) AND i."deletedAt" IS NULL AND i."mergedIntoId" IS NULL AND i."reviewStatus"::text = ANY($3::text[])
    ) h ORDER BY h.rank DESC, h.type, h.id LIMIT $4
  )
  SELECT page.type, page.rank,
    CASE page.type
      WHEN 'ARTICLE' THEN ts_headline('english', coalesce(a."headline" || E'\\n', '') || a."body", websearch_to_tsquery('english', $1), $5)
      WHEN 'QUOTE' THEN ts_headline('english', q."text", websearch_to_tsquery('english', $1), $5)
      WHEN 'PERSON' THEN ts_headline('english', p."name" || coalesce(' — ' || p."description", ''), websearch_to_tsquery('english', $1), $5)
      ELSE ts_headline('english', i."summary", websearch_to_tsquery('english', $1), $5)
    END AS snippet
  FROM page
  LEFT JOIN "Article" a ON page.type = 'ARTICLE' AND a."id" = page.id::uuid
  LEFT JOIN "Quote" q ON page.type = 'QUOTE' AND q."id" = page.id::uuid
  LEFT JOIN "Person" p ON page.type = 'PERSON' AND p."id" = page.id::uuid
  LEFT JOIN "Incident" i ON page.type = 'INCIDENT' AND i."id" = page.id::uuid
  ORDER BY page.rank DESC, page.type, page.id`;

/** Q4: full-text search over articles, quotes, people and incidents, best first, with snippets. One statement. */
async function q4(state: L1State, viewer: Actor, params: URLSearchParams): Promise<unknown> {
  const first = Number(params.get("first") ?? 20);
  const rows = await query<{ type: string; rank: number; snippet: string | null }>(state, state.pool, "q4", SEARCH_SQL, [
    (params.get("query") ?? "").trim(),
    articleStatuses(viewer),
    reviewStatuses(viewer),
    first + 1,
    HEADLINE_OPTIONS,
  ]);
  const escape = (text: string) =>
    text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("\u0002", "<b>").replaceAll("\u0003", "</b>");
  return {
    search: { edges: rows.slice(0, first).map((row) => ({ node: { rank: row.rank, snippet: escape(row.snippet ?? ""), item: { __typename: TYPENAMES[row.type] } } })) },
  };
}

const ARTICLE_COLUMNS = `"id", "slug", "headline", "dek", "byline", "outlet", "url", "language", "publishedAt", "body", "bodyHash", "status"::text AS "status",
  "version", "revisionNumber", "retractionReason", "createdAt", "updatedAt", "deletedAt"`;

/**
 * M1: updateArticle's byline with optimistic concurrency and its audit event (the whole row
 * before and after, like copydesk's), in one transaction: BEGIN, SELECT, UPDATE, INSERT, COMMIT.
 */
async function m1(state: L1State, viewer: Actor, body: string, requestId: string): Promise<unknown> {
  const input = JSON.parse(body) as { id: string; expectedVersion: number; byline: string };
  if (RANK[viewer.role] < RANK.REPORTER) throw new HttpError(403, "forbidden");
  const id = Buffer.from(input.id, "base64url").toString("utf8").replace(/^Article:/, "");
  const client = await state.pool.connect();
  try {
    state.counters.statements += 1;
    await client.query("BEGIN");
    const [before] = await query<Record<string, unknown> & { status: string }>(
      state,
      client,
      "m1-before",
      `SELECT ${ARTICLE_COLUMNS} FROM "Article" WHERE "id" = $1 AND "deletedAt" IS NULL AND "status" = ANY($2::"ArticleStatus"[])`,
      [id, articleStatuses(viewer)],
    );
    // The benchmark asks copydesk for `errors { code }` only.
    const failure = (code: string) => ({ updateArticle: { article: null, errors: [{ code }] } });
    if (!before) {
      state.counters.statements += 1;
      await client.query("ROLLBACK");
      return failure("NOT_FOUND");
    }
    if (RANK[viewer.role] < RANK.EDITOR && !["DRAFT", "IN_REVIEW"].includes(before.status)) {
      state.counters.statements += 1;
      await client.query("ROLLBACK");
      return failure("FORBIDDEN");
    }
    const [after] = await query<Record<string, unknown> & { version: number; byline: string | null }>(
      state,
      client,
      "m1-update",
      `UPDATE "Article" SET "byline" = $3, "version" = "version" + 1, "updatedAt" = now() WHERE "id" = $1 AND "version" = $2 RETURNING ${ARTICLE_COLUMNS}`,
      [id, input.expectedVersion, input.byline],
    );
    if (!after) {
      state.counters.statements += 1;
      await client.query("ROLLBACK");
      return failure("VERSION_CONFLICT");
    }
    await query(
      state,
      client,
      "m1-audit",
      `INSERT INTO "AuditEvent" ("actorId", "tokenId", "action", "targetType", "targetId", "before", "after", "requestId") VALUES ($1, $2, 'article.update', 'Article', $3, $4, $5, $6)`,
      [viewer.userId, viewer.tokenId, id, JSON.stringify(before), JSON.stringify(after), requestId],
    );
    state.counters.statements += 1;
    await client.query("COMMIT");
    return { updateArticle: { article: { id: globalId("Article", id), version: after.version, byline: after.byline }, errors: [] } };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Reads a request body (only /m1 has one). */
function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

/** A running L1 server: its URL and how to stop it (and close its pool). */
export interface L1Server {
  readonly url: string;
  close(): Promise<void>;
}

/** Starts L1 on a free port of 127.0.0.1, reading `databaseUrl` through a pool of `poolSize`. */
export async function startL1(databaseUrl: string, poolSize: number): Promise<L1Server> {
  const state: L1State = { pool: new pg.Pool({ connectionString: databaseUrl, max: poolSize }), counters: { requests: 0, statements: 0 } };
  let requestNumber = 0;
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://l1");
    const send = (status: number, value: unknown) => {
      const bytes = value instanceof JsonText ? value.text : JSON.stringify(value);
      response.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(bytes) });
      response.end(bytes);
    };
    if (url.pathname === "/stats") return send(200, state.counters);
    void (async () => {
      try {
        const viewer = await authenticate(state, request.headers.authorization);
        let answer: unknown;
        switch (url.pathname) {
          case "/q1":
            answer = await q1(state, viewer, url.searchParams);
            break;
          case "/q2":
            answer = await q2(state, viewer, url.searchParams);
            break;
          case "/l2/q2":
            answer = await l2q2(state, viewer, url.searchParams);
            break;
          case "/q3":
            answer = await q3(state, viewer, url.searchParams);
            break;
          case "/q4":
            answer = await q4(state, viewer, url.searchParams);
            break;
          case "/m1":
            answer = await m1(state, viewer, await readBody(request), `l1-${(requestNumber += 1)}`);
            break;
          default:
            throw new HttpError(404, "no such route");
        }
        state.counters.requests += 1;
        send(200, answer);
      } catch (error) {
        state.counters.requests += 1;
        send(error instanceof HttpError ? error.status : 500, { error: error instanceof Error ? error.message : String(error) });
      }
    })();
  });
  server.keepAliveTimeout = 72_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address !== "object") throw new Error("L1 is not listening on a TCP port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await state.pool.end();
    },
  };
}

// Run as a script (the harness's child process): serve until SIGTERM.
if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const l1 = await startL1(process.env["DATABASE_URL"] ?? "", Number(process.env["POOL_SIZE"] ?? 10));
  process.stdout.write(`${JSON.stringify({ listening: l1.url })}\n`);
  process.once("SIGTERM", () => void l1.close().then(() => process.exit(0)));
}
