import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HolderRefSchema } from '../trace/trace.view';
import type { BreachView, SupervisedGrievance } from './breaches';

// The answers of /v1/breaches and /v1/supervision as OpenAPI schemas, so clients get their
// types generated. Each class implements the interface the code returns.

export class BreachViewSchema implements BreachView {
  @ApiProperty({ description: 'The sla.breached.v1 event.' })
  eventId!: string;
  @ApiProperty()
  grievanceId!: string;
  @ApiProperty()
  deadlineId!: string;
  @ApiProperty({ description: 'respond, resolve, accept or verify' })
  target!: string;
  @ApiProperty({ type: HolderRefSchema, description: 'Who held the deadline (people masked for auditors).' })
  holder!: HolderRefSchema;
  @ApiProperty({ type: String, nullable: true })
  level!: string | null;
  @ApiProperty({ format: 'date-time' })
  startedAt!: string;
  @ApiProperty({ format: 'date-time' })
  dueAt!: string;
  @ApiProperty({ format: 'date-time' })
  firedAt!: string;
  @ApiProperty()
  budgetMs!: number;
}

export class BreachesViewSchema {
  @ApiProperty({ type: [BreachViewSchema], description: 'Newest first.' })
  items!: BreachViewSchema[];
}

class SupervisionCauseSchema {
  @ApiProperty()
  eventId!: string;
  @ApiProperty()
  type!: string;
  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;
  @ApiPropertyOptional()
  cause?: string;
  @ApiPropertyOptional()
  target?: string;
  @ApiPropertyOptional({ description: 'The round a grievance.supervised started (1 the first).' })
  round?: number;
  @ApiPropertyOptional({ type: HolderRefSchema, description: 'The supervising unit (督办单位) of that round.' })
  owner?: HolderRefSchema;
  @ApiPropertyOptional({ format: 'date-time', description: "That round's follow-up deadline." })
  followUpDueAt?: string;
}

export class SupervisedGrievanceSchema implements SupervisedGrievance {
  @ApiProperty()
  grievanceId!: string;
  @ApiProperty({ format: 'date-time', description: 'When it first came under supervision (督办).' })
  since!: string;
  @ApiPropertyOptional({ type: HolderRefSchema })
  holder?: HolderRefSchema;
  @ApiPropertyOptional()
  level?: string;
  @ApiPropertyOptional({ type: HolderRefSchema, description: 'The supervising unit (督办单位) that owns the latest round.' })
  owner?: HolderRefSchema;
  @ApiProperty({ description: 'The latest round of supervision (1 the first; each missed follow-up deadline adds one).' })
  round!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: "The latest round's follow-up deadline (null: none named)." })
  followUpDueAt!: string | null;
  @ApiProperty({ type: [SupervisionCauseSchema] })
  causes!: SupervisionCauseSchema[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  closedAt!: string | null;
}

export class SupervisionViewSchema {
  @ApiProperty({ type: [SupervisedGrievanceSchema] })
  items!: SupervisedGrievanceSchema[];
}
