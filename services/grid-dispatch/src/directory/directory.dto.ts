import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsLatitude, IsLongitude, IsNotEmpty, IsNumber, IsString, MaxLength, ValidateIf } from 'class-validator';

/** A query value as a number; an empty one is not zero (Number('') would make ?lat= the equator). */
const toNumber = ({ value }: { value: unknown }): unknown => (typeof value === 'string' ? (value.trim() === '' ? Number.NaN : Number(value)) : value);

export class GridsQuery {
  /** With lng: only the grid(s) holding the point. */
  @ValidateIf((query: GridsQuery) => query.lat !== undefined || query.lng !== undefined)
  @Transform(toNumber)
  @IsNumber({}, { message: 'lat must be a number' })
  @IsLatitude({ message: 'lat must be a latitude from -90 to 90' })
  lat?: number;

  @ValidateIf((query: GridsQuery) => query.lat !== undefined || query.lng !== undefined)
  @Transform(toNumber)
  @IsNumber({}, { message: 'lng must be a number' })
  @IsLongitude({ message: 'lng must be a longitude from -180 to 180' })
  lng?: number;
}

export class GridIdParam {
  @ApiProperty({ maxLength: 64, description: 'the grid\'s id' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  id!: string;
}

export class DutyBody {
  @IsBoolean()
  onDuty!: boolean;
}

/** A grid worker's duty (在岗), as they set it and as dispatch reads it. */
export class DutyView {
  @ApiProperty({ description: 'The grid worker id.' })
  id!: string;

  @ApiProperty({ description: 'The grid they cover.' })
  gridId!: string;

  @ApiProperty({ description: 'On duty: tickets of their grid (and, when nobody nearer is, of their community and street) come to them.' })
  onDuty!: boolean;
}
