import { z } from "zod";
import type { Prisma } from "../../db/index.js";
import { inTransaction } from "../../db/transaction.js";
import type { Article, Organization, Person, Quote, QuoteLink } from "../../generated/prisma/client.js";
import type { ReviewStatus } from "../../generated/prisma/enums.js";
import type {
  AttributeQuoteInput,
  CreateQuoteInput,
  LinkQuotesInput,
  ReviewQuoteInput,
  SetQuoteVerificationInput,
  UpdateQuoteInput,
} from "../../generated/graphql.js";
import { followMerges } from "../../core/merges.js";
import type { GraphQLContext } from "../../graphql/context.js";
import { assertUpdated, fail, inputId, optionalInputId, parseInput, requireRole, resolveSelector } from "../../core/failure.js";
import type { TextSpanValue } from "../../core/span.js";
import { recordAudit } from "../../core/audit.js";
import { hasRole, type Actor } from "../../core/actor.js";
import { visibleArticles } from "../articles/visibility.js";
import { visiblePeople } from "../people/visibility.js";
import { visibleQuotes } from "./visibility.js";
import { expectedVersion as version, httpUrl, optionalText } from "../../core/input.js";

// Quote mutations: authorize -> validate -> one transaction (conditional update on the version)
// -> one audit event -> the quote as it is now. Expected failures are MutationFailures thrown
// inside the transaction, so nothing they touched is kept.

/** Article statuses in which a reporter may record quotes: the article is not public yet. */
const REPORTER_CREATE_STATUSES: readonly Article["status"][] = ["DRAFT", "IN_REVIEW"];
/** Article statuses in which a reporter may change quotes (the issue: "REPORTER on a draft"). */
const REPORTER_UPDATE_STATUSES: readonly Article["status"][] = ["DRAFT"];
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

/** A quote with the article it is in, as the mutations read it. */
type QuoteInArticle = Quote & { article: Article };

/** The quote to change, read inside the transaction; NOT_FOUND when the viewer may not see it. */
async function quoteToChange(tx: Prisma.TransactionClient, viewer: Actor, id: string, field: string): Promise<QuoteInArticle> {
  const quote = await tx.quote.findFirst({ where: { id, ...visibleQuotes(viewer) }, include: { article: true } });
  if (!quote) throw fail("NOT_FOUND", "The quote does not exist or is not visible to you.", field);
  return quote;
}

/**
 * Applies `data` to the quote if it is still at `expectedVersion` and still passes `guard` (one
 * conditional UPDATE), bumping the version; VERSION_CONFLICT otherwise. Returns the updated row.
 */
async function updateVersioned(
  tx: Prisma.TransactionClient,
  id: string,
  expectedVersion: number,
  data: Prisma.QuoteUncheckedUpdateManyInput,
  guard: Prisma.QuoteWhereInput = {},
): Promise<Quote> {
  const { count } = await tx.quote.updateMany({ where: { ...guard, id, version: expectedVersion }, data: { ...data, version: { increment: 1 } } });
  const current = await tx.quote.findUnique({ where: { id }, select: { version: true } });
  // The version matched but the guard did not: the record's state changed under us.
  if (count === 0 && current?.version === expectedVersion) throw fail("CONFLICT", "The quote or its article changed state meanwhile; read it again.", "input.id");
  assertUpdated(count, current, "quote", expectedVersion);
  return tx.quote.findUniqueOrThrow({ where: { id } });
}

/** A span's text must be something to quote: not only whitespace, not absurdly long. */
function quoteSpan(body: string, value: z.output<typeof selector>, field: string): TextSpanValue {
  const span = resolveSelector(body, value, field);
  if (span.exact.trim().length === 0) throw fail("INVALID_INPUT", `${field} covers only whitespace; select the quoted words.`, field);
  if (span.exact.length > MAX_QUOTE_LENGTH) throw fail("INVALID_INPUT", `${field} covers more than ${MAX_QUOTE_LENGTH} characters.`, field);
  return span;
}

