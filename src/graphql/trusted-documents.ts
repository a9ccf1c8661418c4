import { createHash } from "node:crypto";
import fs from "node:fs";
import { z } from "zod";
import { ErrorCode } from "./errors.js";

// Trusted documents (a persisted-operation allow-list). With TRUSTED_DOCUMENTS_FILE set, the
// server runs only the operations listed in that file: clients send an operation's id instead
// of its text (or the exact text of a listed operation), and anything else is refused before
// it is parsed. Two manifest formats are read, the ones the usual client tooling writes:
//   - GraphQL Code Generator's client preset (`persistedDocuments: true`): a JSON object
//     mapping the SHA-256 hex of each document to the document;
//   - Apollo's persisted query manifest (@apollo/generate-persisted-query-manifest):
//     `{ format: "apollo-persisted-query-manifest", version: 1, operations: [{ id, body, ... }] }`.
// A request names its operation by `documentId` (client preset) or by
// `extensions.persistedQuery.sha256Hash` (Apollo Client's persisted query link).

/** Why a request was refused in trusted-documents mode. */
export interface TrustedDocumentRefusal {
  readonly code: typeof ErrorCode.TRUSTED_DOCUMENT_REQUIRED | "PERSISTED_QUERY_NOT_FOUND" | typeof ErrorCode.BAD_REQUEST;
  readonly message: string;
}

/** The fields of a GraphQL request that name its document. */
export interface DocumentReference {
  readonly query?: unknown;
  readonly documentId?: unknown;
  readonly extensions?: unknown;
}

/** The allow-list: resolves a request to the text of a trusted document, or refuses it. */
export interface TrustedDocuments {
  /** How many documents are trusted. */
  readonly size: number;
  /** The document's text when the request names or sends a trusted document, else why not. */
  resolve(request: DocumentReference): { readonly query: string } | { readonly refusal: TrustedDocumentRefusal };
}

/** Thrown at start when the manifest cannot be used; the message says what to fix. */
export class TrustedDocumentsError extends Error {}

const SHA256_HEX = /^[0-9a-f]{64}$/;
const clientPresetManifest = z.record(z.string(), z.string().min(1));
const apolloManifest = z.object({
  format: z.literal("apollo-persisted-query-manifest"),
  version: z.literal(1),
  operations: z.array(z.object({ id: z.string(), body: z.string().min(1) }).loose()),
});

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** The hash a request names, from `documentId` or `extensions.persistedQuery.sha256Hash`. */
function namedHash(request: DocumentReference): string | null {
  if (typeof request.documentId === "string") return request.documentId;
  const extensions = request.extensions;
  if (typeof extensions !== "object" || extensions === null || !("persistedQuery" in extensions)) return null;
  const persisted = extensions.persistedQuery;
  if (typeof persisted !== "object" || persisted === null || !("sha256Hash" in persisted)) return null;
  return typeof persisted.sha256Hash === "string" ? persisted.sha256Hash : null;
}

/**
 * True when a request sends both a document and `extensions.persistedQuery.sha256Hash` (Apollo's
 * automatic persisted queries, on any server) and the hash is not the document's. Checked before
 * Apollo, which otherwise answers such a request with an uncoded error that reads as an internal one.
 */
export function persistedHashMismatch(request: DocumentReference): boolean {
  if (typeof request.query !== "string") return false;
  // A GET request carries its extensions as a JSON string.
  let extensions = request.extensions;
  if (typeof extensions === "string") {
    try {
      extensions = JSON.parse(extensions) as unknown;
    } catch {
      return false;
    }
  }
  const hash = namedHash({ extensions });
  return hash !== null && hash !== sha256(request.query);
}

/** The documents of a manifest by the SHA-256 of their text; every listed id must be that hash. */
function documentsOf(manifest: unknown, file: string): Map<string, string> {
  const entries: [string, string][] = [];
  const apollo = apolloManifest.safeParse(manifest);
  if (apollo.success) {
    for (const operation of apollo.data.operations) entries.push([operation.id, operation.body]);
  } else {
    const preset = clientPresetManifest.safeParse(manifest);
    if (!preset.success) {
      throw new TrustedDocumentsError(
        `TRUSTED_DOCUMENTS_FILE ${file} is neither a client-preset manifest ({ "<sha256>": "<document>" }) nor an Apollo persisted query manifest.`,
      );
    }
    entries.push(...Object.entries(preset.data));
  }
  const documents = new Map<string, string>();
  for (const [id, body] of entries) {
    const hash = sha256(body);
    // An id that is not the hash of its text would let a client think it ran one operation
    // while the server ran another: refuse to start rather than trust it.
    if (id !== hash) throw new TrustedDocumentsError(`TRUSTED_DOCUMENTS_FILE ${file}: the id ${id} is not the SHA-256 of its document (${hash}); regenerate the manifest.`);
    documents.set(hash, body);
  }
  return documents;
}

/** Reads the manifest at `file` once (at start); throws TrustedDocumentsError when it cannot be used. */
export function loadTrustedDocuments(file: string): TrustedDocuments {
  let manifest: unknown;
  try {
    manifest = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    throw new TrustedDocumentsError(`TRUSTED_DOCUMENTS_FILE ${file} cannot be read as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const documents = documentsOf(manifest, file);
  return {
    size: documents.size,
    resolve(request) {
      const id = namedHash(request);
      if (id !== null) {
        const trusted = SHA256_HEX.test(id) ? documents.get(id) : undefined;
        if (trusted === undefined) {
          return { refusal: { code: "PERSISTED_QUERY_NOT_FOUND", message: `No trusted document has the id ${JSON.stringify(id.slice(0, 80))}.` } };
        }
        if (typeof request.query === "string" && request.query !== trusted) {
          return { refusal: { code: ErrorCode.BAD_REQUEST, message: "The query text differs from the trusted document its id names; send the id alone." } };
        }
        return { query: trusted };
      }
      if (typeof request.query === "string" && documents.has(sha256(request.query))) return { query: request.query };
      return {
        refusal: {
          code: ErrorCode.TRUSTED_DOCUMENT_REQUIRED,
          message:
            "This server runs only trusted documents: send the documentId (or extensions.persistedQuery.sha256Hash) of a registered operation. Ask the API's operators to register a new one.",
        },
      };
    },
  };
}

/** A JSON text parsed, or undefined when it is not JSON (GET requests carry `extensions` as text). */
function parsedJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * In trusted-documents mode, rewrites an HTTP GraphQL request (a POST body or GET parameters) to
 * carry the trusted text as `query`, without the id, so Apollo runs exactly that document; or
 * returns why the request is refused. A request that is not an object is left for Apollo to refuse.
 */
export function applyTrustedDocument(trusted: TrustedDocuments, request: unknown): TrustedDocumentRefusal | null {
  if (typeof request !== "object" || request === null) return null;
  const fields = request as Record<string, unknown>;
  const extensionsAsText = typeof fields["extensions"] === "string";
  const extensions = extensionsAsText ? parsedJson(fields["extensions"] as string) : fields["extensions"];
  const resolved = trusted.resolve({ query: fields["query"], documentId: fields["documentId"], extensions });
  if ("refusal" in resolved) return resolved.refusal;
  fields["query"] = resolved.query;
  delete fields["documentId"];
  if (typeof extensions === "object" && extensions !== null && "persistedQuery" in extensions) {
    // Apollo would otherwise treat the hash as an automatic persisted query of its own cache.
    const { persistedQuery: _named, ...rest } = extensions as Record<string, unknown>;
    fields["extensions"] = extensionsAsText ? JSON.stringify(rest) : rest;
  }
  return null;
}
