import { z } from "zod";
import type { Prisma } from "../../db/index.js";
import { inTransaction } from "../../db/transaction.js";
import type {
  AnnotationStateInput,
  CreateAnnotationInput,
  CreateClaimReviewInput,
  ReanchorAnnotationInput,
  ReplyToAnnotationInput,
  UpdateAnnotationInput,
} from "../../generated/graphql.js";
import type { Annotation, Article, ClaimReview } from "../../generated/prisma/client.js";
import { AnnotationMotivation, ClaimRating, type AnnotationStatus } from "../../generated/prisma/enums.js";
import type { GraphQLContext } from "../../graphql/context.js";
import { parseGlobalId, toGlobalId } from "../../graphql/ids.js";
import type { RecordType } from "../../core/records.js";
import { actorId, assertUpdated, fail, parseInput, requireRole, resolveSelector } from "../../core/failure.js";
import type { TextSpanValue } from "../../core/span.js";
import { visibleArticles } from "../articles/visibility.js";
import { recordAudit } from "../../core/audit.js";
import { hasRole, type Actor } from "../../core/actor.js";
import { resolvableIncidents } from "../incidents/visibility.js";
import { visiblePeople } from "../people/visibility.js";
import { visibleQuotes } from "../quotes/visibility.js";
import { visibleAnnotations } from "./visibility.js";

// ------------------------------------------------------------------------------ limits

/** Longest annotation body, in UTF-16 code units (checked before trimming). */
export const ANNOTATION_BODY_MAX = 10_000;
/** Most tags on one annotation. */
export const ANNOTATION_TAGS_MAX = 20;
/** Longest tag, after trimming. */
export const ANNOTATION_TAG_MAX = 50;
/** Longest fact-check explanation (checked before trimming). */
export const CLAIM_EXPLANATION_MAX = 5_000;
/** Most evidence links on one fact-check. */
export const CLAIM_EVIDENCE_MAX = 20;
/** Longest evidence link. */
const URL_MAX = 2_000;
/** Longest `exact` a selector may carry (a span longer than this is not a note on a span). */
const SELECTOR_EXACT_MAX = 10_000;
/** Longest prefix or suffix a selector may carry; we keep 32 characters, clients may send more. */
const SELECTOR_CONTEXT_MAX = 1_000;

// ------------------------------------------------------------------------------ input schemas

/** A global id of one type, decoded to the raw id; a malformed or wrong-type id is an issue on its own field. */
function globalIdOf(type: RecordType) {
  return z.string().transform((value, ctx) => {
    const parsed = parseGlobalId(value);
    if (!parsed || parsed.type !== type) {
      ctx.addIssue({ code: "custom", message: `Not a valid ${type} id.` });
      return z.NEVER;
    }
    return parsed.id;
  });
}

const expectedVersionSchema = z.number().int().min(1, "Versions start at 1.");

const motivationSchema = z.enum(AnnotationMotivation);

/** Plain text, at most 10,000 characters as sent, stored trimmed (may be empty; see {@link checkNote}). */
const bodySchema = z
  .string()
  .max(ANNOTATION_BODY_MAX, `At most ${ANNOTATION_BODY_MAX.toLocaleString("en")} characters.`)
  .transform((body) => body.trim());

/** Tags trimmed, each 1 to 50 characters, at most 20; duplicates are dropped (first one kept). */
const tagsSchema = z
  .array(
    z
      .string()
      .transform((tag) => tag.trim())
      .pipe(z.string().min(1, "A tag cannot be empty.").max(ANNOTATION_TAG_MAX, `A tag has at most ${ANNOTATION_TAG_MAX} characters.`)),
  )
  .max(ANNOTATION_TAGS_MAX, `At most ${ANNOTATION_TAGS_MAX} tags.`)
  .transform((tags) => [...new Set(tags)]);

