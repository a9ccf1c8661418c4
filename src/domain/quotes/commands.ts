import { z } from "zod";
import type { Prisma } from "../../db/index.js";
import { inTransaction } from "../../db/transaction.js";
import type { Article, Organization, Person, Quote, QuoteLink } from "../../generated/prisma/client.js";
import type { ReviewStatus } from "../../generated/prisma/enums.js";
import type { Actor } from "../../core/actor.js";
import { recordAudit } from "../../core/audit.js";
import { changeRecord, createRecord, findToChange, versionedTable, type VersionedTable } from "../../core/change.js";
import { command } from "../../core/command.js";
import { fail } from "../../core/failure.js";
import { expectedVersion as version, httpUrl, optionalText } from "../../core/input.js";
import { followMerges } from "../../core/merges.js";
import { may } from "../../core/policy.js";
import { resolveSelector } from "../../core/selector.js";
import type { TextSpanValue } from "../../core/span.js";
import { articles } from "../articles/commands.js";
import { mayChangeArticle } from "../visibility/articles.js";
import { visiblePeople } from "../visibility/people.js";
import { mayEditQuotesIn, QUOTE_DRAFT_STATUSES, visibleQuoteSql, visibleQuotes } from "../visibility/quotes.js";

// Quote commands: the policy authorizes (command), zod validates, and the change ritual
// (changeRecord) reads the visible quote, updates it on its version and writes one audit event.
// Ids are plain record ids; the GraphQL adapter decodes global ids before calling.

/** Longest quote text we accept; a longer span is a selection mistake, not a quote. */
const MAX_QUOTE_LENGTH = 20_000;
/** Statuses that assert something about the quote, so they must say on what grounds. */
const ASSERTING_STATUSES: readonly string[] = ["VERIFIED", "DISPUTED", "MISATTRIBUTED"];

const selector = z.object({
  start: z.number().int("must be a whole number"),
  end: z.number().int("must be a whole number"),
  exact: z.string().max(MAX_QUOTE_LENGTH, `must be at most ${MAX_QUOTE_LENGTH} characters`).nullish(),
  prefix: z.string().max(200, "must be at most 200 characters").nullish(),
  suffix: z.string().max(200, "must be at most 200 characters").nullish(),
});
const kind = z.enum(["DIRECT", "PARTIAL", "INDIRECT"]);
const medium = z.enum(["STATEMENT", "TWEET", "BRIEFING", "INTERVIEW", "OTHER"]);

/** The details of a quote a client may set on create and update. */
const detailFields = {
  speakerDescription: optionalText(300),
  reportingVerb: optionalText(50),
  sourceUrl: httpUrl.nullish(),
  sourceHandle: optionalText(100),
  sourceDate: z.date().nullish(),
};

const createSchema = z
  .object({
    articleId: z.string(),
    selector,
    kind,
    speakerId: z.string().nullish(),
    speakerOrganizationId: z.string().nullish(),
    medium: medium.nullish(),
    ...detailFields,
  })
  .superRefine((value, context) => {
    if (value.speakerId && value.speakerOrganizationId) {
      context.addIssue({ code: "custom", path: ["speakerOrganizationId"], message: "give a person (speakerId) or an organization (speakerOrganizationId) as the speaker, not both" });
    }
  });

const updateSchema = z.object({
  id: z.string(),
  expectedVersion: version,
  kind: kind.nullish(),
  medium: medium.nullish(),
  selector: selector.nullish(),
  ...detailFields,
});

const attributeSchema = z
  .object({
    quoteId: z.string(),
    expectedVersion: version,
    speakerId: z.string().nullish(),
    unnamedSource: z
      .object({
        description: z.string().trim().min(1, "must not be empty").max(300, "must be at most 300 characters"),
        organizationId: z.string().nullish(),
      })
      .nullish(),
    organizationId: z.string().nullish(),
  })
  .superRefine((value, context) => {
    const given = Number(Boolean(value.speakerId)) + Number(Boolean(value.unnamedSource)) + Number(Boolean(value.organizationId));
    if (given !== 1) {
      context.addIssue({ code: "custom", path: ["speakerId"], message: "give exactly one of speakerId, unnamedSource and organizationId" });
    }
  });

const verificationSchema = z
  .object({
    quoteId: z.string(),
    expectedVersion: version,
    status: z.enum(["UNVERIFIED", "VERIFIED", "DISPUTED", "MISATTRIBUTED"]),
    note: optionalText(5000),
    evidenceUrls: z.array(httpUrl).max(20, "at most 20 links").nullish(),
  })
  .superRefine((value, context) => {
    if (ASSERTING_STATUSES.includes(value.status) && !value.note && (value.evidenceUrls ?? []).length === 0) {
      context.addIssue({ code: "custom", path: ["note"], message: `${value.status} needs a note or evidence URLs saying on what grounds` });
    }
  });

