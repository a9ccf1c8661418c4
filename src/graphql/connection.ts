import { z } from "zod";
import { badUserInput } from "./errors.js";

/** Largest page any list returns. */
export const MAX_PAGE_SIZE = 100;

/** A page of a connection as resolvers build it; `totalCount` runs only if the field is selected. */
export interface ConnectionPage<T> {
  readonly edges: ReadonlyArray<{ readonly cursor: string; readonly node: T }>;
  readonly pageInfo: {
    readonly hasNextPage: boolean;
    readonly hasPreviousPage: boolean;
    readonly startCursor: string | null;
    readonly endCursor: string | null;
  };
  readonly totalCount: () => Promise<number>;
}

/** Checks a `first` argument: a whole number from 1 to 100, else BAD_USER_INPUT. */
export function pageSize(first: number | null | undefined, fallback: number, argument = "first"): number {
  const value = first ?? fallback;
  if (!Number.isInteger(value) || value < 1 || value > MAX_PAGE_SIZE) {
    throw badUserInput(`${argument} must be between 1 and ${MAX_PAGE_SIZE} (got ${value}).`, argument);
  }
  return value;
}

/**
 * Keyset cursors: the sort key values of the last item seen, so a page boundary stays put when
 * rows are inserted before it (unlike offsets). Opaque to clients (base64url JSON).
 */
export function encodeCursor(keys: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(keys), "utf8").toString("base64url");
}

const cursorKeys = z.array(z.union([z.string().max(200), z.number(), z.null()])).min(1).max(4);

/** Decodes a cursor made by {@link encodeCursor}; anything else is BAD_USER_INPUT. */
export function decodeCursor(cursor: string, argument = "after"): (string | number | null)[] {
  let decoded: unknown;
  try {
    decoded = cursor.length <= 1000 ? JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) : undefined;
  } catch {
    decoded = undefined;
  }
  const parsed = cursorKeys.safeParse(decoded);
  if (!parsed.success) throw badUserInput(`${argument} is not a cursor this list gave out.`, argument);
  return parsed.data;
}

/**
 * Builds a page from rows fetched with `take: size + 1` (the extra row only tells whether
 * more follow).
 */
export function toConnectionPage<T>(
  rows: readonly T[],
  size: number,
  cursorOf: (row: T) => string,
  hasPreviousPage: boolean,
  totalCount: () => Promise<number>,
): ConnectionPage<T> {
  const pageRows = rows.slice(0, size);
  const edges = pageRows.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
