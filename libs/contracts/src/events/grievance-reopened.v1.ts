import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { LEVELS, Level } from '../vocabulary';
import { Holder, nested } from './common';

/** grievance.reopened.v1: an unsatisfied rating sent the grievance back to work. */
export class GrievanceReopenedV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  @ValidateNested()
  @nested(Holder)
  reopenedTo!: Holder;

  @IsOptional()
  @IsIn(LEVELS)
  level?: Level;
}
