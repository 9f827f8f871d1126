import { EventEnvelope, uuidv7 } from '@grievance/contracts';
import { expectedRates, FixtureEvent, ratesFixture } from '../../test/rates-fixture';
import { computeRates, GROUP_BYS } from './rates';

const BASE = new Date('2026-04-01T00:00:00.000Z');
const RANGE = { from: BASE, to: new Date(BASE.getTime() + 24 * 60 * 60_000) };
const IDS: Record<FixtureEvent['grievance'], string> = { M1: uuidv7(), M2: uuidv7(), M3: uuidv7(), M4: uuidv7(), M5: uuidv7(), M6: uuidv7() };

const envelopes = (events: FixtureEvent[]): EventEnvelope[] =>
  events.map((e) => ({
    eventId: uuidv7(),
    type: e.topic.replace(/\.v\d+$/, ''),
    version: 1,
    occurredAt: new Date(BASE.getTime() + e.minute * 60_000).toISOString(),
    grievanceId: IDS[e.grievance],
    actor: { id: 'system', role: 'system' },
    correlationId: 'c',
    causationId: null,
    payload: e.payload,
  }));

const withRates = (expected: ReturnType<typeof expectedRates>[keyof ReturnType<typeof expectedRates>]) =>
  Object.entries(expected)
    .map(([group, t]) => ({
      group,
      ...t,
      responseRate: t.received ? t.responded / t.received : null,
      resolutionRate: t.received ? t.resolved / t.received : null,
      satisfactionRate: t.rated ? t.satisfied / t.rated : null,
    }))
    .sort((a, b) => (a.group < b.group ? -1 : 1));

describe('computeRates', () => {
  const events = envelopes(ratesFixture(BASE));

  it.each(GROUP_BYS)('counts received, responded in time, resolved and satisfied by %s as computed by hand', (groupBy) => {
    expect(computeRates(events, groupBy, RANGE)).toEqual(withRates(expectedRates(true)[groupBy]));
  });

  it('gives the hand-computed rates for municipal works: half responded in time, all resolved, all satisfied', () => {
    const [mw] = computeRates(events, 'department', RANGE);
    expect(mw).toMatchObject({ group: 'municipal_works', responseRate: 0.5, resolutionRate: 1, satisfactionRate: 1 });
  });

  it('does not depend on the order the events arrived in', () => {
    const shuffled = [...events].reverse();
    expect(computeRates(shuffled, 'level', RANGE)).toEqual(computeRates(events, 'level', RANGE));
  });

  it('counts a grievance where it reached its holder: without a range the one reached two days earlier counts too', () => {
    const mw = computeRates(events, 'department').find((r) => r.group === 'municipal_works')!;
    expect(mw).toMatchObject({ received: 3, resolved: 3, rated: 2 });
  });

  it('works without any return events (a catalogue without grievance.returned)', () => {
    const noReturns = envelopes(ratesFixture(BASE).filter((e) => e.topic !== 'grievance.returned.v1'));
    expect(computeRates(noReturns, 'level', RANGE)).toEqual(withRates(expectedRates(false).level));
  });

  it('says null, not 0, for a rate with nothing to divide by', () => {
    const um = computeRates(events, 'department', RANGE).find((r) => r.group === 'urban_management')!;
    expect(um.satisfactionRate).toBeNull();
    expect(computeRates([], 'department', RANGE)).toEqual([]);
  });

  it('counts a department’s return and its transfer as bounces of that department', () => {
    const handBack = (topic: string, minute: number): FixtureEvent => ({
      grievance: 'M1',
      topic,
      minute,
      payload: { fromHolder: { type: 'department', id: 'municipal_works', name: 'Municipal works' }, toHolder: { type: 'department', id: 'urban_management', name: 'Urban management' }, reason: 'not ours' },
    });
    const events = envelopes([...ratesFixture(BASE), handBack('grievance.department-returned.v1', 30), handBack('grievance.transferred.v1', 31)]);
    const before = computeRates(envelopes(ratesFixture(BASE)), 'department', RANGE).find((r) => r.group === 'municipal_works')!;
    const after = computeRates(events, 'department', RANGE).find((r) => r.group === 'municipal_works')!;
    expect(after.bounces).toBe(before.bounces + 2);
  });

  it('counts a part-time grid worker whose own report was the on-site check as received and responded by them', () => {
    const GRID_WORKER = { type: 'grid_worker', id: 'gw-rider' };
    const MW = { type: 'department', id: 'municipal_works', name: 'Municipal works' };
    const selfChecked = envelopes([
      { grievance: 'M6', topic: 'grievance.routed.v1', minute: 1, payload: { kind: 'hazard', category: 'road_damage', gridId: 'g1', holder: { type: 'org_unit', id: 'g1' }, fallback: false } },
      { grievance: 'M6', topic: 'ticket.verified.v1', minute: 1, payload: { ticketId: uuidv7(), gridWorkerId: 'gw-rider', verdict: 'confirmed', note: '', position: { lat: 1, lng: 1 }, attachmentIds: [] } },
      { grievance: 'M6', topic: 'grievance.assigned.v1', minute: 2, payload: { holder: MW, departmentCode: 'municipal_works', reason: 'verified_on_site' } },
    ]);
    expect(computeRates(selfChecked, 'grid_worker', RANGE)).toEqual([
      expect.objectContaining({ group: GRID_WORKER.id, received: 1, responded: 1, resolved: 0, responseRate: 1 }),
    ]);
    // A grid worker a ticket was dispatched to is reached by the dispatch and answers by accepting; their verdict adds nothing.
    const dispatched = envelopes([
      { grievance: 'M5', topic: 'ticket.dispatched.v1', minute: 1, payload: { ticketId: uuidv7(), gridId: 'g1', gridWorkerId: 'gw-1', attempt: 1 } },
      { grievance: 'M5', topic: 'ticket.verified.v1', minute: 3, payload: { ticketId: uuidv7(), gridWorkerId: 'gw-1', verdict: 'confirmed', note: '', position: { lat: 1, lng: 1 }, attachmentIds: [] } },
    ]);
    expect(computeRates(dispatched, 'grid_worker', RANGE)).toEqual([expect.objectContaining({ group: 'gw-1', received: 1, responded: 0 })]);
  });
});
