import type { Prisma } from "../../db/index.js";
import type {
  ExtractedAnonymousSource,
  ExtractedIncident,
  ExtractedMention,
  ExtractedPerson,
  ExtractedQuote,
  Extraction,
} from "../../extraction/types.js";
import { geocodePlace, type GeocodedPlace } from "../../extraction/events/geocode.js";
import { lookupPlace } from "../../extraction/events/gazetteer.js";
import type { AliasKind, DatePrecision, PlaceKind, QuoteKind, QuoteMedium } from "../../generated/prisma/enums.js";
import { spanOf } from "../../core/span.js";
import { insertRows } from "../../db/insert.js";
import { foldText, incidentFingerprint, quoteFingerprint } from "./fingerprint.js";

// Storing one extraction as suggestions (origin MACHINE, reviewStatus PENDING, a confidence),
// linked to what copydesk knows already: a person, organization, place or incident that exists is
// reused, never duplicated, and a suggestion an editor rejected before is not made again. Runs
// inside the ingest transaction, after the article (or its new revision) is written and every
// older span was re-anchored, so the rules below can compare with what the article already has.
//
// The writes are batched, one statement per table (people with their aliases and roles, quotes,
// mentions), and what is looked up is read once for the whole extraction; a new article has no
// suggestions yet, so what it "already has" is not read at all. New incidents are the exception:
// each is written before the next one is matched, because a story's second report of an incident
// must find the record its first report created (matchByWindow).

/** The article the suggestions belong to, as written by the ingest transaction. */
export interface StoredArticle {
  readonly id: string;
  readonly body: string;
  readonly revisionNumber: number;
  readonly publishedAt: Date | null;
}

/** How many suggestions (and new linked records) one ingest made, and how many it left out. */
export interface SuggestionCounts {
  readonly quotes: number;
  /** New named people (PENDING); people resolved to an existing record are not counted. */
  readonly people: number;
  /** New unnamed sources (PENDING). */
  readonly unnamedSources: number;
  /** New organizations (origin MACHINE; organizations carry no review status). */
  readonly organizations: number;
  /** New places (origin MACHINE; places carry no review status). */
  readonly places: number;
  /** New incidents (PENDING). */
  readonly incidents: number;
  /** Spans reporting an incident, new or existing (PENDING). */
  readonly incidentMentions: number;
  /** Spans naming a person, organization or place (PENDING). */
  readonly entityMentions: number;
  /** Extracted items not stored: rejected before, already in the article, or with a span that does not match the text. */
  readonly skipped: number;
}

/** A {@link SuggestionCounts} with nothing in it. */
export const NO_SUGGESTIONS: SuggestionCounts = {
  quotes: 0,
  people: 0,
  unnamedSources: 0,
  organizations: 0,
  places: 0,
  incidents: 0,
  incidentMentions: 0,
  entityMentions: 0,
  skipped: 0,
};

/** Suggestions an editor reviews (everything but organizations and places, which have no review status). */
export function reviewableCount(counts: SuggestionCounts): number {
  return counts.quotes + counts.people + counts.unnamedSources + counts.incidents + counts.incidentMentions + counts.entityMentions;
}

/** The columns every machine-suggested span shares: where it is (both selectors), in which revision, and its review state. */
function pendingSpan(article: StoredArticle, item: { readonly start: number; readonly end: number; readonly confidence: number }) {
  const span = spanOf(article.body, item.start, item.end);
  return {
    articleId: article.id,
    start: span.start,
    end: span.end,
    exact: span.exact,
    prefix: span.prefix,
    suffix: span.suffix,
    anchoredRevision: article.revisionNumber,
    origin: "MACHINE" as const,
    confidence: clamp(item.confidence),
    reviewStatus: "PENDING" as const,
  };
}

type Tx = Prisma.TransactionClient;

/** How {@link storeSuggestions} stores: `isNew` when the transaction has just created the article, which has no suggestions yet to compare with. */
export interface StoreOptions {
  readonly isNew: boolean;
}
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const QUOTE_KINDS: Readonly<Record<ExtractedQuote["kind"], QuoteKind>> = { direct: "DIRECT", partial: "PARTIAL", indirect: "INDIRECT" };
const QUOTE_MEDIA: Readonly<Record<ExtractedQuote["medium"], QuoteMedium>> = {
  statement: "STATEMENT",
  tweet: "TWEET",
  briefing: "BRIEFING",
  interview: "INTERVIEW",
  other: "OTHER",
};
const DATE_PRECISIONS: Readonly<Record<ExtractedIncident["datePrecision"], DatePrecision>> = { day: "DAY", week: "WEEK", month: "MONTH", unknown: "UNKNOWN" };
/** An undated incident is compared with incidents of the week before the story (stories report recent events). */
const UNDATED_WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;

