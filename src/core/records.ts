/**
 * The kinds of record copydesk keeps that an audit event can name as its target, and that the
 * API gives global ids (src/graphql/ids.ts encodes "Kind:id").
 */
export const RECORD_TYPES = [
  "Article",
  "ArticleRevision",
  "Correction",
  "Quote",
  "Person",
  "Organization",
  "Place",
  "Incident",
  "Annotation",
  "ClaimReview",
  "User",
  "AuditEvent",
] as const;

/** One of {@link RECORD_TYPES}. */
export type RecordType = (typeof RECORD_TYPES)[number];

const KNOWN: ReadonlySet<string> = new Set(RECORD_TYPES);

/** True when `type` names one of {@link RECORD_TYPES} (audit events store it as text). */
export function isRecordType(type: string): type is RecordType {
  return KNOWN.has(type);
}

/** A UUID as PostgreSQL prints it (lowercase): the id of every record but audit events. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
