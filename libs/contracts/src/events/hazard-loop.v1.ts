import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { Holder, nested } from './common';

/** ticket.accepted.v1: the grid worker took the ticket (签收). */
export class TicketAcceptedV1 {
  @IsUUID()
  ticketId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  gridWorkerId!: string;
}

/** returned / transferred: another department sent it on (grievance.department-returned.v1, grievance.transferred.v1). */
export const ASSIGNMENT_REASONS = ['verified_on_site', 'assigned_by_rung', 'fallback', 'reopened', 'returned', 'transferred'] as const;
export type AssignmentReason = (typeof ASSIGNMENT_REASONS)[number];

/** grievance.assigned.v1: a department now holds the grievance (派单 to 职能部门). */
export class GrievanceAssignedV1 {
  @ValidateNested()
  @nested(Holder)
  holder!: Holder;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  departmentCode!: string;

  @IsIn(ASSIGNMENT_REASONS)
  reason!: AssignmentReason;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

/** grievance.accepted.v1: the holder accepted the grievance and is working on it (接单). */
export class GrievanceAcceptedV1 {
  @ValidateNested()
  @nested(Holder)
  holder!: Holder;
}

/** grievance.rejected.v1: the grievance was found invalid (e.g. nothing there on site); the reporter is told why. */
export class GrievanceRejectedV1 {
  @ValidateNested()
  @nested(Holder)
  rejectedBy!: Holder;

  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

/**
 * grievance.linked.v1: the grievance is a duplicate of an open one; its reporter follows that one as a co-reporter.
 * Two deciders, one fact: intake's duplicate check at submission (linkedBy: the check; the
 * submission names duplicateOf too, and routing never routes it), and routing when a grid
 * worker finds a routed hazard a duplicate on site (linkedBy: the grid worker).
 */
export class GrievanceLinkedV1 {
  @IsUUID()
  duplicateOf!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  reporterId!: string;

  @ValidateNested()
  @nested(Holder)
  linkedBy!: Holder;
}
