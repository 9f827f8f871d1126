import { ArrayMaxSize, IsArray, IsNotEmpty, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { Holder, nested } from './common';

/** grievance.resolved.v1: the holder says the grievance is dealt with (处置 / 办结). */
export class GrievanceResolvedV1 {
  @ValidateNested()
  @nested(Holder)
  resolvedBy!: Holder;

  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  resolution!: string;

  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds!: string[];
}
