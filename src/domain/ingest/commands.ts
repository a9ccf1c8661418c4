import { z } from "zod";
import type { Prisma } from "../../db/index.js";
import { BULK_TRANSACTION_TIMEOUT_MS, inTransaction } from "../../db/transaction.js";
import type { Article, EntityMention, Incident, IncidentMention, Person, Quote } from "../../generated/prisma/client.js";
import { recordAudit, type AuditChange } from "../../core/audit.js";
import { command } from "../../core/command.js";
import { fail } from "../../core/failure.js";
import { expectedVersion as version, optionalText } from "../../core/input.js";
import type { Session } from "../../core/session.js";
import { visibleArticles } from "../visibility/articles.js";
import {
  articleSuggestions,
  entityMentionSuggestion,
  incidentMentionSuggestion,
  incidentSuggestion,
  personSuggestion,
  quoteSuggestion,
  type SuggestionKind,
  type SuggestionRef,
  type SuggestionValue,
} from "./suggestions.js";

// Review of machine suggestions (ingest itself is ingestArticle in ./ingest.js): the policy
// authorizes (command, "suggestion.review"), zod validates, then one transaction, one audit event,
// and the records as they are now. Expected failures are DomainFailures thrown inside the
// transaction, so nothing they touched is kept. Suggestions are named by kind and record id; the
// GraphQL adapter decodes the API's suggestion ids before calling.
//
// A review is a change of review state, not of fields: its conditional UPDATE is on
// `reviewStatus = PENDING` (and on the version only when the client sent one), and a row someone
// reviewed meanwhile is CONFLICT ("Only pending suggestions ..."), a stale version
// VERSION_CONFLICT on "the suggestion". The change ritual (core/change.ts) updates on the version
// alone with the record's own noun, so the per-row reviews below keep their own conditional
// updates (checkVersioned) to keep those answers.

const kind = z.enum(["QUOTE", "PERSON", "INCIDENT", "INCIDENT_MENTION", "ENTITY_MENTION"] satisfies SuggestionKind[]);
const acceptSchema = z.object({ kind, id: z.string(), expectedVersion: version.nullish() });
const rejectSchema = z.object({ kind, id: z.string(), reason: optionalText(2000) });
const acceptAllSchema = z.object({ articleId: z.string(), confidence: z.number().min(0, "must be between 0 and 1").max(1, "must be between 0 and 1") });

type Tx = Prisma.TransactionClient;

/** What one review decision changed: the suggestion itself and what it carried along. */
export interface ReviewResult {
  readonly suggestion: SuggestionValue;
  readonly alsoChanged: SuggestionValue[];
}

const notFound = () => fail("NOT_FOUND", "The suggestion does not exist or is not visible to you.", "input.id");

function notPending(status: string) {
  return fail("CONFLICT", `Only pending suggestions can be reviewed; this one is ${status}.`, "input.id");
}

/** A conditional UPDATE's outcome for records with a version: VERSION_CONFLICT with the version read, or CONFLICT when someone reviewed it meanwhile. */
function checkVersioned(count: number, version: number, reviewStatus: string, expected: number | null | undefined): void {
  if (count > 0) return;
  if (expected !== null && expected !== undefined && version !== expected) {
    throw fail("VERSION_CONFLICT", `The suggestion is at version ${version}, not ${expected}: someone changed it since you read it. Read it again and retry.`, "input.expectedVersion", version);
  }
  throw notPending(reviewStatus);
}

/** Guard on the version when the client sent one. */
function versionGuard(expected: number | null | undefined): { version?: number } {
  return expected === null || expected === undefined ? {} : { version: expected };
}

/** Mentions have no version: sending one is a mistake worth saying. */
function noVersion(expected: number | null | undefined): void {
  if (expected !== null && expected !== undefined) throw fail("INVALID_INPUT", "Mentions have no version; leave input.expectedVersion out.", "input.expectedVersion");
}

