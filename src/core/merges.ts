/** Merges are kept flat by the merge mutations; a few hops of tolerance guard against a cycle or an old chain. */
const MAX_MERGE_HOPS = 10;

/**
 * Loads a record that may have been merged into another (people, incidents) and follows
 * `mergedIntoId` to the record that survives, so an old id keeps answering. Null when the record
 * (or the one it was merged into) does not exist or is not visible.
 */
export async function followMerges<Row extends { readonly id: string; readonly mergedIntoId: string | null }>(
  load: (id: string) => Promise<Row | null>,
  id: string,
): Promise<Row | null> {
  let row = await load(id);
  const seen = new Set<string>();
  while (row?.mergedIntoId && !seen.has(row.id) && seen.size < MAX_MERGE_HOPS) {
    seen.add(row.id);
    row = await load(row.mergedIntoId);
  }
  return row;
}
