import { randomUUID } from 'node:crypto';
import { createEnvelope, routedReportOf, TicketVerifiedV1 } from '@grievance/contracts';
import { eventually, waitForMessages } from '@grievance/testing';
import { api, dispatchedOf, gridWorkerToken, Harness, IN_GRID, parse, publishDirectory, routedEvent, startHarness } from './helpers';

jest.setTimeout(120_000);

/**
 * 骑手发单—网格员派单—部门接单: a rider appointed as the part-time grid worker of g2 reports a
 * hazard in g2 with a photo: grid-dispatch records their check at once (ticket.verified.v1 by them,
 * confirmed), dispatching nobody. Outside their grid, or without a photo, the normal loop applies.
 */
describe('grid-dispatch: a part-time grid worker’s own report is the on-site check', () => {
  let h: Harness;
  const RIDER = `rider-${randomUUID().slice(0, 8)}`;
  const APPOINTEE = 'gw-g2-rider';

  beforeAll(async () => {
    h = await startHarness();
    await publishDirectory(h, [{ kind: 'grid_worker', id: APPOINTEE, name: 'Li Wei', parentId: 'g2', phone: null, partTime: true, attributes: { workerId: RIDER } }]);
    await eventually(
      () => h.dataSource.query(`SELECT worker_id FROM grid_workers WHERE id = $1`, [APPOINTEE]) as Promise<{ worker_id: string }[]>,
      (rows) => rows[0]?.worker_id === RIDER,
      { what: 'the appointment copied' },
    );
    // Off duty: no ticket of somebody else's report goes to them (their own report counts on or off duty).
    await api(h).put('/v1/grid-workers/me/duty').set('Authorization', `Bearer ${await gridWorkerToken(APPOINTEE, 'g2')}`).send({ onDuty: false }).expect(200);
  });

  afterAll(async () => {
    await h?.close();
  });

  /** The rider's own submission (as themself, role worker) and routing's routing of it to `gridId`. */
  async function report(options: { gridId: string; location: { lat: number; lng: number }; photos: number; routedFirst?: boolean; reporter?: string }) {
    const grievanceId = randomUUID();
    const reporter = options.reporter ?? RIDER;
    const submitted = createEnvelope({
      topic: 'grievance.submitted.v1',
      grievanceId,
      actor: { id: reporter, role: 'worker' },
      correlationId: `test-${grievanceId}`,
      payload: {
        trackingNo: 'NC-20261207-000001',
        kind: 'hazard',
        category: 'flying_wire_charging',
        title: 'Flying-wire charging in the stairwell',
        description: 'A cable from the third floor window.',
        urgency: 'normal',
        location: { ...options.location, address: 'Stairwell 3' },
        attachmentIds: Array.from({ length: options.photos }, () => randomUUID()),
        reporter: { id: reporter, occupation: 'rider' },
        submittedAt: new Date().toISOString(),
      },
    });
    if (!options.routedFirst) {
      // As routing does now: the routing carries the report.
      await h.publisher.publish('grievance.submitted.v1', submitted);
      await h.publisher.publish('grievance.routed.v1', routedEvent(grievanceId, submitted.correlationId, submitted.eventId, options.gridId, routedReportOf(submitted)));
      return { grievanceId, submitted };
    }
    // A routing made before routings carried the report, handled before the submission came.
    await h.publisher.publish('grievance.routed.v1', routedEvent(grievanceId, submitted.correlationId, submitted.eventId, options.gridId));
    await eventually(
      () => h.dataSource.query(`SELECT 1 FROM tickets WHERE grievance_id = $1`, [grievanceId]) as Promise<unknown[]>,
      (rows) => rows.length === 1,
      { what: 'grievance.routed.v1 consumed' },
    );
    await h.publisher.publish('grievance.submitted.v1', submitted);
    return { grievanceId, submitted };
  }

  const ticketOf = async (grievanceId: string) =>
    (
      (await h.dataSource.query(`SELECT id, status, grid_worker_id AS "gridWorkerId", verdict FROM tickets WHERE grievance_id = $1`, [grievanceId])) as {
        id: string;
        status: string;
        gridWorkerId: string | null;
        verdict: string | null;
      }[]
    )[0];

  it('records the check by the part-time grid worker at once, with the report’s photo and position, and dispatches nobody', async () => {
    const { grievanceId, submitted } = await report({ gridId: 'g2', location: IN_GRID.g2, photos: 1 });
    const [message] = await waitForMessages(h.kafka, 'ticket.verified.v1', 1, (m) => parse(m).grievanceId === grievanceId);
    const verified = parse<TicketVerifiedV1>(message!);
    expect(verified.actor).toEqual({ id: APPOINTEE, role: 'grid_worker' });
    expect(verified.payload).toMatchObject({ gridWorkerId: APPOINTEE, verdict: 'confirmed', position: IN_GRID.g2, attachmentIds: submitted.payload.attachmentIds });
    expect(await ticketOf(grievanceId)).toMatchObject({ status: 'verified', gridWorkerId: APPOINTEE, verdict: 'confirmed' });
    const dispatched = (await h.dataSource.query(`SELECT count(*)::int AS n FROM messaging_outbox WHERE topic = 'ticket.dispatched.v1' AND message_key = $1`, [grievanceId])) as { n: number }[];
    expect(dispatched[0]!.n).toBe(0);

    // Their own inbox as grid worker shows the ticket, checked.
    const mine = await api(h).get('/v1/tickets').set('Authorization', `Bearer ${await gridWorkerToken(APPOINTEE, 'g2')}`).expect(200);
    expect(mine.body.find((t: { grievanceId: string }) => t.grievanceId === grievanceId)).toMatchObject({ status: 'verified', verdict: 'confirmed' });
  });

  it('takes the check from a ticket dispatched before the report arrived, ending that grid worker’s accept clock', async () => {
    const { grievanceId } = await report({ gridId: 'g2', location: IN_GRID.g2, photos: 1, routedFirst: true });
    const [dispatched] = await dispatchedOf(h, grievanceId);
    expect(dispatched!.payload.gridWorkerId).not.toBe(APPOINTEE);
    await waitForMessages(h.kafka, 'ticket.verified.v1', 1, (m) => parse(m).grievanceId === grievanceId);
    expect(await ticketOf(grievanceId)).toMatchObject({ status: 'verified', gridWorkerId: APPOINTEE });
    const open = (await h.dataSource.query(`SELECT target FROM sla_deadlines WHERE grievance_id = $1 AND status IN ('running', 'paused')`, [grievanceId])) as unknown[];
    expect(open).toEqual([]);
  });

  it('leaves the normal loop to their report outside their grid, without a photo, and to other riders', async () => {
    const outside = await report({ gridId: 'g3', location: IN_GRID.g3, photos: 1 });
    const noPhoto = await report({ gridId: 'g2', location: IN_GRID.g2, photos: 0 });
    const other = await report({ gridId: 'g2', location: IN_GRID.g2, photos: 1, reporter: `rider-${randomUUID().slice(0, 8)}` });
    for (const { grievanceId } of [outside, noPhoto, other]) {
      const [dispatched] = await dispatchedOf(h, grievanceId);
      expect(dispatched!.payload.gridWorkerId).not.toBe(APPOINTEE);
      expect(await ticketOf(grievanceId)).toMatchObject({ status: 'dispatched', verdict: null });
    }
  });

  it('gives them, on duty as grid worker, the tickets of their grid like any grid worker', async () => {
    const duty = async (id: string, onDuty: boolean) =>
      api(h).put('/v1/grid-workers/me/duty').set('Authorization', `Bearer ${await gridWorkerToken(id, 'g2')}`).send({ onDuty }).expect(200);
    await duty(APPOINTEE, true);
    await duty('gw-g2-1', false);
    try {
      const { grievanceId } = await report({ gridId: 'g2', location: IN_GRID.g2, photos: 1, reporter: `rider-${randomUUID().slice(0, 8)}` });
      const [dispatched] = await dispatchedOf(h, grievanceId);
      expect(dispatched!.payload.gridWorkerId).toBe(APPOINTEE);
    } finally {
      await duty('gw-g2-1', true);
      await duty(APPOINTEE, false);
    }
  });
});