/** A YYYY-MM-DD day as a Date at midnight UTC (the @db.Date columns). */
function day(iso: string | null | undefined): Date | null {
  return iso ? new Date(`${iso}T00:00:00Z`) : null;
}

/** A confidence in [0, 1] whatever the extraction returned. */
function clamp(confidence: number): number {
  return Number.isFinite(confidence) ? Math.min(1, Math.max(0, confidence)) : 0;
}

/** How an alias of a named person is used: a social handle, the surname, or another name. */
function aliasKind(name: string, alias: string): AliasKind {
  if (alias.startsWith("@")) return "HANDLE";
  const words = name.trim().split(/\s+/);
  return words.length > 1 && foldText(alias) === foldText(words[words.length - 1] ?? "") ? "SURNAME" : "NAME";
}

/** True when the extracted span is exactly the text at its offsets (anything else is not stored). */
function spanHolds(body: string, item: { readonly start: number; readonly end: number; readonly text: string }): boolean {
  return Number.isInteger(item.start) && Number.isInteger(item.end) && item.start >= 0 && item.end > item.start && item.end <= body.length && body.slice(item.start, item.end) === item.text;
}

/** A person found for an extracted name: its id, or REJECTED when an editor rejected that person and no live one exists. */
type Resolution = { readonly id: string } | "REJECTED" | null;

/** A named person as resolution reads it. */
interface PersonCandidate {
  readonly id: string;
  readonly name: string;
  readonly reviewStatus: string;
  readonly mergedIntoId: string | null;
  readonly aliases: ReadonlyArray<{ readonly alias: string; readonly kind: AliasKind }>;
}

/** The names an extracted person may already be known by: the full name and its handles (surnames alone never match across stories: "Sanders" is many people). */
function identifyingNames(person: ExtractedPerson): string[] {
  return [person.name, ...person.aliases.filter((alias) => alias.startsWith("@"))];
}

/** What copydesk has already of a story's organizations, places and named people. */
interface Known {
  readonly organizations: readonly Named[];
  readonly places: readonly Named[];
  /** Every live-or-rejected named person the story's people may be. */
  readonly people: readonly PersonCandidate[];
}

/**
 * Organizations and places with any of the names as name (case-insensitively) or alias, and the
 * named people any of `people` may be (same name, or a NAME/HANDLE alias equal to the name or a
 * handle), in one statement: raw SQL, as the rest of ingest's reads and writes, since Prisma's
 * client costs about 0.4 ms of CPU per query beyond the statement itself (src/db/insert.ts).
 */
async function readKnown(tx: Tx, organizationNames: readonly string[], placeNames: readonly string[], people: readonly ExtractedPerson[]): Promise<Known> {
  const personNames = people.map((person) => person.name);
  if (organizationNames.length === 0 && placeNames.length === 0 && personNames.length === 0) return { organizations: [], places: [], people: [] };
  const [known] = await tx.$queryRawUnsafe<Known[]>(KNOWN_SQL, organizationNames, placeNames, personNames, [...new Set(people.flatMap(identifyingNames))]);
  if (!known) throw new Error("Reading the story's known records returned no row.");
  return known;
}

/** {@link readKnown}'s statement: organizations named in $1, places in $2, people named in $3 or with an alias in $4. */
const KNOWN_SQL = `
  SELECT
    (SELECT COALESCE(json_agg(json_build_object('id', o.id, 'name', o.name, 'aliases', COALESCE(o.aliases, '{}')) ORDER BY o.id), '[]'::json)
      FROM "public"."Organization" o WHERE lower(o.name) IN (SELECT lower(name) FROM unnest($1::text[]) AS name) OR o.aliases && $1::text[]) AS organizations,
    (SELECT COALESCE(json_agg(json_build_object('id', pl.id, 'name', pl.name, 'aliases', COALESCE(pl.aliases, '{}')) ORDER BY pl.id), '[]'::json)
      FROM "public"."Place" pl WHERE lower(pl.name) IN (SELECT lower(name) FROM unnest($2::text[]) AS name) OR pl.aliases && $2::text[]) AS places,
    (SELECT COALESCE(json_agg(json_build_object(
        'id', p.id, 'name', p.name, 'reviewStatus', p."reviewStatus", 'mergedIntoId', p."mergedIntoId",
        'aliases', COALESCE((SELECT json_agg(json_build_object('alias', a.alias, 'kind', a.kind)) FROM "public"."PersonAlias" a WHERE a."personId" = p.id), '[]'::json)
      ) ORDER BY p.id), '[]'::json)
      FROM "public"."Person" p
      WHERE p.kind = 'NAMED' AND p."deletedAt" IS NULL
        AND (lower(p.name) IN (SELECT lower(name) FROM unnest($3::text[]) AS name)
          OR EXISTS (SELECT 1 FROM "public"."PersonAlias" a WHERE a."personId" = p.id AND a.alias = ANY($4::text[]) AND a.kind IN ('NAME', 'HANDLE')))) AS people`;

