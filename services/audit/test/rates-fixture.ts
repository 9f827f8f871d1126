/**
 * Six grievances with known outcomes, for the rates tests (unit and integration). Times are
 * minutes after `base`; grievance M6 reached its holder two days before it, outside a range
 * that starts at `base`. The hand-computed results are below the events.
 */
const MW = { type: 'department', id: 'municipal_works', name: 'Municipal works' };
const UM = { type: 'department', id: 'urban_management', name: 'Urban management' };
const GRID = { type: 'org_unit', id: 'xiangyun-yuhua-g1', name: 'Yuhua grid 1' };
const BRANCH = { type: 'org_unit', id: 'br-1', name: 'Branch 1', level: 'branch' };
const COMMITTEE = { type: 'org_unit', id: 'ic-1', name: 'Committee 1', level: 'industry_committee' };
const TOP = { type: 'org_unit', id: 'two-new-committee', name: 'Two-New Work Committee', level: 'two_new_committee' };

export interface FixtureEvent {
  grievance: 'M1' | 'M2' | 'M3' | 'M4' | 'M5' | 'M6';
  topic: string;
  minute: number;
  payload: Record<string, unknown>;
}

const submitted = (grievance: FixtureEvent['grievance'], kind: string, occupation?: string): FixtureEvent => ({
  grievance,
  topic: 'grievance.submitted.v1',
  // One minute apart (M1 first), so the submissions have an order of their own.
  minute: grievance === 'M6' ? -2 * 24 * 60 - 1 : -10 + Number(grievance.slice(1)),
  payload: {
    trackingNo: `NC-${grievance}`,
    kind,
    category: kind === 'hazard' ? 'manhole_cover_missing' : 'wage_dispute',
    title: `${grievance} title`,
    description: 'd',
    urgency: 'normal',
    attachmentIds: [],
    reporter: { id: `reporter-${grievance}`, ...(occupation ? { occupation } : {}) },
    ...(kind === 'hazard' ? { location: { lat: 28.66, lng: 115.82 } } : {}),
  },
});
const routed = (grievance: FixtureEvent['grievance'], minute: number, holder: object, districtId: string, kind = 'hazard', occupation?: string): FixtureEvent => ({
  grievance,
  topic: 'grievance.routed.v1',
  minute,
  payload: {
    kind,
    category: kind === 'hazard' ? 'manhole_cover_missing' : 'wage_dispute',
    districtId,
    ...(kind === 'hazard' ? { gridId: GRID.id } : {}),
    holder,
    fallback: false,
    ...('level' in holder ? { level: (holder as { level: string }).level } : {}),
    ...(occupation ? { reporter: { occupation } } : {}),
  },
});
const assigned = (grievance: FixtureEvent['grievance'], minute: number, holder: typeof MW): FixtureEvent => ({
  grievance,
  topic: 'grievance.assigned.v1',
  minute,
  payload: { holder, departmentCode: holder.id, reason: 'verified_on_site' },
});
const accepted = (grievance: FixtureEvent['grievance'], minute: number, holder: object): FixtureEvent => ({ grievance, topic: 'grievance.accepted.v1', minute, payload: { holder } });
const resolved = (grievance: FixtureEvent['grievance'], minute: number, holder: object): FixtureEvent => ({
  grievance,
  topic: 'grievance.resolved.v1',
  minute,
  payload: { resolvedBy: holder, resolution: 'done', attachmentIds: [] },
});
const rated = (grievance: FixtureEvent['grievance'], minute: number, rating: string): FixtureEvent => ({
  grievance,
  topic: 'feedback.rated.v1',
  minute,
  payload: { reporterId: `reporter-${grievance}`, rating },
});
const sla = (grievance: FixtureEvent['grievance'], kind: 'warned' | 'breached', target: string, holder: { id: string; level?: string }, start: number, due: number, fired: number, base: Date): FixtureEvent => ({
  grievance,
  topic: `sla.${kind}.v1`,
  minute: fired,
  payload: {
    deadlineId: `${grievance}.${target}.${holder.id}`,
    target,
    holder,
    ...(holder.level ? { level: holder.level } : {}),
    startedAt: new Date(base.getTime() + start * 60_000).toISOString(),
    dueAt: new Date(base.getTime() + due * 60_000).toISOString(),
    firedAt: new Date(base.getTime() + fired * 60_000).toISOString(),
    budgetMs: (due - start) * 60_000,
  },
});
const escalated = (grievance: FixtureEvent['grievance'], minute: number, from: { level: string }, to: { level: string }): FixtureEvent => ({
  grievance,
  topic: 'grievance.escalated.v1',
  minute,
  payload: { fromLevel: from.level, toLevel: to.level, fromHolder: from, toHolder: to, reason: 'passed up', automatic: true },
});

