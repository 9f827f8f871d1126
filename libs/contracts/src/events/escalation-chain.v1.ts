import { ArrayMaxSize, IsArray, IsIn, IsInt, IsISO8601, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { LEVELS, Level } from '../vocabulary';
import { Holder, nested } from './common';
import { MAX_RETURN_ATTACHMENTS } from './department-moves.v1';
import { ChainMove } from './grievance-escalated.v1';

/** grievance.returned.v1: a rung handed the grievance back down the chain (退单), with a reason. */
export class GrievanceReturnedV1 extends ChainMove {
  /** How many times this grievance has now been returned (the unit's bounce counts come from these events). */
  @IsInt()
  @Min(1)
  bounces!: number;

  /** Evidence the rung gave with the return (ids of stored attachments). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_RETURN_ATTACHMENTS)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

export const SUPERVISION_CAUSES = [
  'deadline_missed', // the 两新工委 missed its own deadline
  'reporter_unsatisfied', // the reporter rejected what the 两新工委 did
  'department_deadline_missed', // a department missed its respond/resolve deadline on a hazard: the district's supervising office supervises
  'follow_up_missed', // the supervising unit missed its follow-up deadline: supervised again, a new round
] as const;
export type SupervisionCause = (typeof SUPERVISION_CAUSES)[number];

/**
 * grievance.supervised.v1: the grievance is now under supervision (督办); auditors are alerted. It is never dropped.
 *
 * One topic for every round: the first supervision is round 1, and each follow-up deadline the
 * supervising unit misses re-issues it with the next round, a fresh follow-up deadline and cause
 * `follow_up_missed`. The fields added with the owner (supervisor, round, followUpDueAt,
 * districtId) are optional, so events written before them still validate: such an event is
 * round 1, with no named supervisor and no follow-up deadline.
 */
export class GrievanceSupervisedV1 {
  /** Who held the grievance (the one supervised): the 两新工委 rung of an appeal, the department of a hazard. */
  @ValidateNested()
  @nested(Holder)
  holder!: Holder;

  /** The rung of the escalation chain (appeals); absent for a hazard, which has no rung. */
  @IsOptional()
  @IsIn(LEVELS)
  level?: Level;

  @IsIn(SUPERVISION_CAUSES)
  cause!: SupervisionCause;

  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  /** The supervising unit (督办单位) that owns the supervision: the 两新工委 of an appeal, the district's supervising office of a hazard. */
  @IsOptional()
  @ValidateNested()
  @nested(Holder)
  supervisor?: Holder;

  /** Which round of supervision this is (1 the first; each missed follow-up adds one). Absent: 1. */
  @IsOptional()
  @IsInt()
  @Min(1)
  round?: number;

  /** When the supervising unit must have followed the grievance up (the `supervision` SLA stage's deadline). */
  @IsOptional()
  @IsISO8601()
  followUpDueAt?: string;

  /** The district whose supervising office supervises (hazards). */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  districtId?: string;
}

/** Which round a grievance.supervised.v1 is (an event without the field is the first). */
export const supervisionRoundOf = (p: Pick<GrievanceSupervisedV1, 'round'>): number => p.round ?? 1;

export const SLA_SETTINGS_KINDS = ['policy', 'calendar'] as const;
export const SLA_SETTINGS_ACTIONS = ['put', 'retire'] as const;

/**
 * sla.policy-changed.v1: an admin changed an SLA policy or calendar. It applies to deadlines
 * started after it. Every service with deadlines applies it to its own copy of the settings.
 * Keyed by SLA_SETTINGS_STREAM_ID (the envelope's grievanceId), so changes keep their order.
 */
export class SlaPolicyChangedV1 {
  @IsIn(SLA_SETTINGS_KINDS)
  kind!: (typeof SLA_SETTINGS_KINDS)[number];

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  id!: string;

  @IsIn(SLA_SETTINGS_ACTIONS)
  action!: (typeof SLA_SETTINGS_ACTIONS)[number];

  @IsInt()
  @Min(1)
  version!: number;

  /** The policy or calendar after the change (absent when retired). */
  @IsOptional()
  @IsObject()
  after?: Record<string, unknown>;

  /** What it was before (absent when it is new). */
  @IsOptional()
  @IsObject()
  before?: Record<string, unknown>;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

/** The fixed "grievance id" that SLA settings changes travel under: one key, one partition, one order. */
export const SLA_SETTINGS_STREAM_ID = '5e771a65-0000-4000-8000-000000000000';
