import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { JSONSchema } from 'class-validator-jsonschema';
import { SLA_SETTING_ID_PATTERN } from '@grievance/sla';

/** An object whose keys the SLA library judges (validatePolicy): described as any keys, so a client may send them. */
const ANY_KEYS = { type: 'object', additionalProperties: true } as const;

/** Why an admin changes a setting, and which version they edited (a stale edit is refused with 409). */
class ChangeDto {
  @ApiPropertyOptional({ maxLength: 2000, description: 'why, kept in the settings\' history' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, description: 'the version last read' })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedVersion?: number;
}

/** PUT /v1/sla/policies/:id: a policy is data; its id comes from the path. The rules of its contents are the SLA library's (validatePolicy). */
export class PutPolicyDto extends ChangeDto {
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  /** Which grievances: `{kind?, category? (one or several), urgency?, stage?}`; {} matches every grievance. */
  @JSONSchema(ANY_KEYS)
  @IsObject()
  match!: Record<string, unknown>;

  /** Budgets per target (`respond`, `resolve`, `accept`, `verify`): milliseconds or ISO-8601 durations such as `PT4H` or `P2D`. */
  @JSONSchema(ANY_KEYS)
  @IsObject()
  targets!: Record<string, unknown>;

  @IsOptional()
  @IsNumber()
  @Min(0.01)
  @Max(1)
  warnShare?: number;

  @IsString()
  @Matches(SLA_SETTING_ID_PATTERN, { message: 'calendar must be a calendar id' })
  calendar!: string;

  @IsOptional()
  @IsInt()
  @Min(-1000)
  @Max(1000)
  priority?: number;
}

export class RetirePolicyDto extends ChangeDto {}

class WorkingHoursDto {
  @Matches(/^\d{2}:\d{2}$/, { message: 'from must be HH:MM' })
  from!: string;

  @Matches(/^\d{2}:\d{2}$/, { message: 'to must be HH:MM' })
  to!: string;
}

/** PUT /v1/sla/calendars/:id: working hours, weekends, public holidays and make-up days (调休) as data. */
export class PutCalendarDto extends ChangeDto {
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @IsIn(['calendar', 'working'])
  kind!: 'calendar' | 'working';

  @IsOptional()
  @IsString()
  @MaxLength(64)
  timeZone?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => WorkingHoursDto)
  workingHours?: WorkingHoursDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7)
  @IsInt({ each: true })
  weekend?: number[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'holidays must be YYYY-MM-DD dates' })
  holidays?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { each: true, message: 'workdays must be YYYY-MM-DD dates' })
  workdays?: string[];
}
