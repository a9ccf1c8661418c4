import { z } from "zod";
import { cleanupSemantic, DIFF_DELETE, DIFF_EQUAL, DIFF_INSERT, makeDiff, match, xIndex, type Diff } from "@sanity/diff-match-patch";
import { Prisma } from "../../db/index.js";
import type { AnchorState, VerificationStatus } from "../../generated/prisma/enums.js";
import type { ArticleRevision } from "../../generated/prisma/client.js";
import { onCodePoints, spanOf, type TextSpanValue } from "../../core/span.js";

// Keeping span-bound records (quotes, entity and incident mentions, annotations) on the text when
// an article's body changes (issue 6). Each span goes through the four steps:
//   1./2. its offsets mapped through a diff of the old and new bodies (diff-match-patch) still
//      hold its `exact` -> ANCHORED, offsets moved if the text before it changed; failing that,
//      `exact` still at the old offsets -> ANCHORED, unchanged. (We ask the diff before the old
//      position so that a repeated word that happens to sit at the old offsets after an
//      insertion does not capture the span; when nothing before the span changed both agree.)
//   3. a search near the mapped position, scoring candidates the way Hypothesis does (quote
//      similarity weighted 50, prefix 20, suffix 20, position 2) with an edit distance bounded
//      by a quarter of the span's length: the range the diff maps it to if its words changed
//      there, else the same words elsewhere with their context (a moved paragraph: ANCHORED at
//      the new place), else similar words found with bitap near the expected place -> FUZZY with
//      the score, `exact` updated to the new words;
//   4. otherwise ORPHANED, with its offsets, text and last good revision kept.
// All matching happens on a normalised copy of both bodies (curly and straight quotes, dashes,
// runs of whitespace, invisible characters) mapped back to real offsets, so a typography-only edit
// never orphans or "fuzzes" anything: such a span stays ANCHORED with `exact` refreshed.

// ------------------------------------------------------------------------------ normalisation

/** Characters that count as the same for matching: typographic variants of quotes and dashes. */
const FOLD: Readonly<Record<string, string>> = {
  "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'",
  "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
  "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
};
/** Characters that are dropped: zero-width spaces and joiners, the byte order mark, soft hyphens. */
const INVISIBLE = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/;
const SPACE = /\s/;

/** A body in matching form with the way back to real offsets. */
export interface NormalizedText {
  /** The normalised text. */
  readonly text: string;
  /** For each normalised character, the real offset where its source begins. */
  readonly starts: Int32Array;
  /** For each normalised character, the real offset just past its source. */
  readonly ends: Int32Array;
  /** For each real offset (and the end), the normalised offset of the character covering it. */
  readonly toNormal: Int32Array;
}

/**
 * Normalises text for matching: typographic quotes and dashes fold to ASCII, a run of whitespace
 * or of dashes becomes one character, invisible characters go. Keeps both offset maps.
 */
export function normalize(real: string): NormalizedText {
  const out: string[] = [];
  const starts = new Int32Array(real.length + 1);
  const ends = new Int32Array(real.length + 1);
  const toNormal = new Int32Array(real.length + 1);
  let n = 0;
  for (let index = 0; index < real.length; index += 1) {
    const char = real[index] as string;
    if (INVISIBLE.test(char)) {
      toNormal[index] = n;
      continue;
    }
    const folded = SPACE.test(char) ? " " : (FOLD[char] ?? char);
    // A run of spaces (or dashes: "--" for "—") is one character, extended over the run.
    if ((folded === " " || folded === "-") && n > 0 && out[n - 1] === folded) {
      ends[n - 1] = index + 1;
      toNormal[index] = n - 1;
      continue;
    }
    out.push(folded);
    starts[n] = index;
    ends[n] = index + 1;
    toNormal[index] = n;
    n += 1;
  }
  toNormal[real.length] = n;
  return { text: out.join(""), starts: starts.subarray(0, n), ends: ends.subarray(0, n), toNormal };
}

/** The normalised form of a short text (a selector's exact, prefix or suffix). */
export function normalText(real: string): string {
  return normalize(real).text;
}

// ------------------------------------------------------------------------------ edit distance

