import { DUPLICATE_CHECK_HOLDER } from '@grievance/contracts';
import { fixedClock, manholeReport, payloadsOn, recordingTransaction, strictMock } from '@grievance/testing/unit';
import { hazardGrievance } from '../../test/unit-fixtures';
import { GrievanceEntity } from './grievance.entity';
import type { GrievanceRepository, NewGrievance } from './grievance.repository';
import { LinkDuplicate } from './link-duplicate.use-case';

const ORIGINAL = '0196c0de-0000-7000-8000-000000000001';
const NOW = new Date('2026-11-23T08:00:00Z');

function setup(existing: GrievanceEntity | null = null) {
  const tx = recordingTransaction();
  const grievances = strictMock<GrievanceRepository>(
    { findForUpdate: async () => existing, insert: async (row: NewGrievance) => (existing ? undefined : Object.assign(new GrievanceEntity(), row)) },
    'grievances',
  );
  return { tx, grievances, link: new LinkDuplicate(grievances, fixedClock(NOW)) };
}

describe('linking a hazard the duplicate check found a duplicate', () => {
  it('keeps it as linked, held by the duplicate check, and publishes grievance.linked.v1 caused by the submission', async () => {
    const { link, tx, grievances } = setup();
    const submitted = manholeReport(undefined, { duplicateOf: ORIGINAL, reporter: { id: 'worker-2' } });
    await expect(link.execute(submitted, tx)).resolves.toBe('applied');
    expect(grievances.insert.mock.calls[0]![0]).toMatchObject({
      grievanceId: submitted.grievanceId,
      reporterId: 'worker-2',
      status: 'linked',
      holder: DUPLICATE_CHECK_HOLDER,
      districtId: null,
      gridId: null,
      departmentCode: null,
      fallback: false,
    });
    expect(tx.events.map((e) => e.topic)).toEqual(['grievance.linked.v1']);
    expect(payloadsOn(tx, 'grievance.linked.v1')).toEqual([{ duplicateOf: ORIGINAL, reporterId: 'worker-2', linkedBy: { type: 'org_unit', id: 'intake', name: 'duplicate check' } }]);
    expect(tx.events[0]!.envelope).toMatchObject({
      grievanceId: submitted.grievanceId,
      actor: { id: 'routing', role: 'system' },
      causationId: submitted.eventId,
      correlationId: submitted.correlationId,
      occurredAt: NOW.toISOString(),
    });
  });

  it('links a redelivered submission only once', async () => {
    const submitted = manholeReport(undefined, { duplicateOf: ORIGINAL });
    const { link, tx } = setup(hazardGrievance({ grievanceId: submitted.grievanceId, status: 'linked', holder: { ...DUPLICATE_CHECK_HOLDER } }));
    await expect(link.execute(submitted, tx)).resolves.toBe('skipped');
    expect(tx.events).toEqual([]);
  });

  it.each([
    ['a hazard that is no duplicate (RouteGrievance routes it)', {}],
    ['an appeal (the chain takes it)', { kind: 'appeal' as const, duplicateOf: ORIGINAL }],
  ])('leaves alone %s', async (_case, over) => {
    const { link, tx, grievances } = setup();
    await expect(link.execute(manholeReport(undefined, over), tx)).resolves.toBe('skipped');
    expect(grievances.findForUpdate).not.toHaveBeenCalled();
    expect(tx.events).toEqual([]);
  });
});
