import { IsInt, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';

/** points.awarded.v1: a worker earned points (积分) for a verified report or a volunteer act. */
export class PointsAwardedV1 {
  @IsUUID()
  entryId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  workerId!: string;

  @IsInt()
  points!: number;

  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  reason!: string;
}
