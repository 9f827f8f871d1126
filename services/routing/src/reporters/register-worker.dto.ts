import { PickType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { OCCUPATIONS, Occupation, ReporterProfile } from '@grievance/contracts';
import { ORG_UNIT_ID } from '../directory/directory-admin.dto';

/**
 * What a worker (the reporter: 新就业群体) registers with (扫码报到). `platform` and
 * `language` are validated as in the events' reporter. The class keeps its name: it names
 * the request's schema in the published OpenAPI document.
 */
export class RegisterWorkerDto extends PickType(ReporterProfile, ['platform', 'language'] as const) {
  @IsIn(OCCUPATIONS)
  occupation!: Occupation;

  @IsOptional()
  @IsString()
  @Matches(ORG_UNIT_ID, { message: 'branchId must be a branch id' })
  branchId?: string;
}
