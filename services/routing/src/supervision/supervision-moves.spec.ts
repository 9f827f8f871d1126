import type { Holder } from '@grievance/contracts';
import type { SlaDeadline, SlaEngine } from '@grievance/sla';
import { payloadsOn, recordingTransaction, strictMock } from '@grievance/testing/unit';
import { hazardGrievance } from '../../test/unit-fixtures';
import type { MoveCause } from '../escalation/chain-moves';
import type { GrievanceRepository } from '../grievances/grievance.repository';
import { SupervisionMoves } from './supervision-moves';

const OFFICE: Holder = { type: 'department', id: 'xiangyun_supervision', name: 'Xiangyun Supervising Office' };
const DEPT: Holder = { type: 'department', id: 'municipal_works', name: 'Municipal Works Bureau' };
const CAUSE: MoveCause = { actor: { id: 'routing', role: 'system' }, correlationId: 'c-1', causationId: 'e-breach' };
const DUE_1 = new Date('2026-12-03T10:00:00Z');
const DUE_2 = new Date('2026-12-08T10:00:00Z');

function setup() {
  const tx = recordingTransaction();
  const grievances = strictMock<GrievanceRepository>({ save: async () => undefined }, 'grievances');
  const sla = strictMock<SlaEngine>(
    {
      start: async (_tx, input) => ({ ...input, id: 'd-1', dueAt: DUE_1 }) as unknown as SlaDeadline,
      carryOver: async (_tx, _id, input) => ({ id: 'd-2', holder: input.holder, dueAt: DUE_2 }) as unknown as SlaDeadline,
    },
    'sla',
  );
  return { tx, grievances, sla, moves: new SupervisionMoves(grievances, sla) };
}

describe('supervision (督办) moves', () => {
  it('round 1: the supervising office owns the supervision, its follow-up clock starts, the department keeps the grievance', async () => {
    const { tx, sla, moves } = setup();
    const grievance = hazardGrievance({ status: 'in_progress' });
    await moves.begin(tx, grievance, { holder: DEPT, supervisor: OFFICE, cause: 'department_deadline_missed', reason: 'late', districtId: 'xiangyun' }, CAUSE);
    expect(grievance).toMatchObject({ underSupervision: true, supervisionRound: 1, supervisor: OFFICE, departmentCode: 'municipal_works', holder: DEPT });
    expect(sla.start).toHaveBeenCalledWith(tx, expect.objectContaining({ subject: 'supervision', target: 'resolve', holder: OFFICE, grievance: expect.objectContaining({ stage: 'supervision', kind: 'hazard' }) }));
    expect(payloadsOn(tx, 'grievance.supervised.v1')).toEqual([
      { holder: DEPT, cause: 'department_deadline_missed', reason: 'late', supervisor: OFFICE, round: 1, followUpDueAt: DUE_1.toISOString(), districtId: 'xiangyun' },
    ]);
  });

  it('a missed follow-up: the next round, with a fresh deadline for the same owner', async () => {
    const { tx, sla, moves } = setup();
    const grievance = hazardGrievance({ status: 'in_progress', underSupervision: true, supervisionRound: 1, supervisor: OFFICE });
    const missed = { id: 'd-1', holder: OFFICE } as SlaDeadline;
    await moves.followUp(tx, grievance, missed, 2, 'no follow-up', CAUSE);
    expect(grievance).toMatchObject({ supervisionRound: 2, supervisor: OFFICE });
    expect(sla.carryOver).toHaveBeenCalledWith(tx, 'd-1', expect.objectContaining({ holder: OFFICE, budget: 'fresh', stage: 'supervision' }));
    expect(payloadsOn(tx, 'grievance.supervised.v1')).toEqual([
      { holder: DEPT, cause: 'follow_up_missed', reason: 'no follow-up', supervisor: OFFICE, round: 2, followUpDueAt: DUE_2.toISOString(), districtId: 'xiangyun' },
    ]);
  });
});
