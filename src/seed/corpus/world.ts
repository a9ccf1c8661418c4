import { createHash } from "node:crypto";
import { dateOf, dayOf, previousMonth, previousWeek } from "./dates.js";
import type { IdClock } from "./ids.js";
import { ANONYMOUS_DESCRIPTIONS, fill, GRIEVANCES, TARGETS, type SpeakerCategory } from "./phrases.js";
import type { CorpusPlan } from "./plan.js";
import type { Random } from "./random.js";
import { capitalize } from "./text.js";
import { EXTRACTED_INCIDENT_TYPES } from "../../extraction/types.js";
import {
  COUNTRIES,
  FAMILY_NAMES,
  GIVEN_NAME_VARIANTS,
  GIVEN_NAMES,
  LOCAL_PLACES,
  ORGANIZATIONS,
  OUTLETS,
  RANKS,
  TITLES,
  type CountryFacts,
  type OrgFacts,
  type OrgKind,
  type PlaceKind,
} from "./vocabulary.js";

// Everything the articles refer to, made before the first article: users, organizations,
// places, people and incidents. These stay in memory for the whole run (they are small next
// to the articles: 10,000 people and 50,000 incidents for 100,000 articles).

/** Role of the data model. */
export type Role = "VIEWER" | "REPORTER" | "EDITOR" | "ADMIN";
/** IncidentType of the data model. */
export type IncidentType =
  | "attack"
  | "explosion"
  | "protest"
  | "riot"
  | "armed_clash"
  | "evacuation"
  | "closure"
  | "arrest"
  | "diplomatic_action"
  | "other";
/** DatePrecision of the data model. */
export type DatePrecision = "DAY" | "WEEK" | "MONTH" | "UNKNOWN";
/** Origin of the data model. */
export type Origin = "MACHINE" | "EDITOR";
/** ReviewStatus of the data model. */
export type ReviewStatus = "PENDING" | "ACCEPTED" | "REJECTED";

/** Every IncidentType, so that even a small corpus uses each one (the one list extraction declares). */
export const INCIDENT_TYPES: readonly IncidentType[] = EXTRACTED_INCIDENT_TYPES;

/** The corpus's users, one per role. Their names mark a database as holding a corpus. */
export const CORPUS_USERS: ReadonlyArray<readonly [name: string, role: Role]> = [
  ["corpus-viewer", "VIEWER"],
  ["corpus-reporter", "REPORTER"],
  ["corpus-editor", "EDITOR"],
  ["corpus-admin", "ADMIN"],
];

/** A user of the corpus. */
export interface UserEntry {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
  readonly createdAt: Date;
}

/** An organization; `id` is replaced by an existing row's id when the database already has it. */
export interface OrgEntry extends OrgFacts {
  id: string;
  readonly createdAt: Date;
}

/** A place; `id` is replaced by an existing row's id when the database already has it. */
export interface PlaceEntry {
  id: string;
  readonly name: string;
  readonly kind: PlaceKind;
  readonly countryCode: string | null;
  readonly country: CountryFacts | null;
  readonly latitude: number;
  readonly longitude: number;
  readonly aliases: readonly string[];
  readonly weight: number;
  readonly withThe: boolean;
  readonly createdAt: Date;
}

/** A time-bound role. */
export interface RoleEntry {
  readonly id: string;
  readonly title: string;
  readonly org: OrgEntry | null;
  readonly startDay: number | null;
  readonly endDay: number | null;
  readonly createdAt: Date;
}

/** An alias of a person. */
export interface AliasEntry {
  readonly id: string;
  readonly alias: string;
  readonly kind: "NAME" | "SURNAME" | "HANDLE" | "DESCRIPTION";
  readonly createdAt: Date;
}