/**
 * The live named person an extracted person is: same name, or a NAME/HANDLE alias equal to the
 * name or one of its handles, case-insensitively; a merged record answers with its target.
 */
function resolvePerson(tx: Tx, person: ExtractedPerson, candidates: readonly PersonCandidate[]): Promise<Resolution> {
  const keys = new Set(identifyingNames(person).map(foldText));
  const matching = candidates.filter(
    (candidate) => keys.has(foldText(candidate.name)) || candidate.aliases.some((alias) => (alias.kind === "NAME" || alias.kind === "HANDLE") && keys.has(foldText(alias.alias))),
  );
  return pickLive(tx, matching);
}

/** Of several matching records, the first live one (following merges), else REJECTED when some were rejected, else null. */
async function pickLive(tx: Tx, candidates: ReadonlyArray<{ id: string; reviewStatus: string; mergedIntoId: string | null }>): Promise<Resolution> {
  const ranked = [...candidates].sort((a, b) => rank(a.reviewStatus) - rank(b.reviewStatus));
  for (const candidate of ranked) {
    if (candidate.reviewStatus === "REJECTED") continue;
    let id = candidate.id;
    let mergedInto = candidate.mergedIntoId;
    for (let hops = 0; mergedInto && hops < 10; hops += 1) {
      const next = await tx.person.findUnique({ where: { id: mergedInto }, select: { id: true, mergedIntoId: true, deletedAt: true } });
      if (!next || next.deletedAt) break;
      id = next.id;
      mergedInto = next.mergedIntoId;
    }
    return { id };
  }
  return candidates.length > 0 ? "REJECTED" : null;
}

/** Accepted records are preferred to pending ones, rejected ones come last. */
function rank(status: string): number {
  return status === "ACCEPTED" ? 0 : status === "PENDING" ? 1 : 2;
}

/** A record found by name: its name and other names. */
interface Named {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
}

/** The first record whose name (case-insensitively) or one of whose aliases is `name`. */
function byName<Row extends Named>(rows: readonly Row[], name: string): Row | undefined {
  const key = foldText(name);
  return rows.find((row) => foldText(row.name) === key) ?? rows.find((row) => row.aliases.includes(name));
}

/** Creates named records (organizations, places) by name, returning their ids. */
type CreateNamed = (names: readonly string[]) => Promise<{ id: string; name: string }[]>;

/**
 * Resolves `names` to ids in `ids` (by folded name): records of `found` by name or alias (Basrah
 * is Basra when Basra lists it), the rest created (origin MACHINE) in one write; returns how many
 * were created.
 */
async function resolveNamed(found: readonly Named[], create: CreateNamed, names: readonly string[], ids: Map<string, string>): Promise<number> {
  if (names.length === 0) return 0;
  const missing: string[] = [];
  for (const name of names) {
    const row = byName(found, name);
    if (row) ids.set(foldText(name), row.id);
    else missing.push(name);
  }
  if (missing.length === 0) return 0;
  const created = await create(missing);
  for (const row of created) ids.set(foldText(row.name), row.id);
  return created.length;
}

/** Organizations by name or alias, new ones created (origin MACHINE). */
async function resolveOrganizations(tx: Tx, names: readonly string[], known: Known, directory: Directory, counts: Mutable<SuggestionCounts>): Promise<void> {
  const create: CreateNamed = (missing) => insertRows(tx, "Organization", missing.map((name) => ({ name, aliases: [], origin: "MACHINE" as const })), ["id", "name"]);
  counts.organizations += await resolveNamed(known.organizations, create, names, directory.organizations);
}

/** An extraction with each of its place names geocoded (names no gazetteer knows are absent). */
export interface GeocodedExtraction extends Extraction {
  readonly geocodes: ReadonlyMap<string, GeocodedPlace>;
}

/** The place names of an extraction: its places and its incidents' places. */
function placeNamesOf(extraction: Extraction): string[] {
  return uniqueNames([...extraction.places, ...extraction.incidents.flatMap((incident) => (incident.place ? [incident.place] : []))]);
}

