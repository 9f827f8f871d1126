import { VerifyVerdict } from '@grievance/contracts';

export interface PointsPolicy {
  /** POINTS_VERIFIED_REPORT */
  verifiedReport: number;
  /** POINTS_CO_REPORTER_SHARE, 0..1 */
  coReporterShare: number;
}

export interface PointsAward {
  workerId: string;
  points: number;
  reason: string;
}

export const REASON_VERIFIED_REPORT = 'verified_report';
export const REASON_VERIFIED_CO_REPORT = 'verified_co_report';

/**
 * Who earns what when a grid worker has checked a report on site: on `confirmed`, the
 * reporter earns the full award and each co-reporter its share, rounded down (someone
 * who is both is paid once, as the reporter); `invalid` and `duplicate` earn nothing.
 * Awards of 0 points are not written.
 */
export function pointsForVerification(
  verdict: VerifyVerdict,
  reporterId: string,
  coReporterIds: readonly string[],
  policy: PointsPolicy,
): PointsAward[] {
  if (verdict !== 'confirmed') return [];
  const awards: PointsAward[] = [];
  const reporterPoints = Math.max(0, Math.floor(policy.verifiedReport));
  if (reporterPoints > 0) awards.push({ workerId: reporterId, points: reporterPoints, reason: REASON_VERIFIED_REPORT });
  const share = Math.floor(policy.verifiedReport * policy.coReporterShare + 1e-9);
  if (share <= 0) return awards;
  const seen = new Set([reporterId]);
  for (const id of coReporterIds) {
    if (seen.has(id)) continue;
    seen.add(id);
    awards.push({ workerId: id, points: share, reason: REASON_VERIFIED_CO_REPORT });
  }
  return awards;
}

/** A balance is the sum of the ledger, never a stored number. */
export function balanceOf(entries: readonly { points: number }[]): number {
  return entries.reduce((sum, entry) => sum + entry.points, 0);
}

export const REASON_VOLUNTEERING = 'volunteering';
export const REASON_REDEMPTION = 'redemption';

/** Why a redemption is refused: nothing left, or not enough points (the balance never goes below zero). */
export type RedemptionRefusal = 'outOfStock' | 'insufficientPoints';

/**
 * Whether a worker with `balance` points may take one of an item costing `cost` with
 * `stock` left: an empty stock refuses first (no amount of points helps), then a cost
 * above the balance.
 */
export function redemptionRefusal(item: { cost: number; stock: number }, balance: number): RedemptionRefusal | undefined {
  if (item.stock <= 0) return 'outOfStock';
  if (item.cost > balance) return 'insufficientPoints';
  return undefined;
}

/**
 * How many more volunteering points a worker may get today under the daily cap
 * (VOLUNTEERING_DAILY_CAP): an award that would pass the cap is refused whole, not cut.
 */
export function volunteeringRoom(awardedToday: number, cap: number): number {
  return Math.max(0, cap - awardedToday);
}

/** The offset of Asia/Shanghai (no daylight saving since 1991). */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The start of the day `now` falls in, in Asia/Shanghai: the daily cap resets at local midnight. */
export function shanghaiDayStart(now: Date): Date {
  const local = now.getTime() + SHANGHAI_OFFSET_MS;
  return new Date(local - (((local % 86_400_000) + 86_400_000) % 86_400_000) - SHANGHAI_OFFSET_MS);
}

/** Why a benefit application is refused before it reaches a committee. */
export type BenefitRefusal = 'belowThreshold' | 'notRegistered';

/**
 * Whether a worker may apply for a benefit (五入积分法): their balance must reach the
 * threshold (applying spends nothing), and routing must have told which industry committee
 * owns them (their registration, 扫码报到), since the committee decides.
 */
export function benefitRefusal(balance: number, threshold: number, committeeId: string | null | undefined): BenefitRefusal | undefined {
  if (balance < threshold) return 'belowThreshold';
  if (!committeeId) return 'notRegistered';
  return undefined;
}
