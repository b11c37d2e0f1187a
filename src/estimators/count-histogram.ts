/**
 * The distinct answer counts of a block of groups, and how many groups had each: a hash table of
 * non-negative int32 keys (a group's counts per answer, packed) with their number of correct
 * answers `K`, in the order each key was first met. A group's update is a function of its counts
 * when its scheme's weights depend on `K` alone (`Scheme.orderFree`), so a block's updates are
 * those of its distinct counts, each repeated (docs/theory.md §6): the loop adds each distinct
 * update once, weighted by its groups, instead of once per group.
 *
 * Open addressing with linear probing in a power-of-two table at most half full. Hand-written:
 * a `Map` boxes its entries and keeps no order that a reset of a block could reuse cheaply.
 */
export class CountHistogram {
  /** Each slot's key, or -1 for an empty slot. */
  readonly keys: Int32Array;
  /** Each used slot's number of groups. */
  readonly times: Int32Array;
  /** Each used slot's `K`. */
  readonly correct: Int32Array;
  /** The used slots, in the order their keys were first met; {@link size} of them. */
  readonly order: Int32Array;
  /** Distinct keys since the last {@link clear}. */
  size = 0;
  private readonly mask: number;
  private readonly shift: number;

  /** @param capacity the most distinct keys between two {@link clear}s (the groups of a block) */
  constructor(readonly capacity: number) {
    let bits = 1;
    while (2 ** bits < 2 * capacity) bits++;
    this.keys = new Int32Array(2 ** bits).fill(-1);
    this.times = new Int32Array(2 ** bits);
    this.correct = new Int32Array(2 ** bits);
    this.order = new Int32Array(capacity);
    this.mask = 2 ** bits - 1;
    this.shift = 32 - bits;
  }

  /** Counts one group whose key is `key` (`>= 0`) and whose number of correct answers is `K`. */
  add(key: number, K: number): void {
    const { keys } = this;
    // Fibonacci hashing: the packed counts differ in their low fields, which the product spreads.
    let slot = Math.imul(key, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const found = keys[slot]!;
      if (found === key) {
        this.times[slot] = (this.times[slot]! + 1) | 0;
        return;
      }
      if (found === -1) break;
      slot = (slot + 1) & this.mask;
    }
    if (this.size === this.capacity) {
      throw new RangeError(`CountHistogram: more than ${this.capacity} distinct keys`);
    }
    keys[slot] = key;
    this.times[slot] = 1;
    this.correct[slot] = K;
    this.order[this.size++] = slot;
  }

  /** Empties the table, in time proportional to its distinct keys. */
  clear(): void {
    for (let i = 0; i < this.size; i++) this.keys[this.order[i]!] = -1;
    this.size = 0;
  }
}