/** A person: named, or an unnamed source whose name is the description stories use. */
export interface PersonEntry {
  readonly index: number;
  readonly id: string;
  readonly kind: "NAMED" | "ANONYMOUS";
  readonly name: string;
  /** What later mentions call them: the family name, or "the official". */
  readonly shortName: string;
  readonly handle: string | null;
  readonly title: string | null;
  readonly rank: string | null;
  readonly org: OrgEntry | null;
  readonly category: SpeakerCategory;
  readonly countryCode: string | null;
  readonly mergedInto: PersonEntry | null;
  readonly deleted: boolean;
  readonly origin: Origin;
  readonly confidence: number | null;
  readonly reviewStatus: ReviewStatus;
  readonly aliases: readonly AliasEntry[];
  readonly roles: readonly RoleEntry[];
  readonly createdAt: Date;
}

/** How a casualty figure is worded, which decides its min/max (ACLED-style conservative minimums). */
export type CasualtyWording = "exact" | "atLeast" | "range" | "dozens" | "moreThan" | "none" | "unknown";

/** A casualty range and how stories word it. */
export interface Casualties {
  readonly wording: CasualtyWording;
  readonly min: number | null;
  readonly max: number | null;
  /** For "moreThan": the figure written ("more than 20" has min 21). */
  readonly written: number | null;
}

/** An incident with every fact stories about it repeat. */
export interface IncidentEntry {
  readonly index: number;
  readonly id: string;
  readonly type: IncidentType;
  readonly subType: string;
  /** What was hit, closed or burned ("a military base"); for protests the grievance. */
  readonly target: string;
  readonly place: PlaceEntry;
  /** The armed group claimed or blamed, the evacuating organization. */
  readonly actor: OrgEntry | null;
  /** For diplomatic actions, the country acting; for blame, the country blaming. */
  readonly actorCountry: PlaceEntry | null;
  /** For arrests, how many people. */
  readonly count: number;
  readonly precision: DatePrecision;
  readonly day: number | null;
  readonly earliest: number | null;
  readonly latest: number | null;
  readonly fatalities: Casualties;
  readonly injuries: Casualties;
  readonly attributedTo: string | null;
  readonly blamedBy: string | null;
  readonly summary: string;
  readonly status: "REPORTED" | "CONFIRMED" | "DISPUTED";
  readonly origin: Origin;
  readonly confidence: number | null;
  readonly reviewStatus: ReviewStatus;
  readonly fingerprint: string | null;
  readonly mergedInto: IncidentEntry | null;
  readonly createdAt: Date;
}

/** The people a story can quote, by country, plus those who speak about anywhere. */
export interface SpeakerPools {
  readonly byCountry: ReadonlyMap<string, readonly PersonEntry[]>;
  readonly international: readonly PersonEntry[];
  readonly all: readonly PersonEntry[];
  readonly withHandle: readonly PersonEntry[];
}

/** Everything the articles refer to. */
export interface World {
  readonly users: readonly UserEntry[];
  readonly reporter: UserEntry;
  readonly editors: readonly UserEntry[];
  readonly writers: readonly UserEntry[];
  readonly orgs: readonly OrgEntry[];
  readonly armedGroups: readonly OrgEntry[];
  readonly places: readonly PlaceEntry[];
  readonly countries: ReadonlyMap<string, PlaceEntry>;
  readonly cities: readonly PlaceEntry[];
  readonly citiesByCountry: ReadonlyMap<string, readonly PlaceEntry[]>;
  /** Where international bodies hold briefings. */
  readonly briefingCities: readonly PlaceEntry[];
  readonly people: readonly PersonEntry[];
  readonly speakers: SpeakerPools;
  readonly incidents: readonly IncidentEntry[];
  /** Bylines by outlet. */
  readonly reporters: ReadonlyMap<string, readonly string[]>;
}

const ORG_KIND_WEIGHTS: ReadonlyArray<readonly [OrgKind, number]> = [
  ["GOVERNMENT", 30],
  ["SECURITY", 20],
  ["INTERNATIONAL", 12],
  ["HUMANITARIAN", 12],
  ["RIGHTS", 6],
  ["ARMED_GROUP", 6],
  ["RESEARCH", 8],
  ["COMPANY", 4],
];

/** Share of people who are unnamed sources. */
const ANONYMOUS_SHARE = 0.15;

