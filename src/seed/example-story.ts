import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path, { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { Prisma, PrismaClient } from "../db/index.js";
import { spanOf, type TextSpanValue } from "../graphql/span.js";

// The example story: seeds/basra-consulate-2018.txt (the body, stored byte for byte) and
// seeds/basra-consulate-2018.gold.json (its answer key). The answer key says what the story
// contains; the tables below add what an editor would know besides (aliases, coordinates,
// role dates, reporting verbs, the span that reports each incident).

/** Result of seeding. */
export interface SeedResult {
  readonly articleId: string;
  readonly created: boolean;
}

const SLUG = "basra-consulate-2018";
const BODY_FILE = `${SLUG}.txt`;
const GOLD_FILE = `${SLUG}.gold.json`;
const REVISION_REASON = "Example story loaded by the seed";
const DEFAULT_SEEDS_DIR = path.resolve(dirname(fileURLToPath(import.meta.url)), "../../seeds");
const TRANSACTION_TIMEOUT_MS = 30_000;

// ---------------------------------------------------------------- the answer key

const nullableString = z.string().nullable();
const range = z.object({ min: z.number().int().nullable(), max: z.number().int().nullable() });
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a YYYY-MM-DD date");

const goldSchema = z.object({
  article: z.object({ slug: z.string(), publishedAt: isoDay }),
  quotes: z.array(
    z.object({
      text: z.string().min(1),
      speaker: nullableString,
      speakerDescription: nullableString,
      kind: z.enum(["direct", "partial", "indirect"]),
      medium: z.enum(["statement", "tweet", "briefing", "interview"]).optional(),
      handle: z.string().optional(),
      date: isoDay.optional(),
    }),
  ),
  people: z.array(
    z.object({
      name: z.string().min(1),
      titles: z.array(z.string()),
      organization: nullableString,
      aliases: z.array(z.string()),
    }),
  ),
  anonymousSources: z.array(
    z.object({ description: z.string().min(1), organization: nullableString, aliases: z.array(z.string()) }),
  ),
  organizations: z.array(z.string().min(1)),
  places: z.array(z.string().min(1)),
  incidents: z.array(
    z.object({
      type: z.enum([
        "attack",
        "explosion",
        "protest",
        "riot",
        "armed_clash",
        "evacuation",
        "closure",
        "arrest",
        "diplomatic_action",
        "other",
      ]),
      summary: z.string().min(1),
      place: nullableString,
      date: isoDay.nullable(),
      datePrecision: z.enum(["day", "week", "month", "unknown"]),
      dateNote: z.string().optional(),
      fatalities: range,
      injuries: range,
      attributedTo: nullableString,
      blamedBy: nullableString.optional(),
    }),
  ),
});

type Gold = z.infer<typeof goldSchema>;

// ---------------------------------------------------------------- what the answer key leaves out

type AliasKind = "NAME" | "SURNAME" | "HANDLE" | "DESCRIPTION" | "OTHER";
type PlaceKind = "COUNTRY" | "REGION" | "CITY" | "SITE" | "OTHER";
type QuoteKind = "DIRECT" | "PARTIAL" | "INDIRECT";
type QuoteMedium = "STATEMENT" | "TWEET" | "BRIEFING" | "INTERVIEW" | "OTHER";
type DatePrecision = "DAY" | "WEEK" | "MONTH" | "UNKNOWN";
type EntityType = "PERSON" | "ORGANIZATION" | "PLACE";

const ORGANIZATION_ALIASES: Readonly<Record<string, readonly string[]>> = {
  "U.S. Department of State": ["State Department", "U.S. State Department"],
  "U.S. Consulate Basrah": ["U.S. consulate in Basra", "United States consulate in Basra"],
  "U.S. Embassy Baghdad": ["@USEmbBaghdad"],
  "The Wall Street Journal": ["Wall Street Journal", "WSJ"],
};

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
};

interface RoleFacts {
  readonly startDate: string | null;
  readonly endDate: string | null;
}

/** Role dates by "person|title". Nauert's end date is left open: not known precisely enough. */
const ROLE_DATES: Readonly<Record<string, RoleFacts>> = {
  "Mike Pompeo|Secretary of State": { startDate: "2018-04-26", endDate: "2021-01-20" },
  "Heather Nauert|State Department spokesperson": { startDate: "2017-04-24", endDate: null },
  "Sarah Sanders|White House Press Secretary": { startDate: "2017-07-21", endDate: "2019-07-01" },
};

