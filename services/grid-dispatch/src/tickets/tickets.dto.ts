import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsLatitude,
  IsLongitude,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { VERIFY_VERDICTS, VerifyVerdict } from '@grievance/contracts';

/** A category's or a department's code. */
const CODE = /^[a-z0-9][a-z0-9_-]{0,63}$/;

export class TicketIdParam {
  @ApiProperty({ format: 'uuid', description: 'the ticket\'s id' })
  @IsUUID('all', { message: 'id must be a ticket id (UUID)' })
  id!: string;
}

export class PositionBody {
  @IsNumber()
  @IsLatitude()
  lat!: number;

  @IsNumber()
  @IsLongitude()
  lng!: number;
}

export class VerifyBody {
  @IsIn(VERIFY_VERDICTS)
  verdict!: VerifyVerdict;

  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;

  @ValidateNested()
  @Type(() => PositionBody)
  @IsNotEmpty({ message: 'position must be {lat, lng}' })
  position!: PositionBody;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];

  /** Required with verdict `duplicate`: the open grievance this one repeats. */
  @ValidateIf((body: VerifyBody) => body.verdict === 'duplicate' || body.duplicateOf !== undefined)
  @IsUUID('all', { message: 'duplicateOf must be the grievance id (UUID) of the grievance this one duplicates' })
  duplicateOf?: string;

  /** With verdict `confirmed`: the category found on site, when the report was filed under a wrong one (a category code of the directory). */
  @IsOptional()
  @IsString()
  @Matches(CODE, { message: 'correctedCategory must be a category code' })
  correctedCategory?: string;

  /** With verdict `confirmed`: the department that should take it (a department code of the directory). */
  @IsOptional()
  @IsString()
  @Matches(CODE, { message: 'correctedDepartment must be a department code' })
  correctedDepartment?: string;
}