/** The columns of a quote that store its span. */
function spanColumns(span: TextSpanValue, article: Article) {
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
export async function createQuote(context: GraphQLContext, input: CreateQuoteInput): Promise<Quote> {
  requireRole(context.viewer, "REPORTER", "record quotes");
  const data = parseInput(createSchema, input);
  const articleId = inputId(data.articleId, "Article", "input.articleId");
  const speakerId = optionalInputId(data.speakerId, "Person", "input.speakerId");
  const speakerOrganizationId = optionalInputId(data.speakerOrganizationId, "Organization", "input.speakerOrganizationId");
  return inTransaction(context.prisma, async (tx) => {
    const article = await tx.article.findFirst({ where: { id: articleId, ...visibleArticles(context.viewer) } });
    if (!article) throw fail("NOT_FOUND", "The article does not exist or is not visible to you.", "input.articleId");
    if (!hasRole(context.viewer, "EDITOR") && !REPORTER_CREATE_STATUSES.includes(article.status)) {
      throw fail("FORBIDDEN", `Reporters may record quotes in drafts and articles in review; this article is ${article.status}. Ask an editor.`, "input.articleId");
    }
    const span = quoteSpan(article.body, data.selector, "input.selector");
    const duplicate = await tx.quote.findFirst({
      where: { articleId, start: span.start, end: span.end, deletedAt: null, reviewStatus: { not: "REJECTED" } },
      select: { id: true },
    });
    if (duplicate) throw fail("CONFLICT", "A quote at exactly this span exists already; update it (or accept the suggestion) instead.", "input.selector");
    const speaker = speakerId ? await resolveSpeaker(tx, context.viewer, speakerId, "input.speakerId") : null;
    const organization = speakerOrganizationId ? await resolveOrganization(tx, speakerOrganizationId, "input.speakerOrganizationId") : null;
    const quote = await tx.quote.create({
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
    await recordAudit(tx, context, { action: "quote.create", targetType: "Quote", targetId: quote.id, before: null, after: quote });
    return quote;
  });
}

/**
 * Changes a quote's details or moves it to a new span of the current body (its text follows).
 * Editors; reporters only on quotes in drafts.
 */
export async function updateQuote(context: GraphQLContext, input: UpdateQuoteInput): Promise<Quote> {
  requireRole(context.viewer, "REPORTER", "edit quotes");
  const data = parseInput(updateSchema, input);
  const id = inputId(data.id, "Quote", "input.id");
  const editor = hasRole(context.viewer, "EDITOR");
  return inTransaction(context.prisma, async (tx) => {
    const { article, ...before } = await quoteToChange(tx, context.viewer, id, "input.id");
    if (!editor && !REPORTER_UPDATE_STATUSES.includes(article.status)) {
      throw fail("FORBIDDEN", `Reporters may edit quotes in drafts; this article is ${article.status}. Ask an editor.`, "input.id");
    }
    const changes = detailChanges(data);
    if (data.selector) Object.assign(changes, spanColumns(quoteSpan(article.body, data.selector, "input.selector"), article));
    // For a reporter the article must still be a draft when the UPDATE runs, not only when read.
    const guard: Prisma.QuoteWhereInput = editor ? {} : { article: { status: { in: [...REPORTER_UPDATE_STATUSES] } } };
    const after = await updateVersioned(tx, id, data.expectedVersion, changes, guard);
    await recordAudit(tx, context, { action: "quote.update", targetType: "Quote", targetId: id, before, after });
    return after;
  });
}

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
export async function attributeQuote(context: GraphQLContext, input: AttributeQuoteInput): Promise<Quote> {
  requireRole(context.viewer, "EDITOR", "attribute quotes");
  const data = parseInput(attributeSchema, input);
  const id = inputId(data.quoteId, "Quote", "input.quoteId");
  const speakerId = optionalInputId(data.speakerId, "Person", "input.speakerId");
  const unnamedOrganizationId = optionalInputId(data.unnamedSource?.organizationId, "Organization", "input.unnamedSource.organizationId") ?? null;
  const organizationId = optionalInputId(data.organizationId, "Organization", "input.organizationId");
  return inTransaction(context.prisma, async (tx) => {
    const { article: _article, ...before } = await quoteToChange(tx, context.viewer, id, "input.quoteId");
    let change: Prisma.QuoteUncheckedUpdateManyInput;
    let speaker: SpeakerOfRecord;
    if (organizationId) {
      const organization = await resolveOrganization(tx, organizationId, "input.organizationId");
      change = { speakerId: null, speakerOrganizationId: organization.id };
      speaker = { speakerName: organization.name, speakerKind: "ORGANIZATION" };
    } else {
      const person = speakerId
        ? await resolveSpeaker(tx, context.viewer, speakerId, "input.speakerId")
        : await unnamedSource(tx, context.viewer, data.unnamedSource?.description ?? "", unnamedOrganizationId);
      change = { speakerId: person.id, speakerOrganizationId: null };
      speaker = { speakerName: person.name, speakerKind: person.kind };
    }
    const after = await updateVersioned(tx, id, data.expectedVersion, change);
    await recordAudit(tx, context, {
      action: "quote.attribute",
      targetType: "Quote",
      targetId: id,
      before: { ...before, ...(await speakerOfRecord(tx, before)) },
      after: { ...after, ...speaker },
    });
    return after;
  });
}

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
export async function setQuoteVerification(context: GraphQLContext, input: SetQuoteVerificationInput): Promise<Quote> {
  requireRole(context.viewer, "EDITOR", "verify quotes");
  const data = parseInput(verificationSchema, input);
  const id = inputId(data.quoteId, "Quote", "input.quoteId");
  return inTransaction(context.prisma, async (tx) => {
    const { article: _article, ...before } = await quoteToChange(tx, context.viewer, id, "input.quoteId");
    const after = await updateVersioned(tx, id, data.expectedVersion, {
      verification: data.status,
      verificationNote: data.note || null,
      evidenceUrls: data.evidenceUrls ?? [],
    });
    await recordAudit(tx, context, { action: "quote.verify", targetType: "Quote", targetId: id, before, after });
    return after;
  });
}

/**
 * Links two quotes as the same statement in two media. Both quote rows are locked first (in id
 * order, so two links cannot deadlock), which makes "no link in either direction yet" hold until
 * commit even when two editors link the same pair at once. Editors.
 */
export async function linkQuotes(context: GraphQLContext, input: LinkQuotesInput): Promise<Quote> {
  requireRole(context.viewer, "EDITOR", "link quotes");
  const data = parseInput(linkSchema, input);
  const fromId = inputId(data.fromQuoteId, "Quote", "input.fromQuoteId");
  const toId = inputId(data.toQuoteId, "Quote", "input.toQuoteId");
  if (fromId === toId) throw fail("CONFLICT", "A quote cannot be linked to itself.", "input.toQuoteId");
  return inTransaction(context.prisma, async (tx) => {
    const [first, second] = [fromId, toId].sort();
    await tx.$queryRaw`SELECT "id" FROM "Quote" WHERE "id" IN (${first}::uuid, ${second}::uuid) ORDER BY "id" FOR UPDATE`;
    const { article: _fromArticle, ...from } = await quoteToChange(tx, context.viewer, fromId, "input.fromQuoteId");
    await quoteToChange(tx, context.viewer, toId, "input.toQuoteId");
    const existing = await tx.quoteLink.findFirst({
      where: { OR: [{ fromQuoteId: fromId, toQuoteId: toId }, { fromQuoteId: toId, toQuoteId: fromId }] },
    });
    if (existing) throw fail("CONFLICT", "These quotes are linked already.", "input.toQuoteId");
    const link: QuoteLink = await tx.quoteLink.create({ data: { fromQuoteId: fromId, toQuoteId: toId, note: data.note || null } });
    await recordAudit(tx, context, { action: "quote.link", targetType: "Quote", targetId: fromId, before: null, after: link });
    return from;
  });
}

/** Accepts or rejects a PENDING machine suggestion (CONFLICT for anything already reviewed). */
async function review(context: GraphQLContext, input: ReviewQuoteInput, decision: ReviewStatus, action: string): Promise<Quote> {
  requireRole(context.viewer, "EDITOR", "review machine suggestions");
  const data = parseInput(reviewSchema, input);
  const id = inputId(data.id, "Quote", "input.id");
  return inTransaction(context.prisma, async (tx) => {
    const { article: _article, ...before } = await quoteToChange(tx, context.viewer, id, "input.id");
    if (before.reviewStatus !== "PENDING") throw fail("CONFLICT", `Only pending suggestions can be reviewed; this quote is ${before.reviewStatus}.`, "input.id");
    const after = await updateVersioned(tx, id, data.expectedVersion, { reviewStatus: decision }, { reviewStatus: "PENDING" });
    await recordAudit(tx, context, { action, targetType: "Quote", targetId: id, before, after });
    return after;
  });
}

/** Accepts a machine-suggested quote (EDITOR and above). */
export function acceptQuote(context: GraphQLContext, input: ReviewQuoteInput): Promise<Quote> {
  return review(context, input, "ACCEPTED", "quote.accept");
}

/** Rejects a machine-suggested quote; it is kept so it is not suggested again (EDITOR and above). */
export function rejectQuote(context: GraphQLContext, input: ReviewQuoteInput): Promise<Quote> {
  return review(context, input, "REJECTED", "quote.reject");
}