/** The shape of a SelectorInput; whether it matches the text is checked against the article (INVALID_SELECTOR). */
const selectorSchema = z
  .object({
    start: z.number().int().min(0, "start cannot be negative."),
    end: z.number().int(),
    exact: z.string().min(1, "exact cannot be empty.").max(SELECTOR_EXACT_MAX).nullish(),
    prefix: z.string().max(SELECTOR_CONTEXT_MAX).nullish(),
    suffix: z.string().max(SELECTOR_CONTEXT_MAX).nullish(),
  })
  .refine((selector) => selector.end > selector.start, { path: ["end"], message: "end must be greater than start." });

/** A parsed selector. */
type Selector = z.output<typeof selectorSchema>;

const createAnnotationSchema = z.object({
  target: z
    .object({
      articleId: globalIdOf("Article").nullish(),
      quoteId: globalIdOf("Quote").nullish(),
      incidentId: globalIdOf("Incident").nullish(),
      personId: globalIdOf("Person").nullish(),
    })
    .refine((target) => [target.articleId, target.quoteId, target.incidentId, target.personId].filter((id) => id != null).length === 1, {
      message: "Give exactly one of articleId, quoteId, incidentId and personId.",
    }),
  selector: selectorSchema.nullish(),
  motivation: motivationSchema,
  body: bodySchema.nullish(),
  tags: tagsSchema.nullish(),
});

const replySchema = z.object({
  parentId: globalIdOf("Annotation"),
  body: bodySchema,
  motivation: motivationSchema.nullish(),
});

const updateAnnotationSchema = z.object({
  id: globalIdOf("Annotation"),
  expectedVersion: expectedVersionSchema,
  body: bodySchema.nullish(),
  tags: tagsSchema.nullish(),
  motivation: motivationSchema.nullish(),
});

const annotationStateSchema = z.object({
  id: globalIdOf("Annotation"),
  expectedVersion: expectedVersionSchema,
});

/** An absolute http or https URL. */
const evidenceUrlSchema = z
  .string()
  .trim()
  .max(URL_MAX, `A link has at most ${URL_MAX} characters.`)
  .refine(
    (value) => {
      if (!URL.canParse(value)) return false;
      const url = new URL(value);
      return (url.protocol === "http:" || url.protocol === "https:") && url.hostname.length > 0;
    },
    { message: "Not an http or https URL." },
  );

const createClaimReviewSchema = z.object({
  quoteId: globalIdOf("Quote").nullish(),
  articleId: globalIdOf("Article").nullish(),
  selector: selectorSchema.nullish(),
  rating: z.enum(ClaimRating),
  explanation: z
    .string()
    .max(CLAIM_EXPLANATION_MAX, `At most ${CLAIM_EXPLANATION_MAX.toLocaleString("en")} characters.`)
    .transform((text) => text.trim())
    .pipe(z.string().min(1, "An explanation is required.")),
  evidenceUrls: z
    .array(evidenceUrlSchema)
    .max(CLAIM_EVIDENCE_MAX, `At most ${CLAIM_EVIDENCE_MAX} links.`)
    .transform((urls) => [...new Set(urls)])
    .nullish(),
});

// ------------------------------------------------------------------------------ rules

/**
 * The rule for an annotation's text: every motivation needs a body except `highlighting` (a
 * highlight says nothing) and `tagging` (whose content is its tags, so it needs at least one).
 * A "commenting" note with an empty body is a mistake, not a note.
 */
function checkNote(motivation: AnnotationMotivation, body: string, tags: readonly string[]): void {
  if (body.length > 0 || motivation === "highlighting") return;
  if (motivation === "tagging") {
    if (tags.length > 0) return;
    throw fail("INVALID_INPUT", "A tagging annotation needs at least one tag.", "input.tags");
  }
  throw fail("INVALID_INPUT", `A ${motivation} annotation needs a body (only highlighting and tagging ones may have none).`, "input.body");
}

/** The visible-annotation rule for a viewer who passed `requireRole(REPORTER)`. */
function annotationScope(viewer: Actor): Prisma.AnnotationWhereInput {
  const visible = visibleAnnotations(viewer);
  if (!visible) throw fail("FORBIDDEN", "Only reporters and above may work with annotations.");
  return visible;
}

