import { badUserInput } from "./errors.js";

/** The object types that have global ids. */
export type NodeType = "Article" | "Quote" | "Person";

const NODE_TYPES: ReadonlySet<string> = new Set<NodeType>(["Article", "Quote", "Person"]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Encodes a global (Relay) id: base64url of "Type:uuid". */
export function toGlobalId(type: NodeType, id: string): string {
  return Buffer.from(`${type}:${id}`, "utf8").toString("base64url");
}

/** Decodes a global id; null when it is not one of ours (so lookups answer "not found"). */
export function parseGlobalId(globalId: string): { type: NodeType; id: string } | null {
  if (globalId.length > 200) return null;
  const decoded = Buffer.from(globalId, "base64url").toString("utf8");
  const separator = decoded.indexOf(":");
  const type = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (separator < 0 || !NODE_TYPES.has(type) || !UUID.test(id)) return null;
  return { type: type as NodeType, id };
}

/** Decodes a global id that must be of one type; a wrong or malformed id is BAD_USER_INPUT. */
export function expectGlobalId(globalId: string, type: NodeType, argument: string): string {
  const parsed = parseGlobalId(globalId);
  if (!parsed || parsed.type !== type) throw badUserInput(`${argument} is not a valid ${type} id.`, argument);
  return parsed.id;
}
