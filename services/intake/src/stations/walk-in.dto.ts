import { Type } from 'class-transformer';
import { Equals, IsDefined, IsIn, IsISO8601, IsObject, IsOptional, IsString, Matches, ValidateNested } from 'class-validator';
import { CONSENT_METHODS, type ConsentMethod } from '@grievance/contracts';
import { SubmitGrievanceDto } from '../grievances/submit-grievance.dto';

/** The worker's consent to the station logging the grievance for them (驿站代办须经本人同意). */
export class ConsentDto {
  @Equals(true, { message: 'consent.given must be true: the worker must agree to the station logging the grievance for them' })
  given!: true;

  /** How they agreed: told the staff (verbal), signed a form (signature), or answered a text message (sms). */
  @IsIn(CONSENT_METHODS)
  method!: ConsentMethod;

  /** When they agreed (ISO 8601); now when left out. */
  @IsOptional()
  @IsISO8601({ strict: true })
  at?: string;
}

/** A worker id as the identity provider issues it (a token's `sub`). */
export const WORKER_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}$/;
/** A phone number to call the worker back on: digits, an optional leading +, dashes or spaces between. */
export const WORKER_PHONE_PATTERN = /^\+?[0-9][0-9 -]{5,22}[0-9]$/;

/**
 * The body of POST /v1/stations/me/walk-ins: what a worker's own submission holds
 * (SubmitGrievanceDto), plus who the grievance is for and their consent. The station is the
 * caller's (their token's stationId), never the body's.
 */
export class LogWalkInDto extends SubmitGrievanceDto {
  /** The worker the grievance belongs to: it is in their list, they are told and they rate it. */
  @IsString()
  @Matches(WORKER_ID_PATTERN, { message: 'workerId must be the worker’s id (letters, digits, . _ : @ -, at most 100)' })
  workerId!: string;

  /** Where to call the worker back (回访), when they gave it. */
  @IsOptional()
  @IsString()
  @Matches(WORKER_PHONE_PATTERN, { message: 'workerPhone must be a phone number (digits, an optional leading +, dashes or spaces)' })
  workerPhone?: string;

  @IsDefined({ message: 'consent is required: {given: true, method: verbal|signature|sms}; a station logs a grievance for a worker only with their consent' })
  @IsObject()
  @ValidateNested()
  @Type(() => ConsentDto)
  consent!: ConsentDto;
}
