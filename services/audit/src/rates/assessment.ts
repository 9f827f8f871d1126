import type { GroupRates } from './rates';

export const ASSESSED_UNITS = ['committee', 'branch'] as const;
export type AssessedUnit = (typeof ASSESSED_UNITS)[number];

/** The weights of the yearly score: resolving counts most, then taking up in time and satisfying. */
export const ASSESSMENT_WEIGHTS = { responseRate: 0.3, resolutionRate: 0.4, satisfactionRate: 0.3 } as const;
/** Points off the score for each breached deadline per grievance received. */
export const BREACH_PENALTY = 10;

export interface AssessedUnitRow extends GroupRates {
  unit: string;
  /** 0..100, two decimals; null when the unit received nothing in the year. */
  score: number | null;
  /** 1 for the best; units with the same score, breaches and grievances received share a rank. */
  rank: number;
}

/**
 * The yearly assessment (年度考核) score of a unit:
 * 100 × (the weighted mean of its defined rates, weights in ASSESSMENT_WEIGHTS, an
 * undefined rate left out and the others' weights scaled up) − BREACH_PENALTY × breaches / received,
 * never below 0. A unit that received nothing has no score.
 */
export function assessmentScore(r: Pick<GroupRates, 'received' | 'breaches' | 'responseRate' | 'resolutionRate' | 'satisfactionRate'>): number | null {
  if (r.received === 0) return null;
  let weighted = 0;
  let weights = 0;
  for (const [rate, weight] of Object.entries(ASSESSMENT_WEIGHTS) as [keyof typeof ASSESSMENT_WEIGHTS, number][]) {
    const value = r[rate];
    if (value === null) continue;
    weighted += weight * value;
    weights += weight;
  }
  const base = weights === 0 ? 0 : (100 * weighted) / weights;
  return Math.round(Math.max(0, base - (BREACH_PENALTY * r.breaches) / r.received) * 100) / 100;
}

/**
 * Ranks the units of a year: higher score first; on equal scores fewer breaches, then more
 * grievances received; units equal on all three share a rank (1, 1, 3). Units without a score come last.
 */
export function assessUnits(rates: readonly GroupRates[]): AssessedUnitRow[] {
  const scored = rates.map((r) => ({ ...r, unit: r.group, score: assessmentScore(r) }));
  const compare = (a: (typeof scored)[number], b: (typeof scored)[number]): number => {
    if (a.score !== b.score) {
      if (a.score === null) return 1;
      if (b.score === null) return -1;
      return b.score - a.score;
    }
    return a.breaches - b.breaches || b.received - a.received;
  };
  const sorted = [...scored].sort((a, b) => compare(a, b) || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  let rank = 0;
  return sorted.map((r, i) => {
    if (i === 0 || compare(sorted[i - 1]!, r) !== 0) rank = i + 1;
    return { ...r, rank };
  });
}

/** The year `YYYY` as [from, to) at a fixed UTC offset (minutes east of UTC). */
export function yearRange(year: number, utcOffsetMinutes: number): { from: Date; to: Date } {
  const shift = utcOffsetMinutes * 60_000;
  return { from: new Date(Date.UTC(year, 0, 1) - shift), to: new Date(Date.UTC(year + 1, 0, 1) - shift) };
}
