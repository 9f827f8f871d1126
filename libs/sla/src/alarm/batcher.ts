/**
 * Gathers requests made in the same turn of the event loop into batches, runs up to
 * `parallelism` batches at a time, and answers each request with its own result. When a
 * batch fails as a whole, its requests are retried one by one, so one bad item fails
 * alone instead of taking its batch with it.
 */
export class MicroBatcher<K, V> {
  private readonly queue: { key: K; resolve: (value: V) => void; reject: (error: unknown) => void }[] = [];
  private running = 0;
  private scheduled = false;

  constructor(
    private readonly run: (keys: K[]) => Promise<Map<K, V>>,
    private readonly options: { maxBatch: number; parallelism: number; missing: (key: K) => V },
  ) {}

  get pending(): number {
    return this.queue.length;
  }

  request(key: K): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      this.queue.push({ key, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.drain();
    });
  }

  private drain(): void {
    while (this.queue.length && this.running < this.options.parallelism) {
      const batch = this.queue.splice(0, this.options.maxBatch);
      this.running++;
      void this.execute(batch).finally(() => {
        this.running--;
        if (this.queue.length) this.schedule();
      });
    }
  }

  private async execute(batch: { key: K; resolve: (value: V) => void; reject: (error: unknown) => void }[]): Promise<void> {
    try {
      const results = await this.run(batch.map((b) => b.key));
      for (const b of batch) b.resolve(results.has(b.key) ? results.get(b.key)! : this.options.missing(b.key));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      for (const b of batch) {
        try {
          const results = await this.run([b.key]);
          b.resolve(results.has(b.key) ? results.get(b.key)! : this.options.missing(b.key));
        } catch (single) {
          b.reject(single);
        }
      }
    }
  }
}
