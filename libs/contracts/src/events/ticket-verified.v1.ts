import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { VERIFY_VERDICTS, VerifyVerdict } from '../vocabulary';
import { GeoPoint, nested } from './common';

/** ticket.verified.v1: the grid worker checked the report on site (核查). */
export class TicketVerifiedV1 {
  @IsUUID()
  ticketId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  gridWorkerId!: string;

  @IsIn(VERIFY_VERDICTS)
  verdict!: VerifyVerdict;

  @IsString()
  @MaxLength(2000)
  note!: string;

  @ValidateNested()
  @nested(GeoPoint)
  position!: GeoPoint;

  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds!: string[];

  @IsOptional()
  @IsUUID()
  duplicateOf?: string;
}
