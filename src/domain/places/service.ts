import { Prisma, type PrismaClient } from "../../db/index.js";
import type { Place } from "../../generated/prisma/client.js";
import type { PlaceKind } from "../../generated/prisma/enums.js";
import { invalidArgument } from "../../core/failure.js";
import { Keyset, pageSize, toConnectionPage, type ConnectionPage, type PageArgs } from "../../core/paging.js";
import type { PlaceLoaders } from "./loaders.js";

const DEFAULT_PAGE_SIZE = 20;
/** Longest search text accepted: place names are short, longer text is a mistake or an attack. */
const MAX_SEARCH_LENGTH = 200;
const COUNTRY_CODE = /^[A-Za-z]{2}$/;

/** Which places to list (every condition must hold). */
export interface PlaceFilter {
  /** Name or alias contains this text (any case). */
  readonly search?: string | null;
  /** ISO 3166-1 alpha-2, any case. */
  readonly countryCode?: string | null;
  readonly kind?: PlaceKind | null;
}

/** Places by name, then id: the order of `places`. Only its cursors are used (the page is chosen in SQL, see {@link listPlaces}). */
export const placeKeyset = new Keyset<Place, Prisma.PlaceWhereInput, Prisma.PlaceOrderByWithRelationInput>("places:name:asc", [
  { field: "name", direction: "asc", type: "string", value: (place) => place.name },
  { field: "id", direction: "asc", type: "uuid", value: (place) => place.id },
]);

/** Checks an ISO 3166-1 alpha-2 code (two letters, any case) and returns it upper-cased; anything else is an invalid argument (BAD_USER_INPUT). */
export function countryCode(value: string, argument: string): string {
  if (!COUNTRY_CODE.test(value)) {
    throw invalidArgument(`${argument} must be a two-letter ISO 3166-1 country code (got ${JSON.stringify(value.slice(0, 20))}).`, argument);
  }
  return value.toUpperCase();
}

/** One place by id; null when there is none. */
export function findPlace(loaders: PlaceLoaders, id: string): Promise<Place | null> {
  return loaders.placeById.load(id);
}

/** An ILIKE pattern matching `text` anywhere, with the LIKE wildcards in it taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** The SQL conditions of a place filter over "Place" aliased p (validated first). */
function placeConditions(filter: PlaceFilter | null | undefined): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  const search = filter?.search?.trim();
  if (search) {
    if (search.length > MAX_SEARCH_LENGTH) throw invalidArgument(`filter.search is longer than ${MAX_SEARCH_LENGTH} characters.`, "filter.search");
    if (search.includes("\u0000")) throw invalidArgument("filter.search must not contain NUL characters.", "filter.search");
    const pattern = containsPattern(search);
    conditions.push(
      Prisma.sql`(p."name" ILIKE ${pattern} OR EXISTS (SELECT 1 FROM unnest(p."aliases") AS alias(value) WHERE alias.value ILIKE ${pattern}))`,
    );
  }
  if (filter?.countryCode !== undefined && filter.countryCode !== null) {
    conditions.push(Prisma.sql`p."countryCode" = ${countryCode(filter.countryCode, "filter.countryCode")}`);
  }
  if (filter?.kind) conditions.push(Prisma.sql`p."kind"::text = ${filter.kind}`);
  return conditions;
}

/** The condition "after this cursor" in name-then-id order (BAD_USER_INPUT for a cursor we did not give out). */
function afterCursor(cursor: string): Prisma.Sql {
  const [name, id] = placeKeyset.decode(cursor);
  return Prisma.sql`(p."name", p."id") > (${name}, ${id}::uuid)`;
}

/**
 * Lists places by name, then id, filtered by name or alias (any case), country and kind.
 * Aliases are a text[] column, and Prisma can only match whole array elements, so the page's
 * ids are chosen by one parameterized SQL statement (filter, keyset and LIMIT in SQL) and the
 * rows then come from Prisma: two statements whatever the page size. Primes `placeById`.
 */
export async function listPlaces(
  prisma: PrismaClient,
  loaders: PlaceLoaders,
  args: PageArgs & { filter?: PlaceFilter | null },
): Promise<ConnectionPage<Place>> {
  const size = pageSize(args.first, DEFAULT_PAGE_SIZE);
  const conditions = placeConditions(args.filter);
  const after = args.after ?? null;
  const hasCursor = after !== null;
  const pageConditions = after !== null ? [...conditions, afterCursor(after)] : conditions;
  const where = (list: Prisma.Sql[]) => (list.length > 0 ? Prisma.join(list, " AND ") : Prisma.sql`TRUE`);

  const ids = await prisma.$queryRaw<{ id: string }[]>`
    SELECT p."id"::text AS id FROM "Place" p
    WHERE ${where(pageConditions)}
    ORDER BY p."name" ASC, p."id" ASC
    LIMIT ${size + 1}`;
  const rows = ids.length > 0 ? await prisma.place.findMany({ where: { id: { in: ids.map((row) => row.id) } } }) : [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const ordered = ids.flatMap((row) => byId.get(row.id) ?? []);
  for (const place of ordered) loaders.placeById.prime(place.id, place);

  const totalCount = async () => {
    const [count] = await prisma.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM "Place" p WHERE ${where(conditions)}`;
    return count?.count ?? 0;
  };
  return toConnectionPage(ordered, size, (place) => placeKeyset.cursorOf(place), hasCursor, totalCount);
}