/**
 * Geocodes every place name of `extraction`, a shared name resolving to the place in a country the
 * story names; a site's city is geocoded too. Runs before the ingest transaction (it may read the
 * small-town gazetteer the first time).
 */
export async function withGeocodes(extraction: Extraction): Promise<GeocodedExtraction> {
  const names = placeNamesOf(extraction);
  const storyCountries = new Set(names.flatMap((name) => (lookupPlace(name)?.kind === "country" ? [lookupPlace(name)?.countryCode ?? ""] : [])));
  const geocodes = new Map<string, GeocodedPlace>();
  const pending = [...names];
  for (let name = pending.shift(); name !== undefined; name = pending.shift()) {
    if (geocodes.has(name)) continue;
    const found = await geocodePlace(name, storyCountries);
    if (!found) continue;
    geocodes.set(name, found);
    if (found.parent) pending.push(found.parent);
  }
  return { ...extraction, geocodes };
}

const PLACE_KIND: Record<GeocodedPlace["kind"], PlaceKind> = { country: "COUNTRY", region: "REGION", city: "CITY", site: "SITE" };

/** The columns of a new machine-made place: geocoded when a gazetteer knows it, else kind OTHER without a position. */
export function geocodedPlaceData(name: string, geocode: GeocodedPlace | undefined, parentId: string | null): Prisma.PlaceCreateManyInput {
  if (!geocode) return { name, aliases: [], kind: "OTHER", origin: "MACHINE" };
  return {
    name,
    aliases: [],
    kind: PLACE_KIND[geocode.kind],
    countryCode: geocode.countryCode,
    country: geocode.country,
    admin1: geocode.admin1,
    latitude: geocode.latitude,
    longitude: geocode.longitude,
    geocodeConfidence: geocode.confidence,
    parentId,
    origin: "MACHINE",
  };
}

/**
 * Places by name or alias, new ones created (origin MACHINE) with their geocode: kind, country,
 * region, coordinates and confidence. A site's city is resolved first, and the site points at it.
 */
async function resolvePlaces(
  tx: Tx,
  extraction: GeocodedExtraction,
  { names, parents }: StoryPlaces,
  known: Known,
  directory: Directory,
  counts: Mutable<SuggestionCounts>,
): Promise<void> {
  const create: CreateNamed = (missing) =>
    insertRows(
      tx,
      "Place",
      missing.map((name) => {
        const geocode = extraction.geocodes.get(name);
        return geocodedPlaceData(name, geocode, geocode?.parent ? (directory.places.get(foldText(geocode.parent)) ?? null) : null);
      }),
      ["id", "name"],
    );
  // Cities that sites lie in first, so that the sites can point at them.
  counts.places += await resolveNamed(known.places, create, parents, directory.places);
  counts.places += await resolveNamed(known.places, create, names.filter((name) => !directory.places.has(foldText(name))), directory.places);
}

/** A story's place names, and the cities its sites lie in ("Mogadishu's international airport" -> Mogadishu). */
interface StoryPlaces {
  readonly names: readonly string[];
  readonly parents: readonly string[];
}

function storyPlaces(extraction: GeocodedExtraction): StoryPlaces {
  const names = placeNamesOf(extraction);
  return { names, parents: uniqueNames(names.flatMap((name) => extraction.geocodes.get(name)?.parent ?? [])) };
}

/** Ids of the extraction's organizations and places by canonical name (folded). */
interface Directory {
  readonly organizations: Map<string, string>;
  readonly places: Map<string, string>;
  readonly people: Map<string, Resolution>;
  readonly sources: Map<string, string>;
}

/** A person ingest creates: its row, the aliases and role titles that go with it, and where its new id goes. */
interface PersonDraft {
  readonly row: Prisma.PersonCreateManyInput & { readonly kind: "NAMED" | "ANONYMOUS"; readonly name: string };
  readonly aliases: ReadonlyArray<{ readonly alias: string; readonly kind: AliasKind }>;
  readonly titles: readonly string[];
  readonly settle: (id: string) => void;
}

/**
 * Creates the drafted people in one INSERT, then their aliases and their roles in one INSERT
 * each. The returned rows are matched to their drafts by kind and name, which are unique among
 * the drafts (one per folded name, storePeople and storeSources).
 */
