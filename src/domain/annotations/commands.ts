import { z } from "zod";
import type { Prisma } from "../../db/index.js";
import { inTransaction } from "../../db/transaction.js";
import type { Annotation, Article, ClaimReview } from "../../generated/prisma/client.js";
import { AnnotationMotivation, ClaimRating, type AnnotationStatus } from "../../generated/prisma/enums.js";
import { requireUser, type Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import { changeRecord, createRecord, updateVersioned, versionedTable } from "../../core/change.js";
import { command } from "../../core/command.js";
import { fail } from "../../core/failure.js";
import { may, ruleOf } from "../../core/policy.js";
import { resolveSelector } from "../../core/selector.js";
import type { TextSpanValue } from "../../core/span.js";
import { visibleArticles } from "../visibility/articles.js";
import { resolvableIncidents } from "../visibility/incidents.js";
import { visiblePeople } from "../visibility/people.js";
import { visibleQuotes } from "../visibility/quotes.js";
import { visibleAnnotations } from "../visibility/annotations.js";

// Annotation and fact-check commands: the policy authorizes (command), zod validates, and changes
// of an annotation go through the change ritual's steps on the `annotations` table (read the
// visible row, update it on its version, one audit event). Ids are plain record ids: the GraphQL
// adapter decodes global ids before calling.

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

/** A record id (the adapter decoded it from a global id). */
const recordId = z.string();

/** This module's own wording of core's `expectedVersion` rule (kept: the API's messages do not change). */
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
      articleId: recordId.nullish(),
      quoteId: recordId.nullish(),
      incidentId: recordId.nullish(),
      personId: recordId.nullish(),
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
  parentId: recordId,
  body: bodySchema,
  motivation: motivationSchema.nullish(),
});

const updateAnnotationSchema = z.object({
  id: recordId,
  expectedVersion: expectedVersionSchema,
  body: bodySchema.nullish(),
  tags: tagsSchema.nullish(),
  motivation: motivationSchema.nullish(),
});

const annotationStateSchema = z.object({
  id: recordId,
  expectedVersion: expectedVersionSchema,
});

