/** What a TextSpan field resolves from: offsets into the body and the W3C quote selector. */
export interface TextSpanValue {
  readonly start: number;
  readonly end: number;
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

/** Characters of context kept before and after a span (TextQuoteSelector prefix/suffix). */
export const SPAN_CONTEXT_CHARS = 32;

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * True when `offset` falls between the two halves of a UTF-16 surrogate pair (inside one astral
 * character such as an emoji): a span may not start or end there, since its text would hold half
 * a character, which UTF-8 (PostgreSQL text and jsonb) cannot store.
 */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset));
}

/** The smallest range around start..end of `text` whose ends fall on whole characters (never inside a surrogate pair). */
export function onCodePoints(text: string, start: number, end: number): { start: number; end: number } {
  return { start: splitsSurrogatePair(text, start) ? start - 1 : start, end: splitsSurrogatePair(text, end) ? end + 1 : end };
}

/**
 * The span start..end of `body` with its exact text and up to 32 characters of context either
 * side, never cutting a surrogate pair in half (an emoji at the edge of the context).
 */
export function spanOf(body: string, start: number, end: number): TextSpanValue {
  let prefixStart = Math.max(0, start - SPAN_CONTEXT_CHARS);
  if (prefixStart > 0 && isLowSurrogate(body.charCodeAt(prefixStart))) prefixStart += 1;
  let suffixEnd = Math.min(body.length, end + SPAN_CONTEXT_CHARS);
  if (suffixEnd < body.length && isHighSurrogate(body.charCodeAt(suffixEnd - 1))) suffixEnd -= 1;
  return { start, end, exact: body.slice(start, end), prefix: body.slice(prefixStart, start), suffix: body.slice(end, suffixEnd) };
}
