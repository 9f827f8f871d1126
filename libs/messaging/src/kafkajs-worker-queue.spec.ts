/**
 * kafkajs 2.2.4 hands each fetch's batches to its workers by starting every worker of the
 * consumer, idle or not, busy or not; a gathering consumer here has a worker per partition
 * (1 024, `EVERY_PARTITION_AT_ONCE`), so each fetch made a thousand async calls that found
 * nothing to take. patches/kafkajs+2.2.4.patch starts as many idle workers as there are
 * batches; this checks it is applied, and that every batch is still handled, all of a fetch's
 * at once.
 */
interface WorkerLike {
  run(args: { next: () => unknown }): Promise<void>;
  isIdle?: () => boolean;
}
type Handler = (batch: string, meta: { workerId: number }) => Promise<void>;
const createWorker = require('kafkajs/src/consumer/worker') as (options: { handler: Handler; workerId: number }) => WorkerLike;
const createWorkerQueue = require('kafkajs/src/consumer/workerQueue') as (options: { workers: WorkerLike[] }) => { push(...batches: string[]): Promise<void> };

/** A consumer's workers, each counting the times it was started. */
function workers(count: number, handler: Handler): { all: WorkerLike[]; started: () => number } {
  let started = 0;
  const all = Array.from({ length: count }, (_, workerId) => {
    const worker = createWorker({ handler, workerId });
    const run = worker.run;
    worker.run = (args) => {
      started++;
      return run(args);
    };
    return worker;
  });
  return { all, started: () => started };
}

describe('kafkajs worker queue (with the patch)', () => {
  it('starts as many workers as a fetch has batches, not every worker of the consumer', async () => {
    const handled: string[] = [];
    const pool = workers(1024, async (batch) => void handled.push(batch));
    const queue = createWorkerQueue({ workers: pool.all });
    await queue.push('audit|0', 'audit|3');
    expect(handled.sort()).toEqual(['audit|0', 'audit|3']);
    expect(pool.started()).toBe(2);
    await queue.push('audit|5');
    expect(pool.started()).toBe(3);
  });

  it('hands every batch of a fetch to a worker of its own in the same turn, so they run together', async () => {
    const waiting: (() => void)[] = [];
    const running = new Set<number>();
    let mostAtOnce = 0;
    const pool = workers(8, (_batch, { workerId }) => {
      running.add(workerId);
      mostAtOnce = Math.max(mostAtOnce, running.size);
      return new Promise<void>((resolve) =>
        waiting.push(() => {
          running.delete(workerId);
          resolve();
        }),
      );
    });
    const pushed = createWorkerQueue({ workers: pool.all }).push('a|0', 'a|1', 'a|2');
    expect(mostAtOnce).toBe(3);
    for (const release of waiting.splice(0)) release();
    await pushed;
  });

  it('still handles every batch when there are more batches than workers', async () => {
    const handled: string[] = [];
    const pool = workers(2, async (batch) => {
      await new Promise((resolve) => setImmediate(resolve));
      handled.push(batch);
    });
    await createWorkerQueue({ workers: pool.all }).push('t|0', 't|1', 't|2', 't|3', 't|4');
    expect(handled.sort()).toEqual(['t|0', 't|1', 't|2', 't|3', 't|4']);
  });

  it('passes a failed batch on to the fetch, after the others of the fetch were handled', async () => {
    const handled: string[] = [];
    const pool = workers(4, async (batch) => {
      if (batch === 't|1') throw new Error('the transaction failed');
      handled.push(batch);
    });
    await expect(createWorkerQueue({ workers: pool.all }).push('t|0', 't|1', 't|2')).rejects.toThrow('the transaction failed');
    expect(handled.sort()).toEqual(['t|0', 't|2']);
  });
});