function asciiHandle(given: string, family: string): string {
  const ascii = `${given[0] ?? ""}${family}`
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[^A-Za-z]/g, "")
    .toLowerCase();
  return ascii.slice(0, 14);
}

function makeUsers(clock: IdClock): UserEntry[] {
  return CORPUS_USERS.map(([name, role]) => {
    const { id, at } = clock.stamp();
    return { id, name, role, createdAt: at };
  });
}

function makePlaces(clock: IdClock): { places: PlaceEntry[]; countries: Map<string, PlaceEntry> } {
  const countries = new Map<string, PlaceEntry>();
  const places: PlaceEntry[] = [];
  const factsByCode = new Map(COUNTRIES.map((facts) => [facts.code, facts]));
  for (const facts of COUNTRIES) {
    const { id, at } = clock.stamp();
    const entry: PlaceEntry = {
      id,
      name: facts.name,
      kind: "COUNTRY",
      countryCode: facts.code,
      country: facts,
      latitude: facts.latitude,
      longitude: facts.longitude,
      aliases: facts.aliases,
      weight: facts.weight,
      withThe: facts.withThe,
      createdAt: at,
    };
    countries.set(facts.code, entry);
    places.push(entry);
  }
  for (const facts of LOCAL_PLACES) {
    const { id, at } = clock.stamp();
    places.push({
      id,
      name: facts.name,
      kind: facts.kind,
      countryCode: facts.countryCode,
      country: facts.countryCode === null ? null : (factsByCode.get(facts.countryCode) ?? null),
      latitude: facts.latitude,
      longitude: facts.longitude,
      aliases: facts.aliases,
      weight: facts.weight,
      withThe: facts.withThe,
      createdAt: at,
    });
  }
  return { places, countries };
}

function makeOrgs(clock: IdClock): OrgEntry[] {
  return ORGANIZATIONS.map((facts) => {
    const { id, at } = clock.stamp();
    return { ...facts, id, createdAt: at };
  });
}

/** Review state of a record some of which came from the extractor. */
function review(random: Random, machineShare: number, pendingShare: number, rejectedShare: number) {
  const roll = random.next();
  if (roll < rejectedShare) return { origin: "MACHINE" as const, reviewStatus: "REJECTED" as const, confidence: random.float(0.2, 0.55, 2) };
  if (roll < rejectedShare + pendingShare) return { origin: "MACHINE" as const, reviewStatus: "PENDING" as const, confidence: random.float(0.45, 0.9, 2) };
  if (roll < machineShare) return { origin: "MACHINE" as const, reviewStatus: "ACCEPTED" as const, confidence: random.float(0.8, 0.99, 2) };
  return { origin: "EDITOR" as const, reviewStatus: "ACCEPTED" as const, confidence: null };
}

interface PeopleContext {
  readonly random: Random;
  readonly clock: IdClock;
  readonly orgs: readonly OrgEntry[];
  readonly cities: readonly PlaceEntry[];
  readonly count: number;
}