/** Levenshtein distance from a diff (what diff-match-patch's diff_levenshtein computes). */
function levenshtein(diffs: readonly Diff[]): number {
  let distance = 0;
  let insertions = 0;
  let deletions = 0;
  for (const [operation, text] of diffs) {
    if (operation === DIFF_INSERT) insertions += text.length;
    else if (operation === DIFF_DELETE) deletions += text.length;
    else {
      distance += Math.max(insertions, deletions);
      insertions = 0;
      deletions = 0;
    }
  }
  return distance + Math.max(insertions, deletions);
}

/** Above this many cells the dynamic programme gives way to diff-match-patch. */
const DP_MAX_CELLS = 1 << 16;
let dpRow = new Int32Array(64);

/**
 * Edit distance of two texts: a two-row dynamic programme for short ones (contexts, mentions:
 * thousands of these per edit, where building a diff costs more than the answer), else from a
 * diff-match-patch diff.
 */
function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0 || b.length === 0) return Math.max(a.length, b.length);
  if ((a.length + 1) * (b.length + 1) > DP_MAX_CELLS) return levenshtein(makeDiff(a, b, { checkLines: false, timeout: 0.1 }));
  if (dpRow.length <= b.length) dpRow = new Int32Array(b.length + 1);
  const row = dpRow;
  for (let j = 0; j <= b.length; j += 1) row[j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    let diagonal = row[0] as number;
    row[0] = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j += 1) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (code === b.charCodeAt(j - 1) ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/** Similarity 0..1 of two texts (1 - distance / longer length). */
function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer;
}

// ------------------------------------------------------------------------------ one body change

/** The longest pattern diff-match-patch's bitap matcher takes. */
const BITAP_MAX = 32;
/** Bitap: how far from the expected place a match costs 1.0 of score, and the score cut-off. */
const BITAP_OPTIONS = { threshold: 0.3, distance: 1000 } as const;
/** Hypothesis's weights: quote similarity over prefix and suffix over position. */
const WEIGHT = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;
const WEIGHT_TOTAL = WEIGHT.quote + WEIGHT.prefix + WEIGHT.suffix + WEIGHT.position;
/** A FUZZY placement needs at least this score, and its context at least this similarity. */
const MIN_FUZZY_SCORE = 0.75;
const MIN_CONTEXT = 0.5;
/** The range the diff maps a span to is taken as a FUZZY match when its context is at least this similar. */
const MAPPED_CONTEXT = 0.75;
/** Spans of at least this length whose text occurs once in the new body move there even without context. */
const UNIQUE_TEXT_MIN = 16;
/**
 * How long the body diff may take. Past it diff-match-patch returns a correct but coarser diff
 * (whole blocks replaced), so a full rewrite or a reshuffle does not stall the edit: the search of
 * step 2 still finds what moved.
 */
const DIFF_TIMEOUT_SECONDS = 0.1;
/** Most exact occurrences considered for one span (a very common word). */
const MAX_OCCURRENCES = 500;

/** Edits allowed between a span's text and a fuzzy match: a quarter of its length (none below 4 characters). */
export function maxErrors(length: number): number {
  return Math.floor(length / 4);
}

/** An old and a new body, normalised, with the diff between them (computed once per edit). */
export class BodyChange {
  readonly oldNormal: NormalizedText;
  readonly newNormal: NormalizedText;
  readonly diffs: Diff[];

  constructor(
    readonly oldBody: string,
    readonly newBody: string,
  ) {
    this.oldNormal = normalize(oldBody);
    this.newNormal = normalize(newBody);
    this.diffs = makeDiff(this.oldNormal.text, this.newNormal.text, { checkLines: true, timeout: DIFF_TIMEOUT_SECONDS });
  }

  /** The normalised new offset of a normalised old offset. */
  map(location: number): number {
    return xIndex(this.diffs, location);
  }

  /** The real range of the new body for a normalised range. */
  realRange(start: number, end: number): { start: number; end: number } {
    const { starts, ends } = this.newNormal;
    return { start: starts[start] ?? this.newBody.length, end: ends[end - 1] ?? this.newBody.length };
  }
}

/** A stored span: offsets (into the body it was last anchored on), both selectors and its state. */
export interface StoredSpan {
  readonly start: number;
  readonly end: number;
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly state: AnchorState;
}

