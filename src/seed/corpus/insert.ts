import { Prisma, type PrismaClient } from "../../db/index.js";

// Bulk inserts for the corpus. Prisma's createMany spends about a millisecond of CPU per row
// in the client (query compilation and argument serialization), which made the default
// corpus take over a minute on PGlite and on PostgreSQL alike. Here each statement sends one
// array parameter per column and PostgreSQL unnests them into rows:
//
//   INSERT INTO "Quote" ("id", "text", ...) SELECT c0, c1, ... FROM unnest($1::uuid[], $2::text[], ...) AS t(c0, c1, ...)
//
// which is about ten times faster. The rows are still Prisma's own CreateManyInput types, so
// the compiler checks every field name and type against the schema, and each table's column
// map below is a mapped type over those fields: adding a required column to the schema fails
// the build until the map says how to send it. An optional column the corpus leaves empty
// needs no entry (a new nullable field of an article touches nothing here); one it fills must
// have one, or bulkInsert refuses the rows. The SQL text is built only from these constant
// maps, never from data, so $executeRawUnsafe is safe here.

/** How a column is sent: a PostgreSQL array element type, or an enum type's name. */
type SqlType =
  | "uuid"
  | "text"
  | "int4"
  | "int8"
  | "float8"
  | "timestamp"
  | "date"
  | "jsonb"
  | "text[]"
  | { readonly enum: string };

/** The fields a row must carry (no default, not nullable): the map must say how to send each. */
type RequiredKeys<Row> = { [K in keyof Row]-?: undefined extends Row[K] ? never : K }[keyof Row];

/** How to send each field of a CreateManyInput: every required one, and the optional ones the corpus fills. */
type ColumnMap<Row> = { readonly [K in RequiredKeys<Row>]: SqlType } & { readonly [K in keyof Row]?: SqlType };

/** A table and how to send its CreateManyInput fields. */
export interface TableSpec<Row> {
  readonly table: string;
  readonly columns: ColumnMap<Row>;
}

function spec<Row>(table: string, columns: ColumnMap<Row>): TableSpec<Row> {
  return { table, columns };
}

const anchorState = { enum: "AnchorState" } as const;
const origin = { enum: "Origin" } as const;
const reviewStatus = { enum: "ReviewStatus" } as const;