function makePeople({ random, clock, orgs, cities, count }: PeopleContext): PersonEntry[] {
  const people: PersonEntry[] = [];
  const names = new Set<string>();
  const handles = new Set<string>();
  const orgsByKind = new Map<OrgKind, OrgEntry[]>();
  for (const entry of orgs) orgsByKind.set(entry.kind, [...(orgsByKind.get(entry.kind) ?? []), entry]);
  const governments = orgsByKind.get("GOVERNMENT") ?? [];
  const groups = orgsByKind.get("ARMED_GROUP") ?? [];
  const anonymous = Math.round(count * ANONYMOUS_SHARE);
  /** Named people who are not duplicates: what a duplicate can be a copy of. */
  const named: PersonEntry[] = [];

  for (let index = 0; index < count; index += 1) {
    // Spread unnamed sources evenly through the list, so ids interleave the two kinds.
    const isAnonymous = Math.floor(((index + 1) * anonymous) / count) > Math.floor((index * anonymous) / count);
    const { id, at } = clock.stamp();
    const state = review(random, 0.1, 0.03, 0);

    if (isAnonymous) {
      const [template, alias, category] = random.pick(ANONYMOUS_DESCRIPTIONS);
      const government = governments.length > 0 ? random.pick(governments) : null;
      const group = groups.length > 0 ? random.pick(groups) : null;
      const town = random.pick(cities);
      const usesOrg = template.includes("{org}") ? government : template.includes("{group}") ? group : null;
      const description = fill(template, { org: government?.name ?? "ministry", group: group?.name ?? "militia", city: town.name });
      const aliasStamp = clock.stamp();
      people.push({
        index,
        id,
        kind: "ANONYMOUS",
        name: description,
        shortName: alias,
        handle: null,
        title: null,
        rank: null,
        org: usesOrg,
        category,
        countryCode: usesOrg?.countryCode ?? (template.includes("{city}") ? town.countryCode : null),
        mergedInto: null,
        deleted: false,
        ...state,
        aliases: [{ id: aliasStamp.id, alias, kind: "DESCRIPTION", createdAt: aliasStamp.at }],
        roles: [],
        createdAt: at,
      });
      continue;
    }

    // A few named people are duplicates an extractor made ("A. Haddad"), merged into the original.
    if (named.length > 10 && random.chance(0.02)) {
      const original = random.pick(named.slice(-50));
      const variant = `${original.name[0] ?? "A"}. ${original.shortName}`;
      people.push({
        index,
        id,
        kind: "NAMED",
        name: variant,
        shortName: original.shortName,
        handle: null,
        title: original.title,
        rank: null,
        org: original.org,
        category: original.category,
        countryCode: original.countryCode,
        mergedInto: original,
        deleted: false,
        origin: "MACHINE",
        confidence: random.float(0.6, 0.9, 2),
        reviewStatus: "ACCEPTED",
        aliases: [],
        roles: [],
        createdAt: at,
      });
      continue;
    }

    let given = random.pick(GIVEN_NAMES);
    let family = random.pick(FAMILY_NAMES);
    let name = `${given} ${family}`;
    for (let attempt = 0; names.has(name) && attempt < 8; attempt += 1) {
      given = random.pick(GIVEN_NAMES);
      family = random.pick(FAMILY_NAMES);
      name = `${given} ${family}`;
    }
    // Past a few thousand people the combinations run out: a middle initial keeps names distinct.
    for (let letter = 0; names.has(name); letter += 1) {
      name = `${given} ${String.fromCharCode(65 + (letter % 26))}.${letter >= 26 ? ` ${Math.floor(letter / 26)}` : ""} ${family}`;
    }
    names.add(name);

    const kind = random.weighted(ORG_KIND_WEIGHTS);
    const org = random.pick(orgsByKind.get(kind) ?? orgs);
    const title = random.pick(TITLES[org.kind]);
    const rank = org.kind === "SECURITY" && random.chance(0.6) ? random.pick(RANKS) : null;

    const aliases: AliasEntry[] = [];
    const alias = (text: string, aliasKind: AliasEntry["kind"]) => {
      const stamp = clock.stamp();
      aliases.push({ id: stamp.id, alias: text, kind: aliasKind, createdAt: stamp.at });
    };
    alias(family, "SURNAME");
    let handle: string | null = null;
    if (random.chance(0.45)) {
      let candidate = `@${asciiHandle(given, family)}`;
      for (let suffix = 2; handles.has(candidate); suffix += 1) candidate = `@${asciiHandle(given, family)}${suffix}`;
      handles.add(candidate);
      handle = candidate;
      alias(handle, "HANDLE");
    }
    const variant = GIVEN_NAME_VARIANTS[given];
    if (variant !== undefined && random.chance(0.6)) alias(name.replace(given, variant), "NAME");

    // The current role, and for some people the one before it, with dates.
    const roles: RoleEntry[] = [];
    const startDay = random.int(dayOf(2008, 1, 1), dayOf(2016, 6, 30));
    if (random.chance(0.3)) {
      const earlierOrg = random.chance(0.5) ? org : random.pick(orgsByKind.get(kind) ?? orgs);
      const stamp = clock.stamp();
      roles.push({
        id: stamp.id,
        title: random.pick(TITLES[earlierOrg.kind]),
        org: earlierOrg,
        startDay: startDay - random.int(700, 2500),
        endDay: startDay - 1,
        createdAt: stamp.at,
      });
    }
    const stamp = clock.stamp();
    roles.push({
      id: stamp.id,
      title,
      org,
      startDay: random.chance(0.9) ? startDay : null,
      endDay: random.chance(0.2) ? random.int(dayOf(2019, 1, 1), dayOf(2021, 6, 30)) : null,
      createdAt: stamp.at,
    });

    const person: PersonEntry = {
      index,
      id,
      kind: "NAMED",
      name,
      shortName: family,
      handle,
      title,
      rank,
      org,
      category: org.kind,
      countryCode: org.countryCode,
      mergedInto: null,
      deleted: random.chance(0.005),
      ...state,
      aliases,
      roles,
      createdAt: at,
    };
    people.push(person);
    named.push(person);
  }
  return people;
}

