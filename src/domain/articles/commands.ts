import { z } from "zod";
import type { Prisma } from "../../db/index.js";
import type { Article, Correction } from "../../generated/prisma/client.js";
import type { ArticleStatus } from "../../generated/prisma/enums.js";
import { changeRecord, createRecord, versionedTable } from "../../core/change.js";
import { command } from "../../core/command.js";
import { fail } from "../../core/failure.js";
import { expectedVersion as version, httpUrl, optionalText } from "../../core/input.js";
import { resolveSelector } from "../../core/selector.js";
import type { TextSpanValue } from "../../core/span.js";
import { articleBody, bodyHashOf } from "./body.js";
import { reanchorArticle } from "./reanchor.js";
import { mayChangeArticle, visibleArticles, visibleArticlesSql } from "../visibility/articles.js";

// Article commands: the policy authorizes (command), zod validates, and the change ritual
// (changeRecord) reads the visible row, updates it on its version and writes one audit event.
// Ids are plain record ids; the GraphQL adapter decodes global ids before calling.

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Statuses a correction or a retraction applies to. */
const PUBLIC: readonly ArticleStatus[] = ["PUBLISHED", "CORRECTED"];

const language = z.string().trim().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/, "must be a BCP 47 language tag such as en or pt-BR");

/**
 * The plain editable fields of an article: created with it, changed by updateArticle, null
 * clears. A new one needs its column (prisma/schema.prisma), its SDL (Article and both inputs)
 * and a line here; nothing else.
 */
const editableFields = {
  headline: optionalText(300),
  dek: optionalText(500),
  byline: optionalText(300),
  outlet: optionalText(200),
  url: httpUrl.nullish(),
  publishedAt: z.date().nullish(),
};
const EDITABLE = Object.keys(editableFields) as (keyof typeof editableFields)[];

const createSchema = z.object({
  slug: z.string().trim().min(3, "must be at least 3 characters").max(120, "must be at most 120 characters").regex(SLUG, "must be lowercase letters, digits and single hyphens"),
  ...editableFields,
  language: language.nullish(),
  body: articleBody,
});