async function createPeople(tx: Tx, drafts: readonly PersonDraft[]): Promise<void> {
  if (drafts.length === 0) return;
  const created = await insertRows(tx, "Person", drafts.map((draft) => draft.row), ["id", "kind", "name"]);
  const ids = new Map(created.map((row) => [`${row.kind}:${row.name}`, row.id]));
  const aliases: Prisma.PersonAliasCreateManyInput[] = [];
  const roles: Prisma.PersonRoleCreateManyInput[] = [];
  for (const draft of drafts) {
    const id = ids.get(`${draft.row.kind}:${draft.row.name}`);
    if (id === undefined) throw new Error(`Ingest created no person named ${draft.row.name}; its drafts must have distinct names.`);
    draft.settle(id);
    aliases.push(...draft.aliases.map((alias) => ({ personId: id, ...alias })));
    roles.push(...draft.titles.map((title) => ({ personId: id, title, organizationId: draft.row.organizationId ?? null })));
  }
  await insertRows(tx, "PersonAlias", aliases);
  await insertRows(tx, "PersonRole", roles);
}

/** Named people: resolved to existing records, or drafted PENDING with their aliases and roles (createPeople writes them). */
async function storePeople(tx: Tx, people: readonly ExtractedPerson[], candidates: readonly PersonCandidate[], directory: Directory, counts: Mutable<SuggestionCounts>, drafts: PersonDraft[]): Promise<void> {
  const drafted = new Set<string>();
  for (const person of people) {
    const key = foldText(person.name);
    if (directory.people.has(key) || drafted.has(key)) continue;
    const found = await resolvePerson(tx, person, candidates);
    if (found) {
      directory.people.set(key, found);
      if (found === "REJECTED") counts.skipped += 1;
      continue;
    }
    const organizationId = person.organization ? (directory.organizations.get(foldText(person.organization)) ?? null) : null;
    const aliases = [...new Set(person.aliases.filter((alias) => alias.trim() && foldText(alias) !== key))];
    const titles = [...new Set(person.titles.filter((title) => title.trim()))];
    drafted.add(key);
    drafts.push({
      row: { kind: "NAMED", name: person.name, organizationId, origin: "MACHINE", confidence: clamp(person.confidence), reviewStatus: "PENDING" },
      aliases: aliases.map((alias) => ({ alias, kind: aliasKind(person.name, alias) })),
      titles,
      settle: (id) => directory.people.set(key, { id }),
    });
    counts.people += 1;
  }
}

/**
 * Unnamed sources belong to their story: one is reused only when this article already has it
 * (a revision of the same story), otherwise drafted PENDING with the phrases that refer to it.
 */
async function storeSources(
  tx: Tx,
  article: StoredArticle,
  options: StoreOptions,
  sources: readonly ExtractedAnonymousSource[],
  directory: Directory,
  counts: Mutable<SuggestionCounts>,
  drafts: PersonDraft[],
): Promise<void> {
  const drafted = new Set<string>();
  for (const source of sources) {
    const key = foldText(source.description);
    if (directory.sources.has(key) || drafted.has(key)) continue;
    // A new article has no sources yet.
    const existing = options.isNew
      ? null
      : await tx.person.findFirst({
          where: {
            kind: "ANONYMOUS",
            deletedAt: null,
            description: { equals: source.description, mode: "insensitive" },
            OR: [{ quotes: { some: { articleId: article.id } } }, { mentions: { some: { articleId: article.id } } }],
          },
          select: { id: true, reviewStatus: true },
        });
    if (existing) {
      if (existing.reviewStatus === "REJECTED") counts.skipped += 1;
      else directory.sources.set(key, existing.id);
      continue;
    }
    const organizationId = source.organization ? (directory.organizations.get(foldText(source.organization)) ?? null) : null;
    const aliases = [...new Set(source.aliases.filter((alias) => alias.trim() && foldText(alias) !== key))];
    drafted.add(key);
    drafts.push({
      row: { kind: "ANONYMOUS", name: source.description, description: source.description, organizationId, origin: "MACHINE", confidence: clamp(source.confidence), reviewStatus: "PENDING" },
      aliases: aliases.map((alias) => ({ alias, kind: "DESCRIPTION" as const })),
      titles: [],
      settle: (id) => directory.sources.set(key, id),
    });
    counts.unnamedSources += 1;
  }
}

/** The speaker columns of a quote suggestion: a person (or unnamed source), an organization, or nobody. */
interface SpeakerColumns {
  readonly speakerId: string | null;
  readonly speakerOrganizationId: string | null;
}

/**
 * Who a quote is by: the organization it names when an organization speaks, its named speaker,
 * else the unnamed source its description (or an alias of it) names.
 */