const linkSchema = z.object({ fromQuoteId: z.string(), toQuoteId: z.string(), note: optionalText(2000) });
const reviewSchema = z.object({ id: z.string(), expectedVersion: version });

/** What a quote command sets. */
type QuoteUpdate = Prisma.QuoteUncheckedUpdateManyInput;

/** Quotes as the change ritual reads and updates them: visible ones only. */
const quoteModel = { type: "Quote", noun: "quote", model: (tx: Prisma.TransactionClient) => tx.quote, changeable: visibleQuotes, changeableSql: visibleQuoteSql } as const;
export const quotes = versionedTable<Quote, Prisma.QuoteWhereInput, QuoteUpdate>(quoteModel);

/**
 * {@link quotes} updated only while the row still meets `still`, the state a check relied on (a
 * pending suggestion, a reporter's draft). When the version matched but `still` no longer held,
 * the quote or its article changed state under us: CONFLICT, not a version conflict.
 */
function quotesWhile(still: Prisma.QuoteWhereInput): VersionedTable<Quote, QuoteUpdate> {
  return versionedTable<Quote, Prisma.QuoteWhereInput, QuoteUpdate>({
    ...quoteModel,
    still: { where: still, conflict: "The quote or its article changed state meanwhile; read it again.", field: "input.id" },
  });
}

/** A span's text must be something to quote: not only whitespace, not absurdly long. */
function quoteSpan(body: string, value: z.output<typeof selector>, field: string): TextSpanValue {
  const span = resolveSelector(body, value, field);
  if (span.exact.trim().length === 0) throw fail("INVALID_INPUT", `${field} covers only whitespace; select the quoted words.`, field);
  if (span.exact.length > MAX_QUOTE_LENGTH) throw fail("INVALID_INPUT", `${field} covers more than ${MAX_QUOTE_LENGTH} characters.`, field);
  return span;
}

/** The columns of a quote that store its span. */
function spanColumns(span: TextSpanValue, article: Pick<Article, "revisionNumber">) {
  return {
    text: span.exact,
    start: span.start,
    end: span.end,
    prefix: span.prefix,
    suffix: span.suffix,
    anchorState: "ANCHORED" as const,
    anchorScore: null,
    anchoredRevision: article.revisionNumber,
  };
}

/**
 * The person a speaker id designates: visible to the viewer, and for a merged person the one it
 * was merged into (the read API answers a merged id with its target, so writes do the same).
 */
export async function resolveSpeaker(tx: Prisma.TransactionClient, viewer: Actor, id: string, field: string): Promise<Person> {
  const person = await followMerges((personId) => tx.person.findFirst({ where: { id: personId, ...visiblePeople(viewer) } }), id);
  if (!person || person.mergedIntoId) throw fail("NOT_FOUND", "The person does not exist or is not visible to you.", field);
  return person;
}

/** The organization an id designates (organizations are public records); NOT_FOUND otherwise. */
async function resolveOrganization(tx: Prisma.TransactionClient, id: string, field: string): Promise<Organization> {
  const organization = await tx.organization.findUnique({ where: { id } });
  if (!organization) throw fail("NOT_FOUND", "The organization does not exist.", field);
  return organization;
}

/** Copies the optional details the client sent (undefined: leave; null: clear). */
function detailChanges(data: z.output<typeof updateSchema>): Prisma.QuoteUncheckedUpdateManyInput {
  const changes: Prisma.QuoteUncheckedUpdateManyInput = {};
  for (const key of ["speakerDescription", "reportingVerb", "sourceUrl", "sourceHandle", "sourceDate"] as const) {
    const value = data[key];
    // An empty text after trimming means "no value", like null.
    if (value !== undefined) changes[key] = value === "" ? null : value;
  }
  if (data.kind) changes.kind = data.kind;
  if (data.medium) changes.medium = data.medium;
  return changes;
}

/**
 * Records a quote at a span of an article's current body; its text is the text there (origin
 * EDITOR, accepted). Reporters on drafts and articles in review, editors on any visible article.
 */
