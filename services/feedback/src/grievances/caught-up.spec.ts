import { grievanceCaughtUp } from './caught-up';
import type { GrievanceEntity } from './entities';

describe('grievanceCaughtUp', () => {
  const grievance = (status: string) => ({ grievanceId: 'g-1', status }) as GrievanceEntity;

  it('returns at the first look when feedback already has what the reporter saw', async () => {
    const waits: number[] = [];
    const find = jest.fn(async () => grievance('resolved'));
    await grievanceCaughtUp(find, 'g-1', (g) => g?.status === 'resolved', { wait: async (ms) => void waits.push(ms) });
    expect(find).toHaveBeenCalledTimes(1);
    expect(waits).toEqual([]);
  });

  it('looks again, each time twice as late, until the grievance is ready', async () => {
    const seen = [null, grievance('routed'), grievance('dispatched'), grievance('resolved')];
    const waits: number[] = [];
    const find = jest.fn(async () => seen.shift() ?? null);
    await grievanceCaughtUp(find, 'g-1', (g) => g?.status === 'resolved', { wait: async (ms) => void waits.push(ms) });
    expect(find).toHaveBeenCalledTimes(4);
    expect(waits).toEqual([20, 40, 80]);
  });

  it('gives up once its budget is spent, leaving the refusal to the command', async () => {
    const find = jest.fn(async () => grievance('routed'));
    const started = Date.now();
    await grievanceCaughtUp(find, 'g-1', (g) => g?.status === 'resolved', { budgetMs: 150 });
    const took = Date.now() - started;
    expect(took).toBeGreaterThanOrEqual(150);
    expect(took).toBeLessThan(1000);
    // 20 + 40 + 80 ms, then the 10 ms left of the budget: five looks in all.
    expect(find).toHaveBeenCalledTimes(5);
  });
});