/** Where a span lands in the new body. */
export type Placement =
  | {
      readonly state: "ANCHORED" | "FUZZY";
      readonly start: number;
      readonly end: number;
      readonly exact: string;
      readonly prefix: string;
      readonly suffix: string;
      /** 1 for the same text (up to typography); the weighted match score for FUZZY. */
      readonly score: number;
      /** The words changed (not just typography): FUZZY only. */
      readonly textChanged: boolean;
    }
  | { readonly state: "ORPHANED" };

function placed(change: BodyChange, state: "ANCHORED" | "FUZZY", start: number, end: number, score: number, textChanged: boolean): Placement {
  // A match never keeps half a character: a span stored before offsets were checked (or a fuzzy
  // match) may end inside a surrogate pair, and its text could then not be stored.
  const whole = onCodePoints(change.newBody, start, end);
  const span = spanOf(change.newBody, whole.start, whole.end);
  return { state, ...span, score, textChanged };
}

interface Candidate {
  readonly start: number;
  readonly end: number;
}

/** A candidate with its edit distance, weighted score and mean context similarity. */
interface Assessed {
  readonly candidate: Candidate;
  readonly score: number;
  readonly errors: number;
  readonly context: number;
}

/** Every place the normalised text occurs verbatim (at most {@link MAX_OCCURRENCES}). */
function occurrences(text: string, pattern: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(pattern); at >= 0 && found.length < MAX_OCCURRENCES; at = text.indexOf(pattern, at + 1)) found.push({ start: at, end: at + pattern.length });
  return found;
}

/** Approximate candidate ranges near the hint, from bitap on the text's ends and on its context; deduplicated. */
function fuzzyCandidates(text: string, pattern: string, prefix: string, suffix: string, hint: number): Candidate[] {
  const found = new Map<string, Candidate>();
  const add = (start: number, end: number) => {
    if (start >= 0 && end > start && end <= text.length) found.set(`${start}:${end}`, { start, end });
  };
  // The start and the end of the text near the expected place (bitap takes 32 characters at most).
  const head = pattern.slice(0, BITAP_MAX);
  const headAt = match(text, head, hint, BITAP_OPTIONS);
  if (headAt >= 0) {
    if (pattern.length <= BITAP_MAX) add(headAt, headAt + pattern.length);
    else {
      const tail = pattern.slice(-BITAP_MAX);
      const tailAt = match(text, tail, headAt + pattern.length - BITAP_MAX, BITAP_OPTIONS);
      if (tailAt >= 0) add(headAt, tailAt + BITAP_MAX);
      add(headAt, headAt + pattern.length);
    }
  }
  // The context either side: the span is what lies between its prefix and its suffix.
  const before = prefix.slice(-BITAP_MAX);
  const after = suffix.slice(0, BITAP_MAX);
  const prefixAt = before.length >= 8 ? match(text, before, Math.max(0, hint - before.length), BITAP_OPTIONS) : -1;
  const contentStart = prefixAt >= 0 ? prefixAt + before.length : -1;
  const suffixAt = after.length >= 8 ? match(text, after, contentStart >= 0 ? contentStart + pattern.length : hint + pattern.length, BITAP_OPTIONS) : -1;
  if (contentStart >= 0 && suffixAt > contentStart) add(contentStart, suffixAt);
  if (contentStart >= 0) add(contentStart, contentStart + pattern.length);
  if (suffixAt >= 0) add(suffixAt - pattern.length, suffixAt);
  return [...found.values()];
}

/** How well the text around a candidate matches the stored context (1 for a span at the edge of both bodies). */
function contextSimilarity(expected: string, actual: string): number {
  if (expected.length === 0) return actual.length === 0 ? 1 : 0.5;
  return similarity(expected, actual);
}

/**
 * Finds a span in the new body: the steps of the comment at the top of this file. Offsets of
 * an ORPHANED span refer to an older body, so only the search is tried for it (with the
 * position scaled to the new body as the hint).
 */
