import { readFile } from "node:fs/promises";
import path, { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { Prisma, PrismaClient } from "../db/index.js";
import { BULK_TRANSACTION_TIMEOUT_MS, inTransaction } from "../db/transaction.js";
import type { PlaceKind } from "../generated/prisma/enums.js";
import { ingestArticle } from "../domain/ingest/ingest.js";
import type { AuditActor } from "../core/audit.js";
import type { Session } from "../core/session.js";
import { publishArticle } from "../domain/articles/commands.js";
import { UNPUBLISHED_STATUSES } from "../domain/visibility/articles.js";
import { acceptAllAbove } from "../domain/ingest/commands.js";

// The example story, seeds/basra-consulate-2018.txt, loaded the way a newsroom would load it: the
// text goes in through ingest (the body stored byte for byte, what extraction finds stored as
// suggestions), then a seed editor accepts every suggestion, publishes the story and adds what an
// editor knows besides the text (coordinates, other spellings, role dates, the press statement and
// its tweet being one statement). The answer key (basra-consulate-2018.gold.json) is NOT read
// here: it is for scoring the extraction only.

/** Result of seeding. */
export interface SeedResult {
  readonly articleId: string;
  readonly created: boolean;
}

const SLUG = "basra-consulate-2018";
const BODY_FILE = `${SLUG}.txt`;
const PUBLISHED_AT = new Date("2018-09-28T00:00:00Z");
const DEFAULT_SEEDS_DIR = path.resolve(dirname(fileURLToPath(import.meta.url)), "../../seeds");
/** The user the seed acts as: an editor, so that the audit trail says who accepted the suggestions. */
const SEED_EDITOR = "seed-editor";
const REQUEST_ID = "seed";

// ---------------------------------------------------------------- what an editor knows besides the text

interface PlaceFacts {
  readonly kind: PlaceKind;
  readonly countryCode: string;
  readonly country: string;
  readonly latitude: number;
  readonly longitude: number;
  readonly aliases: readonly string[];
}

const PLACES: Readonly<Record<string, PlaceFacts>> = {
  Basra: { kind: "CITY", countryCode: "IQ", country: "Iraq", latitude: 30.5085, longitude: 47.7804, aliases: ["Basrah"] },
  Iraq: { kind: "COUNTRY", countryCode: "IQ", country: "Iraq", latitude: 33.0, longitude: 44.0, aliases: [] },
  Iran: { kind: "COUNTRY", countryCode: "IR", country: "Iran", latitude: 32.0, longitude: 53.0, aliases: [] },
  Baghdad: { kind: "CITY", countryCode: "IQ", country: "Iraq", latitude: 33.3152, longitude: 44.3661, aliases: [] },
  Tehran: { kind: "CITY", countryCode: "IR", country: "Iran", latitude: 35.6892, longitude: 51.389, aliases: [] },
  Israel: { kind: "COUNTRY", countryCode: "IL", country: "Israel", latitude: 31.5, longitude: 34.75, aliases: [] },
  "United States": { kind: "COUNTRY", countryCode: "US", country: "United States", latitude: 39.8283, longitude: -98.5795, aliases: ["U.S.", "United States of America"] },
};

/** Other names of organizations, by any name the extraction may give them. */
const ORGANIZATION_ALIASES: ReadonlyArray<readonly string[]> = [
  ["U.S. Department of State", "State Department", "U.S. State Department"],
  ["U.S. Consulate Basrah", "U.S. consulate in Basra", "United States consulate in Basra"],
  ["U.S. Embassy Baghdad", "@USEmbBaghdad"],
  ["The Wall Street Journal", "Wall Street Journal", "WSJ"],
];

/** Role dates by "person|title". Nauert's end date is left open: not known precisely enough. */
const ROLE_DATES: Readonly<Record<string, { readonly startDate: string; readonly endDate: string | null }>> = {
  "Mike Pompeo|Secretary of State": { startDate: "2018-04-26", endDate: "2021-01-20" },
  "Heather Nauert|State Department spokesperson": { startDate: "2017-04-24", endDate: null },
  "Sarah Sanders|White House Press Secretary": { startDate: "2017-07-21", endDate: "2019-07-01" },
};

/** Names people go by that the story does not use. */
const EXTRA_PERSON_ALIASES: Readonly<Record<string, readonly string[]>> = {
  "Sarah Sanders": ["Sarah Huckabee Sanders"],
};

/**
 * The summary the editor gives each incident, by words of the span that reports it (the
 * extraction's summary is the reporting sentence; an editor writes a headline-like line).
 */
const INCIDENT_SUMMARIES: ReadonlyArray<readonly [words: string, summary: string]> = [
  ["diplomats assigned to the consulate office will be evacuated", "U.S. Consulate Basrah placed on ordered departure; diplomats evacuated and the post closed"],
  ["closing a U.S. consulate office", "U.S. Consulate Basrah placed on ordered departure; diplomats evacuated and the post closed"],
  ["military parade attack", "Attack on an Iranian military parade"],
  ["Iraqis hold demonstrations", "Civil unrest and demonstrations in Basra over blackouts, water poisoning and government corruption"],
  ["clashes with police", "Clashes between protesters and police in Basra"],
  ["rocket attacks struck the U.S. consulate in Basra", "Rocket attacks struck the U.S. consulate in Basra"],
  ["against the American embassy compound in Baghdad", "Attack against the American embassy compound in Baghdad"],
];

const QUOTE_LINK_NOTE = "Same statement, published as a press statement and as a tweet";

// ---------------------------------------------------------------- the editor's additions

type Tx = Prisma.TransactionClient;

function day(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** Coordinates, kinds and other spellings of the story's places. */
async function describePlaces(tx: Tx): Promise<void> {
  const places = await tx.place.findMany({ where: { name: { in: Object.keys(PLACES) } }, orderBy: { id: "asc" } });
  for (const [name, facts] of Object.entries(PLACES)) {
    const place = places.find((candidate) => candidate.name === name);
    if (!place) continue;
    const aliases = [...place.aliases, ...facts.aliases.filter((alias) => !place.aliases.includes(alias))];
    // Only when something differs, so that a repeated seed writes nothing (not even updatedAt).
    const described =
      place.kind === facts.kind && place.countryCode === facts.countryCode && place.country === facts.country &&
      place.latitude === facts.latitude && place.longitude === facts.longitude && aliases.length === place.aliases.length;
    if (described) continue;
    await tx.place.update({
      where: { id: place.id },
      data: { kind: facts.kind, countryCode: facts.countryCode, country: facts.country, latitude: facts.latitude, longitude: facts.longitude, aliases },
    });
  }
}

/** Other names of the story's organizations. */
async function describeOrganizations(tx: Tx): Promise<void> {
  for (const names of ORGANIZATION_ALIASES) {
    const organization = await tx.organization.findFirst({ where: { OR: [{ name: { in: [...names] } }, { aliases: { hasSome: [...names] } }] }, orderBy: { id: "asc" } });
    if (!organization) continue;
    const add = names.filter((name) => name !== organization.name && !organization.aliases.includes(name));
    if (add.length > 0) await tx.organization.update({ where: { id: organization.id }, data: { aliases: [...organization.aliases, ...add] } });
  }
}

/** Role dates and the aliases the story does not use. */
async function describePeople(tx: Tx): Promise<void> {
  for (const [key, dates] of Object.entries(ROLE_DATES)) {
    const [name, title] = key.split("|") as [string, string];
    await tx.personRole.updateMany({
      where: { title, startDate: null, person: { name, kind: "NAMED", mergedIntoId: null } },
      data: { startDate: day(dates.startDate), endDate: dates.endDate ? day(dates.endDate) : null },
    });
  }
  for (const [name, aliases] of Object.entries(EXTRA_PERSON_ALIASES)) {
    const person = await tx.person.findFirst({ where: { name, kind: "NAMED", mergedIntoId: null, deletedAt: null }, orderBy: { id: "asc" } });
    if (person) await tx.personAlias.createMany({ data: aliases.map((alias) => ({ personId: person.id, alias, kind: "NAME" as const })), skipDuplicates: true });
  }
}

/** The press statement and its tweet are one statement in two media. */
async function linkStatementAndTweet(tx: Tx, articleId: string): Promise<void> {
  const statement = await tx.quote.findFirst({ where: { articleId, medium: "STATEMENT", text: { contains: "ordered departure" }, reviewStatus: "ACCEPTED" }, orderBy: { start: "asc" } });
  const tweet = await tx.quote.findFirst({ where: { articleId, medium: "TWEET", reviewStatus: "ACCEPTED" }, orderBy: { start: "asc" } });
  if (!statement || !tweet) return;
  await tx.quoteLink.createMany({ data: [{ fromQuoteId: statement.id, toQuoteId: tweet.id, note: QUOTE_LINK_NOTE }], skipDuplicates: true });
}

/** The editor's summary of each incident the story reports (see INCIDENT_SUMMARIES); the first span that contains the words wins. */
async function summarizeIncidents(tx: Tx, articleId: string): Promise<void> {
  const mentions = await tx.incidentMention.findMany({ where: { articleId, reviewStatus: "ACCEPTED" }, orderBy: { start: "asc" }, include: { incident: true } });
  const done = new Set<string>();
  for (const [words, summary] of INCIDENT_SUMMARIES) {
    const mention = mentions.find((candidate) => !done.has(candidate.incidentId) && candidate.exact.includes(words));
    if (!mention) continue;
    done.add(mention.incidentId);
    if (mention.incident.summary !== summary) await tx.incident.update({ where: { id: mention.incidentId }, data: { summary } });
  }
}

/** Publishes the story (ingest gave it its date, 28 September 2018) as an editor would, unless it is public already. */
async function publish(session: Session, articleId: string): Promise<void> {
  const article = await session.prisma.article.findUniqueOrThrow({ where: { id: articleId }, select: { status: true, version: true } });
  if (UNPUBLISHED_STATUSES.includes(article.status)) await publishArticle(session, { id: articleId, expectedVersion: article.version });
}

/** The seed editor (created once). */
async function seedEditor(prisma: PrismaClient): Promise<AuditActor> {
  const user = await prisma.user.upsert({ where: { name: SEED_EDITOR }, create: { name: SEED_EDITOR, role: "EDITOR" }, update: {} });
  return { viewer: { role: "EDITOR", userId: user.id, tokenId: null }, requestId: REQUEST_ID };
}

/**
 * Loads seeds/basra-consulate-2018.txt by ingest unless it is there already (slug
 * basra-consulate-2018), accepts its suggestions as the seed editor, publishes it and adds the
 * editor's knowledge. Every step is safe to repeat, so a run interrupted half-way is completed by
 * the next one; `created` says whether this run ingested the text.
 */
export async function seedExampleStory(prisma: PrismaClient, seedsDir: string = DEFAULT_SEEDS_DIR): Promise<SeedResult> {
  const existing = await prisma.article.findUnique({ where: { slug: SLUG }, select: { id: true } });
  const actor = await seedEditor(prisma);
  let articleId = existing?.id;
  let created = false;
  if (!articleId) {
    const body = await readFile(path.join(seedsDir, BODY_FILE), "utf8");
    const result = await ingestArticle({ ...actor, prisma, live: null }, { text: body, publishedAt: PUBLISHED_AT, slug: SLUG });
    articleId = result.article.id;
    created = result.outcome === "CREATED";
  }
  const pending = await prisma.quote.count({ where: { articleId, reviewStatus: "PENDING" } });
  const pendingMentions = await prisma.entityMention.count({ where: { articleId, reviewStatus: "PENDING" } });
  const pendingIncidents = await prisma.incidentMention.count({ where: { articleId, reviewStatus: "PENDING" } });
  if (pending + pendingMentions + pendingIncidents > 0) await acceptAllAbove({ ...actor, prisma, live: null }, { articleId, confidence: 0 });
  const id = articleId;
  await publish({ ...actor, prisma, live: null }, id);
  await inTransaction(prisma, async (tx) => {
    await describePlaces(tx);
    await describeOrganizations(tx);
    await describePeople(tx);
    await linkStatementAndTweet(tx, id);
    await summarizeIncidents(tx, id);
  }, { timeoutMs: BULK_TRANSACTION_TIMEOUT_MS });
  return { articleId, created };
}
