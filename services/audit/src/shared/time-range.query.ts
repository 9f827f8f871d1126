import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

/** Refuses a value earlier than another date field of the same object (from > to). */
export function IsNotBefore(property: string, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isNotBefore',
      target: target.constructor,
      propertyName: String(propertyName),
      constraints: [property],
      options: { message: (args: ValidationArguments) => `${args.property} must not be before ${property}`, ...options },
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const other = (args.object as Record<string, unknown>)[property];
          if (typeof value !== 'string' || typeof other !== 'string') return true;
          const [a, b] = [Date.parse(value), Date.parse(other)];
          return Number.isNaN(a) || Number.isNaN(b) || a >= b;
        },
      },
    });
}

export const EXPORT_FORMATS = ['json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `from` (inclusive) and `to` (exclusive), ISO-8601 dates or date-times. */
export class TimeRangeQuery {
  @ApiPropertyOptional({ description: 'inclusive, ISO-8601 (e.g. 2026-04-01 or 2026-04-01T00:00:00+08:00)' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'from must be an ISO-8601 date' })
  from?: string;

  @ApiPropertyOptional({ description: 'exclusive, ISO-8601; not before from' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'to must be an ISO-8601 date' })
  @IsNotBefore('from')
  to?: string;
}

/** A time range that can also be exported as CSV. */
export class ExportableTimeRangeQuery extends TimeRangeQuery {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, description: 'csv for a download (Accept: text/csv works too)' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;
}

export const toDate = (value: string | undefined): Date | undefined => (value === undefined ? undefined : new Date(value));
