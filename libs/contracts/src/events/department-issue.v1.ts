import { IsISO8601, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { GrievanceSummary } from './grievance-summary';

/**
 * department.<code>.issues.v1: a grievance routed to a department, self-contained so that a
 * department's own systems can act on it with any Kafka client.
 */
export class DepartmentIssueV1 extends GrievanceSummary {
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  departmentCode!: string;

  @IsISO8601()
  routedAt!: string;
}
