import { z } from "zod";
import { Prisma, type PrismaClient } from "../../db/index.js";
import { insertRows, insertWholeRows } from "../../db/insert.js";
import { rowShape } from "../../db/rows.js";
import { BULK_TRANSACTION_TIMEOUT_MS, inTransaction } from "../../db/transaction.js";
import type { Extraction, ExtractionOptions } from "../../extraction/types.js";
import type { Article } from "../../generated/prisma/client.js";
import { command, type Command } from "../../core/command.js";
import { recordAudits, type AuditChange } from "../../core/audit.js";
import { fail } from "../../core/failure.js";
import { httpUrl, optionalText, parseInput } from "../../core/input.js";
import type { Session } from "../../core/session.js";
import { articleBody, bodyHashOf } from "../articles/body.js";
import { articles } from "../articles/commands.js";
import { reanchorArticle } from "../articles/reanchor.js";
import { mayChangeArticle } from "../visibility/articles.js";
import { suggestionsCreatedChange, type SuggestionBatch } from "../subscriptions/suggestions.js";
import { sha256 } from "./fingerprint.js";
import { NO_SUGGESTIONS, reviewableCount, storeSuggestions, withGeocodes, type GeocodedExtraction, type SuggestionCounts } from "./store.js";

// The one longest-body rule (articles/body.ts); src/cli.ts's `extract` reads it from here.
export { MAX_BODY_LENGTH } from "../articles/body.js";

// Ingest: article text in, an article (or a new revision of one) with machine suggestions out,
// in one transaction: `ingestArticle`, the one command GraphQL, the CLI and the seed call. The
// order of the rules:
//   1. a repeated idempotency key replays the first answer (the same request) or is CONFLICT
//      (another request under the same key), before any other work;
//   2. the same text as a live article (found by URL, else by body hash) changes nothing;
//   3. the extraction runs outside the transaction (it is CPU work and needs no database);
//   4. the transaction takes an advisory lock on the story (its URL, else its hash), reads again,
//      and creates the article or appends a revision (re-anchoring every span, as updateArticle
//      does), stores the suggestions and one audit event, and remembers the idempotency key.
// The writes are batched: one statement per table for the suggestions (store.ts), and the audit
// events of one ingest in one INSERT, so a story costs a fixed number of round trips, whatever
// its size (tests/api/ingest-statements.test.ts pins the count).

/** What ingest did with the text: a new article, a new revision of the article at the same URL, or nothing (the text is there already). */
export type IngestOutcome = "CREATED" | "REVISED" | "UNCHANGED";

/** The answer of one ingest. */
export interface IngestResult {
  readonly article: Article;
  readonly outcome: IngestOutcome;
  readonly counts: SuggestionCounts;
  /** True when this is the remembered answer to an earlier request with the same idempotency key. */
  readonly replayed: boolean;
}

/** The extraction ingest runs on a text (extractArticle; tests and benchmarks pass their own to {@link ingestArticleWith}). */
export type Extractor = (text: string, options: ExtractionOptions) => Extraction | Promise<Extraction>;

/**
 * extractArticle, loaded on the first ingest rather than at start-up: its language models
 * (wink-nlp's English model, compromise) hold about 70 MiB that a server which only reads never needs.
 */
const extractArticle: Extractor = async (text, options) => (await import("../../extraction/index.js")).extractArticle(text, options);

const MAX_KEY_LENGTH = 200;
const OPERATION = "ingestArticle";
const SLUG_WORDS = 8;
const SLUG_MAX = 80;

const inputSchema = z.object({
  text: articleBody,
  headline: optionalText(300),
  url: httpUrl.nullish(),
  outlet: optionalText(200),
  publishedAt: z.date().nullish(),
  slug: z.string().trim().min(3, "must be at least 3 characters").max(120, "must be at most 120 characters").regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase letters, digits and single hyphens").nullish(),
});

