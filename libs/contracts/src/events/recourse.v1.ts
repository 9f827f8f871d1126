import { IsInt, IsNotEmpty, IsString, MaxLength, Min, ValidateNested } from 'class-validator';
import { Holder, nested } from './common';

/**
 * grievance.contested.v1: the reporter contested a grid worker's invalid verdict (申请复核), once,
 * with a reason, within the contest window. The grievance, closed on that verdict, is open again:
 * another grid worker checks it on site, and the new verdict stands.
 */
export class GrievanceContestedV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  reporterId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  /** The grid worker whose verdict is contested: the second check never goes back to them. */
  @ValidateNested()
  @nested(Holder)
  verdictBy!: Holder;
}

/**
 * grievance.referred-to-supervision.v1: the reporter was unsatisfied with a hazard's resolution
 * again; instead of going back to the department that resolved it, the grievance goes up to the
 * district's supervising office (督办), which now holds it.
 */
export class GrievanceReferredToSupervisionV1 {
  /** The department whose resolutions the reporter rejected. */
  @ValidateNested()
  @nested(Holder)
  fromHolder!: Holder;

  /** The district's supervising office (a department of the directory). */
  @ValidateNested()
  @nested(Holder)
  toHolder!: Holder;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  districtId!: string;

  /** How many times the reporter has now rated the grievance unsatisfied (2 at the referral). */
  @IsInt()
  @Min(2)
  unsatisfiedRatings!: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}