function speakerOf(quote: ExtractedQuote, directory: Directory, sources: readonly ExtractedAnonymousSource[]): SpeakerColumns {
  const nobody: SpeakerColumns = { speakerId: null, speakerOrganizationId: null };
  if (quote.speaker && quote.speakerKind === "organization") {
    return { ...nobody, speakerOrganizationId: directory.organizations.get(foldText(quote.speaker)) ?? null };
  }
  if (quote.speaker) {
    const found = directory.people.get(foldText(quote.speaker));
    return { ...nobody, speakerId: found && found !== "REJECTED" ? found.id : null };
  }
  if (!quote.speakerDescription) return nobody;
  const described = foldText(quote.speakerDescription);
  const source = sources.find((candidate) => foldText(candidate.description) === described || candidate.aliases.some((alias) => foldText(alias) === described));
  return { ...nobody, speakerId: source ? (directory.sources.get(foldText(source.description)) ?? null) : null };
}

/** Quote suggestions, one per fingerprint: a fingerprint the article has in any state (rejected included) is not suggested again. */
async function storeQuotes(tx: Tx, article: StoredArticle, options: StoreOptions, extraction: Extraction, directory: Directory, counts: Mutable<SuggestionCounts>): Promise<void> {
  const known = new Set(
    options.isNew ? [] : (await tx.quote.findMany({ where: { articleId: article.id, fingerprint: { not: null } }, select: { fingerprint: true } })).map((row) => row.fingerprint),
  );
  const rows: Prisma.QuoteCreateManyInput[] = [];
  for (const quote of extraction.quotes) {
    const fingerprint = quoteFingerprint(quote);
    if (known.has(fingerprint) || !spanHolds(article.body, quote)) {
      counts.skipped += 1;
      continue;
    }
    known.add(fingerprint);
    const span = spanOf(article.body, quote.start, quote.end);
    rows.push({
      articleId: article.id,
      text: span.exact,
      start: span.start,
      end: span.end,
      prefix: span.prefix,
      suffix: span.suffix,
      anchorState: "ANCHORED",
      anchoredRevision: article.revisionNumber,
      kind: QUOTE_KINDS[quote.kind],
      ...speakerOf(quote, directory, extraction.anonymousSources),
      speakerDescription: quote.speakerDescription,
      reportingVerb: quote.reportingVerb,
      medium: QUOTE_MEDIA[quote.medium],
      sourceHandle: quote.handle ?? null,
      sourceDate: day(quote.date),
      origin: "MACHINE",
      confidence: clamp(quote.confidence),
      reviewStatus: "PENDING",
      fingerprint,
    });
  }
  await insertRows(tx, "Quote", rows);
  counts.quotes += rows.length;
}

/**
 * Earliest and latest day an incident can be, or null when the story gives no date. A latest day
 * alone (an undated incident: no later than the publication day) reaches back the undated window.
 */
function window(incident: ExtractedIncident): { earliest: Date; latest: Date } | null {
  const earliest = day(incident.dateEarliest ?? incident.date);
  const latest = day(incident.dateLatest ?? incident.date);
  if (!earliest && !latest) return null;
  if (!earliest) return { earliest: new Date((latest as Date).getTime() - UNDATED_WINDOW_DAYS * DAY_MS), latest: latest as Date };
  return { earliest, latest: latest ?? earliest };
}

/** The last day of the week or month that starts on `first`. */
function periodEnd(first: Date, precision: "week" | "month"): Date {
  return precision === "week" ? new Date(first.getTime() + 6 * DAY_MS) : new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
}

/**
 * An incident's date columns: `date` only when the day is known (Incident.date's rule), else the
 * range, from the extraction's earliest and latest days or from the week or month it names.
 */
function storedDates(incident: ExtractedIncident): Pick<Prisma.IncidentCreateInput, "date" | "datePrecision" | "dateEarliest" | "dateLatest"> {
  const first = day(incident.date);
  const precision = incident.datePrecision;
  if (precision === "day" || precision === "unknown") {
    return { date: precision === "day" ? first : null, datePrecision: DATE_PRECISIONS[precision], dateEarliest: day(incident.dateEarliest), dateLatest: day(incident.dateLatest) };
  }
  const earliest = day(incident.dateEarliest) ?? first;
  const latest = day(incident.dateLatest) ?? (first ? periodEnd(first, precision) : null);
  return { date: null, datePrecision: DATE_PRECISIONS[precision], dateEarliest: earliest, dateLatest: latest };
}

/** An incident record as matching reads it. */
interface IncidentMatch {
  readonly id: string;
  readonly reviewStatus: string;
}

/**
 * A live incident of the same type in the same place whose date range overlaps the extracted
 * one's (an undated incident, dated only "no later than" a day, is compared with the week before).
 */
