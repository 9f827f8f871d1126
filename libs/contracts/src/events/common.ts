import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { HOLDER_TYPES, HolderType, LEVELS, Level } from '../vocabulary';

/** A point on the map (WGS-84) with an optional street address. */
export class GeoPoint {
  @IsNumber()
  @IsLatitude()
  lat!: number;

  @IsNumber()
  @IsLongitude()
  lng!: number;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  address?: string;
}

/** Who must act on a grievance: a grid worker, a member, an org unit of the chain, or a department (id = its code). */
export class Holder {
  @IsIn(HOLDER_TYPES)
  type!: HolderType;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  id!: string;

  @IsString()
  @MaxLength(200)
  name!: string;

  /** The rung of the escalation chain, when the holder is one. */
  @IsOptional()
  @IsIn(LEVELS)
  level?: Level;
}

export const nested = <T>(cls: new () => T) => Type(() => cls);
