/**
 * A checker's memory between checks: results of pure functions of a piece of text (a run that may
 * hold a URL, a chunk of X's count), keyed by that text. A composer's consecutive drafts differ by
 * one edit, so most pieces come back unchanged. Bounded: cleared when full, so memory stays small.
 */
export class Memo<V> {
  private readonly values = new Map<string, V>();
  constructor(private readonly limit = 2_000) {}

  get(key: string, compute: () => V): V {
    let value = this.values.get(key);
    if (value === undefined) {
      value = compute();
      if (this.values.size >= this.limit) this.values.clear();
      this.values.set(key, value);
    }
    return value;
  }
}
