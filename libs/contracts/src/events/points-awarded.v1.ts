import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';

/** A station id as the directory spells it (`st-xiangyun-yuhua`). */
export const STATION_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/**
 * points.awarded.v1: a worker earned points (积分) for a verified report or a volunteer act.
 * A verified report's award travels with its grievance's id; a volunteer act, which belongs to
 * no grievance, with the worker's points account id (pointsAccountId) and names its station.
 */
export class PointsAwardedV1 {
  @IsUUID()
  entryId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  workerId!: string;

  @IsInt()
  points!: number;

  /** `verified_report`, `verified_co_report` or `volunteering`. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reason!: string;

  /** The station (驿站) whose staff awarded volunteering points. */
  @IsOptional()
  @Matches(STATION_ID_PATTERN)
  stationId?: string;

  /** What the volunteer did, in the station staff's words. */
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string;
}
