import { createHash } from "node:crypto";
import type { ExtractedIncident, ExtractedQuote } from "../../extraction/types.js";
import { normalText } from "../articles/reanchor.js";

// Stable identities of machine suggestions. A fingerprint must survive what does not change the
// suggestion (a revision that moves the quote, curly versus straight quotes, spacing) and change
// with what does (other words, another speaker), so that a suggestion an editor rejected is
// recognised when the same story is ingested again and not suggested a second time.

/** SHA-256 of a UTF-8 text, hex: fingerprints and ingest request hashes (an article body's hash is articles/body.ts bodyHashOf). */
export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Text as fingerprints compare it: typography folded (reanchor's normalisation), lower case, trimmed. */
export function foldText(text: string): string {
  return normalText(text).toLowerCase().trim();
}

/**
 * Who a quote is by, for its fingerprint: the speaking organization or named person, else the
 * unnamed source's description, else nobody.
 */
function speakerKey(quote: Pick<ExtractedQuote, "speaker" | "speakerKind" | "speakerDescription">): string {
  if (quote.speaker) return `${quote.speakerKind === "organization" ? "organization" : "person"}:${foldText(quote.speaker)}`;
  if (quote.speakerDescription) return `source:${foldText(quote.speakerDescription)}`;
  return "none";
}

/** A quote suggestion's fingerprint: kind, normalised words and speaker (not its offsets). */
export function quoteFingerprint(quote: Pick<ExtractedQuote, "kind" | "text" | "speaker" | "speakerKind" | "speakerDescription">): string {
  return sha256(["quote", quote.kind, foldText(quote.text), speakerKey(quote)].join("\u0000"));
}

/**
 * An incident suggestion's fingerprint: type, place and date as the story gives them (not the
 * article), so a second story reporting the same event on the same day finds the same record.
 */
export function incidentFingerprint(incident: Pick<ExtractedIncident, "type" | "place" | "date" | "dateEarliest" | "dateLatest" | "summary">): string {
  // A latest day alone is the story's "no later than the publication day" for an undated
  // incident: not the event's date, so two stories of the same undated event agree.
  const undated = !incident.date && !incident.dateEarliest;
  const when = undated ? "" : (incident.date ?? `${incident.dateEarliest ?? ""}..${incident.dateLatest ?? ""}`);
  // Without a place or a date the type alone says too little: the summary keeps two such events apart.
  const what = incident.place || when ? "" : foldText(incident.summary);
  return sha256(["incident", incident.type, foldText(incident.place ?? ""), when, what].join("\u0000"));
}
