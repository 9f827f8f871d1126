import { ApiProperty } from '@nestjs/swagger';
import { GRIEVANCE_STATUSES, GrievanceStatus } from '@grievance/contracts';
import { HolderRefSchema } from '../trace/trace.view';
import type { GrievanceRow } from './grievance-row';
import type { GrievancesView } from './search-grievances.use-case';

// The answer of /v1/matters as an OpenAPI schema, so clients get its types generated.

export class GrievanceRowSchema implements GrievanceRow {
  @ApiProperty()
  grievanceId!: string;
  @ApiProperty({ type: String, nullable: true, example: 'NC-20261203-000042' })
  trackingNo!: string | null;
  @ApiProperty({ type: String, nullable: true })
  kind!: string | null;
  @ApiProperty({ type: String, nullable: true })
  category!: string | null;
  @ApiProperty({ enum: GRIEVANCE_STATUSES })
  status!: GrievanceStatus;
  @ApiProperty({ type: String, nullable: true })
  level!: string | null;
  @ApiProperty({ type: HolderRefSchema, nullable: true })
  holder!: HolderRefSchema | null;
  @ApiProperty({ type: String, nullable: true })
  districtId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The department that holds, or last held, the grievance.' })
  departmentCode!: string | null;
  @ApiProperty({ type: String, nullable: true })
  gridId!: string | null;
  @ApiProperty({ format: 'date-time' })
  submittedAt!: string;
  @ApiProperty()
  breaches!: number;
  @ApiProperty({ description: 'Under supervision (督办).' })
  underSupervision!: boolean;
}

export class GrievancesViewSchema implements GrievancesView {
  @ApiProperty({ type: [GrievanceRowSchema] })
  items!: GrievanceRowSchema[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page; null on the last one.' })
  nextCursor!: string | null;
}