export function placeSpan(change: BodyChange, span: StoredSpan): Placement {
  if (span.exact.length === 0 || span.end <= span.start) return { state: "ORPHANED" };
  const { oldBody, newBody } = change;
  const text = change.newNormal.text;
  const pattern = normalText(span.exact);
  if (pattern.length === 0) return { state: "ORPHANED" };
  let hint = Math.round((span.start / Math.max(1, oldBody.length)) * text.length);
  let mapped: Candidate | null = null;
  const onOldBody = span.state !== "ORPHANED" && span.end <= oldBody.length && oldBody.slice(span.start, span.end) === span.exact;
  if (onOldBody) {
    const oldStart = change.oldNormal.toNormal[span.start] ?? 0;
    const oldEnd = (change.oldNormal.toNormal[span.end - 1] ?? 0) + 1;
    const start = change.map(oldStart);
    const end = change.map(oldEnd - 1) + 1;
    hint = start;
    if (end > start) {
      mapped = { start, end };
      if (text.slice(start, end) === pattern) {
        const real = change.realRange(start, end);
        return placed(change, "ANCHORED", real.start, real.end, 1, false);
      }
    }
    if (newBody.slice(span.start, span.end) === span.exact) return placed(change, "ANCHORED", span.start, span.end, 1, false);
  }
  const prefix = normalText(span.prefix);
  const suffix = normalText(span.suffix);
  const assess = (candidate: Candidate): Assessed | null => {
    const found = text.slice(candidate.start, candidate.end);
    if (Math.abs(found.length - pattern.length) > maxErrors(pattern.length)) return null;
    const errors = editDistance(pattern, found);
    if (errors > maxErrors(pattern.length)) return null;
    const quote = 1 - errors / Math.max(pattern.length, found.length);
    const before = contextSimilarity(prefix, text.slice(Math.max(0, candidate.start - prefix.length), candidate.start));
    const after = contextSimilarity(suffix, text.slice(candidate.end, candidate.end + suffix.length));
    const position = 1 - Math.min(1, Math.abs(candidate.start - hint) / Math.max(1, text.length));
    const score = (WEIGHT.quote * quote + WEIGHT.prefix * before + WEIGHT.suffix * after + WEIGHT.position * position) / WEIGHT_TOTAL;
    return { candidate, score, errors, context: (before + after) / 2 };
  };
  // Where the diff says the span went comes first: words edited in place stay in place, even if
  // the old words still stand elsewhere (a statement quoted twice, once corrected).
  const inPlace = mapped ? assess(mapped) : null;
  if (inPlace && inPlace.errors > 0 && inPlace.context >= MAPPED_CONTEXT && inPlace.score >= MIN_FUZZY_SCORE) {
    const real = change.realRange(inPlace.candidate.start, inPlace.candidate.end);
    return placed(change, "FUZZY", real.start, real.end, Number(inPlace.score.toFixed(4)), true);
  }
  // The same words elsewhere (a moved paragraph): trusted when the context agrees, or when the
  // text is long and occurs once.
  const verbatim = occurrences(text, pattern);
  const bestExact = pick(verbatim.map(assess));
  if (bestExact && (bestExact.context >= MIN_CONTEXT || (verbatim.length === 1 && pattern.length >= UNIQUE_TEXT_MIN))) {
    const real = change.realRange(bestExact.candidate.start, bestExact.candidate.end);
    return placed(change, "ANCHORED", real.start, real.end, 1, false);
  }
  // Similar words near where the span should be: FUZZY.
  if (maxErrors(pattern.length) === 0) return { state: "ORPHANED" };
  const near = fuzzyCandidates(text, pattern, prefix, suffix, hint);
  if (mapped) near.push(mapped);
  const best = pick(near.map(assess).filter((assessed) => assessed !== null && assessed.errors > 0));
  if (best && best.score >= MIN_FUZZY_SCORE && best.context >= MIN_CONTEXT) {
    const real = change.realRange(best.candidate.start, best.candidate.end);
    return placed(change, "FUZZY", real.start, real.end, Number(best.score.toFixed(4)), true);
  }
  return { state: "ORPHANED" };
}

/** The best-scoring candidate, if any. */
function pick(assessed: readonly (Assessed | null)[]): Assessed | null {
  let best: Assessed | null = null;
  for (const candidate of assessed) if (candidate && (!best || candidate.score > best.score)) best = candidate;
  return best;
}

// ------------------------------------------------------------------------------ the database side

/** The kinds of span-bound record re-anchoring moves. */
export type SpanRecordType = "Quote" | "EntityMention" | "IncidentMention" | "Annotation";

