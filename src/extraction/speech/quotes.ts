import type { TextRange } from "../types.js";

// Quotation marks, read on characters rather than on sentences (a quote can hold several
// sentences, and run over paragraphs). Curly and straight double quotes both work; single
// quotes inside a double-quoted passage are a quote within the quote and stay part of it, and
// so do straight double quotes inside curly ones. A quote that runs over paragraphs follows the
// print convention: each paragraph opens with a mark, only the last one closes.

/** A passage in quotation marks. */
export interface QuoteSpan extends TextRange {
  /** Offset of the opening mark. */
  readonly open: number;
  /** Offset of the closing mark, or null when the paragraph ended first. */
  readonly close: number | null;
  /** "direct" when the quote stands as its own sentence or clause, "partial" inside a sentence. */
  readonly kind: "direct" | "partial";
}

// The marks that may close each opening mark. Typed and converted text mixes curly and straight
// marks (“We will," she said), so either closes a double quote; two apostrophes ('') are a
// double quotation mark in some newsroom feeds and are closed only by two apostrophes.
const CLOSING: Readonly<Record<string, readonly string[]>> = { "“": ["”", '"'], '"': ['"', "”"], "„": ["“", "”"], "''": ["''"] };

/** The quotation mark at an offset: one of CLOSING's keys or closers, or null. */
function markAt(text: string, at: number): string | null {
  const char = text[at] ?? "";
  if (char === "'") return text[at + 1] === "'" && text[at - 1] !== "'" && text[at + 2] !== "'" ? "''" : null;
  return /["“”„]/.test(char) ? char : null;
}

/** Finds every double-quoted passage outside the skipped ranges, in text order. */
export function findQuoteSpans(text: string, paragraphs: readonly TextRange[], skip: (range: TextRange) => boolean): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open: { mark: string; at: number } | null = null;
  const emit = (at: number, endOfText: number, close: number | null): void => {
    let start = at + (markAt(text, at)?.length ?? 1);
    let end = endOfText;
    while (start < end && /\s/.test(text[start] ?? "")) start += 1;
    while (end > start && /\s/.test(text[end - 1] ?? "")) end -= 1;
    if (end > start) spans.push({ start, end, open: at, close, kind: kindOf(text, at, start) });
  };
  paragraphs.forEach((paragraph, index) => {
    if (skip(paragraph)) {
      open = null;
      return;
    }
    let position = paragraph.start;
    // A quote carried over from the last paragraph: this paragraph's opening mark is not new.
    if (open !== null) position = firstNonSpace(text, paragraph) + (markAt(text, firstNonSpace(text, paragraph))?.length ?? 1);
    for (; position < paragraph.end; position += 1) {
      const mark = markAt(text, position);
      if (mark === null) continue;
      const current: { mark: string; at: number } | null = open;
      if (current) {
        // A straight mark inside curly ones is a quote within the quote (“he said "no" to it”)
        // unless punctuation ends the words before it, as it does at the end of a quotation.
        const inner = current.mark === "“" && mark === '"' && !/[,.!?…—–-]/.test(text[position - 1] ?? "");
        // “We are ready,“ said ...: an opening mark typed where the closing one belongs.
        const misturned = mark === "“" && /[,.!?…]/.test(text[position - 1] ?? "") && /\s/.test(text[position + 1] ?? "");
        if (!inner && (misturned || CLOSING[current.mark]?.includes(mark))) {
          emit(current.at, position, position);
          open = null;
        }
      } else if (mark in CLOSING) {
        open = { mark, at: position };
      }
      position += mark.length - 1;
    }
    const pending: { mark: string; at: number } | null = open;
    if (pending) {
      const next = paragraphs[index + 1];
      const continues = next !== undefined && !skip(next) && markAt(text, firstNonSpace(text, next)) === pending.mark;
      if (!continues) {
        emit(pending.at, paragraph.end, null);
        open = null;
      }
    }
  });
  if (spans.length === 0 && !DOUBLE_MARK.test(text)) return singleQuotedSpans(text, paragraphs, skip);
  return spans;
}

const DOUBLE_MARK = /["“”„]|''/;

/**
 * Copy that prints no double quotation mark at all may quote with single ones ("'This is a busy
 * area,' Doe said."). There a passage opens on a single mark before a capital (at a paragraph's
 * start, after a space or a bracket) and closes on one right after closing punctuation, before a
 * space or the paragraph's end, within its paragraph: an apostrophe inside a word ("don't",
 * "officers'") never does both.
 */
function singleQuotedSpans(text: string, paragraphs: readonly TextRange[], skip: (range: TextRange) => boolean): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  for (const paragraph of paragraphs) {
    if (skip(paragraph)) continue;
    let open: number | null = null;
    for (let at = paragraph.start; at < paragraph.end; at += 1) {
      const char = text[at] ?? "";
      if (char !== "'" && char !== "‘" && char !== "’") continue;
      const before = at === paragraph.start ? " " : (text[at - 1] ?? " ");
      const after = at + 1 >= paragraph.end ? " " : (text[at + 1] ?? " ");
      if (open === null) {
        if (char !== "’" && /[\s(]/.test(before) && /\p{Lu}/u.test(after)) open = at;
      } else if (char !== "‘" && /[,.!?…]/.test(before) && /\s/.test(after)) {
        const start = open + 1;
        spans.push({ start, end: at, open, close: at, kind: kindOf(text, open, start) });
        open = null;
      }
    }
  }
  return spans;
}

/** Offset of the first non-space character of a paragraph. */
function firstNonSpace(text: string, paragraph: TextRange): number {
  let at = paragraph.start;
  while (at < paragraph.end && /\s/.test(text[at] ?? "")) at += 1;
  return at;
}

/**
 * A quote is direct when it opens a sentence or follows the attribution's comma or colon and
 * starts with a capital ("He said, “We will ...”"); otherwise it is part of a sentence
 * ("called it “a disaster”", "adding that “the right ...”").
 */
function kindOf(text: string, openAt: number, innerStart: number): "direct" | "partial" {
  let before = openAt - 1;
  while (before >= 0 && (text[before] === " " || text[before] === "\t")) before -= 1;
  const previous = before < 0 ? "\n" : text[before] ?? "\n";
  const opensClause = /[\n,:;.!?—–-]/.test(previous);
  const capital = /[\p{Lu}\p{N}'‘…]/u.test(text[innerStart] ?? "");
  return opensClause && capital ? "direct" : "partial";
}
