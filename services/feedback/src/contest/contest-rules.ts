import type { Holder } from '@grievance/contracts';
import type { MatterEntity } from '../matters/entities';

export type ContestRefusal =
  | { reason: 'already-contested'; code: 'conflict'; message: string; details: { contestedAt: string } }
  | { reason: 'not-contestable'; code: 'conflict'; message: string; details: { status: string } }
  | { reason: 'window-passed'; code: 'unprocessable'; message: string; details: { contestBy: string } };

/** What the rule reads of the feedback service's view of a matter. */
export type ContestedMatter = Pick<MatterEntity, 'kind' | 'status' | 'closeOutcome' | 'rejectedBy' | 'rejectedAt' | 'contestedAt'>;

/**
 * Whether the reporter may contest the verdict that closed their matter (pure): only a hazard
 * closed because a grid worker found it invalid on site, only once, and only within
 * `windowMs` of the verdict. Undefined: the contest stands; otherwise why not.
 */
export function contestRefusal(matter: ContestedMatter, now: Date, windowMs: number): ContestRefusal | undefined {
  if (matter.contestedAt) {
    return { reason: 'already-contested', code: 'conflict', message: 'the verdict was already contested once; the second check stands', details: { contestedAt: matter.contestedAt.toISOString() } };
  }
  const verdictBy = matter.rejectedBy;
  if (matter.kind !== 'hazard' || matter.status !== 'closed' || matter.closeOutcome !== 'rejected' || !verdictBy || verdictBy.type !== 'grid_worker' || !matter.rejectedAt) {
    return {
      reason: 'not-contestable',
      code: 'conflict',
      message: `only a hazard closed on a grid worker's invalid verdict can be contested; this one is ${matter.status}`,
      details: { status: matter.status },
    };
  }
  const contestBy = new Date(matter.rejectedAt.getTime() + windowMs);
  if (now.getTime() > contestBy.getTime()) {
    return {
      reason: 'window-passed',
      code: 'unprocessable',
      message: `the verdict could be contested until ${contestBy.toISOString()}; that time has passed`,
      details: { contestBy: contestBy.toISOString() },
    };
  }
  return undefined;
}

/** The grid worker whose verdict a contestable matter carries. */
export const verdictGiver = (matter: Pick<MatterEntity, 'rejectedBy'>): Holder | null => (matter.rejectedBy?.type === 'grid_worker' ? matter.rejectedBy : null);
