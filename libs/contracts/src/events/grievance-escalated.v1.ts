import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { LEVELS, Level } from '../vocabulary';
import { Holder, nested } from './common';

export const ESCALATION_TRIGGERS = ['by_hand', 'deadline_missed', 'arbitration'] as const;
export type EscalationTrigger = (typeof ESCALATION_TRIGGERS)[number];

/** A move of a grievance between two rungs of the escalation chain, with the reason given. */
export class ChainMove {
  @IsIn(LEVELS)
  fromLevel!: Level;

  @IsIn(LEVELS)
  toLevel!: Level;

  @ValidateNested()
  @nested(Holder)
  fromHolder!: Holder;

  @ValidateNested()
  @nested(Holder)
  toHolder!: Holder;

  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

/** grievance.escalated.v1: a grievance passed up the escalation chain, by hand or by a missed deadline. */
export class GrievanceEscalatedV1 extends ChainMove {
  /** True when the SLA check escalated it because the lower rung missed its deadline. */
  @IsBoolean()
  automatic!: boolean;

  /** What moved it: a rung by hand, a missed deadline, or too many returns (arbitration by the 两新工委). */
  @IsOptional()
  @IsIn(ESCALATION_TRIGGERS)
  trigger?: EscalationTrigger;
}
