import { IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { LANGUAGES, Language, OCCUPATIONS, Occupation } from '../vocabulary';
import { nested } from './common';
import { GrievanceSummary } from './grievance-summary';

/** What is known of a reporter beyond their id: from their registration, or given with the submission. */
export class ReporterProfile {
  @IsOptional()
  @IsIn(OCCUPATIONS)
  occupation?: Occupation;

  /** The platform they work for (美团, 顺丰, 滴滴, 货拉拉, …), as they name it. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  platform?: string;

  /** The language they read their notifications in. */
  @IsOptional()
  @IsIn(LANGUAGES)
  language?: Language;
}

export class Reporter extends ReporterProfile {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  id!: string;
}

/** How a worker consented to station staff logging a grievance for them. */
export const CONSENT_METHODS = ['verbal', 'signature', 'sms'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** Where and by whom a walk-in grievance was logged on the worker's behalf (驿站代办), with how the worker consented. */
export class LoggedAt {
  /** The station (驿站) the worker walked into: a directory entry of kind station. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  stationId!: string;

  /** The station staff member (their `sub`) who logged it. */
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  staffId!: string;

  @IsIn(CONSENT_METHODS)
  consentMethod!: ConsentMethod;
}

/**
 * grievance.submitted.v1: a worker handed in a hazard report, an appeal or a suggestion,
 * themselves or, with `loggedAt`, through the staff of a station they walked into. Either
 * way the grievance is the reporter's; the envelope's actor is whoever typed it in.
 */
export class GrievanceSubmittedV1 extends GrievanceSummary {
  @ValidateNested()
  @nested(Reporter)
  reporter!: Reporter;

  /** Set for a walk-in: logged at a station by its staff, for `reporter`, with their consent. */
  @IsOptional()
  @ValidateNested()
  @nested(LoggedAt)
  loggedAt?: LoggedAt;

  /** Set when intake linked the report to an open one nearby (the reporter becomes a co-reporter). */
  @IsOptional()
  @IsUUID()
  duplicateOf?: string;

  @IsISO8601()
  submittedAt!: string;
}

/**
 * The reporter's id when they handed the submission in as themself (the envelope's actor is
 * them, as a worker), not logged for them by a station's staff or anybody else: a part-time
 * grid worker's own report may be its on-site check.
 */
export function selfReporterOf(event: { actor: { id: string; role: string }; payload: Pick<GrievanceSubmittedV1, 'reporter'> }): string | undefined {
  return event.actor.role === 'worker' && event.actor.id === event.payload.reporter.id ? event.payload.reporter.id : undefined;
}
