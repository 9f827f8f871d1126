import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { RATINGS, Rating } from '../vocabulary';

export const CLOSE_OUTCOMES = ['resolved', 'rejected', 'duplicate'] as const;
export type CloseOutcome = (typeof CLOSE_OUTCOMES)[number];

/** grievance.closed.v1: the loop is closed, with its final SLA verdict. */
export class GrievanceClosedV1 {
  @IsIn(CLOSE_OUTCOMES)
  outcome!: CloseOutcome;

  @IsOptional()
  @IsIn(RATINGS)
  rating?: Rating;

  /** True when every deadline of the grievance held. */
  @IsBoolean()
  slaMet!: boolean;
}
