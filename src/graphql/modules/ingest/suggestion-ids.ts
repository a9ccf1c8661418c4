import { UUID_PATTERN } from "../../../core/records.js";
import type { SuggestionKind, SuggestionRef } from "../../../domain/ingest/suggestions.js";
import { parseGlobalId, toGlobalId } from "../../ids.js";

// The API's suggestion ids: a quote's, person's or incident's Node id, and for mentions (which
// are not Nodes) the same encoding (base64url of "Type:uuid") under these type names. The domain
// names a suggestion by its kind and record id (SuggestionRef).

const MENTION_TYPES = { IncidentMention: "INCIDENT_MENTION", EntityMention: "ENTITY_MENTION" } as const satisfies Record<string, SuggestionKind>;

/** The id of a suggestion: a Node id for quotes, people and incidents, a mention id for mentions. */
export function suggestionGlobalId(ref: SuggestionRef): string {
  switch (ref.kind) {
    case "QUOTE":
      return toGlobalId("Quote", ref.id);
    case "PERSON":
      return toGlobalId("Person", ref.id);
    case "INCIDENT":
      return toGlobalId("Incident", ref.id);
    case "INCIDENT_MENTION":
      return Buffer.from(`IncidentMention:${ref.id}`, "utf8").toString("base64url");
    case "ENTITY_MENTION":
      return Buffer.from(`EntityMention:${ref.id}`, "utf8").toString("base64url");
  }
}

/** Decodes a suggestion id; null when it is not one (or names a record that is never a suggestion). */
export function parseSuggestionId(globalId: string): SuggestionRef | null {
  if (globalId.length > 200) return null;
  const node = parseGlobalId(globalId);
  if (node?.type === "Quote") return { kind: "QUOTE", id: node.id };
  if (node?.type === "Person") return { kind: "PERSON", id: node.id };
  if (node?.type === "Incident") return { kind: "INCIDENT", id: node.id };
  const decoded = Buffer.from(globalId, "base64url").toString("utf8");
  const separator = decoded.indexOf(":");
  const type = decoded.slice(0, separator);
  const id = decoded.slice(separator + 1);
  if (separator < 0 || !(type in MENTION_TYPES) || !UUID_PATTERN.test(id)) return null;
  return { kind: MENTION_TYPES[type as keyof typeof MENTION_TYPES], id };
}
