import { mergeInTimeOrder, SameTurnGroup, Turns } from './fetch-transaction';

describe('SameTurnGroup', () => {
  it('runs what joins within one turn as one group, and what joins later as the next', async () => {
    const groups: number[][] = [];
    const group = new SameTurnGroup<number, number>(async (items) => {
      groups.push([...items]);
      return groups.length;
    });
    const first = [group.join(1), group.join(2), group.join(3)];
    expect(await Promise.all(first)).toEqual([1, 1, 1]);
    expect(await group.join(4)).toBe(2);
    expect(groups).toEqual([[1, 2, 3], [4]]);
  });

  it("gives every member the group's failure", async () => {
    const group = new SameTurnGroup<number, void>(async () => {
      throw new Error('database unreachable');
    });
    const results = await Promise.allSettled([group.join(1), group.join(2)]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});

describe('mergeInTimeOrder', () => {
  const at = (e: { at: number }) => e.at;

  it("interleaves the partitions by time and keeps each partition's own order, even where its times go back", () => {
    const a = [{ id: 'a1', at: 10 }, { id: 'a2', at: 5 }, { id: 'a3', at: 30 }];
    const b = [{ id: 'b1', at: 1 }, { id: 'b2', at: 20 }];
    expect(mergeInTimeOrder([a, b], at).map((e) => e.id)).toEqual(['b1', 'a1', 'a2', 'b2', 'a3']);
  });

  it("keeps the partitions' order on a tie and takes empty partitions", () => {
    const merged = mergeInTimeOrder([[], [{ id: 'x', at: 7 }], [{ id: 'y', at: 7 }]], at);
    expect(merged.map((e) => e.id)).toEqual(['x', 'y']);
  });
});

describe('Turns', () => {
  it('runs at most its limit at once, and every task in the end', async () => {
    const turns = new Turns(2);
    let running = 0;
    let most = 0;
    const task = (ms: number) => () =>
      new Promise<number>((resolve) => {
        running += 1;
        most = Math.max(most, running);
        setTimeout(() => {
          running -= 1;
          resolve(ms);
        }, ms);
      });
    const done = await Promise.all([5, 1, 3, 2, 4].map((ms) => turns.run(task(ms))));
    expect(done).toEqual([5, 1, 3, 2, 4]);
    expect(most).toBe(2);
  });

  it('passes the turn on when a task fails', async () => {
    const turns = new Turns(1);
    await expect(turns.run(() => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    await expect(turns.run(async () => 'next')).resolves.toBe('next');
  });
});
