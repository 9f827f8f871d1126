import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsNotEmpty, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { Holder, nested } from './common';

/** How many evidence attachments a department may give with a return. */
export const MAX_RETURN_ATTACHMENTS = 5;

/** A hazard moved from one department to another, with the reason given; each move is a bounce. */
export class DepartmentMove {
  @ValidateNested()
  @nested(Holder)
  fromHolder!: Holder;

  @ValidateNested()
  @nested(Holder)
  toHolder!: Holder;

  /** The department that holds the grievance now. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  departmentCode!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  /** How many times this grievance has now bounced (returns and transfers, by departments or rungs). */
  @IsInt()
  @Min(1)
  bounces!: number;

  /** True when the bounce limit (CHAIN_MAX_RETURNS) was passed and the district's fallback owner (兜底) took it to arbitrate. */
  @IsBoolean()
  arbitration!: boolean;
}

/**
 * grievance.department-returned.v1: a department returned a hazard that is not its own
 * (退单), with a reason and evidence; routing re-routed it. Not grievance.returned.v1: that
 * one is a move down the escalation chain and its consumers read the rungs it requires.
 */
export class GrievanceDepartmentReturnedV1 extends DepartmentMove {
  @IsArray()
  @ArrayMaxSize(MAX_RETURN_ATTACHMENTS)
  @IsUUID('all', { each: true })
  attachmentIds!: string[];
}

/** grievance.transferred.v1: a department handed a hazard to the department it names (转办), with a reason. */
export class GrievanceTransferredV1 extends DepartmentMove {}
