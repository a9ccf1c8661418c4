import { z } from "zod";
import type { MutationErrorCode } from "../generated/graphql.js";
import type { Role } from "../generated/prisma/enums.js";
import { hasRole, type Viewer } from "./actor.js";
import { parseGlobalId, type NodeType } from "../graphql/ids.js";
import { spanOf, splitsSurrogatePair, type TextSpanValue } from "./span.js";

/** One reason a mutation changed nothing, as the payload's `errors` carry it. */
export interface MutationErrorValue {
  readonly code: MutationErrorCode;
  readonly field: string | null;
  readonly message: string;
  /** For VERSION_CONFLICT, the record's version now; null otherwise. */
  readonly currentVersion: number | null;
}

/**
 * An expected failure of a mutation (bad input, a stale version, a missing record). Services
 * throw it, inside their transaction so that it rolls back; {@link mutationPayload} turns it into
 * the payload's `errors`. Anything else is unexpected and becomes a masked GraphQL error.
 */
export class MutationFailure extends Error {
  constructor(readonly errors: readonly MutationErrorValue[]) {
    super(errors.map((error) => error.message).join(" "));
    this.name = "MutationFailure";
  }
}

/** A failure with one error. */
export function fail(code: MutationErrorCode, message: string, field: string | null = null, currentVersion?: number): MutationFailure {
  return new MutationFailure([{ code, field, message, currentVersion: currentVersion ?? null }]);
}

/** FORBIDDEN unless the viewer has `role`; the services' own role check (the SDL directive is the first). */
export function requireRole(viewer: Viewer, role: Role, what: string): void {
  if (!hasRole(viewer, role)) {
    throw fail("FORBIDDEN", `Only ${role.toLowerCase()}s and above may ${what}. Send the token of such a user.`);
  }
}

/** The id of the user behind the viewer; mutations that record an author need one. */
export function actorId(viewer: Viewer): string {
  if (!viewer.userId) throw fail("FORBIDDEN", "This needs an authenticated user: send `Authorization: Bearer <token>`.");
  return viewer.userId;
}

/** Validates mutation input with zod; every problem becomes an INVALID_INPUT error naming its field (input.path). */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw new MutationFailure(
    parsed.error.issues.map((issue) => {
      const field = ["input", ...issue.path.map(String)].join(".");
      return { code: "INVALID_INPUT" as const, field, message: `${field} ${issue.message}.`, currentVersion: null };
    }),
  );
}

/** A result or the errors that stopped it: what every mutation payload is made of. */
export type PayloadOf<Key extends string, Result> = { readonly [K in Key]: Result | null } & { readonly errors: MutationErrorValue[] };

/** Runs a mutation's service call and shapes its payload: the result under `key`, or null and the errors of a {@link MutationFailure}. */
export async function mutationPayload<Key extends string, Result>(key: Key, work: () => Promise<Result>): Promise<PayloadOf<Key, Result>> {
  try {
    const result = await work();
    return { [key]: result, errors: [] } as PayloadOf<Key, Result>;
  } catch (error) {
    if (!(error instanceof MutationFailure)) throw error;
    return { [key]: null, errors: [...error.errors] } as PayloadOf<Key, Result>;
  }
}

/**
 * The outcome of an `UPDATE ... WHERE id = $1 AND version = $2`: nothing updated means the record
 * is gone (NOT_FOUND) or moved on (VERSION_CONFLICT with its version now). Checked after the
 * conditional update, never before it, so two editors cannot both win.
 */
export function assertUpdated(count: number, current: { version: number } | null, what: string, expectedVersion: number): void {
  if (count > 0) return;
  if (!current) throw fail("NOT_FOUND", `The ${what} does not exist or is not visible to you.`, "input.id");
  throw fail(
    "VERSION_CONFLICT",
    `The ${what} is at version ${current.version}, not ${expectedVersion}: someone changed it since you read it. Read it again and retry.`,
    "input.expectedVersion",
    current.version,
  );
}