export function ratesFixture(base: Date): FixtureEvent[] {
  // Each submission says it was submitted when it was published.
  return fixtureEvents(base).map((e) =>
    e.topic === 'grievance.submitted.v1' ? { ...e, payload: { ...e.payload, submittedAt: new Date(base.getTime() + e.minute * 60_000).toISOString() } } : e,
  );
}

function fixtureEvents(base: Date): FixtureEvent[] {
  return [
    // M1: a rider's hazard in xiangyun; municipal works takes it up (no deadline named), resolves it, satisfied.
    submitted('M1', 'hazard', 'rider'),
    routed('M1', 0, GRID, 'xiangyun'),
    { grievance: 'M1', topic: 'ticket.dispatched.v1', minute: 1, payload: { ticketId: '019a0000-0000-7000-8000-0000000000a1', gridId: GRID.id, gridWorkerId: 'gw-1', attempt: 1 } },
    { grievance: 'M1', topic: 'ticket.accepted.v1', minute: 2, payload: { ticketId: '019a0000-0000-7000-8000-0000000000a1', gridWorkerId: 'gw-1' } },
    assigned('M1', 11, MW),
    accepted('M1', 20, MW),
    resolved('M1', 100, MW),
    rated('M1', 110, 'satisfied'),
    // M2: a courier's hazard in binjiang; municipal works misses its respond deadline, resolves,
    // is rated unsatisfied, gets it back, resolves again, rated basically satisfied.
    submitted('M2', 'hazard', 'courier'),
    routed('M2', 0, GRID, 'binjiang'),
    assigned('M2', 5, MW),
    sla('M2', 'breached', 'respond', MW, 5, 35, 35, base),
    accepted('M2', 50, MW),
    resolved('M2', 200, MW),
    rated('M2', 210, 'unsatisfied'),
    { grievance: 'M2', topic: 'grievance.reopened.v1', minute: 211, payload: { reason: 'not fixed', reopenedTo: MW } },
    resolved('M2', 300, MW),
    rated('M2', 310, 'basically_satisfied'),
    // M3: a rider's hazard in xiangyun; urban management takes it up before its warned due time, not resolved yet.
    // The submission says no occupation: routing knew it from the rider's registration.
    submitted('M3', 'hazard'),
    routed('M3', 0, GRID, 'xiangyun', 'hazard', 'rider'),
    assigned('M3', 5, UM),
    sla('M3', 'warned', 'respond', UM, 5, 30, 25, base),
    accepted('M3', 10, UM),
    // M4: a truck driver's appeal in hongcheng; the branch misses its deadline, the committee
    // takes it up in time, returns it to the branch (a bounce), the branch resolves it, satisfied.
    submitted('M4', 'appeal', 'truck_driver'),
    routed('M4', 0, BRANCH, 'hongcheng', 'appeal'),
    sla('M4', 'breached', 'respond', BRANCH, 0, 60, 60, base),
    escalated('M4', 60, BRANCH, COMMITTEE),
    sla('M4', 'warned', 'respond', COMMITTEE, 60, 120, 108, base),
    accepted('M4', 70, COMMITTEE),
    {
      grievance: 'M4',
      topic: 'grievance.returned.v1',
      minute: 80,
      payload: { fromLevel: 'industry_committee', toLevel: 'branch', fromHolder: COMMITTEE, toHolder: BRANCH, reason: 'the branch can do it', bounces: 1 },
    },
    accepted('M4', 90, BRANCH),
    resolved('M4', 100, BRANCH),
    rated('M4', 120, 'satisfied'),
    // M5: a rider's appeal in xiangyun climbs to the top rung, which responds late (督办) and resolves; no rating.
    // The submission said courier; the registration says rider, and wins.
    submitted('M5', 'appeal', 'courier'),
    routed('M5', 0, BRANCH, 'xiangyun', 'appeal', 'rider'),
    escalated('M5', 30, BRANCH, COMMITTEE),
    escalated('M5', 60, COMMITTEE, TOP),
    sla('M5', 'breached', 'respond', TOP, 60, 200, 200, base),
    accepted('M5', 250, TOP),
    resolved('M5', 300, TOP),
    // M6: reached municipal works two days before the range; resolved inside it. Not counted.
    submitted('M6', 'hazard', 'courier'),
    routed('M6', -2 * 24 * 60, GRID, 'binjiang'),
    assigned('M6', -2 * 24 * 60 + 5, MW),
    resolved('M6', 30, MW),
  ];
}

