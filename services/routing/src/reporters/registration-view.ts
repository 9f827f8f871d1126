import { ApiProperty } from '@nestjs/swagger';
import { LANGUAGES, OCCUPATIONS } from '@grievance/contracts';
import { Registration, ReportersRepository } from './reporters.repository';

/** A worker's registration (扫码报到) as they see it. */
export class WorkerRegistrationView {
  @ApiProperty()
  workerId!: string;

  @ApiProperty({ enum: OCCUPATIONS })
  occupation!: string;

  @ApiProperty({ type: String, nullable: true, description: 'the platform they work for' })
  platform!: string | null;

  @ApiProperty({ type: String, enum: LANGUAGES, nullable: true, description: "the language their notifications are written in; null: as each submission's Accept-Language asks (Chinese without one)" })
  language!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'the branch the worker registered with (扫码报到), if any' })
  branchId!: string | null;

  @ApiProperty({ type: String, nullable: true, description: "where the worker's appeals start: their branch, else the fallback branch of their occupation's committee (兜底)" })
  effectiveBranchId!: string | null;

  @ApiProperty({ description: 'true: GET answers 404 before the worker registered' })
  registered!: boolean;
}

/** A registration as the worker sees it, with the branch their appeals start at. */
export async function toRegistrationView(reporters: ReportersRepository, r: Registration): Promise<WorkerRegistrationView> {
  return {
    workerId: r.workerId,
    occupation: r.occupation,
    platform: r.platform,
    language: r.language,
    branchId: r.branchId,
    effectiveBranchId: r.branchId ?? (await reporters.fallbackBranchFor(r.occupation)),
    registered: true,
  };
}