/** One record whose anchor state or words changed, as the article.update audit event lists it. */
export interface AnchorChange {
  readonly type: SpanRecordType;
  readonly id: string;
  readonly from: AnchorState;
  readonly to: AnchorState;
  /** The match score for FUZZY; null otherwise. */
  readonly score: number | null;
  /** The text before, when the words changed (FUZZY). */
  readonly previousExact?: string;
  /** The text now, when the words changed (FUZZY). */
  readonly exact?: string;
  /** A quote whose words changed goes back to UNVERIFIED: its verification before. */
  readonly previousVerification?: VerificationStatus;
}

/** What a body change did to the article's span-bound records; `changes` lists every state or text change. */
export interface ReanchorSummary {
  /** ANCHORED at the same offsets. */
  kept: number;
  /** ANCHORED at other offsets (the text before it changed, or its paragraph moved). */
  moved: number;
  /** FUZZY: re-anchored to similar text. */
  fuzzy: number;
  /** ORPHANED (newly or still). */
  orphaned: number;
  /** Every record whose state changed or whose words changed. */
  changes: AnchorChange[];
}

/**
 * Where one span-bound record was on a revision: what the article.update audit event keeps (in
 * `before.anchors`) so that the revision it replaced can be read with its spans as they were.
 * An ORPHANED record's offsets refer to an older body, so its text is kept too.
 */
export interface AnchorSnapshot {
  readonly type: SpanRecordType;
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly state: AnchorState;
  /** The record's text, for ORPHANED records only. */
  readonly exact?: string;
}

/** What {@link reanchorArticle} returns: the summary for the audit event's after, the spans before the edit for its before. */
export interface ReanchorResult {
  readonly summary: ReanchorSummary;
  readonly anchorsBefore: AnchorSnapshot[];
}

/** A row's new anchoring, as the batched UPDATE writes it. */
interface RowUpdate {
  readonly id: string;
  readonly start: number;
  readonly end: number;
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
  readonly state: AnchorState;
  readonly score: number | null;
  /** The revision it is anchored on (for an orphan: its last good one, if known). */
  readonly revision: number | null;
  /** Annotations: the text before a fuzzy re-anchoring. */
  readonly previousExact: string | null;
  /** Quotes: UNVERIFIED when the words changed; null keeps the status. */
  readonly verification: VerificationStatus | null;
  /** Whether the record changed in substance (state or words): its version goes up. */
  readonly bump: boolean;
}

interface SpanRow extends StoredSpan {
  readonly id: string;
  readonly revision: number | null;
  /** The stored match score (FUZZY records). */
  readonly score: number | null;
  readonly previousExact?: string | null;
  readonly verification?: VerificationStatus;
}

/** Places one record and tallies it; null when nothing about it changes (it stays ORPHANED). */
function reanchorRow(change: BodyChange, type: SpanRecordType, row: SpanRow, revision: number, summary: ReanchorSummary): RowUpdate | null {
  const placement = placeSpan(change, row);
  if (placement.state === "ORPHANED") {
    summary.orphaned += 1;
    if (row.state === "ORPHANED") return null;
    summary.changes.push({ type, id: row.id, from: row.state, to: "ORPHANED", score: null });
    const { start, end, exact, prefix, suffix } = row;
    return { id: row.id, start, end, exact, prefix, suffix, state: "ORPHANED", score: null, revision: row.revision, previousExact: row.previousExact ?? null, verification: null, bump: true };
  }
  // A FUZZY record stays FUZZY, with its score, until someone checks it (reanchorAnnotation):
  // an unrelated later edit that finds its (new) words in place does not clear the flag.
  const state: AnchorState = placement.state === "ANCHORED" && row.state === "FUZZY" ? "FUZZY" : placement.state;
  const score = placement.state === "FUZZY" ? placement.score : state === "FUZZY" ? row.score : null;
  if (state === "FUZZY") summary.fuzzy += 1;
  else if (placement.start === row.start && placement.end === row.end) summary.kept += 1;
  else summary.moved += 1;
  const unverify = type === "Quote" && placement.textChanged && row.verification !== undefined && row.verification !== "UNVERIFIED";
  const changed = state !== row.state || placement.textChanged;
  if (changed) {
    summary.changes.push({
      type,
      id: row.id,
      from: row.state,
      to: state,
      score,
      ...(placement.textChanged ? { previousExact: row.exact, exact: placement.exact } : {}),
      ...(unverify && row.verification ? { previousVerification: row.verification } : {}),
    });
  }
  return {
    id: row.id,
    start: placement.start,
    end: placement.end,
    exact: placement.exact,
    prefix: placement.prefix,
    suffix: placement.suffix,
    state,
    score,
    revision,
    // The words the note was first made on stay in previousExact through later fuzzy moves.
    previousExact: placement.textChanged ? (row.previousExact ?? row.exact) : (row.previousExact ?? null),
    verification: unverify ? "UNVERIFIED" : null,
    // Versions go up when the state or the words change, not when offsets merely shift (that
    // would make every edit of the body a VERSION_CONFLICT for whoever is verifying a quote).
    bump: changed,
  };
}