/** Authors change and delete their own annotations; editors and above anyone's. */
function requireAuthorOrEditor(viewer: Actor, annotation: Annotation, what: string): void {
  if (annotation.authorId === viewer.userId || hasRole(viewer, "EDITOR")) return;
  throw fail("FORBIDDEN", `Only its author or an editor may ${what} this annotation.`, "input.id");
}


/**
 * Reads a visible article for a span, holding a share lock on its row until the transaction
 * ends: an edit of the body waits for us (and then re-anchors what we wrote), or, if it came
 * first, we read the body it committed. Null when the article is missing or not visible.
 */
async function lockArticle(tx: Prisma.TransactionClient, viewer: Actor, articleId: string): Promise<Article | null> {
  await tx.$queryRaw`SELECT 1 FROM "Article" WHERE "id" = ${articleId}::uuid FOR SHARE`;
  return tx.article.findFirst({ where: { AND: [{ id: articleId }, visibleArticles(viewer)] } });
}

/** Reads a visible annotation with a share lock, so a concurrent delete of it waits for us or is seen by us. */
async function lockAnnotation(tx: Prisma.TransactionClient, scope: Prisma.AnnotationWhereInput, id: string): Promise<Annotation | null> {
  await tx.$queryRaw`SELECT 1 FROM "Annotation" WHERE "id" = ${id}::uuid FOR SHARE`;
  return tx.annotation.findFirst({ where: { AND: [{ id }, scope] } });
}

/** The target and selector columns of a new annotation. */
type Anchor = Pick<
  Prisma.AnnotationUncheckedCreateInput,
  "targetType" | "articleId" | "quoteId" | "incidentId" | "personId" | "start" | "end" | "exact" | "prefix" | "suffix" | "anchoredRevision"
>;

/** The selector columns of a new annotation: both W3C selectors and the revision they were made on. */
function selectorColumns(span: TextSpanValue, article: Article): Partial<Anchor> {
  return { start: span.start, end: span.end, exact: span.exact, prefix: span.prefix, suffix: span.suffix, anchoredRevision: article.revisionNumber };
}

/** Finds the target of a new annotation as the viewer sees it and anchors the selector on it. */
async function anchorTarget(
  tx: Prisma.TransactionClient,
  viewer: Actor,
  target: z.output<typeof createAnnotationSchema>["target"],
  selector: Selector | null | undefined,
): Promise<Anchor> {
  if (target.articleId) {
    const article = await lockArticle(tx, viewer, target.articleId);
    if (!article) throw fail("NOT_FOUND", "The article does not exist or is not visible to you.", "input.target.articleId");
    if (!selector) throw fail("INVALID_INPUT", "An annotation on an article needs a selector.", "input.selector");
    return { targetType: "ARTICLE", articleId: article.id, ...selectorColumns(resolveSelector(article.body, selector, "input.selector"), article) };
  }
  if (target.quoteId) {
    const quoteId = target.quoteId;
    const findQuote = () => tx.quote.findFirst({ where: { AND: [{ id: quoteId }, visibleQuotes(viewer)] } });
    let quote = await findQuote();
    if (!quote) throw fail("NOT_FOUND", "The quote does not exist or is not visible to you.", "input.target.quoteId");
    // The quote's article is stored too, so Article.annotations finds the note without the quote.
    const anchor: Anchor = { targetType: "QUOTE", quoteId: quote.id, articleId: quote.articleId };
    if (!selector) return anchor;
    const article = await lockArticle(tx, viewer, quote.articleId);
    // Read again under the lock: an edit of the body may have moved the quote meanwhile.
    quote = article ? await findQuote() : null;
    if (!article || !quote) throw fail("NOT_FOUND", "The quote does not exist or is not visible to you.", "input.target.quoteId");
    if (quote.anchorState === "ORPHANED") {
      throw fail("INVALID_SELECTOR", "The quote's text is no longer in its article, so a span of it cannot be marked.", "input.selector");
    }
    const span = resolveSelector(article.body, selector, "input.selector", { start: quote.start, end: quote.end });
    return { ...anchor, ...selectorColumns(span, article) };
  }
  if (selector) throw fail("INVALID_INPUT", "Notes on an incident or a person are about the whole record: leave the selector out.", "input.selector");
  if (target.incidentId) {
    const incident = await tx.incident.findFirst({ where: { AND: [{ id: target.incidentId }, resolvableIncidents(viewer)] } });
    if (!incident) throw fail("NOT_FOUND", "The incident does not exist or is not visible to you.", "input.target.incidentId");
    if (incident.mergedIntoId) throw fail("CONFLICT", "The incident was merged into another one: annotate that one.", "input.target.incidentId");
    return { targetType: "INCIDENT", incidentId: incident.id };
  }
  const personId = target.personId;
  const person = personId ? await tx.person.findFirst({ where: { AND: [{ id: personId }, visiblePeople(viewer)] } }) : null;
  if (!person) throw fail("NOT_FOUND", "The person does not exist or is not visible to you.", "input.target.personId");
  if (person.mergedIntoId) throw fail("CONFLICT", "The person was merged into another record: annotate that one.", "input.target.personId");
  return { targetType: "PERSON", personId: person.id };
}