/** The tables the corpus writes. */
export const TABLES = {
  user: spec<Prisma.UserCreateManyInput>("User", {
    id: "uuid", name: "text", email: "text", role: { enum: "Role" }, createdAt: "timestamp", disabledAt: "timestamp",
  }),
  organization: spec<Prisma.OrganizationCreateManyInput>("Organization", {
    id: "uuid", name: "text", aliases: "text[]", wikidataId: "text", origin, createdAt: "timestamp", updatedAt: "timestamp",
  }),
  place: spec<Prisma.PlaceCreateManyInput>("Place", {
    id: "uuid", name: "text", aliases: "text[]", kind: { enum: "PlaceKind" }, countryCode: "text", country: "text", admin1: "text",
    latitude: "float8", longitude: "float8", geonamesId: "int4", geocodeConfidence: "float8", parentId: "uuid", origin, createdAt: "timestamp", updatedAt: "timestamp",
  }),
  person: spec<Prisma.PersonCreateManyInput>("Person", {
    id: "uuid", kind: { enum: "PersonKind" }, name: "text", description: "text", organizationId: "uuid", wikidataId: "text",
    externalIds: "jsonb", origin, confidence: "float8", reviewStatus, mergedIntoId: "uuid", version: "int4",
    createdAt: "timestamp", updatedAt: "timestamp", deletedAt: "timestamp",
  }),
  personAlias: spec<Prisma.PersonAliasCreateManyInput>("PersonAlias", {
    id: "uuid", personId: "uuid", alias: "text", kind: { enum: "AliasKind" }, createdAt: "timestamp",
  }),
  personRole: spec<Prisma.PersonRoleCreateManyInput>("PersonRole", {
    id: "uuid", personId: "uuid", title: "text", organizationId: "uuid", startDate: "date", endDate: "date", createdAt: "timestamp",
  }),
  incident: spec<Prisma.IncidentCreateManyInput>("Incident", {
    id: "uuid", type: { enum: "IncidentType" }, subType: "text", summary: "text", date: "date", datePrecision: { enum: "DatePrecision" },
    dateEarliest: "date", dateLatest: "date", placeId: "uuid", fatalitiesMin: "int4", fatalitiesMax: "int4", injuriesMin: "int4",
    injuriesMax: "int4", attributedTo: "text", blamedBy: "text", status: { enum: "IncidentStatus" }, origin, confidence: "float8",
    reviewStatus, fingerprint: "text", mergedIntoId: "uuid", version: "int4", createdAt: "timestamp", updatedAt: "timestamp",
    deletedAt: "timestamp",
  }),
  article: spec<Prisma.ArticleCreateManyInput>("Article", {
    id: "uuid", slug: "text", headline: "text", dek: "text", byline: "text", outlet: "text", url: "text", language: "text",
    publishedAt: "timestamp", body: "text", bodyHash: "text", status: { enum: "ArticleStatus" }, version: "int4",
    revisionNumber: "int4", retractionReason: "text", createdAt: "timestamp", updatedAt: "timestamp", deletedAt: "timestamp",
  }),
  articleRevision: spec<Prisma.ArticleRevisionCreateManyInput>("ArticleRevision", {
    id: "uuid", articleId: "uuid", number: "int4", headline: "text", body: "text", reason: "text", createdById: "uuid", createdAt: "timestamp",
  }),
  quote: spec<Prisma.QuoteCreateManyInput>("Quote", {
    id: "uuid", articleId: "uuid", text: "text", start: "int4", end: "int4", prefix: "text", suffix: "text", anchorState,
    anchorScore: "float8", anchoredRevision: "int4", kind: { enum: "QuoteKind" }, speakerId: "uuid", speakerOrganizationId: "uuid", speakerDescription: "text",
    reportingVerb: "text", medium: { enum: "QuoteMedium" }, sourceUrl: "text", sourceHandle: "text", sourceDate: "date",
    verification: { enum: "VerificationStatus" }, verificationNote: "text", evidenceUrls: "text[]", origin, confidence: "float8",
    reviewStatus, fingerprint: "text", version: "int4", createdAt: "timestamp", updatedAt: "timestamp", deletedAt: "timestamp",
  }),
  quoteLink: spec<Prisma.QuoteLinkCreateManyInput>("QuoteLink", {
    fromQuoteId: "uuid", toQuoteId: "uuid", note: "text", createdAt: "timestamp",
  }),
  incidentMention: spec<Prisma.IncidentMentionCreateManyInput>("IncidentMention", {
    id: "uuid", incidentId: "uuid", articleId: "uuid", start: "int4", end: "int4", exact: "text", prefix: "text", suffix: "text",
    anchorState, anchorScore: "float8", anchoredRevision: "int4", origin, confidence: "float8", reviewStatus, createdAt: "timestamp",
  }),
  entityMention: spec<Prisma.EntityMentionCreateManyInput>("EntityMention", {
    id: "uuid", articleId: "uuid", entityType: { enum: "EntityType" }, personId: "uuid", organizationId: "uuid", placeId: "uuid",
    start: "int4", end: "int4", exact: "text", prefix: "text", suffix: "text", anchorState, anchorScore: "float8",
    anchoredRevision: "int4", origin, confidence: "float8", reviewStatus, createdAt: "timestamp",
  }),
  correction: spec<Prisma.CorrectionCreateManyInput>("Correction", {
    id: "uuid", articleId: "uuid", text: "text", start: "int4", end: "int4", quoteId: "uuid", revisionNumber: "int4",
    createdById: "uuid", createdAt: "timestamp",
  }),
  annotation: spec<Prisma.AnnotationCreateManyInput>("Annotation", {
    id: "uuid", targetType: { enum: "AnnotationTargetType" }, articleId: "uuid", quoteId: "uuid", incidentId: "uuid", personId: "uuid",
    exact: "text", prefix: "text", suffix: "text", start: "int4", end: "int4", previousExact: "text", anchorState,
    anchorScore: "float8", anchoredRevision: "int4", motivation: { enum: "AnnotationMotivation" }, body: "text", tags: "text[]",
    status: { enum: "AnnotationStatus" }, parentId: "uuid", authorId: "uuid", resolvedById: "uuid", resolvedAt: "timestamp",
    version: "int4", createdAt: "timestamp", updatedAt: "timestamp", deletedAt: "timestamp",
  }),
  claimReview: spec<Prisma.ClaimReviewCreateManyInput>("ClaimReview", {
    id: "uuid", articleId: "uuid", quoteId: "uuid", claim: "text", start: "int4", end: "int4", rating: { enum: "ClaimRating" },
    explanation: "text", evidenceUrls: "text[]", reviewerId: "uuid", version: "int4", createdAt: "timestamp", updatedAt: "timestamp",
  }),
  auditEvent: spec<Prisma.AuditEventCreateManyInput>("AuditEvent", {
    id: "int8", actorId: "uuid", tokenId: "uuid", action: "text", targetType: "text", targetId: "text", before: "jsonb",
    after: "jsonb", requestId: "text", createdAt: "timestamp",
  }),
} as const;