/** The article a suggestion belongs to must be visible to the reviewer. */
async function assertArticleVisible(tx: Tx, session: Session, articleId: string): Promise<void> {
  if (!(await tx.article.findFirst({ where: { id: articleId, ...visibleArticles(session.viewer) }, select: { id: true } }))) throw notFound();
}

/** The calls of a Prisma model a review makes (`tx.quote`, `tx.entityMention`, ...), as a structural type. */
interface ReviewCalls<Row, Where, Data> {
  findFirst(args: { where: Where }): PromiseLike<Row | null>;
  findUniqueOrThrow(args: { where: { id: string } }): PromiseLike<Row>;
  updateMany(args: { where: Where; data: Data }): PromiseLike<{ count: number }>;
}

/** What one kind of suggestion states for the review ritual. */
interface ReviewableModel<Row, Where, Data> {
  readonly model: (tx: Tx) => ReviewCalls<Row, Where, Data>;
  /** What a row must be to be reviewed besides not REJECTED (not soft-deleted); none when left out. */
  readonly live?: Where;
  /** The article whose visibility gates the review, for suggestions in an article. */
  readonly articleOf?: (row: Row) => string;
  /** The row's version, for kinds that have one (quotes, people, incidents); mentions have none. */
  readonly version?: (row: Row) => number;
}

/** A review decision on one suggestion: the row before and after it left PENDING. */
type Review<Row> = (tx: Tx, session: Session, id: string, status: "ACCEPTED" | "REJECTED", expected: number | null | undefined) => Promise<{ before: Row; after: Row }>;

/**
 * The review ritual, written once: read the suggestion (NOT_FOUND unless it exists, is not
 * rejected, and its article is visible), move it from PENDING to the decision with one
 * conditional UPDATE (on the version too when the client sent one; CONFLICT when someone
 * reviewed it first), and read it back.
 */
function reviewable<Row extends { readonly reviewStatus: string }, Where extends object, Data extends object>(spec: ReviewableModel<Row, Where, Data>): Review<Row> {
  const live = spec.live ?? ({} as Where);
  return async (tx, session, id, status, expected) => {
    if (!spec.version) noVersion(expected);
    const before = await spec.model(tx).findFirst({ where: { id, ...live, reviewStatus: { not: "REJECTED" } } as Where });
    if (!before) throw notFound();
    if (spec.articleOf) await assertArticleVisible(tx, session, spec.articleOf(before));
    const where = { id, reviewStatus: "PENDING", ...(spec.version ? versionGuard(expected) : {}) } as Where;
    const data = (spec.version ? { reviewStatus: status, version: { increment: 1 } } : { reviewStatus: status }) as Data;
    const { count } = await spec.model(tx).updateMany({ where, data });
    if (spec.version) checkVersioned(count, spec.version(before), before.reviewStatus, expected);
    else if (count === 0) throw notPending(before.reviewStatus);
    return { before, after: await spec.model(tx).findUniqueOrThrow({ where: { id } }) };
  };
}

const reviewQuote = reviewable<Quote, Prisma.QuoteWhereInput, Prisma.QuoteUncheckedUpdateManyInput>({
  model: (tx) => tx.quote,
  live: { deletedAt: null },
  articleOf: (quote) => quote.articleId,
  version: (quote) => quote.version,
});
const reviewPerson = reviewable<Person, Prisma.PersonWhereInput, Prisma.PersonUncheckedUpdateManyInput>({
  model: (tx) => tx.person,
  live: { deletedAt: null },
  version: (person) => person.version,
});
const reviewIncident = reviewable<Incident, Prisma.IncidentWhereInput, Prisma.IncidentUncheckedUpdateManyInput>({
  model: (tx) => tx.incident,
  live: { deletedAt: null },
  version: (incident) => incident.version,
});
const reviewIncidentMention = reviewable<IncidentMention, Prisma.IncidentMentionWhereInput, Prisma.IncidentMentionUncheckedUpdateManyInput>({
  model: (tx) => tx.incidentMention,
  articleOf: (mention) => mention.articleId,
});
const reviewEntityMention = reviewable<EntityMention, Prisma.EntityMentionWhereInput, Prisma.EntityMentionUncheckedUpdateManyInput>({
  model: (tx) => tx.entityMention,
  articleOf: (mention) => mention.articleId,
});

