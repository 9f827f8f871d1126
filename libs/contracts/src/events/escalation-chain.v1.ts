import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { LEVELS, Level } from '../vocabulary';
import { Holder, nested } from './common';
import { MAX_RETURN_ATTACHMENTS } from './department-moves.v1';
import { ChainMove } from './grievance-escalated.v1';

/** grievance.returned.v1: a rung handed the matter back down the chain (退单), with a reason. */
export class GrievanceReturnedV1 extends ChainMove {
  /** How many times this matter has now been returned (the unit's bounce counts come from these events). */
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
] as const;
export type SupervisionCause = (typeof SUPERVISION_CAUSES)[number];

/** grievance.supervised.v1: the matter is now under supervision (督办); auditors are alerted. It is never dropped. */
export class GrievanceSupervisedV1 {
  @ValidateNested()
  @nested(Holder)
  holder!: Holder;

  @IsIn(LEVELS)
  level!: Level;

  @IsIn(SUPERVISION_CAUSES)
  cause!: SupervisionCause;

  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

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
