/**
 * Why a command changed nothing, in words the caller can act on. The GraphQL adapter maps each
 * code to the `MutationErrorCode` of the same name (tests/unit/policy.test.ts checks both lists).
 */
export const FAILURE_CODES = ["VERSION_CONFLICT", "NOT_FOUND", "INVALID_INPUT", "INVALID_SELECTOR", "FORBIDDEN", "CONFLICT"] as const;

/** One of {@link FAILURE_CODES}. */
export type FailureCode = (typeof FAILURE_CODES)[number];

/** One reason a command changed nothing. */
export interface FailureReason {
  readonly code: FailureCode;
  /** The input field at fault as a path (`input.selector.start`), or null. */
  readonly field: string | null;
  readonly message: string;
  /** For VERSION_CONFLICT, the record's version now; null otherwise. */
  readonly currentVersion: number | null;
}

/**
 * An expected failure of a command (bad input, a stale version, a missing record, a role that may
 * not). Commands throw it inside their transaction, so that it rolls back; callers report its
 * reasons (the GraphQL adapter as the payload's `errors`, the CLI as lines). Anything else thrown
 * is unexpected.
 */
export class DomainFailure extends Error {
  constructor(readonly reasons: readonly FailureReason[]) {
    super(reasons.map((reason) => reason.message).join(" "));
    this.name = "DomainFailure";
  }
}

/** A failure with one reason. */
export function fail(code: FailureCode, message: string, field: string | null = null, currentVersion?: number): DomainFailure {
  return new DomainFailure([{ code, field, message, currentVersion: currentVersion ?? null }]);
}

/**
 * A read asked with arguments that cannot be answered (a page size out of range, a cursor of
 * another list, a range that ends before it starts). `argument` names the one at fault; the
 * GraphQL adapter answers it as BAD_USER_INPUT.
 */
export class InvalidArgument extends Error {
  constructor(
    message: string,
    readonly argument: string | null = null,
  ) {
    super(message);
    this.name = "InvalidArgument";
  }
}

/** An {@link InvalidArgument} to throw. */
export function invalidArgument(message: string, argument?: string): InvalidArgument {
  return new InvalidArgument(message, argument ?? null);
}
