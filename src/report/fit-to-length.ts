/** A list in a document that can show fewer items when the document is too long. */
export interface TrimmableList<K extends string> {
  key: K;
  /** Length of each item as rendered, in order; the last items go first. */
  itemLengths: readonly number[];
  /** How many items to show at most, before any trimming. */
  initial: number;
}

export type ShownCounts<K extends string> = Record<K, number>;

/**
 * Shows as many items as fit in `maxLength`: it composes the document, and while it is too long drops
 * items from the end of the lists, in the order given (least important list first), whole items only.
 * Returns the document and the counts it shows, or undefined when even empty lists are too long.
 */
export function fitToLength<K extends string>(
  lists: readonly TrimmableList<K>[],
  compose: (shown: ShownCounts<K>) => string,
  maxLength: number,
): { text: string; shown: ShownCounts<K> } | undefined {
  const shown = Object.fromEntries(
    lists.map((list) => [list.key, Math.min(list.initial, list.itemLengths.length)]),
  ) as ShownCounts<K>;
  let text = compose(shown);
  for (const list of lists) {
    while (text.length > maxLength && shown[list.key] > 0) {
      const excess = text.length - maxLength;
      let freed = 0;
      while (shown[list.key] > 0 && freed < excess) {
        shown[list.key] -= 1;
        freed += (list.itemLengths[shown[list.key]] ?? 0) + 1;
      }
      text = compose(shown);
    }
  }
  return text.length <= maxLength ? { text, shown } : undefined;
}
