import { HeaderMap } from "@apollo/server";
import type { FastifyBaseLogger } from "fastify";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { classifyDatabaseError } from "../db/faults.js";
import { databaseFaultError, ErrorCode, withoutSuggestions } from "../graphql/errors.js";

/** What an overloaded server asks clients to wait before retrying (HTTP Retry-After, seconds). */
export const OVERLOAD_RETRY_AFTER_SECONDS = 1;

/** The GraphQL error shape for requests refused before GraphQL runs. */
export function errorBody(message: string, code: string, requestId: string): { errors: GraphQLFormattedError[] } {
  return { errors: [{ message, extensions: { code, requestId } }] };
}

/** RATE_LIMITED with the time to wait, in the body and as HTTP 429 Retry-After. */
export function rateLimited(retryAfterSeconds: number): GraphQLError {
  const seconds = Math.max(1, retryAfterSeconds);
  return new GraphQLError(`Too many requests: try again in ${seconds} seconds.`, {
    extensions: {
      code: ErrorCode.RATE_LIMITED,
      retryAfterSeconds: seconds,
      http: { status: 429, headers: new HeaderMap([["retry-after", String(seconds)]]) },
    },
  });
}

/** The 503 body of a request refused because the server is at one of its overload bounds. */
export function overloaded(requestId: string): { errors: GraphQLFormattedError[] } {
  return {
    errors: [
      {
        message: `The server is busy: try again in ${OVERLOAD_RETRY_AFTER_SECONDS} second.`,
        extensions: { code: ErrorCode.OVERLOADED, retryable: true, retryAfterSeconds: OVERLOAD_RETRY_AFTER_SECONDS, requestId },
      },
    ],
  };
}

/** The 503 body of a request that outlived the per-request time limit (its work may go on). */
export function timedOut(requestId: string, limitMs: number): { errors: GraphQLFormattedError[] } {
  return {
    errors: [
      {
        message:
          `The request took longer than ${limitMs} ms and its answer was abandoned. A mutation may still have been applied: ` +
          "read the record before retrying, or retry with the same idempotency key.",
        extensions: { code: ErrorCode.REQUEST_TIMEOUT, retryable: true, requestId },
      },
    ],
  };
}

/** Error codes whose message is meant for the client; anything else is masked. */
const EXPOSED_CODES: ReadonlySet<string> = new Set([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.FORBIDDEN,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.DATABASE_UNAVAILABLE,
  ErrorCode.DATABASE_TIMEOUT,
  ErrorCode.TRANSACTION_CONFLICT,
  ErrorCode.RATE_LIMITED,
  ErrorCode.BAD_REQUEST,
  ErrorCode.REQUEST_TOO_LARGE,
  ErrorCode.OVERLOADED,
  ErrorCode.REQUEST_TIMEOUT,
  ErrorCode.REPLAY_LIMIT_EXCEEDED,
  ErrorCode.TRUSTED_DOCUMENT_REQUIRED,
  ErrorCode.RESPONSE_TOO_LARGE,
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
]);

/** Masks one error of a GraphQL answer; `requestId` goes into the masked ones. */
export type MaskError = (formatted: GraphQLFormattedError, error: unknown, requestId: string | undefined) => GraphQLFormattedError;

/**
 * One masking of errors for HTTP responses and WebSocket messages: codes meant for the client
 * pass, database faults get their typed code, anything else is logged and masked.
 */
export function errorMasker(production: boolean, log: FastifyBaseLogger): MaskError {
  return (formatted, error, requestId) => {
    const code = String(formatted.extensions?.code ?? ErrorCode.INTERNAL_SERVER_ERROR);
    // Apollo's hideSchemaDetailsFromClientErrors leaves the suggestions of variable-coercion
    // errors ("Field "stauts" is not defined ... Did you mean "status"?"): removed here, for all.
    if (EXPOSED_CODES.has(code)) return production ? { ...formatted, message: withoutSuggestions(formatted.message) } : formatted;
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    // Database faults (lost connection, server restart, timeout, exhausted conflict retries)
    // are the client's business: they get a typed code and whether to retry, still without
    // the driver's message (it can name tables or carry SQL); the log line has the error.
    const fault = classifyDatabaseError(original);
    if (fault) {
      const { message, code: faultCode, retryable } = databaseFaultError(fault);
      log.warn({ err: original, path: formatted.path, reqId: requestId, fault }, "database fault while executing a GraphQL operation");
      return {
        message,
        ...(formatted.path ? { path: formatted.path } : {}),
        extensions: { code: faultCode, retryable, ...(requestId ? { requestId } : {}) },
      };
    }
    log.error({ err: original, path: formatted.path, reqId: requestId }, "unexpected error while executing a GraphQL operation");
    return {
      message: "Internal server error. Quote the request id when you report it.",
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, ...(requestId ? { requestId } : {}) },
    };
  };
}
