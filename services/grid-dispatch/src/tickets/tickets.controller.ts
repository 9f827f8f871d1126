import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
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
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { CurrentPrincipal, Principal, Roles } from '@grievance/auth';
import { VERIFY_VERDICTS, VerifyVerdict } from '@grievance/contracts';
import { TicketsService, TicketView } from './tickets.service';

export class TicketIdParam {
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

  /** Required with verdict `duplicate`: the open matter this one repeats. */
  @ValidateIf((body: VerifyBody) => body.verdict === 'duplicate' || body.duplicateOf !== undefined)
  @IsUUID('all', { message: 'duplicateOf must be the grievance id (UUID) of the matter this one duplicates' })
  duplicateOf?: string;
}

@Controller()
export class TicketsController {
  constructor(private readonly tickets: TicketsService) {}

  /** A grid worker's own tickets (admins and auditors: all). */
  @Get('v1/tickets')
  @Roles('grid_worker', 'admin', 'auditor')
  list(@CurrentPrincipal() principal: Principal): Promise<TicketView[]> {
    return this.tickets.list(principal);
  }

  @Post('v1/tickets/:id/accept')
  @HttpCode(200)
  @Roles('grid_worker')
  accept(@CurrentPrincipal() principal: Principal, @Param() params: TicketIdParam): Promise<TicketView> {
    return this.tickets.accept(principal, params.id);
  }

  @Post('v1/tickets/:id/verify')
  @HttpCode(200)
  @Roles('grid_worker')
  verify(@CurrentPrincipal() principal: Principal, @Param() params: TicketIdParam, @Body() body: VerifyBody): Promise<TicketView> {
    return this.tickets.verify(principal, params.id, body);
  }
}
