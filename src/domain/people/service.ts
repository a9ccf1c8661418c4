import { Prisma, type PrismaClient } from "../../db/index.js";
import { plannedList, type PlannedList } from "../../core/plan.js";
import type { Organization, Person } from "../../generated/prisma/client.js";
import type { PersonKind } from "../../generated/prisma/enums.js";
import type { Actor } from "../../core/actor.js";
import { invalidArgument } from "../../core/failure.js";
import { followMerges } from "../../core/merges.js";
import type { ConnectionPage, PageArgs } from "../../core/paging.js";
import type { PeopleLoaders } from "./loaders.js";
import { organizationNameKeyset, personNameKeyset } from "./keysets.js";
import { listedPeople } from "../visibility/people.js";

const DEFAULT_PAGE_SIZE = 20;
const MAX_NAME_SEARCH_LENGTH = 200;

/** Which people to list (every condition must hold); ids are record ids. */
export interface PersonFilter {
  /** Name, alias or description contains this text (any case). */
  readonly search?: string | null;
  /** People of this organization (by their record or a role). */
  readonly organizationId?: string | null;
  readonly kind?: PersonKind | null;
}

/** Which organizations to list. */
export interface OrganizationFilter {
  /** Name contains this text (any case), or an alias is exactly it. */
  readonly search?: string | null;
}

/** Checks a name search: at most 200 characters and no NUL; blank means no condition. */
export function nameSearch(text: string | null | undefined, argument: string): string | undefined {
  if (text === null || text === undefined) return undefined;
  const trimmed = text.trim();
  if (trimmed.length > MAX_NAME_SEARCH_LENGTH) throw invalidArgument(`${argument} is longer than ${MAX_NAME_SEARCH_LENGTH} characters.`, argument);
  if (trimmed.includes("\u0000")) throw invalidArgument(`${argument} must not contain NUL characters.`, argument);
  return trimmed || undefined;
}

/** A person by id; a merged person answers with the person it was merged into. */
export function resolvePerson(loaders: PeopleLoaders, id: string): Promise<Person | null> {
  return followMerges((personId) => loaders.personById.load(personId), id);
}

/** Lists people and unnamed sources by name, merged records left out (keyset pagination). */
export async function listPeople(
  prisma: PrismaClient,
  viewer: Actor,
  args: PageArgs & { filter?: PersonFilter | null },
): Promise<ConnectionPage<Person>> {
  const window = personNameKeyset.window(args, DEFAULT_PAGE_SIZE);
  const conditions: Prisma.PersonWhereInput[] = [listedPeople(viewer)];
  const search = nameSearch(args.filter?.search, "filter.search");
  if (search) {
    conditions.push({
      OR: [
        { name: { contains: search, mode: "insensitive" } },
        { description: { contains: search, mode: "insensitive" } },
        { aliases: { some: { alias: { contains: search, mode: "insensitive" } } } },
      ],
    });
  }
  const organizationId = args.filter?.organizationId;
  if (organizationId) conditions.push({ OR: [{ organizationId }, { roles: { some: { organizationId } } }] });
  if (args.filter?.kind) conditions.push({ kind: args.filter.kind });
  const where: Prisma.PersonWhereInput = { AND: conditions };
  const rows = await prisma.person.findMany({ where: { AND: [where, window.where] }, orderBy: window.orderBy, take: window.take });
  return personNameKeyset.page(rows, window, () => prisma.person.count({ where }));
}

/** Every organization (organizations have no visibility rule), for answers built in SQL: `organizations` without a filter. */
export const organizationsList: PlannedList = plannedList("Organization", () => Prisma.sql`TRUE`, () => organizationNameKeyset, DEFAULT_PAGE_SIZE);

/** Lists organizations by name (keyset pagination). */
export async function listOrganizations(
  prisma: PrismaClient,
  args: PageArgs & { filter?: OrganizationFilter | null },
): Promise<ConnectionPage<Organization>> {
  const window = organizationNameKeyset.window(args, DEFAULT_PAGE_SIZE);
  const search = nameSearch(args.filter?.search, "filter.search");
  const where: Prisma.OrganizationWhereInput = search
    ? { OR: [{ name: { contains: search, mode: "insensitive" } }, { aliases: { has: search } }] }
    : {};
  const rows = await prisma.organization.findMany({ where: { AND: [where, window.where] }, orderBy: window.orderBy, take: window.take });
  return organizationNameKeyset.page(rows, window, () => prisma.organization.count({ where }));
}