function matchByWindow(tx: Tx, incident: ExtractedIncident, placeId: string | null, publishedAt: Date | null): Promise<IncidentMatch | null> {
  const range = window(incident) ?? (publishedAt ? { earliest: new Date(publishedAt.getTime() - UNDATED_WINDOW_DAYS * DAY_MS), latest: publishedAt } : null);
  if (!placeId || !range) return Promise.resolve(null);
  return tx
    .$queryRawUnsafe<IncidentMatch[]>(
      MATCH_BY_WINDOW_SQL,
      incident.type,
      placeId,
      timestamp(range.latest),
      timestamp(new Date(range.latest.getTime() + UNDATED_WINDOW_DAYS * DAY_MS)),
      timestamp(range.earliest),
    )
    .then((rows) => rows[0] ?? null);
}

/** A Date as a `timestamp` parameter (UTC, as Prisma stores DateTime). */
function timestamp(date: Date): string {
  return date.toISOString().replace("Z", "");
}

/**
 * {@link matchByWindow}'s read: a live incident of type $1 at place $2 whose range reaches $3 (a
 * stored undated one, latest day only, $4) and ends on or after $5.
 */
const MATCH_BY_WINDOW_SQL = `
  SELECT id::text AS id, "reviewStatus"::text AS "reviewStatus" FROM "public"."Incident"
  WHERE type = $1::text::"public"."IncidentType" AND "placeId" = $2::uuid AND "deletedAt" IS NULL AND "mergedIntoId" IS NULL AND "reviewStatus" <> 'REJECTED'
    AND ("dateEarliest" <= $3::timestamp OR ("dateEarliest" IS NULL AND date <= $3::timestamp)
      OR ("dateEarliest" IS NULL AND date IS NULL AND "dateLatest" <= $4::timestamp))
    AND ("dateLatest" >= $5::timestamp OR ("dateLatest" IS NULL AND date >= $5::timestamp))
  ORDER BY id LIMIT 1`;

/**
 * Incidents: the record with the same fingerprint (a rejected one means "not again"), else one
 * matched by type, place and date window (a mention suggestion on it), else a new PENDING incident
 * with its fingerprint; plus the span that reports it.
 */
async function storeIncidents(tx: Tx, article: StoredArticle, options: StoreOptions, extraction: Extraction, directory: Directory, counts: Mutable<SuggestionCounts>): Promise<void> {
  if (extraction.incidents.length === 0) return;
  const fingerprints = extraction.incidents.map(incidentFingerprint);
  const byFingerprint = new Map(
    (
      await tx.$queryRawUnsafe<{ id: string; reviewStatus: string; mergedIntoId: string | null; fingerprint: string }[]>(
        `SELECT id::text AS id, "reviewStatus"::text AS "reviewStatus", "mergedIntoId"::text AS "mergedIntoId", fingerprint
         FROM "public"."Incident" WHERE fingerprint = ANY($1::text[]) AND "deletedAt" IS NULL`,
        fingerprints,
      )
    ).map((row) => [
      row.fingerprint,
      row.mergedIntoId ? { id: row.mergedIntoId, reviewStatus: "PENDING" } : row,
    ]),
  );
  // Incidents this article reports already (an earlier revision): nothing new to say about them.
  const reported = new Set(options.isNew ? [] : (await tx.incidentMention.findMany({ where: { articleId: article.id }, select: { incidentId: true } })).map((row) => row.incidentId));
  const mentions: Prisma.IncidentMentionCreateManyInput[] = [];
  for (const [index, incident] of extraction.incidents.entries()) {
    const placeId = incident.place ? (directory.places.get(foldText(incident.place)) ?? null) : null;
    const fingerprint = fingerprints[index] as string;
    const matched = byFingerprint.get(fingerprint) ?? (await matchByWindow(tx, incident, placeId, article.publishedAt));
    if (matched?.reviewStatus === "REJECTED" || (matched && reported.has(matched.id))) {
      counts.skipped += 1;
      continue;
    }
    let incidentId = matched?.id;
    if (!incidentId) {
      const [created] = await insertRows(
        tx,
        "Incident",
        [
          {
            type: incident.type,
          summary: incident.summary,
          ...storedDates(incident),
          placeId,
          fatalitiesMin: incident.fatalities.min,
          fatalitiesMax: incident.fatalities.max,
          injuriesMin: incident.injuries.min,
          injuriesMax: incident.injuries.max,
          attributedTo: incident.attributedTo,
          blamedBy: incident.blamedBy,
          origin: "MACHINE",
          confidence: clamp(incident.confidence),
          reviewStatus: "PENDING",
          fingerprint,
          },
        ],
        ["id"],
      );
      if (!created) throw new Error("Inserting an incident returned no row.");
      counts.incidents += 1;
      incidentId = created.id;
      byFingerprint.set(fingerprint, { id: incidentId, reviewStatus: "PENDING" });
    }
    reported.add(incidentId);
    const text = article.body.slice(incident.start, incident.end);
    if (text.trim() === "" || !spanHolds(article.body, { start: incident.start, end: incident.end, text })) continue;
    mentions.push({ incidentId, ...pendingSpan(article, incident) });
  }
  await insertRows(tx, "IncidentMention", mentions);
  counts.incidentMentions += mentions.length;
}

