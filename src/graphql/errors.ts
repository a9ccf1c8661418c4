import { MapperKind, mapSchema } from "@graphql-tools/utils";
import { GraphQLError, type GraphQLFieldResolver, type GraphQLSchema } from "graphql";
import { InvalidArgument } from "../core/failure.js";

/**
 * Every error code copydesk puts in `extensions.code`, in one place. Expected failures of
 * mutations travel as data (payload `errors`); these are for failures of a whole field.
 */
export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  /**
   * The database connection was lost or refused, or the server is restarting; nothing was
   * committed. `extensions.retryable` is true: send the same request again after a moment.
   */
  DATABASE_UNAVAILABLE: "DATABASE_UNAVAILABLE",
  /** A statement or transaction ran past its timeout and was rolled back; `extensions.retryable` is false. */
  DATABASE_TIMEOUT: "DATABASE_TIMEOUT",
  /**
   * A transaction kept colliding with others (serialization failure or deadlock) after its
   * bounded retries; nothing was committed and `extensions.retryable` is true.
   */
  TRANSACTION_CONFLICT: "TRANSACTION_CONFLICT",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
  /**
   * The server is at its bound of concurrent requests or its event loop lags (HTTP 503 with
   * Retry-After); the request did not run and `extensions.retryable` is true.
   */
  OVERLOADED: "OVERLOADED",
  /** Too many mutations or expensive queries; `extensions.retryAfterSeconds` says when to retry. */
  RATE_LIMITED: "RATE_LIMITED",
  /** The HTTP request itself is unusable: malformed or empty JSON, a content type other than JSON. */
  BAD_REQUEST: "BAD_REQUEST",
  /** The HTTP request body is over the size limit (HTTP 413). */
  REQUEST_TOO_LARGE: "REQUEST_TOO_LARGE",
  /**
   * The request ran longer than the server's per-request time limit (HTTP 503). The answer was
   * abandoned, not the work: a mutation may still have been applied, so read before retrying
   * (or retry with the same idempotency key where the mutation takes one).
   */
  REQUEST_TIMEOUT: "REQUEST_TIMEOUT",
  /**
   * A subscription's `lastEventId` is too far behind: more audit-log entries followed it than
   * one replay sends. Read the current state again and subscribe without `lastEventId`.
   */
  REPLAY_LIMIT_EXCEEDED: "REPLAY_LIMIT_EXCEEDED",
  /**
   * The server runs in trusted-documents mode (TRUSTED_DOCUMENTS_FILE) and the request sent a
   * document that is not on its list (HTTP 400): send the id of a registered operation instead.
   */
  TRUSTED_DOCUMENT_REQUIRED: "TRUSTED_DOCUMENT_REQUIRED",
  /**
   * The answer would be longer than the server sends in one response (HTTP 400): ask for fewer
   * items, or leave the long fields (bodies) out of lists. Queries only; nothing was changed.
   */
  RESPONSE_TOO_LARGE: "RESPONSE_TOO_LARGE",
} as const;

/** One of {@link ErrorCode}. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A GraphQL error caused by the request's arguments; `argument` names the one at fault. */
export function badUserInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argument ? { argument } : {}) },
  });
}

/**
 * The client-facing error of a database fault (see src/db/faults.ts): a typed code, a message
 * without SQL or internals, and whether sending the request again may succeed.
 */
export function databaseFaultError(fault: "unavailable" | "timeout" | "conflict"): { message: string; code: ErrorCode; retryable: boolean } {
  switch (fault) {
    case "unavailable":
      return { message: "The database is unavailable; nothing was changed. Retry in a moment.", code: ErrorCode.DATABASE_UNAVAILABLE, retryable: true };
    case "timeout":
      return { message: "The database took too long to answer and the operation was cancelled; nothing was changed.", code: ErrorCode.DATABASE_TIMEOUT, retryable: false };
    case "conflict":
      return { message: "The operation kept colliding with concurrent changes; nothing was changed. Retry it.", code: ErrorCode.TRANSACTION_CONFLICT, retryable: true };
  }
}

/** graphql-js's suggestion sentences ("Did you mean "status"?", "Did you mean "DRAFT" or "DRAFTED"?"). */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

/**
 * A message without graphql-js's "Did you mean ...?" suggestions: in production they would tell
 * a client without introspection the names of fields, arguments and enum values.
 */
export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, "");
}

/** The GraphQL error of a read the domain refused for its arguments ({@link InvalidArgument}): BAD_USER_INPUT naming the argument. */
function argumentError(error: unknown): unknown {
  return error instanceof InvalidArgument ? badUserInput(error.message, error.argument ?? undefined) : error;
}

/** Rejects with {@link argumentError} of the reason (a named function: one per process, not per call). */
function rejectWithArgumentError(error: unknown): never {
  throw argumentError(error);
}

function withArgumentErrors<Source, Context, Args>(
  resolve: GraphQLFieldResolver<Source, Context, Args>,
): GraphQLFieldResolver<Source, Context, Args> {
  return (source, args, context, info) => {
    try {
      const result: unknown = resolve(source, args, context, info);
      return result instanceof Promise ? result.then(undefined, rejectWithArgumentError) : result;
    } catch (error) {
      throw argumentError(error);
    }
  };
}

/**
 * Answers the domain's {@link InvalidArgument} as BAD_USER_INPUT, in this one place. Only fields
 * that take arguments can be asked something the domain refuses, so only their resolvers (and
 * subscribe functions) are wrapped; every other field runs as written.
 */
export function mapArgumentErrors(schema: GraphQLSchema): GraphQLSchema {
  return mapSchema(schema, {
    [MapperKind.OBJECT_FIELD]: (field) => {
      if (!field.args || Object.keys(field.args).length === 0) return field;
      return {
        ...field,
        ...(field.resolve ? { resolve: withArgumentErrors(field.resolve) } : {}),
        ...(field.subscribe ? { subscribe: withArgumentErrors(field.subscribe) } : {}),
      };
    },
  });
}