type Expected = Record<string, { received: number; responded: number; resolved: number; rated: number; satisfied: number; bounces: number; breaches: number }>;

/** The rates by hand, for a range starting at `base` and ending after the last event. `withReturns`: the return of M4 was sent. */
export function expectedRates(withReturns: boolean): Record<'department' | 'level' | 'district' | 'industry' | 'branch' | 'committee' | 'grid' | 'grid_worker', Expected> {
  const b = withReturns ? 1 : 0;
  return {
    department: {
      municipal_works: { received: 2, responded: 1, resolved: 2, rated: 2, satisfied: 2, bounces: 0, breaches: 1 },
      urban_management: { received: 1, responded: 1, resolved: 0, rated: 0, satisfied: 0, bounces: 0, breaches: 0 },
    },
    level: {
      branch: { received: 2, responded: 0, resolved: 1, rated: 1, satisfied: 1, bounces: 0, breaches: 1 },
      industry_committee: { received: 2, responded: 1, resolved: 0, rated: 0, satisfied: 0, bounces: b, breaches: 0 },
      two_new_committee: { received: 1, responded: 0, resolved: 1, rated: 0, satisfied: 0, bounces: 0, breaches: 1 },
    },
    district: {
      xiangyun: { received: 3, responded: 2, resolved: 2, rated: 1, satisfied: 1, bounces: 0, breaches: 1 },
      binjiang: { received: 1, responded: 0, resolved: 1, rated: 1, satisfied: 1, bounces: 0, breaches: 1 },
      hongcheng: { received: 1, responded: 1, resolved: 1, rated: 1, satisfied: 1, bounces: b, breaches: 1 },
    },
    industry: {
      rider: { received: 3, responded: 2, resolved: 2, rated: 1, satisfied: 1, bounces: 0, breaches: 1 },
      courier: { received: 1, responded: 0, resolved: 1, rated: 1, satisfied: 1, bounces: 0, breaches: 1 },
      truck_driver: { received: 1, responded: 1, resolved: 1, rated: 1, satisfied: 1, bounces: b, breaches: 1 },
    },
    // The units: the branch and the committee of M4 and M5, the grid of the hazards, the grid worker of M1's ticket.
    branch: {
      'br-1': { received: 2, responded: 0, resolved: 1, rated: 1, satisfied: 1, bounces: 0, breaches: 1 },
    },
    committee: {
      'ic-1': { received: 2, responded: 1, resolved: 0, rated: 0, satisfied: 0, bounces: b, breaches: 0 },
    },
    grid: {
      'xiangyun-yuhua-g1': { received: 3, responded: 2, resolved: 2, rated: 2, satisfied: 2, bounces: 0, breaches: 1 },
    },
    grid_worker: {
      'gw-1': { received: 1, responded: 1, resolved: 0, rated: 0, satisfied: 0, bounces: 0, breaches: 0 },
    },
  };
}