/** Rows per UPDATE statement (11 parameters each, well under PostgreSQL's 65,535). */
const BATCH = 2000;

/** The columns each table keeps a span in: the text column, and which optional columns it has. */
const TABLES = {
  Quote: { table: Prisma.raw(`"Quote"`), text: Prisma.raw(`"text"`), versioned: true, previousExact: false, verification: true },
  EntityMention: { table: Prisma.raw(`"EntityMention"`), text: Prisma.raw(`"exact"`), versioned: false, previousExact: false, verification: false },
  IncidentMention: { table: Prisma.raw(`"IncidentMention"`), text: Prisma.raw(`"exact"`), versioned: false, previousExact: false, verification: false },
  Annotation: { table: Prisma.raw(`"Annotation"`), text: Prisma.raw(`"exact"`), versioned: true, previousExact: true, verification: false },
} as const;

/**
 * Writes the new anchoring of many rows of one table in one statement per 2,000 rows:
 * UPDATE ... FROM (VALUES ...), every value cast so that PostgreSQL knows its type.
 */
async function writeRows(tx: Prisma.TransactionClient, type: SpanRecordType, rows: readonly RowUpdate[]): Promise<void> {
  const spec = TABLES[type];
  for (let offset = 0; offset < rows.length; offset += BATCH) {
    const values = rows.slice(offset, offset + BATCH).map(
      (row) =>
        Prisma.sql`(${row.id}::uuid, ${row.start}::int, ${row.end}::int, ${row.exact}::text, ${row.prefix}::text, ${row.suffix}::text, ${row.state}::text, ${row.score}::float8, ${row.revision}::int, ${row.previousExact}::text, ${row.verification}::text, ${row.bump ? 1 : 0}::int)`,
    );
    const extra: Prisma.Sql[] = [];
    if (spec.versioned) {
      extra.push(Prisma.sql`"version" = t."version" + v.bump`, Prisma.sql`"updatedAt" = CASE WHEN v.bump = 1 THEN now() ELSE t."updatedAt" END`);
    }
    if (spec.previousExact) extra.push(Prisma.sql`"previousExact" = v.previous`);
    if (spec.verification) extra.push(Prisma.sql`"verification" = COALESCE(v.verification::"VerificationStatus", t."verification")`);
    const assignments = Prisma.join(
      [
        Prisma.sql`"start" = v.s`,
        Prisma.sql`"end" = v.e`,
        Prisma.sql`${spec.text} = v.x`,
        Prisma.sql`"prefix" = v.p`,
        Prisma.sql`"suffix" = v.sf`,
        Prisma.sql`"anchorState" = v.state::"AnchorState"`,
        Prisma.sql`"anchorScore" = v.score`,
        Prisma.sql`"anchoredRevision" = v.revision`,
        ...extra,
      ],
      ", ",
    );
    await tx.$executeRaw`UPDATE ${spec.table} AS t SET ${assignments}
      FROM (VALUES ${Prisma.join(values, ", ")}) AS v(id, s, e, x, p, sf, state, score, revision, previous, verification, bump)
      WHERE t."id" = v.id`;
  }
}

/**
 * Re-anchors every quote, entity mention, incident mention and span annotation of an article to
 * its new body, inside the transaction that saves the body: four reads, then one UPDATE per
 * table (per 2,000 rows). Returns the tally and every state or text change, for the audit event.
 */