export const createQuote = command("quote.create", createSchema, async (session, data): Promise<Quote> => {
  const articleId = data.articleId;
  return createRecord(session, {
    type: "Quote",
    create: async (tx) => {
      const article = await findToChange(tx, articles, session.viewer, articleId, "input.articleId");
      if (!mayChangeArticle(session.viewer, article)) {
        throw fail("FORBIDDEN", `Reporters may record quotes in drafts and articles in review; this article is ${article.status}. Ask an editor.`, "input.articleId");
      }
      const span = quoteSpan(article.body, data.selector, "input.selector");
      const duplicate = await tx.quote.findFirst({
        where: { articleId, start: span.start, end: span.end, deletedAt: null, reviewStatus: { not: "REJECTED" } },
        select: { id: true },
      });
      if (duplicate) throw fail("CONFLICT", "A quote at exactly this span exists already; update it (or accept the suggestion) instead.", "input.selector");
      const speaker = data.speakerId ? await resolveSpeaker(tx, session.viewer, data.speakerId, "input.speakerId") : null;
      const organization = data.speakerOrganizationId ? await resolveOrganization(tx, data.speakerOrganizationId, "input.speakerOrganizationId") : null;
      return tx.quote.create({
        data: {
          articleId,
          ...spanColumns(span, article),
          kind: data.kind,
          speakerId: speaker?.id ?? null,
          speakerOrganizationId: organization?.id ?? null,
          speakerDescription: data.speakerDescription || null,
          reportingVerb: data.reportingVerb || null,
          medium: data.medium ?? "OTHER",
          sourceUrl: data.sourceUrl || null,
          sourceHandle: data.sourceHandle || null,
          sourceDate: data.sourceDate ?? null,
          origin: "EDITOR",
          reviewStatus: "ACCEPTED",
        },
      });
    },
  });
});

/**
 * Changes a quote's details or moves it to a new span of the current body (its text follows).
 * Editors; reporters only on quotes in drafts.
 */
export const updateQuote = command("quote.update", updateSchema, async (session, data): Promise<Quote> => {
  const anyArticle = may(session.viewer, "article.updatePublic");
  // For a reporter the article must still be a draft when the UPDATE runs, not only when read.
  const table = anyArticle ? quotes : quotesWhile({ article: { status: { in: [...QUOTE_DRAFT_STATUSES] } } });
  return changeRecord(session, table, data, {
    changes: async (before, tx) => {
      // Visible quotes are in visible articles.
      const article = await tx.article.findUniqueOrThrow({ where: { id: before.articleId } });
      if (!mayEditQuotesIn(session.viewer, article)) {
        throw fail("FORBIDDEN", `Reporters may edit quotes in drafts; this article is ${article.status}. Ask an editor.`, "input.id");
      }
      const changes = detailChanges(data);
      if (data.selector) Object.assign(changes, spanColumns(quoteSpan(article.body, data.selector, "input.selector"), article));
      return changes;
    },
  });
});

/** The unnamed source with this description and organization, reused when one exists, else created. */
async function unnamedSource(tx: Prisma.TransactionClient, viewer: Actor, description: string, organizationId: string | null): Promise<Person> {
  if (organizationId) await resolveOrganization(tx, organizationId, "input.unnamedSource.organizationId");
  const existing = await tx.person.findFirst({
    where: { kind: "ANONYMOUS", description, organizationId, mergedIntoId: null, ...visiblePeople(viewer) },
    orderBy: { id: "asc" },
  });
  return existing ?? tx.person.create({ data: { kind: "ANONYMOUS", name: description, description, organizationId, origin: "EDITOR", reviewStatus: "ACCEPTED" } });
}

/** Who a quote is attributed to, as the audit trail records it. */
interface SpeakerOfRecord {
  readonly speakerName: string | null;
  readonly speakerKind: "NAMED" | "ANONYMOUS" | "ORGANIZATION" | null;
}

/**
 * Sets who said a quote: a person already in copydesk, an unnamed source found (or created)
 * by its description and organization, or an organization speaking itself. The other kind of
 * speaker is cleared. Editors.
 */
export const attributeQuote = command("quote.attribute", attributeSchema, async (session, data): Promise<Quote> => {
  let speaker: SpeakerOfRecord = { speakerName: null, speakerKind: null };
  return changeRecord(session, quotes, { id: data.quoteId, expectedVersion: data.expectedVersion }, {
    idField: "input.quoteId",
    changes: async (_before, tx): Promise<QuoteUpdate> => {
      if (data.organizationId) {
        const organization = await resolveOrganization(tx, data.organizationId, "input.organizationId");
        speaker = { speakerName: organization.name, speakerKind: "ORGANIZATION" };
        return { speakerId: null, speakerOrganizationId: organization.id };
      }
      const person = data.speakerId
        ? await resolveSpeaker(tx, session.viewer, data.speakerId, "input.speakerId")
        : await unnamedSource(tx, session.viewer, data.unnamedSource?.description ?? "", data.unnamedSource?.organizationId ?? null);
      speaker = { speakerName: person.name, speakerKind: person.kind };
      return { speakerId: person.id, speakerOrganizationId: null };
    },
    // The audit trail names the speakers, so it reads without another lookup.
    then: async (tx, before, after) => ({ before: { ...before, ...(await speakerOfRecord(tx, before)) }, after: { ...after, ...speaker } }),
  });
});

