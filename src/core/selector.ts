import { fail } from "./failure.js";
import { spanOf, splitsSurrogatePair, type TextSpanValue } from "./span.js";

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
