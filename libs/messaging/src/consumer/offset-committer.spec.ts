import { OffsetCommitter, PartitionOffset } from './offset-committer';

describe('OffsetCommitter', () => {
  const at = (partition: number, offset: number): PartitionOffset => ({ topic: 't', partition, offset: String(offset) });

  function committer(intervalMs: number, commit: (offsets: PartitionOffset[]) => Promise<void> = async () => undefined) {
    const commits: PartitionOffset[][] = [];
    const errors: unknown[] = [];
    const subject = new OffsetCommitter(
      async (offsets) => {
        commits.push(offsets);
        await commit(offsets);
      },
      intervalMs,
      (error) => errors.push(error),
    );
    return { subject, commits, errors };
  }

  afterEach(() => jest.useRealTimers());

  it('commits the newest offset of each partition once per interval, all partitions in one request', async () => {
    jest.useFakeTimers();
    const { subject, commits } = committer(100);
    await subject.add(at(0, 5));
    await subject.add(at(1, 3));
    await subject.add(at(0, 9));
    expect(commits).toEqual([]);
    await jest.advanceTimersByTimeAsync(100);
    expect(commits).toEqual([[at(0, 9), at(1, 3)]]);
    await jest.advanceTimersByTimeAsync(1000);
    expect(commits).toHaveLength(1);
  });

  it('with an interval of 0 commits every offset at once', async () => {
    const { subject, commits } = committer(0);
    await subject.add(at(0, 1));
    await subject.add(at(0, 2));
    expect(commits).toEqual([[at(0, 1)], [at(0, 2)]]);
  });

  it('flush commits what is pending now and cancels the timer', async () => {
    jest.useFakeTimers();
    const { subject, commits } = committer(100);
    await subject.add(at(2, 7));
    await subject.flush();
    expect(commits).toEqual([[at(2, 7)]]);
    expect(subject.pendingCount).toBe(0);
    await jest.advanceTimersByTimeAsync(200);
    expect(commits).toHaveLength(1);
  });

  it('a failed commit is reported, not thrown, and the offsets are not retried (the next owner reads them again)', async () => {
    const { subject, commits, errors } = committer(0, async () => {
      throw new Error('REBALANCE_IN_PROGRESS');
    });
    await expect(subject.add(at(0, 4))).resolves.toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(subject.pendingCount).toBe(0);
    expect(commits).toHaveLength(1);
  });

  it('never lets an older offset of a partition land after a newer one', async () => {
    let release!: () => void;
    const first = new Promise<void>((resolve) => (release = resolve));
    const landed: string[] = [];
    const subject = new OffsetCommitter(
      async (offsets) => {
        if (landed.length === 0 && offsets[0]!.offset === '1') await first;
        landed.push(...offsets.map((o) => o.offset));
      },
      0,
      () => undefined,
    );
    const one = subject.add(at(0, 1));
    await new Promise((resolve) => setImmediate(resolve)); // the first commit is under way
    const two = subject.add(at(0, 2));
    release();
    await Promise.all([one, two]);
    expect(landed).toEqual(['1', '2']);
  });

  it('discard forgets what is pending', async () => {
    jest.useFakeTimers();
    const { subject, commits } = committer(100);
    await subject.add(at(0, 1));
    subject.discard();
    await jest.advanceTimersByTimeAsync(200);
    expect(commits).toEqual([]);
  });
});