export async function reanchorArticle(tx: Prisma.TransactionClient, articleId: string, oldBody: string, newBody: string, revision: number): Promise<ReanchorResult> {
  const summary: ReanchorSummary = { kept: 0, moved: 0, fuzzy: 0, orphaned: 0, changes: [] };
  const spanColumns = { id: true, start: true, end: true, prefix: true, suffix: true, anchorState: true, anchorScore: true, anchoredRevision: true } as const;
  const [quotes, entityMentions, incidentMentions, annotations] = await Promise.all([
    tx.quote.findMany({ where: { articleId }, select: { ...spanColumns, text: true, verification: true }, orderBy: { id: "asc" } }),
    tx.entityMention.findMany({ where: { articleId }, select: { ...spanColumns, exact: true }, orderBy: { id: "asc" } }),
    tx.incidentMention.findMany({ where: { articleId }, select: { ...spanColumns, exact: true }, orderBy: { id: "asc" } }),
    tx.annotation.findMany({
      where: { articleId, start: { not: null }, end: { not: null }, exact: { not: null } },
      select: { ...spanColumns, exact: true, previousExact: true },
      orderBy: { id: "asc" },
    }),
  ]);
  const change = new BodyChange(oldBody, newBody);
  const anchorsBefore: AnchorSnapshot[] = [];
  const remember = (type: SpanRecordType, rows: readonly SpanRow[]) => {
    for (const row of rows) {
      anchorsBefore.push({ type, id: row.id, start: row.start, end: row.end, state: row.state, ...(row.state === "ORPHANED" ? { exact: row.exact } : {}) });
    }
    return rows;
  };
  const place = (type: SpanRecordType, rows: readonly SpanRow[]) =>
    remember(type, rows)
      .map((row) => reanchorRow(change, type, row, revision, summary))
      .filter((row): row is RowUpdate => row !== null);
  const common = (
    row: { id: string; start: number; end: number; prefix: string; suffix: string; anchorState: AnchorState; anchorScore: number | null; anchoredRevision: number },
    exact: string,
  ) => ({
    id: row.id,
    start: row.start,
    end: row.end,
    exact,
    prefix: row.prefix,
    suffix: row.suffix,
    state: row.anchorState,
    score: row.anchorScore,
    revision: row.anchoredRevision,
  });
  const updates: [SpanRecordType, RowUpdate[]][] = [
    ["Quote", place("Quote", quotes.map((row) => ({ ...common(row, row.text), verification: row.verification })))],
    ["EntityMention", place("EntityMention", entityMentions.map((row) => common(row, row.exact)))],
    ["IncidentMention", place("IncidentMention", incidentMentions.map((row) => common(row, row.exact)))],
    [
      "Annotation",
      place(
        "Annotation",
        annotations.map((row) => ({
          id: row.id,
          start: row.start ?? 0,
          end: row.end ?? 0,
          exact: row.exact ?? "",
          prefix: row.prefix ?? "",
          suffix: row.suffix ?? "",
          state: row.anchorState,
          score: row.anchorScore,
          revision: row.anchoredRevision,
          previousExact: row.previousExact,
        })),
      ),
    ],
  ];
  for (const [type, rows] of updates) {
    if (rows.length > 0) await writeRows(tx, type, rows);
  }
  return { summary, anchorsBefore };
}

/** The spans of the current revision, in the snapshot form (read outside any edit). */
export async function currentAnchors(prisma: Prisma.TransactionClient, articleId: string): Promise<AnchorSnapshot[]> {
  const columns = { id: true, start: true, end: true, anchorState: true } as const;
  const [quotes, entityMentions, incidentMentions, annotations] = await Promise.all([
    prisma.quote.findMany({ where: { articleId }, select: { ...columns, text: true }, orderBy: { id: "asc" } }),
    prisma.entityMention.findMany({ where: { articleId }, select: { ...columns, exact: true }, orderBy: { id: "asc" } }),
    prisma.incidentMention.findMany({ where: { articleId }, select: { ...columns, exact: true }, orderBy: { id: "asc" } }),
    prisma.annotation.findMany({ where: { articleId, start: { not: null }, end: { not: null }, exact: { not: null } }, select: { ...columns, exact: true }, orderBy: { id: "asc" } }),
  ]);
  const snapshot = (type: SpanRecordType, row: { id: string; start: number | null; end: number | null; anchorState: AnchorState }, exact: string): AnchorSnapshot => ({
    type,
    id: row.id,
    start: row.start ?? 0,
    end: row.end ?? 0,
    state: row.anchorState,
    ...(row.anchorState === "ORPHANED" ? { exact } : {}),
  });
  return [
    ...quotes.map((row) => snapshot("Quote", row, row.text)),
    ...entityMentions.map((row) => snapshot("EntityMention", row, row.exact)),
    ...incidentMentions.map((row) => snapshot("IncidentMention", row, row.exact)),
    ...annotations.map((row) => snapshot("Annotation", row, row.exact ?? "")),
  ];
}

