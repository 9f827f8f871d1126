import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { OCCUPATIONS, Occupation } from '../vocabulary';

/**
 * worker.registered.v1: a worker registered with routing (扫码报到), or registered again.
 * Routing owns who answers for a worker: the branch they registered with, else the fallback
 * branch of their occupation's industry committee (兜底), and that branch's committee. It
 * travels with the worker's account id (pointsAccountId), so one worker's registrations keep
 * their order; the latest one stands.
 */
export class WorkerRegisteredV1 {
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  workerId!: string;

  @IsIn(OCCUPATIONS)
  occupation!: Occupation;

  /** The branch they registered with; absent when they named none. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  branchId?: string;

  /** Where their appeals start: their branch, else their committee's fallback branch. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  effectiveBranchId?: string;

  /** The industry committee that owns the worker (the effective branch's committee); absent when the directory has none. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  committeeId?: string;
}

/** The public services 五入积分法 opens to workers with enough points: 入学, 入医, 入职, 入托, 入网. */
export const BENEFIT_KINDS = ['school', 'medical', 'job', 'childcare', 'network'] as const;
export type BenefitKind = (typeof BENEFIT_KINDS)[number];

export const BENEFIT_DECISIONS = ['approved', 'refused'] as const;
export type BenefitDecision = (typeof BENEFIT_DECISIONS)[number];

/**
 * benefit.applied.v1: a worker whose balance reached the threshold applied for a public-service
 * benefit; the industry committee that owns them decides. Keyed by the worker's account id.
 */
export class BenefitAppliedV1 {
  @IsUUID()
  applicationId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  workerId!: string;

  @IsIn(BENEFIT_KINDS)
  kind!: BenefitKind;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  committeeId!: string;

  /** The worker's balance when they applied (points are not spent by applying). */
  @IsInt()
  @Min(0)
  balance!: number;

  /** The threshold in force (BENEFITS_POINTS_THRESHOLD). */
  @IsInt()
  @Min(0)
  threshold!: number;
}

/** benefit.decided.v1: the industry committee approved or refused an application, with a reason. Keyed by the worker's account id. */
export class BenefitDecidedV1 {
  @IsUUID()
  applicationId!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  workerId!: string;

  @IsIn(BENEFIT_KINDS)
  kind!: BenefitKind;

  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  committeeId!: string;

  @IsIn(BENEFIT_DECISIONS)
  decision!: BenefitDecision;

  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;

  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  decidedBy!: string;
}
