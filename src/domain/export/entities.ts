import type { PrismaClient } from "../../db/index.js";
import { DEFAULT_BATCH_SIZE } from "./batch.js";

// Every record of every entity type, for bulk loads into another system: one JSON object per
// line, {"type": "<entity>", "data": {...the stored fields...}}. The record sits under "data"
// because records have fields of their own called "type" (Incident.type).
//
// A full copy, as the database holds it: drafts, pending suggestions, deleted and merged records
// too (with their deletedAt / mergedIntoId / reviewStatus), so a load elsewhere can apply its
// own rules. Left out: API tokens (secret hashes), user e-mail addresses, the audit log and
// idempotency keys, which describe this installation rather than the newsroom's material.

/** One line of the export. */
export interface EntityLine {
  readonly type: EntityTypeName;
  readonly data: Readonly<Record<string, unknown>>;
}

/** A stored record as the export reads it. */
type Row = Readonly<Record<string, unknown>>;

/** Reads up to `take` records of one entity type that come after the record `after` in key order. */
type BatchReader = (prisma: PrismaClient, after: Row | undefined, take: number) => Promise<readonly Row[]>;

/** The condition "id after the last record read". */
const afterId = (after: Row | undefined) => (after === undefined ? {} : { id: { gt: String(after["id"]) } });

/**
 * The entity types in load order (a record's references come before it), each read by id (UUIDv7,
 * so creation order). QuoteLink has no id of its own: its key is the pair of quote ids.
 */
const READERS = {
  User: (prisma, after, take) =>
    prisma.user.findMany({ where: afterId(after), orderBy: { id: "asc" }, take, select: { id: true, name: true, role: true, createdAt: true, disabledAt: true } }),
  Organization: (prisma, after, take) => prisma.organization.findMany({ where: afterId(after), orderBy: { id: "asc" }, take }),
  Place: (prisma, after, take) => prisma.place.findMany({ where: afterId(after), orderBy: { id: "asc" }, take }),
  Person: (prisma, after, take) => prisma.person.findMany({ where: afterId(after), orderBy: { id: "asc" }, take }),
  PersonAlias: (prisma, after, take) => prisma.personAlias.findMany({ where: afterId(after), orderBy: { id: "asc" }, take }),
  PersonRole: (prisma, after, take) => prisma.personRole.findMany({ where: afterId(after), orderBy: { id: "asc" }, take }),
  Article: (prisma, after, take) => prisma.article.findMany({ where: afterId(after), orderBy: { id: "asc" }, take }),
  ArticleRevision: (prisma, after, take) => prisma.articleRevision.findMany({ where: afterId(after), orderBy: { id: "asc" }, take }),
  Quote: (prisma, after, take) => prisma.quote.findMany({ where: afterId(after), orderBy: { id: "asc" }, take }),
  QuoteLink: (prisma, after, take) => {
    const from = String(after?.["fromQuoteId"]);
    const to = String(after?.["toQuoteId"]);
    return prisma.quoteLink.findMany({
      where: after === undefined ? {} : { OR: [{ fromQuoteId: { gt: from } }, { fromQuoteId: from, toQuoteId: { gt: to } }] },
      orderBy: [{ fromQuoteId: "asc" }, { toQuoteId: "asc" }],
      take,
    });
  },
  Correction: (prisma, after, take) => prisma.correction.findMany({ where: afterId(after), orderBy: { id: "asc" }, take }),
  Incident: (prisma, after, take) => prisma.incident.findMany({ where: afterId(after), orderBy: { id: "asc" }, take }),
  IncidentMention: (prisma, after, take) => prisma.incidentMention.findMany({ where: afterId(after), orderBy: { id: "asc" }, take }),
  EntityMention: (prisma, after, take) => prisma.entityMention.findMany({ where: afterId(after), orderBy: { id: "asc" }, take }),
  Annotation: (prisma, after, take) => prisma.annotation.findMany({ where: afterId(after), orderBy: { id: "asc" }, take }),
  ClaimReview: (prisma, after, take) => prisma.claimReview.findMany({ where: afterId(after), orderBy: { id: "asc" }, take }),
} satisfies Record<string, BatchReader>;

/** The name of an exported entity type (the "type" of a line). */
export type EntityTypeName = keyof typeof READERS;

/** Every entity type the export writes, in the order it writes them. */
export const ENTITY_TYPES = Object.keys(READERS) as EntityTypeName[];

/**
 * Every record of every entity type, type after type, in keyset batches of `batchSize` (one
 * statement each), so memory stays flat whatever the size of the database.
 */
export async function* entityLines(prisma: PrismaClient, batchSize = DEFAULT_BATCH_SIZE): AsyncGenerator<EntityLine> {
  for (const type of ENTITY_TYPES) {
    const read: BatchReader = READERS[type];
    let after: Row | undefined;
    for (;;) {
      const batch = await read(prisma, after, batchSize);
      for (const data of batch) yield { type, data };
      if (batch.length < batchSize) break;
      after = batch.at(-1);
    }
  }
}