// ------------------------------------------------------------------------------ mutations

/** createAnnotation: a note on a span of an article, a quote (or a span of it), an incident or a person. REPORTER+. */
export async function createAnnotation(context: GraphQLContext, input: CreateAnnotationInput): Promise<Annotation> {
  requireRole(context.viewer, "REPORTER", "annotate");
  const data = parseInput(createAnnotationSchema, input);
  const authorId = actorId(context.viewer);
  const body = data.body ?? "";
  const tags = data.tags ?? [];
  checkNote(data.motivation, body, tags);
  // The selector rule per target, checked before reading anything.
  if (data.target.articleId != null && data.selector == null) throw fail("INVALID_INPUT", "An annotation on an article needs a selector.", "input.selector");
  if ((data.target.incidentId != null || data.target.personId != null) && data.selector != null) {
    throw fail("INVALID_INPUT", "Notes on an incident or a person are about the whole record: leave the selector out.", "input.selector");
  }
  return inTransaction(context.prisma, async (tx) => {
    const anchor = await anchorTarget(tx, context.viewer, data.target, data.selector);
    const created = await tx.annotation.create({ data: { ...anchor, motivation: data.motivation, body, tags, authorId } });
    await recordAudit(tx, context, { action: "annotation.create", targetType: "Annotation", targetId: created.id, before: null, after: created });
    return created;
  });
}

/**
 * replyToAnnotation: a reply in the thread of the annotation replied to, with the thread's
 * target. Threads are one level deep: a reply to a reply joins the thread's first annotation.
 */
export async function replyToAnnotation(context: GraphQLContext, input: ReplyToAnnotationInput): Promise<Annotation> {
  requireRole(context.viewer, "REPORTER", "reply to annotations");
  const data = parseInput(replySchema, input);
  const authorId = actorId(context.viewer);
  const motivation = data.motivation ?? "commenting";
  checkNote(motivation, data.body, []);
  const scope = annotationScope(context.viewer);
  return inTransaction(context.prisma, async (tx) => {
    const parent = await lockAnnotation(tx, scope, data.parentId);
    const root = parent?.parentId ? await lockAnnotation(tx, scope, parent.parentId) : parent;
    if (!root) throw fail("NOT_FOUND", "The annotation does not exist, was deleted, or is not visible to you.", "input.parentId");
    const reply = await tx.annotation.create({
      data: {
        targetType: root.targetType,
        articleId: root.articleId,
        quoteId: root.quoteId,
        incidentId: root.incidentId,
        personId: root.personId,
        parentId: root.id,
        motivation,
        body: data.body,
        tags: [],
        authorId,
      },
    });
    await recordAudit(tx, context, { action: "annotation.reply", targetType: "Annotation", targetId: reply.id, before: null, after: reply });
    return reply;
  });
}

