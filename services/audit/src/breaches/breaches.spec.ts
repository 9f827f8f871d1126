import type { EventEnvelope } from '@grievance/contracts';
import { supervisedGrievances } from './breaches';

const G = '0196c0de-0000-7000-8000-000000000001';
const DEPT = { type: 'department', id: 'municipal_works', name: 'Municipal works' };
const OFFICE = { type: 'department', id: 'xiangyun_supervision', name: 'Xiangyun supervising office' };
const TOP = { type: 'org_unit', id: 'two-new-committee', name: 'Two-New Work Committee', level: 'two_new_committee' };
const at = (minutes: number) => new Date(Date.UTC(2026, 11, 1, 2, minutes)).toISOString();

const event = (eventId: string, type: string, minutes: number, payload: Record<string, unknown>, grievanceId = G) =>
  ({ envelope: { eventId, type, version: 1, occurredAt: at(minutes), grievanceId, payload } as unknown as EventEnvelope, closedAt: null });

describe('the grievances under supervision (督办)', () => {
  it('show the owner, round and follow-up deadline of the latest round, and every round among the causes', () => {
    const round1 = event('e1', 'grievance.supervised', 10, { holder: DEPT, cause: 'department_deadline_missed', reason: 'late', supervisor: OFFICE, round: 1, followUpDueAt: at(40), districtId: 'xiangyun' });
    const round2 = event('e2', 'grievance.supervised', 40, { holder: DEPT, cause: 'follow_up_missed', reason: 'late again', supervisor: OFFICE, round: 2, followUpDueAt: at(70), districtId: 'xiangyun' });
    // Out of order and redelivered: the latest round still speaks.
    const [m] = supervisedGrievances([round2, round1, round2]);
    expect(m).toMatchObject({ grievanceId: G, since: at(10), holder: DEPT, owner: OFFICE, round: 2, followUpDueAt: at(70), closedAt: null });
    expect(m!.causes.map((c) => [c.cause, c.round, c.followUpDueAt])).toEqual([
      ['department_deadline_missed', 1, at(40)],
      ['follow_up_missed', 2, at(70)],
      ['follow_up_missed', 2, at(70)],
    ]);
  });

  it('reads a supervision from before owners were named as round 1, with no owner and no follow-up deadline', () => {
    const [m] = supervisedGrievances([event('e3', 'grievance.supervised', 5, { holder: TOP, level: 'two_new_committee', cause: 'deadline_missed', reason: 'late' })]);
    expect(m).toMatchObject({ round: 1, followUpDueAt: null, level: 'two_new_committee' });
    expect(m).not.toHaveProperty('owner');
  });
});
