import { createHash } from "node:crypto";
import { z } from "zod";
import type { Prisma } from "../../db/index.js";
import { inTransaction } from "../../db/transaction.js";
import type { Article, Correction } from "../../generated/prisma/client.js";
import type { ArticleStatus } from "../../generated/prisma/enums.js";
import type {
  ArticleStateInput,
  CreateArticleInput,
  IssueCorrectionInput,
  RetractArticleInput,
  UpdateArticleInput,
} from "../../generated/graphql.js";
import type { GraphQLContext } from "../../graphql/context.js";
import { assertUpdated, fail, inputId, optionalInputId, parseInput, requireRole, resolveSelector } from "../../core/failure.js";
import { recordAudit } from "../audit/record.js";
import { hasRole, type Viewer } from "../../core/actor.js";
import { reanchorArticle, type ReanchorResult } from "./reanchor.js";
import { visibleArticles } from "./visibility.js";
import { expectedVersion as version, httpUrl, optionalText } from "../../core/input-rules.js";

// Article mutations: authorize -> validate -> one transaction (conditional update on the version)
// -> one audit event -> the article as it is now. Expected failures are MutationFailures thrown
// inside the transaction, so nothing they touched is kept.

const MAX_BODY_LENGTH = 500_000;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Statuses a reporter may still edit: the article is not public yet. */
const UNPUBLISHED: readonly ArticleStatus[] = ["DRAFT", "IN_REVIEW"];
/** Statuses a correction or a retraction applies to. */
const PUBLIC: readonly ArticleStatus[] = ["PUBLISHED", "CORRECTED"];

const body = z
  .string()
  .min(1, "must not be empty")
  .max(MAX_BODY_LENGTH, `must be at most ${MAX_BODY_LENGTH} characters`)
  .refine((value) => !value.includes("\u0000"), "must not contain NUL characters")
  .refine((value) => value.trim().length > 0, "must not be blank");
const language = z.string().trim().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, "must be a BCP 47 language tag such as en or pt-BR");

const articleFields = {
  headline: optionalText(300),
  dek: optionalText(500),
  byline: optionalText(300),
  outlet: optionalText(200),
  url: httpUrl.nullish(),
  publishedAt: z.date().nullish(),
};

const createSchema = z.object({
  slug: z.string().trim().min(3, "must be at least 3 characters").max(120, "must be at most 120 characters").regex(SLUG, "must be lowercase letters, digits and single hyphens"),
  ...articleFields,
  language: language.nullish(),
  body,
});

const updateSchema = z.object({
  id: z.string(),
  expectedVersion: version,
  ...articleFields,
  language: language.nullish(),
  body: body.nullish(),
  reason: optionalText(2000),
});

const stateSchema = z.object({ id: z.string(), expectedVersion: version });
const retractSchema = stateSchema.extend({ reason: z.string().trim().min(1, "must not be empty").max(2000, "must be at most 2000 characters") });
const correctionSchema = z.object({
  articleId: z.string(),
  expectedVersion: version,
  text: z.string().trim().min(1, "must not be empty").max(5000, "must be at most 5000 characters"),
  span: z.object({ start: z.number(), end: z.number(), exact: z.string().nullish(), prefix: z.string().nullish(), suffix: z.string().nullish() }).nullish(),
  quoteId: z.string().nullish(),
});

function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** Which articles a viewer may change: reporters only those not yet public; editors any visible one. */
function mayEdit(viewer: Viewer, article: Article): boolean {
  return hasRole(viewer, "EDITOR") || UNPUBLISHED.includes(article.status);
}

/** Reads the article to change inside the transaction; NOT_FOUND when the viewer may not see it (deleted ones only with `deleted`). */
async function articleToChange(tx: Prisma.TransactionClient, viewer: Viewer, id: string, field: string, deleted = false): Promise<Article> {
  const where: Prisma.ArticleWhereInput = deleted ? { id, deletedAt: { not: null } } : { id, ...visibleArticles(viewer) };
  const article = await tx.article.findFirst({ where });
  if (!article) throw fail("NOT_FOUND", deleted ? "There is no deleted article with this id." : "The article does not exist or is not visible to you.", field);
  return article;
}

/**
 * Applies `data` to the article if it is still at `expectedVersion` (one conditional UPDATE),
 * bumping the version; VERSION_CONFLICT otherwise. Returns the updated row.
 */
async function updateVersioned(
  tx: Prisma.TransactionClient,
  id: string,
  expectedVersion: number,
  data: Prisma.ArticleUpdateManyMutationInput,
): Promise<Article> {
  const { count } = await tx.article.updateMany({ where: { id, version: expectedVersion }, data: { ...data, version: { increment: 1 } } });
  assertUpdated(count, await tx.article.findUnique({ where: { id }, select: { version: true } }), "article", expectedVersion);
  return tx.article.findUniqueOrThrow({ where: { id } });
}

