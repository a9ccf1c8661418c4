import DataLoader from "dataloader";
import type { ConnectionPage, Keyset, KeysetWindow, PageArgs } from "./paging.js";

/**
 * Every loader dispatches its batch on the next turn of the event loop rather than at the end of
 * the current tick (DataLoader's default), so loads made from different depths of one response
 * (an annotation's author and a fact-check's reviewer) land in the same batch, and the number of
 * statements of a request does not depend on timing.
 */
export const batchOptions = { batchScheduleFn: (dispatch: () => void) => setImmediate(dispatch) };

/** A by-id DataLoader: one query per batch of ids, answers in the order asked, null for unknown ids. */
export function byIdLoader<Row extends { readonly id: string }>(
  fetch: (ids: string[]) => Promise<readonly Row[]>,
): DataLoader<string, Row | null> {
  return new DataLoader<string, Row | null>(async (ids) => {
    const rows = await fetch([...ids]);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }, batchOptions);
}

/** A DataLoader of all the (few) children of each parent: one query per batch of parents. */
export function childrenLoader<Row>(
  fetch: (parentIds: string[]) => Promise<readonly Row[]>,
  parentOf: (row: Row) => string,
): DataLoader<string, Row[]> {
  return new DataLoader<string, Row[]>(async (parentIds) => {
    const groups = new Map<string, Row[]>();
    for (const row of await fetch([...parentIds])) {
      const parentId = parentOf(row);
      const group = groups.get(parentId);
      if (group) group.push(row);
      else groups.set(parentId, [row]);
    }
    return parentIds.map((id) => groups.get(id) ?? []);
  }, batchOptions);
}

/** A DataLoader of one number per key (counts, sums): one query per batch, 0 for keys it omits. */
export function countLoader(fetch: (keys: string[]) => Promise<ReadonlyMap<string, number>>): DataLoader<string, number> {
  return new DataLoader<string, number>(async (keys) => {
    const counts = await fetch([...keys]);
    return keys.map((key) => counts.get(key) ?? 0);
  }, batchOptions);
}

/** How a nested connection reads its rows: both callbacks issue one SQL statement for all parents. */
export interface RelationSource<Row, Where, OrderBy> {
  readonly keyset: Keyset<Row, Where, OrderBy>;
  readonly defaultSize: number;
  /**
   * The window of rows of every parent, limited per parent in SQL (Prisma's join strategy
   * turns a relation `take` into a LATERAL subquery with LIMIT).
   */
  fetchPages(parentIds: string[], window: KeysetWindow<Where, OrderBy>): Promise<ReadonlyMap<string, readonly Row[]>>;
  /** How many rows each parent has in all. */
  fetchCounts(parentIds: string[]): Promise<ReadonlyMap<string, number>>;
}

/**
 * Per-request loader of a nested connection (an article's quotes, a person's articles): the
 * pages of all parents asked for with the same `first`/`after` come from one statement, and
 * `totalCount` from one more, only when selected.
 */
export class RelationConnectionLoader<Row, Where, OrderBy> {
  private readonly pageLoaders = new Map<string, DataLoader<string, readonly Row[]>>();
  private readonly counts: DataLoader<string, number>;

  constructor(private readonly source: RelationSource<Row, Where, OrderBy>) {
    this.counts = countLoader((parentIds) => source.fetchCounts(parentIds));
  }

  /** The keyset and default page size of this relation, for the read planner's SQL. */
  get keyset(): Keyset<Row, Where, OrderBy> {
    return this.source.keyset;
  }

  get defaultSize(): number {
    return this.source.defaultSize;
  }

  /** The page of `parentId`'s rows for these arguments (BAD_USER_INPUT for bad ones). */
  async load(parentId: string, args: PageArgs): Promise<ConnectionPage<Row>> {
    const window = this.source.keyset.window(args, this.source.defaultSize);
    const rows = await this.pageLoader(window).load(parentId);
    return this.source.keyset.page(rows, window, () => this.counts.load(parentId));
  }

  /**
   * Gives `parentId`'s window of rows for these arguments (up to `first + 1` rows in keyset order,
   * as {@link RelationSource.fetchPages} returns them), read by the read planner, so {@link load}
   * answers from them without a statement of its own.
   */
  prime(parentId: string, args: PageArgs, rows: readonly Row[]): void {
    this.pageLoader(this.source.keyset.window(args, this.source.defaultSize)).prime(parentId, rows);
  }

  private pageLoader(window: KeysetWindow<Where, OrderBy>): DataLoader<string, readonly Row[]> {
    const signature = `${window.size}\u0000${window.after ?? ""}`;
    let loader = this.pageLoaders.get(signature);
    if (!loader) {
      loader = new DataLoader(async (parentIds) => {
        const pages = await this.source.fetchPages([...parentIds], window);
        return parentIds.map((id) => pages.get(id) ?? []);
      }, batchOptions);
      this.pageLoaders.set(signature, loader);
    }
    return loader;
  }

  /** How many rows `parentId` has in all (batched, and shared with the pages' `totalCount`). */
  count(parentId: string): Promise<number> {
    return this.counts.load(parentId);
  }
}
