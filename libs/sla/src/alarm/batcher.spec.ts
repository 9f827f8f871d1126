import { MicroBatcher } from './batcher';

describe('the micro-batcher', () => {
  it('gathers requests of one turn into batches of at most maxBatch', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number, string>(
      async (keys) => {
        batches.push(keys);
        return new Map(keys.map((k) => [k, `v${k}`]));
      },
      { maxBatch: 3, parallelism: 2, missing: () => 'missing' },
    );
    const results = await Promise.all([1, 2, 3, 4, 5].map((k) => batcher.request(k)));
    expect(results).toEqual(['v1', 'v2', 'v3', 'v4', 'v5']);
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('retries a failed batch one by one, so only the bad item fails', async () => {
    const batcher = new MicroBatcher<number, number>(
      async (keys) => {
        if (keys.includes(13)) throw new Error('unlucky');
        return new Map(keys.map((k) => [k, k * 2]));
      },
      { maxBatch: 10, parallelism: 1, missing: () => -1 },
    );
    const results = await Promise.allSettled([12, 13, 14].map((k) => batcher.request(k)));
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([24, 'unlucky', 28]);
  });

  it('answers a key the batch did not return with the missing value', async () => {
    const batcher = new MicroBatcher<string, string | null>(async () => new Map(), { maxBatch: 10, parallelism: 1, missing: () => null });
    await expect(batcher.request('gone')).resolves.toBeNull();
  });
});
