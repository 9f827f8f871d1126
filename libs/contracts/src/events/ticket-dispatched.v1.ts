import { IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';

/** ticket.dispatched.v1: a grid worker was given a ticket to check a hazard on site (派单). */
export class TicketDispatchedV1 {
  @IsUUID()
  ticketId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  gridId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  gridWorkerId!: string;

  /** 1 for the first dispatch; more when a ticket was not accepted in time and went to the next worker. */
  @IsInt()
  @Min(1)
  attempt!: number;

  @IsOptional()
  @IsISO8601()
  acceptBy?: string;
}