/** updateAnnotation: new body, tags or motivation, at the version the client read. The author, or EDITOR+. */
export async function updateAnnotation(context: GraphQLContext, input: UpdateAnnotationInput): Promise<Annotation> {
  requireRole(context.viewer, "REPORTER", "change annotations");
  const data = parseInput(updateAnnotationSchema, input);
  if (data.body == null && data.tags == null && data.motivation == null) {
    throw fail("INVALID_INPUT", "Nothing to change: give at least one of body, tags and motivation.", "input");
  }
  const scope = annotationScope(context.viewer);
  return inTransaction(context.prisma, async (tx) => {
    const before = await tx.annotation.findFirst({ where: { AND: [{ id: data.id }, scope] } });
    if (!before) throw fail("NOT_FOUND", "The annotation does not exist, was deleted, or is not visible to you.", "input.id");
    requireAuthorOrEditor(context.viewer, before, "change");
    const changes = { body: data.body ?? before.body, tags: data.tags ?? before.tags, motivation: data.motivation ?? before.motivation };
    checkNote(changes.motivation, changes.body, changes.tags);
    const { count } = await tx.annotation.updateMany({
      where: { id: data.id, version: data.expectedVersion, deletedAt: null },
      data: { ...changes, version: { increment: 1 } },
    });
    assertUpdated(count, await tx.annotation.findFirst({ where: { AND: [{ id: data.id }, scope] }, select: { version: true } }), "annotation", data.expectedVersion);
    const after = await tx.annotation.findUniqueOrThrow({ where: { id: data.id } });
    await recordAudit(tx, context, { action: "annotation.update", targetType: "Annotation", targetId: after.id, before, after });
    return after;
  });
}

/**
 * Moves a thread between OPEN and RESOLVED. Only a thread's first annotation has a status that
 * means anything, so replies are refused. Any REPORTER+ may do it: the queue is the desk's.
 */
async function setStatus(context: GraphQLContext, input: AnnotationStateInput, to: AnnotationStatus): Promise<Annotation> {
  const resolving = to === "RESOLVED";
  requireRole(context.viewer, "REPORTER", resolving ? "resolve annotations" : "reopen annotations");
  const data = parseInput(annotationStateSchema, input);
  const userId = actorId(context.viewer);
  const scope = annotationScope(context.viewer);
  return inTransaction(context.prisma, async (tx) => {
    const before = await tx.annotation.findFirst({ where: { AND: [{ id: data.id }, scope] } });
    if (!before) throw fail("NOT_FOUND", "The annotation does not exist, was deleted, or is not visible to you.", "input.id");
    if (before.parentId) throw fail("CONFLICT", "Replies are not resolved or reopened on their own: use the thread's first annotation.", "input.id");
    const { count } = await tx.annotation.updateMany({
      where: { id: data.id, version: data.expectedVersion, deletedAt: null, status: resolving ? "OPEN" : "RESOLVED" },
      data: resolving
        ? { status: "RESOLVED", resolvedById: userId, resolvedAt: new Date(), version: { increment: 1 } }
        : { status: "OPEN", resolvedById: null, resolvedAt: null, version: { increment: 1 } },
    });
    if (count === 0) {
      const current = await tx.annotation.findFirst({ where: { AND: [{ id: data.id }, scope] }, select: { version: true } });
      // Gone or moved on: NOT_FOUND or VERSION_CONFLICT. At the version read, it is in the wrong state.
      if (!current || current.version !== data.expectedVersion) assertUpdated(0, current, "annotation", data.expectedVersion);
      throw fail("CONFLICT", resolving ? "The annotation is already resolved." : "The annotation is open, not resolved.", "input.id");
    }
    const after = await tx.annotation.findUniqueOrThrow({ where: { id: data.id } });
    await recordAudit(tx, context, { action: resolving ? "annotation.resolve" : "annotation.reopen", targetType: "Annotation", targetId: after.id, before, after });
    return after;
  });
}

/** resolveAnnotation: marks an open thread dealt with, recording who and when. REPORTER+. */
export function resolveAnnotation(context: GraphQLContext, input: AnnotationStateInput): Promise<Annotation> {
  return setStatus(context, input, "RESOLVED");
}

