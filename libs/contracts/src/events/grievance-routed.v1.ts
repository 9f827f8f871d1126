import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { GRIEVANCE_KINDS, GrievanceKind, LEVELS, Level } from '../vocabulary';
import { Holder, nested } from './common';
import { ReporterProfile } from './grievance-submitted.v1';

/** grievance.routed.v1: routing decided who owns a grievance first. */
export class GrievanceRoutedV1 {
  @IsIn(GRIEVANCE_KINDS)
  kind!: GrievanceKind;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  category!: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  districtId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  gridId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  departmentCode?: string;

  /** For appeals: the rung of the escalation chain that holds it first. */
  @IsOptional()
  @IsIn(LEVELS)
  level?: Level;

  @ValidateNested()
  @nested(Holder)
  holder!: Holder;

  /** True when no rule matched and the fallback owner (兜底) took it. */
  @IsBoolean()
  fallback!: boolean;

  /**
   * The reporter as routing knows them: their registration (PUT /v1/workers/me) where they
   * registered, else what the submission said. Absent when nothing is known.
   */
  @IsOptional()
  @ValidateNested()
  @nested(ReporterProfile)
  reporter?: ReporterProfile;
}