// The records a review carries along (a quote's pending speaker, a mention's pending incident, a
// rejected person's mentions and quotes) change only if still PENDING and never fail the review:
// conditional updates on the review state, not the versioned change ritual (which refuses a row
// that moved on).

/** Accepts a pending person (a speaker or a mentioned person carried by another acceptance); null when it was not pending. */
async function acceptPendingPerson(tx: Tx, personId: string | null): Promise<SuggestionValue | null> {
  if (!personId) return null;
  const { count } = await tx.person.updateMany({ where: { id: personId, reviewStatus: "PENDING" }, data: { reviewStatus: "ACCEPTED", version: { increment: 1 } } });
  return count > 0 ? personSuggestion(await tx.person.findUniqueOrThrow({ where: { id: personId } }), 0) : null;
}

/** Accepts a pending incident carried by the acceptance of one of its mentions. */
async function acceptPendingIncident(tx: Tx, incidentId: string): Promise<SuggestionValue | null> {
  const { count } = await tx.incident.updateMany({ where: { id: incidentId, reviewStatus: "PENDING" }, data: { reviewStatus: "ACCEPTED", version: { increment: 1 } } });
  return count > 0 ? incidentSuggestion(await tx.incident.findUniqueOrThrow({ where: { id: incidentId } }), 0) : null;
}

/** Rejects the pending entity mentions of a person being rejected; returns them as they are now. */
async function rejectPendingMentionsOf(tx: Tx, personId: string): Promise<EntityMention[]> {
  const mentions = await tx.entityMention.findMany({ where: { personId, reviewStatus: "PENDING" }, select: { id: true } });
  const ids = mentions.map((row) => row.id);
  await tx.entityMention.updateMany({ where: { id: { in: ids } }, data: { reviewStatus: "REJECTED" } });
  return tx.entityMention.findMany({ where: { id: { in: ids } } });
}

/**
 * Rejects the pending speaker of a quote just rejected, with their pending mentions, when nothing
 * else holds them up: no other quote that is not rejected is theirs, and no accepted mention
 * names them. Returns what was rejected, or null when the speaker stays.
 */
async function rejectOrphanedSpeaker(tx: Tx, personId: string): Promise<{ person: Person; mentions: EntityMention[] } | null> {
  const otherQuotes = await tx.quote.count({ where: { speakerId: personId, deletedAt: null, reviewStatus: { not: "REJECTED" } } });
  const acceptedMentions = await tx.entityMention.count({ where: { personId, reviewStatus: "ACCEPTED" } });
  if (otherQuotes > 0 || acceptedMentions > 0) return null;
  const { count } = await tx.person.updateMany({ where: { id: personId, reviewStatus: "PENDING", deletedAt: null }, data: { reviewStatus: "REJECTED", version: { increment: 1 } } });
  if (count === 0) return null;
  const mentions = await rejectPendingMentionsOf(tx, personId);
  return { person: await tx.person.findUniqueOrThrow({ where: { id: personId } }), mentions };
}

