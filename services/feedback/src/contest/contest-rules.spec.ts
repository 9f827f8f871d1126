import { contestRefusal, ContestedGrievance, verdictGiver } from './contest-rules';

const DAY = 24 * 60 * 60 * 1000;
const WINDOW = 7 * DAY;
const VERDICT_AT = new Date('2026-12-01T08:00:00Z');
const GRID_WORKER = { type: 'grid_worker' as const, id: 'gw-1', name: 'Grid worker 1' };

const closedOnVerdict: ContestedGrievance = {
  kind: 'hazard',
  status: 'closed',
  closeOutcome: 'rejected',
  rejectedBy: GRID_WORKER,
  rejectedAt: VERDICT_AT,
  contestedAt: null,
};
const after = (ms: number) => new Date(VERDICT_AT.getTime() + ms);

describe('contesting an invalid verdict', () => {
  it('lets the reporter contest a hazard closed on a grid worker’s invalid verdict within the window', () => {
    expect(contestRefusal(closedOnVerdict, after(DAY), WINDOW)).toBeUndefined();
    expect(contestRefusal(closedOnVerdict, after(WINDOW), WINDOW)).toBeUndefined();
    expect(verdictGiver(closedOnVerdict)).toEqual(GRID_WORKER);
  });

  it('refuses once the window has passed, saying until when it was open (422)', () => {
    expect(contestRefusal(closedOnVerdict, after(WINDOW + 1), WINDOW)).toEqual({
      reason: 'window-passed',
      code: 'unprocessable',
      message: 'the verdict could be contested until 2026-12-08T08:00:00.000Z; that time has passed',
      details: { contestBy: '2026-12-08T08:00:00.000Z' },
    });
  });

  it('refuses a second contest, whatever became of the first (409)', () => {
    const contestedAt = after(DAY);
    for (const status of ['routed', 'dispatched', 'in_progress', 'closed'] as const) {
      expect(contestRefusal({ ...closedOnVerdict, status, contestedAt }, after(2 * DAY), WINDOW)).toMatchObject({
        code: 'conflict',
        message: 'the verdict was already contested once; the second check stands',
      });
    }
  });

  it('refuses what no grid worker found invalid: a resolved close, an open grievance, an appeal, a rejection by someone else (409)', () => {
    const refused = [
      { ...closedOnVerdict, closeOutcome: 'resolved' },
      { ...closedOnVerdict, closeOutcome: 'duplicate' },
      { ...closedOnVerdict, status: 'rejected' as const, closeOutcome: null },
      { ...closedOnVerdict, status: 'in_progress' as const, closeOutcome: null },
      { ...closedOnVerdict, kind: 'appeal' as const },
      { ...closedOnVerdict, rejectedBy: { type: 'department' as const, id: 'municipal_works', name: 'Municipal works' } },
      { ...closedOnVerdict, rejectedBy: null, rejectedAt: null },
    ];
    for (const grievance of refused) expect(contestRefusal(grievance, after(DAY), WINDOW)?.code).toBe('conflict');
    expect(contestRefusal({ ...closedOnVerdict, status: 'in_progress', closeOutcome: null }, after(DAY), WINDOW)?.message).toBe(
      "only a hazard closed on a grid worker's invalid verdict can be contested; this one is in_progress",
    );
  });
});