/** reopenAnnotation: opens a resolved thread again (clears who resolved it and when). REPORTER+. */
export function reopenAnnotation(context: GraphQLContext, input: AnnotationStateInput): Promise<Annotation> {
  return setStatus(context, input, "OPEN");
}

/**
 * deleteAnnotation: soft delete (deletedAt), and for a thread's first annotation its replies too,
 * so no reply is left hanging without its thread. One audit event lists the replies deleted with
 * it. The author, or EDITOR+. Returns the deleted annotation's global id.
 */
export async function deleteAnnotation(context: GraphQLContext, input: AnnotationStateInput): Promise<string> {
  requireRole(context.viewer, "REPORTER", "delete annotations");
  const data = parseInput(annotationStateSchema, input);
  const scope = annotationScope(context.viewer);
  return inTransaction(context.prisma, async (tx) => {
    const before = await tx.annotation.findFirst({ where: { AND: [{ id: data.id }, scope] } });
    if (!before) throw fail("NOT_FOUND", "The annotation does not exist, was deleted, or is not visible to you.", "input.id");
    requireAuthorOrEditor(context.viewer, before, "delete");
    const deletedAt = new Date();
    const { count } = await tx.annotation.updateMany({
      where: { id: data.id, version: data.expectedVersion, deletedAt: null },
      data: { deletedAt, version: { increment: 1 } },
    });
    assertUpdated(count, await tx.annotation.findFirst({ where: { AND: [{ id: data.id }, scope] }, select: { version: true } }), "annotation", data.expectedVersion);
    // The row lock taken above makes a concurrent reply wait and then find its thread deleted.
    const replies = before.parentId
      ? []
      : await tx.annotation.findMany({ where: { parentId: data.id, deletedAt: null }, select: { id: true }, orderBy: { id: "asc" } });
    if (replies.length > 0) {
      await tx.annotation.updateMany({ where: { id: { in: replies.map((reply) => reply.id) } }, data: { deletedAt, version: { increment: 1 } } });
    }
    const after = await tx.annotation.findUniqueOrThrow({ where: { id: data.id } });
    await recordAudit(tx, context, {
      action: "annotation.delete",
      targetType: "Annotation",
      targetId: after.id,
      before,
      after: { ...after, deletedReplyIds: replies.map((reply) => reply.id) },
    });
    return toGlobalId("Annotation", after.id);
  });
}

/**
 * createClaimReview: a fact-check of a quote (the claim is its text) or of a span of an
 * article's current body (the claim is the span's exact text). EDITOR+.
 */
export async function createClaimReview(context: GraphQLContext, input: CreateClaimReviewInput): Promise<ClaimReview> {
  requireRole(context.viewer, "EDITOR", "fact-check claims");
  const data = parseInput(createClaimReviewSchema, input);
  if (data.quoteId != null && (data.articleId != null || data.selector != null)) {
    throw fail("INVALID_INPUT", "Give either quoteId, or articleId with a selector, not both.", "input.quoteId");
  }
  if (data.quoteId == null && data.articleId == null) throw fail("INVALID_INPUT", "Give quoteId, or articleId with a selector.", "input.quoteId");
  if (data.articleId != null && data.selector == null) throw fail("INVALID_INPUT", "A claim in an article needs a selector.", "input.selector");
  const reviewerId = actorId(context.viewer);
  const { quoteId, articleId, selector } = data;
  return inTransaction(context.prisma, async (tx) => {
    let claim: Pick<Prisma.ClaimReviewUncheckedCreateInput, "articleId" | "quoteId" | "claim" | "start" | "end">;
    if (quoteId != null) {
      const quote = await tx.quote.findFirst({ where: { AND: [{ id: quoteId }, visibleQuotes(context.viewer)] } });
      if (!quote) throw fail("NOT_FOUND", "The quote does not exist or is not visible to you.", "input.quoteId");
      claim = { articleId: quote.articleId, quoteId: quote.id, claim: quote.text };
    } else {
      const article = articleId != null ? await lockArticle(tx, context.viewer, articleId) : null;
      if (!article) throw fail("NOT_FOUND", "The article does not exist or is not visible to you.", "input.articleId");
      if (!selector) throw fail("INVALID_INPUT", "A claim in an article needs a selector.", "input.selector");
      const span = resolveSelector(article.body, selector, "input.selector");
      claim = { articleId: article.id, claim: span.exact, start: span.start, end: span.end };
    }
    const created = await tx.claimReview.create({
      data: { ...claim, rating: data.rating, explanation: data.explanation, evidenceUrls: data.evidenceUrls ?? [], reviewerId },
    });
    await recordAudit(tx, context, { action: "claimReview.create", targetType: "ClaimReview", targetId: created.id, before: null, after: created });
    return created;
  });
}