/** The person, organization or place a mention names, or null when it names nothing stored (a rejected person). */
function mentionTarget(mention: ExtractedMention, directory: Directory): Pick<Prisma.EntityMentionCreateManyInput, "entityType" | "personId" | "organizationId" | "placeId"> | null {
  const key = foldText(mention.name);
  switch (mention.type) {
    case "person": {
      const found = directory.people.get(key);
      return found && found !== "REJECTED" ? { entityType: "PERSON", personId: found.id } : null;
    }
    case "anonymous": {
      const id = directory.sources.get(key);
      return id ? { entityType: "PERSON", personId: id } : null;
    }
    case "organization": {
      const id = directory.organizations.get(key);
      return id ? { entityType: "ORGANIZATION", organizationId: id } : null;
    }
    case "place": {
      const id = directory.places.get(key);
      return id ? { entityType: "PLACE", placeId: id } : null;
    }
  }
}

/** Entity mentions: PENDING, except where the article has a mention of the same thing at the same span (in any state). */
async function storeMentions(tx: Tx, article: StoredArticle, options: StoreOptions, extraction: Extraction, directory: Directory, counts: Mutable<SuggestionCounts>): Promise<void> {
  const existing = options.isNew
    ? []
    : await tx.entityMention.findMany({
        where: { articleId: article.id },
        select: { start: true, end: true, personId: true, organizationId: true, placeId: true },
      });
  const known = new Set(existing.map((row) => `${row.start}:${row.end}:${row.personId ?? row.organizationId ?? row.placeId}`));
  const rows: Prisma.EntityMentionCreateManyInput[] = [];
  for (const mention of extraction.mentions) {
    const target = mentionTarget(mention, directory);
    const key = target ? `${mention.start}:${mention.end}:${target.personId ?? target.organizationId ?? target.placeId}` : "";
    if (!target || known.has(key) || !spanHolds(article.body, mention)) {
      counts.skipped += 1;
      continue;
    }
    known.add(key);
    rows.push({ ...target, ...pendingSpan(article, mention) });
  }
  await insertRows(tx, "EntityMention", rows);
  counts.entityMentions += rows.length;
}

/** Names without blanks and without two spellings that fold to the same key (the first one wins). */
function uniqueNames(names: Iterable<string>): string[] {
  const seen = new Map<string, string>();
  for (const name of names) {
    const key = foldText(name);
    if (key && !seen.has(key)) seen.set(key, name.trim());
  }
  return [...seen.values()];
}

/**
 * Stores an extraction of `article`'s current body as suggestions, resolving people,
 * organizations, places and incidents to existing records first. Call inside the transaction
 * that wrote the article (or its revision).
 */
export async function storeSuggestions(tx: Tx, article: StoredArticle, extraction: GeocodedExtraction, options: StoreOptions): Promise<SuggestionCounts> {
  const counts: Mutable<SuggestionCounts> = { ...NO_SUGGESTIONS };
  const directory: Directory = { organizations: new Map(), places: new Map(), people: new Map(), sources: new Map() };
  const organizationNames = new Set([
    ...extraction.organizations,
    ...extraction.people.flatMap((person) => (person.organization ? [person.organization] : [])),
    ...extraction.anonymousSources.flatMap((source) => (source.organization ? [source.organization] : [])),
    ...extraction.quotes.flatMap((quote) => (quote.speakerKind === "organization" && quote.speaker ? [quote.speaker] : [])),
  ]);
  const organizations = uniqueNames(organizationNames);
  const places = storyPlaces(extraction);
  const known = await readKnown(tx, organizations, uniqueNames([...places.names, ...places.parents]), extraction.people);
  await resolveOrganizations(tx, organizations, known, directory, counts);
  await resolvePlaces(tx, extraction, places, known, directory, counts);
  const drafts: PersonDraft[] = [];
  await storePeople(tx, extraction.people, known.people, directory, counts, drafts);
  await storeSources(tx, article, options, extraction.anonymousSources, directory, counts, drafts);
  await createPeople(tx, drafts);
  await storeQuotes(tx, article, options, extraction, directory, counts);
  await storeIncidents(tx, article, options, extraction, directory, counts);
  await storeMentions(tx, article, options, extraction, directory, counts);
  return counts;
}