function makeSpeakerPools(people: readonly PersonEntry[]): SpeakerPools {
  const byCountry = new Map<string, PersonEntry[]>();
  const international: PersonEntry[] = [];
  const all: PersonEntry[] = [];
  const withHandle: PersonEntry[] = [];
  for (const person of people) {
    // Merged duplicates and deleted people no longer appear in new stories.
    if (person.mergedInto !== null || person.deleted) continue;
    all.push(person);
    if (person.handle !== null) withHandle.push(person);
    if (person.countryCode === null || person.category === "INTERNATIONAL" || person.category === "RESEARCH") {
      international.push(person);
    }
    if (person.countryCode !== null) byCountry.set(person.countryCode, [...(byCountry.get(person.countryCode) ?? []), person]);
  }
  return { byCountry, international, all, withHandle };
}

// ---------------------------------------------------------------- incidents

const TYPE_WEIGHTS: ReadonlyArray<readonly [IncidentType, number]> = [
  ["attack", 22],
  ["explosion", 12],
  ["protest", 18],
  ["riot", 6],
  ["armed_clash", 14],
  ["evacuation", 5],
  ["closure", 6],
  ["arrest", 8],
  ["diplomatic_action", 5],
  ["other", 4],
];

const SUBTYPES: Readonly<Record<IncidentType, readonly string[]>> = {
  attack: ["rocket attack", "mortar attack", "suicide bombing", "drone strike", "roadside bombing", "gun attack", "ambush"],
  explosion: ["car bomb", "roadside bomb", "motorcycle bomb", "suicide vest"],
  protest: ["peaceful protest", "protest with intervention"],
  riot: ["violent demonstration", "mob violence"],
  armed_clash: ["armed clash", "non-state actor overtakes territory"],
  evacuation: ["staff evacuation", "civilian evacuation"],
  closure: ["border closure", "airport closure", "consulate closure", "school closure"],
  arrest: ["mass arrest", "arrest of suspects"],
  diplomatic_action: ["ambassador recalled", "diplomats expelled", "sanctions announced"],
  other: ["fire", "power outage", "cyberattack"],
};

const CLOSED_THINGS: Readonly<Record<string, string>> = {
  "border closure": "the main border crossing",
  "airport closure": "the international airport",
  "consulate closure": "a foreign consulate",
  "school closure": "schools and universities",
};

const EVACUATED: readonly string[] = ["its international staff", "hundreds of families", "foreign aid workers", "its diplomatic staff"];
const ARREST_REASONS: readonly string[] = ["smuggling weapons", "planning attacks", "inciting violence", "kidnapping", "financing armed groups"];

/** A casualty figure skewed towards small numbers, as real tolls are. */
function toll(random: Random, max: number): number {
  return 1 + Math.floor(max * random.next() ** 2.2);
}

