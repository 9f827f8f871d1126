import { eventually } from '@grievance/testing';
import { api, dispatchedOf, gridWorkerToken, Harness, IN_GRID, publishDirectory, reportHazard, startHarness } from './helpers';

jest.setTimeout(90_000);

/**
 * 驻点: a grid worker posted at a station (驿站) takes the hazards logged there as walk-ins first,
 * while on duty; off duty, a walk-in goes to whoever the usual rule picks.
 */
describe('grid-dispatch: the grid worker posted at a station takes its walk-ins first', () => {
  let h: Harness;
  const STATION = 'st-riverside';
  const POSTED = 'gw-g1-station';

  beforeAll(async () => {
    h = await startHarness();
    // Posted at the station; by the usual rule (ties by id) gw-g1-1 would come first.
    await publishDirectory(h, [{ kind: 'grid_worker', id: POSTED, name: 'Zhou Min', parentId: 'g1', phone: null, partTime: false, attributes: { workerId: null, stationId: STATION } }]);
    await eventually(
      () => h.dataSource.query(`SELECT station_id FROM grid_workers WHERE id = $1`, [POSTED]) as Promise<{ station_id: string | null }[]>,
      (rows) => rows[0]?.station_id === STATION,
      { what: 'the posting copied' },
    );
  });

  afterAll(async () => {
    await h?.close();
  });

  it('gives a walk-in logged at the station to the grid worker posted there; a hazard reported otherwise follows the usual order', async () => {
    const walkIn = await reportHazard(h, { gridId: 'g1', location: IN_GRID.g1, loggedAtStationId: STATION });
    const [dispatched] = await dispatchedOf(h, walkIn.grievanceId);
    expect(dispatched!.payload).toMatchObject({ gridId: 'g1', gridWorkerId: POSTED, attempt: 1 });
    expect(await h.dataSource.query(`SELECT logged_at_station_id FROM grievance_snapshots WHERE grievance_id = $1`, [walkIn.grievanceId])).toEqual([{ logged_at_station_id: STATION }]);

    // Logged at another station: nobody is posted there, the usual rule (fewest open tickets, then by id).
    const elsewhere = await reportHazard(h, { gridId: 'g1', location: IN_GRID.g1, loggedAtStationId: 'st-elsewhere' });
    expect((await dispatchedOf(h, elsewhere.grievanceId))[0]!.payload.gridWorkerId).toBe('gw-g1-1');
  });

  it('moves a walk-in whose report came after its dispatch (nobody accepted it yet) to the grid worker posted at the station', async () => {
    const late = await reportHazard(h, { gridId: 'g1', location: IN_GRID.g1, loggedAtStationId: STATION, routedFirst: true });
    const [first, moved] = await dispatchedOf(h, late.grievanceId, 2);
    // Without the report, the usual rule: gw-g1-2 held no ticket.
    expect(first!.payload).toMatchObject({ gridWorkerId: 'gw-g1-2', attempt: 1 });
    expect(moved!.payload).toMatchObject({ gridWorkerId: POSTED, attempt: 2 });
    expect(await h.dataSource.query(`SELECT grid_worker_id, status FROM tickets WHERE grievance_id = $1`, [late.grievanceId])).toEqual([{ grid_worker_id: POSTED, status: 'dispatched' }]);
  });

  it('with the posted grid worker off duty, gives the walk-in to the usual one', async () => {
    await api(h).put('/v1/grid-workers/me/duty').set('Authorization', `Bearer ${await gridWorkerToken(POSTED, 'g1')}`).send({ onDuty: false }).expect(200);
    const walkIn = await reportHazard(h, { gridId: 'g1', location: IN_GRID.g1, loggedAtStationId: STATION });
    // gw-g1-2 holds no ticket yet (gw-g1-1 and the posted one hold one each).
    expect((await dispatchedOf(h, walkIn.grievanceId))[0]!.payload.gridWorkerId).toBe('gw-g1-2');
  });
});
