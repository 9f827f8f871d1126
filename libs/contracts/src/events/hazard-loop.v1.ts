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
 * One producer, routing, for two findings: intake's duplicate check at submission (the
 * submission names duplicateOf; routing links it instead of routing it, linkedBy:
 * DUPLICATE_CHECK_HOLDER), and a grid worker who finds a routed hazard a duplicate on site
 * (linkedBy: the grid worker).
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

/** Who links a duplicate intake's duplicate check found at submission (grievance.linked.v1's linkedBy). */
export const DUPLICATE_CHECK_HOLDER: Readonly<Holder> = { type: 'org_unit', id: 'intake', name: 'duplicate check' };

/** Whether a link is the duplicate check's (found at submission), not a grid worker's on site. */
export const linkedByDuplicateCheck = (linked: Pick<GrievanceLinkedV1, 'linkedBy'>): boolean =>
  linked.linkedBy.type === DUPLICATE_CHECK_HOLDER.type && linked.linkedBy.id === DUPLICATE_CHECK_HOLDER.id;
