/**
 * The yardstick: plain BullMQ delayed jobs on the same Redis, the way a service would use
 * them without the SLA engine (one delayed job per deadline, the id as its only data,
 * a worker that does nothing but note when it got the job).
 */
import { randomUUID } from 'node:crypto';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { distribution, Distribution, sleep, uniform } from './stats';

export interface YardstickResult {
  bytesPerJob: number;
  lateness: Distribution;
  burst: { jobs: number; lastMs: number; lateness: Distribution };
}

export async function plainBullmq(
  redisUrl: string,
  options: { memoryJobs: number; probes: number; probeWindowMs: [number, number]; burst: number; burstInMs: number; log: (line: string) => void },
): Promise<YardstickResult> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const prefix = 'yardstick';
  const queue = new Queue('plain.delayed', { connection, prefix });
  await queue.waitUntilReady();
  const used = async () => Number(/used_memory:(\d+)/.exec(await connection.info('memory'))![1]);

  // Memory: id-only delayed jobs far in the future.
  const before = await used();
  for (let i = 0; i < options.memoryJobs; i += 1000) {
    const count = Math.min(1000, options.memoryJobs - i);
    await queue.addBulk(
      Array.from({ length: count }, () => {
        const id = randomUUID();
        return { name: 'breach', data: { id }, opts: { jobId: id, delay: 15 * 86_400_000, removeOnComplete: true } };
      }),
    );
  }
  const bytesPerJob = Math.round(((await used()) - before) / options.memoryJobs);
  await queue.obliterate({ force: true });
  options.log(`  plain BullMQ: ${bytesPerJob} bytes of Redis per delayed job (${options.memoryJobs} jobs)`);

  // Lateness: each job knows when it was meant to run.
  const intended = new Map<string, number>();
  const late = new Map<string, number>();
  const worker = new Worker(
    'plain.delayed',
    async (job) => {
      const wanted = intended.get(job.id!);
      if (wanted !== undefined) late.set(job.id!, Date.now() - wanted);
    },
    { connection, prefix, concurrency: 100 },
  );
  await worker.waitUntilReady();
  const start = Date.now();
  for (let i = 0; i < options.probes; i++) {
    const id = randomUUID();
    const at = start + uniform(options.probeWindowMs[0], options.probeWindowMs[1]);
    intended.set(id, at);
    await queue.add('probe', { id }, { jobId: id, delay: at - Date.now(), removeOnComplete: true });
  }
  await waitFor(() => late.size >= options.probes, start + options.probeWindowMs[1] + 10_000);
  const lateness = distribution([...late.values()]);
  options.log(`  plain BullMQ: probes p50 ${lateness.p50} ms, p99 ${lateness.p99} ms, max ${lateness.max} ms late`);

  // Burst: many jobs due at the same instant.
  intended.clear();
  late.clear();
  const burstAt = Date.now() + options.burstInMs;
  for (let i = 0; i < options.burst; i += 1000) {
    const count = Math.min(1000, options.burst - i);
    const now = Date.now();
    await queue.addBulk(
      Array.from({ length: count }, () => {
        const id = randomUUID();
        intended.set(id, burstAt);
        return { name: 'burst', data: { id }, opts: { jobId: id, delay: burstAt - now, removeOnComplete: true } };
      }),
    );
  }
  await waitFor(() => late.size >= options.burst, burstAt + 60_000);
  const burstLateness = distribution([...late.values()]);
  options.log(`  plain BullMQ: burst of ${options.burst} all run ${burstLateness.max} ms after their moment`);

  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  await connection.quit();
  return { bytesPerJob, lateness, burst: { jobs: options.burst, lastMs: burstLateness.max, lateness: burstLateness } };
}

async function waitFor(condition: () => boolean, until: number): Promise<void> {
  while (!condition()) {
    if (Date.now() > until) throw new Error('the yardstick did not finish in time');
    await sleep(50);
  }
}
