/**
 * The pieces that let a gathering consumer (EventConsumerOptions.fetchGatherMs) apply all the
 * batches of one fetch in one transaction, so a reader of its state sees a fetch's events all
 * at once or not at all, never a later event without an earlier one of another topic.
 */

/**
 * Runs the items that join within one turn of the event loop as one group. kafkajs hands every
 * batch of a fetch to its workers at once (all of them, when it has a worker per partition), so
 * the batches of one fetch reach `eachBatch` in the same turn, before any of them can await I/O.
 */
export class SameTurnGroup<T, R> {
  private pending?: { items: T[]; result: Promise<R> };

  constructor(private readonly run: (items: readonly T[]) => Promise<R>) {}

  /** Adds `item` to this turn's group; resolves (or rejects) with the group's result once it has run. */
  join(item: T): Promise<R> {
    if (!this.pending) {
      const items: T[] = [];
      const result = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
        // Whatever joins from now on (the next fetch) makes a group of its own.
        this.pending = undefined;
        return this.run(items);
      });
      this.pending = { items, result };
    }
    this.pending.items.push(item);
    return this.pending.result;
  }
}

/**
 * The events of several partitions as one sequence: each partition's in its own order (offset
 * order, which the consumer must keep), the partitions interleaved by when each event happened,
 * so a grievance's events from different topics are applied in the order they occurred.
 */
export function mergeInTimeOrder<E>(partitions: readonly (readonly E[])[], occurredAt: (event: E) => number): E[] {
  const times = partitions.map((events) => events.map(occurredAt));
  const heads = partitions.map(() => 0);
  const merged: E[] = [];
  for (;;) {
    let next = -1;
    for (let p = 0; p < partitions.length; p += 1) {
      if (heads[p]! >= partitions[p]!.length) continue;
      // Strictly earlier only: a tie keeps the partitions' order.
      if (next < 0 || times[p]![heads[p]!]! < times[next]![heads[next]!]!) next = p;
    }
    if (next < 0) return merged;
    merged.push(partitions[next]![heads[next]!]!);
    heads[next]! += 1;
  }
}

/** At most `limit` tasks at a time; the others wait their turn in order. */
export class Turns {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<R>(task: () => Promise<R>): Promise<R> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      // The turn passes straight to the next in line (running stays the same), or is given back.
      if (next) next();
      else this.running -= 1;
    }
  }
}
