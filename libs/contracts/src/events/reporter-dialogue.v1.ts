import { IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Holder, nested } from './common';

/** grievance.paused.v1: the holder asked the reporter something; its SLA clock stops until the reporter answers. */
export class GrievancePausedV1 {
  @ValidateNested()
  @nested(Holder)
  holder!: Holder;

  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  question!: string;
}

/** grievance.replied.v1: the reporter answered the holder's question; the clock runs again. */
export class GrievanceRepliedV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  reporterId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  message!: string;

  /** Set when the holder took the answer another way (by phone) and resumed the clock itself. */
  @IsOptional()
  @ValidateNested()
  @nested(Holder)
  resumedBy?: Holder;
}
