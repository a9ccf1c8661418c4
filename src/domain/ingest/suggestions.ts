import type { Prisma } from "../../db/index.js";
import type { EntityMention, Incident, IncidentMention, Person, Quote } from "../../generated/prisma/client.js";
import type { ReviewStatus } from "../../generated/prisma/enums.js";
import type { TextSpanValue } from "../../core/span.js";

// One view over the five kinds of machine suggestion an article can have: quotes, people (named
// and unnamed), incidents, and the spans naming an entity or reporting an incident. The review
// queue lists them, the review commands change them; both go through the helpers here. A
// suggestion is named by its kind and its record's id; the API's suggestion ids (global ids) are
// the GraphQL adapter's (src/graphql/modules/ingest/suggestion-ids.ts).

/** What kind of record a suggestion is. */
export type SuggestionKind = "QUOTE" | "PERSON" | "INCIDENT" | "INCIDENT_MENTION" | "ENTITY_MENTION";

/** A suggestion: the record under its kind's field, and what every kind has. */
export interface SuggestionValue {
  /** The record's id (a quote's, a person's, ... a mention's). */
  readonly id: string;
  readonly kind: SuggestionKind;
  readonly confidence: number | null;
  readonly reviewStatus: ReviewStatus;
  readonly label: string;
  readonly span: TextSpanValue | null;
  readonly version: number | null;
  readonly quote: Quote | null;
  readonly person: Person | null;
  readonly incident: Incident | null;
  readonly incidentMention: IncidentMention | null;
  readonly entityMention: EntityMention | null;
  /** Where the article first has it: the order of the review queue. */
  readonly position: number;
}

/** Which suggestion: its kind (the table) and the row's id. */
export interface SuggestionRef {
  readonly kind: SuggestionKind;
  readonly id: string;
}

/** Order of kinds at the same position: the record before its mentions. */
const KIND_RANK: Readonly<Record<SuggestionKind, number>> = { PERSON: 0, INCIDENT: 1, QUOTE: 2, INCIDENT_MENTION: 3, ENTITY_MENTION: 4 };

const NO_RECORD = { quote: null, person: null, incident: null, incidentMention: null, entityMention: null } as const;

/** A quote as a suggestion. */
export function quoteSuggestion(quote: Quote): SuggestionValue {
  const span = { start: quote.start, end: quote.end, exact: quote.text, prefix: quote.prefix, suffix: quote.suffix };
  return { ...NO_RECORD, id: quote.id, kind: "QUOTE", confidence: quote.confidence, reviewStatus: quote.reviewStatus, label: quote.text, span, version: quote.version, quote, position: quote.start };
}

/** A person or unnamed source as a suggestion, placed where the article first has them. */
export function personSuggestion(person: Person, position: number): SuggestionValue {
  return { ...NO_RECORD, id: person.id, kind: "PERSON", confidence: person.confidence, reviewStatus: person.reviewStatus, label: person.name, span: null, version: person.version, person, position };
}

/** An incident as a suggestion, placed where the article first reports it. */
export function incidentSuggestion(incident: Incident, position: number): SuggestionValue {
  return { ...NO_RECORD, id: incident.id, kind: "INCIDENT", confidence: incident.confidence, reviewStatus: incident.reviewStatus, label: incident.summary, span: null, version: incident.version, incident, position };
}

/** A span reporting an incident as a suggestion. */
export function incidentMentionSuggestion(mention: IncidentMention): SuggestionValue {
  const span = { start: mention.start, end: mention.end, exact: mention.exact, prefix: mention.prefix, suffix: mention.suffix };
  return { ...NO_RECORD, id: mention.id, kind: "INCIDENT_MENTION", confidence: mention.confidence, reviewStatus: mention.reviewStatus, label: mention.exact, span, version: null, incidentMention: mention, position: mention.start };
}

/** A span naming an entity as a suggestion. */
export function entityMentionSuggestion(mention: EntityMention): SuggestionValue {
  const span = { start: mention.start, end: mention.end, exact: mention.exact, prefix: mention.prefix, suffix: mention.suffix };
  return { ...NO_RECORD, id: mention.id, kind: "ENTITY_MENTION", confidence: mention.confidence, reviewStatus: mention.reviewStatus, label: mention.exact, span, version: null, entityMention: mention, position: mention.start };
}

/** Which of an article's suggestions to read. */
export interface SuggestionQuery {
  readonly statuses: readonly ReviewStatus[];
  readonly minConfidence?: number | null;
  readonly kinds?: readonly SuggestionKind[] | null;
}

/**
 * Every machine suggestion of one article in the given statuses, in review order (position, then
 * the record before its mentions, then id). People and incidents belong to the article when one
 * of its quotes or mentions points at them.
 */
export async function articleSuggestions(tx: Prisma.TransactionClient, articleId: string, query: SuggestionQuery): Promise<SuggestionValue[]> {
  const status = { in: [...query.statuses] };
  const confidence = query.minConfidence === null || query.minConfidence === undefined ? {} : { confidence: { gte: query.minConfidence } };
  const wanted = (kind: SuggestionKind) => !query.kinds || query.kinds.includes(kind);
  const machine = { origin: "MACHINE" as const, reviewStatus: status, ...confidence };
  // One after the other: inside a transaction they share one connection anyway.
  const [quotes, people, incidents, incidentMentions, entityMentions] = [
    wanted("QUOTE") ? await tx.quote.findMany({ where: { articleId, deletedAt: null, ...machine } }) : [],
    wanted("PERSON")
      ? await tx.person.findMany({
          where: { ...machine, deletedAt: null, mergedIntoId: null, OR: [{ quotes: { some: { articleId } } }, { mentions: { some: { articleId } } }] },
          include: {
            quotes: { where: { articleId }, select: { start: true }, orderBy: { start: "asc" }, take: 1 },
            mentions: { where: { articleId }, select: { start: true }, orderBy: { start: "asc" }, take: 1 },
          },
        })
      : [],
    wanted("INCIDENT")
      ? await tx.incident.findMany({
          where: { ...machine, deletedAt: null, mergedIntoId: null, mentions: { some: { articleId } } },
          include: { mentions: { where: { articleId }, select: { start: true }, orderBy: { start: "asc" }, take: 1 } },
        })
      : [],
    wanted("INCIDENT_MENTION") ? await tx.incidentMention.findMany({ where: { articleId, ...machine } }) : [],
    wanted("ENTITY_MENTION") ? await tx.entityMention.findMany({ where: { articleId, ...machine } }) : [],
  ] as const;
  const all: SuggestionValue[] = [
    ...quotes.map(quoteSuggestion),
    ...people.map(({ quotes: said, mentions, ...person }) => personSuggestion(person, Math.min(said[0]?.start ?? Infinity, mentions[0]?.start ?? Infinity))),
    ...incidents.map(({ mentions, ...incident }) => incidentSuggestion(incident, mentions[0]?.start ?? 0)),
    ...incidentMentions.map(incidentMentionSuggestion),
    ...entityMentions.map(entityMentionSuggestion),
  ];
  return all.sort(compareSuggestions);
}

/** Review order: position in the text, the record before its mentions, then id. */
export function compareSuggestions(a: SuggestionValue, b: SuggestionValue): number {
  return a.position - b.position || KIND_RANK[a.kind] - KIND_RANK[b.kind] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The sort key of a suggestion, as its cursor carries it. */
export function sortKey(suggestion: SuggestionValue): [number, number, string] {
  return [suggestion.position, KIND_RANK[suggestion.kind], suggestion.id];
}
