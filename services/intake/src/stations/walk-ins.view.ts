import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONSENT_METHODS } from '@grievance/contracts';
import { GrievanceSummaryView } from '../grievances/grievance-view.dto';

// The answers of the station's walk-in endpoints, for intake's OpenAPI document.

export class WalkInSummaryView extends GrievanceSummaryView {
  @ApiProperty({ description: 'the worker the grievance belongs to' })
  workerId!: string;

  @ApiProperty({ type: String, nullable: true, description: 'the call-back phone the worker gave, masked (138****5678)' })
  workerPhone!: string | null;

  @ApiProperty({ description: 'the staff member who logged it' })
  staffId!: string;

  @ApiProperty({ enum: CONSENT_METHODS })
  consentMethod!: string;

  @ApiProperty({ format: 'date-time' })
  consentAt!: string;

  @ApiProperty({ format: 'date-time' })
  loggedAt!: string;
}

export class WalkInPageView {
  @ApiProperty()
  stationId!: string;

  @ApiProperty({ description: "the station's name in the directory" })
  stationName!: string;

  @ApiPropertyOptional({ description: 'true once the directory retired the station (its walk-ins stay listed; it logs no new ones)' })
  retired?: boolean;

  @ApiProperty({ type: () => [WalkInSummaryView] })
  items!: WalkInSummaryView[];

  @ApiProperty({ nullable: true, type: String, description: 'pass as `cursor` for the next page; null on the last' })
  nextCursor!: string | null;
}
