import { isRecordType, UUID_PATTERN, type RecordType } from "../core/records.js";
import { badUserInput } from "./errors.js";
import type { FieldReader } from "../core/plan.js";

/** Audit events are numbered by a sequence; every other record has a UUID. */
const SEQUENCE = /^[1-9]\d{0,18}$/;

/** Encodes a global (Relay) id: base64url of "Type:id". */
export function toGlobalId(type: RecordType, id: string | bigint): string {
  return Buffer.from(`${type}:${id}`, "utf8").toString("base64url");
}

/** The `id` field of a record type, for answers built in SQL (src/graphql/answer.ts): its global id from the row's own. */
export function globalIdReader(type: RecordType): FieldReader {
  return { columns: ["id"], read: (row) => toGlobalId(type, row["id"] as string | bigint) };
}

/** Decodes a global id; null when it is not one of ours (so lookups answer "not found"). */
export function parseGlobalId(globalId: string): { type: RecordType; id: string } | null {
  if (globalId.length > 200) return null;
  const decoded = Buffer.from(globalId, "base64url").toString("utf8");
  const separator = decoded.indexOf(":");
  if (separator < 0) return null;
  const type = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (!isRecordType(type)) return null;
  if (!(type === "AuditEvent" ? SEQUENCE : UUID_PATTERN).test(id)) return null;
  return { type, id };
}

/** Decodes a global id that must be of one type; a wrong or malformed id is BAD_USER_INPUT. */
export function expectGlobalId(globalId: string, type: RecordType, argument: string): string {
  const parsed = parseGlobalId(globalId);
  if (!parsed || parsed.type !== type) throw badUserInput(`${argument} is not a valid ${type} id.`, argument);
  return parsed.id;
}

/** {@link expectGlobalId} for an optional argument: undefined when it is absent. */
export function optionalGlobalId(globalId: string | null | undefined, type: RecordType, argument: string): string | undefined {
  return globalId === null || globalId === undefined ? undefined : expectGlobalId(globalId, type, argument);
}
