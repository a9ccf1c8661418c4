import type { Prisma } from "../../db/index.js";
import type { AnchorState } from "../../generated/prisma/enums.js";
import { spanOf } from "../../graphql/span.js";

// Keeping span-bound records (quotes, entity and incident mentions, annotations) on the text when
// an article's body changes. This is the conservative first step of re-anchoring: a span stays
// where its exact text still is, moves when its exact text occurs exactly once in the new body,
// and is otherwise ORPHANED with its offsets and text kept, never silently pointing at other
// words. Diff-based mapping and fuzzy matching (issue 6) refine the middle step.

/** A stored span: offsets into the old body and its W3C quote selector. */
export interface StoredSpan {
  readonly start: number;
  readonly end: number;
  readonly exact: string;
}

/** Where a span lands in the new body. */
export type Relocation =
  | { readonly state: "ANCHORED"; readonly moved: boolean; readonly start: number; readonly end: number; readonly prefix: string; readonly suffix: string }
  | { readonly state: "ORPHANED" };

/** Finds a span in a new body: same place, else the one place its text now is, else orphaned. */
export function relocate(span: StoredSpan, newBody: string): Relocation {
  if (span.exact.length > 0 && newBody.slice(span.start, span.end) === span.exact) {
    const { prefix, suffix } = spanOf(newBody, span.start, span.end);
    return { state: "ANCHORED", moved: false, start: span.start, end: span.end, prefix, suffix };
  }
  const first = span.exact.length > 0 ? newBody.indexOf(span.exact) : -1;
  if (first >= 0 && newBody.indexOf(span.exact, first + 1) < 0) {
    const { prefix, suffix } = spanOf(newBody, first, first + span.exact.length);
    return { state: "ANCHORED", moved: true, start: first, end: first + span.exact.length, prefix, suffix };
  }
  return { state: "ORPHANED" };
}

/** How many span-bound records a body change kept, moved and orphaned. */
export interface ReanchorSummary {
  kept: number;
  moved: number;
  orphaned: number;
}

/** The fields of a span-bound row that re-anchoring writes. */
interface AnchorUpdate {
  start?: number;
  end?: number;
  prefix?: string;
  suffix?: string;
  anchorState: AnchorState;
  anchoredRevision?: number;
}

function anchorUpdate(relocation: Relocation, revision: number, summary: ReanchorSummary): AnchorUpdate {
  if (relocation.state === "ORPHANED") {
    summary.orphaned += 1;
    return { anchorState: "ORPHANED" };
  }
  if (relocation.moved) summary.moved += 1;
  else summary.kept += 1;
  return { start: relocation.start, end: relocation.end, prefix: relocation.prefix, suffix: relocation.suffix, anchorState: "ANCHORED", anchoredRevision: revision };
}

/**
 * Re-anchors every quote, entity mention, incident mention and article-span annotation of an
 * article to its new body, inside the transaction that saves the body. Records already
 * ORPHANED stay so until placed again, unless their text reappears exactly once.
 */
export async function reanchorArticle(tx: Prisma.TransactionClient, articleId: string, newBody: string, revision: number): Promise<ReanchorSummary> {
  const summary: ReanchorSummary = { kept: 0, moved: 0, orphaned: 0 };
  const [quotes, entityMentions, incidentMentions, annotations] = await Promise.all([
    tx.quote.findMany({ where: { articleId }, select: { id: true, start: true, end: true, text: true } }),
    tx.entityMention.findMany({ where: { articleId }, select: { id: true, start: true, end: true, exact: true } }),
    tx.incidentMention.findMany({ where: { articleId }, select: { id: true, start: true, end: true, exact: true } }),
    tx.annotation.findMany({
      where: { articleId, start: { not: null }, end: { not: null }, exact: { not: null } },
      select: { id: true, start: true, end: true, exact: true },
    }),
  ]);
  for (const quote of quotes) {
    await tx.quote.update({ where: { id: quote.id }, data: anchorUpdate(relocate({ start: quote.start, end: quote.end, exact: quote.text }, newBody), revision, summary) });
  }
  for (const mention of entityMentions) {
    await tx.entityMention.update({ where: { id: mention.id }, data: anchorUpdate(relocate(mention, newBody), revision, summary) });
  }
  for (const mention of incidentMentions) {
    await tx.incidentMention.update({ where: { id: mention.id }, data: anchorUpdate(relocate(mention, newBody), revision, summary) });
  }
  for (const annotation of annotations) {
    const span = { start: annotation.start ?? 0, end: annotation.end ?? 0, exact: annotation.exact ?? "" };
    await tx.annotation.update({ where: { id: annotation.id }, data: anchorUpdate(relocate(span, newBody), revision, summary) });
  }
  return summary;
}