/** Creates a DRAFT with its first revision (REPORTER and above). */
export async function createArticle(context: GraphQLContext, input: CreateArticleInput): Promise<Article> {
  requireRole(context.viewer, "REPORTER", "create articles");
  const data = parseInput(createSchema, input);
  return inTransaction(context.prisma, async (tx) => {
    if (await tx.article.findUnique({ where: { slug: data.slug }, select: { id: true } })) {
      throw fail("CONFLICT", `An article with the slug ${data.slug} exists already (perhaps deleted); choose another.`, "input.slug");
    }
    const article = await tx.article.create({
      data: {
        slug: data.slug,
        headline: data.headline ?? null,
        dek: data.dek ?? null,
        byline: data.byline ?? null,
        outlet: data.outlet ?? null,
        url: data.url ?? null,
        language: data.language ?? "en",
        publishedAt: data.publishedAt ?? null,
        body: data.body,
        bodyHash: sha256(data.body),
        status: "DRAFT",
        revisions: { create: { number: 1, headline: data.headline ?? null, body: data.body, reason: "Created", createdById: context.viewer.userId } },
      },
    });
    await recordAudit(tx, context, { action: "article.create", targetType: "Article", targetId: article.id, before: null, after: article });
    return article;
  });
}

/**
 * Changes an article's fields; a new body becomes a new revision, and every quote, mention and
 * annotation of the article is re-anchored to it in the same transaction. Reporters may change
 * articles that are not public yet; editors any. Fields left out stay; null clears optional ones.
 */
export async function updateArticle(context: GraphQLContext, input: UpdateArticleInput): Promise<Article> {
  requireRole(context.viewer, "REPORTER", "edit articles");
  const data = parseInput(updateSchema, input);
  const id = inputId(data.id, "Article", "input.id");
  return inTransaction(context.prisma, async (tx) => {
    const before = await articleToChange(tx, context.viewer, id, "input.id");
    if (!mayEdit(context.viewer, before)) throw fail("FORBIDDEN", `Reporters may edit drafts and articles in review; this one is ${before.status}. Ask an editor.`, "input.id");
    const changes: Prisma.ArticleUpdateManyMutationInput = {};
    for (const key of ["headline", "dek", "byline", "outlet", "url", "publishedAt"] as const) {
      if (data[key] !== undefined) changes[key] = data[key];
    }
    if (data.language !== undefined && data.language !== null) changes.language = data.language;
    const bodyChanged = data.body !== undefined && data.body !== null && data.body !== before.body;
    if (bodyChanged && data.body) {
      changes.body = data.body;
      changes.bodyHash = sha256(data.body);
      changes.revisionNumber = before.revisionNumber + 1;
    }
    const after = await updateVersioned(tx, id, data.expectedVersion, changes);
    let reanchored: ReanchorResult | null = null;
    if (bodyChanged) {
      await tx.articleRevision.create({
        data: { articleId: id, number: after.revisionNumber, headline: after.headline, body: after.body, reason: data.reason ?? null, createdById: context.viewer.userId },
      });
      reanchored = await reanchorArticle(tx, id, before.body, after.body, after.revisionNumber);
    }
    // One event for the whole edit: every anchor state change it caused is listed in
    // after.reanchored.changes, and where every span was on the replaced revision in
    // before.anchors (Article.revision(n).spans reads it back).
    await recordAudit(tx, context, {
      action: "article.update",
      targetType: "Article",
      targetId: id,
      before: reanchored ? { ...before, anchors: reanchored.anchorsBefore } : before,
      after: reanchored ? { ...after, reanchored: reanchored.summary } : after,
    });
    return after;
  });
}

/** One status change: who may make it, from which states, and what else it sets. */
interface Transition {
  readonly action: string;
  readonly verb: string;
  readonly from: readonly ArticleStatus[];
  readonly data: (article: Article) => Prisma.ArticleUpdateManyMutationInput;
}

const TRANSITIONS = {
  submit: { action: "article.submit", verb: "submit for review", from: ["DRAFT"], data: () => ({ status: "IN_REVIEW" }) },
  publish: {
    action: "article.publish",
    verb: "publish",
    from: ["DRAFT", "IN_REVIEW"],
    data: (article) => ({ status: "PUBLISHED", publishedAt: article.publishedAt ?? new Date() }),
  },
} satisfies Record<string, Transition>;

async function transition(context: GraphQLContext, input: ArticleStateInput, rule: Transition): Promise<Article> {
  const data = parseInput(stateSchema, input);
  const id = inputId(data.id, "Article", "input.id");
  return inTransaction(context.prisma, async (tx) => {
    const before = await articleToChange(tx, context.viewer, id, "input.id");
    if (!rule.from.includes(before.status)) {
      throw fail("CONFLICT", `Only ${rule.from.join(" or ")} articles can be ${rule.verb === "publish" ? "published" : "submitted for review"}; this one is ${before.status}.`, "input.id");
    }
    const after = await updateVersioned(tx, id, data.expectedVersion, rule.data(before));
    await recordAudit(tx, context, { action: rule.action, targetType: "Article", targetId: id, before, after });
    return after;
  });
}

