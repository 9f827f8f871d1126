import { ApiProperty } from '@nestjs/swagger';
import { ASSESSED_UNITS, AssessedUnit, AssessedUnitRow } from './assessment';
import type { RankedGroup } from './rankings';
import { GROUP_BYS, GroupBy, GroupRates } from './rates';
import type { AssessmentView, RankingsView, RatesView } from './rates.controller';

// The answers of /v1/rates, /v1/rankings and /v1/assessments as OpenAPI schemas, so clients
// get their types generated. Each class implements the interface the code returns.

const RATE = { type: Number, nullable: true, minimum: 0, maximum: 1 } as const;

export class GroupRatesSchema implements GroupRates {
  @ApiProperty({ description: 'The department code, rung, industry, district, branch, committee, grid or grid worker.' })
  group!: string;
  @ApiProperty({ description: 'Grievances it received in the range.' })
  received!: number;
  @ApiProperty({ description: 'Taken up within the deadline.' })
  responded!: number;
  @ApiProperty()
  resolved!: number;
  @ApiProperty()
  rated!: number;
  @ApiProperty({ description: 'Rated satisfied or basically satisfied.' })
  satisfied!: number;
  @ApiProperty({ description: 'Returns, transfers and escalations that sent a grievance away.' })
  bounces!: number;
  @ApiProperty({ description: 'SLA deadlines of its holders that broke in the range.' })
  breaches!: number;
  @ApiProperty({ ...RATE, description: '响应率: responded / received.' })
  responseRate!: number | null;
  @ApiProperty({ ...RATE, description: '办结率: resolved / received.' })
  resolutionRate!: number | null;
  @ApiProperty({ ...RATE, description: '满意率: satisfied / rated.' })
  satisfactionRate!: number | null;
}

export class RatesViewSchema implements RatesView {
  @ApiProperty({ enum: GROUP_BYS })
  groupBy!: GroupBy;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  from!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  to!: string | null;
  @ApiProperty({ type: [GroupRatesSchema] })
  items!: GroupRatesSchema[];
}

export class RankedGroupSchema extends GroupRatesSchema implements RankedGroup {
  @ApiProperty({ description: '1 for the best; groups with the same value share a rank (1, 1, 3).' })
  rank!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The mean of the defined rates.' })
  score!: number | null;
}

export class RankingsViewSchema implements RankingsView {
  @ApiProperty({ example: '2026-11' })
  month!: string;
  @ApiProperty({ enum: GROUP_BYS })
  groupBy!: GroupBy;
  @ApiProperty({ description: 'What ranks: score or one of the rates.' })
  by!: string;
  @ApiProperty({ format: 'date-time' })
  from!: string;
  @ApiProperty({ format: 'date-time' })
  to!: string;
  @ApiProperty({ type: [RankedGroupSchema] })
  items!: RankedGroupSchema[];
}

export class AssessedUnitRowSchema extends GroupRatesSchema implements AssessedUnitRow {
  @ApiProperty({ description: 'The industry committee or branch id.' })
  unit!: string;
  @ApiProperty({ type: Number, nullable: true, description: '0..100; null when it received nothing in the year.' })
  score!: number | null;
  @ApiProperty()
  rank!: number;
}

export class AssessmentViewSchema implements AssessmentView {
  @ApiProperty()
  year!: number;
  @ApiProperty({ enum: ASSESSED_UNITS })
  unit!: AssessedUnit;
  @ApiProperty({ format: 'date-time' })
  from!: string;
  @ApiProperty({ format: 'date-time' })
  to!: string;
  @ApiProperty({ type: [AssessedUnitRowSchema] })
  items!: AssessedUnitRowSchema[];
}