function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function arrayType(type: SqlType): string {
  if (typeof type === "object") return `${quoteIdent(type.enum)}[]`;
  switch (type) {
    case "timestamp":
      return "timestamp(3)[]";
    case "text[]":
      // A list per row travels as JSON: PostgreSQL arrays cannot nest lists of different lengths.
      return "jsonb[]";
    default:
      return `${type}[]`;
  }
}

function isoInstant(value: unknown): string {
  return (value instanceof Date ? value : new Date(String(value))).toISOString();
}

/** One value as sent in a column array: text for timestamps, dates and JSON, otherwise itself. */
function encode(value: unknown, type: SqlType, where: string): unknown {
  if (value === null || value === undefined || value === Prisma.DbNull) return null;
  if (typeof type === "object") return value;
  switch (type) {
    case "timestamp":
      // The columns are timestamp without time zone holding UTC (Prisma's convention); the
      // trailing Z of an ISO string is ignored by the cast, so the session time zone never matters.
      return isoInstant(value);
    case "date":
      return isoInstant(value).slice(0, 10);
    case "jsonb":
    case "text[]":
      if (value === Prisma.JsonNull) return "null";
      return JSON.stringify(value);
    case "int4":
    case "int8":
    case "float8":
      if (typeof value !== "number") throw new TypeError(`${where}: expected a number, got ${typeof value}`);
      return value;
    default:
      if (typeof value !== "string") throw new TypeError(`${where}: expected a string, got ${typeof value}`);
      return value;
  }
}

/**
 * The statement that inserts `rows` into a table. Every row must carry the same fields (the
 * columns left out keep their database defaults); the corpus builds its rows that way.
 */
export function bulkInsert<Row extends object>(prisma: PrismaClient, table: TableSpec<Row>, rows: readonly Row[]): Prisma.PrismaPromise<number> {
  const first = rows[0];
  if (first === undefined) throw new RangeError(`bulkInsert ${table.table}: no rows`);
  const columns = Object.keys(first) as Array<keyof Row & string>;
  const types = columns.map((column) => {
    const type = (table.columns as Partial<Record<string, SqlType>>)[column];
    if (type === undefined) throw new Error(`bulkInsert ${table.table}: no column ${column} in its map (src/seed/corpus/insert.ts)`);
    return type;
  });
  const values: unknown[][] = columns.map(() => new Array<unknown>(rows.length));
  rows.forEach((row, r) => {
    if (Object.keys(row).length !== columns.length) {
      throw new Error(`bulkInsert ${table.table}: row ${r} has fields ${Object.keys(row).join(", ")}, the first row ${columns.join(", ")}`);
    }
    columns.forEach((column, c) => {
      if (!Object.hasOwn(row, column)) throw new Error(`bulkInsert ${table.table}: row ${r} lacks ${column}`);
      (values[c] as unknown[])[r] = encode(row[column], types[c] as SqlType, `${table.table}.${column}`);
    });
  });
  const names = columns.map((column) => quoteIdent(column)).join(", ");
  const aliases = columns.map((_, c) => `c${c}`);
  const selected = types.map((type, c) => (type === "text[]" ? `ARRAY(SELECT jsonb_array_elements_text(c${c}))` : `c${c}`));
  const sources = types.map((type, c) => `$${c + 1}::${arrayType(type)}`);
  const sql =
    `INSERT INTO ${quoteIdent(table.table)} (${names}) ` +
    `SELECT ${selected.join(", ")} FROM unnest(${sources.join(", ")}) AS t(${aliases.join(", ")})`;
  return prisma.$executeRawUnsafe(sql, ...values);
}

/** Statements inserting `rows` in chunks (parameters are arrays, so only memory bounds a chunk). */
export function bulkInsertChunks<Row extends object>(
  prisma: PrismaClient,
  table: TableSpec<Row>,
  rows: readonly Row[],
  chunkSize = 2_000,
): Prisma.PrismaPromise<number>[] {
  const statements: Prisma.PrismaPromise<number>[] = [];
  for (let i = 0; i < rows.length; i += chunkSize) statements.push(bulkInsert(prisma, table, rows.slice(i, i + chunkSize)));
  return statements;
}
