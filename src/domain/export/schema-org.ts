import type { Incident, Organization, Person, Place } from "../../generated/prisma/client.js";
import type { ConnectionPage, PageArgs } from "../../core/paging.js";
import { MAX_PAGE_SIZE } from "../../core/paging.js";

// schema.org nodes shared by the JSON-LD exports (Article.jsonLd, ClaimReview.jsonLd): one place
// for how a person, organization, place, incident or byline becomes schema.org.

/** The context every exported document names; tests expand it with a local copy, never the network. */
export const SCHEMA_ORG_CONTEXT = "https://schema.org";

/** A JSON value as a JSON-LD document holds it. */
export type JsonLdValue = string | number | boolean | JsonLdNode | readonly JsonLdValue[];

/** A schema.org node: a type and its properties (absent properties are left out, never null). */
export interface JsonLdNode {
  readonly "@type": string;
  readonly [property: string]: JsonLdValue | undefined;
}

/** A person or organization, as an author, a speaker or a mention. */
export type AgentNode = JsonLdNode & { readonly "@type": "Person" | "Organization"; readonly name: string };

/** What a schema.org Person is made of. */
export type PersonFacts = Pick<Person, "name" | "kind" | "description" | "wikidataId">;
/** What a schema.org Organization is made of. */
export type OrganizationFacts = Pick<Organization, "name" | "aliases" | "wikidataId">;
/** What a schema.org Place is made of. */
export type PlaceFacts = Pick<Place, "name" | "countryCode" | "admin1" | "latitude" | "longitude" | "geonamesId">;
/** What a schema.org Event (an incident) is made of, besides its place. */
export type IncidentFacts = Pick<Incident, "summary" | "date">;

/** Drops the properties whose value is undefined, null or an empty list, so a document never says "unknown" as null. */
export function node<T extends JsonLdNode>(properties: { readonly [K in keyof T]: T[K] | null | undefined }): T {
  const kept = Object.entries(properties).filter(([, value]) => value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0));
  return Object.fromEntries(kept) as T;
}

/** A Wikidata item's page, the identifier schema.org's `sameAs` expects. */
function wikidataUrl(wikidataId: string | null): string | undefined {
  return wikidataId ? `https://www.wikidata.org/wiki/${encodeURIComponent(wikidataId)}` : undefined;
}

/** A day as schema.org Date (YYYY-MM-DD); database dates are midnight UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A person or unnamed source as schema.org Person (an unnamed source's name is how the story describes them). */
export function personNode(person: PersonFacts): AgentNode {
  return node<AgentNode>({
    "@type": "Person",
    name: person.name,
    description: person.kind === "ANONYMOUS" ? (person.description ?? undefined) : undefined,
    sameAs: wikidataUrl(person.wikidataId),
  });
}

/** An organization as schema.org Organization. */
export function organizationNode(organization: OrganizationFacts): AgentNode {
  return node<AgentNode>({
    "@type": "Organization",
    name: organization.name,
    alternateName: organization.aliases,
    sameAs: wikidataUrl(organization.wikidataId),
  });
}

/** Who said a quote, when known and visible: a person (or unnamed source), or an organization speaking itself. */
export type SpeakerFacts =
  | { readonly kind: "person"; readonly person: PersonFacts }
  | { readonly kind: "organization"; readonly organization: OrganizationFacts };

/**
 * A quote's speaker as schema.org: the person or organization, else how the story describes
 * them (as a Person: a description names someone, not something), else nothing.
 */
export function speakerNode(speaker: SpeakerFacts | null, description: string | null): AgentNode | undefined {
  if (speaker?.kind === "person") return personNode(speaker.person);
  if (speaker?.kind === "organization") return organizationNode(speaker.organization);
  return description ? { "@type": "Person", name: description } : undefined;
}

/** An organization known by name only (an article's outlet). */
export function namedOrganization(name: string): AgentNode {
  return { "@type": "Organization", name };
}

/** A place as schema.org Place, with its coordinates and country when known. */
export function placeNode(place: PlaceFacts): JsonLdNode {
  const hasCoordinates = place.latitude !== null && place.longitude !== null;
  return node({
    "@type": "Place",
    name: place.name,
    geo: hasCoordinates ? { "@type": "GeoCoordinates", latitude: place.latitude as number, longitude: place.longitude as number } : undefined,
    address:
      place.countryCode || place.admin1
        ? node({ "@type": "PostalAddress", addressCountry: place.countryCode, addressRegion: place.admin1 })
        : undefined,
    sameAs: place.geonamesId !== null ? `https://sws.geonames.org/${place.geonamesId}/` : undefined,
  });
}

/** An incident as schema.org Event: what happened (the summary), when and where. */
export function incidentNode(incident: IncidentFacts, place: JsonLdNode | undefined): JsonLdNode {
  return node({
    "@type": "Event",
    name: incident.summary,
    startDate: incident.date ? isoDay(incident.date) : undefined,
    location: place,
  });
}

/**
 * The people of a byline ("By Jane Roe and John Doe" -> two Persons). Names are split on commas,
 * "and" and "&"; a leading "By" is dropped. An empty byline gives no one.
 */
export function bylineAuthors(byline: string | null): AgentNode[] {
  if (!byline) return [];
  return byline
    .replace(/^\s*by\s+/i, "")
    .split(/\s*(?:,|&|\band\b)\s*/i)
    .map((name) => name.trim())
    .filter((name) => name.length > 0)
    .map((name) => ({ "@type": "Person", name }));
}

/**
 * Every row of a nested connection, read through its per-request loader a full page (100) at a
 * time: the same loader calls the GraphQL fields make, so the rows of every parent asked for in
 * one request still come from one statement per page.
 */
export async function everyRow<Row>(load: (args: PageArgs) => Promise<ConnectionPage<Row>>): Promise<Row[]> {
  const rows: Row[] = [];
  let after: string | null = null;
  for (;;) {
    const page: ConnectionPage<Row> = await load({ first: MAX_PAGE_SIZE, after });
    rows.push(...page.edges.map((edge) => edge.node));
    if (!page.pageInfo.hasNextPage) return rows;
    after = page.pageInfo.endCursor;
  }
}