function casualties(random: Random, present: number, max: number): Casualties {
  if (!random.chance(present)) return { wording: "unknown", min: null, max: null, written: null };
  const wording = random.weighted<CasualtyWording>([["exact", 35], ["atLeast", 35], ["range", 10], ["dozens", 5], ["moreThan", 7], ["none", 8]]);
  switch (wording) {
    case "exact": {
      const n = toll(random, max);
      return { wording, min: n, max: n, written: n };
    }
    case "atLeast": {
      const n = toll(random, max);
      return { wording, min: n, max: null, written: n };
    }
    case "range": {
      const low = toll(random, max);
      return { wording, min: low, max: low + random.int(2, 12), written: low };
    }
    case "dozens":
      // ACLED's rule: "dozens" counts as 12.
      return { wording, min: 12, max: null, written: null };
    case "moreThan": {
      const written = random.pick([5, 10, 12, 20, 50]);
      return { wording, min: written + 1, max: null, written };
    }
    default:
      return { wording: "none", min: 0, max: 0, written: 0 };
  }
}

/** A short summary of the toll for headlines and summaries ("at least 12"), or null. */
export function tollPhrase(figures: Casualties): string | null {
  switch (figures.wording) {
    case "exact":
      return String(figures.min);
    case "atLeast":
      return `at least ${figures.min}`;
    case "range":
      return `${figures.min} to ${figures.max}`;
    case "dozens":
      return "dozens";
    case "moreThan":
      return figures.written === 12 ? "more than a dozen" : `more than ${figures.written}`;
    default:
      return null;
  }
}

function summaryOf(incident: Omit<IncidentEntry, "summary">): string {
  const where = `${incident.place.withThe ? "the " : ""}${incident.place.name}`;
  const killed = tollPhrase(incident.fatalities);
  const hurt = tollPhrase(incident.injuries);
  switch (incident.type) {
    case "attack":
      return `${capitalize(incident.subType)} on ${incident.target} in ${where}${killed ? ` kills ${killed}` : ""}`;
    case "explosion":
      return `${capitalize(incident.subType)} explodes near ${incident.target} in ${where}${killed ? `, killing ${killed}` : ""}`;
    case "protest":
      return `Protest against ${incident.target} in ${where}${hurt ? `; ${hurt} injured` : ""}`;
    case "riot":
      return `Rioters set fire to ${incident.target} in ${where}${killed ? `; ${killed} dead` : ""}`;
    case "armed_clash":
      return `Clashes between ${incident.actor ? `the ${incident.actor.name}` : "armed groups"} and security forces in ${where}${killed ? ` leave ${killed} dead` : ""}`;
    case "evacuation":
      return `${incident.actor ? incident.actor.name : "Authorities"} evacuate ${incident.target.replace(/^its /, "")} from ${where}`;
    case "closure":
      return `Authorities close ${CLOSED_THINGS[incident.subType] ?? "the border"} in ${where}`;
    case "arrest":
      return `Security forces arrest ${incident.count} people suspected of ${incident.target} in ${where}`;
    case "diplomatic_action":
      return `${incident.actorCountry?.name ?? "A neighbour"} ${incident.subType === "ambassador recalled" ? "recalls its ambassador to" : incident.subType === "diplomats expelled" ? "expels diplomats of" : "announces sanctions on"} ${where}`;
    default:
      return incident.subType === "power outage"
        ? `Power outage across ${where}`
        : incident.subType === "cyberattack"
          ? `Cyberattack disrupts government websites in ${where}`
          : `Fire at ${incident.target} in ${where}${killed ? ` kills ${killed}` : ""}`;
  }
}

interface IncidentContext {
  readonly random: Random;
  readonly clock: IdClock;
  readonly plan: CorpusPlan;
  readonly places: readonly PlaceEntry[];
  readonly countries: ReadonlyMap<string, PlaceEntry>;
  readonly orgs: readonly OrgEntry[];
}

