import type { MutationErrorCode } from "../generated/graphql.js";
import { DomainFailure, type FailureCode } from "../core/failure.js";
import type { RecordType } from "../core/records.js";
import { parseGlobalId } from "./ids.js";

// How mutations meet the domain: global ids in the input become plain ids (or INVALID_INPUT), and
// a command's DomainFailure becomes the payload's `errors`.

/** One reason a mutation changed nothing, as the payload's `errors` carry it. */
export interface MutationErrorValue {
  readonly code: MutationErrorCode;
  readonly field: string | null;
  readonly message: string;
  readonly currentVersion: number | null;
}

/** The API's code for each failure code of the domain (the same names; checked by tests/unit/policy.test.ts). */
const ERROR_CODES: Record<FailureCode, MutationErrorCode> = {
  VERSION_CONFLICT: "VERSION_CONFLICT",
  NOT_FOUND: "NOT_FOUND",
  INVALID_INPUT: "INVALID_INPUT",
  INVALID_SELECTOR: "INVALID_SELECTOR",
  FORBIDDEN: "FORBIDDEN",
  CONFLICT: "CONFLICT",
};

/** A result or the errors that stopped it: what every mutation payload is made of. */
export type PayloadOf<Key extends string, Result> = { readonly [K in Key]: Result | null } & { readonly errors: MutationErrorValue[] };

/** Runs a command and shapes its payload: the result under `key`, or null and the reasons of a {@link DomainFailure}. */
export async function mutationPayload<Key extends string, Result>(key: Key, work: () => Promise<Result>): Promise<PayloadOf<Key, Result>> {
  try {
    const result = await work();
    return { [key]: result, errors: [] } as PayloadOf<Key, Result>;
  } catch (error) {
    if (!(error instanceof DomainFailure)) throw error;
    const errors = error.reasons.map((reason) => ({ ...reason, code: ERROR_CODES[reason.code] }));
    return { [key]: null, errors } as PayloadOf<Key, Result>;
  }
}

/** Decodes a global id in mutation input: a malformed id or one of another type is INVALID_INPUT on `field`. */
export function inputId(globalId: string, type: RecordType, field: string): string {
  const parsed = parseGlobalId(globalId);
  if (!parsed || parsed.type !== type) {
    throw new DomainFailure([{ code: "INVALID_INPUT", field, message: `${field} is not a valid ${type} id.`, currentVersion: null }]);
  }
  return parsed.id;
}

/** {@link inputId} for an optional id: undefined when absent, null when null (a field being cleared). */
export function optionalInputId(globalId: string | null | undefined, type: RecordType, field: string): string | undefined {
  return globalId === null || globalId === undefined ? undefined : inputId(globalId, type, field);
}
