/** The clock and timers the engine uses; injected so tests can drive time. */
export interface SlaClock {
  now(): number;
}

export const systemClock: SlaClock = { now: () => Date.now() };

export interface TimerApi {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const nodeTimers: TimerApi = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** setTimeout overflows above 2^31 - 1 ms; longer waits re-arm on the way. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

interface Waiter {
  at: number;
  seq: number;
  resolve: () => void;
}

/**
 * Many waits on one timer: a binary heap of moments, with a single setTimeout armed for
 * the earliest. The alarm clock hands a job here once BullMQ delivers it (a little early,
 * on purpose) so the firing happens at the exact moment, not when the queue gets to it.
 */
export class PreciseTimer {
  private readonly heap: Waiter[] = [];
  private handle: unknown = null;
  private armedFor = Infinity;
  private seq = 0;
  private closed = false;

  constructor(
    private readonly clock: SlaClock = systemClock,
    private readonly timers: TimerApi = nodeTimers,
  ) {}

  get size(): number {
    return this.heap.length;
  }

  /** Resolves once the clock reads `at` or later (at once for a moment already past). */
  wait(at: number): Promise<void> {
    if (this.closed || at <= this.clock.now()) return Promise.resolve();
    return new Promise((resolve) => {
      this.push({ at, seq: this.seq++, resolve });
      this.arm();
    });
  }

  /** Releases every waiter now (shutting down: the callers re-check state anyway). */
  close(): void {
    this.closed = true;
    this.disarm();
    while (this.heap.length) this.pop()!.resolve();
  }

  private arm(): void {
    const first = this.heap[0];
    if (!first) return this.disarm();
    if (first.at >= this.armedFor && this.handle !== null) return;
    this.disarm();
    this.armedFor = first.at;
    this.handle = this.timers.setTimeout(() => this.tick(), Math.min(MAX_TIMEOUT_MS, Math.max(0, first.at - this.clock.now())));
  }

  private disarm(): void {
    if (this.handle !== null) this.timers.clearTimeout(this.handle);
    this.handle = null;
    this.armedFor = Infinity;
  }

  private tick(): void {
    this.handle = null;
    this.armedFor = Infinity;
    const now = this.clock.now();
    while (this.heap.length && this.heap[0]!.at <= now) this.pop()!.resolve();
    this.arm();
  }

  private push(waiter: Waiter): void {
    const heap = this.heap;
    heap.push(waiter);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private pop(): Waiter | undefined {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length && last) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let smallest = i;
        if (l < heap.length && before(heap[l]!, heap[smallest]!)) smallest = l;
        if (r < heap.length && before(heap[r]!, heap[smallest]!)) smallest = r;
        if (smallest === i) break;
        [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
        i = smallest;
      }
    }
    return top;
  }
}

function before(a: Waiter, b: Waiter): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
