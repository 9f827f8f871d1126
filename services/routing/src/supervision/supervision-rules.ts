import type { GrievanceKind, Holder, Level, SlaTarget } from '@grievance/contracts';
import { GrievanceStatus, WORKED_STATUSES } from '../grievances/grievance.entity';

/** The SLA stage of a supervision's follow-up deadline (policies match `stage: supervision`). */
export const SUPERVISION_STAGE = 'supervision';
/** The subject of the follow-up deadline within the grievance: beside the holder's own (`grievance`), never in its way. */
export const SUPERVISION_SUBJECT = 'supervision';
/** The supervising unit owes a follow-up: the policy's `resolve` budget at the `supervision` stage. */
export const FOLLOW_UP_TARGET: SlaTarget = 'resolve';

/** A breach as the supervision rules read it: which deadline, and the grievance it is on. */
export interface BreachFacts {
  subject: string;
  target: SlaTarget;
  holder: Pick<Holder, 'type' | 'id'>;
  level: Level | null;
  grievance: {
    kind: GrievanceKind;
    status: GrievanceStatus;
    departmentCode: string | null;
    districtId: string | null;
    underSupervision: boolean;
    supervisionRound: number;
  };
  /** Whether the supervision's follow-up deadline is still open (it closes when the grievance is resolved, closed or rejected). */
  followUpOpen: boolean;
  /** The department code of the grievance's district's supervising office (督查督办室), if it has one. */
  supervisingOffice: string | null;
  /** SUPERVISION_MAX_ROUNDS. */
  maxRounds: number;
}

/** What a breach means for supervision (督办). */
export type SupervisionStep =
  /** Not a supervision grievance (a rung's breach: the chain's; another subject's). */
  | { kind: 'none' }
  /** The supervising unit missed its follow-up: supervised again, this round, with a fresh deadline. */
  | { kind: 'follow_up'; round: number }
  /** The last round's follow-up was missed: the breach is the record; logged. */
  | { kind: 'rounds_exhausted'; round: number }
  /** A department missed its deadline on a hazard: the district's supervising office supervises it, in this round. */
  | { kind: 'supervise'; officeCode: string; districtId: string; round: number }
  /** A department missed its deadline on a hazard, but nobody can supervise it: recorded and logged. */
  | { kind: 'no_office'; why: 'no_district' | 'no_office' | 'office_is_holder' }
  /** A department missed another deadline on a hazard already under supervision: the running follow-up covers it. */
  | { kind: 'already_supervised'; round: number };

const HOLDER_TARGETS: readonly SlaTarget[] = ['respond', 'resolve'];

/**
 * The supervision rule of a breach (pure). A follow-up deadline missed supervises the grievance
 * again (the next round) up to `maxRounds`; a department's respond/resolve deadline missed on a
 * hazard it still holds puts the grievance under its district's supervising office (round 1).
 */
export function supervisionStep(f: BreachFacts): SupervisionStep {
  const worked = WORKED_STATUSES.includes(f.grievance.status);
  if (f.subject === SUPERVISION_SUBJECT) {
    if (!worked || !f.grievance.underSupervision) return { kind: 'none' };
    const round = Math.max(1, f.grievance.supervisionRound) + 1;
    return round > f.maxRounds ? { kind: 'rounds_exhausted', round: round - 1 } : { kind: 'follow_up', round };
  }
  const departmentBreach =
    f.subject === 'grievance' && f.level === null && f.holder.type === 'department' && HOLDER_TARGETS.includes(f.target) && f.grievance.kind === 'hazard';
  // Only the department that holds the grievance now is supervised for it.
  if (!departmentBreach || !worked || f.grievance.departmentCode !== f.holder.id) return { kind: 'none' };
  const renewed = supervisionRenewal(f.grievance, f.followUpOpen, f.maxRounds);
  if (renewed.kind === 'running') return { kind: 'already_supervised', round: f.grievance.supervisionRound };
  if (renewed.kind === 'exhausted') return { kind: 'rounds_exhausted', round: renewed.round };
  if (!f.grievance.districtId) return { kind: 'no_office', why: 'no_district' };
  if (!f.supervisingOffice) return { kind: 'no_office', why: 'no_office' };
  if (f.supervisingOffice === f.holder.id) return { kind: 'no_office', why: 'office_is_holder' };
  return { kind: 'supervise', officeCode: f.supervisingOffice, districtId: f.grievance.districtId, round: renewed.round };
}

/** What a new cause for supervision does to a grievance's supervision. */
export type Renewal =
  /** Under supervision in this round, with a new follow-up deadline (1: the first time). */
  | { kind: 'supervise'; round: number }
  /** A follow-up deadline runs: it covers the new cause. */
  | { kind: 'running' }
  /** The last round is over: nothing more. */
  | { kind: 'exhausted'; round: number };

/**
 * A new cause for supervision (pure): the first makes round 1; while a follow-up deadline runs
 * it covers the new cause; once the last round's follow-up closed (the grievance was resolved, then
 * came back: reopened, rated unsatisfied) the next cause opens the next round, up to `maxRounds`.
 */
export function supervisionRenewal(grievance: { supervisionRound: number }, followUpOpen: boolean, maxRounds: number): Renewal {
  // Round 0: never supervised in rounds (a hazard referred to its supervising office is under
  // supervision as its holder, not as the owner of a round).
  if (grievance.supervisionRound === 0 && !followUpOpen) return { kind: 'supervise', round: 1 };
  if (followUpOpen) return { kind: 'running' };
  const round = grievance.supervisionRound + 1;
  return round > maxRounds ? { kind: 'exhausted', round: grievance.supervisionRound } : { kind: 'supervise', round };
}
