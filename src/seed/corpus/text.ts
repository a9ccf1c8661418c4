// Writing article bodies while remembering where things are. Spans are recorded as they are
// written, as UTF-16 offsets (JavaScript string indices, what the data model stores), so they
// are right by construction; prefixes and suffixes are cut once the body is complete.

/** Characters of context kept before and after a span (TextQuoteSelector prefix/suffix). */
export const CONTEXT_CHARS = 32;

/** A span of a body: start inclusive, end exclusive, in UTF-16 code units. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/** A span with its W3C TextQuoteSelector. */
export interface Selector extends Range {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * The TextQuoteSelector of body[start..end): up to CONTEXT_CHARS of context each side, shortened
 * by one code unit where the cut would fall inside a surrogate pair (an emoji).
 */
export function selectorAt(body: string, range: Range): Selector {
  let from = Math.max(0, range.start - CONTEXT_CHARS);
  if (from > 0 && from < range.start && isLowSurrogate(body.charCodeAt(from))) from += 1;
  let to = Math.min(body.length, range.end + CONTEXT_CHARS);
  if (to < body.length && to > range.end && isHighSurrogate(body.charCodeAt(to - 1))) to -= 1;
  return {
    start: range.start,
    end: range.end,
    exact: body.slice(range.start, range.end),
    prefix: body.slice(from, range.start),
    suffix: body.slice(range.end, to),
  };
}

/** Appends text to a body and hands back the offsets of what was written. */
export class BodyWriter {
  private readonly chunks: string[] = [];
  private length = 0;
  private paragraphOpen = false;
  private breakPending = false;

  /**
   * Where the next text will go. Starts a pending paragraph first, so that a span begun here
   * never includes the line break.
   */
  mark(): number {
    this.flushBreak();
    return this.length;
  }

  /**
   * Ends the paragraph (wire copy: one paragraph per line). The line break is written with
   * the next text, so a body never ends with one and never has an empty line.
   */
  paragraph(): void {
    this.breakPending = true;
    this.paragraphOpen = false;
  }

  /** Writes text; between two sentences of one paragraph the caller writes the space. */
  write(text: string): Range {
    this.flushBreak();
    const start = this.length;
    this.chunks.push(text);
    this.length += text.length;
    this.paragraphOpen = true;
    return { start, end: this.length };
  }

  /** True when the current paragraph has text (so the next sentence needs a space first). */
  get inParagraph(): boolean {
    return this.paragraphOpen;
  }

  /** The range from `start` to the current offset. */
  since(start: number): Range {
    return { start, end: this.length };
  }

  /** The whole body. */
  finish(): string {
    return this.chunks.join("");
  }

  private flushBreak(): void {
    if (!this.breakPending) return;
    this.breakPending = false;
    if (this.length > 0) {
      this.chunks.push("\n");
      this.length += 1;
    }
  }
}

/** Sentence-sized spans of a body (what an editor typically highlights), found after the fact. */
export function sentenceRanges(body: string): Range[] {
  const ranges: Range[] = [];
  const sentence = /[^\s][^\n]*?(?:[.!?](?=\s|$)|$)/gmu;
  for (let match = sentence.exec(body); match !== null; match = sentence.exec(body)) {
    if (match[0].length >= 12) ranges.push({ start: match.index, end: match.index + match[0].length });
    if (match[0].length === 0) sentence.lastIndex += 1;
  }
  return ranges;
}

/** The lowercase ASCII slug of a text (diacritics dropped). */
export function slugify(text: string, maxWords = 8): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’']/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter((word) => word.length > 0)
    .slice(0, maxWords)
    .join("-");
}

/** Upper-cases the first character. */
export function capitalize(text: string): string {
  return text.length === 0 ? text : text[0]!.toUpperCase() + text.slice(1);
}

/** "a" or "an" before a word, by its first letter (enough for the corpus's vocabulary). */
export function withArticle(noun: string): string {
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

const SMALL_NUMBERS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];

/** AP style: numbers under ten spelled out, larger ones in figures. */
export function apNumber(value: number): string {
  return value >= 0 && value < 10 ? (SMALL_NUMBERS[value] as string) : String(value);
}
