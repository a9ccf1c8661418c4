import fs from "node:fs";
import path from "node:path";
import jsonld from "jsonld";
import type { ContextDefinition, JsonLdDocument } from "jsonld";
import { expect } from "vitest";

// JSON-LD processing of the exports without the network: schema.org's context comes from the
// copy next to this file (schema.org release 30.0, data/releases/30.0/schemaorgcontext.jsonld of
// github.com/schemaorg/schemaorg, Apache-2.0 / CC BY-SA 3.0), and any other URL is refused.

const CONTEXT_FILE = path.join(import.meta.dirname, "schemaorg-context-30.0.jsonld");

/** The bundled schema.org context document. */
export const schemaOrgContext = JSON.parse(fs.readFileSync(CONTEXT_FILE, "utf8")) as { "@context": Record<string, unknown> };

/** The URLs a document may name schema.org's context by. */
const SCHEMA_ORG_URLS = new Set([
  "https://schema.org",
  "https://schema.org/",
  "http://schema.org",
  "http://schema.org/",
  "https://schema.org/docs/jsonldcontext.jsonld",
]);

/** A jsonld document loader that serves schema.org's context from the bundled file and nothing else. */
export async function offlineDocumentLoader(url: string): Promise<{ contextUrl: null; documentUrl: string; document: unknown }> {
  if (!SCHEMA_ORG_URLS.has(url)) throw new Error(`no network in tests: refused to load ${url}`);
  return { contextUrl: null, documentUrl: url, document: schemaOrgContext };
}

const options = { documentLoader: offlineDocumentLoader } as unknown as jsonld.Options.Expand;

/** Expands a document with the bundled context (full IRIs, no context left). */
export async function expand(document: unknown): Promise<Record<string, unknown>[]> {
  return (await jsonld.expand(document as JsonLdDocument, options)) as Record<string, unknown>[];
}

/** Compacts an expanded document back with schema.org's context. */
export async function compactWithSchemaOrg(expanded: unknown): Promise<Record<string, unknown>> {
  // jsonld takes a context URL here too; @types/jsonld only declares the object form.
  const context = "https://schema.org" as unknown as ContextDefinition;
  return (await jsonld.compact(expanded as JsonLdDocument, context, options as jsonld.Options.Compact)) as unknown as Record<string, unknown>;
}

/** Every property IRI and @type of an expanded document, recursively. */
function iris(value: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(value)) for (const item of value) iris(item, found);
  else if (typeof value === "object" && value !== null) {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "@type") for (const type of [inner].flat()) found.add(String(type));
      else if (!key.startsWith("@")) found.add(key);
      if (key !== "@value") iris(inner, found);
    }
  }
  return found;
}

/**
 * `value` with every property's value as a list, since compaction turns a list of one back into
 * the one value, and with `@type` for `type` (schema.org's context makes `type` an alias of
 * `@type`, and compaction prefers the alias).
 */
function asLists(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asLists);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => (key === "type" ? ["@type", inner] : [key, key.startsWith("@") ? inner : [inner].flat().map(asLists)])),
  );
}

/**
 * Expands `document` with the bundled context, checks that every property and type is a term the
 * schema.org vocabulary defines (the context's `@vocab` would otherwise turn a misspelt
 * property into a made-up IRI without complaint), compacts it back and returns the result,
 * which must say the same as the input.
 */
export async function roundTrip(document: Record<string, unknown>): Promise<Record<string, unknown>> {
  const expanded = await expand(document);
  expect(expanded.length).toBe(1);
  const unknown = [...iris(expanded, new Set())].filter((iri) => {
    const term = iri.replace(/^http:\/\/schema\.org\//, "");
    return term === iri || !(term in schemaOrgContext["@context"]);
  });
  expect(unknown).toEqual([]);
  const compacted = await compactWithSchemaOrg(expanded);
  expect(asLists(compacted)).toEqual(asLists(document));
  return compacted;
}