const keySchema = z.string().trim().min(1, "must not be empty").max(MAX_KEY_LENGTH, `must be at most ${MAX_KEY_LENGTH} characters`);

/** The remembered answer (IdempotencyKey.result). */
const rememberedSchema = z.object({
  outcome: z.enum(["CREATED", "REVISED", "UNCHANGED"]),
  counts: z.object({
    quotes: z.number(),
    people: z.number(),
    unnamedSources: z.number(),
    organizations: z.number(),
    places: z.number(),
    incidents: z.number(),
    incidentMentions: z.number(),
    entityMentions: z.number(),
    skipped: z.number(),
  }),
});

type Parsed = z.output<typeof inputSchema>;

/**
 * Input of {@link ingestArticle}: the story (`slug` is the new article's slug, lowercase words and
 * hyphens, default from the headline or the first words; ignored for a revision) and the client's
 * idempotency key (at most 200 characters, scoped to the user).
 */
export type IngestArticleCommand = z.input<typeof inputSchema> & { readonly idempotencyKey?: string | null };

/** A URL-safe slug from the headline, else the first words of the text ("state-department-orders-..."). */
export function slugFrom(headline: string | null | undefined, text: string): string {
  const source = headline?.trim() || text;
  const words = source
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[’']/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .slice(0, SLUG_WORDS);
  let slug = "";
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > SLUG_MAX) break;
    slug = next;
  }
  return slug.length >= 3 ? slug : `story-${slug || "untitled"}`.replace(/-$/, "");
}

/** A slug no article has: the base, else the base with the body hash's first characters, else numbered. */
async function uniqueSlug(tx: Prisma.TransactionClient, base: string, bodyHash: string): Promise<string> {
  const taken = new Set((await tx.$queryRawUnsafe<{ slug: string }[]>(`SELECT slug FROM "public"."Article" WHERE starts_with(slug, $1)`, base)).map((row) => row.slug));
  if (!taken.has(base)) return base;
  const hashed = `${base}-${bodyHash.slice(0, 8)}`;
  if (!taken.has(hashed)) return hashed;
  for (let n = 2; ; n += 1) if (!taken.has(`${hashed}-${n}`)) return `${hashed}-${n}`;
}

/** The fingerprint of a request, so a repeated key can tell "the same request again" from "another request". */
function requestHash(input: Parsed): string {
  return sha256(JSON.stringify([input.text, input.headline ?? null, input.url ?? null, input.outlet ?? null, input.publishedAt?.toISOString() ?? null, input.slug ?? null]));
}

/**
 * The live article this text belongs to: the one at its URL, else one with the same body, the
 * oldest first. One statement (raw SQL, as ingest's writes: src/db/insert.ts says why).
 */
