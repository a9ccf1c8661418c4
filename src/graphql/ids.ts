import { badUserInput } from "./errors.js";

/** The object types that have global ids. */
export const NODE_TYPES = [
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

/** One of {@link NODE_TYPES}. */
export type NodeType = (typeof NODE_TYPES)[number];

const KNOWN_TYPES: ReadonlySet<string> = new Set(NODE_TYPES);
/** A UUID as PostgreSQL prints it (lowercase). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Audit events are numbered by a sequence; every other record has a UUID. */
const SEQUENCE = /^[1-9]\d{0,18}$/;

/** Encodes a global (Relay) id: base64url of "Type:id". */
export function toGlobalId(type: NodeType, id: string | bigint): string {
  return Buffer.from(`${type}:${id}`, "utf8").toString("base64url");
}

/** Decodes a global id; null when it is not one of ours (so lookups answer "not found"). */
export function parseGlobalId(globalId: string): { type: NodeType; id: string } | null {
  if (globalId.length > 200) return null;
  const decoded = Buffer.from(globalId, "base64url").toString("utf8");
  const separator = decoded.indexOf(":");
  if (separator < 0) return null;
  const type = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (!KNOWN_TYPES.has(type)) return null;
  if (!(type === "AuditEvent" ? SEQUENCE : UUID_PATTERN).test(id)) return null;
  return { type: type as NodeType, id };
}

/** Decodes a global id that must be of one type; a wrong or malformed id is BAD_USER_INPUT. */
export function expectGlobalId(globalId: string, type: NodeType, argument: string): string {
  const parsed = parseGlobalId(globalId);
  if (!parsed || parsed.type !== type) throw badUserInput(`${argument} is not a valid ${type} id.`, argument);
  return parsed.id;
}

/** {@link expectGlobalId} for an optional argument: undefined when it is absent. */
export function optionalGlobalId(globalId: string | null | undefined, type: NodeType, argument: string): string | undefined {
  return globalId === null || globalId === undefined ? undefined : expectGlobalId(globalId, type, argument);
}
