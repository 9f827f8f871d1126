import { LEVELS } from '@grievance/contracts';
import type { EventEnvelope } from '@grievance/contracts';
import { byGrievanceTime, fromHolderOf, holderKey, HolderRef, holderOf, levelOf, payloadField, reachesHolder, BOUNCE_TYPES } from '../trace/event-facts';

export const GROUP_BYS = ['department', 'level', 'industry', 'district', 'branch', 'committee', 'grid', 'grid_worker'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

/** The group of a grievance whose events do not say (no district routed, no occupation given). */
export const UNKNOWN_GROUP = 'unknown';

/**
 * The three rates (响应率, 解决率, 满意率) of one group over a time range. The unit counted
 * is a (grievance, group) pair: a grievance counts once for each group it reached in the range.
 *
 * - received: grievances that reached a holder of the group in [from, to) — routed, assigned,
 *   escalated, returned or reopened to it, or dispatched to its grid worker;
 * - responded: of those, grievances a holder of the group took up (grievance.accepted,
 *   ticket.accepted) no later than the due time of its respond / accept deadline, when an
 *   SLA event names one (a take-up with no known deadline counts as in time);
 * - resolved: of those, grievances a holder of the group resolved (grievance.resolved.v1);
 * - rated / satisfied: of those resolutions, the ones the reporter rated, and rated
 *   satisfied or basically_satisfied (a rating counts for the latest resolution before it);
 * - responseRate = responded / received, resolutionRate = resolved / received,
 *   satisfactionRate = satisfied / rated; null when there is nothing to divide by;
 * - bounces: grievances a holder of the group handed back in the range (退单: a rung's return,
 *   a department's return or transfer);
 * - breaches: SLA deadlines of the group's holders that broke (sla.breached) in the range.
 *
 * Groups: `department` — the department holding the grievance (its code); `level` — the rung
 * of the escalation chain; `industry` — the reporter's occupation (as routing knew it from their registration, else as the submission gave it); `district` — the
 * district the grievance was routed in; `branch` and `committee` — the branch or industry
 * committee (its org unit id) holding the grievance on the escalation chain; `grid` — the grid
 * the grievance was routed or dispatched in (every holder of the grievance counts in it; grievances
 * with no grid, such as appeals, are in none); `grid_worker` — the grid worker holding its
 * ticket (they accept and check; resolutions are the department's), and a part-time grid worker
 * whose own report was the check (its ticket.verified reached and answered them at once). A grievance is counted in the range where it reached the
 * holder; what happened to it afterwards counts even after `to`.
 */
export interface GroupRates {
  group: string;
  received: number;
  responded: number;
  resolved: number;
  rated: number;
  satisfied: number;
  bounces: number;
  /** SLA deadlines of the group's holders that broke (sla.breached.v1) in the range. */
  breaches: number;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
}

export interface TimeRange {
  from?: Date;
  to?: Date;
}

/** Events by which a holder takes the grievance up. */
const RESPONSE_TYPES = new Set(['grievance.accepted', 'grievance.acknowledged', 'ticket.accepted']);
const RESPOND_TARGETS = new Set(['respond', 'accept']);
const SATISFIED = new Set(['satisfied', 'basically_satisfied']);

interface Holding {
  holder: HolderRef;
  level?: string;
  reachedAt: number[];
  respondedAt?: number;
  respondDueAt?: number;
}

interface Tally {
  received: number;
  responded: number;
  resolved: number;
  rated: number;
  satisfied: number;
  bounces: number;
  breaches: number;
}

const inRange = (t: number, range: TimeRange) =>
  (range.from === undefined || t >= range.from.getTime()) && (range.to === undefined || t < range.to.getTime());

const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d);

/**
 * Computes the rates per group from the events of the grievances concerned (each grievance's
 * events complete, any order). Pure: the HTTP layer loads, this counts.
 */