/** Accepts one suggestion and what it carries; returns the audit event's target and both states. */
async function acceptOne(tx: Tx, session: Session, ref: SuggestionRef, expected: number | null | undefined): Promise<ReviewResult & { audit: AuditChange }> {
  const carried = (values: Array<SuggestionValue | null>) => values.filter((value): value is SuggestionValue => value !== null);
  switch (ref.kind) {
    case "QUOTE": {
      const { before, after } = await reviewQuote(tx, session, ref.id, "ACCEPTED", expected);
      const alsoChanged = carried([await acceptPendingPerson(tx, after.speakerId)]);
      return { suggestion: quoteSuggestion(after), alsoChanged, audit: { action: "quote.accept", targetType: "Quote", targetId: ref.id, before, after: { ...after, alsoAccepted: alsoChanged.map(({ kind, id }) => ({ kind, id })) } } };
    }
    case "PERSON": {
      const { before, after } = await reviewPerson(tx, session, ref.id, "ACCEPTED", expected);
      return { suggestion: personSuggestion(after, 0), alsoChanged: [], audit: { action: "person.accept", targetType: "Person", targetId: ref.id, before, after } };
    }
    case "INCIDENT": {
      const { before, after } = await reviewIncident(tx, session, ref.id, "ACCEPTED", expected);
      return { suggestion: incidentSuggestion(after, 0), alsoChanged: [], audit: { action: "incident.accept", targetType: "Incident", targetId: ref.id, before, after } };
    }
    case "INCIDENT_MENTION": {
      const { before, after } = await reviewIncidentMention(tx, session, ref.id, "ACCEPTED", expected);
      const alsoChanged = carried([await acceptPendingIncident(tx, after.incidentId)]);
      // Mentions are not Nodes: the event is on the incident the span reports.
      return { suggestion: incidentMentionSuggestion(after), alsoChanged, audit: { action: "incidentMention.accept", targetType: "Incident", targetId: after.incidentId, before, after: { ...after, alsoAccepted: alsoChanged.map(({ kind, id }) => ({ kind, id })) } } };
    }
    case "ENTITY_MENTION": {
      const { before, after } = await reviewEntityMention(tx, session, ref.id, "ACCEPTED", expected);
      const alsoChanged = carried([await acceptPendingPerson(tx, after.personId)]);
      // Mentions are not Nodes: the event is on the article the span is in.
      return { suggestion: entityMentionSuggestion(after), alsoChanged, audit: { action: "entityMention.accept", targetType: "Article", targetId: after.articleId, before, after: { ...after, alsoAccepted: alsoChanged.map(({ kind, id }) => ({ kind, id })) } } };
    }
  }
}

/** Accepts one pending suggestion, with the pending speaker or incident it points at. */
export const acceptSuggestion = command("suggestion.review", acceptSchema, async (session, data): Promise<ReviewResult> => {
  return inTransaction(session.prisma, async (tx) => {
    const { audit, ...result } = await acceptOne(tx, session, data, data.expectedVersion);
    await recordAudit(tx, session, audit);
    return result;
  });
});

