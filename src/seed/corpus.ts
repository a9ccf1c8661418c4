import type { Prisma, PrismaClient } from "../db/index.js";
import { IdClock } from "./corpus/ids.js";
import { bulkInsertChunks, TABLES } from "./corpus/insert.js";
import { planCorpus, type CorpusSize } from "./corpus/plan.js";
import { Random, type Seed } from "./corpus/random.js";
import { placeKey, worldRows, type ExistingRows } from "./corpus/rows.js";
import { writeArticle, type ArticleRows, type StoryContext } from "./corpus/story.js";
import { CORPUS_USERS, makeWorld } from "./corpus/world.js";

// A deterministic generated corpus for tests and benchmarks: wire stories with their quotes,
// people, places, incidents, mentions, revisions, corrections, annotations, claim reviews and
// audit trail. The same seed gives the same rows, ids and timestamps included (ids are
// UUIDv7-shaped and made here, from a simulated clock, not by the database), so keyset cursors
// and benchmark results can be compared across runs and machines.
//
// The world (users, organizations, places, people, incidents) is written in one transaction,
// then the articles in batches, each batch in one transaction, so 100,000 articles never sit
// in memory at once. Rows go in through unnest-based INSERTs (corpus/insert.ts), about ten
// times faster than createMany. The corpus's users (corpus-viewer, corpus-reporter,
// corpus-editor, corpus-admin) are written first and mark a database as holding a corpus: a
// second run refuses, and so does a run after one that failed halfway (use a fresh database).

/** A corpus seed: a number or a string. */
export type { Seed } from "./corpus/random.js";
/** The corpus's users by name and role: their presence marks a database as holding a corpus. */
export { CORPUS_USERS } from "./corpus/world.js";

/** How big a corpus to make. Counts left out scale with `articles`, as in the default corpus. */
export interface CorpusOptions {
  /** Articles (default 2,000). */
  readonly articles?: number;
  /** People, about 15% of them unnamed sources (default articles / 10). */
  readonly people?: number;
  /** Quotes, exactly (default articles × 5). */
  readonly quotes?: number;
  /** Incidents, each reported by one to three articles (default articles / 2). */
  readonly incidents?: number;
  /** Annotations, exactly (default articles × 2.5). */
  readonly annotations?: number;
  /** The seed (default 1): the same seed, the same corpus. */
  readonly seed?: Seed;
  /** Articles written per transaction (default 250). */
  readonly batchSize?: number;
  /** Called after each batch is committed. */
  readonly onProgress?: (progress: CorpusProgress) => void;
}

/** How far a generation has got. */
export interface CorpusProgress {
  readonly articlesWritten: number;
  readonly articles: number;
  readonly elapsedMs: number;
}

/** Rows inserted, by table. */
export interface CorpusCounts {
  users: number;
  organizations: number;
  places: number;
  people: number;
  personAliases: number;
  personRoles: number;
  incidents: number;
  articles: number;
  articleRevisions: number;
  quotes: number;
  quoteLinks: number;
  incidentMentions: number;
  entityMentions: number;
  annotations: number;
  corrections: number;
  claimReviews: number;
  auditEvents: number;
}

/** What generateCorpus made. */
export interface CorpusSummary {
  readonly seed: Seed;
  readonly counts: Readonly<CorpusCounts>;
  /** Organizations and places that were already in the database and were used, not inserted. */
  readonly reused: { readonly organizations: number; readonly places: number };
  readonly elapsedMs: number;
}

/** Thrown when the database already holds a corpus (or a half-written one). */
export class CorpusExistsError extends Error {
  constructor() {
    super(
      "This database already holds a generated corpus (its users corpus-viewer ... corpus-admin exist). " +
        "Generate into a fresh database: another DATA_DIR, or a new database for DATABASE_URL.",
    );
    this.name = "CorpusExistsError";
  }
}

