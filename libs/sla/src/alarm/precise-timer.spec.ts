import { PreciseTimer, TimerApi } from './precise-timer';

/** A clock and timers driven by hand. */
function fakeTime(start = 1_000_000) {
  let now = start;
  const timers: { at: number; callback: () => void; id: number }[] = [];
  let ids = 0;
  const api: TimerApi = {
    setTimeout: (callback, ms) => {
      const id = ++ids;
      timers.push({ at: now + ms, callback, id });
      return id;
    },
    clearTimeout: (handle) => {
      const i = timers.findIndex((t) => t.id === handle);
      if (i >= 0) timers.splice(i, 1);
    },
  };
  return {
    clock: { now: () => now },
    api,
    pending: () => timers.length,
    /** Moves time forward, running due timers in order. */
    async advance(ms: number) {
      const end = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > end) break;
        timers.shift();
        now = next.at;
        next.callback();
        await Promise.resolve();
      }
      now = end;
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

describe('the precise timer', () => {
  it('releases each waiter at its moment, earliest first, on a single timer', async () => {
    const time = fakeTime();
    const timer = new PreciseTimer(time.clock, time.api);
    const released: string[] = [];
    const t0 = time.clock.now();
    void timer.wait(t0 + 300).then(() => released.push('c'));
    void timer.wait(t0 + 100).then(() => released.push('a'));
    void timer.wait(t0 + 200).then(() => released.push('b'));
    void timer.wait(t0 + 200).then(() => released.push('b2'));
    expect(time.pending()).toBe(1);
    await time.advance(99);
    expect(released).toEqual([]);
    await time.advance(1);
    expect(released).toEqual(['a']);
    await time.advance(100);
    expect(released).toEqual(['a', 'b', 'b2']);
    await time.advance(1000);
    expect(released).toEqual(['a', 'b', 'b2', 'c']);
    expect(timer.size).toBe(0);
    expect(time.pending()).toBe(0);
  });

  it('resolves at once for a moment already past, and re-arms for an earlier newcomer', async () => {
    const time = fakeTime();
    const timer = new PreciseTimer(time.clock, time.api);
    await expect(timer.wait(time.clock.now() - 5)).resolves.toBeUndefined();
    const released: number[] = [];
    void timer.wait(time.clock.now() + 500).then(() => released.push(500));
    void timer.wait(time.clock.now() + 50).then(() => released.push(50));
    await time.advance(60);
    expect(released).toEqual([50]);
  });

  it('releases everyone when closed', async () => {
    const time = fakeTime();
    const timer = new PreciseTimer(time.clock, time.api);
    const waits = [timer.wait(time.clock.now() + 10_000), timer.wait(time.clock.now() + 20_000)];
    timer.close();
    await expect(Promise.all(waits)).resolves.toHaveLength(2);
    expect(time.pending()).toBe(0);
  });

  it('keeps order with many waiters', async () => {
    const time = fakeTime();
    const timer = new PreciseTimer(time.clock, time.api);
    const order: number[] = [];
    const moments = Array.from({ length: 200 }, (_, i) => ((i * 7919) % 200) + 1);
    for (const m of moments) void timer.wait(time.clock.now() + m).then(() => order.push(m));
    await time.advance(1000);
    expect(order).toEqual([...moments].sort((a, b) => a - b));
  });
});