/** Aliases the answer key does not list. */
const EXTRA_PERSON_ALIASES: Readonly<Record<string, readonly string[]>> = {
  "Sarah Sanders": ["Sarah Huckabee Sanders"],
};

/** The verb the story reports each quote with, by the quote's opening words. */
const REPORTING_VERBS: ReadonlyArray<readonly [opening: string, verb: string | null]> = [
  ["Secretary of State Mike Pompeo has placed", "said"],
  [".@SecPompeo has placed", null],
  ["Bottom line, if we are attacked", "said"],
  ["We’ll respond swiftly and effectively", "said"],
  ["The totality of the information", "said"],
  ["Over the past few days", "said"],
  ["The United States will hold the regime", "added"],
  ["America will respond swiftly and decisively", "added"],
  ["an increase of serious threats", "said"],
  ["Secretary of State Mike Pompeo decided", "told"],
  ["their threats would not be tolerated", "warning"],
];

interface IncidentFacts {
  /** Text of the body that reports the incident, copied exactly (curly apostrophes included). */
  readonly anchor: string;
  readonly dateEarliest?: string;
  readonly dateLatest?: string;
}

const INCIDENTS: Readonly<Record<string, IncidentFacts>> = {
  "U.S. Consulate Basrah placed on ordered departure; diplomats evacuated and the post closed": {
    anchor: "diplomats assigned to the consulate office will be evacuated",
  },
  "Attack on an Iranian military parade": {
    anchor: "last week’s deadly Iranian military parade attack",
    // "last week", relative to Friday 2018-09-28: Monday 17 to Sunday 23 September.
    dateEarliest: "2018-09-17",
    dateLatest: "2018-09-23",
  },
  "Civil unrest and demonstrations in Basra over blackouts, water poisoning and government corruption": {
    anchor: "Iraqis hold demonstrations over a range of issues, from blackouts, to water poisoning, and government corruption",
  },
  "Clashes between protesters and police in Basra": {
    anchor: "More than a dozen Iraqis have died and hundreds more injured after clashes with police",
  },
  "Rocket attacks struck the U.S. consulate in Basra": {
    anchor: "rocket attacks struck the U.S. consulate in Basra",
    // "just over two weeks ago", relative to 2018-09-28: on or before 2018-09-14.
    dateEarliest: "2018-09-07",
    dateLatest: "2018-09-14",
  },
  "Attack against the American embassy compound in Baghdad": {
    anchor: "against the American embassy compound in Baghdad",
  },
};

const QUOTE_KINDS: Readonly<Record<Gold["quotes"][number]["kind"], QuoteKind>> = {
  direct: "DIRECT",
  partial: "PARTIAL",
  indirect: "INDIRECT",
};

const QUOTE_MEDIA: Readonly<Record<NonNullable<Gold["quotes"][number]["medium"]>, QuoteMedium>> = {
  statement: "STATEMENT",
  tweet: "TWEET",
  briefing: "BRIEFING",
  interview: "INTERVIEW",
};

const DATE_PRECISIONS: Readonly<Record<Gold["incidents"][number]["datePrecision"], DatePrecision>> = {
  day: "DAY",
  week: "WEEK",
  month: "MONTH",
  unknown: "UNKNOWN",
};

const QUOTE_LINK_NOTE = "Same statement, published as a press statement and as a tweet";

// ---------------------------------------------------------------- spans

type Span = TextSpanValue;

/** The first occurrence of text in body; throws when there is none. */
function locate(body: string, text: string, what: string): Span {
  const start = body.indexOf(text);
  if (start < 0) throw new Error(`Seed ${SLUG}: ${what} not found in the article body: ${JSON.stringify(text)}`);
  return spanOf(body, start, start + text.length);
}

const WORD_CHAR = /[\p{L}\p{N}_]/u;

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && WORD_CHAR.test(char);
}

/**
 * Every word-bounded occurrence of term in body, as written or with its first letter capitalised
 * (a description such as "the official" at the start of a sentence).
 */