const DEFAULT_ARTICLES = 2_000;
const DEFAULT_SEED = 1;
const DEFAULT_BATCH = 250;
const MAX_COUNT = 10_000_000;
/** The simulated clock starts here: the corpus was loaded into copydesk on 4 January 2021. */
const CORPUS_EPOCH_MS = Date.UTC(2021, 0, 4, 8, 0, 0);

function count(name: string, value: number | undefined, fallback: number, minimum = 0): number {
  const chosen = value ?? fallback;
  if (!Number.isSafeInteger(chosen) || chosen < minimum || chosen > MAX_COUNT) {
    throw new RangeError(`generateCorpus: ${name} must be a whole number from ${minimum} to ${MAX_COUNT}, not ${chosen}`);
  }
  return chosen;
}

/** Settles every count of a corpus from the options: what is not given scales with `articles`. */
export function corpusSize(options: CorpusOptions = {}): CorpusSize {
  const articles = count("articles", options.articles, DEFAULT_ARTICLES, 1);
  return {
    articles,
    people: count("people", options.people, Math.round(articles / 10)),
    quotes: count("quotes", options.quotes, articles * 5),
    incidents: count("incidents", options.incidents, Math.round(articles / 2)),
    annotations: count("annotations", options.annotations, Math.round(articles * 2.5)),
    claimReviews: Math.round(articles * 0.15),
    quoteLinks: Math.round(articles * 0.1),
    auditEvents: articles,
  };
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

async function findExisting(prisma: PrismaClient, orgNames: readonly string[], placeNames: readonly string[]): Promise<ExistingRows> {
  const [organizations, places] = await Promise.all([
    prisma.organization.findMany({ where: { name: { in: [...orgNames] } }, select: { id: true, name: true } }),
    prisma.place.findMany({ where: { name: { in: [...placeNames] } }, select: { id: true, name: true, countryCode: true } }),
  ]);
  return {
    organizations: new Map(organizations.map((row) => [row.name, row.id])),
    places: new Map(places.map((row) => [placeKey(row.name, row.countryCode), row.id])),
  };
}

type RowListKey = Exclude<keyof ArticleRows, "article">;

/** The rows of one kind of every article of a batch. */
function gather<K extends RowListKey>(batch: readonly ArticleRows[], key: K): Array<ArticleRows[K][number]> {
  const out: Array<ArticleRows[K][number]> = [];
  for (const rows of batch) for (const row of rows[key]) out.push(row);
  return out;
}

/** The statements that insert one batch of articles, parents before children. */
function batchStatements(prisma: PrismaClient, batch: readonly ArticleRows[]): Prisma.PrismaPromise<number>[] {
  return [
    ...bulkInsertChunks(prisma, TABLES.article, batch.map((rows) => rows.article)),
    ...bulkInsertChunks(prisma, TABLES.articleRevision, gather(batch, "revisions")),
    ...bulkInsertChunks(prisma, TABLES.quote, gather(batch, "quotes")),
    ...bulkInsertChunks(prisma, TABLES.quoteLink, gather(batch, "quoteLinks")),
    ...bulkInsertChunks(prisma, TABLES.incidentMention, gather(batch, "incidentMentions")),
    ...bulkInsertChunks(prisma, TABLES.entityMention, gather(batch, "entityMentions")),
    ...bulkInsertChunks(prisma, TABLES.correction, gather(batch, "corrections")),
    ...bulkInsertChunks(prisma, TABLES.annotation, gather(batch, "annotations")),
    ...bulkInsertChunks(prisma, TABLES.claimReview, gather(batch, "claimReviews")),
    ...bulkInsertChunks(prisma, TABLES.auditEvent, gather(batch, "auditEvents")),
  ];
}

function addBatch(counts: CorpusCounts, batch: readonly ArticleRows[]): void {
  for (const rows of batch) {
    counts.articles += 1;
    counts.articleRevisions += rows.revisions.length;
    counts.quotes += rows.quotes.length;
    counts.quoteLinks += rows.quoteLinks.length;
    counts.incidentMentions += rows.incidentMentions.length;
    counts.entityMentions += rows.entityMentions.length;
    counts.corrections += rows.corrections.length;
    counts.annotations += rows.annotations.length;
    counts.claimReviews += rows.claimReviews.length;
    counts.auditEvents += rows.auditEvents.length;
  }
}

/**
 * Generates the corpus into an empty (or example-story-only) database and returns what it
 * inserted. Refuses with CorpusExistsError when the database already holds a corpus.
 */
export async function generateCorpus(prisma: PrismaClient, options: CorpusOptions = {}): Promise<CorpusSummary> {
  const startedAt = performance.now();
  const size = corpusSize(options);
  const seed = options.seed ?? DEFAULT_SEED;
  const batchSize = count("batchSize", options.batchSize, DEFAULT_BATCH, 1);

  const marker = await prisma.user.findFirst({ where: { name: { in: CORPUS_USERS.map(([name]) => name) } }, select: { id: true } });
  if (marker) throw new CorpusExistsError();

  // Separate streams for the plan, the world and the ids: each depends only on the seed.
  const plan = planCorpus(size, Random.from(seed, "plan"));
  const clock = new IdClock(Random.from(seed, "ids"), CORPUS_EPOCH_MS);
  const world = makeWorld(plan, Random.from(seed, "world"), clock);
  const existing = await findExisting(
    prisma,
    world.orgs.map((org) => org.name),
    [...new Set(world.places.map((place) => place.name))],
  );
  const rows = worldRows(world, existing, clock);

  const counts: CorpusCounts = {
    users: rows.users.length,
    organizations: rows.organizations.length,
    places: rows.places.length,
    people: rows.people.length,
    personAliases: rows.personAliases.length,
    personRoles: rows.personRoles.length,
    incidents: rows.incidents.length,
    articles: 0,
    articleRevisions: 0,
    quotes: 0,
    quoteLinks: 0,
    incidentMentions: 0,
    entityMentions: 0,
    annotations: 0,
    corrections: 0,
    claimReviews: 0,
    auditEvents: rows.auditEvents.length,
  };

  try {
    await prisma.$transaction([
      // The users first: their unique names make a concurrent second run fail here, before anything else.
      ...bulkInsertChunks(prisma, TABLES.user, rows.users),
      ...bulkInsertChunks(prisma, TABLES.organization, rows.organizations),
      ...bulkInsertChunks(prisma, TABLES.place, rows.places),
      ...bulkInsertChunks(prisma, TABLES.person, rows.people),
      ...bulkInsertChunks(prisma, TABLES.personAlias, rows.personAliases),
      ...bulkInsertChunks(prisma, TABLES.personRole, rows.personRoles),
      ...bulkInsertChunks(prisma, TABLES.incident, rows.incidents),
      ...bulkInsertChunks(prisma, TABLES.auditEvent, rows.auditEvents),
    ]);
  } catch (error) {
    if (isUniqueViolation(error)) {
      const again = await prisma.user.findFirst({ where: { name: { in: CORPUS_USERS.map(([name]) => name) } }, select: { id: true } });
      if (again) throw new CorpusExistsError();
    }
    throw error;
  }

  const context: StoryContext = { seed, world, plan, clock, statements: new Map(), seen: { media: 0, verification: 0, annotationRoots: 0 } };
  for (let first = 0; first < size.articles; first += batchSize) {
    const batch: ArticleRows[] = [];
    for (let index = first; index < Math.min(size.articles, first + batchSize); index += 1) batch.push(writeArticle(context, index));
    await prisma.$transaction(batchStatements(prisma, batch));
    addBatch(counts, batch);
    options.onProgress?.({ articlesWritten: counts.articles, articles: size.articles, elapsedMs: performance.now() - startedAt });
  }
  // Freshly bulk-loaded tables have no planner statistics until autovacuum reaches them, and
  // without them PostgreSQL picks nested-loop plans that are 50-100x slower on this data.
  await prisma.$executeRawUnsafe("ANALYZE");

  return {
    seed,
    counts,
    reused: rows.reused,
    elapsedMs: performance.now() - startedAt,
  };
}