function makeIncidents({ random, clock, plan, places, countries, orgs }: IncidentContext): IncidentEntry[] {
  const local = places.filter((place) => place.kind !== "COUNTRY");
  const localWeights = local.map((place) => [place, place.weight] as const);
  const countryList = [...countries.values()];
  const countryWeights = countryList.map((place) => [place, place.weight] as const);
  const groups = orgs.filter((entry) => entry.kind === "ARMED_GROUP");
  const evacuators = orgs.filter((entry) => entry.kind === "INTERNATIONAL" || entry.kind === "HUMANITARIAN" || entry.name === "U.S. Department of State");
  const incidents: IncidentEntry[] = [];

  for (let index = 0; index < plan.size.incidents; index += 1) {
    const { id, at } = clock.stamp();
    const firstReport = plan.incidentFirstReport[index] as number;

    // A few incidents are duplicates the extractor made of an earlier one reported before this
    // one's first report (the nearest such, within a month). The eleventh incident always is,
    // so that even a small corpus has a merged incident.
    let original: IncidentEntry | null = null;
    if (index === INCIDENT_TYPES.length || (index > INCIDENT_TYPES.length && random.chance(0.03))) {
      let bestGap = index === INCIDENT_TYPES.length ? Number.POSITIVE_INFINITY : 31;
      for (let back = index - 1; back >= Math.max(0, index - 200); back -= 1) {
        const candidate = incidents[back];
        if (!candidate || candidate.mergedInto !== null) continue;
        const gap = firstReport - (plan.incidentFirstReport[back] as number);
        if (gap >= 0 && gap < bestGap) {
          original = candidate;
          bestGap = gap;
        }
      }
    }

    if (original !== null) {
      const duplicate: Omit<IncidentEntry, "summary"> = {
        ...original,
        index,
        id,
        createdAt: at,
        status: "REPORTED",
        origin: "MACHINE",
        confidence: random.float(0.55, 0.85, 2),
        reviewStatus: "ACCEPTED",
        fingerprint: fingerprint(index, original.type, original.place, original.day),
        mergedInto: original,
      };
      incidents.push({ ...duplicate, summary: `${summaryOf(duplicate)} (duplicate report)` });
      continue;
    }

    const type = index < INCIDENT_TYPES.length ? (INCIDENT_TYPES[index] as IncidentType) : random.weighted(TYPE_WEIGHTS);
    const subType = random.pick(SUBTYPES[type]);
    const place = type === "diplomatic_action" ? random.weighted(countryWeights) : random.weighted(localWeights);
    const country = place.countryCode === null ? null : (countries.get(place.countryCode) ?? null);

    let target = random.pick(TARGETS);
    if (type === "protest") target = random.pick(GRIEVANCES);
    if (type === "evacuation") target = random.pick(EVACUATED);
    if (type === "arrest") target = random.pick(ARREST_REASONS);
    if (type === "closure") target = CLOSED_THINGS[subType] ?? "the main border crossing";

    const [fatalities, injuries] = ((): [Casualties, Casualties] => {
      switch (type) {
        case "attack":
        case "explosion":
          return [casualties(random, 0.9, 40), casualties(random, 0.7, 90)];
        case "armed_clash":
          return [casualties(random, 0.85, 60), casualties(random, 0.4, 60)];
        case "riot":
          return [casualties(random, 0.4, 8), casualties(random, 0.6, 60)];
        case "protest":
          return [casualties(random, 0.1, 5), casualties(random, 0.3, 80)];
        case "other":
          return [casualties(random, subType === "fire" ? 0.5 : 0, 12), casualties(random, 0, 1)];
        default:
          return [casualties(random, 0, 1), casualties(random, 0, 1)];
      }
    })();

    let actor: OrgEntry | null = null;
    let actorCountry: PlaceEntry | null = null;
    let attributedTo: string | null = null;
    let blamedBy: string | null = null;
    if ((type === "attack" || type === "explosion" || type === "armed_clash") && groups.length > 0) {
      const nearby = groups.filter((group) => group.countryCode === place.countryCode);
      const group = random.pick(nearby.length > 0 && random.chance(0.8) ? nearby : groups);
      const roll = random.next();
      if (roll < 0.4 || type === "armed_clash") {
        actor = group;
        attributedTo = group.name;
      } else if (roll < 0.65 && country !== null) {
        actor = group;
        actorCountry = country;
        blamedBy = `${country.name} blamed the ${group.name}`;
      }
    }
    if (type === "evacuation" && evacuators.length > 0) actor = random.pick(evacuators);
    if (type === "diplomatic_action") {
      const others = countryList.filter((candidate) => candidate !== place);
      actorCountry = random.weighted(others.map((candidate) => [candidate, candidate.weight] as const));
      attributedTo = actorCountry.name;
    }

    const precision = random.weighted<DatePrecision>([["DAY", 70], ["WEEK", 12], ["MONTH", 6], ["UNKNOWN", 12]]);
    let day: number | null = null;
    let earliest: number | null = null;
    let latest: number | null = null;
    if (precision === "DAY") day = firstReport - random.weighted<number>([[0, 50], [1, 35], [2, 15]]);
    if (precision === "WEEK") ({ first: earliest, last: latest } = previousWeek(firstReport));
    if (precision === "MONTH") ({ first: earliest, last: latest } = previousMonth(firstReport));

    const state = review(random, 0.35, 0.12, 0.03);
    const entry: Omit<IncidentEntry, "summary"> = {
      index,
      id,
      type,
      subType,
      target,
      place,
      actor,
      actorCountry,
      count: random.int(3, 40),
      precision,
      day,
      earliest,
      latest,
      fatalities,
      injuries,
      attributedTo,
      blamedBy,
      status: random.weighted<IncidentEntry["status"]>([["REPORTED", 70], ["CONFIRMED", 25], ["DISPUTED", 5]]),
      ...state,
      fingerprint: state.origin === "MACHINE" ? fingerprint(index, type, place, day) : null,
      mergedInto: null,
      createdAt: at,
    };
    incidents.push({ ...entry, summary: summaryOf(entry) });
  }
  return incidents;
}

