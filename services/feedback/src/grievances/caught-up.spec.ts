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
    // The clock stands still: only readiness ends the wait.
    await grievanceCaughtUp(find, 'g-1', (g) => g?.status === 'resolved', { wait: async (ms) => void waits.push(ms), now: () => 0 });
    expect(find).toHaveBeenCalledTimes(4);
    expect(waits).toEqual([20, 40, 80]);
  });

  it('gives up once its budget is spent, leaving the refusal to the command', async () => {
    const find = jest.fn(async () => grievance('routed'));
    // A clock that moves only by the waits: 20 + 40 + 80 ms, then the 10 ms left of the budget.
    let clock = 0;
    const waits: number[] = [];
    const wait = async (ms: number) => {
      waits.push(ms);
      clock += ms;
    };
    await grievanceCaughtUp(find, 'g-1', (g) => g?.status === 'resolved', { budgetMs: 150, wait, now: () => clock });
    expect(waits).toEqual([20, 40, 80, 10]);
    expect(find).toHaveBeenCalledTimes(5);
  });
});