const updateSchema = z.object({
  id: z.string(),
  expectedVersion: version,
  ...editableFields,
  language: language.nullish(),
  body: articleBody.nullish(),
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

/** Articles as the change ritual reads and updates them: visible ones only. */
const articleModel = { type: "Article", noun: "article", model: (tx: Prisma.TransactionClient) => tx.article } as const;
export const articles = versionedTable<Article, Prisma.ArticleWhereInput, Prisma.ArticleUpdateManyMutationInput>({
  ...articleModel,
  changeable: visibleArticles,
  changeableSql: visibleArticlesSql,
});

/** Soft-deleted articles, the only ones restoreArticle changes. */
const deletedArticles = versionedTable<Article, Prisma.ArticleWhereInput, Prisma.ArticleUpdateManyMutationInput>({
  ...articleModel,
  changeable: () => ({ deletedAt: { not: null } }),
});

/** FORBIDDEN unless the actor may change this article (reporters: drafts and articles in review). */
function checkMayChange(session: { readonly viewer: Parameters<typeof mayChangeArticle>[0] }, article: Article): void {
  if (!mayChangeArticle(session.viewer, article)) {
    throw fail("FORBIDDEN", `Reporters may edit drafts and articles in review; this one is ${article.status}. Ask an editor.`, "input.id");
  }
}

/** Creates a DRAFT with its first revision. */
export const createArticle = command("article.create", createSchema, async (session, data): Promise<Article> => {
  return createRecord(session, {
    type: "Article",
    create: async (tx) => {
      if (await tx.article.findUnique({ where: { slug: data.slug }, select: { id: true } })) {
        throw fail("CONFLICT", `An article with the slug ${data.slug} exists already (perhaps deleted); choose another.`, "input.slug");
      }
      const fields = Object.fromEntries(EDITABLE.map((key) => [key, data[key] ?? null])) as { [K in (typeof EDITABLE)[number]]: NonNullable<(typeof data)[K]> | null };
      return tx.article.create({
        data: {
          slug: data.slug,
          ...fields,
          language: data.language ?? "en",
          body: data.body,
          bodyHash: bodyHashOf(data.body),
          status: "DRAFT",
          revisions: { create: { number: 1, headline: data.headline ?? null, body: data.body, reason: "Created", createdById: session.viewer.userId } },
        },
      });
    },
  });
});

/**
 * Changes an article's fields; a new body becomes a new revision, and every quote, mention and
 * annotation of the article is re-anchored to it in the same transaction. Reporters may change
 * articles that are not public yet; editors any. Fields left out stay; null clears optional ones.
 */
export const updateArticle = command("article.update", updateSchema, async (session, data): Promise<Article> => {
  const newBody = data.body ?? null;
  /** A changed body's follow-up work: the new revision, and every span re-anchored to it. */
  const reviseBody = async (tx: Prisma.TransactionClient, before: Article, after: Article) => {
    if (after.revisionNumber === before.revisionNumber) return {};
    await tx.articleRevision.create({
      data: { articleId: after.id, number: after.revisionNumber, headline: after.headline, body: after.body, reason: data.reason ?? null, createdById: session.viewer.userId },
    });
    const reanchored = await reanchorArticle(tx, after.id, before.body, after.body, after.revisionNumber);
    // One event for the whole edit: every anchor state change it caused is listed in
    // after.reanchored.changes, and where every span was on the replaced revision in
    // before.anchors (Article.revision(n).spans reads it back).
    return { before: { ...before, anchors: reanchored.anchorsBefore }, after: { ...after, reanchored: reanchored.summary } };
  };
  return changeRecord(session, articles, data, {
    changes: (before) => {
      checkMayChange(session, before);
      const changes: Prisma.ArticleUpdateManyMutationInput = {};
      for (const key of EDITABLE) if (data[key] !== undefined) changes[key] = data[key];
      if (data.language !== undefined && data.language !== null) changes.language = data.language;
      if (newBody !== null && newBody !== before.body) {
        changes.body = newBody;
        changes.bodyHash = bodyHashOf(newBody);
        changes.revisionNumber = before.revisionNumber + 1;
      }
      return changes;
    },
    // Without a body there is no follow-up work: the row's update is the whole change, which
    // changeRecord makes in one statement.
    ...(newBody === null ? {} : { then: reviseBody }),
  });
});

/** One status change: the states it starts from and what it sets. */
interface Transition {
  readonly from: readonly ArticleStatus[];
  readonly refusal: string;
  readonly data: (article: Article) => Prisma.ArticleUpdateManyMutationInput;
}

function transition(action: "article.submit" | "article.publish", rule: Transition) {
  return command(action, stateSchema, async (session, data): Promise<Article> => {
    return changeRecord(session, articles, data, {
      changes: (before) => {
        if (!rule.from.includes(before.status)) throw fail("CONFLICT", `Only ${rule.from.join(" or ")} articles can be ${rule.refusal}; this one is ${before.status}.`, "input.id");
        return rule.data(before);
      },
    });
  });
}

/** DRAFT -> IN_REVIEW. */
export const submitForReview = transition("article.submit", { from: ["DRAFT"], refusal: "submitted for review", data: () => ({ status: "IN_REVIEW" }) });

/** DRAFT or IN_REVIEW -> PUBLISHED, publishedAt defaulting to now. */
export const publishArticle = transition("article.publish", {
  from: ["DRAFT", "IN_REVIEW"],
  refusal: "published",
  data: (article) => ({ status: "PUBLISHED", publishedAt: article.publishedAt ?? new Date() }),
});

/** PUBLISHED or CORRECTED -> RETRACTED with the reason. */
export const retractArticle = command("article.retract", retractSchema, async (session, data): Promise<Article> => {
  return changeRecord(session, articles, data, {
    changes: (before) => {
      if (!PUBLIC.includes(before.status)) throw fail("CONFLICT", `Only published or corrected articles can be retracted; this one is ${before.status}.`, "input.id");
      return { status: "RETRACTED" as const, retractionReason: data.reason };
    },
  });
});

/** Soft-deletes an article: it leaves every list and lookup until restored. */
export const deleteArticle = command("article.delete", stateSchema, async (session, data): Promise<Article> => {
  return changeRecord(session, articles, data, { changes: () => ({ deletedAt: new Date() }) });
});

/** Brings back a soft-deleted article. */
export const restoreArticle = command("article.restore", stateSchema, async (session, data): Promise<Article> => {
  return changeRecord(session, deletedArticles, data, {
    changes: () => ({ deletedAt: null }),
  });
});

/**
 * Publishes a correction of a published (or already corrected) article, tied to a span of the
 * current body or to one of its quotes, and marks the article CORRECTED.
 */
export const issueCorrection = command("article.correct", correctionSchema, async (session, data): Promise<{ correction: Correction; article: Article }> => {
  const quoteId = data.quoteId ?? null;
  let span: TextSpanValue | null = null;
  return changeRecord(session, articles, { id: data.articleId, expectedVersion: data.expectedVersion }, {
    idField: "input.articleId",
    changes: async (before, tx) => {
      if (!PUBLIC.includes(before.status)) throw fail("CONFLICT", `Only published articles take corrections; this one is ${before.status}.`, "input.articleId");
      span = data.span ? resolveSelector(before.body, data.span, "input.span") : null;
      if (quoteId && !(await tx.quote.findFirst({ where: { id: quoteId, articleId: before.id, deletedAt: null }, select: { id: true } }))) {
        throw fail("NOT_FOUND", "The quote is not in this article.", "input.quoteId");
      }
      return { status: "CORRECTED" as const };
    },
    then: async (tx, _before, after) => {
      const correction = await tx.correction.create({
        data: { articleId: after.id, text: data.text, start: span?.start ?? null, end: span?.end ?? null, quoteId, revisionNumber: after.revisionNumber, createdById: session.viewer.userId },
      });
      return { after: { ...after, correction }, result: { correction, article: after } };
    },
  });
});