/** Decodes a global id in mutation input: a malformed id or one of another type is INVALID_INPUT on `field`. */
export function inputId(globalId: string, type: NodeType, field: string): string {
  const parsed = parseGlobalId(globalId);
  if (!parsed || parsed.type !== type) throw fail("INVALID_INPUT", `${field} is not a valid ${type} id.`, field);
  return parsed.id;
}

/** {@link inputId} for an optional id: undefined when absent. */
export function optionalInputId(globalId: string | null | undefined, type: NodeType, field: string): string | undefined {
  return globalId === null || globalId === undefined ? undefined : inputId(globalId, type, field);
}

/** A selector as clients send it (SelectorInput). */
export interface SelectorValue {
  readonly start: number;
  readonly end: number;
  readonly exact?: string | null;
  readonly prefix?: string | null;
  readonly suffix?: string | null;
}

/** A range of the body a selector must stay inside (a note on a quote stays inside the quote). */
export interface SelectorBounds {
  readonly start: number;
  readonly end: number;
}

/**
 * The span start..end of `body`, refused (INVALID_INPUT on the offset at fault) when either end
 * falls inside a surrogate pair: its text would hold half a character, which PostgreSQL cannot
 * store, and which would then fail every later edit of the article that re-anchors the span.
 */
function wholeCharacters(body: string, start: number, end: number, field: string): TextSpanValue {
  for (const [name, offset] of [["start", start], ["end", end]] as const) {
    if (splitsSurrogatePair(body, offset)) {
      throw fail(
        "INVALID_INPUT",
        `${field}.${name} (${offset}) falls inside a character (between the two UTF-16 code units of a surrogate pair, such as an emoji); move it by one.`,
        `${field}.${name}`,
      );
    }
  }
  return spanOf(body, start, end);
}

/**
 * Checks a selector against an article's current body and returns the span it designates, with
 * both W3C selectors filled in. Offsets must be whole, start >= 0 and end > start
 * (INVALID_INPUT). The offsets are used when `exact` is absent (they must then lie in the body)
 * or is the text there; otherwise `exact` must occur exactly once among the places whose
 * surroundings end with `prefix` and start with `suffix` (the client read an older text, so its
 * offsets may even lie past the end). With `within`, the span must lie inside that range and
 * only occurrences inside it count. Anything else is INVALID_SELECTOR on `field.exact`.
 */
export function resolveSelector(body: string, selector: SelectorValue, field: string, within?: SelectorBounds): TextSpanValue {
  const { start, end } = selector;
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start) {
    throw fail("INVALID_INPUT", `${field} must have whole offsets with 0 <= start < end.`, field);
  }
  const lower = within?.start ?? 0;
  const upper = within?.end ?? body.length;
  const exact = selector.exact ?? null;
  if (exact === null && end > body.length) {
    throw fail("INVALID_INPUT", `${field}.end is past the end of the article body (${body.length} UTF-16 code units).`, `${field}.end`);
  }
  if (start >= lower && end <= upper && (exact === null || body.slice(start, end) === exact)) return wholeCharacters(body, start, end, field);
  const where = within ? ` inside ${lower}..${upper}` : "";
  if (exact === null || exact.length === 0) {
    throw fail("INVALID_SELECTOR", `${field} must lie${where || " inside the body"}.`, `${field}.exact`);
  }
  const prefix = selector.prefix ?? "";
  const suffix = selector.suffix ?? "";
  const candidates: number[] = [];
  for (let at = body.indexOf(exact, lower); at >= 0 && at + exact.length <= upper; at = body.indexOf(exact, at + 1)) {
    if (body.slice(0, at).endsWith(prefix) && body.startsWith(suffix, at + exact.length)) candidates.push(at);
  }
  if (candidates.length === 1) {
    const at = candidates[0] as number;
    return wholeCharacters(body, at, at + exact.length, field);
  }
  throw fail(
    "INVALID_SELECTOR",
    candidates.length === 0
      ? `${field}.exact is not the text at ${start}..${end} and does not occur${where} with that prefix and suffix. Read the article again.`
      : `${field}.exact is not the text at ${start}..${end} and occurs ${candidates.length} times${where} with that prefix and suffix; send the current offsets.`,
    `${field}.exact`,
  );
}