export function computeRates(events: readonly EventEnvelope[], groupBy: GroupBy, range: TimeRange = {}): GroupRates[] {
  const byGrievance = new Map<string, EventEnvelope[]>();
  for (const e of events) {
    const list = byGrievance.get(e.grievanceId) ?? [];
    list.push(e);
    byGrievance.set(e.grievanceId, list);
  }
  const tallies = new Map<string, Tally>();
  const tally = (group: string): Tally => {
    let t = tallies.get(group);
    if (!t) tallies.set(group, (t = { received: 0, responded: 0, resolved: 0, rated: 0, satisfied: 0, bounces: 0, breaches: 0 }));
    return t;
  };
  for (const grievanceEvents of byGrievance.values()) countGrievance([...grievanceEvents].sort(byGrievanceTime), groupBy, range, tally);

  return [...tallies.entries()]
    .map(([group, t]) => ({
      group,
      ...t,
      responseRate: ratio(t.responded, t.received),
      resolutionRate: ratio(t.resolved, t.received),
      satisfactionRate: ratio(t.satisfied, t.rated),
    }))
    .sort((a, b) => (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}

function countGrievance(events: readonly EventEnvelope[], groupBy: GroupBy, range: TimeRange, tally: (group: string) => Tally): void {
  let district: string | undefined;
  let grid: string | undefined;
  // The occupation the submission gave, and the one routing knew (the worker's registration wins).
  const occupations: { 'grievance.submitted'?: string; 'grievance.routed'?: string } = {};
  const holdings = new Map<string, Holding>();
  const resolutions: { holder: HolderRef; level?: string; at: number }[] = [];
  const ratings: { rating: string; at: number }[] = [];
  const returns: { holder: HolderRef; level?: string; at: number }[] = [];
  const breaches: { holder: HolderRef; level?: string; at: number }[] = [];

  const holding = (holder: HolderRef, level?: string): Holding => {
    const key = holderKey(holder);
    let h = holdings.get(key);
    if (!h) holdings.set(key, (h = { holder, reachedAt: [] }));
    h.level ??= level ?? holder.level;
    return h;
  };

  for (const e of events) {
    const t = Date.parse(e.occurredAt);
    const districtId = payloadField<string>(e, 'districtId');
    if (typeof districtId === 'string') district = districtId;
    const gridId = payloadField<string>(e, 'gridId');
    if (typeof gridId === 'string') grid = gridId;
    if (e.type === 'grievance.submitted' || e.type === 'grievance.routed') {
      const occupation = payloadField<{ occupation?: string }>(e, 'reporter')?.occupation;
      if (typeof occupation === 'string') occupations[e.type] = occupation;
    }
    const holder = holderOf(e);
    if (holder && reachesHolder(e)) holding(holder, levelOf(e)).reachedAt.push(t);
    // 兼职网格员: a part-time grid worker's own report is their on-site check, with no ticket
    // dispatched to them: the verdict of a grid worker no ticket reached is their reach and their response at once.
    if (holder && e.type === 'ticket.verified' && !holdings.has(holderKey(holder))) {
      const h = holding(holder, levelOf(e));
      h.reachedAt.push(t);
      h.respondedAt ??= t;
    }
    if (holder && RESPONSE_TYPES.has(e.type)) {
      const h = holding(holder, levelOf(e));
      h.respondedAt ??= t;
    }
    if ((e.type === 'sla.warned' || e.type === 'sla.breached') && RESPOND_TARGETS.has(String(payloadField(e, 'target')))) {
      const fired = e.payload as { holder: HolderRef; level?: string; dueAt: string };
      const h = holding(fired.holder, fired.level);
      const due = Date.parse(fired.dueAt);
      h.respondDueAt = h.respondDueAt === undefined ? due : Math.min(h.respondDueAt, due);
    }
    if (e.type === 'sla.breached') {
      const fired = e.payload as { holder: HolderRef; level?: string };
      breaches.push({ holder: fired.holder, level: fired.level ?? holdings.get(holderKey(fired.holder))?.level, at: t });
    }
    if (e.type === 'grievance.resolved' && holder) resolutions.push({ holder, level: holdings.get(holderKey(holder))?.level ?? holder.level, at: t });
    if (e.type === 'feedback.rated') {
      const rating = payloadField<string>(e, 'rating');
      if (typeof rating === 'string') ratings.push({ rating, at: t });
    }
    if (BOUNCE_TYPES.has(e.type)) {
      const from = fromHolderOf(e);
      if (from) returns.push({ holder: from, level: from.level ?? holdings.get(holderKey(from))?.level, at: t });
    }
  }

  // The group a holder belongs to under this grouping (undefined: not in any group).
  const groupOf = (holder: HolderRef, level: string | undefined): string | undefined => {
    switch (groupBy) {
      case 'department':
        return holder.type === 'department' ? holder.id : undefined;
      case 'level': {
        const rung = level ?? holder.level;
        return rung !== undefined && (LEVELS as readonly string[]).includes(rung) ? rung : undefined;
      }
      case 'district':
        return district ?? UNKNOWN_GROUP;
      case 'industry':
        return occupations['grievance.routed'] ?? occupations['grievance.submitted'] ?? UNKNOWN_GROUP;
      case 'branch':
        return holder.type === 'org_unit' && (level ?? holder.level) === 'branch' ? holder.id : undefined;
      case 'committee':
        return holder.type === 'org_unit' && (level ?? holder.level) === 'industry_committee' ? holder.id : undefined;
      case 'grid':
        return grid;
      case 'grid_worker':
        return holder.type === 'grid_worker' ? holder.id : undefined;
    }
  };

  const received = new Set<string>();
  const responded = new Set<string>();
  for (const h of holdings.values()) {
    const group = groupOf(h.holder, h.level);
    if (group === undefined) continue;
    if (h.reachedAt.some((t) => inRange(t, range))) received.add(group);
    const firstReach = h.reachedAt.length > 0 ? Math.min(...h.reachedAt) : undefined;
    if (h.respondedAt !== undefined && firstReach !== undefined && h.respondedAt >= firstReach && (h.respondDueAt === undefined || h.respondedAt <= h.respondDueAt)) {
      responded.add(group);
    }
  }

  const resolved = new Set<string>();
  for (const r of resolutions) {
    const group = groupOf(r.holder, r.level);
    if (group !== undefined) resolved.add(group);
  }
  // A rating is the verdict on the latest resolution before it; a later rating replaces an earlier one.
  const ratingOf = new Map<string, string>();
  for (const rating of ratings) {
    const resolution = [...resolutions].reverse().find((r) => r.at <= rating.at);
    const group = resolution ? groupOf(resolution.holder, resolution.level) : undefined;
    if (group !== undefined) ratingOf.set(group, rating.rating);
  }

  for (const group of received) {
    const t = tally(group);
    t.received += 1;
    if (responded.has(group)) t.responded += 1;
    if (resolved.has(group)) {
      t.resolved += 1;
      const rating = ratingOf.get(group);
      if (rating !== undefined) {
        t.rated += 1;
        if (SATISFIED.has(rating)) t.satisfied += 1;
      }
    }
  }
  for (const r of returns) {
    const group = groupOf(r.holder, r.level);
    if (group !== undefined && inRange(r.at, range)) tally(group).bounces += 1;
  }
  for (const b of breaches) {
    const group = groupOf(b.holder, b.level);
    if (group !== undefined && inRange(b.at, range)) tally(group).breaches += 1;
  }
}
