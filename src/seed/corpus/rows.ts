import { Prisma } from "../../db/index.js";
import { dateOf } from "./dates.js";
import type { IdClock } from "./ids.js";
import type { World } from "./world.js";

// The world as rows for createMany. Organizations and places already in the database (the
// example story brings some: Basra, Iraq, the State Department) are not inserted again: the
// world takes over their ids, so the corpus points at them and the unique keys hold.

/** The world's rows, table by table, in an order that satisfies every foreign key. */
export interface WorldRows {
  readonly users: Prisma.UserCreateManyInput[];
  readonly organizations: Prisma.OrganizationCreateManyInput[];
  readonly places: Prisma.PlaceCreateManyInput[];
  readonly people: Prisma.PersonCreateManyInput[];
  readonly personAliases: Prisma.PersonAliasCreateManyInput[];
  readonly personRoles: Prisma.PersonRoleCreateManyInput[];
  readonly incidents: Prisma.IncidentCreateManyInput[];
  readonly auditEvents: Prisma.AuditEventCreateManyInput[];
  /** Organizations and places the database already had, used instead of inserted. */
  readonly reused: { readonly organizations: number; readonly places: number };
}

/** Ids of organizations (by name) and places (by name and country code) the database already has. */
export interface ExistingRows {
  readonly organizations: ReadonlyMap<string, string>;
  readonly places: ReadonlyMap<string, string>;
}

/** The key of a place's unique index (name, countryCode). */
export function placeKey(name: string, countryCode: string | null): string {
  return `${name}\u0000${countryCode ?? ""}`;
}

/**
 * Points the world at rows the database already has, then makes the rows to insert. `clock`
 * stamps the audit events of merges, which happen after everything else in the world.
 */
export function worldRows(world: World, existing: ExistingRows, clock: IdClock): WorldRows {
  const organizations: Prisma.OrganizationCreateManyInput[] = [];
  for (const org of world.orgs) {
    const id = existing.organizations.get(org.name);
    if (id !== undefined) {
      org.id = id;
      continue;
    }
    organizations.push({ id: org.id, name: org.name, aliases: [...org.aliases], origin: "EDITOR", createdAt: org.createdAt, updatedAt: org.createdAt });
  }

  const places: Prisma.PlaceCreateManyInput[] = [];
  for (const place of world.places) {
    const id = existing.places.get(placeKey(place.name, place.countryCode));
    if (id !== undefined) {
      place.id = id;
      continue;
    }
    places.push({
      id: place.id,
      name: place.name,
      aliases: [...place.aliases],
      kind: place.kind,
      countryCode: place.countryCode,
      country: place.country?.name ?? null,
      admin1: null,
      latitude: place.latitude,
      longitude: place.longitude,
      origin: "EDITOR",
      createdAt: place.createdAt,
      updatedAt: place.createdAt,
    });
  }

  const people: Prisma.PersonCreateManyInput[] = [];
  const personAliases: Prisma.PersonAliasCreateManyInput[] = [];
  const personRoles: Prisma.PersonRoleCreateManyInput[] = [];
  for (const person of world.people) {
    people.push({
      id: person.id,
      kind: person.kind,
      name: person.name,
      description: person.kind === "ANONYMOUS" ? person.name : null,
      organizationId: person.org?.id ?? null,
      origin: person.origin,
      confidence: person.confidence,
      reviewStatus: person.reviewStatus,
      mergedIntoId: person.mergedInto?.id ?? null,
      version: person.mergedInto !== null ? 2 : 1,
      createdAt: person.createdAt,
      updatedAt: person.createdAt,
      deletedAt: person.deleted ? new Date(person.createdAt.getTime() + 86_400_000) : null,
    });
    for (const alias of person.aliases) {
      personAliases.push({ id: alias.id, personId: person.id, alias: alias.alias, kind: alias.kind, createdAt: alias.createdAt });
    }
    for (const role of person.roles) {
      personRoles.push({
        id: role.id,
        personId: person.id,
        title: role.title,
        organizationId: role.org?.id ?? null,
        startDate: role.startDay === null ? null : dateOf(role.startDay),
        endDate: role.endDay === null ? null : dateOf(role.endDay),
        createdAt: role.createdAt,
      });
    }
  }

  const incidents: Prisma.IncidentCreateManyInput[] = world.incidents.map((incident) => ({
    id: incident.id,
    type: incident.type,
    subType: incident.subType,
    summary: incident.summary,
    date: incident.day === null ? null : dateOf(incident.day),
    datePrecision: incident.precision,
    dateEarliest: incident.earliest === null ? null : dateOf(incident.earliest),
    dateLatest: incident.latest === null ? null : dateOf(incident.latest),
    placeId: incident.place.id,
    fatalitiesMin: incident.fatalities.min,
    fatalitiesMax: incident.fatalities.max,
    injuriesMin: incident.injuries.min,
    injuriesMax: incident.injuries.max,
    attributedTo: incident.attributedTo,
    blamedBy: incident.blamedBy,
    status: incident.status,
    origin: incident.origin,
    confidence: incident.confidence,
    reviewStatus: incident.reviewStatus,
    fingerprint: incident.fingerprint,
    mergedIntoId: incident.mergedInto?.id ?? null,
    version: incident.mergedInto !== null ? 2 : 1,
    createdAt: incident.createdAt,
    updatedAt: incident.createdAt,
  }));

  // Merges are the world's own audit trail: an editor folded each duplicate into its original.
  const admin = world.editors[world.editors.length - 1] ?? world.reporter;
  const auditEvents: Prisma.AuditEventCreateManyInput[] = [];
  for (const person of world.people) {
    if (person.mergedInto === null) continue;
    auditEvents.push({
      actorId: admin.id,
      action: "person.merge",
      targetType: "Person",
      targetId: person.id,
      before: { mergedIntoId: null },
      after: { mergedIntoId: person.mergedInto.id },
      requestId: null,
      createdAt: clock.tick(),
    });
  }
  for (const incident of world.incidents) {
    if (incident.mergedInto === null) continue;
    auditEvents.push({
      actorId: admin.id,
      action: "incident.merge",
      targetType: "Incident",
      targetId: incident.id,
      before: { mergedIntoId: null },
      after: { mergedIntoId: incident.mergedInto.id },
      requestId: null,
      createdAt: clock.tick(),
    });
  }

  const users: Prisma.UserCreateManyInput[] = world.users.map((user) => ({
    id: user.id,
    name: user.name,
    email: `${user.name}@copydesk.invalid`,
    role: user.role,
    createdAt: user.createdAt,
  }));

  const reused = { organizations: world.orgs.length - organizations.length, places: world.places.length - places.length };
  return { users, organizations, places, people, personAliases, personRoles, incidents, auditEvents, reused };
}
