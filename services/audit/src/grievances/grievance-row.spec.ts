import { EventEnvelope, uuidv7 } from '@grievance/contracts';
import { summariseGrievance } from './grievance-row';

const ID = uuidv7();
const MW = { type: 'department', id: 'municipal_works', name: 'Municipal works' };
const event = (type: string, minute: number, payload: Record<string, unknown>): EventEnvelope => ({
  eventId: uuidv7(),
  type,
  version: 1,
  occurredAt: new Date(Date.UTC(2026, 3, 1, 0, minute)).toISOString(),
  grievanceId: ID,
  actor: { id: 'system', role: 'system' },
  correlationId: 'c',
  causationId: null,
  payload,
});

describe('summariseGrievance', () => {
  const events = [
    event('grievance.submitted', 0, { trackingNo: 'NC-1', kind: 'hazard', category: 'manhole_cover_missing', submittedAt: '2026-04-01T00:00:00.000Z' }),
    event('grievance.routed', 1, { kind: 'hazard', category: 'manhole_cover_missing', districtId: 'xiangyun', gridId: 'g1', holder: { type: 'org_unit', id: 'g1' }, fallback: false }),
    event('ticket.dispatched', 2, { ticketId: uuidv7(), gridId: 'g1', gridWorkerId: 'gw-1', attempt: 1 }),
    event('grievance.assigned', 10, { holder: MW, departmentCode: 'municipal_works', reason: 'verified_on_site' }),
    event('sla.breached', 40, { deadlineId: 'd', target: 'respond', holder: MW, startedAt: '', dueAt: '', firedAt: '', budgetMs: 1 }),
    event('grievance.resolved', 50, { resolvedBy: MW, resolution: 'fixed', attachmentIds: [] }),
    event('grievance.closed', 60, { outcome: 'resolved', slaMet: false }),
  ];

  it('gives the grievance’s state after its events: closed, nobody holding it, the department that did, one breach', () => {
    expect(summariseGrievance(ID, events)).toEqual({
      grievanceId: ID,
      trackingNo: 'NC-1',
      kind: 'hazard',
      category: 'manhole_cover_missing',
      status: 'closed',
      level: null,
      holder: null,
      districtId: 'xiangyun',
      departmentCode: 'municipal_works',
      gridId: 'g1',
      submittedAt: '2026-04-01T00:00:00.000Z',
      breaches: 1,
      underSupervision: false,
    });
  });

  it('is the same whatever order the events arrived in (a late event lands in its place)', () => {
    expect(summariseGrievance(ID, [...events].reverse())).toEqual(summariseGrievance(ID, events));
    expect(summariseGrievance(ID, events.slice(0, 4))).toMatchObject({ status: 'verified', holder: MW });
  });

  it('shows the category an on-site check corrected, and the department that owns it', () => {
    const FIRE = { type: 'department', id: 'fire', name: 'Fire' };
    const corrected = [
      ...events.slice(0, 3),
      event('ticket.verified', 8, { ticketId: uuidv7(), gridWorkerId: 'gw-1', verdict: 'confirmed', note: '', position: { lat: 1, lng: 1 }, attachmentIds: [], correctedCategory: 'fire_hazard' }),
      event('grievance.assigned', 10, { holder: FIRE, departmentCode: 'fire', reason: 'verified_on_site' }),
    ];
    expect(summariseGrievance(ID, corrected)).toMatchObject({ category: 'fire_hazard', departmentCode: 'fire', holder: FIRE, status: 'verified' });
    expect(summariseGrievance(ID, [...corrected].reverse())).toMatchObject({ category: 'fire_hazard' });
  });

  it('is under supervision after a breach at the top rung or a grievance.supervised', () => {
    const top = { type: 'org_unit', id: 'two-new-committee', level: 'two_new_committee' };
    expect(summariseGrievance(ID, [event('sla.breached', 1, { target: 'respond', holder: top, level: 'two_new_committee' })]).underSupervision).toBe(true);
    expect(summariseGrievance(ID, [event('grievance.supervised', 1, { holder: top, cause: 'x', reason: 'y' })])).toMatchObject({ underSupervision: true, status: 'submitted', trackingNo: null });
  });

  it('follows a hazard a department returned or transferred to the department that has it now', () => {
    const UM = { type: 'department', id: 'urban_management', name: 'Urban management' };
    const moved = [
      ...events.slice(0, 4),
      event('grievance.department-returned', 20, { fromHolder: MW, toHolder: UM, departmentCode: 'urban_management', reason: 'not ours', bounces: 1, arbitration: false, attachmentIds: [] }),
    ];
    expect(summariseGrievance(ID, moved)).toMatchObject({ status: 'verified', holder: UM, departmentCode: 'urban_management', level: null });
    const back = event('grievance.transferred', 30, { fromHolder: UM, toHolder: MW, departmentCode: 'municipal_works', reason: 'theirs', bounces: 2, arbitration: false });
    expect(summariseGrievance(ID, [...moved, back])).toMatchObject({ holder: MW, departmentCode: 'municipal_works' });
  });
});