async function existingArticle(db: Prisma.TransactionClient | PrismaClient, input: Parsed, bodyHash: string): Promise<Article | null> {
  const shape = rowShape(db, "Article");
  const rows = await db.$queryRawUnsafe<{ row: Record<string, unknown> }[]>(
    `SELECT ${shape.jsonSql("a").text} AS "row" FROM "public"."Article" a
     WHERE a."deletedAt" IS NULL AND (a.url = $1 OR a."bodyHash" = $2)
     ORDER BY a.url = $1 IS TRUE DESC, a."createdAt" LIMIT 1`,
    input.url ?? null,
    bodyHash,
  );
  return rows[0] ? (shape.revive(rows[0].row) as Article) : null;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** The remembered answer under `key`, or null; CONFLICT when the key was used for another request. */
async function replay(prisma: PrismaClient, key: string, hash: string): Promise<IngestResult | null> {
  const row = await prisma.idempotencyKey.findUnique({ where: { key } });
  if (!row) return null;
  if (row.operation !== OPERATION || row.requestHash !== hash) {
    throw fail("CONFLICT", "This idempotency key was used for a different request; send a new key for a new request.", "idempotencyKey");
  }
  const remembered = rememberedSchema.parse(row.result);
  const article = await prisma.article.findUnique({ where: { id: row.resultId } });
  if (!article) throw fail("NOT_FOUND", "The article this idempotency key created no longer exists.", "idempotencyKey");
  return { article, outcome: remembered.outcome, counts: remembered.counts, replayed: true };
}

/** The day of a Date as YYYY-MM-DD, for the extraction's relative dates. */
function isoDay(date: Date | null | undefined): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

/** Ingest with the given extraction (tests and benchmarks); {@link ingestArticle} is ingest with extractArticle. */
export function ingestArticleWith(extract: Extractor): Command<IngestArticleCommand, IngestResult> {
  return command("article.ingest", (session, input: IngestArticleCommand) => ingest(session, input, extract));
}

/**
 * Ingests one story's text: stores it as a DRAFT article (or a new revision of the article at the
 * same URL) with the extraction's quotes, people, places and incidents as PENDING suggestions.
 * A reporter may not revise a public article (mayChangeArticle). Live updates of the new
 * suggestions go out through the session's publisher once the transaction commits (suggest()).
 */
export const ingestArticle = ingestArticleWith(extractArticle);

async function ingest(session: Session, request: IngestArticleCommand, extract: Extractor): Promise<IngestResult> {
  const { prisma } = session;
  const input = parseInput(inputSchema, request);
  const key = request.idempotencyKey === undefined || request.idempotencyKey === null ? null : parseKey(request.idempotencyKey);
  const scopedKey = key === null ? null : `${session.viewer.userId ?? "anonymous"}:${key}`;
  const hash = requestHash(input);
  if (scopedKey) {
    const remembered = await replay(prisma, scopedKey, hash);
    if (remembered) return remembered;
  }
  const bodyHash = bodyHashOf(input.text);
  const before = await existingArticle(prisma, input, bodyHash);
  // The same text again and no key to remember: nothing to write, so no transaction either.
  if (before?.bodyHash === bodyHash && !scopedKey) return { article: before, outcome: "UNCHANGED", counts: NO_SUGGESTIONS, replayed: false };
  // Geocoding may read the small-town gazetteer the first time: outside the transaction too.
  const extraction =
    before?.bodyHash === bodyHash
      ? null
      : await withGeocodes(await extract(input.text, { publishedAt: isoDay(input.publishedAt ?? before?.publishedAt), headline: input.headline ?? null }));

  try {
    return await inTransaction(prisma, (tx) => ingestInTransaction(tx, session, input, bodyHash, extraction, scopedKey, hash), {
      timeoutMs: BULK_TRANSACTION_TIMEOUT_MS,
    });
  } catch (error) {
    // The same key sent twice at once: the other request committed first; answer as it did.
    if (scopedKey && isUniqueViolation(error)) {
      const remembered = await replay(prisma, scopedKey, hash);
      if (remembered) return remembered;
    }
    throw error;
  }
}

type PendingIds = Omit<SuggestionBatch, "articleId">;

/**
 * Ids of the article's pending machine suggestions: its quotes, its entity and incident mentions,
 * and the people and incidents those mentions and quotes point at. Taken before and after storing,
 * the difference is what this ingest suggested (createMany does not return ids).
 */
async function pendingSuggestionIds(tx: Prisma.TransactionClient, articleId: string): Promise<PendingIds> {
  const rows = await tx.$queryRaw<{ kind: string; id: string }[]>`
    SELECT 'quote' AS kind, q.id::text AS id FROM "Quote" q WHERE q."articleId" = ${articleId}::uuid AND q."reviewStatus" = 'PENDING' AND q.origin = 'MACHINE'
    UNION ALL SELECT 'mention', m.id::text FROM "EntityMention" m WHERE m."articleId" = ${articleId}::uuid AND m."reviewStatus" = 'PENDING' AND m.origin = 'MACHINE'
    UNION ALL SELECT 'mention', m.id::text FROM "IncidentMention" m WHERE m."articleId" = ${articleId}::uuid AND m."reviewStatus" = 'PENDING' AND m.origin = 'MACHINE'
    UNION ALL SELECT DISTINCT 'person', p.id::text FROM "Person" p
      WHERE p."reviewStatus" = 'PENDING' AND p.origin = 'MACHINE' AND (
        EXISTS (SELECT 1 FROM "EntityMention" m WHERE m."personId" = p.id AND m."articleId" = ${articleId}::uuid)
        OR EXISTS (SELECT 1 FROM "Quote" q WHERE q."speakerId" = p.id AND q."articleId" = ${articleId}::uuid))
    UNION ALL SELECT DISTINCT 'incident', i.id::text FROM "Incident" i
      WHERE i."reviewStatus" = 'PENDING' AND i.origin = 'MACHINE'
        AND EXISTS (SELECT 1 FROM "IncidentMention" m WHERE m."incidentId" = i.id AND m."articleId" = ${articleId}::uuid)`;
  const of = (kind: string) => rows.filter((row) => row.kind === kind).map((row) => row.id);
  return { quoteIds: of("quote"), personIds: of("person"), incidentIds: of("incident"), mentionIds: of("mention") };
}

/**
 * Stores the extraction's suggestions and returns, when there are any, the `suggestions.created`
 * audit change listing them (the caller writes it with its own event), which live updates publish
 * to `suggestionsCreated(articleId)` once the transaction commits. A new article has no pending
 * suggestions before this, so only a revision reads them first.
 */
async function suggest(tx: Prisma.TransactionClient, article: Article, extraction: GeocodedExtraction, isNew: boolean): Promise<{ counts: SuggestionCounts; changes: AuditChange[] }> {
  const before = isNew ? null : await pendingSuggestionIds(tx, article.id);
  const counts = await storeSuggestions(tx, article, extraction, { isNew });
  if (reviewableCount(counts) === 0) return { counts, changes: [] };
  const after = await pendingSuggestionIds(tx, article.id);
  const added = (key: keyof PendingIds) => (before ? after[key].filter((id) => !before[key].includes(id)) : after[key]);
  const change = suggestionsCreatedChange({
    articleId: article.id,
    quoteIds: added("quoteIds"),
    personIds: added("personIds"),
    incidentIds: added("incidentIds"),
    mentionIds: added("mentionIds"),
  });
  return { counts, changes: [change] };
}

function parseKey(key: string): string {
  const parsed = keySchema.safeParse(key);
  if (!parsed.success) throw fail("INVALID_INPUT", `idempotencyKey ${parsed.error.issues[0]?.message ?? "is not valid"}.`, "idempotencyKey");
  return parsed.data;
}

async function ingestInTransaction(
  tx: Prisma.TransactionClient,
  session: Session,
  input: Parsed,
  bodyHash: string,
  extraction: GeocodedExtraction | null,
  scopedKey: string | null,
  hash: string,
): Promise<IngestResult> {
  // Two ingests of one story wait for each other here, so neither creates a second article.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`ingest:${input.url ?? bodyHash}`}))`;
  const before = await existingArticle(tx, input, bodyHash);
  let outcome: IngestOutcome;
  let article: Article;
  let counts: SuggestionCounts = NO_SUGGESTIONS;
  if (before && before.bodyHash === bodyHash) {
    outcome = "UNCHANGED";
    article = before;
  } else if (!extraction) {
    // The text was there when we looked before the transaction and has changed since: run again.
    throw fail("CONFLICT", "The article changed while this text was being ingested; send the request again.", "input.text");
  } else if (before) {
    outcome = "REVISED";
    if (!mayChangeArticle(session.viewer, before)) {
      throw fail("FORBIDDEN", `Reporters may revise drafts and articles in review; the article at this URL is ${before.status}. Ask an editor.`, "input.url");
    }
    ({ article, counts } = await revise(tx, session, before, input, bodyHash, extraction));
  } else {
    outcome = "CREATED";
    ({ article, counts } = await create(tx, session, input, bodyHash, extraction));
  }
  if (scopedKey) {
    await tx.idempotencyKey.create({ data: { key: scopedKey, operation: OPERATION, requestHash: hash, resultId: article.id, result: { outcome, counts: { ...counts } } } });
  }
  return { article, outcome, counts, replayed: false };
}

async function create(tx: Prisma.TransactionClient, session: Session, input: Parsed, bodyHash: string, extraction: GeocodedExtraction): Promise<{ article: Article; counts: SuggestionCounts }> {
  if (input.slug && (await tx.article.findUnique({ where: { slug: input.slug }, select: { id: true } }))) {
    throw fail("CONFLICT", `An article with the slug ${input.slug} exists already (perhaps deleted); choose another.`, "input.slug");
  }
  // The article and its first revision as two plain INSERTs (a nested create reads the article
  // back with a third statement).
  const [article] = await insertWholeRows(tx, "Article", [
    {
      slug: input.slug ?? (await uniqueSlug(tx, slugFrom(input.headline, input.text), bodyHash)),
      headline: input.headline ?? null,
      outlet: input.outlet ?? null,
      url: input.url ?? null,
      publishedAt: input.publishedAt ?? null,
      body: input.text,
      bodyHash,
      status: "DRAFT",
    },
  ]);
  if (!article) throw new Error("Inserting the article returned no row.");
  await insertRows(tx, "ArticleRevision", [{ articleId: article.id, number: 1, headline: input.headline ?? null, body: input.text, reason: "Ingested", createdById: session.viewer.userId }]);
  const { counts, changes } = await suggest(tx, article, extraction, true);
  await recordAudits(tx, session, [
    ...changes,
    { action: "article.ingest", targetType: "Article", targetId: article.id, before: null, after: { ...article, ingest: { outcome: "CREATED", suggestions: counts, total: reviewableCount(counts) } } },
  ]);
  return { article, counts };
}

async function revise(
  tx: Prisma.TransactionClient,
  session: Session,
  before: Article,
  input: Parsed,
  bodyHash: string,
  extraction: GeocodedExtraction,
): Promise<{ article: Article; counts: SuggestionCounts }> {
  const revisionNumber = before.revisionNumber + 1;
  // The article's own conditional update (articles.update), with ingest's own answer when it
  // moved on meanwhile: the client sent a text, not a version, so it is to send the text again.
  const article = await articles.update(tx, before.id, before.version, {
    body: input.text,
    bodyHash,
    revisionNumber,
    ...(input.headline ? { headline: input.headline } : {}),
    ...(input.outlet ? { outlet: input.outlet } : {}),
    ...(input.publishedAt ? { publishedAt: input.publishedAt } : {}),
  });
  if (!article) throw fail("CONFLICT", "The article changed while this text was being ingested; send the request again.", "input.text");
  await tx.articleRevision.create({
    data: { articleId: article.id, number: revisionNumber, headline: article.headline, body: article.body, reason: "Ingested a changed text", createdById: session.viewer.userId },
  });
  const reanchored = await reanchorArticle(tx, article.id, before.body, article.body, revisionNumber);
  const { counts, changes } = await suggest(tx, article, extraction, false);
  // An article.update event like updateArticle's (Article.revision(n).spans reads before.anchors
  // of that action back), with what ingest added.
  await recordAudits(tx, session, [
    ...changes,
    {
      action: "article.update",
      targetType: "Article",
      targetId: article.id,
      before: { ...before, anchors: reanchored.anchorsBefore },
      after: { ...article, reanchored: reanchored.summary, ingest: { outcome: "REVISED", suggestions: counts, total: reviewableCount(counts) } },
    },
  ]);
  return { article, counts };
}
