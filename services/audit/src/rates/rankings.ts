import type { GroupRates } from './rates';

export const RANK_BYS = ['score', 'responseRate', 'resolutionRate', 'satisfactionRate'] as const;
export type RankBy = (typeof RANK_BYS)[number];

export interface RankedGroup extends GroupRates {
  /** 1 for the best; groups with the same value share a rank (1, 1, 3). */
  rank: number;
  /** The mean of the group's rates that are defined (null when none is). */
  score: number | null;
}

export function scoreOf(r: Pick<GroupRates, 'responseRate' | 'resolutionRate' | 'satisfactionRate'>): number | null {
  const defined = [r.responseRate, r.resolutionRate, r.satisfactionRate].filter((v): v is number => v !== null);
  return defined.length === 0 ? null : defined.reduce((a, b) => a + b, 0) / defined.length;
}

/** Ranks groups by a rate or by the score, best first; a group without that value comes last. */
export function rankGroups(rates: readonly GroupRates[], by: RankBy): RankedGroup[] {
  const withScore = rates.map((r) => ({ ...r, score: scoreOf(r) }));
  const value = (r: (typeof withScore)[number]) => r[by];
  const sorted = [...withScore].sort((a, b) => {
    const [va, vb] = [value(a), value(b)];
    if (va !== vb) {
      if (va === null) return 1;
      if (vb === null) return -1;
      return vb - va;
    }
    return b.received - a.received || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0);
  });
  let rank = 0;
  return sorted.map((r, i) => {
    if (i === 0 || value(r) !== value(sorted[i - 1]!)) rank = i + 1;
    return { ...r, rank };
  });
}

/** The month `YYYY-MM` as [from, to) at a fixed UTC offset (minutes east of UTC). */
export function monthRange(month: string, utcOffsetMinutes: number): { from: Date; to: Date } {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match) throw new RangeError(`month ${month} is not YYYY-MM`);
  const [year, m] = [Number(match[1]), Number(match[2])];
  const shift = utcOffsetMinutes * 60_000;
  return { from: new Date(Date.UTC(year, m - 1, 1) - shift), to: new Date(Date.UTC(year, m, 1) - shift) };
}