/** DRAFT -> IN_REVIEW (REPORTER and above). */
export function submitForReview(context: GraphQLContext, input: ArticleStateInput): Promise<Article> {
  requireRole(context.viewer, "REPORTER", "submit articles for review");
  return transition(context, input, TRANSITIONS.submit);
}

/** DRAFT or IN_REVIEW -> PUBLISHED, publishedAt defaulting to now (EDITOR and above). */
export function publishArticle(context: GraphQLContext, input: ArticleStateInput): Promise<Article> {
  requireRole(context.viewer, "EDITOR", "publish articles");
  return transition(context, input, TRANSITIONS.publish);
}

/** PUBLISHED or CORRECTED -> RETRACTED with the reason (EDITOR and above). */
export async function retractArticle(context: GraphQLContext, input: RetractArticleInput): Promise<Article> {
  requireRole(context.viewer, "EDITOR", "retract articles");
  const data = parseInput(retractSchema, input);
  const id = inputId(data.id, "Article", "input.id");
  return inTransaction(context.prisma, async (tx) => {
    const before = await articleToChange(tx, context.viewer, id, "input.id");
    if (!PUBLIC.includes(before.status)) throw fail("CONFLICT", `Only published or corrected articles can be retracted; this one is ${before.status}.`, "input.id");
    const after = await updateVersioned(tx, id, data.expectedVersion, { status: "RETRACTED", retractionReason: data.reason });
    await recordAudit(tx, context, { action: "article.retract", targetType: "Article", targetId: id, before, after });
    return after;
  });
}

/** Soft-deletes an article: it leaves every list and lookup until restored (EDITOR and above). */
export async function deleteArticle(context: GraphQLContext, input: ArticleStateInput): Promise<Article> {
  requireRole(context.viewer, "EDITOR", "delete articles");
  const data = parseInput(stateSchema, input);
  const id = inputId(data.id, "Article", "input.id");
  return inTransaction(context.prisma, async (tx) => {
    const before = await articleToChange(tx, context.viewer, id, "input.id");
    const after = await updateVersioned(tx, id, data.expectedVersion, { deletedAt: new Date() });
    await recordAudit(tx, context, { action: "article.delete", targetType: "Article", targetId: id, before, after });
    return after;
  });
}

/** Brings back a soft-deleted article (EDITOR and above). */
export async function restoreArticle(context: GraphQLContext, input: ArticleStateInput): Promise<Article> {
  requireRole(context.viewer, "EDITOR", "restore articles");
  const data = parseInput(stateSchema, input);
  const id = inputId(data.id, "Article", "input.id");
  return inTransaction(context.prisma, async (tx) => {
    const before = await articleToChange(tx, context.viewer, id, "input.id", true);
    const after = await updateVersioned(tx, id, data.expectedVersion, { deletedAt: null });
    await recordAudit(tx, context, { action: "article.restore", targetType: "Article", targetId: id, before, after });
    return after;
  });
}

/**
 * Publishes a correction of a published (or already corrected) article, tied to a span of the
 * current body or to one of its quotes, and marks the article CORRECTED (EDITOR and above).
 */
export async function issueCorrection(context: GraphQLContext, input: IssueCorrectionInput): Promise<{ correction: Correction; article: Article }> {
  requireRole(context.viewer, "EDITOR", "issue corrections");
  const data = parseInput(correctionSchema, input);
  const articleId = inputId(data.articleId, "Article", "input.articleId");
  const quoteId = optionalInputId(data.quoteId, "Quote", "input.quoteId");
  return inTransaction(context.prisma, async (tx) => {
    const before = await articleToChange(tx, context.viewer, articleId, "input.articleId");
    if (!PUBLIC.includes(before.status)) throw fail("CONFLICT", `Only published articles take corrections; this one is ${before.status}.`, "input.articleId");
    const span = data.span ? resolveSelector(before.body, data.span, "input.span") : null;
    if (quoteId && !(await tx.quote.findFirst({ where: { id: quoteId, articleId, deletedAt: null }, select: { id: true } }))) {
      throw fail("NOT_FOUND", "The quote is not in this article.", "input.quoteId");
    }
    const after = await updateVersioned(tx, articleId, data.expectedVersion, { status: "CORRECTED" });
    const correction = await tx.correction.create({
      data: {
        articleId,
        text: data.text,
        start: span?.start ?? null,
        end: span?.end ?? null,
        quoteId: quoteId ?? null,
        revisionNumber: after.revisionNumber,
        createdById: context.viewer.userId,
      },
    });
    await recordAudit(tx, context, { action: "article.correct", targetType: "Article", targetId: articleId, before, after: { ...after, correction } });
    return { correction, article: after };
  });
}