/** Rejects one pending suggestion and what depends on it only. */
export const rejectSuggestion = command("suggestion.review", rejectSchema, async (session, data): Promise<ReviewResult> => {
  const ref = { kind: data.kind, id: data.id };
  const reason = data.reason || null;
  return inTransaction(session.prisma, async (tx) => {
    const pending = { reviewStatus: "PENDING" as const };
    const rejected = { reviewStatus: "REJECTED" as const };
    switch (ref.kind) {
      case "QUOTE": {
        const { before, after } = await reviewQuote(tx, session, ref.id, "REJECTED", null);
        // A pending speaker that only this quote made (no other live quote is theirs, nothing
        // accepted names them) goes with it, and so do their pending mentions: otherwise a later
        // acceptAllAbove would accept "Residents" as a person nobody quoted.
        const speaker = after.speakerId ? await rejectOrphanedSpeaker(tx, after.speakerId) : null;
        const alsoChanged = speaker ? [personSuggestion(speaker.person, 0), ...speaker.mentions.map(entityMentionSuggestion)] : [];
        await recordAudit(tx, session, {
          action: "quote.reject",
          targetType: "Quote",
          targetId: ref.id,
          before,
          after: { ...after, reason, ...(speaker ? { rejectedSpeakerId: speaker.person.id, rejectedMentionIds: speaker.mentions.map((row) => row.id) } : {}) },
        });
        return { suggestion: quoteSuggestion(after), alsoChanged };
      }
      case "PERSON": {
        const { before, after } = await reviewPerson(tx, session, ref.id, "REJECTED", null);
        const mentions = await rejectPendingMentionsOf(tx, ref.id);
        // Its pending quotes stay to be attributed by hand, no longer pointing at a rejected person.
        const quotes = await tx.quote.findMany({ where: { speakerId: ref.id, ...pending }, select: { id: true } });
        await tx.quote.updateMany({ where: { id: { in: quotes.map((row) => row.id) } }, data: { speakerId: null, version: { increment: 1 } } });
        const alsoChanged = [...mentions.map(entityMentionSuggestion), ...(await tx.quote.findMany({ where: { id: { in: quotes.map((row) => row.id) } } })).map(quoteSuggestion)];
        await recordAudit(tx, session, {
          action: "person.reject",
          targetType: "Person",
          targetId: ref.id,
          before,
          after: { ...after, reason, rejectedMentionIds: mentions.map((row) => row.id), detachedQuoteIds: quotes.map((row) => row.id) },
        });
        return { suggestion: personSuggestion(after, 0), alsoChanged };
      }
      case "INCIDENT": {
        const { before, after } = await reviewIncident(tx, session, ref.id, "REJECTED", null);
        const mentions = await tx.incidentMention.findMany({ where: { incidentId: ref.id, ...pending }, select: { id: true } });
        await tx.incidentMention.updateMany({ where: { id: { in: mentions.map((row) => row.id) } }, data: rejected });
        await recordAudit(tx, session, { action: "incident.reject", targetType: "Incident", targetId: ref.id, before, after: { ...after, reason, rejectedMentionIds: mentions.map((row) => row.id) } });
        const alsoChanged = (await tx.incidentMention.findMany({ where: { id: { in: mentions.map((row) => row.id) } } })).map(incidentMentionSuggestion);
        return { suggestion: incidentSuggestion(after, 0), alsoChanged };
      }
      case "INCIDENT_MENTION": {
        const { before, after } = await reviewIncidentMention(tx, session, ref.id, "REJECTED", null);
        await recordAudit(tx, session, { action: "incidentMention.reject", targetType: "Incident", targetId: after.incidentId, before, after: { ...after, reason } });
        return { suggestion: incidentMentionSuggestion(after), alsoChanged: [] };
      }
      case "ENTITY_MENTION": {
        const { before, after } = await reviewEntityMention(tx, session, ref.id, "REJECTED", null);
        await recordAudit(tx, session, { action: "entityMention.reject", targetType: "Article", targetId: after.articleId, before, after: { ...after, reason } });
        return { suggestion: entityMentionSuggestion(after), alsoChanged: [] };
      }
    }
  });
});

/** The result of {@link acceptAllAbove}. */
export interface AcceptAllResult {
  readonly article: Article;
  readonly acceptedCount: number;
}

/**
 * Accepts every pending suggestion of an article with confidence >= the threshold, and the
 * pending speakers, mentioned people and incidents they point at; one audit event on the article
 * lists them.
 */