/** Who a stored quote is attributed to, so the audit trail reads without another lookup. */
async function speakerOfRecord(tx: Prisma.TransactionClient, quote: Pick<Quote, "speakerId" | "speakerOrganizationId">): Promise<SpeakerOfRecord> {
  if (quote.speakerOrganizationId) {
    const organization = await tx.organization.findUnique({ where: { id: quote.speakerOrganizationId }, select: { name: true } });
    return { speakerName: organization?.name ?? null, speakerKind: "ORGANIZATION" };
  }
  if (!quote.speakerId) return { speakerName: null, speakerKind: null };
  const person = await tx.person.findUnique({ where: { id: quote.speakerId }, select: { name: true, kind: true } });
  return { speakerName: person?.name ?? null, speakerKind: person?.kind ?? null };
}

/** Sets a quote's verification status with its note and evidence (both replaced). Editors. */
export const setQuoteVerification = command("quote.verify", verificationSchema, async (session, data): Promise<Quote> => {
  return changeRecord(session, quotes, { id: data.quoteId, expectedVersion: data.expectedVersion }, {
    idField: "input.quoteId",
    changes: () => ({ verification: data.status, verificationNote: data.note || null, evidenceUrls: data.evidenceUrls ?? [] }),
  });
});

/**
 * Links two quotes as the same statement in two media. Both quote rows are locked first (in id
 * order, so two links cannot deadlock), which makes "no link in either direction yet" hold until
 * commit even when two editors link the same pair at once. Editors.
 */
export const linkQuotes = command("quote.link", linkSchema, async (session, data): Promise<Quote> => {
  const fromId = data.fromQuoteId;
  const toId = data.toQuoteId;
  if (fromId === toId) throw fail("CONFLICT", "A quote cannot be linked to itself.", "input.toQuoteId");
  return inTransaction(session.prisma, async (tx) => {
    const [first, second] = [fromId, toId].sort();
    await tx.$queryRaw`SELECT "id" FROM "Quote" WHERE "id" IN (${first}::uuid, ${second}::uuid) ORDER BY "id" FOR UPDATE`;
    const from = await findToChange(tx, quotes, session.viewer, fromId, "input.fromQuoteId");
    await findToChange(tx, quotes, session.viewer, toId, "input.toQuoteId");
    const existing = await tx.quoteLink.findFirst({
      where: { OR: [{ fromQuoteId: fromId, toQuoteId: toId }, { fromQuoteId: toId, toQuoteId: fromId }] },
    });
    if (existing) throw fail("CONFLICT", "These quotes are linked already.", "input.toQuoteId");
    const link: QuoteLink = await tx.quoteLink.create({ data: { fromQuoteId: fromId, toQuoteId: toId, note: data.note || null } });
    await recordAudit(tx, session, { action: "quote.link", targetType: "Quote", targetId: fromId, before: null, after: link });
    return from;
  });
});

/** Only a suggestion still pending when the UPDATE runs is reviewed (two reviewers cannot both decide). */
const pendingQuotes = quotesWhile({ reviewStatus: "PENDING" });

/** Accepts or rejects a PENDING machine suggestion (CONFLICT for anything already reviewed). */
function review(decision: ReviewStatus, action: "quote.accept" | "quote.reject") {
  return command("suggestion.review", reviewSchema, async (session, data): Promise<Quote> => {
    return changeRecord(session, pendingQuotes, data, {
      action,
      changes: (before) => {
        if (before.reviewStatus !== "PENDING") throw fail("CONFLICT", `Only pending suggestions can be reviewed; this quote is ${before.reviewStatus}.`, "input.id");
        return { reviewStatus: decision };
      },
    });
  });
}

/** Accepts a machine-suggested quote (those who may review suggestions: editors and above). */
export const acceptQuote = review("ACCEPTED", "quote.accept");

/** Rejects a machine-suggested quote; it is kept so it is not suggested again. */
export const rejectQuote = review("REJECTED", "quote.reject");