function occurrences(body: string, term: string): Span[] {
  const variants = new Set([term, term.charAt(0).toUpperCase() + term.slice(1)]);
  const spans: Span[] = [];
  for (const variant of variants) {
    const boundedStart = isWordChar(variant.charAt(0));
    const boundedEnd = isWordChar(variant.charAt(variant.length - 1));
    for (let at = body.indexOf(variant); at >= 0; at = body.indexOf(variant, at + 1)) {
      const end = at + variant.length;
      if (boundedStart && isWordChar(body[at - 1])) continue;
      if (boundedEnd && isWordChar(body[end])) continue;
      spans.push(spanOf(body, at, end));
    }
  }
  return spans;
}

interface EntityRef {
  readonly type: EntityType;
  /** Key of the entity in the plan: a person's, organization's or place's name. */
  readonly key: string;
}

interface PlannedMention extends Span {
  readonly entity: EntityRef;
}

/**
 * Mentions of every entity by each of its terms. Overlapping matches of the same entity type are
 * resolved longest first ("Mike Pompeo" wins over "Pompeo"); a place inside an organization's name
 * ("Basrah" in "U.S. Consulate Basrah") is kept, as it names the place too.
 */
function planEntityMentions(
  body: string,
  entities: ReadonlyArray<{ readonly entity: EntityRef; readonly terms: readonly string[] }>,
): PlannedMention[] {
  const candidates: PlannedMention[] = [];
  for (const { entity, terms } of entities) {
    for (const term of new Set(terms)) {
      if (term.length === 0) continue;
      for (const span of occurrences(body, term)) candidates.push({ ...span, entity });
    }
  }
  candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: PlannedMention[] = [];
  for (const candidate of candidates) {
    const overlaps = kept.some(
      (other) => other.entity.type === candidate.entity.type && other.start < candidate.end && candidate.start < other.end,
    );
    if (!overlaps) kept.push(candidate);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

// ---------------------------------------------------------------- the plan (computed before any write)

interface PlannedQuote extends Span {
  readonly kind: QuoteKind;
  readonly medium: QuoteMedium;
  /** Name of a named person, or null for the unnamed source described by speakerDescription. */
  readonly speaker: string | null;
  readonly speakerDescription: string | null;
  readonly reportingVerb: string | null;
  readonly sourceHandle: string | null;
  readonly sourceDate: Date | null;
}

interface PlannedIncident {
  readonly gold: Gold["incidents"][number];
  readonly mention: Span;
  readonly dateEarliest: Date | null;
  readonly dateLatest: Date | null;
}

interface Plan {
  readonly body: string;
  readonly gold: Gold;
  readonly publishedAt: Date;
  readonly quotes: readonly PlannedQuote[];
  readonly incidents: readonly PlannedIncident[];
  readonly mentions: readonly PlannedMention[];
}

function day(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}

function reportingVerbFor(text: string): string | null {
  const entry = REPORTING_VERBS.find(([opening]) => text.startsWith(opening));
  return entry ? entry[1] : null;
}

function placeFacts(name: string): PlaceFacts {
  const facts = PLACES[name];
  if (!facts) throw new Error(`Seed ${SLUG}: no country code or coordinates known for place ${JSON.stringify(name)}`);
  return facts;
}

function aliasKind(personName: string, alias: string): AliasKind {
  if (alias.startsWith("@")) return "HANDLE";
  const words = personName.split(/\s+/);
  if (words.length > 1 && alias === words[words.length - 1]) return "SURNAME";
  return "NAME";
}

function personAliases(person: Gold["people"][number]): string[] {
  return [...new Set([...person.aliases, ...(EXTRA_PERSON_ALIASES[person.name] ?? [])])];
}

function makePlan(body: string, gold: Gold): Plan {
  if (gold.article.slug !== SLUG) {
    throw new Error(`Seed ${SLUG}: the answer key is for ${JSON.stringify(gold.article.slug)}`);
  }
  for (const place of gold.places) placeFacts(place);

  const quotes = gold.quotes.map((quote, index): PlannedQuote => {
    if (quote.speaker !== null && !gold.people.some((person) => person.name === quote.speaker)) {
      throw new Error(`Seed ${SLUG}: quote ${index + 1} is by ${JSON.stringify(quote.speaker)}, who is not among the people`);
    }
    return {
      ...locate(body, quote.text, `quote ${index + 1}`),
      kind: QUOTE_KINDS[quote.kind],
      medium: quote.medium ? QUOTE_MEDIA[quote.medium] : "OTHER",
      speaker: quote.speaker,
      speakerDescription: quote.speakerDescription,
      reportingVerb: reportingVerbFor(quote.text),
      sourceHandle: quote.handle ?? null,
      sourceDate: quote.date ? day(quote.date) : null,
    };
  });

  const incidents = gold.incidents.map((incident): PlannedIncident => {
    const facts = INCIDENTS[incident.summary];
    if (!facts) throw new Error(`Seed ${SLUG}: no span of the body is known for incident ${JSON.stringify(incident.summary)}`);
    if (incident.place !== null && !gold.places.includes(incident.place)) {
      throw new Error(`Seed ${SLUG}: incident ${JSON.stringify(incident.summary)} is in an unknown place`);
    }
    return {
      gold: incident,
      mention: locate(body, facts.anchor, `the span of incident ${JSON.stringify(incident.summary)}`),
      dateEarliest: facts.dateEarliest ? day(facts.dateEarliest) : null,
      dateLatest: facts.dateLatest ? day(facts.dateLatest) : null,
    };
  });

  const mentions = planEntityMentions(body, [
    ...gold.people.map((person) => ({
      entity: { type: "PERSON" as const, key: person.name },
      terms: [person.name, ...personAliases(person)],
    })),
    ...gold.anonymousSources.map((source) => ({
      entity: { type: "PERSON" as const, key: source.description },
      terms: [source.description, ...source.aliases],
    })),
    ...gold.organizations.map((name) => ({
      entity: { type: "ORGANIZATION" as const, key: name },
      terms: [name, ...(ORGANIZATION_ALIASES[name] ?? [])],
    })),
    ...gold.places.map((name) => ({
      entity: { type: "PLACE" as const, key: name },
      terms: [name, ...placeFacts(name).aliases],
    })),
  ]);

  return { body, gold, publishedAt: day(gold.article.publishedAt), quotes, incidents, mentions };
}

// ---------------------------------------------------------------- writing

type Tx = Prisma.TransactionClient;

function lookup(ids: ReadonlyMap<string, string>, key: string, what: string): string {
  const id = ids.get(key);
  if (id === undefined) throw new Error(`Seed ${SLUG}: unknown ${what} ${JSON.stringify(key)}`);
  return id;
}

function missing(existing: readonly string[], wanted: readonly string[]): string[] {
  return wanted.filter((alias) => !existing.includes(alias));
}

/** Upserts the organizations by name, adding any alias they lack; returns their ids by name. */
async function upsertOrganizations(tx: Tx, names: readonly string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const name of names) {
    const aliases = [...(ORGANIZATION_ALIASES[name] ?? [])];
    const row = await tx.organization.upsert({ where: { name }, create: { name, aliases, origin: "EDITOR" }, update: {} });
    const add = missing(row.aliases, aliases);
    if (add.length > 0) await tx.organization.update({ where: { id: row.id }, data: { aliases: [...row.aliases, ...add] } });
    ids.set(name, row.id);
  }
  return ids;
}

/** Upserts the places by (name, countryCode), adding any alias they lack; returns their ids by name. */
async function upsertPlaces(tx: Tx, names: readonly string[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const name of names) {
    const { kind, countryCode, country, latitude, longitude, aliases } = placeFacts(name);
    const row = await tx.place.upsert({
      where: { name_countryCode: { name, countryCode } },
      create: { name, aliases: [...aliases], kind, countryCode, country, latitude, longitude, origin: "EDITOR" },
      update: {},
    });
    const add = missing(row.aliases, aliases);
    if (add.length > 0) await tx.place.update({ where: { id: row.id }, data: { aliases: [...row.aliases, ...add] } });
    ids.set(name, row.id);
  }
  return ids;
}

/**
 * The named people: an existing live person of the same name is reused (another story may have
 * brought them in), otherwise created; aliases and roles they lack are added. Returns ids by name.
 */
async function upsertPeople(
  tx: Tx,
  people: Gold["people"],
  organizationIds: ReadonlyMap<string, string>,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const person of people) {
    const organizationId = person.organization === null ? null : lookup(organizationIds, person.organization, "organization");
    const existing = await tx.person.findFirst({
      where: { kind: "NAMED", name: person.name, deletedAt: null, mergedIntoId: null },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    const personId =
      existing?.id ??
      (await tx.person.create({ data: { kind: "NAMED", name: person.name, organizationId, origin: "EDITOR" }, select: { id: true } })).id;

    const aliases = personAliases(person);
    if (aliases.length > 0) {
      await tx.personAlias.createMany({
        data: aliases.map((alias) => ({ personId, alias, kind: aliasKind(person.name, alias) })),
        skipDuplicates: true,
      });
    }

    for (const title of person.titles) {
      const exists = await tx.personRole.findFirst({ where: { personId, title, organizationId }, select: { id: true } });
      if (exists) continue;
      const dates = ROLE_DATES[`${person.name}|${title}`];
      await tx.personRole.create({
        data: {
          personId,
          title,
          organizationId,
          startDate: dates?.startDate ? day(dates.startDate) : null,
          endDate: dates?.endDate ? day(dates.endDate) : null,
        },
      });
    }
    ids.set(person.name, personId);
  }
  return ids;
}

/** Unnamed sources belong to their story: always created. Returns ids by description. */
async function createAnonymousSources(
  tx: Tx,
  sources: Gold["anonymousSources"],
  organizationIds: ReadonlyMap<string, string>,
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const source of sources) {
    const row = await tx.person.create({
      data: {
        kind: "ANONYMOUS",
        name: source.description,
        description: source.description,
        organizationId: source.organization === null ? null : lookup(organizationIds, source.organization, "organization"),
        origin: "EDITOR",
        aliases: { create: source.aliases.map((alias) => ({ alias, kind: "DESCRIPTION" as const })) },
      },
      select: { id: true },
    });
    ids.set(source.description, row.id);
  }
  return ids;
}

function anonymousSpeaker(
  quote: PlannedQuote,
  anonymousIds: ReadonlyMap<string, string>,
): string {
  if (quote.speakerDescription !== null) {
    const id = anonymousIds.get(quote.speakerDescription);
    if (id !== undefined) return id;
  }
  const [only, ...others] = anonymousIds.values();
  if (only !== undefined && others.length === 0) return only;
  throw new Error(`Seed ${SLUG}: no unnamed source matches the speaker of ${JSON.stringify(quote.exact)}`);
}

async function writePlan(tx: Tx, plan: Plan): Promise<string> {
  const { body, gold } = plan;
  const article = await tx.article.create({
    data: {
      slug: SLUG,
      headline: null,
      body,
      bodyHash: createHash("sha256").update(body, "utf8").digest("hex"),
      publishedAt: plan.publishedAt,
      status: "PUBLISHED",
      language: "en",
      revisionNumber: 1,
      revisions: { create: { number: 1, headline: null, body, reason: REVISION_REASON } },
    },
    select: { id: true },
  });
  const articleId = article.id;

  const organizationIds = await upsertOrganizations(tx, gold.organizations);
  const placeIds = await upsertPlaces(tx, gold.places);
  const personIds = await upsertPeople(tx, gold.people, organizationIds);
  const anonymousIds = await createAnonymousSources(tx, gold.anonymousSources, organizationIds);

  const quoteIds: string[] = [];
  for (const quote of plan.quotes) {
    const speakerId =
      quote.speaker === null ? anonymousSpeaker(quote, anonymousIds) : lookup(personIds, quote.speaker, "person");
    const row = await tx.quote.create({
      data: {
        articleId,
        text: quote.exact,
        start: quote.start,
        end: quote.end,
        prefix: quote.prefix,
        suffix: quote.suffix,
        anchorState: "ANCHORED",
        anchoredRevision: 1,
        kind: quote.kind,
        speakerId,
        speakerDescription: quote.speakerDescription,
        reportingVerb: quote.reportingVerb,
        medium: quote.medium,
        sourceHandle: quote.sourceHandle,
        sourceDate: quote.sourceDate,
        verification: "UNVERIFIED",
        origin: "EDITOR",
        reviewStatus: "ACCEPTED",
      },
      select: { id: true },
    });
    quoteIds.push(row.id);
  }

  // The press statement and the tweet are one statement in two media.
  const statement = plan.quotes.findIndex((quote) => quote.medium === "STATEMENT" && quote.exact.includes("ordered departure"));
  const tweet = plan.quotes.findIndex((quote) => quote.medium === "TWEET");
  const fromQuoteId = quoteIds[statement];
  const toQuoteId = quoteIds[tweet];
  if (fromQuoteId === undefined || toQuoteId === undefined) {
    throw new Error(`Seed ${SLUG}: the press statement or its tweet is missing from the quotes`);
  }
  await tx.quoteLink.create({ data: { fromQuoteId, toQuoteId, note: QUOTE_LINK_NOTE } });

  for (const { gold: incident, mention, dateEarliest, dateLatest } of plan.incidents) {
    await tx.incident.create({
      data: {
        type: incident.type,
        summary: incident.summary,
        date: incident.date === null ? null : day(incident.date),
        datePrecision: DATE_PRECISIONS[incident.datePrecision],
        dateEarliest,
        dateLatest,
        placeId: incident.place === null ? null : lookup(placeIds, incident.place, "place"),
        fatalitiesMin: incident.fatalities.min,
        fatalitiesMax: incident.fatalities.max,
        injuriesMin: incident.injuries.min,
        injuriesMax: incident.injuries.max,
        attributedTo: incident.attributedTo,
        blamedBy: incident.blamedBy ?? null,
        status: "REPORTED",
        origin: "EDITOR",
        reviewStatus: "ACCEPTED",
        mentions: {
          create: {
            articleId,
            start: mention.start,
            end: mention.end,
            exact: mention.exact,
            prefix: mention.prefix,
            suffix: mention.suffix,
            anchorState: "ANCHORED",
            anchoredRevision: 1,
            origin: "EDITOR",
            reviewStatus: "ACCEPTED",
          },
        },
      },
    });
  }

  await tx.entityMention.createMany({
    data: plan.mentions.map((mention): Prisma.EntityMentionCreateManyInput => {
      const { type, key } = mention.entity;
      const personId =
        type === "PERSON" ? (personIds.get(key) ?? lookup(anonymousIds, key, "person")) : null;
      return {
        articleId,
        entityType: type,
        personId,
        organizationId: type === "ORGANIZATION" ? lookup(organizationIds, key, "organization") : null,
        placeId: type === "PLACE" ? lookup(placeIds, key, "place") : null,
        start: mention.start,
        end: mention.end,
        exact: mention.exact,
        prefix: mention.prefix,
        suffix: mention.suffix,
        anchorState: "ANCHORED",
        anchoredRevision: 1,
        origin: "EDITOR",
        reviewStatus: "ACCEPTED",
      };
    }),
  });

  return articleId;
}

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

/** Loads seeds/basra-consulate-2018.* into the database unless the article (slug basra-consulate-2018) already exists. One transaction. */
export async function seedExampleStory(prisma: PrismaClient, seedsDir: string = DEFAULT_SEEDS_DIR): Promise<SeedResult> {
  const [body, goldText] = await Promise.all([
    readFile(path.join(seedsDir, BODY_FILE), "utf8"),
    readFile(path.join(seedsDir, GOLD_FILE), "utf8"),
  ]);
  const parsed = goldSchema.safeParse(JSON.parse(goldText) as unknown);
  if (!parsed.success) {
    throw new Error(`Seed ${SLUG}: ${GOLD_FILE} is not a valid answer key: ${z.prettifyError(parsed.error)}`);
  }
  const plan = makePlan(body, parsed.data);

  try {
    return await prisma.$transaction(
      async (tx): Promise<SeedResult> => {
        const existing = await tx.article.findUnique({ where: { slug: SLUG }, select: { id: true } });
        if (existing) return { articleId: existing.id, created: false };
        return { articleId: await writePlan(tx, plan), created: true };
      },
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_TIMEOUT_MS },
    );
  } catch (error) {
    // Another process seeded the story between our check and our insert.
    if (isUniqueViolation(error)) {
      const existing = await prisma.article.findUnique({ where: { slug: SLUG }, select: { id: true } });
      if (existing) return { articleId: existing.id, created: false };
    }
    throw error;
  }
}
