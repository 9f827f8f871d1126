import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { VERIFY_VERDICTS, VerifyVerdict } from '../vocabulary';
import { GeoPoint, nested } from './common';

/** A category's or a department's code. */
const CODE = /^[a-z0-9][a-z0-9_-]{0,63}$/;

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

  /**
   * A confirmed verdict only: the category the grid worker found on site, when the reporter
   * filed it under a wrong one (a category code of the directory). Routing hands the grievance to
   * the department that owns it instead of the original one.
   */
  @IsOptional()
  @IsString()
  @Matches(CODE)
  @MaxLength(64)
  correctedCategory?: string;

  /** A confirmed verdict only: the department the grid worker names to take it (wins over the corrected category's owner). */
  @IsOptional()
  @IsString()
  @Matches(CODE)
  @MaxLength(64)
  correctedDepartment?: string;
}