/** The stable identity of a machine-made incident (unique: it includes the incident's number). */
function fingerprint(index: number, type: IncidentType, place: PlaceEntry, day: number | null): string {
  const key = `incident|${type}|${place.name}|${place.countryCode ?? ""}|${day === null ? "" : dateOf(day).toISOString().slice(0, 10)}|${index}`;
  return createHash("sha256").update(key, "utf8").digest("hex").slice(0, 40);
}

function makeReporters(random: Random): Map<string, string[]> {
  const reporters = new Map<string, string[]>();
  for (const outlet of OUTLETS) {
    reporters.set(
      outlet.name,
      Array.from({ length: 6 }, () => `${random.pick(GIVEN_NAMES)} ${random.pick(FAMILY_NAMES)}`),
    );
  }
  return reporters;
}

/** Makes the world of the corpus: ids come from `clock`, choices from `random`. */
export function makeWorld(plan: CorpusPlan, random: Random, clock: IdClock): World {
  const users = makeUsers(clock);
  const byRole = (role: Role) => users.filter((user) => user.role === role);
  const orgs = makeOrgs(clock);
  const { places, countries } = makePlaces(clock);
  const cities = places.filter((place) => place.kind === "CITY");
  const citiesByCountry = new Map<string, PlaceEntry[]>();
  for (const city of cities) {
    if (city.countryCode !== null) citiesByCountry.set(city.countryCode, [...(citiesByCountry.get(city.countryCode) ?? []), city]);
  }
  const briefingCities = cities.filter((city) => ["Geneva", "New York", "Brussels", "Washington"].includes(city.name));
  const people = makePeople({ random, clock, orgs, cities, count: plan.size.people });
  const incidents = makeIncidents({ random, clock, plan, places, countries, orgs });
  const reporter = byRole("REPORTER")[0];
  if (reporter === undefined) throw new Error("Corpus: no reporter among the corpus users");
  return {
    users,
    reporter,
    editors: [...byRole("EDITOR"), ...byRole("ADMIN")],
    writers: [...byRole("REPORTER"), ...byRole("EDITOR"), ...byRole("ADMIN")],
    orgs,
    armedGroups: orgs.filter((entry) => entry.kind === "ARMED_GROUP"),
    places,
    countries,
    cities,
    citiesByCountry,
    briefingCities: briefingCities.length > 0 ? briefingCities : cities,
    people,
    speakers: makeSpeakerPools(people),
    incidents,
    reporters: makeReporters(random),
  };
}
