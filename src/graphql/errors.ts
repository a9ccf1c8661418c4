import { GraphQLError } from "graphql";

/**
 * Every error code copydesk puts in `extensions.code`, in one place. Expected failures of
 * mutations travel as data (payload `errors`); these are for failures of a whole field.
 */
export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  DATABASE_UNAVAILABLE: "DATABASE_UNAVAILABLE",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
  /** Too many mutations or expensive queries; `extensions.retryAfterSeconds` says when to retry. */
  RATE_LIMITED: "RATE_LIMITED",
  /** The HTTP request itself is unusable: malformed or empty JSON, a content type other than JSON. */
  BAD_REQUEST: "BAD_REQUEST",
  /** The HTTP request body is over the size limit (HTTP 413). */
  REQUEST_TOO_LARGE: "REQUEST_TOO_LARGE",
} as const;

/** One of {@link ErrorCode}. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** A GraphQL error caused by the request's arguments; `argument` names the one at fault. */
export function badUserInput(message: string, argument?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.BAD_USER_INPUT, ...(argument ? { argument } : {}) },
  });
}
