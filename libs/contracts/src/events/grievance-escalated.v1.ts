import { IsBoolean, IsIn, IsNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';
import { LEVELS, Level } from '../vocabulary';
import { Holder, nested } from './common';

/** grievance.escalated.v1: a matter passed up the escalation chain, by hand or by a missed deadline. */
export class GrievanceEscalatedV1 {
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

  /** True when the SLA check escalated it because the lower rung missed its deadline. */
  @IsBoolean()
  automatic!: boolean;
}
