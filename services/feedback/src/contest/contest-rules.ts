import type { Holder } from '@grievance/contracts';
import type { GrievanceEntity } from '../grievances/entities';

export type ContestRefusal =
  | { reason: 'already-contested'; code: 'conflict'; message: string; details: { contestedAt: string } }
  | { reason: 'not-contestable'; code: 'conflict'; message: string; details: { status: string } }
  | { reason: 'window-passed'; code: 'unprocessable'; message: string; details: { contestBy: string } };

/** What the rule reads of the feedback service's view of a grievance. */
export type ContestedGrievance = Pick<GrievanceEntity, 'kind' | 'status' | 'closeOutcome' | 'rejectedBy' | 'rejectedAt' | 'contestedAt'>;

/**
 * Whether the reporter may contest the verdict that closed their grievance (pure): only a hazard
 * closed because a grid worker found it invalid on site, only once, and only within
 * `windowMs` of the verdict. Undefined: the contest stands; otherwise why not.
 */
export function contestRefusal(grievance: ContestedGrievance, now: Date, windowMs: number): ContestRefusal | undefined {
  if (grievance.contestedAt) {
    return { reason: 'already-contested', code: 'conflict', message: 'the verdict was already contested once; the second check stands', details: { contestedAt: grievance.contestedAt.toISOString() } };
  }
  const verdictBy = grievance.rejectedBy;
  if (grievance.kind !== 'hazard' || grievance.status !== 'closed' || grievance.closeOutcome !== 'rejected' || !verdictBy || verdictBy.type !== 'grid_worker' || !grievance.rejectedAt) {
    return {
      reason: 'not-contestable',
      code: 'conflict',
      message: `only a hazard closed on a grid worker's invalid verdict can be contested; this one is ${grievance.status}`,
      details: { status: grievance.status },
    };
  }
  const contestBy = new Date(grievance.rejectedAt.getTime() + windowMs);
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

/** The grid worker whose verdict a contestable grievance carries. */
export const verdictGiver = (grievance: Pick<GrievanceEntity, 'rejectedBy'>): Holder | null => (grievance.rejectedBy?.type === 'grid_worker' ? grievance.rejectedBy : null);
