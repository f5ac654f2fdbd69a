/** A set that forgets its oldest entries past `limit`: in-process dedupe memory that cannot grow forever. */
export class BoundedSet {
  readonly #items = new Set<string>();
  constructor(readonly limit = 10000) {}

  /** Adds `item`; false when it was already there. */
  add(item: string): boolean {
    if (this.#items.has(item)) return false;
    this.#items.add(item);
    if (this.#items.size > this.limit) {
      const [oldest] = this.#items;
      if (oldest !== undefined) this.#items.delete(oldest);
    }
    return true;
  }
}