export const acceptAllAbove = command("suggestion.review", acceptAllSchema, async (session, data): Promise<AcceptAllResult> => {
  const articleId = data.articleId;
  return inTransaction(session.prisma, async (tx) => {
    // Bulk acceptances of one article take turns (the article row's lock, held to commit): a
    // second one then reads what the first left pending, not the same list again.
    await tx.$queryRaw`SELECT 1 FROM "Article" WHERE "id" = ${articleId}::uuid FOR UPDATE`;
    const article = await tx.article.findFirst({ where: { id: articleId, ...visibleArticles(session.viewer) } });
    if (!article) throw fail("NOT_FOUND", "The article does not exist or is not visible to you.", "input.articleId");
    const chosen = await articleSuggestions(tx, articleId, { statuses: ["PENDING"], minConfidence: data.confidence > 0 ? data.confidence : null });
    const ids = (kind: SuggestionValue["kind"]) => chosen.filter((item) => item.kind === kind);
    const quotes = ids("QUOTE").map((item) => item.quote).filter((row) => row !== null);
    const incidentMentions = ids("INCIDENT_MENTION").map((item) => item.incidentMention).filter((row) => row !== null);
    const entityMentions = ids("ENTITY_MENTION").map((item) => item.entityMention).filter((row) => row !== null);
    // A pending person suggested as the speaker of a quote the desk rejected is left out (a
    // rejection made before rejections took such speakers with them), unless a chosen quote or
    // mention below carries them.
    const suggestedPeople = ids("PERSON").map((item) => item.person?.id).filter((id): id is string => typeof id === "string");
    const speakersOfRejected = new Set(
      (await tx.quote.findMany({ where: { speakerId: { in: suggestedPeople }, reviewStatus: "REJECTED" }, select: { speakerId: true } })).map((row) => row.speakerId),
    );
    // What the chosen records point at is accepted with them, whatever its own confidence.
    const personIds = new Set([
      ...suggestedPeople.filter((id) => !speakersOfRejected.has(id)),
      ...quotes.map((quote) => quote.speakerId),
      ...entityMentions.map((mention) => mention.personId),
    ].filter((id): id is string => typeof id === "string"));
    const incidentIds = new Set([...ids("INCIDENT").map((item) => item.incident?.id), ...incidentMentions.map((mention) => mention.incidentId)].filter((id): id is string => typeof id === "string"));
    const accepted = { reviewStatus: "ACCEPTED" as const };
    const pending = { reviewStatus: "PENDING" as const };
    // Set-based on purpose, not the per-row change ritual: each statement accepts whatever of the
    // chosen rows is still PENDING (bumping the versions of those with one), so a row someone
    // reviewed meanwhile is simply left out instead of failing the whole batch, in one statement
    // per table rather than a round trip per row.
    // One after the other: statements of one interactive transaction share its connection. Each
    // returns the ids it really changed (a single acceptSuggestion may have got there first), and
    // the audit event lists those, never what was merely chosen.
    const changed = { select: { id: true } } as const;
    const idsOf = (rows: readonly { id: string }[]) => rows.map((row) => row.id);
    const acceptedIds = {
      quoteIds: idsOf(await tx.quote.updateManyAndReturn({ where: { id: { in: quotes.map((row) => row.id) }, ...pending }, data: { ...accepted, version: { increment: 1 } }, ...changed })),
      personIds: idsOf(await tx.person.updateManyAndReturn({ where: { id: { in: [...personIds] }, ...pending }, data: { ...accepted, version: { increment: 1 } }, ...changed })),
      incidentIds: idsOf(await tx.incident.updateManyAndReturn({ where: { id: { in: [...incidentIds] }, ...pending }, data: { ...accepted, version: { increment: 1 } }, ...changed })),
      incidentMentionIds: idsOf(await tx.incidentMention.updateManyAndReturn({ where: { id: { in: incidentMentions.map((row) => row.id) }, ...pending }, data: accepted, ...changed })),
      entityMentionIds: idsOf(await tx.entityMention.updateManyAndReturn({ where: { id: { in: entityMentions.map((row) => row.id) }, ...pending }, data: accepted, ...changed })),
    };
    const acceptedCount = Object.values(acceptedIds).reduce((sum, list) => sum + list.length, 0);
    await recordAudit(tx, session, {
      action: "article.acceptSuggestions",
      targetType: "Article",
      targetId: articleId,
      before: null,
      after: { confidence: data.confidence, acceptedCount, ...acceptedIds },
    });
    return { article, acceptedCount };
  }, { timeoutMs: BULK_TRANSACTION_TIMEOUT_MS });
});
