import type { FastifyReply, FastifyRequest } from "fastify";
import { ErrorCode } from "../graphql/errors.js";
import { MAX_DOCUMENT_LENGTH } from "../graphql/limits.js";
import { applyTrustedDocument, persistedHashMismatch, type TrustedDocuments } from "../graphql/trusted-documents.js";
import { errorBody } from "./errors.js";

/** The `query` of a GraphQL request (POST body or GET parameters), when it is a string. */
function documentOf(payload: unknown): string | null {
  if (typeof payload !== "object" || payload === null || !("query" in payload)) return null;
  return typeof payload.query === "string" ? payload.query : null;
}

/** The operationName a request asked for, for the log line of a request that never resolved one. */
export function requestedOperationName(body: unknown): string | null {
  if (typeof body !== "object" || body === null || !("operationName" in body)) return null;
  return typeof body.operationName === "string" ? body.operationName.slice(0, 100) : null;
}

/** Answers 400 before GraphQL runs: writes the status, header and log line, returns the body. */
function refused(request: FastifyRequest, reply: FastifyReply, log: { fields: object; message: string }, message: string, code: string): string {
  void reply.code(400).header("content-type", "application/json; charset=utf-8");
  request.log.info(log.fields, log.message);
  return JSON.stringify(errorBody(message, code, request.id));
}

/**
 * The checks of a GraphQL request before Apollo sees it, none of which costs SQL: in
 * trusted-documents mode only listed documents run (their text takes the place of the id), a
 * persisted-query hash must match its document, and a document has a length limit. Returns the
 * body of a refusal (status and log line written), or null to go on.
 */
export function refusedBeforeGraphQL(request: FastifyRequest, reply: FastifyReply, payload: unknown, trusted: TrustedDocuments | null): string | null {
  const untrusted = trusted ? applyTrustedDocument(trusted, payload) : null;
  if (untrusted) {
    const log = { fields: { statusCode: 400, sqlStatements: 0, code: untrusted.code }, message: "graphql request refused: not a trusted document" };
    return refused(request, reply, log, untrusted.message, untrusted.code);
  }
  if (trusted && request.method === "GET") {
    // Apollo's fastify integration reads a GET request's parameters from the URL, not from
    // request.query: write the rewritten parameters back into it.
    const parameters = Object.entries(payload as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === "string");
    request.raw.url = `/graphql?${new URLSearchParams(parameters).toString()}`;
  }
  if (typeof payload === "object" && payload !== null && persistedHashMismatch(payload)) {
    const log = {
      fields: { statusCode: 400, sqlStatements: 0, code: ErrorCode.BAD_REQUEST },
      message: "graphql request refused: persisted query hash does not match the document",
    };
    const message = "extensions.persistedQuery.sha256Hash is not the SHA-256 of query: send the hash of the exact text, or leave persistedQuery out.";
    return refused(request, reply, log, message, ErrorCode.BAD_REQUEST);
  }
  const document = documentOf(payload);
  if (document !== null && document.length > MAX_DOCUMENT_LENGTH) {
    // Refused before Apollo parses it: a document of comments or blanks has few tokens but
    // still costs reading; no legitimate client sends one this long.
    const log = { fields: { documentLength: document.length, statusCode: 400, sqlStatements: 0 }, message: "graphql request refused: document too long" };
    return refused(request, reply, log, `The GraphQL document is longer than ${MAX_DOCUMENT_LENGTH} characters.`, ErrorCode.BAD_REQUEST);
  }
  return null;
}