// ------------------------------------------------------------------------------ placing by hand (issue 6)

const reanchorAnnotationSchema = z.object({
  id: globalIdOf("Annotation"),
  expectedVersion: expectedVersionSchema,
  selector: selectorSchema,
});

/**
 * reanchorAnnotation: an editor places an annotation (from the orphan queue, or a FUZZY one) on
 * a span of its article's current body. The selector is checked as for a new annotation (inside
 * the quote's span for a note on a quote); the annotation becomes ANCHORED on the current
 * revision, its version goes up, and one audit event records the state change. EDITOR+.
 */
export async function reanchorAnnotation(context: GraphQLContext, input: ReanchorAnnotationInput): Promise<Annotation> {
  requireRole(context.viewer, "EDITOR", "place annotations by hand");
  const data = parseInput(reanchorAnnotationSchema, input);
  const scope = annotationScope(context.viewer);
  return inTransaction(context.prisma, async (tx) => {
    const before = await tx.annotation.findFirst({ where: { AND: [{ id: data.id }, scope] } });
    if (!before) throw fail("NOT_FOUND", "The annotation does not exist, was deleted, or is not visible to you.", "input.id");
    if (!before.articleId || before.start === null || before.exact === null) {
      throw fail("INVALID_INPUT", "This annotation is not on a span of an article (a reply, or a note on a whole record): it has nothing to place.", "input.id");
    }
    // Under the share lock a concurrent body edit waits for us (and then re-anchors what we place).
    const article = await lockArticle(tx, context.viewer, before.articleId);
    if (!article) throw fail("NOT_FOUND", "The annotation's article does not exist or is not visible to you.", "input.id");
    let within: { start: number; end: number } | undefined;
    if (before.quoteId) {
      const quote = await tx.quote.findFirst({ where: { AND: [{ id: before.quoteId }, visibleQuotes(context.viewer)] } });
      if (!quote) throw fail("NOT_FOUND", "The annotation's quote does not exist or is not visible to you.", "input.id");
      if (quote.anchorState === "ORPHANED") {
        throw fail("INVALID_SELECTOR", "The annotation's quote is itself orphaned: place the quote first.", "input.selector");
      }
      within = { start: quote.start, end: quote.end };
    }
    const span = resolveSelector(article.body, data.selector, "input.selector", within);
    const { count } = await tx.annotation.updateMany({
      where: { id: data.id, version: data.expectedVersion, deletedAt: null },
      data: {
        ...selectorColumns(span, article),
        // The words it was on before, when the editor moved it to other words.
        previousExact: span.exact === before.exact ? before.previousExact : before.exact,
        anchorState: "ANCHORED",
        anchorScore: null,
        version: { increment: 1 },
      },
    });
    assertUpdated(count, await tx.annotation.findFirst({ where: { AND: [{ id: data.id }, scope] }, select: { version: true } }), "annotation", data.expectedVersion);
    const after = await tx.annotation.findUniqueOrThrow({ where: { id: data.id } });
    await recordAudit(tx, context, {
      action: "annotation.reanchor",
      targetType: "Annotation",
      targetId: after.id,
      before,
      after: { ...after, changes: [{ type: "Annotation", id: after.id, from: before.anchorState, to: "ANCHORED", score: null }] },
    });
    return after;
  });
}
