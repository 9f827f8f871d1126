/** The next offset to read of one partition, as kafkajs's `commitOffsets` takes it. */
export interface PartitionOffset {
  topic: string;
  partition: number;
  offset: string;
}

/**
 * Coalesces a consumer's offset commits: the newest offset of each partition is committed
 * at most once per interval, in one request for all partitions, instead of one OffsetCommit
 * request per applied group of messages (each of which the broker appends to
 * `__consumer_offsets`). At ten grievances a second that was most of the broker's requests.
 *
 * Committing later is safe because the inbox makes redelivery harmless: what a crash leaves
 * uncommitted comes again and is recognised as a duplicate, never lost and never applied
 * twice. An interval of 0 commits at once (every group, as before).
 */
export class OffsetCommitter {
  private readonly pending = new Map<string, PartitionOffset>();
  private timer?: NodeJS.Timeout;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly commit: (offsets: PartitionOffset[]) => Promise<void>,
    private readonly intervalMs: number,
    private readonly onError: (error: unknown, offsets: PartitionOffset[]) => void,
  ) {}

  /** Records that everything before `offset` in this partition is applied; commits now or within the interval. */
  async add(offset: PartitionOffset): Promise<void> {
    this.pending.set(`${offset.topic}\u0000${offset.partition}`, offset);
    if (this.intervalMs <= 0) return this.flush();
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.intervalMs);
  }

  /** Commits what is pending now (before a stop or a rebalance). Never throws: a failed commit only means redelivery. */
  flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    // One commit at a time, so an older offset of a partition never lands after a newer one.
    this.inFlight = this.inFlight.then(async () => {
      if (this.pending.size === 0) return;
      const offsets = [...this.pending.values()];
      this.pending.clear();
      try {
        await this.commit(offsets);
      } catch (error) {
        this.onError(error, offsets);
      }
    });
    return this.inFlight;
  }

  /** Forgets what is pending (the consumer is gone: its successor redelivers from the last commit). */
  discard(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }

  /** Partitions with an offset not yet committed (for tests and health). */
  get pendingCount(): number {
    return this.pending.size;
  }
}