// ------------------------------------------------------------------------------ revision diffs

/** One stretch of a diff between two revisions: offsets into the older and the newer body. */
export interface DiffHunkValue {
  readonly operation: "EQUAL" | "INSERT" | "DELETE";
  readonly text: string;
  /** Offset in the older body where the hunk starts (for INSERT: where it goes). */
  readonly oldStart: number;
  /** Offset in the newer body where the hunk starts (for DELETE: where it was). */
  readonly newStart: number;
}

/** The diff of two bodies as hunks, cleaned up for people to read (whole words, not letters). */
export function diffHunks(from: string, to: string): DiffHunkValue[] {
  const diffs = cleanupSemantic(makeDiff(from, to, { checkLines: false, timeout: 1 }));
  const hunks: DiffHunkValue[] = [];
  let oldStart = 0;
  let newStart = 0;
  for (const [operation, text] of diffs) {
    hunks.push({ operation: operation === DIFF_EQUAL ? "EQUAL" : operation === DIFF_INSERT ? "INSERT" : "DELETE", text, oldStart, newStart });
    if (operation !== DIFF_INSERT) oldStart += text.length;
    if (operation !== DIFF_DELETE) newStart += text.length;
  }
  return hunks;
}

// ------------------------------------------------------------------------------ spans of a revision

const SPAN_RECORD_TYPES = { Quote: "QUOTE", EntityMention: "ENTITY_MENTION", IncidentMention: "INCIDENT_MENTION", Annotation: "ANNOTATION" } as const;

/** before.anchors of an article.update audit event, checked (the audit log is JSON we wrote, but old events lack it). */
const anchorsSchema = z.object({
  anchors: z.array(
    z.object({
      type: z.enum(["Quote", "EntityMention", "IncidentMention", "Annotation"]),
      id: z.string(),
      start: z.number().int(),
      end: z.number().int(),
      state: z.enum(["ANCHORED", "FUZZY", "ORPHANED"]),
      exact: z.string().optional(),
    }),
  ),
});

/** Where one record's span was on a revision: quotes and annotations name their record; mentions have no id of their own. */
export interface RevisionSpan {
  readonly recordType: (typeof SPAN_RECORD_TYPES)[keyof typeof SPAN_RECORD_TYPES];
  readonly record: { readonly type: "Quote" | "Annotation"; readonly id: string } | null;
  readonly anchorState: AnchorState;
  readonly span: TextSpanValue | null;
  readonly exact: string;
}

/**
 * The spans of a revision as they were: for the current revision the records as they are; for
 * an older one the positions the edit that replaced it recorded in its audit event. Null when
 * that edit recorded none (it predates issue 6).
 */
export async function revisionSpans(prisma: Prisma.TransactionClient, revision: ArticleRevision): Promise<RevisionSpan[] | null> {
  const article = await prisma.article.findUnique({ where: { id: revision.articleId }, select: { revisionNumber: true } });
  if (!article) return null;
  let anchors: readonly AnchorSnapshot[];
  if (revision.number === article.revisionNumber) {
    anchors = await currentAnchors(prisma, revision.articleId);
  } else {
    const event = await prisma.auditEvent.findFirst({
      where: { action: "article.update", targetType: "Article", targetId: revision.articleId, after: { path: ["revisionNumber"], equals: revision.number + 1 } },
      orderBy: { id: "desc" },
      select: { before: true },
    });
    const parsed = anchorsSchema.safeParse(event?.before);
    if (!parsed.success) return null;
    anchors = parsed.data.anchors;
  }
  return anchors.map((anchor) => {
    const inBody = anchor.state !== "ORPHANED" && anchor.start >= 0 && anchor.end > anchor.start && anchor.end <= revision.body.length;
    const span = inBody ? spanOf(revision.body, anchor.start, anchor.end) : null;
    return {
      recordType: SPAN_RECORD_TYPES[anchor.type],
      record: anchor.type === "Quote" || anchor.type === "Annotation" ? { type: anchor.type, id: anchor.id } : null,
      anchorState: anchor.state,
      span,
      exact: span?.exact ?? anchor.exact ?? "",
    };
  });
}
