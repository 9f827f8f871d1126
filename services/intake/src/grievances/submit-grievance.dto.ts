import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PickType } from '@nestjs/swagger';
import { GRIEVANCE_KINDS, GrievanceKind, ReporterProfile, URGENCIES, Urgency } from '@grievance/contracts';

export class LocationDto {
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat!: number;

  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lng!: number;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;
}

/**
 * The body of POST /v1/grievances. `occupation` and `platform` (validated as in the event's
 * reporter) serve a worker who has not registered (PUT /v1/workers/me on routing): their
 * appeal goes to the fallback branch of their occupation's committee (兜底).
 */
export class SubmitGrievanceDto extends PickType(ReporterProfile, ['occupation', 'platform'] as const) {
  @IsIn(GRIEVANCE_KINDS)
  kind!: GrievanceKind;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  @Matches(/^[a-z][a-z0-9_]*$/, { message: 'category must be a category code (lower-case letters, digits, underscores)' })
  category!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @IsString()
  @MaxLength(5000)
  description!: string;

  @IsOptional()
  @IsIn(URGENCIES)
  urgency?: Urgency;

  /** Required for a hazard. */
  @ValidateIf((dto: SubmitGrievanceDto) => dto.kind === 'hazard' || dto.location !== undefined)
  @IsDefined({ message: 'location is required for a hazard report' })
  @IsObject()
  @ValidateNested()
  @Type(() => LocationDto)
  location?: LocationDto;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}

/** What an Idempotency-Key may be: short and printable. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