const reanchorAnnotationSchema = z.object({
  id: recordId,
  expectedVersion: expectedVersionSchema,
  selector: selectorSchema,
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
  quoteId: recordId.nullish(),
  articleId: recordId.nullish(),
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

/** The visible-annotation rule of an actor the command authorized; FORBIDDEN for one who may not read annotations. */
function annotationScope(viewer: Actor): Prisma.AnnotationWhereInput {
  const visible = visibleAnnotations(viewer);
  if (!visible) throw fail("FORBIDDEN", `Only ${ruleOf("annotation.read").role.toLowerCase()}s and above may work with annotations.`);
  return visible;
}

/** Authors change and delete their own annotations; those who may moderate (annotation.moderate), anyone's. */
function checkAuthorOrModerator(viewer: Actor, annotation: Annotation, what: string): void {
  if (annotation.authorId === viewer.userId || may(viewer, "annotation.moderate")) return;
  throw fail("FORBIDDEN", `Only its author or an editor may ${what} this annotation.`, "input.id");
}

/** What an annotation's NOT_FOUND says: soft-deleted ones count as gone. */
const GONE = "The annotation does not exist, was deleted, or is not visible to you.";

/**
 * Annotations as the change ritual reads and updates them: visible ones, never soft-deleted ones.
 * `versionOf` sees past the article rule of `find`, which only a concurrent change of the
 * article could make differ between the read and the update.
 */
export const annotations = versionedTable<Annotation, Prisma.AnnotationWhereInput, Prisma.AnnotationUncheckedUpdateManyInput>({
  type: "Annotation",
  noun: "annotation",
  model: (tx) => tx.annotation,
  missing: GONE,
  changeable: annotationScope,
  live: { deletedAt: null },
});

/**
 * The annotation a command changes, as the actor may see it; NOT_FOUND in this module's words
 * otherwise (core's findToChange words it without "was deleted"; the API keeps its message).
 */
async function annotationToChange(tx: Prisma.TransactionClient, viewer: Actor, id: string): Promise<Annotation> {
  const annotation = await annotations.find(tx, viewer, id);
  if (!annotation) throw fail("NOT_FOUND", GONE, "input.id");
  return annotation;
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

// ------------------------------------------------------------------------------ commands

/** A note on a span of an article, a quote (or a span of it), an incident or a person. */
export const createAnnotation = command("annotation.create", createAnnotationSchema, async (session, data): Promise<Annotation> => {
  const authorId = requireUser(session.viewer);
  const body = data.body ?? "";
  const tags = data.tags ?? [];
  checkNote(data.motivation, body, tags);
  // The selector rule per target, checked before reading anything.
  if (data.target.articleId != null && data.selector == null) throw fail("INVALID_INPUT", "An annotation on an article needs a selector.", "input.selector");
  if ((data.target.incidentId != null || data.target.personId != null) && data.selector != null) {
    throw fail("INVALID_INPUT", "Notes on an incident or a person are about the whole record: leave the selector out.", "input.selector");
  }
  return createRecord(session, {
    type: "Annotation",
    create: async (tx) => {
      const anchor = await anchorTarget(tx, session.viewer, data.target, data.selector);
      return tx.annotation.create({ data: { ...anchor, motivation: data.motivation, body, tags, authorId } });
    },
  });
});

/**
 * A reply in the thread of the annotation replied to, with the thread's target. Threads are one
 * level deep: a reply to a reply joins the thread's first annotation.
 */
export const replyToAnnotation = command("annotation.reply", replySchema, async (session, data): Promise<Annotation> => {
  const authorId = requireUser(session.viewer);
  const motivation = data.motivation ?? "commenting";
  checkNote(motivation, data.body, []);
  const scope = annotationScope(session.viewer);
  return createRecord(session, {
    type: "Annotation",
    create: async (tx) => {
      const parent = await lockAnnotation(tx, scope, data.parentId);
      const root = parent?.parentId ? await lockAnnotation(tx, scope, parent.parentId) : parent;
      if (!root) throw fail("NOT_FOUND", GONE, "input.parentId");
      return tx.annotation.create({
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
    },
  });
});

/** New body, tags or motivation, at the version the client read. Its author, or one who may moderate. */
export const updateAnnotation = command("annotation.update", updateAnnotationSchema, async (session, data): Promise<Annotation> => {
  if (data.body == null && data.tags == null && data.motivation == null) {
    throw fail("INVALID_INPUT", "Nothing to change: give at least one of body, tags and motivation.", "input");
  }
  return changeRecord(session, annotations, data, {
    changes: (before) => {
      checkAuthorOrModerator(session.viewer, before, "change");
      const changes = { body: data.body ?? before.body, tags: data.tags ?? before.tags, motivation: data.motivation ?? before.motivation };
      checkNote(changes.motivation, changes.body, changes.tags);
      return changes;
    },
  });
});

/**
 * Moves a thread between OPEN and RESOLVED. Only a thread's first annotation has a status that
 * means anything, so replies are refused. Anyone who may resolve (or reopen) may do it: the queue
 * is the desk's.
 */
function statusChange(action: "annotation.resolve" | "annotation.reopen", to: AnnotationStatus) {
  const resolving = to === "RESOLVED";
  return command(action, annotationStateSchema, async (session, data): Promise<Annotation> => {
    const userId = requireUser(session.viewer);
    return changeRecord(session, annotations, data, {
      changes: (before): Prisma.AnnotationUncheckedUpdateManyInput => {
        if (before.parentId) throw fail("CONFLICT", "Replies are not resolved or reopened on their own: use the thread's first annotation.", "input.id");
        // At the version read but already in the state asked for: CONFLICT. At another version the
        // update answers VERSION_CONFLICT, whatever the state.
        if (before.status === to && before.version === data.expectedVersion) {
          throw fail("CONFLICT", resolving ? "The annotation is already resolved." : "The annotation is open, not resolved.", "input.id");
        }
        return resolving ? { status: "RESOLVED", resolvedById: userId, resolvedAt: new Date() } : { status: "OPEN", resolvedById: null, resolvedAt: null };
      },
    });
  });
}

/** Marks an open thread dealt with, recording who and when. */
export const resolveAnnotation = statusChange("annotation.resolve", "RESOLVED");

/** Opens a resolved thread again (clears who resolved it and when). */
export const reopenAnnotation = statusChange("annotation.reopen", "OPEN");

/**
 * Soft delete (deletedAt), and for a thread's first annotation its replies too, so no reply is
 * left hanging without its thread. One audit event lists the replies deleted with it. Its author,
 * or one who may moderate. Returns the deleted annotation's id.
 */
export const deleteAnnotation = command("annotation.delete", annotationStateSchema, async (session, data): Promise<string> => {
  const deletedAt = new Date();
  return changeRecord(session, annotations, data, {
    changes: (before) => {
      checkAuthorOrModerator(session.viewer, before, "delete");
      return { deletedAt };
    },
    then: async (tx, before, after) => {
      // The row lock taken by the update makes a concurrent reply wait and then find its thread deleted.
      const replies = before.parentId
        ? []
        : await tx.annotation.findMany({ where: { parentId: data.id, deletedAt: null }, select: { id: true }, orderBy: { id: "asc" } });
      if (replies.length > 0) {
        // A bulk update, not the change ritual: the replies go with their thread whatever their
        // versions (nobody sent one), each one's version going up so a client holding it sees it changed.
        await tx.annotation.updateMany({ where: { id: { in: replies.map((reply) => reply.id) } }, data: { deletedAt, version: { increment: 1 } } });
      }
      return { after: { ...after, deletedReplyIds: replies.map((reply) => reply.id) }, result: after.id };
    },
  });
});

/**
 * A fact-check of a quote (the claim is its text) or of a span of an article's current body (the
 * claim is the span's exact text).
 */
export const createClaimReview = command("claimReview.create", createClaimReviewSchema, async (session, data): Promise<ClaimReview> => {
  if (data.quoteId != null && (data.articleId != null || data.selector != null)) {
    throw fail("INVALID_INPUT", "Give either quoteId, or articleId with a selector, not both.", "input.quoteId");
  }
  if (data.quoteId == null && data.articleId == null) throw fail("INVALID_INPUT", "Give quoteId, or articleId with a selector.", "input.quoteId");
  if (data.articleId != null && data.selector == null) throw fail("INVALID_INPUT", "A claim in an article needs a selector.", "input.selector");
  const reviewerId = requireUser(session.viewer);
  const { quoteId, articleId, selector } = data;
  return createRecord(session, {
    type: "ClaimReview",
    create: async (tx) => {
      let claim: Pick<Prisma.ClaimReviewUncheckedCreateInput, "articleId" | "quoteId" | "claim" | "start" | "end">;
      if (quoteId != null) {
        const quote = await tx.quote.findFirst({ where: { AND: [{ id: quoteId }, visibleQuotes(session.viewer)] } });
        if (!quote) throw fail("NOT_FOUND", "The quote does not exist or is not visible to you.", "input.quoteId");
        claim = { articleId: quote.articleId, quoteId: quote.id, claim: quote.text };
      } else {
        const article = articleId != null ? await lockArticle(tx, session.viewer, articleId) : null;
        if (!article) throw fail("NOT_FOUND", "The article does not exist or is not visible to you.", "input.articleId");
        if (!selector) throw fail("INVALID_INPUT", "A claim in an article needs a selector.", "input.selector");
        const span = resolveSelector(article.body, selector, "input.selector");
        claim = { articleId: article.id, claim: span.exact, start: span.start, end: span.end };
      }
      return tx.claimReview.create({
        data: { ...claim, rating: data.rating, explanation: data.explanation, evidenceUrls: data.evidenceUrls ?? [], reviewerId },
      });
    },
  });
});

// ------------------------------------------------------------------------------ placing by hand (issue 6)

/**
 * An editor places an annotation (from the orphan queue, or a FUZZY one) on a span of its
 * article's current body. The selector is checked as for a new annotation (inside the quote's
 * span for a note on a quote); the annotation becomes ANCHORED on the current revision, its
 * version goes up, and one audit event records the state change.
 */
export const reanchorAnnotation = command("annotation.reanchor", reanchorAnnotationSchema, async (session, data): Promise<Annotation> => {
  return inTransaction(session.prisma, async (tx) => {
    const before = await annotationToChange(tx, session.viewer, data.id);
    if (!before.articleId || before.start === null || before.exact === null) {
      throw fail("INVALID_INPUT", "This annotation is not on a span of an article (a reply, or a note on a whole record): it has nothing to place.", "input.id");
    }
    // Under the share lock a concurrent body edit waits for us (and then re-anchors what we place).
    const article = await lockArticle(tx, session.viewer, before.articleId);
    if (!article) throw fail("NOT_FOUND", "The annotation's article does not exist or is not visible to you.", "input.id");
    let within: { start: number; end: number } | undefined;
    if (before.quoteId) {
      const quote = await tx.quote.findFirst({ where: { AND: [{ id: before.quoteId }, visibleQuotes(session.viewer)] } });
      if (!quote) throw fail("NOT_FOUND", "The annotation's quote does not exist or is not visible to you.", "input.id");
      if (quote.anchorState === "ORPHANED") {
        throw fail("INVALID_SELECTOR", "The annotation's quote is itself orphaned: place the quote first.", "input.selector");
      }
      within = { start: quote.start, end: quote.end };
    }
    const span = resolveSelector(article.body, data.selector, "input.selector", within);
    const after = await updateVersioned(tx, annotations, data.id, data.expectedVersion, {
      ...selectorColumns(span, article),
      // The words it was on before, when the editor moved it to other words.
      previousExact: span.exact === before.exact ? before.previousExact : before.exact,
      anchorState: "ANCHORED",
      anchorScore: null,
    });
    await recordAudit(tx, session, {
      action: "annotation.reanchor",
      targetType: "Annotation",
      targetId: after.id,
      before,
      after: { ...after, changes: [{ type: "Annotation", id: after.id, from: before.anchorState, to: "ANCHORED", score: null }] },
    });
    return after;
  });
});
